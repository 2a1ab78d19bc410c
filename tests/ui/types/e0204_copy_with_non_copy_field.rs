//@ check-fail
// Copy, derived or written, needs every field to be Copy.
#[derive(Clone, Copy)]
struct Named { //~ ERROR E0204
    name: String,
    id: u32,
}

#[derive(Clone)]
struct Buffer {
    data: Vec<u8>,
}

impl Copy for Buffer {} //~ ERROR E0204

#[derive(Clone, Copy)]
struct Wrapper<T> {
    value: T,
}

fn main() {
    let w = Wrapper { value: 1 };
    let v = w;
    println!("{} {}", w.value, v.value);
}
