"""Precise closure captures (Rust 2021, RFC 2229): the type checker's captured places and
modes, the closure aggregate and environment places in MIR, and what programs print."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from rustmem.mir import build_program
from rustmem.mir.pretty import format_body
from rustmem.source import SourceFile
from rustmem.syntax import parse
from rustmem.types import check_crate


def closures(src: str):
    """The program's ClosureDefs in source order, and its typeck context."""
    source = SourceFile("t.rs", src)
    crate = parse(source)
    tcx, diags = check_crate(crate, source)
    assert not diags, [(d.code, d.message, d.line) for d in diags]
    return [cdef for c, cdef in sorted(tcx.results.closures.items(), key=lambda kv: kv[0].span.lo)], tcx


def caps(cdef) -> list[tuple[str, str]]:
    return [(c[0], c[2]) for c in cdef.captures]


STRUCTS = """
#[derive(Debug)]
struct Noisy(&'static str);
impl Drop for Noisy { fn drop(&mut self) { println!("drop {}", self.0); } }
#[derive(Debug)]
struct Pair { a: String, b: String, n: i32 }
struct Guarded { inner: Pair, tag: i32 }
impl Drop for Guarded { fn drop(&mut self) {} }
"""


def test_fields_are_captured_apart_with_their_own_mode():
    cls, _ = closures(STRUCTS + """
fn main() {
    let mut p = Pair { a: String::new(), b: String::new(), n: 0 };
    let mut c = || { p.n += 1; println!("{}", p.b); };
    c();
    let d = || { let s = p.a; s };
    d();
}""")
    c, d = cls
    # sorted by field index, not by first use
    assert caps(c) == [("p.b", "ref"), ("p.n", "refmut")] and c.kind == "FnMut"
    assert caps(d) == [("p.a", "move")] and d.kind == "FnOnce"
    binding, projs, mode, ty = d.capture_places[0]
    assert [e for e, _, _ in projs] == [(0, "a")] and str(ty) == "String" and mode == "move"


def test_truncation_rules():
    cls, _ = closures(STRUCTS + """
fn main() {
    let p = Pair { a: String::new(), b: String::new(), n: 0 };
    let r = &p;
    let a = || r.a.len();
    let b = move || r.a.len();
    let mut q = Pair { a: String::new(), b: String::new(), n: 0 };
    let m = &mut q;
    let c = move || m.n;
    let mut d = || m.n += 1;
    let g = Guarded { inner: Pair { a: String::new(), b: String::new(), n: 0 }, tag: 1 };
    let e = move || g.inner.a.len();
    let f = move || g.tag;
    let v = [1, 2, 3];
    let h = || v[1];
    let bx = Box::new(Pair { a: String::new(), b: String::new(), n: 0 });
    let i = || bx.n;
    let j = move || bx.a.len();
    a(); b(); c(); d(); e(); f(); h(); i(); j();
}""")
    assert caps(cls[0]) == [("*r", "ref")]  # nothing behind a shared reference is split
    assert caps(cls[1]) == [("r", "copy")]  # a move closure stops at the first deref
    assert caps(cls[2]) == [("m", "move")]
    assert caps(cls[3]) == [("*m.n", "refmut")]
    assert caps(cls[4]) == [("g", "move")]  # no moving out of a type with a destructor
    assert caps(cls[5]) == [("g.tag", "copy")]  # a Copy field is copied
    assert caps(cls[6]) == [("v", "ref")]  # indexing captures the whole array
    assert caps(cls[7]) == [("*bx.n", "ref")]
    assert caps(cls[8]) == [("bx", "move")]


def test_ancestor_absorbs_descendants_with_strongest_mode():
    cls, _ = closures(STRUCTS + """
fn main() {
    let mut p = Pair { a: String::new(), b: String::new(), n: 0 };
    let mut c = || { println!("{}", p.a); p.n += 1; let q = &mut p; q.b.push('x'); };
    c();
}""")
    assert caps(cls[0]) == [("p", "refmut")]


def test_nested_closure_captures_propagate_as_places():
    cls, _ = closures(STRUCTS + """
fn main() {
    let mut p = Pair { a: String::new(), b: String::new(), n: 0 };
    let mut outer = || { let mut inner = || p.n += 1; inner(); };
    outer();
    println!("{}", p.a);
}""")
    assert caps(cls[0]) == [("p.n", "refmut")] and caps(cls[1]) == [("p.n", "refmut")]


