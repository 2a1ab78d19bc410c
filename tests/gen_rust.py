"""Generators of Rust programs for rustmem's property tests.

Two families, both deterministic functions of their choices:
- `programs()`: whole programs over the subset of design.md (structs, enums, impls, a trait
  with a default method, `impl Display`/`impl Drop`, closures, iterator chains, references
  with lifetimes, Box/Vec/String/Option/Rc/RefCell, loops, matches, formatting macros),
  written type-directed so that most of them type-check; with `broken=True` some rules are
  knowingly broken (a moved value used, a borrow kept across a mutation, a wrong type, a
  classic error or UB snippet) so that the checker's error paths run too;
- `mutants()`: corpus programs damaged the way editing damages code — tokens, identifiers and
  lines deleted, duplicated or swapped, types changed, `&` made `&mut`, `mut` removed, the
  file cut short;
- `iterator_programs()`: short programs chaining std iterator sources, adapters and consumers.

A generator reads its decisions from a `Choices`: hypothesis draws (so failures shrink) or a
seeded `random.Random` (`program_from_seed`, `mutant_from_seed`) for long runs outside pytest.
"""
from __future__ import annotations

import pathlib
import random
import re
from dataclasses import dataclass, field
from typing import Callable, Sequence, TypeVar

from hypothesis import strategies as st

T = TypeVar("T")
CORPUS = pathlib.Path(__file__).resolve().parents[2] / "shared" / "corpus"


class Choices:
    """Where a generator's decisions come from; smaller numbers are the simpler choice."""

    def int(self, lo: int, hi: int) -> int:
        raise NotImplementedError

    def pick(self, seq: Sequence[T]) -> T:
        return seq[self.int(0, len(seq) - 1)]

    def chance(self, percent: int) -> bool:
        """True with PERCENT% probability; False is what shrinking goes to."""
        return self.int(0, 99) >= 100 - percent


class RandomChoices(Choices):
    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)

    def int(self, lo: int, hi: int) -> int:
        return self.rng.randint(lo, hi)


class DrawChoices(Choices):
    def __init__(self, draw: Callable) -> None:
        self.draw = draw

    def int(self, lo: int, hi: int) -> int:
        return self.draw(st.integers(lo, hi))


# ------------------------------------------------------------------ types
# A type is a tuple: ("i32",), ("Vec", t), ("Option", t), ("Box", t), ("Ref", t, mutable),
# ("Slice", t), ("Tuple", t, u), ("Array", t, n), ("Adt", name), ("RcCell", t).
Ty = tuple
I32, I64, U8, USIZE = ("i32",), ("i64",), ("u8",), ("usize",)
BOOL, CHAR, F64, STRING, STR = ("bool",), ("char",), ("f64",), ("String",), ("&str",)
INTS = (I32, I64, U8, USIZE)
SCALARS = INTS + (BOOL, CHAR, F64)


def render(t: Ty) -> str:
    """Rust syntax of the type T."""
    k = t[0]
    if len(t) == 1:
        return k
    if k == "Ref":
        return ("&mut " if t[2] else "&") + render(t[1])
    if k == "Slice":
        return f"[{render(t[1])}]"
    if k == "Tuple":
        return "(" + ", ".join(render(x) for x in t[1:]) + ")"
    if k == "Array":
        return f"[{render(t[1])}; {t[2]}]"
    if k == "Adt":
        return t[1]
    if k == "RcCell":
        return f"Rc<RefCell<{render(t[1])}>>"
    return f"{k}<{render(t[1])}>"


@dataclass
class Adt:
    """A generated struct or enum and what the generator knows of it."""

    name: str
    fields: list[tuple[str, Ty]]  # a struct's fields ("0", "1", ... for a tuple struct)
    variants: list[tuple[str, str, list[Ty]]] = field(default_factory=list)  # enum: name, unit|tuple|struct, payload
    tuple_like: bool = False
    copy: bool = False
    display: bool = False
    drop: bool = False

    @property
    def is_enum(self) -> bool:
        return bool(self.variants)


@dataclass
class Var:
    name: str
    ty: Ty
    mutable: bool = False
    dead: bool = False  # moved out, or a borrow that must not be used again
    borrows: frozenset = frozenset()  # the locals a reference (or closure) points into
    loop: int = 0  # loop nesting where it was declared: moving it inside a deeper loop is E0382
    closure: str = ""  # "Fn"/"FnMut" with its argument type, for closures


@dataclass
class Sig:
    """A callable the generator can use: a free fn, an associated fn or a method."""

    path: str
    params: list[Ty]
    ret: Ty | None
    receiver: str = ""  # "", "&self", "&mut self" or "self"
    owner: str = ""


HELPERS: list[tuple[str, list[Sig]]] = [
    ("fn longest<'a>(a: &'a str, b: &'a str) -> &'a str {\n    if a.len() >= b.len() { a } else { b }\n}",
     [Sig("longest", [STR, STR], STR)]),
    ("fn largest<T: PartialOrd + Copy>(xs: &[T]) -> T {\n    let mut m = xs[0];\n    for &x in xs {\n"
     "        if x > m {\n            m = x;\n        }\n    }\n    m\n}",
     [Sig("largest", [("Ref", ("Slice", I32), False)], I32), Sig("largest", [("Ref", ("Slice", CHAR), False)], CHAR)]),
    ("fn total(xs: &[i32]) -> i32 {\n    xs.iter().sum()\n}", [Sig("total", [("Ref", ("Slice", I32), False)], I32)]),
    ("fn push_twice(v: &mut Vec<i32>, x: i32) {\n    v.push(x);\n    v.push(x + 1);\n}",
     [Sig("push_twice", [("Ref", ("Vec", I32), True), I32], None)]),
    ("fn shout(s: &str) -> String {\n    let mut out = String::from(s);\n    out.push('!');\n    out\n}",
     [Sig("shout", [STR], STRING)]),
    ("fn first_or<T: Copy>(xs: &[T], d: T) -> T {\n    match xs.first() {\n        Some(&x) => x,\n"
     "        None => d,\n    }\n}", [Sig("first_or", [("Ref", ("Slice", I32), False), I32], I32)]),
    ("fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 {\n    f(x)\n}", []),
    ("fn take_string(s: String) -> usize {\n    s.len()\n}", [Sig("take_string", [STRING], USIZE)]),
    ("fn bump(x: &mut i32) {\n    *x += 1;\n}", [Sig("bump", [("Ref", I32, True)], None)]),
    ("fn same<T: PartialEq>(a: &T, b: &T) -> bool {\n    a == b\n}",
     [Sig("same", [("Ref", I32, False), ("Ref", I32, False)], BOOL),
      Sig("same", [("Ref", STRING, False), ("Ref", STRING, False)], BOOL)]),
]

