//@ check-fail
// Elision cannot tell which input the returned reference borrows from.
fn longer(a: &str, b: &str) -> &str { //~ ERROR E0106
    if a.len() > b.len() { a } else { b }
}

// One error for the whole return type, however many references it holds.
fn both(a: &str, b: &str) -> (&str, &str) { //~ ERROR E0106
    (a, b)
}

fn nothing_to_borrow() -> &str { //~ ERROR E0106
    "static"
}

struct Holder {
    name: &str, //~ ERROR E0106
}

enum Token {
    Word(&str), //~ ERROR E0106
}

fn main() {
    println!("{}", longer("a", "bb"));
}
