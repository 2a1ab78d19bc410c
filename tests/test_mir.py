"""MIR building: drop scopes, unwinding, drop elaboration and the printer on hand-built bodies,
and (once the type checker exists) the MIR shape of small programs and the whole corpus."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from rustmem.mir import finish_body, ir
from rustmem.mir.build import Builder, ProgramContext
from rustmem.mir.dataflow import MaybeInit
from rustmem.mir.pretty import format_body
from rustmem.mir.validate import validate
from rustmem.source import SourceFile
from rustmem.types import ty as T
from rustmem.types.results import TypeckResults

SRC = SourceFile("t.rs", "fn main() {\n    let a = String::new();\n    let b = String::new();\n}\n")
SPAN = SRC.span(0, 10)
STRING_DEF = T.AdtDef("String", "struct", [], [], [T.VariantDef("String", "named", [])], lang="String")
STRING = T.Adt(STRING_DEF)
NEW = T.FnDef("new", "String::new", [], [], T.FnSig([], STRING), intrinsic="String::new")


class FakeTcx:
    """Just enough of TyCtxt for bodies built by hand: ADTs need drop, everything else is Copy."""

    def __init__(self) -> None:
        self.results = TypeckResults()
        self.user_fns: list = []

    def is_copy(self, ty: T.Ty) -> bool:
        return not isinstance(ty, T.Adt)

    def needs_drop(self, ty: T.Ty) -> bool:
        return isinstance(ty, T.Adt)

    def field_tys(self, ty: T.Ty, variant: int = 0) -> list:
        return []


def builder() -> Builder:
    b = Builder(ProgramContext(FakeTcx()), "main", SPAN)
    b.new_local(T.UNIT, SPAN)
    b.temp_scopes.append(b.push_scope(SPAN))
    return b


def let_new(b: Builder, name: str) -> int:
    """`let name = String::new();` in the current scope."""
    local = b.new_local(STRING, SPAN, name, mutable=False, user=True)
    b.push(ir.StorageLive(SPAN, local))
    b.schedule_storage(local, SPAN)
    b.emit_call(ir.Place(local), ir.Constant(NEW, T.FnDefTy(NEW)), [], SPAN, STRING)
    b.schedule_drop(local, SPAN)
    return local


def finish(b: Builder) -> ir.Body:
    b.pop_scope(SPAN)
    b.goto(b.return_block, SPAN)
    b.blocks[b.return_block].terminator = ir.Return(SPAN)
    body = ir.Body("main", SPAN, b.locals, b.blocks, 0)
    finish_body(body)
    assert not validate(body), validate(body)
    return body


def drops_in_order(body: ir.Body, cleanup: bool) -> list[int]:
    """Locals dropped along the path from bb0 (or from the first cleanup block)."""
    out = []
    for data in body.blocks:
        if data.is_cleanup == cleanup and isinstance(data.terminator, ir.Drop):
            out.append(data.terminator.place.local)
    return out


def test_scope_end_drops_in_reverse_declaration_order():
    b = builder()
    a = let_new(b, "a")
    c = let_new(b, "b")
    body = finish(b)
    assert drops_in_order(body, cleanup=False) == [c, a]
    text = format_body(body)
    assert "debug a => _1;" in text and "let _2: String;" in text
    assert re.search(r"drop\(_2\) -> \[return: bb\d+, unwind: bb\d+\];", text)
    assert "(cleanup)" in text and "resume;" in text


def test_call_unwinds_through_the_drops_scheduled_before_it():
    b = builder()
    a = let_new(b, "a")
    let_new(b, "b")
    body = finish(b)
    calls = [d.terminator for d in body.blocks if isinstance(d.terminator, ir.Call)]
    assert isinstance(body.blocks[calls[0].unwind].terminator, ir.UnwindResume)
    first_cleanup = body.blocks[calls[1].unwind]
    assert first_cleanup.is_cleanup and first_cleanup.terminator.place == ir.Place(a)
    assert isinstance(body.blocks[first_cleanup.terminator.target].terminator, ir.UnwindResume)


def test_moved_out_local_is_not_dropped():
    b = builder()
    a = let_new(b, "a")
    c = b.new_local(STRING, SPAN, "c", user=True)
    b.push(ir.StorageLive(SPAN, c))
    b.schedule_storage(c, SPAN)
    b.assign(SPAN, ir.Place(c), ir.Use(ir.Move(ir.Place(a))))
    b.schedule_drop(c, SPAN)
    body = finish(b)
    assert drops_in_order(body, cleanup=False) == [c]


def test_maybe_moved_local_keeps_its_drop():
    b = builder()
    a = let_new(b, "a")
    flag = b.new_local(T.BOOL, SPAN)
    then_bb, join = b.new_block(), b.new_block()
    b.terminate(ir.SwitchInt(SPAN, ir.Copy(ir.Place(flag)), [0], [join], then_bb))
    b.cur = then_bb
    sink = b.new_local(STRING, SPAN)
    b.assign(SPAN, ir.Place(sink), ir.Use(ir.Move(ir.Place(a))))
    b.goto(join, SPAN)
    b.cur = join
    body = finish(b)
    assert a in drops_in_order(body, cleanup=False)


def test_fully_moved_tuple_fields_leave_nothing_to_drop():
    pair_ty = T.Tuple((STRING, STRING))
    b = builder()
    pair = b.new_local(pair_ty, SPAN, "p", user=True)
    b.schedule_storage(pair, SPAN)
    b.assign(SPAN, ir.Place(pair), ir.Use(ir.Constant(0, pair_ty)))
    b.schedule_drop(pair, SPAN)
    for i in range(2):
        sink = b.new_local(STRING, SPAN)
        b.assign(SPAN, ir.Place(sink), ir.Use(ir.Move(ir.Place(pair).field(i, STRING, str(i)))))
    body = finish(b)
    assert pair not in drops_in_order(body, cleanup=False)
    flow = MaybeInit(body)
    assert flow.entry[0] is not None


def test_printer_shapes():
    b = builder()
    x = b.new_local(T.I32, SPAN, "x", mutable=True, user=True)
    pair = b.new_local(T.Tuple((T.I32, T.BOOL)), SPAN)
    b.assign(SPAN, ir.Place(x), ir.Use(ir.Constant(1, T.I32)))
    b.assign(SPAN, ir.Place(pair), ir.CheckedBinaryOp("Add", ir.Copy(ir.Place(x)), ir.Constant(2, T.I32)))
    b.emit_assert(ir.Move(ir.Place(pair).field(1, T.BOOL, "1")), False, ("Overflow", "Add", ir.Copy(ir.Place(x)), ir.Constant(2, T.I32)), SPAN)
    b.assign(SPAN, ir.Place(x), ir.Use(ir.Move(ir.Place(pair).field(0, T.I32, "0"))))
    text = format_body(finish(b))
    assert "fn main() -> () {" in text
    assert "let mut _1: i32;" in text
    assert "_2 = AddWithOverflow(copy _1, const 2_i32);" in text
    assert "assert(!move (_2.1: bool), \"attempt to compute `{} + {}`, which would overflow\", copy _1, const 2_i32)" in text
    assert "// line 1" in text


# ---------------------------------------------------------------- real programs (parse + typeck + MIR)

CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus"


def typeck_or_skip():
    import importlib

    import rustmem.types as types

    check_crate = getattr(types, "check_crate", None)
    if check_crate is None:
        try:  # the checker's module, before the package exports it
            check_crate = importlib.import_module("rustmem.types.checker").check_crate
        except (ImportError, AttributeError):
            check_crate = None
    if check_crate is None:
        pytest.skip("the type checker (types.check_crate) is not available")
    return check_crate


def lower(text: str):
    """(program, printed MIR) of a program that must parse and type-check."""
    from rustmem.mir import build_program
    from rustmem.mir.pretty import format_program
    from rustmem.syntax import parse

    check_crate = typeck_or_skip()
    source = SourceFile("main.rs", text)
    tcx, diags = check_crate(parse(source), source)
    errors = [d.message for d in diags if d.level == "error"]
    assert not errors, errors
    program = build_program(tcx)
    for body in program.bodies.values():
        assert not validate(body), validate(body)
    return program, format_program(program)


def body_text(text: str, name: str) -> str:
    """The printed body of fn NAME."""
    start = text.index(f"fn {name}(")
    end = text.find("\nfn ", start + 1)
    return text[start:] if end < 0 else text[start:end]


def block(body: str, n: int) -> str:
    """The printed block bbN of a body."""
    start = body.index(f"    bb{n}")
    return body[start:body.index("    }", start)]


def normal_blocks(body: str) -> str:
    """The printed blocks that are not cleanup blocks, in order."""
    blocks = re.split(r"\n(?=    bb\d+)", body)
    return "\n".join(b for b in blocks[1:] if "(cleanup)" not in b.splitlines()[0])


def test_drops_at_scope_end_in_reverse_order_and_not_after_a_move():
    _, text = lower("""
