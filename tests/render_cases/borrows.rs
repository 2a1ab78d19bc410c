fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    v.push(4);
    println!("{}", first);
    let mut a = 1;
    let r = &mut a; let s = &mut a; *r += 1; *s += 1;
    for x in v.iter() {
        v.push(*x);
    }
}
