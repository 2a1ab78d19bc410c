//@ run-panic
//@ features: vec
// Integer division by a zero that only exists at run time.
fn main() {
    let parts = vec![10, 20];
    let empty = parts.len() - 2;
    println!("{}", 100 / empty); //~ PANIC attempt to divide by zero
}
