//@ run-panic
//@ features: vec
// usize subtraction below zero.
fn main() {
    let items = vec![1, 2];
    let missing = items.len() - 3; //~ PANIC attempt to subtract with overflow
    println!("{}", missing);
}
