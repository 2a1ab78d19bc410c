struct Account {
    balance: i64,
    balance: i64,
}
fn main() {
    let a = Account { balance: 1 };
}
