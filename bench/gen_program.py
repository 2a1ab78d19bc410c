"""Generate a large, valid, borrow-heavy Rust program for the benchmarks.

    python bench/gen_program.py LINES [-o FILE]

The program is a sequence of independent groups (a struct with `&self`/`&mut self`
methods, an enum matched by reference, functions that borrow slices mutably and
immutably, return references with explicit lifetimes, and move `String`s in and out), each
with a driver function that `main` calls, so every item is used.  It stays inside the
subset rustmem supports, rustc accepts it, and it is deterministic: the same LINES always
give the same text.
"""
from __future__ import annotations

import argparse
import sys

GROUP = """\
struct Account{i} {{
    owner: String,
    balance: i64,
    history: Vec<i64>,
}}

impl Account{i} {{
    fn new(owner: &str) -> Account{i} {{
        Account{i} {{ owner: owner.to_string(), balance: 0, history: Vec::new() }}
    }}

    fn deposit(&mut self, amount: i64) {{
        self.balance += amount;
        self.history.push(amount);
    }}

    fn largest(&self) -> Option<&i64> {{
        let mut best: Option<&i64> = None;
        for h in self.history.iter() {{
            match best {{
                Some(b) if *b >= *h => {{}}
                _ => best = Some(h),
            }}
        }}
        best
    }}
}}

enum Shape{i} {{
    Circle(i64),
    Rect(i64, i64),
    Empty,
}}

fn area_{i}(shape: &Shape{i}) -> i64 {{
    match shape {{
        Shape{i}::Circle(r) => 3 * r * r,
        Shape{i}::Rect(w, h) => w * h,
        Shape{i}::Empty => 0,
    }}
}}

fn extend_{i}(values: &mut Vec<i32>, extra: &[i32]) -> i32 {{
    let first = values[0];
    for x in extra.iter() {{
        values.push(*x + first);
    }}
    let mut total = 0;
    for v in values.iter_mut() {{
        *v += 1;
        total += *v;
    }}
    total
}}

fn longer_{i}<'a>(a: &'a str, b: &'a str) -> &'a str {{
    if a.len() >= b.len() {{ a }} else {{ b }}
}}

fn grow_{i}(mut text: String, times: usize) -> String {{
    let mut k = 0;
    while k < times {{
        text.push_str("x");
        k += 1;
    }}
    text
}}

fn run_{i}() -> i64 {{
    let mut account = Account{i}::new("owner{i}");
    account.deposit({amount});
    account.deposit(2);
    let top = match account.largest() {{
        Some(v) => *v,
        None => 0,
    }};
    let mut values = vec![1, 2, {small}];
    let extra = [3, 4];
    let total = extend_{i}(&mut values, &extra);
    let first = &values[0];
    let seen = *first;
    values.push(seen);
    let a = String::from("alpha");
    let b = String::from("beta{i}");
    let longest = longer_{i}(&a, &b).len() as i64;
    let grown = grow_{i}(a, 3);
    let shapes = vec![Shape{i}::Circle(2), Shape{i}::Rect(3, 4), Shape{i}::Empty];
    let mut areas = 0;
    for shape in shapes.iter() {{
        areas += area_{i}(shape);
    }}
    let owner = account.owner.len() as i64;
    top + total as i64 + longest + grown.len() as i64 + areas + account.balance + owner
}}

"""

GROUP_LINES = GROUP.count("\n")
MAIN_OVERHEAD = 5  # `fn main() {`, the accumulator, println!, `}` and a blank line


def generate(lines: int) -> str:
    """A program of about LINES lines (never fewer than one group and `main`)."""
    groups = max(1, round((lines - MAIN_OVERHEAD) / (GROUP_LINES + 1)))
    parts = [GROUP.format(i=i, amount=i + 1, small=i % 100) for i in range(groups)]
    parts.append("fn main() {\n    let mut total: i64 = 0;\n")
    parts.extend(f"    total += run_{i}();\n" for i in range(groups))
    parts.append('    println!("{}", total);\n}\n')
    return "".join(parts)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("lines", type=int, help="about how many lines to generate")
    parser.add_argument("-o", "--output", help="write here instead of stdout")
    args = parser.parse_args()
    text = generate(args.lines)
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            f.write(text)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
