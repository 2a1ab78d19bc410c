#!/usr/bin/env python3
"""Differential test of rustmem's borrow checker against rustc, on seeded random programs.

    difftest_borrowck.py [--count N] [--seed S] [--show K] [--keep DIR] [--polonius]

Each program is a `main` of random statements over moves, shared and mutable borrows, references
to fields and elements, loops, branches, inner blocks, temporaries and calls of small functions
with lifetime signatures (some of them wrong), plus deferred initialisation.  rustc
(`--emit=metadata --error-format=json`) and rustmem (`rustmem.api.check`) check each one; they
agree when they report the same multiset of (code, line) — a codeless error by its message.
Programs rustc rejects for something other than borrowck (a type error the generator did not
foresee) are skipped and counted.  Disagreements are shrunk (statements deleted while the
disagreement stays) and the smallest few printed.  The last lines give the agreement rate and
the share of programs rustc rejects.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import subprocess
import sys
import tempfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

BORROWCK_CODES = {"E0381", "E0382", "E0384", "E0499", "E0500", "E0501", "E0502", "E0503", "E0505", "E0506",
                  "E0507", "E0508", "E0509", "E0515", "E0521", "E0524", "E0594", "E0596", "E0597", "E0621",
                  "E0713", "E0716", "E0373", None}

PRELUDE = """#[derive(Debug, Clone)]
struct Rec {
    name: String,
    items: Vec<i32>,
}

fn take_string(s: String) -> usize {
    s.len()
}

fn take_vec(v: Vec<i32>) -> usize {
    v.len()
}

fn bump(n: &mut i32) {
    *n += 1;
}

impl Rec {
    fn name(&self) -> &str {
        &self.name
    }

    fn items_mut(&mut self) -> &mut Vec<i32> {
        &mut self.items
    }
}

