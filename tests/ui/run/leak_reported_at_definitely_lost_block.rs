//@ run-ub leak
// The leak is located where the block nothing else points to was allocated (valgrind's
// "definitely lost"); the String and the inner node it owns are lost with it.
struct Node {
    name: String,
    next: Option<Box<Node>>,
}

fn main() {
    let name = String::from("head");
    let n = Box::new(Node { name, next: Some(Box::new(Node { name: String::from("tail"), next: None })) }); //~ UB leak
    let raw = Box::into_raw(n);
    println!("{}", unsafe { &(*raw).name });
}