FEATURE_SNIPPETS = [  # well-typed blocks of features the type-directed generator does not reach
    "let words = vec![\"apple\", \"bob\", \"kayak\"];\nlet pals: Vec<&str> = words.iter().filter(|w| w.chars().rev().collect::<String>() == **w).copied().collect();\nprintln!(\"{:?}\", pals);",
    "let v = vec![3, 1, 2];\nlet pairs: Vec<(usize, i32)> = v.iter().enumerate().map(|(i, &x)| (i, x * 10)).collect();\nprintln!(\"{:?} {:?} {:?}\", pairs, v.iter().max(), v.iter().position(|&x| x == 2));",
    "let a = [1, 2, 3];\nlet b = vec![4, 5, 6];\nlet dot: i32 = a.iter().zip(b.iter()).map(|(x, y)| x * y).sum();\nprintln!(\"{}\", dot);",
    "let v: Vec<i32> = (1..10).skip(2).take(5).rev().collect();\nprintln!(\"{:?} {} {:?}\", v, v.iter().count(), v.iter().min());",
    "let s = String::from(\"hello world\");\nlet first = &s[0..5];\nlet n = s.find(' ').unwrap_or(0);\nprintln!(\"{} {} {}\", first, n, &s[n + 1..]);",
    "fn parse(s: &str) -> Result<i32, String> {\n    if s.is_empty() {\n        return Err(String::from(\"empty\"));\n    }\n    Ok(s.len() as i32)\n}\nfn twice(s: &str) -> Result<i32, String> {\n    let n = parse(s)?;\n    Ok(n * 2)\n}\nprintln!(\"{:?} {:?}\", twice(\"abc\"), twice(\"\"));",
    "let c = std::cell::Cell::new(5);\nc.set(c.get() + 1);\nprintln!(\"{}\", c.get());",
    "let strong = Rc::new(String::from(\"node\"));\nlet weak = Rc::downgrade(&strong);\nprintln!(\"{} {}\", Rc::strong_count(&strong), Rc::weak_count(&strong));\nif let Some(s) = weak.upgrade() {\n    println!(\"{}\", s);\n}\ndrop(strong);\nprintln!(\"{:?}\", weak.upgrade());",
    "let mut stack = vec![1, 2, 3];\n'outer: while let Some(top) = stack.pop() {\n    for i in 0..top {\n        if i == 2 {\n            continue 'outer;\n        }\n    }\n    println!(\"{}\", top);\n}",
    "let x = 300i32;\nlet y = x as u8;\nlet z = -1i32 as u32;\nlet f = 2.9f64 as i32;\nprintln!(\"{} {} {} {}\", y, z, f, 'A' as u8 + 1);",
    "let t = (1, \"two\", 3.0);\nlet (a, b, c) = t;\nlet [p, q] = [10, 20];\nprintln!(\"{} {} {} {} {}\", a, b, c, p, q);",
    "struct Stack<T> {\n    items: Vec<T>,\n}\nimpl<T: std::fmt::Debug> Stack<T> {\n    fn push(&mut self, t: T) {\n        self.items.push(t);\n    }\n    fn peek(&self) -> Option<&T> {\n        self.items.last()\n    }\n}\nlet mut st = Stack { items: Vec::new() };\nst.push(String::from(\"a\"));\nprintln!(\"{:?}\", st.peek());",
    "let mut grid = vec![vec![0; 3]; 2];\ngrid[1][2] = 7;\nfor row in &grid {\n    println!(\"{:?}\", row);\n}",
    "let mut names = vec![String::from(\"b\"), String::from(\"a\")];\nnames.sort();\nlet joined = names.join(\"+\");\nprintln!(\"{}\", joined);",
    "let make_adder = |n: i32| move |x: i32| x + n;\nlet add5 = make_adder(5);\nprintln!(\"{}\", add5(1));",
    "let mut counter = 0;\nlet mut bump = |by: i32| {\n    counter += by;\n    counter\n};\nlet a = bump(1);\nlet b = bump(2);\nprintln!(\"{} {} {}\", a, b, counter);",
    "let opt: Option<Box<i32>> = Some(Box::new(4));\nmatch opt {\n    Some(ref b) if **b > 3 => println!(\"big {}\", b),\n    Some(b) => println!(\"small {}\", b),\n    None => {}\n}",
    "let data = vec![1u8, 2, 3];\nlet p = data.as_ptr();\nlet second = unsafe { *p.add(1) };\nprintln!(\"{}\", second);",
    "let s = String::from(\"héllo\");\nfor (i, ch) in s.char_indices() {\n    print!(\"{}:{} \", i, ch);\n}\nprintln!(\"{}\", s.len());",
    "let v = vec![Some(1), None, Some(3)];\nlet total: i32 = v.iter().flatten().sum();\nlet all: Option<Vec<i32>> = v.iter().cloned().collect();\nprintln!(\"{} {:?}\", total, all);",
    "let b: Box<dyn Fn(i32) -> i32> = Box::new(|x| x + 1);\nprintln!(\"{}\", b(2));",
    "let text = String::from(\"a,b,,c\");\nlet parts: Vec<&str> = text.split(',').filter(|p| !p.is_empty()).collect();\nprintln!(\"{:?} {}\", parts, parts.len());",
    "let mut v = vec![5, 3, 8];\nv.sort_by(|a, b| b.cmp(a));\nv.dedup();\nlet s: String = v.iter().map(|x| x.to_string()).collect::<Vec<_>>().join(\"-\");\nprintln!(\"{}\", s);",
    "let n: u64 = (1..=20).product();\nprintln!(\"{} {:e} {:#x} {:#b}\", n, 1234.5f64, 255, 5u8);",
    "let r = 1..4;\nlet v: Vec<i32> = r.clone().collect();\nprintln!(\"{:?} {:?} {}\", r, v, r.contains(&3));",
    "struct Wrapper<T> {\n    inner: T,\n}\nimpl<T: Clone + std::fmt::Debug> Wrapper<T> {\n    fn get(&self) -> T {\n        self.inner.clone()\n    }\n}\nlet w = Wrapper { inner: vec![1] };\nprintln!(\"{:?}\", w.get());",
    "fn make(n: i32) -> impl Fn(i32) -> i32 {\n    move |x| x * n\n}\nlet triple = make(3);\nprintln!(\"{}\", triple(4));",
    "#[derive(Debug, Clone, Default)]\nstruct Conf {\n    a: i32,\n    b: String,\n}\nlet base = Conf { a: 1, ..Default::default() };\nlet c2 = Conf { b: String::from(\"x\"), ..base.clone() };\nprintln!(\"{:?} {:?}\", base, c2);",
    "let v = [1, 2, 3, 4];\nif let [first, .., last] = v {\n    println!(\"{} {}\", first, last);\n}\nmatch &v[..] {\n    [a, b, rest @ ..] => println!(\"{} {} {:?}\", a, b, rest),\n    _ => {}\n}",
    "let mut o = Some(3);\nif let Some(x) = o.as_mut() {\n    *x += 1;\n}\nlet t = o.take();\nprintln!(\"{:?} {:?} {:?}\", o, t, t.map(|x| x * 2).filter(|x| *x > 4));",
    "struct List {\n    val: i32,\n    next: Option<Box<List>>,\n}\nlet l = List { val: 1, next: Some(Box::new(List { val: 2, next: None })) };\nlet mut cur = Some(&l);\nwhile let Some(node) = cur {\n    println!(\"{}\", node.val);\n    cur = node.next.as_deref();\n}",
    "struct Count {\n    n: u32,\n}\nimpl Iterator for Count {\n    type Item = u32;\n    fn next(&mut self) -> Option<u32> {\n        if self.n < 4 {\n            self.n += 1;\n            Some(self.n)\n        } else {\n            None\n        }\n    }\n}\nlet s: u32 = Count { n: 0 }.zip(Count { n: 1 }).map(|(a, b)| a * b).filter(|x| x % 3 == 0).sum();\nprintln!(\"{}\", s);",
    "#[derive(Debug, Clone, Copy, PartialEq)]\nstruct V2 {\n    x: i32,\n    y: i32,\n}\nimpl std::ops::Add for V2 {\n    type Output = V2;\n    fn add(self, o: V2) -> V2 {\n        V2 { x: self.x + o.x, y: self.y + o.y }\n    }\n}\nlet p = V2 { x: 1, y: 2 } + V2 { x: 3, y: 4 };\nprintln!(\"{:?}\", p);",
    "static GREETING: &str = \"hey\";\nstatic mut COUNTER: u32 = 0;\nunsafe {\n    COUNTER += 1;\n}\nprintln!(\"{}\", GREETING);",
    "fn depth(n: u64) -> u64 {\n    if n == 0 { 0 } else { 1 + depth(n - 1) }\n}\nprintln!(\"{}\", depth(50));",
    "let s = String::from(\"h\\u{e9}llo\");\nlet bad = &s[0..2];\nprintln!(\"{}\", bad);",
    "let big: i32 = i32::MAX;\nlet over = big.checked_add(1);\nlet wrap = big.wrapping_add(1);\nprintln!(\"{:?} {}\", over, wrap);\nlet boom = big + std::hint::black_box(1);",
    "let leaked: &'static mut Vec<i32> = Box::leak(Box::new(vec![1, 2]));\nleaked.push(3);\nprintln!(\"{:?}\", leaked);",
    "let p: *mut i32 = std::ptr::null_mut();\nif p.is_null() {\n    println!(\"null\");\n}\nlet mut x = 5;\nlet q = &mut x as *mut i32;\nunsafe {\n    std::ptr::write(q, 6);\n    println!(\"{}\", std::ptr::read(q));\n}",
    "let mut a = vec![1, 2, 3];\nlet (left, right) = a.split_at_mut(1);\nleft[0] += right[1];\nprintln!(\"{:?}\", a);",
    "let mut v = vec![String::from(\"a\"), String::from(\"b\")];\nlet taken = std::mem::take(&mut v[0]);\nlet old = std::mem::replace(&mut v[1], String::from(\"c\"));\nprintln!(\"{} {} {:?}\", taken, old, v);",
    "let mut n = 0u64;\nloop {\n    n += 1;\n}",
    "fn forever(n: u64) -> u64 {\n    forever(n + 1) + 1\n}\nprintln!(\"{}\", forever(0));",
    "let x = i32::MIN;\nlet y = std::hint::black_box(-1);\nprintln!(\"{}\", x / y);",
    "let v = 'blk: {\n    if true {\n        break 'blk 1;\n    }\n    2\n};\nprintln!(\"{}\", v);",
    "let Some(x) = Some(3) else {\n    return;\n};\nprintln!(\"{}\", x);",
    "let o: Option<i32> = None;\nif let Some(a) = o {\n    println!(\"{}\", a);\n} else if let None = o {\n    println!(\"none\");\n} else {\n    println!(\"?\");\n}",
    "let f = |x: i32| -> i32 { if x > 0 { return x; } -x };\nprintln!(\"{}\", f(-2));",
    "fn sum_n<const N: usize>(a: [i32; N]) -> i32 {\n    a.iter().sum()\n}\nprintln!(\"{}\", sum_n([1, 2, 3]));",
    "fn show(x: impl std::fmt::Display) -> String {\n    format!(\"<{}>\", x)\n}\nprintln!(\"{}\", show(5));",
    "mod inner {\n    pub fn hello() -> &'static str {\n        \"hi\"\n    }\n}\nprintln!(\"{}\", inner::hello());",
    "let c = 'q';\nmatch c {\n    'a'..='m' => println!(\"first\"),\n    'n'..='z' => println!(\"second\"),\n    _ => println!(\"other\"),\n}",
    "let b = b\"abc\";\nlet r = r#\"raw \"str\"\"#;\nprintln!(\"{:?} {} {}\", b, r, b[1]);",
    "let n = 1_000u64 + 0xff + 0o7 + 0b11;\nlet big: u128 = 1 << 100;\nlet f: f32 = 1.5;\nprintln!(\"{} {} {}\", n, big, f);",
    "let t = ((1, 2), 3);\nprintln!(\"{}\", t.0.1);",
    "let v: Vec<Vec<Option<Box<i32>>>> = vec![vec![Some(Box::new(1)), None]];\nprintln!(\"{:?}\", v);",
    "#[derive(Debug, PartialEq, Eq, PartialOrd, Ord, Clone, Copy, Hash)]\nenum Level { Low, High }\nprintln!(\"{}\", Level::Low < Level::High);",
    "fn apply<F>(f: F) -> i32 where F: Fn() -> i32 {\n    f()\n}\nprintln!(\"{}\", apply(|| 4));",
    "struct P { x: i32, y: i32 }\nlet p = P { x: 1, y: 2 };\nlet P { x, .. } = p;\nmatch p {\n    P { y: 0, .. } => println!(\"zero\"),\n    P { x: ref mut_x, y } => println!(\"{} {}\", mut_x, y),\n}",
    "let mut v = vec![1, 2, 3];\nif let Some(last) = v.last_mut() {\n    *last *= 10;\n}\nlet total: i32 = v.iter().copied().reduce(|a, b| a + b).unwrap();\nprintln!(\"{}\", total);",
    "fn f() -> impl Iterator<Item = i32> {\n    (0..3).map(|x| x * x)\n}\nprintln!(\"{:?}\", f().collect::<Vec<_>>());",
    "let mut s = String::new();\nuse std::fmt::Write;\nwrite!(s, \"{}-{}\", 1, 2).unwrap();\nprintln!(\"{}\", s);",
    "let words = [\"a\", \"bb\"];\nlet lens: Vec<usize> = words.iter().map(|w| w.len()).collect();\nlet (short, long): (Vec<&str>, Vec<&str>) = words.iter().partition(|w| w.len() < 2);\nprintln!(\"{:?} {:?} {:?}\", lens, short, long);",
    "let x = 5;\nlet r: &i32 = &&&x;\nprintln!(\"{}\", r);",
    "let x = loop { break; };\nlet () = x;",
    "let v = vec![1, 2, 3];\nlet s = &v[1..];\nlet [a, b] = s else { panic!() };\nprintln!(\"{} {}\", a, b);",
    "let mut it = (1..4).into_iter().peekable();\nwhile let Some(x) = it.next() {\n    if let Some(&n) = it.peek() { println!(\"{} {}\", x, n); }\n}",
    "let x: Result<i32, String> = \"5\".parse::<i32>().map_err(|e| e.to_string());\nprintln!(\"{:?}\", x);",
    "let v = vec![3, 1, 2];\nlet mut sorted = v.clone();\nsorted.sort_unstable_by_key(|x| std::cmp::Reverse(*x));\nprintln!(\"{:?} {:?}\", sorted, v.iter().max_by_key(|x| **x));",
    "struct S<'a, T: 'a> { r: &'a T }\nimpl<'a, T: std::fmt::Debug> S<'a, T> {\n    fn show(&self) { println!(\"{:?}\", self.r); }\n}\nS { r: &5 }.show();",
]

