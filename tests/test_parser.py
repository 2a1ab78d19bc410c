"""The parser: AST shapes and spans for each construct of the subset, macros, format strings,
syntax errors and unsupported constructs; every corpus program and std stub parses."""
from __future__ import annotations

import pathlib

import pytest

from rustmem.diagnostics import CompileError
from rustmem.syntax import ast, parse_text

CORPUS = pathlib.Path("/work/shared/corpus")
STD = pathlib.Path(__file__).resolve().parent.parent / "src" / "rustmem" / "types" / "std"


def crate(src: str) -> ast.Crate:
    return parse_text(src, "t.rs")


def item(src: str) -> ast.Item:
    return crate(src).items[0]


def body(stmts: str) -> ast.Block:
    fn = item("fn main() {\n" + stmts + "\n}\n")
    assert isinstance(fn, ast.Fn) and fn.body is not None
    return fn.body


def expr(src: str) -> ast.Expr:
    """The expression of `let _e = SRC;`."""
    stmt = body(f"let _e = {src};").stmts[0]
    assert isinstance(stmt, ast.LetStmt) and stmt.init is not None
    return stmt.init


def pat(src: str) -> ast.Pat:
    """The pattern of the first arm of `match x { SRC => () }`."""
    m = expr(f"match x {{ {src} => () }}")
    assert isinstance(m, ast.Match)
    return m.arms[0].pat


def ty(src: str) -> ast.TypeExpr:
    stmt = body(f"let _t: {src};").stmts[0]
    assert isinstance(stmt, ast.LetStmt) and stmt.ty is not None
    return stmt.ty


def error(src: str) -> tuple[str, int, int]:
    """(message, line, column) of the CompileError that parsing src raises."""
    with pytest.raises(CompileError) as info:
        crate(src)
    d = info.value.diagnostics[0]
    assert d.primary is not None
    return d.message, d.primary.span.line, d.primary.span.col


# ---------------------------------------------------------------- items

def test_fn_with_generics_where_lifetimes_and_params():
    fn = item("pub fn longest<'a, T: Clone + 'a, const N: usize>(x: &'a T, mut y: [T; N]) -> &'a T "
              "where T: PartialOrd { x }")
    assert isinstance(fn, ast.Fn)
    assert fn.name == "longest" and fn.name_span.text == "longest" and fn.is_pub
    assert [lt.name for lt in fn.generics.lifetimes] == ["'a"]
    (t,) = fn.generics.types
    assert t.name == "T" and [str(b.path) for b in t.bounds if b.path] == ["Clone"]
    assert [b.lifetime.name for b in t.bounds if b.lifetime] == ["'a"]
    assert fn.generics.consts[0].name == "N"
    assert isinstance(fn.generics.where[0].bounded_ty, ast.PathType)
    assert str(fn.generics.where[0].bounds[0].path) == "PartialOrd"
    x, y = fn.params
    assert isinstance(x.ty, ast.RefType) and x.ty.lifetime.name == "'a" and not x.ty.mutable
    assert isinstance(y.pat, ast.IdentPat) and y.pat.mutable and y.pat.span.text == "mut y"
    assert isinstance(y.ty, ast.ArrayType)
    assert isinstance(fn.ret, ast.RefType)
    assert isinstance(fn.body.tail, ast.PathExpr)
    assert fn.span.lo == 0 and fn.span.text.endswith("{ x }")


def test_self_params():
    imp = item("impl S { fn a(self) {} fn b(&self) {} fn c(&'a mut self) {} fn d(mut self) {} "
               "fn e(self: Box<Self>) {} fn f() {} }")
    assert isinstance(imp, ast.Impl)
    kinds = [(f.self_param.kind, f.self_param.mutable) if f.self_param else None for f in imp.items]
    assert kinds == [("value", False), ("ref", False), ("refmut", False), ("value", True), ("value", False), None]
    assert imp.items[2].self_param.lifetime.name == "'a"
    assert isinstance(imp.items[4].self_param.ty, ast.PathType)


def test_bodyless_fns_as_in_std_stubs():
    imp = item("impl<T> Vec<T> { pub fn push(&mut self, value: T); pub fn len(&self) -> usize; }")
    push, length = imp.items
    assert push.body is None and push.name == "push" and push.params[0].pat.name == "value"
    assert length.body is None and isinstance(length.ret, ast.PathType)
    assert [t.name for t in imp.generics.types] == ["T"]


