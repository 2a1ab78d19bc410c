//@ check-fail
fn main() {
    let mut a = String::from("a");
    let r1 = &mut a;
    let r2 = &mut a; //~ ERROR E0499
    r1.push('1');
    r2.push('2');

    let mut b = vec![1, 2];
    let first = &b[0];
    b.push(3); //~ ERROR E0502
    println!("{}", first);

    let mut n = 5;
    let m = &mut n;
    let copy = n + 1; //~ ERROR E0503
    *m += 1;

    let s = String::from("s");
    let rs = &s;
    let moved = s; //~ ERROR E0505
    println!("{} {} {}", rs, moved, copy);

    let mut x = 1;
    let rx = &x;
    x = 2; //~ ERROR E0506
    println!("{} {}", rx, x);
}
