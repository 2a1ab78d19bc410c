//@ run-ub aliasing
fn main() {
    let mut x: i32 = 1;
    let p: *mut i32 = &mut x;
    let shared: &i32 = unsafe { &*p };
    println!("{}", shared);
    unsafe { *p = 2 };
    println!("{}", *shared); //~ UB aliasing
}
