//@ check-fail
// Operand types that do not fit a builtin operator, and control flow whose types do not fit.
fn pick(b: bool) -> i32 {
    if b { 1 } //~ ERROR E0317
}

fn main() {
    let small = 1u8 + 2u32; //~ ERROR E0308
    //~^ ERROR E0277
    let n = 1;
    let x = 2.0;
    if n < x {} //~ ERROR E0308
    //~^ ERROR E0277
    while true {
        break 5; //~ ERROR E0571
    }
    let add = |a: i32, b: i32| a + b;
    add(1); //~ ERROR E0057
    let len = n.size; //~ ERROR E0610
    println!("{} {} {}", small, pick(true), len);
}