def test_structs():
    named, tup, unit = crate("#[derive(Debug, Clone)]\nstruct P<'a> { x: &'a i32, pub y: i32 }\n"
                             "struct T(i32, pub u8);\nstruct U;").items
    assert named.kind == "named" and [f.name for f in named.fields] == ["x", "y"]
    assert [f.is_pub for f in named.fields] == [False, True]
    assert named.attrs[0].name == "derive" and named.attrs[0].args == ["Debug", "Clone"]
    assert tup.kind == "tuple" and [f.name for f in tup.fields] == [None, None] and tup.fields[1].is_pub
    assert unit.kind == "unit" and unit.fields == []


def test_enum_with_data_and_discriminants():
    e = item("enum E { A = 1, B(i32, String), C { x: i32 } }")
    assert isinstance(e, ast.Enum)
    a, b, c = e.variants
    assert a.kind == "unit" and a.discriminant.value == 1
    assert b.kind == "tuple" and len(b.fields) == 2
    assert c.kind == "named" and c.fields[0].name == "x"


def test_trait_and_trait_impl():
    tr, imp = crate("trait Shape: Clone { type Item: Copy; fn area(&self) -> f64; "
                    "fn describe(&self) -> String { String::new() } }\n"
                    "impl<T> Iterator for Counter<T> { type Item = u32; fn next(&mut self) -> Option<u32> { None } }").items
    assert isinstance(tr, ast.Trait) and tr.name == "Shape" and str(tr.supertraits[0].path) == "Clone"
    assoc, area, describe = tr.items
    assert isinstance(assoc, ast.AssocType) and str(assoc.bounds[0].path) == "Copy"
    assert area.body is None and describe.body is not None
    assert isinstance(imp, ast.Impl) and str(imp.trait_) == "Iterator"
    assert isinstance(imp.items[0], ast.AssocType) and isinstance(imp.items[0].ty, ast.PathType)
    assert str(imp.self_ty.path) == "Counter"


def test_const_static_alias_mod():
    c, s, t, m = crate("const N: usize = 3;\nstatic mut S: [u8; 4] = [0; 4];\ntype R<T> = Result<T, String>;\n"
                       "mod inner { pub fn f() {} }").items
    assert isinstance(c, ast.Const) and c.value.value == 3
    assert isinstance(s, ast.Static) and s.mutable and isinstance(s.value, ast.ArrayRepeat)
    assert isinstance(t, ast.TypeAlias) and t.generics.types[0].name == "T"
    assert isinstance(m, ast.Mod) and m.items[0].name == "f"


def test_use_trees_are_flattened():
    u = item("use std::collections::{HashMap, hash_map::Entry as E, self, fmt::*};")
    entries = [(str(p), alias, glob) for p, alias, glob in u.entries]
    assert entries == [
        ("std::collections::HashMap", None, False),
        ("std::collections::hash_map::Entry", "E", False),
        ("std::collections", None, False),
        ("std::collections::fmt", None, True),
    ]


def test_attributes_inner_and_lang():
    c = crate('#![allow(dead_code, unused)]\n#[lang = "Vec"]\nstruct Vec<T> { len: usize, x: T }')
    assert c.attrs[0].inner and c.attrs[0].name == "allow" and c.attrs[0].args == ["dead_code", "unused"]
    assert c.items[0].attrs[0].name == "lang" and c.items[0].attrs[0].args == ["Vec"]


def test_cfg_test_items_are_dropped():
    c = crate("fn main() {}\n#[cfg(test)]\nmod tests { fn t() {} }\n#[test]\nfn check() {}")
    assert [i.name for i in c.items] == ["main"]


# ---------------------------------------------------------------- types

def test_types():
    assert isinstance(ty("i32"), ast.PathType)
    r = ty("&'static mut str")
    assert isinstance(r, ast.RefType) and r.mutable and r.lifetime.name == "'static"
    p = ty("*const u8")
    assert isinstance(p, ast.PtrType) and not p.mutable
    assert ty("*mut u8").mutable
    assert isinstance(ty("(i32, bool)"), ast.TupleType) and ty("()").elems == []
    assert isinstance(ty("[u8]"), ast.SliceType)
    a = ty("[u8; 4]")
    assert isinstance(a, ast.ArrayType) and a.len.value == 4
    assert isinstance(ty("_"), ast.InferType)
    fp = ty("fn(i32, &str) -> bool")
    assert isinstance(fp, ast.FnPtrType) and len(fp.params) == 2 and isinstance(fp.ret, ast.PathType)


def test_generic_args_bindings_and_fn_sugar():
    t = ty("Box<dyn Iterator<Item = T> + 'a>")
    args = t.path.segments[0].args
    dyn = args.types[0]
    assert isinstance(dyn, ast.DynTraitType)
    it = dyn.bounds[0].path.segments[0].args
    assert it.bindings[0][0] == "Item" and isinstance(it.bindings[0][1], ast.PathType)
    assert dyn.bounds[1].lifetime.name == "'a"
    f = ty("impl Fn(i32, &str) -> String")
    assert isinstance(f, ast.ImplTraitType)
    sugar = f.bounds[0].path.segments[0].args
    assert sugar.parenthesized and len(sugar.types) == 2 and isinstance(sugar.output, ast.PathType)


