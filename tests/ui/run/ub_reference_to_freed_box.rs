//@ run-ub use-after-free
fn main() {
    let b = Box::new(41);
    let r: *const i32 = &*b;
    drop(b);
    let v = unsafe { &*r }; //~ UB use-after-free
    println!("{}", v);
}
