//@ check-fail
// Unsafe operations outside an `unsafe` block.
unsafe fn danger() -> i32 {
    1
}

static mut COUNT: u32 = 0;

fn main() {
    let x = 5;
    let p = &x as *const i32;
    let y = *p; //~ ERROR E0133
    let z = danger(); //~ ERROR E0133
    COUNT += 1; //~ ERROR E0133
    println!("{} {}", y, z);
}
