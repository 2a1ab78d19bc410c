//@ run-pass
// A closure made inside a generic function is instantiated with that function's types.
fn apply_twice<T: Clone + std::fmt::Debug>(x: T) -> Vec<T> {
    let make = |n: usize| -> Vec<T> { (0..n).map(|_| x.clone()).collect() };
    make(2)
}

fn keep<T: std::fmt::Debug>(x: T) -> usize {
    let f = move || format!("{:?}", x);
    let s = f();
    s.len()
}

fn main() {
    println!("{:?}", apply_twice(5));
    println!("{:?}", apply_twice("s".to_string()));
    println!("{:?}", apply_twice(1.5));
    println!("{} {}", keep(String::from("abc")), keep(vec![1, 2]));
}
