fn longest(x: &str, y: &str) -> &str {
    if x.len() > y.len() {
        x
    } else {
        y
    }
}
fn main() {
    let x: i32 = "hello";
    let y: i32 = if true {
        "a"
    } else {
        "b"
    };
}
