//@ run-pass
use std::ptr;

struct Node {
    val: i32,
    prev: *mut Node,
    next: *mut Node,
}

struct List {
    head: *mut Node,
    tail: *mut Node,
    len: usize,
}

impl List {
    fn new() -> Self {
        List { head: ptr::null_mut(), tail: ptr::null_mut(), len: 0 }
    }
    fn push_back(&mut self, val: i32) {
        let node = Box::into_raw(Box::new(Node { val, prev: self.tail, next: ptr::null_mut() }));
        if self.tail.is_null() {
            self.head = node;
        } else {
            unsafe { (*self.tail).next = node; }
        }
        self.tail = node;
        self.len += 1;
    }
    fn pop_front(&mut self) -> Option<i32> {
        if self.head.is_null() {
            return None;
        }
        let boxed = unsafe { Box::from_raw(self.head) };
        self.head = boxed.next;
        if self.head.is_null() {
            self.tail = ptr::null_mut();
        } else {
            unsafe { (*self.head).prev = ptr::null_mut(); }
        }
        self.len -= 1;
        Some(boxed.val)
    }
    fn sum(&self) -> i32 {
        let mut cur = self.head;
        let mut s = 0;
        while !cur.is_null() {
            unsafe {
                s += (*cur).val;
                cur = (*cur).next;
            }
        }
        s
    }
}

impl Drop for List {
    fn drop(&mut self) {
        while self.pop_front().is_some() {}
    }
}

fn main() {
    let mut l = List::new();
    for i in 1..=5 {
        l.push_back(i * 10);
    }
    println!("len {} sum {}", l.len, l.sum());
    println!("{:?} {:?}", l.pop_front(), l.pop_front());
    println!("len {} sum {}", l.len, l.sum());
    let mut a = [1, 2, 3, 4];
    let pa = a.as_mut_ptr();
    unsafe {
        ptr::swap(pa, pa.add(3));
        let x = ptr::read(pa.add(1));
        ptr::write(pa.add(2), x * 100);
    }
    println!("{:?}", a);
    let mut v = vec![String::from("a"), String::from("b")];
    let s = std::mem::replace(&mut v[0], String::from("z"));
    let t = std::mem::take(&mut v[1]);
    println!("{} {} {:?}", s, t, v);
    let mut x = 1;
    let mut y = 2;
    std::mem::swap(&mut x, &mut y);
    println!("{} {}", x, y);
}
