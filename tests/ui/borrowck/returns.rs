//@ check-fail
fn local_ref() -> &'static str {
    let s = String::from("local");
    &s //~ ERROR E0515
}

fn longest<'a, 'b>(x: &'a str, y: &'b str) -> &'a str {
    if x.len() > y.len() {
        x
    } else {
        y //~ ERROR lifetime may not live long enough
    }
}

fn first<'a>(x: &'a str, y: &str) -> &'a str {
    if x.is_empty() {
        y //~ ERROR E0621
    } else {
        x
    }
}

fn main() {
    println!("{} {} {}", local_ref(), longest("a", "b"), first("c", "d"));
}