ERROR_SNIPPETS = [  # broken on purpose: each one a classic error of the checker or the machine
    "let s = String::from(\"a\");\nlet t = s;\nprintln!(\"{} {}\", s, t);",
    "let mut v = vec![1, 2];\nlet first = &v[0];\nv.push(3);\nprintln!(\"{}\", first);",
    "let x = 5;\nx = 6;\nprintln!(\"{}\", x);",
    "let mut s = String::new();\nlet a = &mut s;\nlet b = &mut s;\na.push('x');\nb.push('y');",
    "let r;\n{\n    let x = 5;\n    r = &x;\n}\nprintln!(\"{}\", r);",
    "let mut v = vec![1];\nfor x in &v {\n    v.push(*x);\n}",
    "let v: Vec<i32> = Vec::new();\nlet n: i32 = v.len();",
    "let b = Box::new(1);\ndrop(b);\nprintln!(\"{}\", b);",
    "let p: *const i32;\n{\n    let b = Box::new(7);\n    p = &*b as *const i32;\n}\nunsafe {\n    println!(\"{}\", *p);\n}",
    "let b = Box::new(3);\nlet raw = Box::into_raw(b);\nunsafe {\n    drop(Box::from_raw(raw));\n    drop(Box::from_raw(raw));\n}",
    "let v = vec![1, 2, 3];\nlet i = v.len();\nprintln!(\"{}\", v[i]);",
    "let o: Option<i32> = None;\nprintln!(\"{}\", o.unwrap());",
    "let c = std::cell::RefCell::new(1);\nlet a = c.borrow_mut();\nlet b = c.borrow_mut();\nprintln!(\"{} {}\", a, b);",
    "let s = String::from(\"hi\");\nlet f = move || s.len();\nprintln!(\"{} {}\", f(), s);",
    "let x: i32 = \"seven\";",
    "let t = (1, 2);\nprintln!(\"{}\", t.5);",
    "let mut n = 1u8;\nfor _ in 0..9 {\n    n *= 2;\n}\nprintln!(\"{}\", n);",
    "let v = vec![String::from(\"a\")];\nlet s = v[0];\nprintln!(\"{}\", s);",
    "let mut x = 1;\nlet p = &mut x as *mut i32;\nlet r = &mut x;\nunsafe {\n    *p = 2;\n}\n*r += 1;",
    "println!(\"{}\", matches!(Some(3), Some(x) if x > 2));\nlet d = dbg!(1 + 2);\nassert!(d == 3, \"d was {}\", d);",
    "use std::collections::HashMap;\nlet mut m = HashMap::new();\nm.insert(\"a\", 1);\nprintln!(\"{:?}\", m.get(\"a\"));",
    "trait Named {\n    const NAME: &'static str;\n    fn name(&self) -> &'static str {\n        Self::NAME\n    }\n}\nstruct A;\nimpl Named for A {\n    const NAME: &'static str = \"A\";\n}\nprintln!(\"{}\", A.name());",
    "let x: i32 = 1 << 40;",
    "let y: u8 = 256;",
    "let z = 1 / 0;",
    "let arr = [1, 2, 3];\nlet idx = 5;\nprintln!(\"{}\", arr[idx]);",
    "let s = \"abc\";\nlet c: char = s[0];",
    "async fn nope() {}",
    "macro_rules! two {\n    () => { 2 };\n}\nprintln!(\"{}\", two!());",
    "let p = &mut 5;\nlet q = &*p;\n*p += 1;\nprintln!(\"{}\", q);",
    "let mut v = vec![1];\nlet first = &mut v[0];\nlet second = &mut v[0];\n*first += *second;",
    "unsafe {\n    let x: i32 = std::mem::zeroed();\n    let u: i32 = std::mem::MaybeUninit::uninit().assume_init();\n    println!(\"{} {}\", x, u);\n}",
    "let b = Box::new(5);\nlet p = Box::into_raw(b);\nunsafe {\n    let b2 = Box::from_raw(p);\n    println!(\"{}\", *p);\n}",
    "let v = vec![1, 2, 3];\nlet p = v.as_ptr();\ndrop(v);\nunsafe { println!(\"{}\", *p.add(1)); }",
    "let a = [1u8; 4];\nlet p = a.as_ptr();\nunsafe { println!(\"{}\", *p.add(4)); }",
    "let x = 1;\nlet p = &x as *const i32 as *mut i32;\nunsafe { *p = 2; }\nprintln!(\"{}\", x);",
]


def _display(t: Ty, adts: dict[str, Adt]) -> bool:
    if t in SCALARS or t in (STRING, STR):
        return True
    if t[0] in ("Box", "Ref"):
        return _display(t[1], adts)
    return t[0] == "Adt" and adts[t[1]].display


def is_copy(t: Ty, adts: dict[str, Adt]) -> bool:
    if t in SCALARS or t == STR:
        return True
    if t[0] == "Ref":
        return not t[2]
    if t[0] in ("Tuple", "Array"):
        return all(is_copy(x, adts) for x in t[1:] if isinstance(x, tuple))
    if t[0] == "Option":
        return is_copy(t[1], adts)
    return t[0] == "Adt" and adts[t[1]].copy


def _operand(text: str) -> str:
    """TEXT made safe to use as an operand or a method receiver (parenthesised)."""
    if text[0] in "-!&*{" or " " in text:
        return f"({text})"
    return text


def _exclusive(w: Var) -> bool:
    """Does W hold a unique borrow (which any use of what it borrows ends)?"""
    return (w.ty[0] in ("Ref", "Iter") and w.ty[-1] is True) or w.closure == "FnMut"


def has_ref(t: Ty) -> bool:
    return t == STR or t[0] in ("Ref", "Slice") or any(isinstance(x, tuple) and has_ref(x) for x in t[1:])


