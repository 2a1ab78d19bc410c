//@ check-fail
// Field access: a field that does not exist, and a method used as a field.
struct Point {
    x: i32,
}

impl Point {
    fn norm(&self) -> i32 {
        self.x.abs()
    }
}

fn main() {
    let p = Point { x: 1 };
    println!("{}", p.z); //~ ERROR E0609
    println!("{}", p.norm); //~ ERROR E0615
}
