//@ run-ub invalid-free
// Box::from_raw on a pointer into a stack array: dropping the Box frees memory the heap never gave out.
fn main() {
    let mut numbers = [1, 2, 3];
    let p: *mut i32 = &mut numbers[1];
    let b = unsafe { Box::from_raw(p) };
    println!("{}", b);
    drop(b); //~ UB invalid-free
}
