//@ check-fail
// Where a mismatch is reported: the tail of a block, the element of an annotated tuple,
// the right operand of an operator whose only impl fixes its type.
fn label(n: i32) -> String {
    let f = |x: i32| -> String { x }; //~ ERROR E0308
    if n > 1 { f(n) } else { 7 } //~ ERROR E0308
}

fn main() {
    let (a, b): (i32, i32) = (1, "x"); //~ ERROR E0308
    let s = String::from("a") + String::from("b"); //~ ERROR E0308
    let maybe = Some(1);
    if maybe == 5 { //~ ERROR E0308
        println!("{} {} {} {}", a, b, s, label(2));
    }
}