class ProgramGen:
    """Writes one program, type-directed: every expression is generated for a type, from the
    locals that are live (not moved, no conflicting borrow) at that point."""

    def __init__(self, c: Choices, broken: bool = False) -> None:
        self.c, self.broken = c, broken
        self.out: list[str] = []
        self.indent = 0
        self.adts: dict[str, Adt] = {}
        self.sigs: list[Sig] = []
        self.scopes: list[list[Var]] = [[]]
        self.loop = 0
        self.in_main = False
        self.counter = 0
        self.borrowed: set[str] = set()  # locals the expression being generated borrows
        self.stmt_used: set[str] = set()  # locals used by the statement being generated
        self.stmt_mut: set[str] = set()  # ... and those it borrows mutably

    # ---- bookkeeping
    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def emit(self, line: str) -> None:
        self.out.extend(("    " * self.indent + part).rstrip() for part in line.split("\n"))

    def sloppy(self, percent: int = 6) -> bool:
        """In a broken program, sometimes break the rule being followed."""
        return self.broken and self.c.chance(percent)

    def live(self, pred: Callable[[Var], bool] = lambda v: True) -> list[Var]:
        dead_ok = self.sloppy(4)
        return [v for scope in self.scopes for v in scope
                if (dead_ok or not v.dead) and v.name not in self.stmt_mut and pred(v)]

    def declare(self, name: str, ty: Ty, mutable: bool = False, closure: str = "") -> Var:
        v = Var(name, ty, mutable, loop=self.loop, closure=closure,
                borrows=frozenset(self.borrowed) if (has_ref(ty) or closure) else frozenset())
        self.scopes[-1].append(v)
        return v

    def borrowers(self, v: Var) -> list[Var]:
        return [w for scope in self.scopes for w in scope if v.name in w.borrows and not w.dead]

    def allowed(self, v: Var, kind: str) -> bool:
        """May V be read/written/moved here?  Not when that ends a borrow that was made
        outside the current loop (the next iteration would use it), nor, for moves and
        mutable borrows, twice in one statement or out of an outer loop's variable."""
        if self.sloppy():
            return True
        if kind != "read" and (v.name in self.stmt_used or (kind == "write" and not v.mutable)):
            return False
        if kind == "move" and v.loop < self.loop:
            return False
        return all(w.loop >= self.loop for w in self.borrowers(v) if kind != "read" or _exclusive(w))

    def touch(self, v: Var, kind: str) -> None:
        """Record a read, write (mutable borrow) or move of V: borrows it ends die."""
        for w in self.borrowers(v):
            if kind != "read" or _exclusive(w):
                w.dead = True
        self.stmt_used.add(v.name)
        if kind == "write":
            self.stmt_mut.add(v.name)
        if kind == "move":
            v.dead = True
        self.borrowed |= set(v.borrows)

    def block(self, header: str, body: Callable[[], None], loop: bool = False, tail: str = "") -> None:
        self.emit(f"{header} {{" if header else "{")
        self.indent += 1
        self.scopes.append([])
        self.loop += loop
        body()
        self.loop -= loop
        self.scopes.pop()
        self.indent -= 1
        self.emit("}" + tail)

    # ---- types
    def pick_type(self, depth: int = 2) -> Ty:
        k = self.c.int(0, 15 if depth > 0 else 7)
        if k < 7:
            return (I32, STRING, BOOL, USIZE, F64, CHAR, STR)[k]
        if k in (7, 8):
            return ("Vec", self.pick_type(depth - 1) if self.c.chance(30) else I32)
        if k == 9:
            return ("Option", self.pick_type(depth - 1))
        if k == 10:
            return ("Box", self.pick_type(depth - 1))
        if k == 11:
            return ("Tuple", self.pick_type(depth - 1), self.pick_type(depth - 1))
        if k == 12:
            return ("Array", self.c.pick((I32, CHAR, STRING)), self.c.int(1, 4))
        if k == 13:
            return ("RcCell", self.c.pick((I32, ("Vec", I32), STRING)))
        if self.adts:
            return ("Adt", self.c.pick(list(self.adts)))
        return (I64, U8)[k % 2]

    # ---- expressions
    def value(self, t: Ty, depth: int = 2) -> str:
        """An expression of type T (in a broken program, now and then of another type)."""
        if self.sloppy(1):
            t = self.pick_type(1)
        opts: list[Callable[[], str | None]] = [lambda: self.literal(t)]
        for v in self.live(lambda v: v.ty == t or (v.ty[0] in ("Ref", "Box") and v.ty[1] == t)):
            opts += [lambda v=v: self.use(v, t)] * 2
        if depth > 0:
            opts += self.composites(t, depth - 1)
            opts += [lambda s=s: self.call(s, depth - 1) for s in self.sigs if s.ret == t]
        for _ in range(4):
            text = self.c.pick(opts)()
            if text is not None:
                return _operand(text)
        return _operand(self.literal(t))

    def use(self, v: Var, t: Ty) -> str | None:
        """V read as a value of type T: copied, moved or cloned (through a reference/Box)."""
        through = v.ty != t
        name = f"*{v.name}" if through else v.name
        if is_copy(t, self.adts):
            if not self.allowed(v, "read"):
                return None
            self.touch(v, "read")
            return name
        if not through and self.c.chance(30) and self.allowed(v, "move"):
            self.touch(v, "move")
            return name
        if t[0] == "Ref" or not self.allowed(v, "read"):
            return None
        self.touch(v, "read")
        return f"{v.name}.clone()"

    def borrow(self, t: Ty, mutable: bool) -> str | None:
        """`&x` / `&mut x` of a live local of type T."""
        kind = "write" if mutable else "read"
        vs = self.live(lambda v: v.ty == t and self.allowed(v, kind) and v.name not in self.stmt_mut)
        if not vs:
            return None
        v = self.c.pick(vs)
        self.touch(v, kind)
        self.borrowed.add(v.name)
        return ("&mut " if mutable else "&") + v.name

    def var_of(self, pred: Callable[[Ty], bool], kind: str = "read") -> Var | None:
        vs = self.live(lambda v: pred(v.ty) and self.allowed(v, kind))
        if not vs:
            return None
        v = self.c.pick(vs)
        self.touch(v, kind)
        return v

    def literal(self, t: Ty) -> str:
        c = self.c
        if t in INTS:
            return str(c.int(0, 9))
        simple = {BOOL: lambda: c.pick(("true", "false")), CHAR: lambda: c.pick(("'a'", "'z'", "'7'", "' '", "'\\n'", "'\\''")),
                  F64: lambda: c.pick(("1.5", "0.1", "2.0", "-3.25")), STR: lambda: c.pick(('"hi"', '"a b"', '""', '"\\u{e9}"')),
                  STRING: lambda: c.pick(('String::from("hello")', 'String::new()', '"x".to_string()'))}
        if t in simple:
            return simple[t]()
        k = t[0]
        if k == "Vec":
            return "vec![" + ", ".join(self.literal(t[1]) for _ in range(c.int(0, 3))) + "]" if c.chance(80) else "Vec::new()"
        if k == "Option":
            return f"Some({self.literal(t[1])})" if c.chance(60) else "None"
        if k == "Box":
            return f"Box::new({self.literal(t[1])})"
        if k == "Tuple":
            return "(" + ", ".join(self.literal(x) for x in t[1:]) + ")"
        if k == "Array":
            return "[" + ", ".join(self.literal(t[1]) for _ in range(t[2])) + "]"
        if k == "RcCell":
            return f"Rc::new(RefCell::new({self.literal(t[1])}))"
        if k == "Ref":
            return ("&mut " if t[2] else "&") + self.literal(t[1])
        if k == "Slice":
            return "[" + self.literal(t[1]) + "]"
        adt = self.adts[t[1]]
        if adt.is_enum:
            vname, shape, tys = c.pick(adt.variants)
            args = [self.literal(x) for x in tys]
            if shape == "tuple":
                return f"{adt.name}::{vname}({', '.join(args)})"
            if shape == "struct":
                return f"{adt.name}::{vname} {{ " + ", ".join(f"f{i}: {a}" for i, a in enumerate(args)) + " }"
            return f"{adt.name}::{vname}"
        args = [self.literal(ft) for _, ft in adt.fields]
        if adt.tuple_like:
            return f"{adt.name}({', '.join(args)})"
        return f"{adt.name} {{ " + ", ".join(f"{n}: {a}" for (n, _), a in zip(adt.fields, args)) + " }"

    def call(self, s: Sig, depth: int) -> str | None:
        """A call of S: a free function, an associated function or a method of a local."""
        recv = ""
        if s.receiver:
            kind = {"&self": "read", "&mut self": "write", "self": "move"}[s.receiver]
            adt = ("Adt", s.owner)

            def how(v: Var) -> str:  # through a reference, the receiver is only read (reborrowed)
                return "read" if v.ty[0] == "Ref" or kind == "move" and v.ty != adt else kind
            vs = self.live(lambda v: (v.ty == adt or (v.ty[0] in ("Box", "Ref") and v.ty[1] == adt
                                                       and (kind != "write" or v.ty[0] == "Box" or v.ty[2])))
                           and self.allowed(v, how(v)))
            if not vs:
                return None
            v = self.c.pick(vs)
            self.touch(v, how(v))
            recv = (f"{v.name}.clone()" if kind == "move" and v.ty != adt else v.name) + "."
        args = [self.value(p, depth) for p in s.params]
        if self.sloppy(5) and args:
            args.pop()
        return f"{recv}{s.path}({', '.join(args)})"

    def composites(self, t: Ty, d: int) -> list[Callable[[], str | None]]:
        """The ways to build a T from smaller expressions (each may decline with None)."""
        c, val = self.c, self.value

        def vec_i32(kind: str = "read") -> Var | None:
            return self.var_of(lambda x: x == ("Vec", I32), kind)
        if t in INTS:
            r = render(t)
            return [lambda: f"{val(t, d)} + {val(t, d)}", lambda: f"{val(t, d)} * 2",
                    lambda: f"({val(I32, d)} % 7) as {r}" if t != I32 else f"{val(t, d)} % 7",
                    lambda: (v := self.var_of(lambda x: x[0] == "Vec" or x == STRING)) and f"{v.name}.len() as {r}",
                    lambda: f"if {val(BOOL, d)} {{ {val(t, d)} }} else {{ {val(t, d)} }}",
                    lambda: f"{val(('Option', t), d)}.unwrap_or({c.int(0, 9)})",
                    lambda: f"{{ let tmp = {val(t, d)}; tmp + 1 }}",
                    lambda: (v := vec_i32()) and f"{v.name}.iter().map(|x| x * 2).filter(|x| *x > 2).count() as {r}",
                    lambda: (v := vec_i32()) and f"{v.name}.iter().fold(0, |acc, x| acc + x) as {r}",
                    lambda: (v := vec_i32()) and f"{v.name}.iter().sum::<i32>() as {r}",
                    lambda: (v := self.var_of(lambda x: x == ("RcCell", t))) and f"*{v.name}.borrow()",
                    lambda: (v := self.var_of(lambda x: x == ("Tuple", t, t))) and f"{v.name}.{c.int(0, 1)}",
                    lambda: (f := self.var_of(lambda x: x == ("Closure", t), "read")) and f"{f.name}({val(t, d)})"]
        if t == BOOL:
            return [lambda: f"{val(I32, d)} < {val(I32, d)}", lambda: f"!{val(BOOL, d)}",
                    lambda: f"{val(BOOL, d)} && {val(BOOL, d)}", lambda: f"{val(STRING, d)} == {val(STRING, d)}",
                    lambda: (v := self.var_of(lambda x: x[0] == "Vec")) and f"{v.name}.is_empty()",
                    lambda: (v := self.var_of(lambda x: x[0] == "Option")) and f"{v.name}.is_some()",
                    lambda: (v := vec_i32()) and f"{v.name}.iter().any(|&x| x > {c.int(0, 5)})",
                    lambda: (v := vec_i32()) and f"{v.name}.contains(&{c.int(0, 5)})",
                    lambda: (v := self.var_of(lambda x: x == STR)) and f'{v.name}.starts_with("h")']
        if t == F64:
            return [lambda: f"{val(F64, d)} * 2.0", lambda: f"{val(I32, d)} as f64", lambda: f"f64::abs({val(F64, d)})"]
        if t == STRING:
            return [lambda: f'format!("{{}}-{{:?}}", {val(I32, d)}, {val(STR, d)})',
                    lambda: f"{val(I32, d)}.to_string()", lambda: f'{val(STRING, d)} + "x"',
                    lambda: f"{val(STR, d)}.to_uppercase()", lambda: f"String::from({val(STR, d)})",
                    lambda: (v := self.var_of(lambda x: x[0] == "Adt" and self.adts[x[1]].display)) and f"{v.name}.to_string()"]
        if t == STR:
            return [lambda: (v := self.var_of(lambda x: x == STRING)) and (self.borrowed.add(v.name) or f"{v.name}.as_str()"),
                    lambda: (v := self.var_of(lambda x: x == STRING)) and (self.borrowed.add(v.name) or f"&{v.name}[..]")]
        if t[0] == "Vec":
            opts = [lambda: f"vec![{val(t[1], d)}; {c.int(0, 3)}]" if is_copy(t[1], self.adts) else None,
                    lambda: f"vec![{val(t[1], d)}, {val(t[1], d)}]"]
            if t[1] == I32:
                opts += [lambda: f"(0..{c.int(0, 5)}).map(|i| i * {c.int(1, 3)}).collect::<Vec<i32>>()",
                         lambda: (v := vec_i32()) and f"{v.name}.iter().filter(|&&x| x % 2 == 0).copied().collect::<Vec<_>>()",
                         lambda: (v := vec_i32()) and f"{v.name}.iter().rev().map(|x| x + 1).collect()"]
            return opts
        if t[0] == "Option":
            return [lambda: f"Some({val(t[1], d)})",
                    lambda: (v := self.var_of(lambda x: x == ("Vec", t[1]), "write")) and f"{v.name}.pop()",
                    lambda: (v := self.var_of(lambda x: x == ("Vec", t[1]))) and is_copy(t[1], self.adts) and f"{v.name}.first().copied()"]
        if t[0] == "Box":
            return [lambda: f"Box::new({val(t[1], d)})"]
        if t[0] == "Ref":
            return [lambda: self.borrow(t[1], t[2]),
                    lambda: None if t[2] else f"&{val(t[1], d)}"]
        if t[0] == "Tuple":
            return [lambda: f"({val(t[1], d)}, {val(t[2], d)})"]
        if t[0] == "RcCell":
            return [lambda: f"Rc::new(RefCell::new({val(t[1], d)}))",
                    lambda: (v := self.var_of(lambda x: x == t)) and f"Rc::clone(&{v.name})"]
        if t[0] == "Adt" and not self.adts[t[1]].is_enum:
            adt = self.adts[t[1]]
            if adt.tuple_like:
                return [lambda: f"{adt.name}({', '.join(val(ft, d) for _, ft in adt.fields)})"]
            return [lambda: f"{adt.name} {{ " + ", ".join(f"{n}: {val(ft, d)}" for n, ft in adt.fields) + " }"]
        return []

    # ---- statements
    def stmts(self, n: int, depth: int) -> None:
        for _ in range(n):
            self.borrowed, self.stmt_used, self.stmt_mut = set(), set(), set()
            kinds = [self.s_let] * 4 + [self.s_print] * 2 + [
                self.s_assign, self.s_compound, self.s_vec, self.s_string, self.s_call, self.s_drop,
                self.s_mem, self.s_rc, self.s_closure, self.s_ref, self.s_unsafe]
            if depth > 0:
                kinds += [self.s_if, self.s_while, self.s_for, self.s_loop, self.s_match, self.s_iflet, self.s_block]
            if self.in_main and self.broken and self.c.chance(5):
                self.block("", lambda: self.emit(self.c.pick(ERROR_SNIPPETS)))
            elif self.in_main and self.c.chance(6):
                self.block("", lambda: self.emit(self.c.pick(FEATURE_SNIPPETS)))
            else:
                self.c.pick(kinds)(depth)

    def s_let(self, depth: int) -> None:
        t = self.pick_type()
        e = self.value(t)
        name = self.fresh("x")
        mut = "mut " if self.c.chance(40) else ""
        plain = not any(m in e for m in ("Vec::new", "None", "collect()", "vec![]", "[]"))
        ann = "" if plain and self.c.chance(30) else f": {render(t)}"
        self.emit(f"let {mut}{name}{ann} = {e};")
        self.declare(name, t, bool(mut))

    def fmt_spec(self, t: Ty) -> str:
        if t in INTS:
            return self.c.pick(("{}", "{:>4}", "{:04}", "{:x}", "{:<3}|", "{:+}", "{:?}"))
        if t == F64:
            return self.c.pick(("{}", "{:.2}", "{:8.3}", "{:?}", "{:e}"))
        if t in (STRING, STR):
            return self.c.pick(("{}", "{:>6}", "{:?}", "{:-^9}", "{:.1}"))
        if _display(t, self.adts):
            return self.c.pick(("{}", "{:?}", "{:>8}"))
        return self.c.pick(("{:?}", "{:#?}"))

    def s_print(self, depth: int) -> None:
        vs = self.live(lambda v: v.ty[0] not in ("Closure", "Iter") and self.allowed(v, "read"))
        macro = self.c.pick(("println!", "print!", "eprintln!", "println!"))
        if not vs:
            text = self.c.pick(("plain", "{{braces}}", "tab\\t"))
            self.emit(f'{macro}("{text}");')
            return
        pieces, args = [], []
        for _ in range(self.c.int(1, 3)):
            vs = [v for v in vs if not v.dead]  # an earlier argument may end a borrow
            if not vs:
                break
            v = self.c.pick(vs)
            self.touch(v, "read")
            spec = self.fmt_spec(v.ty)
            if self.c.chance(25):
                pieces.append("{" + v.name + spec[1:])
            else:
                pieces.append(spec)
                args.append(v.name)
        if self.sloppy(5):
            args.append(self.value(I32, 0))
        self.emit(f'{macro}("{" ".join(pieces)}"{"".join(", " + a for a in args)});')

    def s_assign(self, depth: int) -> None:
        v = self.var_of(lambda t: t[0] not in ("Closure", "Iter"), "write")
        if v is None:
            return self.s_let(depth)
        if v.ty[0] == "Ref" and v.ty[2] and self.c.chance(50):
            self.emit(f"*{v.name} = {self.value(v.ty[1], 1)};")
            return
        adt = self.adts.get(v.ty[1]) if v.ty[0] == "Adt" else None
        if adt and not adt.is_enum and self.c.chance(50):
            fname, ft = self.c.pick(adt.fields)
            self.emit(f"{v.name}.{fname} = {self.value(ft, 1)};")
            return
        self.borrowed = set()
        self.emit(f"{v.name} = {self.value(v.ty, 1)};")
        v.dead, v.borrows = False, frozenset(self.borrowed) if has_ref(v.ty) else frozenset()

    def s_compound(self, depth: int) -> None:
        v = self.var_of(lambda t: t in INTS or t == ("Ref", I32, True) or t == STRING, "write")
        if v is None:
            return self.s_print(depth)
        if v.ty == STRING:
            self.emit(f"{v.name} += {self.value(STR, 1)};")
        else:
            star = "*" if v.ty[0] == "Ref" else ""
            self.emit(f"{star}{v.name} {self.c.pick(('+=', '*=', '-=', '%='))} {self.c.int(1, 3)};")

    def s_vec(self, depth: int) -> None:
        vs = self.live(lambda v: v.ty[0] == "Vec" and self.allowed(v, "write"))
        if not vs:
            return self.s_let(depth)
        v = self.c.pick(vs)
        elem = v.ty[1]
        ops = [lambda: f"{v.name}.push({self.value(elem, 1)});", lambda: f"{v.name}.pop();",
               lambda: f"{v.name}.insert(0, {self.value(elem, 1)});", lambda: f"{v.name}.clear();",
               lambda: f"if !{v.name}.is_empty() {{\n    {v.name}[0] = {self.value(elem, 1)};\n}}",
               lambda: f"{v.name}.truncate({self.c.int(0, 2)});", lambda: f"if {v.name}.len() > 1 {{\n    let n = {v.name}.len();\n    {v.name}.swap(0, n - 1);\n}}",
               lambda: f"{v.name}.extend({self.value(('Vec', elem), 1)});"]
        if elem == I32:
            ops += [lambda: f"{v.name}.sort();", lambda: f"{v.name}.retain(|&x| x != {self.c.int(0, 3)});",
                    lambda: f"for x in {v.name}.iter_mut() {{\n    *x += 1;\n}}"]
        line = self.c.pick(ops)()
        self.touch(v, "write")
        self.emit(line)

    def s_string(self, depth: int) -> None:
        v = self.var_of(lambda t: t == STRING, "write")
        if v is None:
            return self.s_let(depth)
        self.emit(self.c.pick((f"{v.name}.push_str({self.value(STR, 1)});", f"{v.name}.push('!');",
                               f"{v.name}.clear();", f"{v.name}.insert(0, '>');",
                               f'{v.name} = {v.name}.replace("l", "L");')))

    def s_call(self, depth: int) -> None:
        if not self.sigs:
            return self.s_print(depth)
        s = self.c.pick(self.sigs)
        text = self.call(s, 1)
        if text is None:
            return
        if s.ret is None or self.c.chance(30):
            self.emit(text + ";")
        else:
            name = self.fresh("r")
            self.emit(f"let {name} = {text};")
            self.declare(name, s.ret)

    def s_drop(self, depth: int) -> None:
        v = self.var_of(lambda t: not is_copy(t, self.adts) and t[0] not in ("Closure", "Iter"), "move")
        if v is not None:
            self.emit(f"{self.c.pick(('drop', 'std::mem::drop'))}({v.name});")

    def s_mem(self, depth: int) -> None:
        v = self.var_of(lambda t: t in (STRING, ("Vec", I32), I32), "write")
        if v is None:
            return
        others = self.live(lambda w: w.ty == v.ty and w is not v and self.allowed(w, "write"))
        if others and self.c.chance(40):
            w = self.c.pick(others)
            self.touch(w, "write")
            self.emit(f"std::mem::swap(&mut {v.name}, &mut {w.name});")
            return
        name = self.fresh("old")
        call = f"std::mem::take(&mut {v.name})" if self.c.chance(50) else f"std::mem::replace(&mut {v.name}, {self.value(v.ty, 0)})"
        self.emit(f"let {name} = {call};")
        self.declare(name, v.ty)

    def s_rc(self, depth: int) -> None:
        v = self.var_of(lambda t: t[0] == "RcCell")
        if v is None:
            name = self.fresh("shared")
            self.emit(f"let {name} = Rc::new(RefCell::new(vec![1, 2]));")
            self.declare(name, ("RcCell", ("Vec", I32)))
            return
        inner = v.ty[1]
        ops = [f"println!(\"count {{}}\", Rc::strong_count(&{v.name}));",
               f"println!(\"{{:?}}\", {v.name}.borrow());"]
        ops += {I32: [f"*{v.name}.borrow_mut() += 1;"], STRING: [f"{v.name}.borrow_mut().push_str(\"+\");"],
                ("Vec", I32): [f"{v.name}.borrow_mut().push(7);", f"let n = {v.name}.borrow().len();"]}[inner]
        self.emit(self.c.pick(ops))

    def s_closure(self, depth: int) -> None:
        name = self.fresh("f")
        k = self.c.int(0, 2)
        if k == 0:
            cap = self.var_of(lambda t: t == I32)
            self.emit(f"let {name} = |a: i32| a * 2 + {cap.name if cap else 1};")
            self.declare(name, ("Closure", I32), closure="Fn")
        elif k == 1:
            n = self.var_of(lambda t: t == I32, "write")
            if n is None:
                return
            self.emit(f"let mut {name} = || {n.name} += 1;\n{name}();\n{name}();")
            self.declare(name, ("Closure", I32), closure="FnMut").dead = True
        else:
            s = self.var_of(lambda t: t == STRING, "move")
            if s is None:
                return
            self.emit(f"let {name} = move |k: usize| {s.name}.len() + k;")
            self.declare(name, ("Closure", USIZE), closure="Fn")

    def s_ref(self, depth: int) -> None:
        mutable = self.c.chance(40)
        v = self.var_of(lambda t: t[0] not in ("Closure", "Iter", "Ref"), "write" if mutable else "read")
        if v is None:
            return
        name = self.fresh("r")
        self.emit(f"let {name} = &{'mut ' if mutable else ''}{v.name};")
        self.borrowed = {v.name}
        self.declare(name, ("Ref", v.ty, mutable))

    def s_unsafe(self, depth: int) -> None:
        v = self.var_of(lambda t: t == I32, "write")
        if v is None:
            return
        p = self.fresh("p")
        self.emit(f"let {p} = &mut {v.name} as *mut i32;\nunsafe {{\n    *{p} += 1;\n    println!(\"{{}}\", *{p});\n}}")

    # ---- control flow
    def s_if(self, depth: int) -> None:
        self.block(f"if {self.value(BOOL, 1)}", lambda: self.stmts(self.c.int(1, 3), depth - 1),
                   tail=" else {" if self.c.chance(50) else "")
        if self.out[-1].endswith("else {"):
            self.indent += 1
            self.scopes.append([])
            self.stmts(self.c.int(1, 2), depth - 1)
            self.scopes.pop()
            self.indent -= 1
            self.emit("}")

    def s_while(self, depth: int) -> None:
        i = self.fresh("i")
        self.emit(f"let mut {i} = 0;")
        self.declare(i, I32)  # immutable to the generator: the body never resets the counter

        def body() -> None:
            self.stmts(self.c.int(1, 3), depth - 1)
            self.emit(f"{i} += 1;")
        self.block(f"while {i} < {self.c.int(0, 4)}", body, loop=True)

    def hold(self, v: Var, exclusive: bool) -> Var:
        """A borrow of V that lasts as long as a loop over it (its iterator)."""
        w = Var(self.fresh("iter"), ("Iter", exclusive), loop=self.loop, borrows=frozenset({v.name}))
        self.scopes[-1].append(w)
        return w

    def s_for(self, depth: int) -> None:
        x = self.fresh("e")
        k = self.c.int(0, 4)
        v = None if k == 0 else self.var_of(lambda t: t[0] == "Vec" or (t[0] == "Array" and k != 3),
                                            "write" if k == 3 else "move" if k == 4 else "read")
        if v is None:
            header, xty = f"for {x} in 0..{self.c.int(0, 5)}", I32
        elif k == 4:
            header, xty = f"for {x} in {v.name}", v.ty[1]
        else:
            header = (f"for {x} in &{v.name}", f"for {x} in {v.name}.iter()", f"for (_, {x}) in {v.name}.iter().enumerate()",
                      f"for {x} in {v.name}.iter_mut()")[k - 1]
            xty = ("Ref", v.ty[1], k == 3)
        it = self.hold(v, k == 3) if v is not None and k != 4 else None

        def body() -> None:
            self.borrowed = {v.name} if it else set()
            self.declare(x, xty)
            if self.c.chance(30):
                self.emit(f"if {self.value(BOOL, 0)} {{\n    {self.c.pick(('continue', 'break'))};\n}}")
            self.stmts(self.c.int(1, 3), depth - 1)
        self.block(header, body, loop=True)
        if it:
            it.dead = True

    def s_loop(self, depth: int) -> None:
        n, k = self.fresh("n"), self.fresh("k")
        self.emit(f"let mut {n} = 0;")
        self.declare(n, I32)

        def body() -> None:
            self.emit(f"{n} += 1;\nif {n} > {self.c.int(0, 3)} {{\n    break {n} * 2;\n}}")
            self.stmts(self.c.int(0, 2), depth - 1)
        self.block(f"let {k} = loop", body, loop=True, tail=";")
        self.declare(k, I32)

    def arm(self, pattern: str, binds: list[tuple[str, Ty]], depth: int, owner: Var | None) -> None:
        def body() -> None:
            for b, t in binds:
                self.borrowed = {owner.name} if owner else set()
                self.declare(b, t)
            self.stmts(self.c.int(0, 2), depth - 1)
        self.block(f"{pattern} =>", body)

    def s_match(self, depth: int) -> None:
        v = self.var_of(lambda t: t[0] in ("Option", "Adt") or t in INTS)
        if v is None or v.ty in INTS:
            scrut = v.name if v else self.value(I32, 1)
            self.block(f"match {scrut}", lambda: (
                self.arm("0", [], depth, None), self.arm("1 | 2", [], depth, None), self.arm("3..=5", [], depth, None),
                self.arm("m if m > 7", [("m", v.ty if v else I32)], depth, None), self.arm("_", [], depth, None)))
            return
        it = self.hold(v, False)
        if v.ty[0] == "Option":
            b = self.fresh("y")
            self.block(f"match &{v.name}", lambda: (self.arm(f"Some({b})", [(b, ("Ref", v.ty[1], False))], depth, v),
                                                     self.arm("None", [], depth, None)))
        else:
            adt = self.adts[v.ty[1]]

            def arms() -> None:
                if not adt.is_enum:
                    binds = [(self.fresh("g"), ft) for _, ft in adt.fields]
                    names = [f"{fn}: {b}" for (fn, _), (b, _) in zip(adt.fields, binds)]
                    pat = f"{adt.name}({', '.join(b for b, _ in binds)})" if adt.tuple_like else f"{adt.name} {{ {', '.join(names)} }}"
                    self.arm(pat, [(b, ("Ref", t, False)) for b, t in binds], depth, v)
                    return
                for vname, shape, tys in adt.variants[: len(adt.variants) - self.c.int(0, 1)]:
                    binds = [(self.fresh("g"), t) for t in tys]
                    if shape == "tuple":
                        pat = f"{adt.name}::{vname}({', '.join(b for b, _ in binds)})"
                    elif shape == "struct":
                        pat = f"{adt.name}::{vname} {{ " + ", ".join(f"f{i}: {b}" for i, (b, _) in enumerate(binds)) + " }"
                    else:
                        pat = f"{adt.name}::{vname}"
                    self.arm(pat, [(b, ("Ref", t, False)) for b, t in binds], depth, v)
                self.arm("_", [], depth, None)
            self.block(f"match &{v.name}", arms)
        it.dead = True

    def s_iflet(self, depth: int) -> None:
        v = self.var_of(lambda t: t[0] == "Option" or (t[0] == "Vec" and t[1] in SCALARS), "read")
        if v is None:
            return
        b = self.fresh("y")
        if v.ty[0] == "Option":
            it = self.hold(v, False)
            self.block(f"if let Some({b}) = &{v.name}", lambda: self.arm_body(b, ("Ref", v.ty[1], False), v, depth))
            it.dead = True
        elif v.mutable and self.allowed(v, "write"):
            self.touch(v, "write")
            it = self.hold(v, False)
            self.block(f"while let Some({b}) = {v.name}.pop()", lambda: self.arm_body(b, v.ty[1], None, depth), loop=True)
            it.dead = True

    def arm_body(self, b: str, t: Ty, owner: Var | None, depth: int) -> None:
        self.borrowed = {owner.name} if owner else set()
        self.declare(b, t)
        self.stmts(self.c.int(1, 2), depth - 1)

    def s_block(self, depth: int) -> None:
        self.block("", lambda: self.stmts(self.c.int(1, 3), depth - 1))

    # ---- items
    def field_type(self) -> Ty:
        return self.c.pick((I32, STRING, BOOL, F64, ("Vec", I32), ("Option", I32), ("Box", I32), CHAR, U8)
                           + tuple(("Adt", n) for n, a in self.adts.items() if not a.is_enum))

    def gen_struct(self, idx: int) -> None:
        name = self.c.pick(("Point", "Node", "Account", "Item", "Pair", "Counter", "Token", "Guard")) + str(idx)
        fields = [(f"f{i}", self.field_type()) for i in range(self.c.int(1, 3))]
        adt = Adt(name, fields, tuple_like=self.c.chance(25), drop=self.c.chance(30), display=self.c.chance(40))
        if adt.tuple_like:
            adt.fields = fields = [(str(i), ft) for i, (_, ft) in enumerate(fields)]
        adt.copy = not adt.drop and all(is_copy(ft, self.adts) for _, ft in fields) and self.c.chance(60)
        self.emit(f"#[derive(Debug, Clone{', Copy' if adt.copy else ''}, PartialEq)]")
        if adt.tuple_like:
            self.emit(f"struct {name}({', '.join(render(ft) for _, ft in fields)});")
        else:
            self.emit(f"struct {name} {{\n" + "".join(f"    {n}: {render(ft)},\n" for n, ft in fields) + "}")
        self.adts[name] = adt
        params = ", ".join(f"a{i}: {render(ft)}" for i, (_, ft) in enumerate(fields))
        build = (f"{name}({', '.join(f'a{i}' for i in range(len(fields)))})" if adt.tuple_like
                 else f"{name} {{ " + ", ".join(f"{n}: a{i}" for i, (n, _) in enumerate(fields)) + " }")
        methods = [f"fn new({params}) -> Self {{\n    {build}\n}}"]
        self.sigs.append(Sig(f"{name}::new", [ft for _, ft in fields], ("Adt", name)))
        for fname, ft in fields:
            if self.c.chance(40):
                continue
            if is_copy(ft, self.adts):
                methods.append(f"fn get_{fname}(&self) -> {render(ft)} {{\n    self.{fname}\n}}")
                self.sigs.append(Sig(f"get_{fname}", [], ft, "&self", name))
            else:
                methods.append(f"fn get_{fname}(&self) -> &{render(ft)} {{\n    &self.{fname}\n}}")
            methods.append(f"fn set_{fname}(&mut self, value: {render(ft)}) {{\n    self.{fname} = value;\n}}")
            self.sigs.append(Sig(f"set_{fname}", [ft], None, "&mut self", name))
            if not adt.drop or self.sloppy(30):
                methods.append(f"fn into_{fname}(self) -> {render(ft)} {{\n    self.{fname}\n}}")
                self.sigs.append(Sig(f"into_{fname}", [], ft, "self", name))
        self.block(f"impl {name}", lambda: self.emit("\n\n".join(methods)))
        if adt.drop:
            self.emit(f"impl Drop for {name} {{\n    fn drop(&mut self) {{\n"
                      f"        println!(\"drop {name} {{:?}}\", self.{fields[0][0]});\n    }}\n}}")
        if adt.display:
            shown = "".join(f"\n        write!(f, \" {{:?}}\", self.{n})?;" for n, _ in fields)
            self.emit(f"impl fmt::Display for {name} {{\n    fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result {{\n"
                      f"        write!(f, \"{name}\")?;{shown}\n        Ok(())\n    }}\n}}")
        if self.c.chance(30):
            self.emit(f"impl Describe for {name} {{\n    fn label(&self) -> String {{\n"
                      f"        format!(\"{name}/{{:?}}\", self.{fields[0][0]})\n    }}\n}}")
            self.sigs += [Sig("label", [], STRING, "&self", name), Sig("describe", [], STRING, "&self", name)]

    def gen_enum(self, idx: int) -> None:
        name = self.c.pick(("Shape", "Msg", "Event", "Op")) + str(idx)
        variants = []
        for i in range(self.c.int(1, 4)):
            shape = self.c.pick(("unit", "tuple", "struct"))
            tys = [] if shape == "unit" else [self.c.pick((I32, STRING, BOOL, F64, ("Vec", I32))) for _ in range(self.c.int(1, 2))]
            variants.append((f"V{i}", shape, tys))
        self.adts[name] = Adt(name, [], variants)
        body = []
        for vname, shape, tys in variants:
            if shape == "tuple":
                body.append(f"    {vname}({', '.join(render(t) for t in tys)}),")
            elif shape == "struct":
                body.append(f"    {vname} {{ " + ", ".join(f"f{i}: {render(t)}" for i, t in enumerate(tys)) + " },")
            else:
                body.append(f"    {vname},")
        self.emit("#[derive(Debug, Clone, PartialEq)]\nenum " + name + " {\n" + "\n".join(body) + "\n}")
        arms = "".join(f"\n            {name}::{v}{'(..)' if s == 'tuple' else ' { .. }' if s == 'struct' else ''} => {i},"
                       for i, (v, s, _) in enumerate(variants))
        self.emit(f"impl {name} {{\n    fn code(&self) -> i32 {{\n        match self {{{arms}\n        }}\n    }}\n}}")
        self.sigs.append(Sig("code", [], I32, "&self", name))

    def gen_fn(self, idx: int) -> None:
        params = []
        for i in range(self.c.int(0, 3)):
            t = self.pick_type(1)
            params.append((f"p{i}", self.c.pick((t, t, ("Ref", t, False), ("Ref", t, True)))))
        ret = None if self.c.chance(30) else self.c.pick((I32, STRING, BOOL, ("Vec", I32), ("Option", I32)))
        name = f"helper{idx}"
        sig = ", ".join(f"{n}: {render(t)}" for n, t in params)
        saved, self.scopes = self.scopes, [self.scopes[0][:], [Var(n, t) for n, t in params]]

        def body() -> None:
            self.stmts(self.c.int(1, 5), 2)
            if ret is not None:
                self.borrowed, self.stmt_used, self.stmt_mut = set(), set(), set()
                self.emit(self.value(ret))
        self.block(f"fn {name}({sig})" + (f" -> {render(ret)}" if ret else ""), body)
        self.scopes = saved
        self.sigs.append(Sig(name, [t for _, t in params], ret))

    def program(self) -> str:
        """The whole program: uses, a trait, ADTs, helpers, functions, then `fn main`."""
        self.emit("#![allow(unused)]\nuse std::cell::RefCell;\nuse std::fmt;\nuse std::rc::Rc;\n")
        self.emit("trait Describe {\n    fn label(&self) -> String;\n    fn describe(&self) -> String {\n"
                  "        format!(\"<{}>\", self.label())\n    }\n}\n")
        if self.c.chance(50):
            self.emit("const LIMIT: i32 = 3;")
            self.scopes[0].append(Var("LIMIT", I32))
        for i in range(self.c.int(0, 3)):
            self.gen_struct(i)
        for i in range(self.c.int(0, 1)):
            self.gen_enum(i)
        for i in sorted({self.c.int(0, len(HELPERS) - 1) for _ in range(self.c.int(0, 4))}):
            text, sigs = HELPERS[i]
            self.emit(text)
            self.sigs += sigs
        for i in range(self.c.int(0, 2)):
            self.gen_fn(i)
        self.in_main = True  # snippets may `return` or `break`: only in main's body
        self.block("fn main()", lambda: self.stmts(self.c.int(1, 14), 2))
        return "\n".join(self.out) + "\n"


