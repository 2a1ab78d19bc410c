//@ check-fail
// Calls with the wrong number of arguments.
fn add(a: i32, b: i32) -> i32 {
    a + b
}

struct Acc {
    total: i32,
}

impl Acc {
    fn push(&mut self, x: i32) {
        self.total += x;
    }
}

fn main() {
    let s = add(1); //~ ERROR E0061
    let mut acc = Acc { total: 0 };
    acc.push(1, 2); //~ ERROR E0061
    println!("{} {}", s, acc.total);
}
