fn main() {
    let s = String::from("日本語"); let t = s; let u = s;
}