# ------------------------------------------------------------------ corpus mutants
_TOKEN = re.compile(r"\s+|//[^\n]*|'[a-z_]\w*(?!')|\w+|\"(?:\\.|[^\"\\])*\"|'(?:\\.|[^'\\])'|.", re.S)
_TYPES = ("i32", "u8", "usize", "i64", "f64", "bool", "char", "String", "&str", "Vec<i32>", "Option<i32>",
          "Box<i32>", "()", "&String", "&mut i32", "[i32; 2]", "Rc<i32>")
_REWRITES = [  # (pattern, replacement) edits that keep the syntax and change the meaning
    (r"&(?!mut\b|&)", "&mut "), (r"&mut ", "&"), (r"\bmut ", ""), (r"\blet (?!mut)", "let mut "),
    (r"\.clone\(\)", ""), (r"\.iter\(\)", ".iter_mut()"), (r"\.iter\(\)", ".into_iter()"), (r"\bmove ", ""),
    (r"\|\s*\|", "move ||"), (r"\*(?=\w)", ""), (r"\b\d+\b", "0"), (r"\b\d+\b", "4294967296"), (r"\b\d+\b", "-1"),
    (r"\bSome\(", "Ok("), (r"\bdrop\(", "std::mem::forget("), (r"\bi32\b", "u8"), (r"\busize\b", "i32"),
    (r"\bString\b", "&str"), (r"&str\b", "String"), (r"\bBox::new\(", "Rc::new("), (r";\n", "\n"),
    (r"\bunwrap\(\)", "unwrap_or_default()"), (r"\{\}", "{:?}"), (r"\{:\?\}", "{}"), (r"\bbreak\b", "continue"),
    (r"'a\b", "'static"), (r"\bas_str\(\)", "to_string()"), (r"\breturn\b", ""), (r"\bself\.", ""),
    (r"\b(&?)self\b", r"\1mut self"), (r"\bif\b", "while"), (r"\bmatch ([^{]+)\{", r"match &\1{"),
]


