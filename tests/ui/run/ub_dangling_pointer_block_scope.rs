//@ run-ub dangling-pointer
// A pointer to a local outlives the block whose frame slot held it.
fn main() {
    let p: *const i32;
    {
        let x = 42;
        p = &x;
    }
    let v = unsafe { *p }; //~ UB dangling-pointer
    println!("{}", v);
}