def test_never_and_qualified_types():
    fn = item("fn f() -> ! { loop {} }")
    assert isinstance(fn.ret, ast.NeverType)
    q = ty("<T as Iterator>::Item")
    assert isinstance(q, ast.PathType) and str(q.path) == "Iterator::Item" and isinstance(q.qself, ast.PathType)
    assert str(ty("std::vec::Vec<i32>").path) == "std::vec::Vec"
    assert ty("Vec<Vec<i32>>").path.segments[0].args.types[0].path.segments[0].args is not None


def test_maybe_sized_bound():
    s = item("struct B<T: ?Sized> { p: *const T }")
    assert s.generics.types[0].bounds[0].maybe


# ---------------------------------------------------------------- patterns

def test_patterns():
    assert isinstance(pat("_"), ast.WildPat)
    lit = pat("-3")
    assert isinstance(lit, ast.LitPat) and lit.lit.value == -3 and lit.span.text == "-3"
    r = pat("'a'..='z'")
    assert isinstance(r, ast.RangePat) and r.inclusive and r.lo.value == "a"
    assert pat("..=5").lo is None and pat("6..").hi is None
    o = pat("1 | 2 | 3")
    assert isinstance(o, ast.OrPat) and [a.lit.value for a in o.alts] == [1, 2, 3]
    t = pat("(a, _, ..)")
    assert isinstance(t, ast.TuplePat) and [type(e).__name__ for e in t.elems] == ["IdentPat", "WildPat", "RestPat"]
    ts = pat("Some(x)")
    assert isinstance(ts, ast.TupleStructPat) and str(ts.path) == "Some"
    s = pat("Point { x, y: 0, ref mut z, .. }")
    assert isinstance(s, ast.StructPat) and s.has_rest
    assert [f.name for f in s.fields] == ["x", "y", "z"] and s.fields[0].shorthand
    assert s.fields[2].pat.by_ref and s.fields[2].pat.mutable
    assert isinstance(pat("Color::Red"), ast.PathPat)
    rp = pat("&mut (a, b)")
    assert isinstance(rp, ast.RefPat) and rp.mutable and isinstance(rp.pat, ast.TuplePat)
    b = pat("ref mut q @ 1..=5")
    assert isinstance(b, ast.IdentPat) and b.by_ref and b.mutable and isinstance(b.sub, ast.RangePat)
    sl = pat("[first, .., last]")
    assert isinstance(sl, ast.SlicePat) and isinstance(sl.elems[1], ast.RestPat)
    assert isinstance(pat("(x)"), ast.IdentPat)  # parentheses, not a 1-tuple
    assert isinstance(pat("(x,)"), ast.TuplePat)


def test_match_guards_and_arms():
    m = expr("match v { Some(n) if n > 0 => n, None | Some(_) => 0 }")
    first, second = m.arms
    assert isinstance(first.guard, ast.Binary) and first.guard.op == ">"
    assert isinstance(second.pat, ast.OrPat)
    assert first.span.text == "Some(n) if n > 0 => n"


def test_let_else_and_mut_binding():
    b = body("let Some(x) = opt else { return; };\nlet mut y: i32 = 0;")
    let_else, let_mut = b.stmts
    assert isinstance(let_else.pat, ast.TupleStructPat) and let_else.else_block is not None
    assert let_mut.pat.mutable and isinstance(let_mut.ty, ast.PathType) and let_mut.pat.span.text == "mut y"


# ---------------------------------------------------------------- expressions

def test_literals():
    assert expr("0xffu8").value == 255 and expr("0xffu8").suffix == "u8"
    assert expr("1_000usize").value == 1000
    f = expr("1.5e3f64")
    assert f.kind == "float" and f.value == 1500.0 and f.suffix == "f64"
    assert expr("2f32").kind == "float" and expr("2.").value == 2.0
    assert expr("'\\n'").value == "\n" and expr("'\\u{1F600}'").value == "\U0001F600"
    assert expr("b'a'").kind == "byte" and expr("b'a'").value == 97
    assert expr('"a\\tb\\u{41}\\x42\\\\"').value == "a\tbAB\\"
    assert expr('r"a\\n"').value == "a\\n"
    assert expr('r#"say "hi""#').value == 'say "hi"'
    assert expr('b"ab"').value == b"ab"
    assert expr('"one \\\n      two"').value == "one two"
    assert expr("true").value is True


