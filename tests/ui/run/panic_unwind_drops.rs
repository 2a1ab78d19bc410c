//@ run-panic
// A panic unwinds through two frames; each frame's locals are dropped, innermost first.
struct Noisy(&'static str);

impl Drop for Noisy {
    fn drop(&mut self) {
        println!("drop {}", self.0);
    }
}

fn inner(v: &[i32], i: usize) -> i32 {
    let _guard = Noisy("inner");
    v[i] //~ PANIC index out of bounds: the len is 3 but the index is 7
}

fn main() {
    let _outer = Noisy("main");
    let v = vec![1, 2, 3];
    println!("{}", inner(&v, 1));
    println!("{}", inner(&v, 7));
}
