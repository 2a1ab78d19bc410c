//@ check-fail
// Trait bounds that do not hold: formatting without Display, indexing with a signed integer.
struct Meters(f64);

fn show<T: Clone>(x: T) -> T {
    x.clone()
}

struct Plain;

fn main() {
    let m = Meters(1.5);
    println!("{}", m); //~ ERROR E0277
    let v = vec![10, 20, 30];
    let i: i32 = 1;
    println!("{}", v[i]); //~ ERROR E0277
    show(Plain); //~ ERROR E0277
}
