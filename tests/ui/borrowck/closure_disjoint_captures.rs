//@ check-pass
// Rust 2021 closures capture the places they use: a field borrowed by a closure leaves the
// struct's other fields free.
struct Account {
    owner: String,
    balance: i64,
    history: Vec<i64>,
}

fn main() {
    let mut acct = Account { owner: String::from("ada"), balance: 0, history: Vec::new() };
    let mut deposit = |amount: i64| {
        acct.balance += amount;
        acct.history.push(amount);
    };
    let owner = &mut acct.owner;
    deposit(5);
    owner.push('!');
    deposit(7);
    println!("{} {}", acct.owner, acct.balance);

    let r = &mut acct;
    let mut bump = || r.balance += 1;
    let name = &r.owner;
    bump();
    println!("{}", name);

    let pair = (String::from("left"), String::from("right"));
    let take_left = move || pair.0;
    println!("{}", pair.1);
    println!("{}", take_left());
}