def corpus_programs(step: int = 1) -> list[str]:
    """The corpus programs (every STEP-th, sorted by path); a small stand-in without a corpus."""
    files = sorted(CORPUS.rglob("*.rs"))[::step] if CORPUS.exists() else []
    return [f.read_text() for f in files] or [ProgramGen(RandomChoices(0)).program()]


def mutate(text: str, c: Choices, ops: int = 2, semantic: bool = False) -> str:
    """TEXT after OPS edits, each at token, identifier, line, rewrite or truncation level;
    SEMANTIC keeps to the edits that usually keep the syntax (identifiers, rewrites, types)."""
    for _ in range(ops):
        op = c.pick((3, 6, 6, 7)) if semantic else c.int(0, 8)
        if op <= 3:
            toks = _TOKEN.findall(text)
            words = [i for i, t in enumerate(toks) if re.fullmatch(r"[A-Za-z_]\w*", t)]
            if not words:
                continue
            i = c.pick(words) if op == 3 else c.int(0, len(toks) - 1)
            j = c.pick(words) if op == 3 else c.int(0, len(toks) - 1)
            if op == 0:
                del toks[i]
            elif op == 1:
                toks.insert(i, toks[j])
            else:  # swap two tokens, or put one identifier in place of another
                toks[i], toks[j] = (toks[j], toks[i]) if op == 2 else (toks[j], toks[j])
            text = "".join(toks)
        elif op <= 5:
            lines = text.split("\n")
            i, j = c.int(0, len(lines) - 1), c.int(0, len(lines) - 1)
            if op == 4:
                del lines[i]
            elif c.chance(50):
                lines.insert(i, lines[j])
            else:
                lines[i] = lines[j]
            text = "\n".join(lines)
        elif op == 6:
            pattern, repl = c.pick(_REWRITES)
            hits = list(re.finditer(pattern, text))
            if hits:
                m = c.pick(hits)
                text = text[:m.start()] + m.expand(repl) + text[m.end():]
        elif op == 7:
            hits = [m for m in re.finditer(r"(?<=: )[A-Za-z&][\w<>&; \[\]]*?(?=[,)=;\n{])", text)]
            if hits:
                m = c.pick(hits)
                text = text[:m.start()] + c.pick(_TYPES) + text[m.end():]
        else:
            text = text[:c.int(0, len(text))]
    return text


