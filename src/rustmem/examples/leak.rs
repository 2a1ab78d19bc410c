//@ run-ub leak
// A leak, in safe Rust: a reference-counted node that points at itself keeps its own count
// above zero, so it is never freed. Ownership rules prevent use after free and double free,
// not leaks; rustmem's machine reports the block still allocated at exit, as Miri does.
use std::cell::RefCell;
use std::rc::Rc;

struct Node {
    label: String,
    next: Option<Rc<RefCell<Node>>>,
}

fn main() {
    let node = Rc::new(RefCell::new(Node { label: String::from("loop"), next: None })); //~ UB leak
    node.borrow_mut().next = Some(Rc::clone(&node));
    println!("{} is owned {} times", node.borrow().label, Rc::strong_count(&node));
} // `node` goes away: the count drops from 2 to 1, never to 0