fn main() {
    let a = String::from("a");
    let b = String::from("b");
    let c = a;
    println!("{} {}", b, c);
}
""")
    main = body_text(text, "main")
    drops = re.findall(r"drop\((_\d+)\) -> \[return", normal_blocks(main))
    assert drops == ["_3", "_2"], main  # c then b; a was moved into c


def test_reassignment_drops_the_old_value_first():
    _, text = lower("""
fn main() {
    let mut s = String::from("a");
    s = String::from("b");
    println!("{}", s);
}
""")
    main = body_text(text, "main")
    target = re.search(r"drop\(_1\) -> \[return: bb(\d+), unwind: bb\d+\];", main)
    assert target, main
    after = block(main, int(target.group(1)))
    assert after.splitlines()[1].strip().startswith("_1 = move _2;"), main


def test_statement_temporary_dies_at_the_semicolon_and_let_ref_extends_it():
    _, text = lower("""
fn main() {
    let n = String::from("x").len();
    let r = &String::from("y");
    println!("{} {}", n, r);
}
""")
    main = body_text(text, "main")
    # the String behind `.len()` is dropped before `r`'s initialiser runs
    first_drop = main.index("drop(")
    assert first_drop < main.index('const "y"'), main
    # the String borrowed by `r` lives to the end of main: its drop is the last normal drop
    lines = [line for line in normal_blocks(main).splitlines() if "drop(" in line]
    assert len(lines) == 2, main


def test_method_autoref_mut_is_two_phase():
    _, text = lower("""
