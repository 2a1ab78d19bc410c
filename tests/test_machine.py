"""The machine on hand-built MIR: calls and returns, panics and unwinding, the UB classes,
limits, the trace.  These do not need the front end; tests/test_machine_ui.py runs real
programs through the whole pipeline."""
from __future__ import annotations

from types import SimpleNamespace

from rustmem.machine import Options, run_program
from rustmem.machine.memory import NULL, Memory, Ptr, UNINIT
from rustmem.mir import ir
from rustmem.mir.macros import FormatTemplate
from rustmem.source import SourceFile
from rustmem.syntax.ast import FormatSpec
from rustmem.types import ty as T

SRC = SourceFile("t.rs", "\n".join(f"line {i}" for i in range(1, 60)) + "\n")


def sp(line: int) -> object:
    lo = SRC.line_starts[line - 1]
    return SRC.span(lo, lo + 4)


class FakeTcx:
    """Enough of TyCtxt for hand-built MIR over primitive types, Box and raw pointers."""

    def layout(self, ty):
        if isinstance(ty, T.Int):
            return SimpleNamespace(size=ty.bits // 8, align=ty.bits // 8)
        return SimpleNamespace(size=8, align=8)

    def is_copy(self, ty):
        return isinstance(ty, (T.Int, T.Bool, T.Char, T.RawPtr)) or (isinstance(ty, T.Ref) and not ty.mutable)

    def needs_drop(self, ty):
        return isinstance(ty, T.Adt) and ty.adt.lang == "Box"

    def field_tys(self, ty, variant=0):
        return list(ty.elems) if isinstance(ty, T.Tuple) else []

    def drop_impl(self, adt):
        return None

    def resolve_instance(self, fn, args):
        return fn, args

    def lang_trait(self, name):
        return None

    def normalize(self, ty):
        return ty


BOX_ADT = T.AdtDef("Box", "struct", [], ["T"], [T.VariantDef("Box", "named", [])], lang="Box")


def box_of(ty):
    return T.Adt(BOX_ADT, (ty,))


def std_fn(key, params=(), inputs=(), output=T.UNIT):
    return T.FnDef(key.split("::")[-1], key, [], list(params), T.FnSig(list(inputs), output), intrinsic=key)


def call(fn, args, dest, target, line, unwind=None, targs=()):
    return ir.Call(sp(line), ir.Constant(fn, T.FnDefTy(fn, targs)), args, ir.Place(dest), target, unwind)


def body(name, local_tys, blocks, arg_count=0):
    locals_ = [ir.LocalDecl(t, sp(1), name=f"_{i}") for i, t in enumerate(local_tys)]
    bbs = [ir.BasicBlockData(stmts, term, cleanup) for stmts, term, cleanup in blocks]
    return ir.Body(name, sp(1), locals_, bbs, arg_count)


def assign(line, local, rv, proj=()):
    return ir.Assign(sp(line), ir.Place(local, proj), rv)


def const(v, ty=T.I32):
    return ir.Constant(v, ty)


PRINT = std_fn("fmt::print")


def print_int(local, target, line, dest):
    tpl = FormatTemplate(("v=", FormatSpec(sp(line), 0), "\n"))
    return call(PRINT, [ir.Constant(tpl, T.UNIT), ir.Copy(ir.Place(local))], dest, target, line)


def program(*bodies, fn_bodies=None):
    return ir.Program({b.name: b for b in bodies}, FakeTcx(), fn_bodies=fn_bodies or {})


def fib_program(n):
    """fn fib(n: i32) -> i32 { if n < 2 { n } else { fib(n - 1) + fib(n - 2) } } and main printing fib(n)."""
    fib_fn = T.FnDef("fib", "fib", [], [], T.FnSig([T.I32], T.I32))
    # locals: 0 ret, 1 n, 2 cond, 3 a, 4 b, 5 n-1, 6 n-2, 7 sum(checked)
    fib = body("fib", [T.I32, T.I32, T.BOOL, T.I32, T.I32, T.I32, T.I32, T.Tuple((T.I32, T.BOOL))], [
        ([assign(2, 2, ir.BinaryOp("Lt", ir.Copy(ir.Place(1)), const(2)))],
         ir.SwitchInt(sp(2), ir.Copy(ir.Place(2)), [0], [2], 1), False),
        ([assign(2, 0, ir.Use(ir.Copy(ir.Place(1))))], ir.Return(sp(2)), False),
        ([assign(3, 5, ir.BinaryOp("Sub", ir.Copy(ir.Place(1)), const(1)))],
         call(fib_fn, [ir.Copy(ir.Place(5))], 3, 3, 3), False),
        ([assign(3, 6, ir.BinaryOp("Sub", ir.Copy(ir.Place(1)), const(2)))],
         call(fib_fn, [ir.Copy(ir.Place(6))], 4, 4, 3), False),
        ([assign(3, 7, ir.CheckedBinaryOp("Add", ir.Copy(ir.Place(3)), ir.Copy(ir.Place(4))))],
         ir.Assert(sp(3), ir.Copy(ir.Place(7, (ir.FieldProj(1, T.BOOL),))), False, ("Overflow", "Add"), 5), False),
        ([assign(3, 0, ir.Use(ir.Copy(ir.Place(7, (ir.FieldProj(0, T.I32),)))))], ir.Return(sp(3)), False),
    ], arg_count=1)
    main = body("main", [T.UNIT, T.I32, T.UNIT], [
        ([], call(fib_fn, [const(n)], 1, 1, 10), False),
        ([], print_int(1, 2, 11, 2), False),
        ([], ir.Return(sp(12)), False),
    ])
    return program(main, fib, fn_bodies={fib_fn: fib})


def test_recursive_calls_and_print():
    report = run_program(fib_program(15))
    assert report.outcome == "ok", report.stderr
    assert report.stdout == "v=610\n"
    assert report.stats["max_stack_depth"] == 16  # main + fib(15)..fib(1)
    assert report.exit_code == 0


def test_step_limit_is_an_outcome():
    report = run_program(fib_program(25), Options(max_steps=1000))
    assert report.outcome == "limit"
    assert report.to_json()["outcome"] == "limit"
    assert report.exit_code == 3


def test_deep_recursion_is_a_stack_overflow_not_a_python_error():
    f = T.FnDef("down", "down", [], [], T.FnSig([T.I32], T.UNIT))
    down = body("down", [T.UNIT, T.I32, T.I32], [
        ([assign(2, 2, ir.BinaryOp("Add", ir.Copy(ir.Place(1)), const(1)))], call(f, [ir.Copy(ir.Place(2))], 0, 1, 2), False),
        ([], ir.Return(sp(2)), False),
    ], arg_count=1)
    main = body("main", [T.UNIT], [([], call(f, [const(0)], 0, 1, 5), False), ([], ir.Return(sp(5)), False)])
    report = run_program(program(main, down, fn_bodies={f: down}), Options(max_stack_depth=50_000))
    assert report.outcome == "limit"
    assert "has overflowed its stack" in report.stderr


def test_overflow_panics_with_rust_message_and_location():
    main = body("main", [T.UNIT, T.Int("u8"), T.Tuple((T.Int("u8"), T.BOOL))], [
        ([assign(3, 1, ir.Use(const(250, T.Int("u8")))),
          assign(4, 2, ir.CheckedBinaryOp("Add", ir.Copy(ir.Place(1)), const(10, T.Int("u8"))))],
         ir.Assert(sp(4), ir.Copy(ir.Place(2, (ir.FieldProj(1, T.BOOL),))), False, ("Overflow", "Add"), 1), False),
        ([], ir.Return(sp(5)), False),
    ])
    report = run_program(program(main))
    assert report.outcome == "panic"
    assert report.panic.message == "attempt to add with overflow"
    assert report.panic.line == 4
    assert report.exit_code == 101
    assert "thread 'main' panicked at t.rs:4:1:\nattempt to add with overflow\n" in report.stderr
    assert "RUST_BACKTRACE=1" in report.stderr


def box_new(ty=T.I32):
    return std_fn("Box::new", ["T"], [ty], box_of(ty))


def test_unwinding_runs_cleanup_drops():
    # let b = Box::new(7); panic!() -- the cleanup block drops b, so nothing leaks.
    panic = std_fn("fmt::panic", output=T.NEVER)
    tpl = ir.Constant(FormatTemplate(("boom",)), T.UNIT)
    bt = box_of(T.I32)
    main = body("main", [T.UNIT, bt, T.NEVER], [
        ([], call(box_new(), [const(7)], 1, 1, 2, targs=(T.I32,)), False),
        ([], call(panic, [tpl], 2, None, 3, unwind=2), False),
        ([], ir.Drop(sp(4), ir.Place(1), 3), True),
        ([], ir.UnwindResume(sp(4)), True),
    ])
    report = run_program(program(main))
    assert report.outcome == "panic" and report.panic.message == "boom" and report.panic.line == 3
    assert report.stats["allocations"] == 1 and report.stats["frees"] == 1


def test_leak_reported_at_allocation_line():
    bt = box_of(T.I32)
    forget = std_fn("mem::forget", ["T"], [bt])
    main = body("main", [T.UNIT, bt, T.UNIT], [
        ([], call(box_new(), [const(7)], 1, 1, 6, targs=(T.I32,)), False),
        ([], call(forget, [ir.Move(ir.Place(1))], 2, 2, 7, targs=(bt,)), False),
        ([], ir.Return(sp(8)), False),
    ])
    report = run_program(program(main))
    assert report.outcome == "ub"
    assert report.ub.cls == "leak" and report.ub.line == 6
    assert report.leaks and report.leaks[0].line == 6
    assert "memory leaked" in report.stderr


def test_double_free_through_raw_pointer():
    bt = box_of(T.I32)
    raw = T.RawPtr(True, T.I32)
    into_raw = std_fn("Box::into_raw", ["T"], [bt], raw)
    from_raw = std_fn("Box::from_raw", ["T"], [raw], bt)
    drop = std_fn("mem::drop", ["T"], [bt])
    main = body("main", [T.UNIT, bt, raw, bt, T.UNIT, bt], [
        ([], call(box_new(), [const(1)], 1, 1, 2, targs=(T.I32,)), False),
        ([], call(into_raw, [ir.Move(ir.Place(1))], 2, 2, 3, targs=(T.I32,)), False),
        ([], call(from_raw, [ir.Copy(ir.Place(2))], 3, 3, 4, targs=(T.I32,)), False),
        ([], call(drop, [ir.Move(ir.Place(3))], 4, 4, 5, targs=(bt,)), False),
        ([], call(from_raw, [ir.Copy(ir.Place(2))], 5, 5, 6, targs=(T.I32,)), False),
        ([], call(drop, [ir.Move(ir.Place(5))], 4, 6, 7, targs=(bt,)), False),
        ([], ir.Return(sp(8)), False),
    ])
    report = run_program(program(main))
    assert report.outcome == "ub" and report.ub.cls == "double-free" and report.ub.line == 7
    assert "was deallocated here" in report.stderr


def test_use_after_free_and_dangling_stack_pointer():
    # let p; { let x = 5; p = &raw const x; } *p
    raw = T.RawPtr(False, T.I32)
    main = body("main", [T.UNIT, raw, T.I32, T.I32], [
        ([ir.StorageLive(sp(2), 2), assign(2, 2, ir.Use(const(5))),
          assign(3, 1, ir.AddressOf(False, ir.Place(2))), ir.StorageDead(sp(4), 2),
          assign(5, 3, ir.Use(ir.Copy(ir.Place(1, (ir.Deref(),)))))], ir.Return(sp(6)), False),
    ])
    report = run_program(program(main))
    assert report.outcome == "ub" and report.ub.cls == "dangling-pointer" and report.ub.line == 5


def test_uninit_read_through_pointer():
    raw = T.RawPtr(False, T.I32)
    main = body("main", [T.UNIT, raw, T.I32, T.I32], [
        ([ir.StorageLive(sp(2), 2), assign(3, 1, ir.AddressOf(False, ir.Place(2))),
          assign(4, 3, ir.Use(ir.Copy(ir.Place(1, (ir.Deref(),)))))], ir.Return(sp(6)), False),
    ])
    report = run_program(program(main))
    assert report.outcome == "ub" and report.ub.cls == "uninit-read" and report.ub.line == 4


def aliasing_program():
    # let mut x = 3; let raw = &raw mut x; let r = &mut *raw; let s = &mut x; *s = 1; *r = 2;
    ref = T.Ref(T.ERASED, True, T.I32)
    raw = T.RawPtr(True, T.I32)
    return program(body("main", [T.UNIT, T.I32, raw, ref, ref], [
        ([assign(2, 1, ir.Use(const(3))),
          assign(3, 2, ir.AddressOf(True, ir.Place(1))),
          assign(4, 3, ir.Ref(T.ERASED, "mut", ir.Place(2, (ir.Deref(),)))),
          assign(5, 4, ir.Ref(T.ERASED, "mut", ir.Place(1))),
          assign(6, 4, ir.Use(const(1)), (ir.Deref(),)),
          assign(7, 3, ir.Use(const(2)), (ir.Deref(),))], ir.Return(sp(8)), False),
    ]))


def test_stacked_borrows_aliasing_violation():
    report = run_program(aliasing_program())
    assert report.outcome == "ub" and report.ub.cls == "aliasing" and report.ub.line == 7
    assert "borrow stack" in report.ub.message


def test_tree_borrows_aliasing_violation():
    report = run_program(aliasing_program(), Options(aliasing="tree"))
    assert report.outcome == "ub" and report.ub.cls == "aliasing" and report.ub.line == 7


def test_trace_events():
    events = []
    tracer = SimpleNamespace(event=lambda kind, step, **data: events.append(kind))
    report = run_program(fib_program(3), Options(tracer=tracer))
    assert report.outcome == "ok"
    assert events.count("call") == events.count("return") == 6


def test_memory_interface_bounds_and_double_free():
    mem = Memory(1 << 20)
    a = mem.allocate("heap", T.Array(T.I32, 2), 8, [1, UNINIT], None)
    p = Ptr(a, (0,), 0, None, True)
    assert mem.load(p) == 1
    mem.store(p.offset(1), 5)
    assert mem.load(p.offset(1)) == 5
    for bad, cls in ((p.offset(2), "out-of-bounds"), (NULL, "dangling-pointer")):
        try:
            mem.load(bad)
        except Exception as e:  # UndefinedBehavior
            assert e.cls == cls
        else:
            raise AssertionError("expected UB")
    mem.deallocate(p, None)
    try:
        mem.deallocate(p, None)
    except Exception as e:
        assert e.cls == "double-free"
    else:
        raise AssertionError("expected a double free")


def test_report_json_shape():
    report = run_program(fib_program(5))
    data = report.to_json()
    assert data["outcome"] == "ok" and data["panic"] is None and data["ub"] is None and data["leaks"] == []
    for key in ("steps", "allocations", "frees", "peak_heap_bytes", "peak_stack_bytes"):
        assert key in data["stats"]


def test_closure_blocks_and_generated_blocks_agree(monkeypatch):
    from rustmem.machine import compile as C

    fast = run_program(fib_program(12))
    monkeypatch.setattr(C, "USE_CODEGEN", False)
    slow = run_program(fib_program(12))
    assert fast.stdout == slow.stdout == "v=144\n"
    assert fast.stats["steps"] == slow.stats["steps"]


def test_move_as_copy_discipline_finds_use_after_free():
    # Under a discipline where a move copies bits and nothing drops automatically,
    # drop(b) then reading *b is a use after free.
    bt = box_of(T.I32)
    drop = std_fn("mem::drop", ["T"], [bt])
    main = body("main", [T.UNIT, bt, T.UNIT, T.I32], [
        ([], call(box_new(), [const(5)], 1, 1, 2, targs=(T.I32,)), False),
        ([], call(drop, [ir.Move(ir.Place(1))], 2, 2, 3, targs=(bt,)), False),
        ([assign(4, 3, ir.Use(ir.Copy(ir.Place(1, (ir.Deref(),)))))], ir.Return(sp(5)), False),
    ])
    memory = SimpleNamespace(moves_uninit=False, auto_drop=False)
    report = run_program(program(main), Options(memory=memory))
    assert report.outcome == "ub" and report.ub.cls == "use-after-free" and report.ub.line == 4


def test_trace_of_heap_events_uses_the_tracer_signature():
    events = []
    tracer = SimpleNamespace(event=lambda kind, step, **data: events.append((kind, data)))
    bt = box_of(T.I32)
    raw = T.RawPtr(False, T.I32)
    main = body("main", [T.UNIT, bt, raw], [
        ([], call(box_new(), [const(7)], 1, 1, 2, targs=(T.I32,)), False),
        ([assign(3, 2, ir.AddressOf(False, ir.Place(1, (ir.Deref(),))))], ir.Drop(sp(4), ir.Place(1), 2), False),
        ([], ir.Return(sp(5)), False),
    ])
    report = run_program(program(main), Options(tracer=tracer))
    assert report.outcome == "ok"
    kinds = [k for k, _ in events]
    assert "alloc" in kinds and "free" in kinds and "drop" in kinds
    alloc = next(d for k, d in events if k == "alloc")
    assert alloc["region"] == "heap" and alloc["span"].line == 2


def test_step_limit_stops_a_loop_without_calls():
    main = body("main", [T.UNIT, T.I32], [
        ([assign(2, 1, ir.Use(const(0)))], ir.Goto(sp(2), 1), False),
        ([assign(3, 1, ir.BinaryOp("Add", ir.Copy(ir.Place(1)), const(1)))], ir.Goto(sp(3), 1), False),
    ])
    report = run_program(program(main), Options(max_steps=500))
    assert report.outcome == "limit" and report.limit == "steps"
    assert "step limit" in report.stderr
