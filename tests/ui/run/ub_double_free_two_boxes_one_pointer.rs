//@ run-ub double-free
// Two Boxes made from one raw pointer: each believes it owns the block, and the second frees it again.
fn main() {
    let p = Box::into_raw(Box::new(7u64));
    let a = unsafe { Box::from_raw(p) };
    let b = unsafe { Box::from_raw(p) };
    println!("{} {}", a, b);
    drop(a);
    drop(b); //~ UB double-free
}