# ------------------------------------------------------------------ entry points
def program_from_seed(seed: int, broken: bool = False) -> str:
    return ProgramGen(RandomChoices(seed), broken).program()


def mutant_from_seed(seed: int, sources: Sequence[str]) -> str:
    c = RandomChoices(seed)
    return mutate(c.pick(sources), c, c.int(1, 3))


@st.composite
def programs(draw: Callable, broken: bool | None = None) -> str:
    """A generated program (well-typed or broken as asked; either when BROKEN is None)."""
    c = DrawChoices(draw)
    return ProgramGen(c, c.chance(50) if broken is None else broken).program()


@st.composite
def mutants(draw: Callable, sources: Sequence[str]) -> str:
    """One of SOURCES after one to three edits."""
    c = DrawChoices(draw)
    return mutate(c.pick(sources), c, c.int(1, 3))


# ------------------------------------------------------------------ iterator chains
_SOURCES = ["v.iter().copied()", "v.clone().into_iter()", "(0..{n})", "(1..={n})", "[3, 1, 2].into_iter()",
            "s.chars().map(|c| c as i32)", "s.bytes().map(|b| b as i32)", "v.windows(2).map(|w| w[0] + w[1])",
            "v.chunks(2).map(|c| c.len() as i32)", "std::iter::repeat(1).take({n})", "std::iter::once(5)",
            "Some(4).into_iter()", "v.iter().map(|&x| x)", "v.iter().rev().cloned()"]