def test_mir_aggregate_and_environment_places():
    src = STRUCTS + """
fn main() {
    let mut p = Pair { a: String::new(), b: String::new(), n: 0 };
    let mut c = || { p.n += 1; p.b.len() };
    c();
}"""
    _, tcx = closures(src)
    program = build_program(tcx)
    main = format_body(program.bodies["main"])
    assert "&mut (_1.2: i32)" in main and "&(_1.1: String)" in main
    closure = next(b for name, b in program.bodies.items() if "closure" in name)
    text = format_body(closure)
    assert closure.upvars == [("p.b", "ref"), ("p.n", "refmut")]
    assert "(*((*_1).1: &mut i32))" in text  # p.n through the captured `&mut p.n`
    # the stand-ins for captured variables leave no local behind
    assert all(d.ty is not None and "Pair" not in str(d.ty) for d in closure.locals)


RUN = STRUCTS + """
struct Loud { a: Noisy, b: Noisy, n: i32 }
fn main() {
    let l = Loud { a: Noisy("a"), b: Noisy("b"), n: 3 };
    {
        let c = move || println!("in closure {:?}", l.b);
        c();
        println!("remaining {:?} {}", l.a, l.n);
    }
    println!("after scope");
    let mut p = Pair { a: String::from("x"), b: String::new(), n: 0 };
    let mut inc = || p.n += 1;
    let r = &p.a;
    inc();
    inc();
    println!("{} {}", r, p.n);
    let t = (Noisy("t0"), Noisy("t1"), 7);
    let take = move || { let x = t.1; println!("took {:?}", x); };
    println!("built");
    take();
    println!("t0 {:?} {}", t.0, t.2);
}
"""

RUN_STDOUT = """in closure Noisy("b")
remaining Noisy("a") 3
drop b
after scope
x 2
built
took Noisy("t1")
drop t1
t0 Noisy("t0") 7
drop t0
drop a
"""


def run(src: str, tmp_path: Path) -> subprocess.CompletedProcess:
    f = tmp_path / "t.rs"
    f.write_text(src)
    return subprocess.run([sys.executable, "-m", "rustmem.cli", "run", str(f)], capture_output=True, text=True, timeout=60)


def test_partial_captures_run_and_drop_like_rustc(tmp_path):
    out = run(RUN, tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == RUN_STDOUT


@pytest.mark.skipif(shutil.which("rustc") is None, reason="rustc is not installed")
def test_expected_output_is_rustcs(tmp_path):
    f = tmp_path / "t.rs"
    f.write_text(RUN)
    subprocess.run(["rustc", "--edition", "2021", "-A", "warnings", "-o", str(tmp_path / "t"), str(f)], check=True)
    assert subprocess.run([str(tmp_path / "t")], capture_output=True, text=True).stdout == RUN_STDOUT


def test_patterns_use_only_the_parts_they_bind():
    cls, _ = closures(STRUCTS + """
enum Shape { Dot, Line(i32) }
fn main() {
    let p = Pair { a: String::new(), b: String::new(), n: 0 };
    let c = move || { let Pair { a, .. } = p; a };
    let t = (String::new(), 1, String::new());
    let d = || { let (_, ref x, ..) = t; *x };
    let s = Shape::Line(2);
    let e = || match s { Shape::Line(n) => n, Shape::Dot => 0 };
    let f = || { let _ = p.b; };
    c(); d(); e(); f();
}""")
    assert caps(cls[0]) == [("p.a", "move")] and cls[0].kind == "FnOnce"
    assert caps(cls[1]) == [("t.1", "ref")]
    assert caps(cls[2]) == [("s", "ref")]  # a variant test reads the whole enum
    assert caps(cls[3]) == []  # `let _ = place` uses nothing


PATTERN_RUN = STRUCTS + """
struct Two { a: Noisy, b: Noisy }
fn main() {
    let t = Two { a: Noisy("a"), b: Noisy("b") };
    let c = move || { let Two { a, .. } = t; println!("got {:?}", a); };
    println!("b still {:?}", t.b);
    c();
    println!("end");
}
"""


def test_destructuring_in_a_move_closure_takes_only_the_bound_field(tmp_path):
    out = run(PATTERN_RUN, tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == 'b still Noisy("b")\ngot Noisy("a")\ndrop a\nend\ndrop b\n'


def test_a_variable_named_but_not_captured_needs_no_environment_field(tmp_path):
    out = run("""
fn main() {
    let s = String::from("x");
    let c = || { let _ = s; 1 };
    let d = || match s { _ => 2 };
    let p = (String::new(), 3);
    let e = || { let _ = p.0; p.1 };
    println!("{} {} {}", c(), d(), e());
    println!("{}", s);
}
""", tmp_path)
    assert out.returncode == 0, out.stderr
    assert out.stdout == "1 2 3\nx\n"