def test_operators_and_assignment():
    e = expr("a + b * c")
    assert isinstance(e, ast.Binary) and e.op == "+" and e.rhs.op == "*" and e.op_span.text == "+"
    assert expr("!x").op == "!" and expr("-x").op == "-" and expr("*p").op == "*"
    b = body("x = 1;\nx += 2;\ny <<= 1;").stmts
    assert isinstance(b[0].expr, ast.Assign)
    assert isinstance(b[1].expr, ast.CompoundAssign) and b[1].expr.op == "+"
    assert b[2].expr.op == "<<"
    assert expr("a && b || c").op == "||"


def test_borrows_casts_try_ranges():
    bm = expr("&mut x")
    assert isinstance(bm, ast.Borrow) and bm.mutable and not bm.raw
    raw = expr("&raw const x")
    assert raw.raw and not raw.mutable
    assert isinstance(expr("&&x").operand, ast.Borrow)
    c = expr("y as u8 as i32")
    assert isinstance(c, ast.Cast) and isinstance(c.operand, ast.Cast)
    t = expr("f()?")
    assert isinstance(t, ast.Try) and isinstance(t.operand, ast.Call)
    r = expr("1..=3")
    assert isinstance(r, ast.Range) and r.inclusive and r.lo.value == 1
    full = expr("..")
    assert full.lo is None and full.hi is None
    assert expr("a..").hi is None and expr("..b").lo is None


def test_calls_methods_fields_index():
    m = expr("v.iter().map(|x| x * 2).collect::<Vec<i32>>()")
    assert isinstance(m, ast.MethodCall) and m.name == "collect" and m.generic_args.types
    assert m.name_span.text == "collect"
    inner = m.receiver
    assert inner.name == "map" and isinstance(inner.args[0], ast.Closure)
    f = expr("s.0.field")
    assert isinstance(f, ast.Field) and f.name == "field" and f.operand.name == "0"
    i = expr("v[2]")
    assert isinstance(i, ast.Index) and i.index.value == 2
    c = expr("Vec::<i32>::with_capacity(4)")
    assert isinstance(c, ast.Call) and str(c.func.path) == "Vec::with_capacity"
    assert c.func.path.segments[0].args.types
    q = expr("<i32 as Default>::default()")
    assert str(q.func.path) == "Default::default" and isinstance(q.func.qself, ast.PathType)
    call_field = expr("(self.f)(1)")
    assert isinstance(call_field, ast.Call) and isinstance(call_field.func, ast.Paren)


def test_aggregates():
    assert isinstance(expr("(1,)"), ast.Tuple) and len(expr("(1,)").elems) == 1
    assert expr("()").elems == []
    assert isinstance(expr("(1)"), ast.Paren)
    assert len(expr("[1, 2, 3]").elems) == 3
    rep = expr("[0u8; 16]")
    assert isinstance(rep, ast.ArrayRepeat) and rep.count.value == 16
    s = expr("Point { x, y: 2, ..Default::default() }")
    assert isinstance(s, ast.StructLit) and [f.name for f in s.fields] == ["x", "y"]
    assert s.fields[0].shorthand and isinstance(s.base, ast.Call)
    assert str(expr("Self { a: 1 }").path) == "Self"


def test_blocks_statements_and_tails():
    b = body("let x = 1;\n;\nif c { 1 } else { 2 }")
    assert isinstance(b.stmts[0], ast.LetStmt) and isinstance(b.stmts[1], ast.EmptyStmt)
    assert isinstance(b.tail, ast.If)  # a block-like expression at the end is the value
    b2 = body("loop { break; }\nx")
    assert isinstance(b2.stmts[0], ast.ExprStmt) and not b2.stmts[0].semi and isinstance(b2.tail, ast.PathExpr)
    u = expr("unsafe { *p }")
    assert isinstance(u, ast.Block) and u.unsafe and isinstance(u.tail, ast.Unary)
    labelled = expr("'b: { break 'b 1; }")
    assert labelled.label == "'b"
    nested = body("fn helper() -> i32 { 1 }\nhelper();")
    assert isinstance(nested.stmts[0], ast.ItemStmt) and nested.stmts[0].item.name == "helper"


def test_control_flow():
    iflet = expr("if let Some(x) = o { x } else if c { 1 } else { 2 }")
    assert isinstance(iflet.cond, ast.Let) and isinstance(iflet.else_, ast.If)
    w = body("'outer: while let Some(x) = s.pop() { continue 'outer; }").tail
    assert isinstance(w, ast.While) and isinstance(w.cond, ast.Let) and w.label == "'outer"
    assert w.body.stmts[0].expr.label == "'outer"
    lp = expr("'a: loop { break 'a 5; }")
    assert isinstance(lp, ast.Loop) and lp.label == "'a"
    brk = lp.body.stmts[0].expr
    assert isinstance(brk, ast.Break) and brk.label == "'a" and brk.value.value == 5
    f = body("for (i, &x) in v.iter().enumerate() {}").tail
    assert isinstance(f, ast.For) and isinstance(f.pat, ast.TuplePat) and isinstance(f.pat.elems[1], ast.RefPat)
    r = body("return 5;").stmts[0].expr
    assert isinstance(r, ast.Return) and r.value.value == 5


