fn main() {
    let r;
    {
        let x = 5;
        r = &x;
    }
    println!("{}", r);
    let mut n = 5;
    let mut c = || {
        n += 1;
    };
    let y = &n;
    c();
    println!("{}", y);
}
