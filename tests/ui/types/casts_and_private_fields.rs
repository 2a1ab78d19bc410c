//@ check-fail
// `as` between types it cannot convert, and std's private fields.
struct Plain;

fn main() {
    let n = 5;
    let text = "5" as i32; //~ ERROR E0606
    let addr = &n as usize; //~ ERROR E0606
    let flag = 1 as bool; //~ ERROR E0054
    let letter = 65u32 as char; //~ ERROR E0604
    let byte = Plain as u8; //~ ERROR E0605
    let v = vec![1, 2];
    let len = v.len; //~ ERROR E0616
    let fine = (97u8 as char, true as i32, 3.9f64 as i64, &n as *const i32 as usize);
    println!("{} {} {} {} {} {} {:?}", text, addr, flag, letter, byte, len, fine);
}