def test_closures():
    c = expr("move |a: i32, b| -> i32 { a + b }")
    assert isinstance(c, ast.Closure) and c.is_move
    assert [p.pat.name for p in c.params] == ["a", "b"] and c.params[0].ty is not None and c.params[1].ty is None
    assert isinstance(c.ret, ast.PathType) and isinstance(c.body, ast.Block)
    c2 = expr("|&x| x")
    assert isinstance(c2.params[0].pat, ast.RefPat) and not c2.is_move
    assert expr("|| 1").params == []


# ---------------------------------------------------------------- macros

def test_println_positional_named_and_inline():
    src = 'let a = 1;\nprintln!("{} {x:>w$.2} {{}}", a, w = 2);'
    m = body(src).stmts[1].expr
    assert isinstance(m, ast.FormatMacro) and m.name == "println"
    fa = m.fmt
    assert fa.template == "{} {x:>w$.2} {{}}"
    assert [type(p).__name__ for p in fa.pieces] == ["FormatSpec", "str", "FormatSpec", "str"]
    assert fa.pieces[3] == " {}"
    first, second = fa.pieces[0], fa.pieces[2]
    assert first.arg == 0 and first.span.text == "{}"
    assert second.span.text == "{x:>w$.2}" and second.align == ">" and second.precision == 2
    assert fa.arg_names == [None, "w", "x"]
    assert second.width_arg == 1 and second.arg == 2
    implicit = fa.args[2]
    assert isinstance(implicit, ast.PathExpr) and implicit.span.text == "x"
    assert fa.args[0].span.text == "a" and fa.args[1].span.text == "2"


def test_format_specs():
    m = expr('format!("{:?} {:#?} {0} {:+08.3} {:*^9} {:x} {:X} {:b} {:o} {:e} {:E} {:p} {:.*} {:x?} {:1$}", '
             'a, b, c, d, e, f, g, h, i, j, k, 3, l, m, n)')
    specs = [p for p in m.fmt.pieces if isinstance(p, ast.FormatSpec)]
    traits = [s.trait for s in specs]
    assert traits == ["Debug", "Debug", "Display", "Display", "Display", "LowerHex", "UpperHex", "Binary", "Octal",
                      "LowerExp", "UpperExp", "Pointer", "Display", "Debug", "Display"]
    assert specs[1].alternate and specs[2].arg == 0
    signed = specs[3]
    assert signed.sign == "+" and signed.zero_pad and signed.width == 8 and signed.precision == 3
    centred = specs[4]
    assert centred.fill == "*" and centred.align == "^" and centred.width == 9
    star = specs[12]
    assert star.precision_arg == 11 and star.arg == 12  # `.*` takes the precision first
    assert specs[13].debug_hex == "x"
    assert specs[14].width_arg == 1


def test_format_macros_family():
    b = body('print!("a");\neprintln!();\npanic!("boom {}", 1);\nunreachable!();\ntodo!();\n'
             'write!(f, "{}", self.0)?;\nwriteln!(f)?;').stmts
    names = []
    for s in b:
        e = s.expr.operand if isinstance(s.expr, ast.Try) else s.expr
        assert isinstance(e, ast.FormatMacro)
        names.append(e.name)
    assert names == ["print", "eprintln", "panic", "unreachable", "todo", "write", "writeln"]
    assert b[1].expr.fmt is None
    w = b[5].expr.operand
    assert isinstance(w.dest, ast.PathExpr) and isinstance(w.fmt.args[0], ast.Field)
    assert w.fmt.args[0].span.text == "self.0"


