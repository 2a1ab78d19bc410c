//@ run-pass
use std::ops::{Add, Mul};
use std::fmt;

#[derive(Debug, Clone, Copy, PartialEq, PartialOrd)]
struct V2 {
    x: f64,
    y: f64,
}

impl Add for V2 {
    type Output = V2;
    fn add(self, o: V2) -> V2 {
        V2 { x: self.x + o.x, y: self.y + o.y }
    }
}

impl Mul<f64> for V2 {
    type Output = V2;
    fn mul(self, k: f64) -> V2 {
        V2 { x: self.x * k, y: self.y * k }
    }
}

struct Stack<T> {
    items: Vec<T>,
}

impl<T: fmt::Debug> Stack<T> {
    fn new() -> Self {
        Stack { items: Vec::new() }
    }
    fn push(&mut self, t: T) {
        self.items.push(t);
    }
    fn pop(&mut self) -> Option<T> {
        self.items.pop()
    }
    fn peek(&self) -> Option<&T> {
        self.items.last()
    }
    fn len(&self) -> usize {
        self.items.len()
    }
}

struct Countdown {
    n: u32,
}

impl Iterator for Countdown {
    type Item = u32;
    fn next(&mut self) -> Option<u32> {
        if self.n == 0 {
            None
        } else {
            self.n -= 1;
            Some(self.n + 1)
        }
    }
}

#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone)]
enum Level {
    Low,
    Mid(u8),
    High { boost: u8 },
}

fn apply<F: Fn(i32) -> i32>(f: F, v: i32) -> i32 {
    f(v)
}

fn make_adder(n: i32) -> impl Fn(i32) -> i32 {
    move |x| x + n
}


fn main() {
    let a = V2 { x: 1.0, y: 2.0 };
    let b = V2 { x: 0.5, y: -1.0 };
    let c = (a + b) * 2.0;
    println!("{:?} {} {}", c, a < b, a == a);
    let mut st: Stack<String> = Stack::new();
    st.push("x".to_string());
    st.push("y".to_string());
    println!("{:?} {}", st.peek(), st.len());
    println!("{:?} {:?} {:?}", st.pop(), st.pop(), st.pop());
    let cd = Countdown { n: 4 };
    let v: Vec<u32> = cd.collect();
    println!("{:?}", v);
    let total: u32 = Countdown { n: 10 }.filter(|x| x % 3 == 0).sum();
    println!("{}", total);
    for i in (Countdown { n: 3 }) {
        print!("{} ", i);
    }
    println!();
    let mut levels = vec![Level::High { boost: 2 }, Level::Low, Level::Mid(5), Level::Mid(1)];
    levels.sort();
    println!("{:?}", levels);
    println!("{}", Level::Mid(3) > Level::Low);
    let add5 = make_adder(5);
    println!("{} {}", apply(&add5, 10), apply(|x| x * x, 7));
    let mut counter = 0;
    let mut inc = || {
        counter += 1;
        counter
    };
    inc();
    inc();
    println!("counter {}", counter);
    let strs = vec![String::from("b"), String::from("a")];
    let mut sorted = strs.clone();
    sorted.sort();
    println!("{:?} {:?} {}", strs, sorted, strs.contains(&"a".to_string()));
    let nested = vec![vec![1, 2], vec![3], vec![]];
    let flat: Vec<i32> = nested.iter().flatten().copied().collect();
    println!("{:?} {}", flat, nested.iter().map(|v| v.len()).max().unwrap());
    let s = format!("{:>6.2}|{:<5}|{:^9}|{:08.3}", 3.14159, true, "mid", -2.5);
    println!("{}", s);
    println!("{:?} {:?}", "tab\there", 'q');
}
