//@ check-fail
// A double free, rejected: after `let alias = buffer;` only `alias` owns the heap block.
// Freeing through both names would free it twice; Rust treats `buffer` as moved-out.
fn main() {
    let buffer = String::from("one heap block");
    let alias = buffer;
    drop(alias);
    drop(buffer); //~ ERROR E0382
}
