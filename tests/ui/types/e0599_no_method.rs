//@ check-fail
// Methods that the receiver's type does not have, even after autoderef.
struct Counter {
    n: u32,
}

impl Counter {
    fn get(&self) -> u32 {
        self.n
    }
}

fn main() {
    let c = Counter { n: 1 };
    c.increment(); //~ ERROR E0599
    let v = vec![1, 2, 3];
    let n = v.length(); //~ ERROR E0599
    let d = Counter::create(); //~ ERROR E0599
    println!("{}", c.get());
}
