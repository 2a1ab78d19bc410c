"""`run_program(program, options) -> Report`: run `main`, then turn how it ended into a
Report (outcome, panic, UB, leaks, stats, the program's stdout and stderr)."""
from __future__ import annotations

import sys
from typing import Any, Optional

from ..diagnostics import CompileError, Diagnostic
from .errors import LimitExceeded, ProgramExit, RustPanic, UbClass, UndefinedBehavior, Unsupported
from .interp import Machine
from .memory import Allocation, Ptr
from .report import Leak, Options, PanicInfo, Report, UbInfo

RECURSION_LIMIT = 20_000


def find_main(program: Any) -> Any:
    body = program.bodies.get("main")
    if body is None:
        for b in program.bodies.values():
            if b.name == "main" or b.name.endswith("::main"):
                return b
    return body


def run_program(program: Any, options: Optional[Options] = None) -> Report:
    """Run the program's `main` on a fresh machine."""
    options = options or Options()
    m = Machine(program, options)
    main = find_main(program)
    old_limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(old_limit, RECURSION_LIMIT))
    report: Report
    try:
        if main is None:
            raise Unsupported("a program without `fn main`")
        code = m.compile_body(main, {})
        f = m.push_frame(code, [], None, None, None)
        f.sync = True
        m.run_frames(0)
        report = Report("ok")
        main_result(m, code, f.result, report)
        if options.check_leaks:
            leak_report(m, report)
    except RustPanic as p:
        report = Report("panic", panic=PanicInfo(p.message, line_of(p.span), col_of(p.span), file_of(p.span)),
                        exit_code_override=134 if p.aborted else None)
    except UndefinedBehavior as u:
        report = Report("ub", ub=UbInfo(u.cls, u.message, line_of(u.span), col_of(u.span), file_of(u.span)))
        m.write_stderr(render_ub(u))
    except LimitExceeded as e:
        report = Report("limit", limit=e.what)
        m.write_stderr(e.stderr if e.stderr is not None else f"error: {e.message}\n")
    except ProgramExit as e:
        report = Report("ok", exit_code_override=e.code)
    except (TypeError, AttributeError) as e:
        if "_Uninit" not in str(e):
            raise
        # A std function was handed uninitialised memory (read through a stale pointer).
        u = UndefinedBehavior(UbClass.UNINIT_READ, "using uninitialized data, but this operation requires initialized memory",
                              span=m.current_span())
        report = Report("ub", ub=UbInfo(u.cls, u.message, line_of(u.span), col_of(u.span), file_of(u.span)))
        m.write_stderr(render_ub(u))
    except NotImplementedError as e:  # a std feature the machine's intrinsics do not cover
        e2 = Unsupported(str(e) or "this std operation", m.current_span())
        diag = Diagnostic.error(e2.message)
        if e2.span is not None:
            diag.with_primary(e2.span)
        report = Report("compile-error", diagnostics=[diag])
        m.write_stderr(f"error: {e2.message}\n")
    except Unsupported as e:
        diag = Diagnostic.error(e.message)
        if e.span is not None:
            diag.with_primary(e.span)
        report = Report("compile-error", diagnostics=[diag])
        m.write_stderr(f"error: {e.message}\n" + (f"  --> {e.span!r}\n" if e.span is not None else ""))
    except RecursionError:
        report = Report("limit", limit="stack")
        m.write_stderr("\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n")
    except CompileError as e:
        report = Report("compile-error", diagnostics=list(e.diagnostics))
        m.write_stderr("".join(f"error: {d.message}\n" for d in e.diagnostics))
    finally:
        sys.setrecursionlimit(old_limit)
    report.stdout = "".join(m.stdout)
    report.stderr = "".join(m.stderr)
    report.stats = stats(m)
    report.machine = m  # type: ignore[attr-defined]  # for pictures and the step-through view
    return report


def main_result(m: Machine, code: Any, value: Any, report: Report) -> None:
    """`fn main() -> Result<(), E>` returning Err: Rust prints `Error: {e:?}` and exits with 1."""
    ty = code.tys[0]
    if getattr(getattr(ty, "adt", None), "lang", None) == "Result" and value.__class__ is list and value[0] == 1:
        from .fmtargs import display_text
        m.write_stderr(f"Error: {display_text(m, value[1], ty.args[1], 'Debug')}\n")
        report.exit_code_override = 1
    m.drop_value(value, ty)  # the runtime drops what main returned


