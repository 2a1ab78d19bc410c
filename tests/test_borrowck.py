"""The borrow checker's analyses on hand-built MIR bodies (no front-end needed).

Each test writes a small Rust program, builds by hand the MIR rustc would build for it
(`MirBuilder` below keeps that short) and checks the codes, lines and wording borrowck
reports.
"""
from __future__ import annotations

from rustmem import borrowck
from rustmem.mir import ir
from rustmem.source import SourceFile
from rustmem.types import ty as T

STRING = T.AdtDef("String", "struct", [], [], [T.VariantDef("String", "named", [])], lang="String")
STRING_TY = T.Adt(STRING)
UNIT = T.UNIT
PRINT = T.FnDef("print", "print", [], [], T.FnSig([T.Ref(T.Region("'_1"), False, STRING_TY)], UNIT))
CONSUME = T.FnDef("consume", "consume", [], [], T.FnSig([STRING_TY], UNIT))


class MirBuilder:
    """A tiny helper: spans by substring, locals by name, blocks appended in order."""

    def __init__(self, text: str) -> None:
        self.file = SourceFile("t.rs", text)
        self.text = text
        self.locals: list[ir.LocalDecl] = [ir.LocalDecl(UNIT, self.span("fn"))]
        self.blocks: list[ir.BasicBlockData] = []

    def span(self, sub: str, nth: int = 0, after: str = ""):
        """The nth occurrence of sub (after the first occurrence of `after`)."""
        i = self.text.index(after) + len(after) - 1 if after else -1
        for _ in range(nth + 1):
            i = self.text.index(sub, i + 1)
        lo = len(self.text[:i].encode())
        return self.file.span(lo, lo + len(sub.encode()))

    def local(self, ty: T.Ty, name: str | None = None, mutable: bool = False, decl: str | None = None) -> int:
        span = self.span(decl or name or "fn")
        self.locals.append(ir.LocalDecl(ty, span, name, mutable or name is None, name is not None))
        return len(self.locals) - 1

    def block(self, stmts: list, term) -> int:
        self.blocks.append(ir.BasicBlockData(stmts, term))
        return len(self.blocks) - 1

    def body(self, arg_count: int = 0, fn_def=None) -> ir.Body:
        return ir.Body("main", self.file.whole, self.locals, self.blocks, arg_count, fn_def=fn_def)


def call(b: MirBuilder, fn: T.FnDef, args: list, dest: ir.Place, target: int, span: str, nth: int = 0) -> ir.Call:
    return ir.Call(b.span(span, nth), ir.Constant(fn, T.FnDefTy(fn)), args, dest, target)


def codes(diags) -> list[tuple[int, str]]:
    return [(d.line, d.code or d.message) for d in diags]


def test_use_after_move_is_e0382_with_move_site() -> None:
    src = 'fn main() {\n    let s = String::new();\n    let t = s;\n    print(&s);\n}\n'
    b = MirBuilder(src)
    s = b.local(STRING_TY, "s")
    t = b.local(STRING_TY, "t")
    r = b.local(T.Ref(T.ERASED, False, STRING_TY))
    b.block([ir.StorageLive(b.span("let s"), s),
             ir.Assign(b.span("String::new()"), ir.Place(s), ir.Use(ir.Constant(None, STRING_TY))),
             ir.StorageLive(b.span("let t"), t),
             ir.Assign(b.span("s", after="let t = "), ir.Place(t), ir.Use(ir.Move(ir.Place(s)))),
             ir.Assign(b.span("&s"), ir.Place(r), ir.Ref(T.ERASED, "shared", ir.Place(s)))],
            call(b, PRINT, [ir.Move(ir.Place(r))], ir.Place(0), 1, "print(&s)"))
    b.block([], ir.Drop(b.span("}"), ir.Place(t), 2))
    b.block([ir.StorageDead(b.span("}"), t), ir.StorageDead(b.span("}"), s)], ir.Return(b.span("}")))
    diags = borrowck.check_body(b.body())
    assert codes(diags) == [(4, "E0382")]
    d = diags[0]
    assert d.message == "borrow of moved value: `s`"
    assert [lab.text for lab in d.labels] == [
        "value borrowed here after move",
        "move occurs because `s` has type `String`, which does not implement the `Copy` trait",
        "value moved here"]


