//@ run-panic
//@ features: refcell
// A RefCell lent out for writing cannot be read at the same time.
use std::cell::RefCell;

fn main() {
    let cell = RefCell::new(5);
    let mut writer = cell.borrow_mut();
    *writer += 1;
    let reader = cell.borrow(); //~ PANIC RefCell already mutably borrowed
    println!("{}", reader);
}
