//@ check-fail
// Patterns that name fields the type lacks, leave fields out, miscount a variant's fields,
// or can fail where they must not.
struct Point {
    x: i32,
    y: i32,
}

enum Shape {
    Rect(i32, i32),
}

fn first((a, 0): (i32, i32)) -> i32 { //~ ERROR E0005
    a
}

fn main() {
    let p = Point { x: 1, y: 2 };
    let Point { z, .. } = p; //~ ERROR E0026
    let Point { x } = p; //~ ERROR E0027
    let s = Shape::Rect(1, 2);
    match s {
        Shape::Rect(w) => println!("{}", w), //~ ERROR E0023
    }
    let opt = Some(1);
    let Some(v) = opt; // not reported: rustc skips exhaustiveness in a body with type errors
    println!("{} {} {}", x, v, first((1, 0)));
}
