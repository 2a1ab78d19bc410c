//@ run-panic
//@ features: vec
// unwrap on an empty Vec's first element.
fn main() {
    let v: Vec<i32> = Vec::new();
    println!("looking");
    let first = v.first().unwrap(); //~ PANIC called `Option::unwrap()` on a `None` value
    println!("{}", first);
}
