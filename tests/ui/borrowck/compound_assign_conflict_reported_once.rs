//@ check-fail
//@ features: shared-borrow, mut-borrow, if-else
// A compound assignment whose read conflicts with a loan is reported once (E0503), not again as E0384
fn main() {
    let n6: i32;
    if 9 > 4 {
        n6 = 1;
    } else {
        n6 = 2;
    }
    println!("{}", n6);
    let r7 = &mut n6; //~ ERROR E0596
    n6 += 1; //~ ERROR E0503
    *r7 += 1;
}