def test_conditional_init_is_e0381() -> None:
    src = 'fn main() {\n    let x: i32;\n    if c { x = 1; }\n    print(x);\n}\n'
    b = MirBuilder(src)
    x = b.local(T.I32, "x")
    y = b.local(T.I32)
    b.block([ir.StorageLive(b.span("let x"), x)],
            ir.SwitchInt(b.span("c"), ir.Constant(True, T.BOOL), [0], [2], 1))
    b.block([ir.Assign(b.span("x = 1"), ir.Place(x), ir.Use(ir.Constant(1, T.I32)))], ir.Goto(b.span("}"), 2))
    b.block([ir.Assign(b.span("x", after="print("), ir.Place(y), ir.Use(ir.Copy(ir.Place(x))))], ir.Return(b.span("}")))
    diags = borrowck.check_body(b.body())
    assert codes(diags) == [(4, "E0381")]
    assert diags[0].message == "used binding `x` is possibly-uninitialized"


def test_shared_borrow_then_mutation_is_e0506_only_while_used() -> None:
    src = 'fn main() {\n    let mut x = 1;\n    let r = &x;\n    x = 2;\n    use(r);\n}\n'
    b = MirBuilder(src)
    x = b.local(T.I32, "x", mutable=True)
    r = b.local(T.Ref(T.ERASED, False, T.I32), "r")
    u = b.local(T.I32)
    stmts = [ir.Assign(b.span("1"), ir.Place(x), ir.Use(ir.Constant(1, T.I32))),
             ir.Assign(b.span("&x"), ir.Place(r), ir.Ref(T.ERASED, "shared", ir.Place(x))),
             ir.Assign(b.span("x = 2"), ir.Place(x), ir.Use(ir.Constant(2, T.I32)))]
    used = ir.Assign(b.span("use(r)"), ir.Place(u), ir.Use(ir.Copy(ir.Place(r).deref())))
    b.block(stmts + [used], ir.Return(b.span("}")))
    diags = borrowck.check_body(b.body())
    assert codes(diags) == [(4, "E0506")]
    assert diags[0].message == "cannot assign to `x` because it is borrowed"
    assert "borrow later used here" in [lab.text for lab in diags[0].labels]
    # Without the later use the borrow is dead by the assignment (NLL): accepted.
    b.blocks[0].statements = stmts
    assert borrowck.check_body(b.body()) == []


def test_borrow_of_inner_scope_value_is_e0597() -> None:
    src = 'fn main() {\n    let r;\n    {\n        let s = 5;\n        r = &s;\n    }\n    use(r);\n}\n'
    b = MirBuilder(src)
    r = b.local(T.Ref(T.ERASED, False, T.I32), "r", mutable=False)
    s = b.local(T.I32, "s")
    u = b.local(T.I32)
    b.block([ir.StorageLive(b.span("let s"), s),
             ir.Assign(b.span("5"), ir.Place(s), ir.Use(ir.Constant(5, T.I32))),
             ir.Assign(b.span("&s"), ir.Place(r), ir.Ref(T.ERASED, "shared", ir.Place(s))),
             ir.StorageDead(b.span("}"), s),
             ir.Assign(b.span("use(r)"), ir.Place(u), ir.Use(ir.Copy(ir.Place(r).deref())))],
            ir.Return(b.span("}", 1)))
    diags = borrowck.check_body(b.body())
    assert codes(diags) == [(5, "E0597")]
    assert diags[0].message == "`s` does not live long enough"


