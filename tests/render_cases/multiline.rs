fn main() {
    let mut t = String::new();
    let q = &t;
    t.push_str(
        if true {
            "a"
        } else {
            // a comment line
            "b"
        },
    );
    println!("{}", q);
    let mut u = vec![1];
    let w = &u; u.push(
        1 +
        2 +
        3 +
        4 +
        5 +
        6); println!("{:?}", w);
}
