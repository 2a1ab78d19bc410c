//@ check-fail
fn adder(base: i32) -> impl Fn(i32) -> i32 {
    let offset = base + 1;
    |x| x + offset //~ ERROR E0373
}

fn main() {
    let mut count = 0;
    let mut inc = || count += 1;
    println!("{}", count); //~ ERROR E0502
    inc();
    println!("{}", adder(1)(2));
}
