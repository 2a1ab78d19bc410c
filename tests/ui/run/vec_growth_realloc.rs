//@ run-ub use-after-free
// A pointer into a Vec's buffer dangles once a push outgrows the capacity and std reallocates.
fn main() {
    let mut v: Vec<u64> = Vec::new();
    for i in 0..4 {
        v.push(i);
        println!("len {} cap {}", v.len(), v.capacity());
    }
    let first: *const u64 = &v[0];
    v.push(4); // capacity 4 -> 8: a new buffer, the old one is freed
    println!("len {} cap {}", v.len(), v.capacity());
    let x = unsafe { *first }; //~ UB use-after-free
    println!("{}", x);
}
