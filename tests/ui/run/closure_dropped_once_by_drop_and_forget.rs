//@ run-pass
//@ features: tuple-struct, impl, method, impl-drop, lifetimes, closure, move-closure, vec, shared-borrow, mut-borrow, mem-drop, mem-forget, shadowing
// drop and forget decide a closure's fate: the closure is not dropped again when the call returns
struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) { println!("drop {}", self.0); }
}
fn main() {
    let n = Noisy("a");
    let c = move || { let r = &n; println!("has {}", r.0); };
    c();
    drop(c);
    let f = Noisy("f");
    let g = move || { let r = &f; println!("has {}", r.0); };
    std::mem::forget(g);
    let k = Noisy("k");
    let h = move || { let r = &k; println!("has {}", r.0); };
    let v: Vec<i32> = (0..2).map(|i| { h(); i }).collect();
    println!("end {:?}", v);
}
