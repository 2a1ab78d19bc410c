"""A seeded generator of random Rust programs that rustc accepts, for differential runs.

`generate(seed) -> Program`: helper functions, a struct with `derive(Debug, Clone,
PartialEq)` and methods, an enum with data, a `Guard` with `impl Drop` that prints, and a
`main` of random statements — integer arithmetic that may overflow at run time, f64, Vec,
String, Box, Option, loops, matches, closures, iterator chains, moves and drops, and
`println!` with widths, precisions, signs, radixes and (pretty) Debug.

Programs are correct by construction:
- types: every expression is built for a wanted type;
- moves: only a value declared in the current block is moved, then it is gone; other uses
  borrow it inside one expression or clone it, so no borrow outlives its statement;
- a `for` over `&v` freezes `v` in its body; closures capture only immutable integers;
- rustc's deny-by-default lints (`arithmetic_overflow`, `unconditional_panic`) see through
  constants, so the generator tracks which integers rustc can know at compile time: an
  operation on two known values is computed here and kept only if it neither overflows nor
  divides by zero; values that come from calls, indexing, parameters or loops are opaque to
  rustc and may overflow at run time (a panic both sides must agree on).

A `Program` is a tree of `Node`s (a line, or a header with nested blocks), so a failing
program can be shrunk by deleting nodes and rendered again.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Callable, Optional

from difftest_exprs import INT_TYPES, ExprGen, Val, Var
from difftest_values import int_binop


@dataclass
class Node:
    """One line (`parts` empty), or `head { body } [mid { body }]... tail`."""

    head: str
    parts: list[tuple[str, list["Node"]]] = field(default_factory=list)  # (opening line, body)
    tail: str = "}"

    @staticmethod
    def block(head: str, body: list["Node"], tail: str = "}") -> "Node":
        return Node(head, [(head, body)], tail)

    def render(self, out: list[str], indent: int) -> None:
        pad = "    " * indent
        if not self.parts:
            out.append(pad + self.head)
            return
        for opening, body in self.parts:
            out.append(pad + opening)
            for child in body:
                child.render(out, indent + 1)
        out.append(pad + self.tail)


@dataclass
class Program:
    items: list[Node]

    def render(self) -> str:
        out: list[str] = []
        for item in self.items:
            item.render(out, 0)
        return "\n".join(out) + "\n"


class Gen(ExprGen):
    """Builds one program: statements, helper functions and the fixed items."""

    # -- statements -------------------------------------------------------------------
    def block(self, n: int, depth: int) -> list[Node]:
        """n statements in a new scope (the caller writes the braces)."""
        self.push_scope()
        body = [node for _ in range(n) for node in self.statement(depth)]
        self.pop_scope()
        return body

    def statement(self, depth: int) -> list[Node]:
        weights = [
            ("let", 30), ("print", 18), ("assign", 10), ("vec_mut", 6), ("string_mut", 4),
            ("rec_mut", 3), ("box_mut", 2), ("guard", 5), ("move", 4), ("mem", 2),
            ("if", 5), ("for_range", 4), ("for_vec", 3), ("while", 2), ("loop", 2),
            ("match_int", 3), ("match_shape", 2), ("if_let", 3), ("closure", 2), ("call", 3),
        ]
        if depth >= 2:
            weights = [(k, w) for k, w in weights if k in ("let", "print", "assign", "vec_mut",
                                                           "string_mut", "guard", "call")]
        kinds, ws = zip(*weights)
        for _ in range(8):
            kind = self.rng.choices(kinds, ws)[0]
            node = getattr(self, "st_" + kind)(depth)
            if node is not None:
                return node if isinstance(node, list) else [node]
        return [self.st_print(depth)]

    def st_let(self, depth: int) -> Optional[Node]:
        ty = self.rng.choice(INT_TYPES + INT_TYPES + ("f64", "bool", "String", "String", "Vec<i32>",
                                                     "Vec<i32>", "Option<i32>", "Rec", "Box<i32>",
                                                     "Shape", "char", "(i32, String)"))
        e = self.expr_of(ty)
        mutable = self.chance(0.5)
        name = self.fresh("v")
        self.declare(name, ty, mutable, e.val if ty in INT_TYPES else None)
        # Containers of unsuffixed literals would stay `{integer}` without the annotation.
        annot = f": {ty}" if self.chance(0.8) or not e.typed or "<" in ty or "(" in ty else ""
        return Node(f"let {'mut ' if mutable else ''}{name}{annot} = {e.code};")

    def st_print(self, depth: int) -> Optional[Node]:
        if self.chance(0.1):
            var = self.rng.choice(self.visible()) if self.visible() else None
            if var and var.ty in INT_TYPES + ("String", "f64", "bool") and var.name.isidentifier():
                return Node(f'println!("{{{var.name}}} {{{var.name}:?}}");')
        return Node(self.format_macro(self.rng.choice(["println!", "println!", "print!"])) + ";")

    def note_assign(self, var: Var, val: Val) -> None:
        """Record what rustc may know of var after an assignment in the current block."""
        var.val = val if var.block == self.blocks[-1] else Val.maybe()
        if var.block != self.blocks[-1]:
            self.assigned_outside.add(var.name)

    def st_assign(self, depth: int) -> Optional[Node]:
        ty = self.rng.choice(INT_TYPES)
        var = self.pick_var(ty, mutable=True)
        if var is None:
            return None
        if self.chance(0.35):
            e = self.int_expr(ty, 1)
            self.note_assign(var, e.val)
            return Node(f"{var.name} = {e.code};")
        op = self.rng.choice(["+", "-", "*", "/", "%", "+"])
        e = self.int_expr(ty, 1)
        val = int_binop(op, var.val, e.val, ty)
        if val is None:
            return None
        self.note_assign(var, val)
        return Node(f"{var.name} {op}= {e.code};")

    def st_vec_mut(self, depth: int) -> Optional[Node]:
        var = self.pick_var("Vec<i32>", mutable=True)
        if var is None:
            return None
        v = var.name
        e = self.int_expr("i32", 1)
        opts = [f"{v}.push({e.code});", f"{v}.push({e.code});", f"{v}.pop();", f"{v}.sort();",
                f"{v}.reverse();", f"{v}.insert(0, {e.code});", f"{v}.truncate(3);",
                f"if !{v}.is_empty() {{ {v}.remove(0); }}",
                f"if let Some(last) = {v}.last_mut() {{ *last += 1; }}",
                f"for x in {v}.iter_mut() {{ *x *= 2; }}",
                f"{v}[{self.rng.randrange(3)}] = {e.code};",
                f"{v}.retain(|x| *x != {self.rng.randint(0, 5)});",
                f'println!("popped {{:?}}", {v}.pop());']
        return Node(self.rng.choice(opts))

    def st_string_mut(self, depth: int) -> Optional[Node]:
        var = self.pick_var("String", mutable=True)
        if var is None:
            return None
        s = var.name
        opts = [f"{s}.push_str({self.str_lit()});", f"{s}.push('{self.rng.choice('xyz!')}');",
                f"{s} += {self.str_lit()};", f"{s}.insert(0, '>');", f"{s}.clear();",
                f"{s} = {s}.to_uppercase();", f"{s}.push_str(&{self.int_expr('i32', 1).receiver('i32')}.to_string());"]
        return Node(self.rng.choice(opts))

    def st_rec_mut(self, depth: int) -> Optional[Node]:
        var = self.pick_var("Rec", mutable=True)
        if var is None:
            return None
        r = var.name
        return Node(self.rng.choice([
            f"{r}.bump({self.int_expr('i32', 1).code});", f"{r}.tags.push({self.int_expr('i32', 1).code});",
            f"{r}.name.push_str({self.str_lit()});", f'println!("{{}} {{:.2}}", {r}.label(), {r}.score);',
            f"{r}.score *= 1.5;", f"{r}.id = {self.int_expr('i32', 1).code};",
        ]))

    def st_box_mut(self, depth: int) -> Optional[Node]:
        var = self.pick_var("Box<i32>", mutable=True)
        if var is None:
            return None
        return Node(f"*{var.name} += {self.int_expr('i32', 1).code};")

    def st_guard(self, depth: int) -> Optional[Node]:
        self.guard_ids += 1
        gid = self.guard_ids
        r = self.rng.random()
        if r < 0.15:
            return Node(f"let _ = Guard {{ id: {gid} }};")
        if r < 0.25:
            return Node(f"Guard {{ id: {gid} }};")
        if r < 0.35:
            inner = self.fresh("g")
            return Node.block("{", [Node(f"let {inner} = Guard {{ id: {gid} }};"),
                                    Node(f'println!("in block with guard {{}}", {inner}.id);')])
        name = self.fresh("g")
        self.declare(name, "Guard", False)
        return Node(f"let {name} = Guard {{ id: {gid} }};")

    def st_move(self, depth: int) -> Optional[Node]:
        ty = self.rng.choice(["Guard", "Guard", "String", "Vec<i32>", "Rec", "Box<i32>"])
        var = self.pick_var(ty, movable=True)
        if var is None:
            return None
        var.moved = True
        if ty == "Guard":
            how = self.rng.choice(["drop", "consume", "let"])
            if how != "let":
                return Node(f"{how}({var.name});")
            return Node(f"let {self.declare(self.fresh('g'), 'Guard', False).name} = {var.name};")
        if ty == "String":
            return Node(f"println!(\"took {{}}\", take_string({var.name}));")
        if ty == "Rec":
            return Node(f"println!(\"{{}}\", into_label({var.name}));")
        new = self.declare(self.fresh("m"), ty, True)
        return Node(f"let mut {new.name} = {var.name};")

    def st_mem(self, depth: int) -> Optional[Node]:
        ty = self.rng.choice(["String", "Vec<i32>", "i32"])
        cands = [v for v in self.visible(ty) if v.mutable and v.name not in self.frozen]
        if len(cands) < 1:
            return None
        a = self.rng.choice(cands)
        if len(cands) >= 2 and self.chance(0.5):
            b = self.rng.choice([c for c in cands if c is not a])
            for v in (a, b):
                self.note_assign(v, Val.maybe())
            return Node(f"std::mem::swap(&mut {a.name}, &mut {b.name});")
        self.note_assign(a, Val.maybe())
        if ty == "i32":
            return Node(f"println!(\"old {{}}\", std::mem::replace(&mut {a.name}, {self.int_lit('i32').code}));")
        return Node(f"println!(\"took {{:?}}\", std::mem::take(&mut {a.name}));")

    def control(self, make: Callable[[], Any]) -> Any:
        """Generate a control-flow construct; what it assigns is unknown to rustc after it."""
        saved = self.assigned_outside
        self.assigned_outside = set()
        node = make()
        for scope in self.scopes:
            for v in scope:
                if v.name in self.assigned_outside:
                    v.val = Val.maybe()
        self.assigned_outside = saved | self.assigned_outside
        return node

    def body_len(self) -> int:
        return self.rng.randint(1, 3)

    def st_if(self, depth: int) -> Optional[Node]:
        def make() -> Node:
            cond = self.bool_expr(1).code
            node = Node("", [(f"if {cond} {{", self.block(self.body_len(), depth + 1))])
            if self.chance(0.6):
                node.parts.append(("} else {", self.block(self.body_len(), depth + 1)))
            return node
        return self.control(make)

    def st_for_range(self, depth: int) -> Optional[Node]:
        def make() -> Node:
            i = self.fresh("i")
            lo, hi = self.rng.randint(-2, 2), self.rng.randint(0, 5)
            rng_code = self.rng.choice([f"{lo}i32..{hi}", f"{lo}..={hi}i32", f"({lo}i32..{hi}).rev()",
                                        f"(0..{hi}i32).step_by(2)"])
            self.push_scope()
            self.declare(i, "i32", False, Val.opaque())
            body = self.block(self.body_len(), depth + 1)
            self.pop_scope()
            return Node.block(f"for {i} in {rng_code} {{", body)
        return self.control(make)

    def st_for_vec(self, depth: int) -> Optional[Node]:
        var = self.pick_var("Vec<i32>")
        if var is None or var.name in self.frozen:
            return None

        def make() -> Node:
            x = self.fresh("x")
            form = self.rng.choice(["&{v}", "{v}.iter()", "{v}.iter().enumerate()", "{v}.iter().zip({v}.iter().skip(1))"])
            self.frozen.add(var.name)
            self.push_scope()
            if "enumerate" in form:
                pat, first = f"(idx, {x})", Node(f'println!("item {{}}: {{}}", idx, {x});')
                self.declare("idx", "usize", False, Val.opaque())
            elif "zip" in form:
                pat, first = f"({x}, y)", Node(f'println!("pair {{}} {{}}", {x}, y);')
            else:
                pat, first = x, Node(f'println!("item {{}}", {x});')
            self.declare(f"(*{x})", "i32", False, Val.opaque())  # read through the reference
            body = [first] + self.block(self.body_len(), depth + 1)
            self.pop_scope()
            self.frozen.discard(var.name)
            return Node.block(f"for {pat} in {form.format(v=var.name)} {{", body)
        return self.control(make)

    def st_while(self, depth: int) -> Optional[list[Node]]:
        def make() -> list[Node]:
            c = self.fresh("c")
            limit = self.rng.randint(0, 4)
            body = [Node(f"{c} += 1;")] + self.block(self.body_len(), depth + 1)
            return [Node(f"let mut {c} = 0;"), Node.block(f"while {c} < {limit} {{", body)]
        return self.control(make)

    def st_loop(self, depth: int) -> Optional[list[Node]]:
        def make() -> list[Node]:
            c, r = self.fresh("c"), self.fresh("v")
            limit = self.rng.randint(1, 4)
            body = [Node(f"{c} += 1;"), Node(f"if {c} >= {limit} {{ break {c} * 10; }}")]
            body += self.block(self.body_len(), depth + 1)
            self.declare(r, "i32", False, Val.opaque())
            return [Node(f"let mut {c} = 0;"), Node.block(f"let {r}: i32 = loop {{", body, "};")]
        return self.control(make)

    def st_match_int(self, depth: int) -> Optional[Node]:
        def make() -> Node:
            e = self.int_expr("i32", 1)
            arms = [Node.block("0 => {", self.block(1, depth + 1)),
                    Node('1 | 2 => println!("small"),'),
                    Node('n if n < 0 => println!("negative {}", n),'),
                    Node('3..=9 => println!("digit"),'),
                    Node('n => println!("big {:>5}", n),')]
            return Node.block(f"match {e.operand()} {{", arms)
        return self.control(make)

    def st_match_shape(self, depth: int) -> Optional[Node]:
        var = self.pick_var("Shape")
        if var is None:
            return None
        arms = [Node('Shape::Empty => println!("empty"),'),
                Node('Shape::Num(n) if *n > 5 => println!("big num {}", n),'),
                Node('Shape::Num(n) => println!("num {:?}", n),'),
                Node('Shape::Pair(a, s) => println!("pair {} {:?}", a, s),'),
                Node('Shape::Rec { x, flag: true } => println!("rec {:+}", x),'),
                Node('Shape::Rec { .. } => println!("rec off"),')]
        if self.chance(0.5):
            return Node.block(f"match &{var.name} {{", arms)
        return Node(f'println!("{{}}", describe(&{var.name}));')

    def st_if_let(self, depth: int) -> Optional[Node]:
        var = self.pick_var("Option<i32>")

        def make() -> Node:
            x = self.fresh("x")
            scrut = var.name if var else self.option_expr(1).code
            self.push_scope()
            self.declare(x, "i32", False, Val.opaque())
            body = [Node(f'println!("got {{}}", {x});')] + self.block(self.body_len() - 1, depth + 1)
            self.pop_scope()
            node = Node("", [(f"if let Some({x}) = {scrut} {{", body)])
            if self.chance(0.5):
                node.parts.append(("} else {", [Node('println!("nothing");')]))
            return node
        return self.control(make)

    def st_closure(self, depth: int) -> Optional[Node]:
        captured = [v for v in self.visible("i32") if not v.mutable]
        name = self.fresh("f")
        k = self.rng.choice(captured).name if captured else "3"
        body = self.rng.choice([f"x * 2 + {k}", f"x - {k}", f"if x > {k} {{ x }} else {{ {k} }}", f"x.wrapping_mul({k})"])
        self.declare(name, "closure:i32", False)
        return Node(f"let {name} = |x: i32| {body};")

    def st_call(self, depth: int) -> Optional[Node]:
        vecs = [v for v in self.visible("Vec<i32>") if v.mutable and v.name not in self.frozen]
        r = self.rng.random()
        if r < 0.3 and vecs:
            target = self.rng.choice(vecs).name
            self.excluded.add(target)
            arg = self.int_expr("i32", 1).code
            self.excluded.discard(target)
            return Node(f"push_twice(&mut {target}, {arg});")
        if r < 0.5 and self.visible("Vec<i32>"):
            return Node(f'println!("total {{}}", total(&{self.rng.choice(self.visible("Vec<i32>")).name}));')
        if r < 0.7:
            return Node(f'println!("fact {{}} fib {{}}", fact({self.rng.randint(0, 22)}), fib({self.rng.randint(0, 15)}));')
        if self.int_fns:
            name, params, ret = self.rng.choice(self.int_fns)
            args = ", ".join(self.int_expr(p, 1).code for p in params)
            return Node(f'println!("{name} -> {{}}", {name}({args}));')
        return None

    # -- items ------------------------------------------------------------------------
    def int_fn(self, index: int) -> Node:
        """`fn calcN(a: T, b: U) -> T`: arithmetic on parameters, which rustc cannot see."""
        ret = self.rng.choice(INT_TYPES)
        params = [ret] + [self.rng.choice(INT_TYPES) for _ in range(self.rng.randint(0, 2))]
        name = f"calc{index}"
        self.push_scope()
        names = "abc"
        for pname, pty in zip(names, params):
            self.declare(pname, pty, False, Val.opaque())
        body = [node for _ in range(self.rng.randint(1, 4)) for node in self.statement(2)]
        body.append(Node(self.int_expr(ret).code))
        self.pop_scope()
        sig = ", ".join(f"{p}: {t}" for p, t in zip(names, params))
        self.int_fns.append((name, params, ret))
        return Node.block(f"fn {name}({sig}) -> {ret} {{", body)

    def program(self) -> Program:
        # One node per prelude item, so that shrinking can drop an unused item whole.
        items = [Node(item.strip("\n")) for item in PRELUDE.split("\n\n") if item.strip()]
        for index in range(1, self.rng.randint(1, 3) + 1):
            items.append(self.int_fn(index))
        self.push_scope()
        body = [node for _ in range(self.rng.randint(20, 40)) for node in self.statement(0)]
        self.pop_scope()
        items.append(Node.block("fn main() {", body))
        return Program(items)


# The fixed items every program may use; one node each, so shrinking removes unused ones whole.
PRELUDE = """
#![allow(warnings)]

