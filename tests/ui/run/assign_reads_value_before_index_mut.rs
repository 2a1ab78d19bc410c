//@ run-pass
//@ features: string, vec
// An assignment reads its value before it evaluates the place: the borrow behind the value is dead when `IndexMut` borrows `v`
fn main() {
    let mut v = vec![3, 1, 2];
    v[0] = *v.iter().min().unwrap_or(&0);
    let mut x = 5;
    x = x + 1;
    let mut s = String::from("a");
    s = s + "b";
    let mut w = vec![String::from("p")];
    w[0] = w[0].clone() + "q";
    println!("{:?} {} {} {:?}", v, x, s, w);
}
