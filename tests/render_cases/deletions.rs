fn main() {
    let s = String::from("a");
    let r = &s;
    let t = *r;
    let v = vec![String::new()];
    let w = v[0];
    println!("{} {}", t, w);
}
