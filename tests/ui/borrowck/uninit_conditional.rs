//@ check-fail
fn main() {
    let limit: i32;
    let n = 3;
    if n > 2 {
        limit = 10;
    }
    println!("{}", limit); //~ ERROR E0381
}