#[derive(Debug, Clone, PartialEq)]
struct Rec { id: i32, name: String, tags: Vec<i32>, score: f64 }

impl Rec {
    fn new(id: i32, name: &str) -> Rec { Rec { id, name: name.to_string(), tags: vec![id], score: 0.5 } }
    fn bump(&mut self, by: i32) { self.id += by; self.tags.push(by); }
    fn label(&self) -> String { format!("{}#{}", self.name, self.id) }
}

#[derive(Debug, Clone, PartialEq)]
enum Shape { Empty, Num(i32), Pair(i32, String), Rec { x: i64, flag: bool } }

impl std::fmt::Display for Shape {
    fn fmt(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
        match self {
            Shape::Empty => f.pad("empty"),
            Shape::Num(n) => write!(f, "#{}", n),
            Shape::Pair(a, s) => write!(f, "{}:{:?}", a, s),
            Shape::Rec { x, flag } => write!(f, "<{:+} {}>", x, flag),
        }
    }
}

struct Guard { id: i32 }

impl Drop for Guard { fn drop(&mut self) { println!("drop guard {}", self.id); } }

fn consume(g: Guard) { println!("consume {}", g.id); }

fn take_string(s: String) -> usize { s.len() }

fn into_label(r: Rec) -> String { r.label() }

fn push_twice(v: &mut Vec<i32>, x: i32) { v.push(x); v.push(x * 2); }

fn total(v: &Vec<i32>) -> i32 { let mut t = 0; for x in v { t += x; } t }

fn fact(n: u64) -> u64 { if n == 0 { 1 } else { n * fact(n - 1) } }

fn fib(n: u32) -> u64 { if n < 2 { n as u64 } else { fib(n - 1) + fib(n - 2) } }

fn describe(s: &Shape) -> String {
    match s {
        Shape::Empty => String::from("empty"),
        Shape::Num(n) => format!("num {}", n),
        Shape::Pair(a, b) => format!("pair {} {}", a, b),
        Shape::Rec { x, flag } => format!("rec {} {}", x, flag),
    }
}
"""


def generate(seed: int) -> Program:
    """The program for `seed` (the same seed always gives the same program)."""
    return Gen(seed).program()


if __name__ == "__main__":
    import sys

    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 0).render())