def test_vec_assert_matches_addr_of():
    v = expr("vec![1, 2, 3]")
    assert isinstance(v, ast.VecMacro) and [e.value for e in v.elems] == [1, 2, 3] and v.elems[1].span.text == "2"
    r = expr("vec![String::new(); n]")
    assert r.elems == [] and isinstance(r.repeat[0], ast.Call) and r.repeat[1].span.text == "n"
    assert expr("vec![]").elems == []
    a = body('assert_eq!(a, b, "bad {}", c);\nassert!(x > 0);\ndebug_assert_ne!(a, b);').stmts
    assert a[0].expr.name == "assert_eq" and len(a[0].expr.args) == 2 and a[0].expr.msg.template == "bad {}"
    assert a[1].expr.name == "assert" and isinstance(a[1].expr.args[0], ast.Binary) and a[1].expr.msg is None
    assert a[2].expr.name == "assert_ne"
    assert isinstance(expr("matches!(c, 'a' | 'b',)").arms[0].pat, ast.OrPat)
    m = expr("matches!(x, Some(n) if n > 0)")
    assert isinstance(m, ast.Match) and isinstance(m.arms[0].pat, ast.TupleStructPat)
    assert m.arms[0].guard.span.text == "n > 0" and isinstance(m.arms[1].pat, ast.WildPat)
    assert m.scrutinee.span.text == "x"
    p = expr("std::ptr::addr_of_mut!(s.field)")
    assert isinstance(p, ast.Borrow) and p.raw and p.mutable and p.operand.span.text == "s.field"


def test_nested_macros_map_spans_into_the_file():
    src = 'println!("{}", format!("{:?}", vec![1, 2]));'
    outer = body(src).stmts[0].expr
    inner = outer.fmt.args[0]
    assert isinstance(inner, ast.FormatMacro) and inner.span.text == 'format!("{:?}", vec![1, 2])'
    assert inner.fmt.args[0].span.text == "vec![1, 2]"
    assert inner.fmt.args[0].elems[1].span.text == "2"
    assert inner.fmt.pieces[0].span.text == "{:?}"


def test_unsupported_macro():
    msg, line, _ = error("fn main() {\n    dbg!(1);\n}")
    assert msg == "unsupported: the macro `dbg!`" and line == 2


# ---------------------------------------------------------------- format string errors (rustc's wording)

@pytest.mark.parametrize("call, message, col", [
    ('println!("{} {}", 1);', "2 positional arguments in format string, but there is 1 argument", 15),
    ('println!("{}", 1, 2);', "argument never used", 23),
    ('println!("{", 1);', "invalid format string: expected `}` but string was terminated", 16),
    ('println!("}", 1);', "invalid format string: unmatched `}` found", 15),
    ('println!("{:q}", 1);', "unknown format trait `q`", 17),
    ('println!("{0} {2}", 1, 2);', "invalid reference to positional argument 2 (there are 2 arguments)", 20),
    ('println!("{x}", x = 1, y = 2);', "named argument never used", 32),
    ('println!("{:.*}", 1);', "2 positional arguments in format string, but there is 1 argument", 15),
    ('println!(x);', "format argument must be a string literal", 14),
    ('println!("{}", 1, 2, 3);', "multiple unused formatting arguments", 23),
    ('println!("{x y}", 1);', "invalid format string: expected `}`, found `y`", 18),
    ('println!("{:1$}", 1);', "invalid reference to positional argument 1 (there is 1 argument)", 17),
    ('println!("{}", a = 1, 2);', "positional arguments cannot follow named arguments", 27),
    ('format!();', "requires at least a format string argument", 5),
    ('println!("{:#?}", );', "1 positional argument in format string, but no arguments were given", 15),
    ('println!("{:>4294967296}", 1);', "invalid format string: integer `4294967296` does not fit into the type "
     "`u16` whose range is `0..=65535`", 18),
    ('println!("{:.65536}", 1.0);', "invalid format string: integer `65536` does not fit into the type "
     "`u16` whose range is `0..=65535`", 18),
])
def test_format_string_errors(call, message, col):
    assert error("fn main() {\n    " + call + "\n}\n") == (message, 2, col)


# ---------------------------------------------------------------- syntax errors and unsupported constructs

@pytest.mark.parametrize("src, expected", [
    ("fn main() {\n    let x = 1\n    let y = 2;\n}\n", ("expected `;`, found keyword `let`", 2, 14)),
    ("fn main() {\n    let x = ;\n}\n", ("expected expression, found `;`", 2, 13)),
    # rustc's first primary span is the closer; the unclosed `(` is the second
    ("fn main() {\n    foo(1, 2;\n}\n", ("mismatched closing delimiter: `}`", 3, 1)),
    ('fn main() {\n    let s = "abc;\n}\n', ("unterminated double quote string", 2, 13)),
    ("fn main() {\n    /* open\n}\n", ("unterminated block comment", 2, 5)),
    ("fn main() {\n    let c = '}';\n    let l: &'static str = \"{\";\n}\n}\n",
     ("unexpected closing delimiter: `}`", 5, 1)),
    ("fn main() {\n    let x = 1;\n", ("this file contains an unclosed delimiter", 2, 15)),
    ("fn main() {}\n}\n", ("unexpected closing delimiter: `}`", 2, 1)),
    ("x fn main() {}\n", ("expected one of `!` or `::`, found keyword `fn`", 1, 3)),
    ("fn main() {\n    if x { 1 } else\n}\n", ("expected `{`, found `}`", 3, 1)),
    ("struct S { a: i32 b: i32 }\n", ("expected `,`, or `}`, found `b`", 1, 18)),
    ("struct S {\n    : String,\n}\n", ("expected identifier, found `:`", 2, 5)),
    ("fn main() {\n    let s = 'ab';\n}\n", ("character literal may only contain one codepoint", 2, 13)),
    ("fn main() {\n    let c = '{;\n}\n", ("unterminated character literal", 2, 13)),
    ("fn main() {\n    let c = ['\\'', '\\\\', 'é'];\n    f(\n}\n", ("mismatched closing delimiter: `}`", 4, 1)),
    ("fn main() {\n    let f = || g()\n    f();\n}\n", ("expected `;`, found `f`", 2, 19)),
    ("fn main() {\n    let = 5;\n}\n", ("expected pattern, found `=`", 2, 9)),
    ("fn main() -> {\n}\n", ("expected type, found `{`", 1, 14)),
])
def test_syntax_errors_like_rustc(src, expected):
    assert error(src) == expected


