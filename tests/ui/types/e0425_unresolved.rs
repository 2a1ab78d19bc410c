//@ check-fail
// A name that nothing declares.
fn main() {
    let total = 1;
    println!("{}", totl); //~ ERROR E0425
    let x = undefined_fn(total); //~ ERROR E0425
}