fn main() {
    let mut v = Vec::new();
    v.push(v.len());
}
""")
    assert re.search(r"_\d+ = &mut /\*two-phase\*/ _1;", body_text(text, "main")), text


def test_match_has_fake_reads_false_edges_and_guard_fake_borrow():
    _, text = lower("""
fn main() {
    let o = Some(3);
    let n = match o {
        Some(x) if x > 2 => x,
        Some(_) => 1,
        None => 0,
    };
    println!("{}", n);
}
""")
    main = body_text(text, "main")
    assert "FakeRead(ForMatchedPlace, _1)" in main
    assert "falseEdge -> [real:" in main
    assert "&fake shallow _1" in main
    assert "FakeRead(ForMatchGuard" in main and "FakeRead(ForGuardBinding" in main
    assert "discriminant(_1)" in main


def test_closure_body_and_captures():
    program, text = lower("""
fn main() {
    let n = 5;
    let mut total = 0;
    let mut add = |k: i32| total += k + n;
    add(1);
    println!("{}", total);
}
""")
    assert "main::{closure#0}" in program.bodies
    closure = program.bodies["main::{closure#0}"]
    assert closure.is_closure and closure.arg_count == 2
    assert sorted(closure.upvars) == [("n", "ref"), ("total", "refmut")] or sorted(closure.upvars) == [("n", "copy"), ("total", "refmut")]
    main = body_text(text, "main")
    assert re.search(r"\{closure@[^}]*\} \{ ", main), main
    assert re.search(r"FnMut::call_mut|call_mut", main), main
    assert "(*_1)" in body_text(text, "main::{closure#0}")


def test_for_loop_desugars_to_into_iter_and_next():
    _, text = lower("""