@pytest.mark.parametrize("stmt, expected", [
    ('println!("{}", x +);', ("expected expression, found end of macro arguments", 2, 23)),
    ("let v = vec![1, 2,, 3];", ("no rules expected `,`", 2, 23)),
    ("assert_eq!(1 2);", ("no rules expected `2`", 2, 18)),
    ("let x = 1.0u8;", ("invalid suffix `u8` for float literal", 2, 13)),
    ("let x = 1u99;", ("invalid width `99` for integer literal", 2, 13)),
    ("let x = 1xyz;", ("invalid suffix `xyz` for number literal", 2, 13)),
    ("let x = '';", ("empty character literal", 2, 14)),
    ('let x = "\\x80";', ("out of range hex escape", 2, 14)),
    ('let x = "\\q";', ("unknown character escape: `q`", 2, 15)),
    ('let x = "\\x4";', ("numeric character escape is too short", 2, 14)),
    ('let x = "\\u41";', ("incorrect unicode escape sequence", 2, 14)),
    ('let x = "\\u{zz}";', ("invalid character in unicode escape: `z`", 2, 17)),
    ('let x = "\\u{D800}";', ("invalid unicode character escape", 2, 14)),
    ("let x = b'\\u{41}';", ("unicode escape in byte string", 2, 15)),
    ('let x = b"\u00e9";', ("non-ASCII character in byte string literal", 2, 15)),
    ("if let Some(x) = a && x > 0 {}", ("let chains are only allowed in Rust 2024 or later", 2, 8)),
    ("assert!();", ("macro requires a boolean expression as an argument", 2, 5)),
    ("assert_eq!(1);", ("unexpected end of macro invocation", 2, 17)),
    ("matches!(1);", ("unexpected end of macro invocation", 2, 15)),
    ('println!("{x}", x = 1, x = 2);', ("duplicate argument named `x`", 2, 28)),
    ("write!(s);", ('requires a destination and format arguments, like `write!(dest, "format string", args...)`', 2, 5)),
])
def test_errors_inside_macros_and_literals(stmt, expected):
    assert error("fn main() {\n    " + stmt + "\n}\n") == expected


def _labels(src: str) -> tuple[str, list[tuple[int, int, str, bool]]]:
    with pytest.raises(CompileError) as info:
        crate(src)
    d = info.value.diagnostics[0]
    return d.message, [(lab.span.line, lab.span.col, lab.text, lab.primary) for lab in d.labels]


def test_delimiter_errors_as_rustc_recovers():
    # a `}` that closes the wrong opener is reported first, with the opener it may have meant
    assert _labels("fn main() {\n    f(1;\n    g(2);\n}\n}\n") == ("mismatched closing delimiter: `}`", [
        (4, 1, "mismatched closing delimiter", True), (1, 11, "closing delimiter possibly meant for this", False),
        (2, 6, "unclosed delimiter", True)])
    # a stray `)` is folded into the later "unexpected closing delimiter"
    assert _labels("fn main() {\n    f 1);\n}\n") == ("unexpected closing delimiter: `}`", [
        (1, 11, "the nearest open delimiter", False), (2, 8, "missing open `(` for this delimiter", False),
        (3, 1, "unexpected closing delimiter", True)])


def test_deep_nesting_parses():
    sum_expr = expr(" + ".join(["1"] * 3000))
    assert isinstance(sum_expr, ast.Binary) and sum_expr.span.text.count("+") == 2999


