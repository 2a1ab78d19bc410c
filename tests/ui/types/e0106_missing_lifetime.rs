//@ check-fail
// Elision cannot tell which input the returned reference borrows from.
fn longer(a: &str, b: &str) -> &str { //~ ERROR E0106
    if a.len() > b.len() { a } else { b }
}

struct Holder {
    name: &str, //~ ERROR E0106
}

fn main() {
    println!("{}", longer("a", "bb"));
}
