//@ check-fail
// A struct or an enum variant declares each field name once.
struct Account {
    balance: i64,
    balance: i64, //~ ERROR E0124
}

enum Shape {
    Rect { w: u32, w: u32 }, //~ ERROR E0124
    Dot,
}

fn main() {
    let a = Account { balance: 1 };
    let s = Shape::Dot;
}
