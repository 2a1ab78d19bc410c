//@ run-ub out-of-bounds
fn main() {
    let arr = [1, 2, 3];
    let p = arr.as_ptr();
    let x = unsafe { *p.add(3) }; //~ UB out-of-bounds
    println!("{}", x);
}
