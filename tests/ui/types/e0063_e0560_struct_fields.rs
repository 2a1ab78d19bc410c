//@ check-fail
// Struct literals must name each field exactly once, and only fields that exist.
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let p = Point { x: 1 }; //~ ERROR E0063
    let q = Point { x: 1, y: 2, z: 3 }; //~ ERROR E0560
    println!("{}", p.x + q.y);
}
