fn f(a: i32, b: i32) -> i32 { a + b }
fn g() -> i32 {
    let x = 1;
    if x > 0 {
        x
    } else {
        x + 1
    };
}
fn main() {
    let s = f(
        1,
        f(2,
          "three"),
    );
    let v: Vec<i32> = vec![1, 2,
        3];
    let t: i32 = match v.len() {
        0 => {
            1
        }
        _ => {
            "a"
        }
    };
}
