"""The type checker: the typed HIR it leaves for `mir.build`, its queries, and the corpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rustmem.source import SourceFile
from rustmem.syntax import ast, parse
from rustmem.types import check_crate
from rustmem.types import ty as T
from rustmem.types.results import Borrow, CtorRes, Deref, FnRes, ForRes, LocalRes, MethodRes, OverloadedOp, TryRes, Unsize

CORPUS = Path("/work/shared/corpus")


def check(src: str):
    source = SourceFile("t.rs", src)
    crate = parse(source)
    tcx, diags = check_crate(crate, source)
    return crate, tcx, diags


def ok(src: str):
    crate, tcx, diags = check(src)
    assert not diags, [(d.code, d.message, d.line) for d in diags]
    return crate, tcx


def fn_body(crate, name: str) -> ast.Block:
    for item in crate.items:
        if isinstance(item, ast.Fn) and item.name == name:
            return item.body
    raise KeyError(name)


def find(node, cls, pred=lambda n: True):
    """Every node of class cls under node, in source order."""
    out = []

    def walk(n):
        if isinstance(n, cls) and pred(n):
            out.append(n)
        for c in ast.children(n):
            walk(c)
    walk(node)
    return out


def no_infer(node) -> None:
    for n in find(node, (ast.Expr, ast.Pat)):
        t = getattr(n, "ty", None)
        assert t is not None, n
        assert not any(isinstance(x, T.Infer) for x in T.walk(t)), (n, t)


# ---------------------------------------------------------------- inference and literals

def test_integer_literals_default_and_follow_context():
    crate, _ = ok("fn main() { let a = 1; let b: u8 = 2; let c = b + 3; let d = 2.5; let e = 7i64; }")
    lets = find(fn_body(crate, "main"), ast.LetStmt)
    assert [str(s.pat.ty) for s in lets] == ["i32", "u8", "u8", "f64", "i64"]
    no_infer(fn_body(crate, "main"))


def test_every_expression_gets_a_resolved_type():
    crate, _ = ok("""
fn main() {
    let v: Vec<i32> = (1..=10).filter(|x| x % 2 == 0).map(|x| x * x).collect();
    let s: i32 = v.iter().sum();
    let names = vec![String::from("a")];
    let lens: Vec<usize> = names.iter().map(|n| n.len()).collect();
    println!("{} {:?}", s, lens);
}""")
    no_infer(fn_body(crate, "main"))


# ---------------------------------------------------------------- resolutions and adjustments

def test_method_call_autoref_and_deref_adjustments():
    crate, tcx = ok("""
fn main() {
    let mut v = vec![1, 2];
    v.push(3);
    let s = String::from("x");
    let n = s.trim();
}""")
    body = fn_body(crate, "main")
    push, length = find(body, ast.MethodCall)
    assert isinstance(push.res, MethodRes) and push.res.fn.intrinsic == "Vec::push"
    adj = tcx.results.adjustments[push.receiver]
    assert isinstance(adj[-1], Borrow) and adj[-1].mutable and adj[-1].two_phase
    assert length.res.fn.intrinsic == "str::trim"  # found through String: Deref<Target = str>
    kinds = [type(a).__name__ for a in tcx.results.adjustments[length.receiver]]
    assert kinds == ["Deref", "Borrow"]
    assert tcx.results.adjustments[length.receiver][0].overloaded is not None


def test_deref_coercion_and_unsizing_at_call_sites():
    crate, tcx = ok("""
fn takes(s: &str, xs: &[i32]) -> usize { s.len() + xs.len() }
fn main() {
    let s = String::from("ab");
    let a = [1, 2, 3];
    takes(&s, &a);
}""")
    call = find(fn_body(crate, "main"), ast.Call, lambda c: c.func.path.name == "takes")[0]
    s_adj = tcx.results.adjustments[call.args[0]]
    assert isinstance(s_adj[-1], Borrow) and s_adj[-1].target == T.Ref(T.ERASED, False, T.STR)
    a_adj = tcx.results.adjustments[call.args[1]]
    assert isinstance(a_adj[-1], Unsize) and a_adj[-1].target == T.Ref(T.ERASED, False, T.Slice(T.I32))


def test_paths_resolve_to_locals_functions_and_constructors():
    crate, _ = ok("""
