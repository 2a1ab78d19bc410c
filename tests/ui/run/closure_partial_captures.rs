//@ run-pass
// A closure takes only the fields it uses: what it does not capture stays with the struct
// and drops at the end of its scope.
#[derive(Debug)]
struct Noisy(&'static str);
impl Drop for Noisy {
    fn drop(&mut self) { println!("drop {}", self.0); }
}
struct Two { a: Noisy, b: Noisy }
enum E { One(Noisy), Zero }
fn main() {
    let t = Two { a: Noisy("a"), b: Noisy("b") };
    let c = move || { let Two { a, .. } = t; println!("got {:?}", a); };
    println!("b still {:?}", t.b);
    c();
    let pair = (Noisy("p0"), Noisy("p1"), Noisy("p2"));
    let d = move || { let (x, ..) = pair; let _ = x; };
    d();
    println!("{:?} {:?}", pair.1, pair.2);
    let e = E::One(Noisy("e"));
    let f = || match &e { E::One(n) => println!("one {:?}", n), E::Zero => {} };
    f();
    let w = Two { a: Noisy("wa"), b: Noisy("wb") };
    let g = || { let Two { ref b, .. } = w; println!("{:?}", b) };
    g();
    let h = move || { match w { Two { a, b: _ } => drop(a) } };
    h();
    println!("end {:?}", w.b);
}
