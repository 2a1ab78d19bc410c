fn add(v: &Vec<i32>) {
    v.push(1);
}
fn pick<'a>(x: &'a str, y: &str) -> &'a str {
    if x.len() > 0 { x } else { y }
}
fn main() {
    let v = Vec::new();
    v.push(1);
    let x = 5;
    x = 6;
    let s = String::from("a");
    let t = s;
    println!("{}", s);
    let r: &str = String::from("kiwi").as_str();
    println!("{} {} {}", r, t, x);
}
fn outlive<'a, 'b>(x: &'a i32, y: &'b i32) -> &'a i32 { y }