enum Shape { Circle(f64), Empty }
fn area(s: &Shape) -> f64 { match s { Shape::Circle(r) => r * r, Shape::Empty => 0.0 } }
fn main() { let c = Shape::Circle(1.0); let e = Shape::Empty; println!("{}", area(&c) + area(&e)); }""")
    body = fn_body(crate, "main")
    calls = find(body, ast.Call)
    assert isinstance(calls[0].res, CtorRes) and calls[0].res.variant == 0
    assert isinstance(calls[1].res, FnRes) and calls[1].res.fn.name == "area"
    paths = find(body, ast.PathExpr, lambda p: p.path.name == "c")
    assert isinstance(paths[0].res, LocalRes)


def test_match_ergonomics_binding_modes():
    crate, tcx = ok("""
struct P { x: i32, name: String }
fn f(p: &P) -> usize { let P { x, name } = p; name.len() + *x as usize }
fn main() { f(&P { x: 1, name: String::new() }); }""")
    let = find(fn_body(crate, "f"), ast.LetStmt)[0]
    assert tcx.results.pat_adjustments[let.pat] == [T.Ref(T.ERASED, False, let.pat.ty)]
    binds = find(let.pat, ast.IdentPat)
    assert [tcx.results.pat_binding_modes[b] for b in binds] == ["ref", "ref"]


def test_for_loops_resolve_into_iter_and_next():
    crate, _ = ok("fn main() { let v = vec![1u8]; for x in &v { let y: &u8 = x; } for i in 0..3 { let j: i32 = i; } }")
    loops = find(fn_body(crate, "main"), ast.For)
    assert isinstance(loops[0].res, ForRes) and str(loops[0].res.item_ty) == "&u8"
    assert str(loops[1].res.iter_ty) == "Range<i32>"


def test_overloaded_operators_and_question_mark():
    crate, _ = ok("""
fn parse(s: &str) -> Result<i32, String> {
    let n: i32 = s.parse().map_err(|_| String::from("bad"))?;
    Ok(n)
}
fn main() { let s = String::from("a") + "b"; let same = s == "ab"; let n = parse("1"); }""")
    binaries = find(fn_body(crate, "main"), ast.Binary)
    assert all(isinstance(b.res, OverloadedOp) for b in binaries)
    tries = find(fn_body(crate, "parse"), ast.Try)
    assert isinstance(tries[0].res, TryRes) and tries[0].res.kind == "result"


def test_closures_signature_captures_and_kind():
    crate, tcx = ok("""
fn apply<F: Fn(i32) -> i32>(f: F, x: i32) -> i32 { f(x) }
fn main() {
    let k = 3;
    let mut count = 0;
    let name = String::from("n");
    let add = |x| x + k;
    let mut bump = || count += 1;
    bump();
    let take = move || name;
    apply(add, 1);
    let s = take();
}""")
    closures = {c.span.line: tcx.results.closures[c] for c in find(fn_body(crate, "main"), ast.Closure)}
    add, bump, take = closures[7], closures[8], closures[10]
    assert add.kind == "Fn" and [(c[0], c[2]) for c in add.captures] == [("k", "ref")]
    assert str(add.sig.inputs[0]) == "i32"
    assert bump.kind == "FnMut" and [(c[0], c[2]) for c in bump.captures] == [("count", "refmut")]
    assert take.kind == "FnOnce" and [(c[0], c[2]) for c in take.captures] == [("name", "move")]
    call = find(fn_body(crate, "main"), ast.Call, lambda c: isinstance(c.func, ast.PathExpr) and c.func.path.name == "bump")[0]
    assert isinstance(call.res, MethodRes) and call.res.overloaded_call and call.res.fn.trait.lang == "FnMut"


# ---------------------------------------------------------------- queries

def test_queries_copy_drop_and_instances():
    crate, tcx = ok("""
