//@ run-panic
struct Bomb;

impl Drop for Bomb {
    fn drop(&mut self) {
        panic!("bomb went off");
    }
}

fn main() {
    let _b = Bomb;
    let v: Vec<i32> = Vec::new();
    println!("{}", v[0]); //~ PANIC index out of bounds: the len is 0 but the index is 0
}
