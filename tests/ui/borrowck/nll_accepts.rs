//@ check-pass
struct Point {
    x: i32,
    y: i32,
}

fn main() {
    let mut v = vec![1, 2, 3];
    let first = &v[0];
    println!("{}", first);
    v.push(4);
    v.push(v.len());
    let mut p = Point { x: 1, y: 2 };
    let px = &mut p.x;
    let py = &mut p.y;
    *px += 1;
    *py += 1;
    let r = &mut p;
    let rr = &mut *r;
    rr.x += 1;
    r.y += 1;
    let mut s = String::from("a");
    let t = s;
    s = String::from("b");
    println!("{} {} {} {:?}", s, t, p.x + p.y, v);
}
