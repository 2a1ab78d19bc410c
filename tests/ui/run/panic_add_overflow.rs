//@ run-panic
//@ features: for-range
// u8 arithmetic overflows in a debug build: a panic, not a wrap.
fn main() {
    let mut level: u8 = 250;
    for step in 0..10 {
        println!("step {} level {}", step, level);
        level += 1; //~ PANIC attempt to add with overflow
    }
}