def leak_report(m: Machine, report: Report) -> None:
    """Miri's leak check: every heap block still live at exit (Box::leak'd ones aside)."""
    reachable = m.mem.reachable_from_statics()
    leaked = [a for a in m.mem.live_heap.values() if not a.leaked and a.id not in reachable]
    if not leaked:
        return
    leaked.sort(key=lambda a: a.id)
    report.leaks = [Leak(a.id, a.size, str(a.ty), line_of(a.span), col_of(a.span)) for a in leaked]
    first = definitely_lost(leaked)[0]
    report.outcome = "ub"
    report.ub = UbInfo(UbClass.LEAK, f"memory leaked: {first!r} ({first.size} bytes)", line_of(first.span), col_of(first.span), file_of(first.span))
    lines = []
    for a in leaked:
        lines.append(f"error: memory leaked: {a!r} (Rust heap, size: {a.size}, align: {align_of(m, a.ty)}), allocated here:\n")
        lines.append(location_block(a.span))
    lines.append("note: set `MIRIFLAGS=-Zmiri-ignore-leaks` to disable this check\n\n")
    lines.append("error: aborting due to 1 previous error\n" if len(leaked) == 1 else f"error: aborting due to {len(leaked)} previous errors\n")
    m.write_stderr("".join(lines))


def definitely_lost(leaked: list[Allocation]) -> list[Allocation]:
    """The leaked blocks no other leaked block points to (valgrind's "definitely lost"; the
    rest are "indirectly lost"), lowest id first.  A cycle with no way in (Rc cycles) counts
    its first-allocated block as the lost one."""
    ids = {a.id for a in leaked}
    pointed: set[int] = set()
    pointing: set[int] = set()
    for a in leaked:
        work = [a.value]
        while work:
            v = work.pop()
            if v.__class__ is list:
                work.extend(v)
            elif v.__class__ is Ptr and v.alloc is not None and v.alloc.id in ids and v.alloc is not a:
                pointed.add(v.alloc.id)
                pointing.add(a.id)
    roots = [a for a in leaked if a.id not in pointed]
    # Only cycles: the first block that holds pointers (an Rc's block, not the String it owns).
    return roots or [a for a in leaked if a.id in pointing] or leaked


def align_of(m: Machine, ty: Any) -> int:
    try:
        return int(m.tcx.layout(ty).align)
    except Exception:  # a type the layout module does not know (RcBox contents, closures)
        return 8


def line_of(span: Any) -> Optional[int]:
    return span.line if span is not None else None


def col_of(span: Any) -> Optional[int]:
    return span.col if span is not None else None


def file_of(span: Any) -> Optional[str]:
    return span.file.name if span is not None else None


def location_block(span: Any, label: str = "") -> str:
    """`  --> file:line:col` and the source line with a caret underline, as rustc/Miri print."""
    if span is None:
        return "  --> <unknown>\n"
    line = span.line
    gutter = " " * len(str(line))
    text = span.file.line_text(line)
    end = span.end_col if span.end_line == line else len(text) + 1
    carets = "^" * max(1, end - span.col)
    out = f"{gutter}--> {span.file.name}:{line}:{span.col}\n{gutter} |\n{line} | {text}\n{gutter} | {' ' * (span.col - 1)}{carets}"
    return out + (f" {label}\n" if label else "\n") + f"{gutter} |\n"


def render_ub(u: UndefinedBehavior) -> str:
    """The report Miri prints for undefined behaviour, with the allocations' history."""
    out = [f"error: Undefined Behavior: {u.message}\n", location_block(u.span, "Undefined Behavior occurred here")]
    pad = " " * (len(str(u.span.line)) + 1 if u.span is not None else 2)
    out.append(f"{pad}= help: this indicates a bug in the program: it performed an invalid operation, and caused Undefined Behavior\n")
    if u.cls == UbClass.ALIASING:
        out.append(f"{pad}= help: this indicates a potential bug in the program: it performed an invalid operation, but the "
                   "Stacked Borrows rules it violated are still experimental\n")
    out.append(f"{pad}= help: see https://doc.rust-lang.org/nightly/reference/behavior-considered-undefined.html for further information\n")
    for a in u.allocs:
        if isinstance(a, Allocation):
            if a.span is not None:
                out.append(f"help: {a!r} was allocated here:\n")
                out.append(location_block(a.span))
            if not a.live and a.free_span is not None:
                out.append(f"help: {a!r} was deallocated here:\n")
                out.append(location_block(a.free_span))
    out.append("\nnote: some details are omitted, run with `MIRIFLAGS=-Zmiri-backtrace=full` for a verbose backtrace\n\n")
    out.append("error: aborting due to 1 previous error\n\n")
    return "".join(out)


def stats(m: Machine) -> dict:
    return {
        "steps": m.steps,
        "allocations": m.mem.allocations,
        "frees": m.mem.frees,
        "peak_heap_bytes": m.mem.peak_heap_bytes,
        "peak_stack_bytes": m.peak_stack_bytes,
        "max_stack_depth": m.max_frames,
        "live_heap_bytes_at_exit": m.mem.heap_bytes,
    }
