//@ run-pass
use std::cell::{Cell, RefCell};

use std::rc::{Rc, Weak};

#[derive(Debug)]
enum Expr {
    Num(i64),
    Add(Box<Expr>, Box<Expr>),
    Mul(Box<Expr>, Box<Expr>),
    Neg(Box<Expr>),
}

fn eval(e: &Expr) -> i64 {
    match e {
        Expr::Num(n) => *n,
        Expr::Add(a, b) => eval(a) + eval(b),
        Expr::Mul(a, b) => eval(a) * eval(b),
        Expr::Neg(a) => -eval(a),
    }
}

#[derive(Debug, Default, Clone)]
struct Config {
    name: String,
    retries: u32,
    verbose: bool,
}

struct Counter {
    count: Cell<u32>,
    log: RefCell<Vec<String>>,
}

impl Counter {
    fn hit(&self, who: &str) {
        self.count.set(self.count.get() + 1);
        self.log.borrow_mut().push(format!("{}#{}", who, self.count.get()));
    }
}

struct TreeNode {
    val: i32,
    parent: RefCell<Weak<TreeNode>>,
    children: RefCell<Vec<Rc<TreeNode>>>,
}

fn parse_all(items: &[&str]) -> Result<Vec<i32>, String> {
    let mut out = Vec::new();
    for s in items {
        let n: i32 = s.parse().map_err(|_| format!("bad number: {}", s))?;
        out.push(n);
    }
    Ok(out)
}

fn classify(n: i32) -> &'static str {
    match n {
        i32::MIN..=-1 => "negative",
        0 => "zero",
        x if x % 2 == 0 => "even",
        1 | 3 | 5 | 7 | 9 => "small odd",
        _ => "odd",
    }
}

fn main() {
    let e = Expr::Add(Box::new(Expr::Num(2)), Box::new(Expr::Mul(Box::new(Expr::Num(3)), Box::new(Expr::Neg(Box::new(Expr::Num(4)))))));
    println!("{:?} = {}", e, eval(&e));
    let base = Config { name: "base".to_string(), ..Default::default() };
    let custom = Config { retries: 3, ..base.clone() };
    println!("{:?}\n{:#?}", base, custom);
    let c = Counter { count: Cell::new(0), log: RefCell::new(vec![]) };
    c.hit("a");
    c.hit("b");
    println!("{} {:?}", c.count.get(), c.log.borrow());
    let leaf = Rc::new(TreeNode { val: 3, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![]) });
    let branch = Rc::new(TreeNode { val: 5, parent: RefCell::new(Weak::new()), children: RefCell::new(vec![Rc::clone(&leaf)]) });
    *leaf.parent.borrow_mut() = Rc::downgrade(&branch);
    println!("leaf parent = {:?}", leaf.parent.borrow().upgrade().map(|p| p.val));
    println!("counts {} {} {} {}", Rc::strong_count(&leaf), Rc::weak_count(&leaf), Rc::strong_count(&branch), Rc::weak_count(&branch));
    println!("{} children", branch.children.borrow().len());
    println!("{:?}", parse_all(&["1", "22", "333"]));
    println!("{:?}", parse_all(&["1", "x2"]));
    for n in [-5, 0, 4, 7, 11] {
        println!("{} is {}", n, classify(n));
    }
    let mut v = vec![3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
    v.sort_unstable();
    v.dedup();
    println!("{:?}", v);
    v.retain(|&x| x != 4);
    println!("{:?} {:?}", v, v.iter().rev().take(2).collect::<Vec<_>>());
    for w in v.windows(2).take(2) {
        println!("window {:?}", w);
    }
    for ch in v.chunks(3) {
        println!("chunk {:?} sum {}", ch, ch.iter().sum::<i32>());
    }
    let names = vec!["ann", "bo"];
    let ages = vec![31, 42];
    for (n, a) in names.iter().zip(ages.iter()) {
        println!("{}: {}", n, a);
    }
    let x: u8 = 250;
    println!("{} {:?} {:?} {} {}", x.wrapping_add(10), x.checked_add(10), x.checked_sub(1), x.saturating_add(10), (x as i8));
    println!("{} {} {}", i32::MAX, u64::MAX, (-17i32).rem_euclid(5));
}
