//@ run-pass
use std::fmt;

#[derive(Debug, Clone, PartialEq)]
struct Point {
    x: i32,
    y: i32,
}

impl fmt::Display for Point {
    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {
        write!(f, "({}, {})", self.x, self.y)
    }
}

trait Shape {
    fn area(&self) -> f64;
    fn name(&self) -> String {
        String::from("shape")
    }
    fn describe(&self) -> String {
        format!("{} with area {:.2}", self.name(), self.area())
    }
}

struct Circle {
    r: f64,
}

struct Rect {
    w: f64,
    h: f64,
}

impl Shape for Circle {
    fn area(&self) -> f64 {
        3.14159 * self.r * self.r
    }
    fn name(&self) -> String {
        "circle".to_string()
    }
}

impl Shape for Rect {
    fn area(&self) -> f64 {
        self.w * self.h
    }
}

fn largest<T: PartialOrd + Copy>(items: &[T]) -> T {
    let mut best = items[0];
    for &it in items {
        if it > best {
            best = it;
        }
    }
    best
}

fn print_all<S: Shape>(shapes: &[S]) {
    for s in shapes {
        println!("{}", s.describe());
    }
}

fn main() {
    let p = Point { x: 1, y: -2 };
    let q = p.clone();
    println!("{} {:?} {}", p, q, p == q);
    println!("[{:>10}] [{:<8}]", format!("{}", p), "hi");
    print_all(&[Circle { r: 1.0 }, Circle { r: 2.5 }]);
    print_all(&[Rect { w: 2.0, h: 3.0 }]);
    println!("{} {} {}", largest(&[3, 9, 2]), largest(&[1.5, 0.2]), largest(&['a', 'z', 'q']));
    let mut v = vec![5, 3, 8, 1, 9, 2];
    v.sort();
    println!("{:?} max={:?} min={:?}", v, v.iter().max(), v.iter().min());
    v.sort_by(|a, b| b.cmp(a));
    println!("{:?}", v);
    let evens: Vec<i32> = v.iter().filter(|&&x| x % 2 == 0).cloned().collect();
    println!("{:?} {}", evens, evens.len());
    let mut stack = vec![1, 2, 3];
    while let Some(top) = stack.pop() {
        print!("{} ", top);
    }
    println!();
    let text = "the quick brown fox";
    let words: Vec<&str> = text.split_whitespace().collect();
    let caps: Vec<String> = words.iter().map(|w| {
        let mut c = w.chars();
        match c.next() {
            Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
            None => String::new(),
        }
    }).collect();
    println!("{}", caps.join(" "));
    'outer: for i in 0..5 {
        for j in 0..5 {
            if i * j == 6 {
                println!("found {} {}", i, j);
                break 'outer;
            }
        }
    }
    let n = loop {
        break 42;
    };
    let t = (1, "two", 3.0);
    let (a, b, c) = t;
    println!("{} {} {} {} {:?}", n, a, b, c, t);
    let arr = [10, 20, 30, 40];
    if let [first, .., last] = arr {
        println!("{} {}", first, last);
    }
    let s: String = vec!['a', 'b', 'c'].into_iter().rev().collect();
    println!("{} {}", s, s.len());
    let opt: Option<&str> = None;
    println!("{}", opt.map(|s| s.len()).unwrap_or(0));
    let nums = [1u32, 2, 3];
    let total: u32 = nums.iter().sum();
    let prod: u32 = nums.iter().product();
    println!("{} {} {:05.1} {:+} {:#x} {:#b} {:e}", total, prod, 3.14159, 5, 255, 5, 1234.5);
}
