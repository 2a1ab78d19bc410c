//@ run-pass
#[derive(Debug)]
enum List {
    Cons(i32, Box<List>),
    Nil,
}

use List::{Cons, Nil};

fn sum(l: &List) -> i32 {
    match l {
        Cons(v, rest) => v + sum(rest),
        Nil => 0,
    }
}

fn main() {
    let list = Cons(1, Box::new(Cons(2, Box::new(Cons(3, Box::new(Nil))))));
    println!("{:?} sum={}", list, sum(&list));
    let mut s = String::new();
    for (i, c) in "rust".chars().enumerate() {
        if i > 0 {
            s.push('-');
        }
        s.push(c.to_ascii_uppercase());
    }
    s.push_str("!");
    println!("{} {} {:>8}|{:<6}|{:^7}|", s, s.len(), "right", "left", "mid");
    let parts: Vec<&str> = "a,b,,c".split(',').collect();
    println!("{:?} {:.3} {:#?}", parts, 3.14159, (1, "x"));
}