fn main() {
    let v = vec![1, 2, 3];
    let mut sum = 0;
    for x in &v {
        sum += *x;
    }
    println!("{}", sum);
}
""")
    main = body_text(text, "main")
    assert "into_iter" in main and "next" in main
    assert "falseUnwind -> [real:" in main
    assert "AddWithOverflow" in main and "vec::from_array" in main


def test_checked_arithmetic_and_bounds_checks():
    _, text = lower("""
fn main() {
    let a = [1, 2, 3];
    let i = 2;
    let x = a[i] * 2 / i;
    println!("{}", x);
}
""")
    main = body_text(text, "main")
    assert "Len(_1)" in main and "index out of bounds" in main
    assert "MulWithOverflow" in main and "attempt to divide" in main


def corpus_files() -> list[Path]:
    return sorted(CORPUS.rglob("*.rs")) if CORPUS.is_dir() else []


@pytest.mark.skipif(not corpus_files(), reason=f"no corpus at {CORPUS}")
def test_build_program_succeeds_on_every_corpus_program_that_typechecks():
    from rustmem.diagnostics import CompileError
    from rustmem.mir import build_program
    from rustmem.mir.pretty import format_program
    from rustmem.mir.validate import validate
    from rustmem.syntax import parse

    check_crate = typeck_or_skip()
    failures = []
    for path in corpus_files():
        source = SourceFile(path.name, path.read_text())
        try:
            tcx, diags = check_crate(parse(source), source)
        except Exception:  # noqa: BLE001 - earlier stages are tested elsewhere
            continue
        if any(d.level == "error" for d in diags):
            continue
        try:
            program = build_program(tcx)
            format_program(program)
            for body in program.bodies.values():
                failures += [f"{path.name}: {p}" for p in validate(body)]
        except CompileError as e:
            failures.append(f"{path.name}: {e.diagnostics[0].message}")
        except Exception as e:  # noqa: BLE001 - collected so one run shows them all
            failures.append(f"{path.name}: {type(e).__name__}: {e}")
    assert not failures, "\n".join(failures)


def test_question_mark_returns_the_residual_through_scope_exits():
    _, text = lower("""
fn parse(s: &str) -> Result<i32, String> {
    if s.is_empty() { return Err(String::from("empty")); }
    Ok(1)
}
fn twice(a: &str) -> Result<i32, String> {
    let guard = String::from("g");
    let x = parse(a)?;
    println!("{}", guard);
    Ok(x * 2)
}
fn main() { let _ = twice("1"); }
""")
    twice = body_text(text, "twice")
    assert re.search(r"_0 = Result::<i32, String>::Err\(move _\d+\);", twice), twice
    assert "From::from>::from" in twice or "as From<String>>::from" in twice, twice
    # the early return drops `guard` (_2) before returning
    assert len(re.findall(r"drop\(_2\) -> \[return", normal_blocks(twice))) == 2, twice


def test_labelled_break_with_value_and_let_else():
    _, text = lower("""
fn main() {
    let v = vec![1, 5, 9];
    let mut i = 0;
    let found = 'search: loop {
        loop {
            if v[i] > 4 { break 'search v[i]; }
            i += 1;
        }
    };
    let Some(first) = v.first() else { return; };
    println!("{} {}", found, first);
}
""")
    main = body_text(text, "main")
    assert main.count("falseUnwind") == 2 and "discriminant(" in main
    assert re.search(r"_4 = copy \(\*_\d+\);", main), main  # `break 'search v[i]` writes `found`


def test_promoted_constant_reference_is_static():
    program, text = lower("""
