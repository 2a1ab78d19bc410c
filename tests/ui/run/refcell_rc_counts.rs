//@ run-pass
use std::cell::RefCell;
use std::rc::Rc;

#[derive(Debug)]
struct Node {
    value: i32,
    children: Vec<Rc<RefCell<Node>>>,
}

fn main() {
    let leaf = Rc::new(RefCell::new(Node { value: 3, children: vec![] }));
    let branch = Rc::new(RefCell::new(Node { value: 5, children: vec![Rc::clone(&leaf)] }));
    println!("leaf strong = {}, weak = {}", Rc::strong_count(&leaf), Rc::weak_count(&leaf));
    leaf.borrow_mut().value += 10;
    let total: i32 = branch.borrow().children.iter().map(|c| c.borrow().value).sum();
    println!("total {} branch {}", total, branch.borrow().value);
    let weak = Rc::downgrade(&branch);
    println!("upgrade: {:?}", weak.upgrade().map(|b| b.borrow().value));
    drop(branch);
    println!("after drop: {:?}", weak.upgrade().is_none());
    println!("leaf strong = {}", Rc::strong_count(&leaf));
}
