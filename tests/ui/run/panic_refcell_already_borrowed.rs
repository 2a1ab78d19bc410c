//@ run-panic
//@ features: vec, refcell
// A RefCell lent out for reading cannot be lent for writing at the same time.
use std::cell::RefCell;

fn main() {
    let cell = RefCell::new(vec![1]);
    let reader = cell.borrow();
    println!("reading {:?}", reader);
    let mut writer = cell.borrow_mut(); //~ PANIC RefCell already borrowed
    writer.push(2);
}