@pytest.mark.parametrize("src, what", [
    ("macro_rules! m { () => {} }", "`macro_rules!` macro definitions"),
    ("union U { a: i32 }", "unions"),
    ('extern "C" { fn abs(x: i32) -> i32; }', "extern blocks"),
    ("async fn f() {}", "`async` functions"),
    ("fn main() { let f = async { 1 }; }", "async blocks"),
    ("fn main() { let s = c\"x\"; }", "this C string literal (`string literal`)"),
])
def test_unsupported_constructs(src, what):
    with pytest.raises(CompileError) as info:
        crate(src)
    assert info.value.diagnostics[0].message == f"unsupported: {what}"


# ---------------------------------------------------------------- visitor and whole files

def test_every_node_has_a_span_inside_the_file():
    src = (CORPUS / "seed").glob("*.rs")
    files = sorted(src)[:5] if CORPUS.exists() else []
    text = files[0].read_text() if files else 'fn main() { let v = vec![1]; println!("{v:?}"); }'
    c = parse_text(text, "f.rs")
    size = len(text.encode())
    seen = 0
    stack: list = [c]
    while stack:
        n = stack.pop()
        span = n.span
        if not isinstance(n, ast.Generics):  # `fn f()` has no generics to point at
            assert span is not None and 0 <= span.lo <= span.hi <= size, type(n).__name__
        seen += 1
        stack.extend(ast.children(n))
    assert seen > 10


def _rust_files() -> list[pathlib.Path]:
    files = sorted(CORPUS.rglob("*.rs")) if CORPUS.exists() else []
    return files + (sorted(STD.glob("*.rs")) if STD.exists() else [])


@pytest.mark.skipif(not _rust_files(), reason="no corpus or std stubs on this machine")
def test_corpus_and_std_stubs_parse():
    failures = []
    for path in _rust_files():
        try:
            c = parse_text(path.read_text(), str(path))
        except CompileError as e:
            failures.append(f"{path}: {e.diagnostics[0].message}")
            continue
        assert isinstance(c, ast.Crate)
    assert failures == []


def test_dump_reads_as_the_tree():
    from rustmem.syntax.dump import dump

    text = dump(crate('fn main() {\n    println!("{}", 0);\n}\n'))
    assert "FormatMacro @2:5 name='println'" in text
    assert "FormatSpec @2:15 arg=0 trait='Display'" in text
    assert "Lit @2:20 kind='int' value=0" in text


def test_std_stub_forms():
    c = crate('impl<T> [T] {\n    #[intrinsic = "slice::len"]\n    pub fn len(&self) -> usize;\n}\n'
              "impl str { pub fn len(&self) -> usize; }\n"
              "impl<T: Copy> Copy for Option<T> {}\n"
              "pub use crate::option::Option::{self, Some, None};\n")
    slice_impl, str_impl, copy_impl, use = c.items
    assert isinstance(slice_impl.self_ty, ast.SliceType)
    (length,) = slice_impl.items
    assert length.body is None and length.attrs[0].name == "intrinsic" and length.attrs[0].args == ["slice::len"]
    assert str(str_impl.self_ty.path) == "str"
    assert str(copy_impl.trait_) == "Copy" and copy_impl.items == []
    assert [str(p) for p, _, _ in use.entries] == ["crate::option::Option", "crate::option::Option::Some",
                                                   "crate::option::Option::None"]


def test_format_spans_account_for_escapes_and_raw_strings():
    m = body('println!("\\t{x}\\u{41}{:?}", y);\nprintln!(r#"{x} "q""#, x = 1);').stmts
    fa = m[0].expr.fmt
    assert fa.pieces[0] == "\t" and fa.pieces[2] == "A"
    assert fa.pieces[1].span.text == "{x}" and fa.args[1].span.text == "x"
    assert fa.pieces[3].span.text == "{:?}"
    raw = m[1].expr.fmt
    assert raw.pieces[0].span.text == "{x}" and raw.pieces[1] == ' "q"' and raw.arg_names == ["x"]


def test_crlf_line_endings_and_shebang():
    c = crate('#!/usr/bin/env run-cargo-script\r\nfn main() {\r\n    let s = "a\r\nb";\r\n    println!("{s}");\r\n}\r\n')
    (main,) = c.items
    assert main.body.stmts[0].init.value == "a\nb"
    spec = main.body.stmts[1].expr.fmt.pieces[0]
    assert spec.span.line == 5 and spec.span.text == "{s}"


def test_recoverable_errors_are_all_reported():
    src = 'fn main() {\n    println!("{} {}", 1);\n    println!("{}", 1, 2);\n    let s = "\\q";\n}\n'
    with pytest.raises(CompileError) as info:
        crate(src)
    found = sorted((d.primary.span.line, d.message) for d in info.value.diagnostics)
    assert found == [(2, "2 positional arguments in format string, but there is 1 argument"),
                     (3, "argument never used"), (4, "unknown character escape: `q`")]
