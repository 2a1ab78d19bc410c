//@ check-fail
// A match must cover every value of its scrutinee.
enum Light {
    Red,
    Yellow,
    Green,
}

fn next(l: Light) -> Light {
    match l { //~ ERROR E0004
        Light::Red => Light::Green,
        Light::Green => Light::Yellow,
    }
}

fn describe(x: Option<u8>) -> &'static str {
    match x { //~ ERROR E0004
        Some(0) => "zero",
        None => "none",
    }
}

fn main() {
    let _ = next(Light::Red);
    println!("{}", describe(Some(1)));
    let pair = (true, false);
    match pair { //~ ERROR E0004
        (true, _) => println!("first"),
        (false, true) => println!("second"),
    }
}