def _problem_case_3() -> ir.Body:
    """fn f<'a>(x: &'a mut i32, c: bool) -> &'a i32 { let r = &*x; if c { return r; } *x = 1; &*x }"""
    src = ("fn f<'a>(x: &'a mut i32, c: bool) -> &'a i32 {\n    let r = &*x;\n    if c { return r; }\n"
           "    *x = 1;\n    &*x\n}\n")
    a = T.Region("'a")
    fn = T.FnDef("f", "f", ["'a"], [], T.FnSig([T.Ref(a, True, T.I32), T.BOOL], T.Ref(a, False, T.I32)))
    b = MirBuilder(src)
    b.locals[0] = ir.LocalDecl(T.Ref(a, False, T.I32), b.span("&'a i32"))
    x = b.local(T.Ref(a, True, T.I32), "x", mutable=False)
    c = b.local(T.BOOL, "c")
    r = b.local(T.Ref(T.ERASED, False, T.I32), "r", decl="r =")
    tmp = b.local(T.Ref(T.ERASED, False, T.I32))
    deref_x = ir.Place(x).deref()
    b.block([ir.Assign(b.span("&*x"), ir.Place(r), ir.Ref(T.ERASED, "shared", deref_x))],
            ir.SwitchInt(b.span("c", after="if "), ir.Copy(ir.Place(c)), [0], [2], 1))
    b.block([ir.Assign(b.span("r", after="return "), ir.Place(0), ir.Use(ir.Copy(ir.Place(r))))],
            ir.Goto(b.span("}"), 3))
    b.block([ir.Assign(b.span("*x = 1"), deref_x, ir.Use(ir.Constant(1, T.I32))),
             ir.Assign(b.span("&*x", 1), ir.Place(tmp), ir.Ref(T.ERASED, "shared", deref_x)),
             ir.Assign(b.span("&*x", 1), ir.Place(0), ir.Use(ir.Copy(ir.Place(tmp))))],
            ir.Goto(b.span("}", 1), 3))
    b.block([], ir.Return(b.span("}", 1)))
    return b.body(arg_count=2, fn_def=fn)


def test_problem_case_3_rejected_by_nll_accepted_by_polonius() -> None:
    diags = borrowck.check_body(_problem_case_3())
    assert codes(diags) == [(4, "E0506")]
    assert diags[0].message == "cannot assign to `*x` because it is borrowed"
    assert borrowck.check_body(_problem_case_3(), polonius=True) == []


def _returns(ret_region: T.Region, second: T.Region, lifetimes: list[str]) -> ir.Body:
    """fn pick(x: &'a str, y: &'? str) -> &'a str { y }"""
    src = "fn pick<'a, 'b>(x: &'a str, y: &'b str) -> &'a str {\n    y\n}\n"
    a = T.Region("'a")
    fn = T.FnDef("pick", "pick", lifetimes, [], T.FnSig([T.Ref(a, False, T.STR), T.Ref(second, False, T.STR)],
                                                         T.Ref(ret_region, False, T.STR)))
    b = MirBuilder(src)
    b.locals[0] = ir.LocalDecl(fn.sig.output, b.span("&'a str {"))
    b.local(fn.sig.inputs[0], "x")
    y = b.local(fn.sig.inputs[1], "y")
    b.block([ir.Assign(b.span("y", after="{\n"), ir.Place(0), ir.Use(ir.Copy(ir.Place(y))))], ir.Return(b.span("}")))
    return b.body(arg_count=2, fn_def=fn)


def test_returning_the_other_lifetime_is_a_region_error() -> None:
    diags = borrowck.check_body(_returns(T.Region("'a"), T.Region("'b"), ["'a", "'b"]))
    assert codes(diags) == [(2, "lifetime may not live long enough")]
    labels = [lab.text for lab in diags[0].labels]
    assert labels[0] == ("function was supposed to return data with lifetime `'a` but it is returning data "
                         "with lifetime `'b`")
    assert diags[0].children[0].message == "consider adding the following bound: `'b: 'a`"


def test_returning_an_elided_parameter_lifetime_is_e0621() -> None:
    diags = borrowck.check_body(_returns(T.Region("'a"), T.Region("'_1"), ["'a"]))
    assert codes(diags) == [(2, "E0621")]
    assert diags[0].message == "explicit lifetime required in the type of `y`"