fn pick<'a>(v: &'a Vec<i32>) -> &'a i32 {
    v.first().unwrap_or(&0)
}
fn main() { println!("{}", pick(&vec![])); }
""")
    pick = body_text(text, "pick")
    assert "const &0_i32" in pick, pick
    consts = [op for bb in program.bodies["pick"].blocks if isinstance(bb.terminator, ir.Call)
              for op in bb.terminator.args if isinstance(op, ir.Constant) and isinstance(op.value, ir.Promoted)]
    consts += [st.rvalue.operand for bb in program.bodies["pick"].blocks for st in bb.statements
               if isinstance(st, ir.Assign) and isinstance(st.rvalue, ir.Use) and isinstance(st.rvalue.operand, ir.Constant)
               and isinstance(st.rvalue.operand.value, ir.Promoted)]
    assert consts and consts[0].ty.region == T.STATIC


def test_reassignment_drop_is_marked_replace_and_mut_ref_arguments_are_reborrowed():
    program, _ = lower("""
fn add(v: &mut Vec<String>, s: &str) { v.push(s.to_string()); }
fn main() {
    let mut v = Vec::new();
    let r = &mut v;
    add(r, "a");
    add(r, "b");
    let mut s = String::new();
    s = String::from("x");
    println!("{:?} {}", v, s);
}
""")
    main = program.bodies["main"]
    drops = [bb.terminator for bb in main.blocks if isinstance(bb.terminator, ir.Drop) and not bb.is_cleanup]
    assert any(d.replace for d in drops)
    reborrows = [st for bb in main.blocks for st in bb.statements
                 if isinstance(st, ir.Assign) and isinstance(st.rvalue, ir.Ref) and st.rvalue.place.projection
                 and isinstance(st.rvalue.place.projection[-1], ir.Deref)]
    assert len(reborrows) >= 2  # `&mut *r` for each call, `r` is not moved


def test_slice_and_or_patterns_and_destructuring_assignment():
    _, text = lower("""
fn main() {
    let arr = [1, 2, 3, 4];
    let s = &arr[..];
    let d = match s {
        [a, .., b] if a < b => a + b,
        [x] | [x, _] => *x,
        _ => 0,
    };
    let (mut p, mut q) = (1, 2);
    (p, q) = (q, p);
    println!("{} {} {}", d, p, q);
}
""")
    main = body_text(text, "main")
    assert re.search(r"\[0 of 2\]", main) and re.search(r"\[-1 of 2\]", main), main
    assert "Len(" in main and "Ge(" in main and "Eq(" in main


def test_static_is_one_promoted_allocation_behind_a_pointer():
    program, text = lower("""
static mut COUNTER: u32 = 0;
static NAME: &str = "n";
fn bump() -> u32 { unsafe { COUNTER += 1; COUNTER } }
fn main() { bump(); println!("{} {}", NAME, unsafe { COUNTER }); }
""")
    uses = [st.rvalue.operand for body in program.bodies.values() for bb in body.blocks for st in bb.statements
            if isinstance(st, ir.Assign) and isinstance(st.rvalue, ir.Use) and isinstance(st.rvalue.operand, ir.Constant)
            and isinstance(st.rvalue.operand.value, ir.Promoted) and st.rvalue.operand.value.static == "COUNTER"]
    assert len(uses) >= 3 and all(u.value is uses[0].value for u in uses)
    assert all(isinstance(u.ty, T.RawPtr) and u.ty.mutable for u in uses)
    assert "const {&NAME}" in body_text(text, "main")


def test_tuple_constructor_as_a_function_value():
    program, text = lower("""
struct W(i32);
fn main() {
    let v: Vec<Option<i32>> = vec![1, 2].into_iter().map(Some).collect();
    let w: Vec<W> = vec![3].into_iter().map(W).collect();
    println!("{} {}", v.len(), w.len());
}
""")
    assert "Option::Some" in program.bodies and "W" in program.bodies
    assert "_0 = Option::<T>::Some(move _1);" in format_body(program.bodies["Option::Some"])
    assert re.search(r"const Option::Some::<i32> as fn\(i32\) -> Option<i32> \(FnToPtr\)", body_text(text, "main")), text