struct Holder<'a> {
    r: &'a String,
}
"""

HELPERS = {
    "pick_first": "fn pick_first<'a>(x: &'a String, y: &String) -> &'a String {\n    if y.len() > 1 { x } else { x }\n}\n",
    "pick_either": "fn pick_either<'a>(x: &'a String, y: &'a String) -> &'a String {\n    if x.len() > y.len() { x } else { y }\n}\n",
    "first_item": "fn first_item(r: &Rec) -> &i32 {\n    &r.items[0]\n}\n",
    "bad_elided": "fn bad_elided<'a>(x: &'a String, y: &String) -> &'a String {\n    if x.len() > 2 { x } else { y }\n}\n",
    "bad_named": "fn bad_named<'a, 'b>(x: &'a String, y: &'b String) -> &'a String {\n    if x.len() > 2 { x } else { y }\n}\n",
    "bad_local": "fn bad_local(x: &String) -> &str {\n    let local = x.clone();\n    local.as_str()\n}\n",
}

WORDS = ("ash", "fig", "kiwi", "sage", "blue", "oak")


@dataclass
class Node:
    text: str
    body: list["Node"] = field(default_factory=list)
    tail: str = ""
    else_body: Optional[list["Node"]] = None

    def render(self, indent: int) -> list[str]:
        pad = "    " * indent
        if not self.body and self.else_body is None and not self.tail:
            return [pad + self.text]
        out = [pad + self.text + " {"]
        for n in self.body:
            out.extend(n.render(indent + 1))
        if self.else_body is not None:
            out.append(pad + "} else {")
            for n in self.else_body:
                out.extend(n.render(indent + 1))
        out.append(pad + "}" + self.tail)
        return out


@dataclass
class Program:
    helpers: list[str]
    main: list[Node]

    def render(self) -> str:
        lines = [PRELUDE]
        lines.extend(HELPERS[h] for h in self.helpers)
        lines.append("fn main() {")
        for n in self.main:
            lines.extend(n.render(1))
        lines.append("}")
        return "\n".join(lines) + "\n"


class Gen:
    """Random statements over typed variables in scope; errors come from the random order."""

    TYPES = ("String", "Vec<i32>", "i32", "Rec", "Box<i32>", "Option<String>")

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.counter = 0
        self.helpers: list[str] = []

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def value(self, ty: str) -> str:
        w = self.rng.choice(WORDS)
        return {"String": f'String::from("{w}")', "Vec<i32>": f"vec![{self.rng.randint(1, 9)}, {self.rng.randint(1, 9)}]",
                "i32": str(self.rng.randint(0, 9)), "Box<i32>": f"Box::new({self.rng.randint(1, 9)})",
                "Rec": f'Rec {{ name: String::from("{w}"), items: vec![{self.rng.randint(1, 9)}] }}',
                "Option<String>": f'Some(String::from("{w}"))' if self.rng.random() < 0.7 else "None"}[ty]

    def program(self) -> Program:
        scope: list[tuple[str, str]] = []  # (name, type): owned variables
        refs: list[tuple[str, str, bool]] = []  # (name, referent type, mutable)
        main: list[Node] = []
        for _ in range(self.rng.randint(2, 4)):
            main.append(self.declare(scope))
        main.extend(self.block(scope, refs, self.rng.randint(4, 9), depth=0))
        return Program(sorted(set(self.helpers)), main)

    def declare(self, scope: list) -> Node:
        ty = self.rng.choice(self.TYPES)
        name = self.fresh({"String": "s", "Vec<i32>": "v", "i32": "n", "Rec": "rec", "Box<i32>": "bx",
                           "Option<String>": "opt"}[ty])
        mut = "mut " if self.rng.random() < 0.92 else ""
        scope.append((name, ty, bool(mut)))
        return Node(f"let {mut}{name}: {ty} = {self.value(ty)};")

    def block(self, scope: list, refs: list, n: int, depth: int) -> list[Node]:
        out: list[Node] = []
        for _ in range(n):
            node = self.statement(scope, refs, depth)
            if node is not None:
                out.append(node)
        return out

    def pick(self, scope: list, types: tuple = (), mutable: bool = False) -> Optional[tuple[str, str, bool]]:
        options = [v for v in scope if not types or v[1] in types]
        if mutable and self.rng.random() < 0.9:
            options = [v for v in options if v[2]]
        return self.rng.choice(options) if options else None

    def statement(self, scope: list, refs: list, depth: int) -> Optional[Node]:
        r = self.rng.random()
        if r < 0.10:
            return self.declare(scope)
        if r < 0.32:
            return self.borrow(scope, refs)
        if r < 0.52 and refs:
            return self.use_ref(refs)
        if r < 0.56:
            return self.move(scope)
        if r < 0.69:
            return self.mutate(scope)
        if r < 0.77:
            return self.read(scope)
        if r < 0.79:
            return self.escaping(scope, refs)
        if r < 0.81:
            name = self.fresh("r")
            refs.append((name, "str", False))
            return Node(f"let {name}: &str = {self.value('String')}.as_str();")
        if r < 0.84:
            return self.deferred(scope)
        if r < 0.875:
            return self.closure(scope, refs)
        if r < 0.895:
            return self.option(scope, refs)
        if r < 0.90 and depth < 2:
            inner = self.block(list(scope), list(refs), self.rng.randint(1, 3), depth + 1)
            return Node("for i in 0..2", inner or [Node("let _ = i;")])
        if r < 0.97 and depth < 2:
            c = self.pick(scope, ("i32",))
            cond = f"{c[0]} > 2" if c else "true"
            return Node(f"if {cond}", self.block(list(scope), list(refs), self.rng.randint(1, 3), depth + 1),
                        else_body=self.block(list(scope), list(refs), self.rng.randint(0, 2), depth + 1))
        return self.helper_call(scope, refs)

    def borrow(self, scope: list, refs: list) -> Optional[Node]:
        mut = self.rng.random() < 0.35
        v = self.pick(scope, mutable=mut)
        if v is None:
            return None
        name, ty, _ = v
        r = self.fresh("r")
        if ty == "Rec" and self.rng.random() < 0.5:
            field_name, fty = self.rng.choice((("name", "String"), ("items", "Vec<i32>")))
            refs.append((r, fty, mut))
            return Node(f"let {r} = &{'mut ' if mut else ''}{name}.{field_name};")
        if ty == "Vec<i32>" and self.rng.random() < 0.4:
            refs.append((r, "i32", mut))
            return Node(f"let {r} = &{'mut ' if mut else ''}{name}[0];")
        if ty == "Box<i32>" and self.rng.random() < 0.5:
            refs.append((r, "i32", mut))
            return Node(f"let {r} = &{'mut ' if mut else ''}*{name};")
        if ty == "Rec" and self.rng.random() < 0.5:
            refs.append((r, "Vec<i32>" if mut else "str", mut))
            return Node(f"let {r} = {name}.{'items_mut' if mut else 'name'}();")
        if ty == "String" and not mut and self.rng.random() < 0.3:
            refs.append((r, "holder", False))
            return Node(f"let {r} = Holder {{ r: &{name} }};")
        refs.append((r, ty, mut))
        return Node(f"let {r} = &{'mut ' if mut else ''}{name};")

    def use_ref(self, refs: list) -> Node:
        name, ty, mut = self.rng.choice(refs)
        if ty == "closure":
            return Node(f"{name}();")
        if ty == "holder":
            return Node(f'println!("{{}}", {name}.r);')
        if mut and self.rng.random() < 0.6:
            return Node({"String": f"{name}.push('z');", "Vec<i32>": f"{name}.push(1);", "i32": f"*{name} += 1;",
                         "Rec": f"{name}.items.push(2);", "Box<i32>": f"**{name} += 1;"}.get(ty, f"let _ = {name};"))
        return Node(f'println!("{{:?}}", {name});')

    def move(self, scope: list) -> Optional[Node]:
        v = self.pick(scope, ("String", "Vec<i32>", "Rec", "Box<i32>", "Option<String>"))
        if v is None:
            return None
        name, ty, _ = v
        if self.rng.random() < 0.7:
            scope.remove(v)
        if ty == "String":
            return Node(f"take_string({name});") if self.rng.random() < 0.5 else Node(f"let {self.fresh('m')} = {name};")
        if ty == "Vec<i32>":
            return Node(f"take_vec({name});")
        if ty == "Rec" and self.rng.random() < 0.5:
            return Node(f"let {self.fresh('m')} = {name}.name;")
        return Node(f"let {self.fresh('m')} = {name};")

    def mutate(self, scope: list) -> Optional[Node]:
        v = self.pick(scope, mutable=True)
        if v is None:
            return None
        name, ty, _ = v
        if self.rng.random() < 0.3:
            return Node(f"{name} = {self.value(ty)};")
        return Node({"String": f"{name}.push('x');", "Vec<i32>": f"{name}.push(3);", "i32": f"{name} += 1;",
                     "Rec": f"{name}.items.push(4);", "Box<i32>": f"*{name} += 1;",
                     "Option<String>": f"let {self.fresh('t')} = {name}.take();"}[ty])

    def read(self, scope: list) -> Optional[Node]:
        v = self.pick(scope)
        if v is None:
            return None
        if v[1] == "i32" and v[2] and self.rng.random() < 0.5:
            return Node(f"bump(&mut {v[0]});")
        return Node(f'println!("{{:?}}", {v[0]});')

    def escaping(self, scope: list, refs: list) -> Optional[Node]:
        v = self.pick(scope, ("String",))
        if v is None:
            return None
        h, inner = self.fresh("h"), self.fresh("s")
        refs.append((h, "String", False))
        body = [Node(f"let {inner}: String = {self.value('String')};")]
        if self.rng.random() < 0.6:
            body.append(Node(f"{h} = &{inner};"))
        # `let mut h = &outer; { let s = ..; h = &s; }`: one node whose body is the inner block.
        return Node(f"let mut {h}: &String = &{v[0]};\n    {{", body, tail="")

    def closure(self, scope: list, refs: list) -> Optional[Node]:
        v = self.pick(scope, ("String", "i32", "Vec<i32>"))
        if v is None:
            return None
        name, ty, _ = v
        c = self.fresh("c")
        r = self.rng.random()
        if r < 0.4 and v[2]:
            refs.append((c, "closure", True))
            body = {"String": f"{name}.push('c')", "i32": f"{name} += 1", "Vec<i32>": f"{name}.push(7)"}[ty]
            return Node(f"let mut {c} = || {body};")
        if r < 0.8:
            refs.append((c, "closure", False))
            body = {"String": f"{name}.len()", "i32": f"{name} + 1", "Vec<i32>": f"{name}.len()"}[ty]
            return Node(f"let {c} = || {body};")
        if ty != "i32" and self.rng.random() < 0.7:
            scope.remove(v)
        refs.append((c, "closure", False))
        return Node(f"let {c} = move || {name}.len();")

    def option(self, scope: list, refs: list) -> Optional[Node]:
        v = self.pick(scope, ("Option<String>",))
        if v is None:
            return None
        x = self.fresh("x")
        if self.rng.random() < 0.5:
            r = self.fresh("r")
            refs.append((r, "Option<String>", False))
            return Node(f"let {r} = {v[0]}.as_ref();")
        how = self.rng.choice((f"&{v[0]}", f"{v[0]}.as_ref()", f"{v[0]}"))
        if how == v[0] and self.rng.random() < 0.7:
            scope.remove(v)
        return Node(f"if let Some({x}) = {how}", [Node(f'println!("{{}}", {x});')])

    def deferred(self, scope: list) -> Node:
        name = self.fresh("n")
        both = self.rng.random() < 0.75
        body = [Node(f"{name} = 1;")]
        else_body = [Node(f"{name} = 2;")] if both else []
        scope_ok = both
        if scope_ok:
            scope.append((name, "i32", False))
        node = Node(f"let {name}: i32;\n    if {self.rng.randint(0, 9)} > 4", body, else_body=else_body,
                    tail=f"\n    println!(\"{{}}\", {name});")
        return node

    def helper_call(self, scope: list, refs: list) -> Optional[Node]:
        strings = [v for v in scope if v[1] == "String"]
        recs = [v for v in scope if v[1] == "Rec"]
        r = self.fresh("r")
        choice = self.rng.choice(("pick_first", "pick_either", "first_item") * 4 + ("bad_elided", "bad_named", "bad_local"))
        if choice == "first_item" and recs:
            self.helpers.append(choice)
            refs.append((r, "i32", False))
            return Node(f"let {r} = first_item(&{self.rng.choice(recs)[0]});")
        if len(strings) < 1:
            return None
        a, b = self.rng.choice(strings)[0], self.rng.choice(strings)[0]
        if choice == "bad_local":
            self.helpers.append(choice)
            refs.append((r, "str", False))
            return Node(f"let {r} = bad_local(&{a});")
        if choice == "first_item":
            return None
        self.helpers.append(choice)
        refs.append((r, "String", False))
        return Node(f"let {r} = {choice}(&{a}, &{b});")


# ---------------------------------------------------------------- running both checkers

def rustc_errors(source: str, workdir: Path) -> Optional[list[tuple[str, int]]]:
    """rustc's (code or message, line) of each error, or None when rustc rejects for a
    reason that is not borrowck (a generator bug, skipped)."""
    path = workdir / "prog.rs"
    path.write_text(source, encoding="utf-8")
    proc = subprocess.run(["rustc", "--edition", "2021", "--error-format=json", "--emit=metadata",
                           "-o", str(workdir / "prog.rmeta"), str(path)], capture_output=True, text=True)
    out = []
    for line in proc.stderr.splitlines():
        try:
            d = json.loads(line)
        except ValueError:
            continue
        if d.get("level") != "error" or not d.get("spans"):
            continue
        code = (d.get("code") or {}).get("code")
        if code not in BORROWCK_CODES:
            return None
        primary = next((s for s in d["spans"] if s.get("is_primary")), d["spans"][0])
        out.append((code or d["message"].split(":")[0], primary["line_start"]))
    return sorted(out)


def rustmem_errors(source: str, polonius: bool) -> list[tuple[str, int]]:
    from rustmem import api
    try:
        diags = api.check(source, "prog.rs", polonius=polonius)
    except Exception as e:  # a crash is a disagreement, shown as such
        return [(f"crash: {type(e).__name__}: {e}", 0)]
    return sorted((d.code or d.message.split(":")[0], d.line or 0) for d in diags if d.level == "error")


def shrink(prog: Program, workdir: Path, polonius: bool, budget: int = 60) -> Program:
    """Delete statements while rustc still type-checks the program and the two disagree."""
    def disagrees(p: Program) -> bool:
        src = p.render()
        want = rustc_errors(src, workdir)
        return want is not None and want != rustmem_errors(src, polonius)

    changed = True
    while changed and budget > 0:
        changed = False
        for i in range(len(prog.main) - 1, -1, -1):
            if budget <= 0:
                break
            budget -= 1
            candidate = Program(prog.helpers, prog.main[:i] + prog.main[i + 1:])
            if disagrees(candidate):
                prog, changed = candidate, True
    return prog


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--show", type=int, default=3, help="shrunk disagreements to print")
    ap.add_argument("--keep", type=Path, help="write each disagreement's program here")
    ap.add_argument("--polonius", action="store_true")
    args = ap.parse_args(argv)
    sys.setrecursionlimit(5000)
    agree = rejected = skipped = 0
    failures: list[tuple[int, Program]] = []
    by_code: collections.Counter = collections.Counter()
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for k in range(args.count):
            seed = args.seed * 1_000_003 + k
            prog = Gen(seed).program()
            src = prog.render()
            want = rustc_errors(src, workdir)
            if want is None:
                skipped += 1
                continue
            got = rustmem_errors(src, args.polonius)
            rejected += bool(want)
            if want == got:
                agree += 1
            else:
                failures.append((seed, prog))
                diff = (collections.Counter(want) - collections.Counter(got)) + \
                    (collections.Counter(got) - collections.Counter(want))
                for item in diff:
                    by_code[item[0]] += 1
        for seed, prog in failures[:args.show]:
            small = shrink(prog, workdir, args.polonius)
            src = small.render()
            print(f"--- seed {seed}: rustc {rustc_errors(src, workdir)} rustmem {rustmem_errors(src, args.polonius)}")
            print(src)
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for seed, prog in failures:
                (args.keep / f"seed_{seed}.rs").write_text(prog.render(), encoding="utf-8")
    checked = args.count - skipped
    if by_code:
        print("disagreeing errors by code:", dict(by_code.most_common()))
    print(f"{skipped} skipped (rejected by rustc for another reason)")
    print(f"rustc rejects {rejected} of {checked} ({100 * rejected / max(checked, 1):.1f}%)")
    print(f"agreement: {agree} of {checked} ({100 * agree / max(checked, 1):.1f}%)")
    return 0 if agree == checked else 1


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))
    raise SystemExit(main())
