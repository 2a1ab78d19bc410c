//@ run-panic
//@ features: lifetimes, match, panic
// unreachable! with a formatted message.
fn classify(n: i32) -> &'static str {
    match n % 3 {
        0 => "fizz",
        1 | -1 => "one off",
        r => unreachable!("remainder {} of {}", r, n), //~ PANIC internal error: entered unreachable code: remainder 2 of 5
    }
}

fn main() {
    println!("{}", classify(3));
    println!("{}", classify(4));
    println!("{}", classify(5));
}