#[derive(Clone, Copy, Debug)]
struct P { x: i32 }
struct Guard;
impl Drop for Guard { fn drop(&mut self) {} }
fn main() { let p = P { x: 1 }; let q = p.clone(); let g = Guard; }""")
    p_ty = find(fn_body(crate, "main"), ast.LetStmt)[0].pat.ty
    g_ty = find(fn_body(crate, "main"), ast.LetStmt)[2].pat.ty
    assert tcx.is_copy(p_ty) and not tcx.needs_drop(p_ty)
    assert not tcx.is_copy(g_ty) and tcx.needs_drop(g_ty) and tcx.drop_impl(g_ty.adt).name == "drop"
    vec_string = T.Adt(tcx.lang_adt("Vec"), (T.Adt(tcx.lang_adt("String")),))
    assert tcx.needs_drop(vec_string) and not tcx.is_copy(vec_string)
    assert tcx.is_copy(T.Tuple((T.I32, T.Ref(T.ERASED, False, T.STR))))
    clone_call = find(fn_body(crate, "main"), ast.MethodCall)[0]
    fn, args = tcx.resolve_instance(clone_call.res.fn, clone_call.res.args)
    assert fn.path == "<P as Clone>::clone" and fn.derived and fn.intrinsic == "<P as Clone>::clone"
    assert tcx.std_fn("mem::swap") is not None


def test_elided_lifetimes_become_named_regions():
    crate, tcx = ok("""
struct Parser<'a> { text: &'a str }
impl<'a> Parser<'a> { fn rest(&self) -> &str { self.text } }
fn first(s: &str) -> &str { s }
fn main() {}""")
    fn = next(f for f in tcx.user_fns if f.name == "first")
    assert fn.sig.inputs[0].region == fn.sig.output.region and fn.sig.output.region.name == "'_1"
    rest = next(f for f in tcx.user_fns if f.name == "rest")
    assert rest.sig.output.region == rest.sig.inputs[0].region


# ---------------------------------------------------------------- the corpus

def corpus_files():
    if not CORPUS.is_dir():
        return []
    return sorted(CORPUS.glob("*/*.rs"))


@pytest.mark.skipif(not CORPUS.is_dir(), reason="the corpus is not on this machine")
def test_corpus_type_checks_without_type_errors():
    """Every corpus program is accepted by the type checker, except for the errors it annotates
    (borrow errors are the borrow checker's; a type error annotated is allowed)."""
    failures = []
    for path in corpus_files():
        text = path.read_text()
        annotated = set(re.findall(r"//~\^*\|?\s*ERROR (E\d+)", text))
        _, _, diags = check(text)
        extra = [(d.code, d.line, d.message) for d in diags if d.code not in annotated]
        if extra:
            failures.append((path.name, extra[:2]))
    assert not failures


def test_adapter_items_follow_closure_outputs():
    """`Map`'s Item is its closure's output through the impl's where-clause, with no annotation."""
    crate, _ = ok("""
struct Job { name: String }
fn main() {
    let jobs = vec![Job { name: String::from("b") }];
    let names = jobs.iter().map(|j| j.name.as_str()).collect::<Vec<_>>();
    let lens = jobs.iter().map(|j| j.name.len()).filter(|n| *n > 0).collect::<Vec<_>>();
}""")
    lets = find(fn_body(crate, "main"), ast.LetStmt)
    assert [str(s.pat.ty) for s in lets[1:]] == ["Vec<&str>", "Vec<usize>"]


def test_associated_consts_of_impls_and_traits():
    crate, _ = ok("""
struct Buf { n: usize }
impl Buf { const CAP: usize = 4; fn full(&self) -> bool { self.n >= Self::CAP } }
trait Shape { const SIDES: u32; }
struct Tri;
impl Shape for Tri { const SIDES: u32 = 3; }
fn main() { let a = [0u8; Buf::CAP]; let s = Tri::SIDES; }""")
    lets = find(fn_body(crate, "main"), ast.LetStmt)
    assert str(lets[0].pat.ty) == "[u8; 4]" and str(lets[1].pat.ty) == "u32"
