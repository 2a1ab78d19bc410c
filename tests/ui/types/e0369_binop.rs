//@ check-fail
// Operators on types that do not implement them.
struct Money {
    cents: i64,
}

fn main() {
    let a = Money { cents: 1 };
    let b = Money { cents: 2 };
    let c = a + b; //~ ERROR E0369
    let same = Money { cents: 3 } == Money { cents: 3 }; //~ ERROR E0369
}
