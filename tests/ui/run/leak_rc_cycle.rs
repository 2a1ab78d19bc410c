//@ run-ub leak
use std::cell::RefCell;
use std::rc::Rc;

struct Peer {
    name: String,
    other: RefCell<Option<Rc<Peer>>>,
}

fn main() {
    let a = Rc::new(Peer { name: String::from("a"), other: RefCell::new(None) }); //~ UB leak
    let b = Rc::new(Peer { name: String::from("b"), other: RefCell::new(Some(Rc::clone(&a))) });
    *a.other.borrow_mut() = Some(Rc::clone(&b));
    println!("{} <-> {}", a.name, b.name);
    println!("counts {} {}", Rc::strong_count(&a), Rc::strong_count(&b));
}