_ADAPTERS = ["map(|x| x * 2)", "filter(|x| *x % 2 == 0)", "skip({n})", "take({n})", "rev()", "step_by(2)",
             "enumerate().map(|(i, x)| x + i as i32)", "zip({src}).map(|(a, b)| a * b)", "chain({src})",
             "skip_while(|x| *x < 2)", "take_while(|x| *x < 5)", "inspect(|x| print!(\"{{}} \", x))",
             "peekable()", "flat_map(|x| 0..x.min(3))", "filter_map(|x| if x > 1 {{ Some(x) }} else {{ None }})",
             "scan(0, |acc, x| {{ *acc += x; Some(*acc) }})", "map(|x| x % 7)"]
_TERMINALS = ["collect::<Vec<i32>>()", "sum::<i32>()", "count()", "min()", "max()", "last()", "nth(1)",
              "position(|x| x == 2)", "any(|x| x > 2)", "all(|x| x > 0)", "find(|x| *x > 1)",
              "fold(0, |a, x| a + x)", "max_by_key(|x| x % 3)", "min_by(|a, b| a.cmp(b))",
              "reduce(|a, b| a.max(b))", "map(|x| x.to_string()).collect::<Vec<String>>().join(\",\")",
              "partition::<Vec<i32>, _>(|x| *x > 2)", "map(|x| (x, x * 2)).unzip::<i32, i32, Vec<i32>, Vec<i32>>()",
              "collect::<Vec<_>>().len()", "rev().collect::<Vec<i32>>()"]


class IterGen:
    """Short programs that chain iterator adapters over i32 items (sources, adapters and
    consumers drawn at random) and print the result: the std iterator machinery at work."""

    def __init__(self, c: Choices) -> None:
        self.c = c

    def source(self, depth: int) -> str:
        return self.c.pick(_SOURCES).format(n=self.c.int(0, 5))

    def chain(self, depth: int = 1) -> str:
        text = self.source(depth)
        for _ in range(self.c.int(0, 4)):
            other = self.chain(depth - 1) if depth > 0 and self.c.chance(30) else self.source(0)
            text += "." + self.c.pick(_ADAPTERS).format(n=self.c.int(0, 4), src=other)
        return text

    def program(self) -> str:
        lines = ['let v: Vec<i32> = vec![' + ", ".join(str(self.c.int(0, 9)) for _ in range(self.c.int(0, 6))) + "];",
                 'let s = String::from("' + self.c.pick(("abc", "", "h\u00e9 llo", "zz")) + '");']
        for i in range(self.c.int(1, 4)):
            lines.append(f"let r{i} = {self.chain()}.{self.c.pick(_TERMINALS)};")
            lines.append(f'println!("{{:?}}", r{i});')
        return "fn main() {\n" + "".join(f"    {line}\n" for line in lines) + "}\n"


def iter_program_from_seed(seed: int) -> str:
    return IterGen(RandomChoices(seed)).program()


@st.composite
def iterator_programs(draw: Callable) -> str:
    """A short program of iterator chains over i32 items."""
    return IterGen(DrawChoices(draw)).program()