def test_returning_the_same_lifetime_is_accepted() -> None:
    assert borrowck.check_body(_returns(T.Region("'b"), T.Region("'b"), ["'a", "'b"])) == []


VEC = T.AdtDef("Vec", "struct", [], ["T"], [T.VariantDef("Vec", "named", [])], lang="Vec")
VEC_I32 = T.Adt(VEC, (T.USIZE,))
R1 = T.Region("'_1")
PUSH = T.FnDef("push", "Vec::push", ["'_1"], ["T"], T.FnSig([T.Ref(R1, True, T.Adt(VEC, (T.Param("T"),))), T.Param("T")], UNIT))
LEN = T.FnDef("len", "Vec::len", ["'_1"], ["T"], T.FnSig([T.Ref(R1, False, T.Adt(VEC, (T.Param("T"),)))], T.USIZE))
POP = T.FnDef("pop", "Vec::pop", ["'_1"], ["T"], T.FnSig([T.Ref(R1, True, T.Adt(VEC, (T.Param("T"),)))], T.USIZE))


def _push_of(inner: T.FnDef, inner_kind: str) -> ir.Body:
    """v.push(v.len()) / v.push(v.pop()): the receiver's autoref is a two-phase borrow."""
    src = f"fn main() {{\n    let mut v = Vec::new();\n    v.push(v.{inner.name}());\n}}\n"
    b = MirBuilder(src)
    v = b.local(VEC_I32, "v", mutable=True)
    recv = b.local(T.Ref(T.ERASED, True, VEC_I32))
    arg_ref = b.local(T.Ref(T.ERASED, inner_kind == "mut", VEC_I32))
    arg = b.local(T.USIZE)
    fn_ty = lambda fn: ir.Constant(fn, T.FnDefTy(fn, (T.USIZE,)))  # noqa: E731
    b.block([ir.Assign(b.span("Vec::new()"), ir.Place(v), ir.Use(ir.Constant(None, VEC_I32))),
             ir.Assign(b.span("v", after="\n    "), ir.Place(recv), ir.Ref(T.ERASED, "two-phase", ir.Place(v))),
             ir.Assign(b.span("v", after="push("), ir.Place(arg_ref), ir.Ref(T.ERASED, inner_kind, ir.Place(v)))],
            ir.Call(b.span(f"v.{inner.name}()"), fn_ty(inner), [ir.Move(ir.Place(arg_ref))], ir.Place(arg), 1))
    b.block([], ir.Call(b.span("v.push("), fn_ty(PUSH), [ir.Move(ir.Place(recv)), ir.Move(ir.Place(arg))],
                        ir.Place(0), 2, fn_span=b.span("push")))
    b.block([], ir.Return(b.span("}\n", after="());")))
    return b.body()


def test_two_phase_borrow_allows_reads_in_arguments() -> None:
    assert borrowck.check_body(_push_of(LEN, "shared")) == []


def test_two_phase_borrow_rejects_a_second_mutable_borrow() -> None:
    diags = borrowck.check_body(_push_of(POP, "mut"))
    assert codes(diags) == [(3, "E0499")]
    labels = [(lab.span.text, lab.text) for lab in diags[0].labels]
    assert labels == [("v", "second mutable borrow occurs here"), ("v", "first mutable borrow occurs here"),
                      ("push", "first borrow later used by call")]


def test_facts_name_each_relation_per_function() -> None:
    from rustmem.borrowck.facts import format_facts
    program = ir.Program(bodies={"f": _problem_case_3()}, tcx=None)
    text = format_facts(program)
    assert text.splitlines()[0] == "fn main:"
    for relation in ("cfg_edge(bb0[0], bb0[1])", "loan_issued_at(", "loan_place(L#0, *x, shared)",
                     "var_used_at(_3 (r), bb1[0])", "var_defined_at(_3 (r), bb0[0])", "subset(", "loan_live_at(L#0"):
        assert relation in text, relation
