//@ check-fail
// A value of the wrong type where the signature or an annotation says otherwise.
fn double(x: i32) -> i32 {
    x * 2
}

fn name() -> String {
    "static" //~ ERROR E0308
}

fn main() {
    let n: u8 = 300u16; //~ ERROR E0308
    let s = double("four"); //~ ERROR E0308
    if n { //~ ERROR E0308
        println!("{} {}", s, name());
    }
}
