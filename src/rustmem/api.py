"""rustmem's public API: the pipeline run end to end, every failure turned into diagnostics.

    check(source, filename, polonius=False) -> list[Diagnostic]
    run(source, filename, memory="ownership", ...) -> Report
    compile_source(source, filename, until=...) -> Compilation   (what the CLI's mir/facts use)

Stages are imported when first needed, so `check` never loads the machine or the renderers,
and a stage that does not exist yet is reported as a clear error, not an ImportError.  As in
rustc, the pipeline stops after the first stage that reports errors: a type error is
reported alone, without borrow-checker errors that would follow from it (a missing
`fn main`, E0601, is reported beside the type errors, as rustc's driver does).

An exception inside rustmem is a bug in rustmem: it becomes `error: internal compiler error:
...` naming where it happened.  `RUSTMEM_BACKTRACE=1` lets it propagate with its traceback.
"""
from __future__ import annotations

import importlib
import importlib.util
import os
import sys
import threading
from typing import Any, Callable

from .records import field, record

from .diagnostics import CompileError, Diagnostic
from .source import SourceFile

MEMORY_DISCIPLINES = ("ownership", "manual", "rc", "gc")
ALIASING_MODELS = ("stacked", "tree")

# Resource limits of one run: MIR steps executed, stack frames, live heap bytes.
DEFAULT_MAX_STEPS = 10_000_000
DEFAULT_MAX_STACK = 100_000  # frames; the 8 MiB stack-bytes limit of a Rust main thread usually comes first
DEFAULT_MAX_HEAP = 256 * 1024 * 1024

_STAGES = {
    "parse": ("syntax", "parse", "the parser"),
    "typeck": ("types", "check_crate", "the type checker"),
    "mir": ("mir", "build_program", "MIR building"),
    "borrowck": ("borrowck", "check_program", "the borrow checker"),
    "facts": ("borrowck.facts", "format_facts", "the borrow-check fact printer"),
    "mir_pretty": ("mir.pretty", "format_program", "the MIR printer"),
    "machine": ("machine", "run_program", "the machine"),
    "machine_options": ("machine.report", "Options", "the machine's options"),
}


class StageMissing(Exception):
    """A pipeline stage that rustmem does not have (yet): reported, never a traceback."""

    def __init__(self, what: str, where: str, why: str) -> None:
        super().__init__(f"{what} ({where}) is not available: {why}")
        self.what, self.where, self.why = what, where, why

    def diagnostic(self) -> Diagnostic:
        return (Diagnostic.error(f"rustmem cannot do this yet: {self.what} is not available")
                .with_note(f"`{self.where}` could not be loaded: {self.why}"))


def stage(name: str) -> Callable[..., Any]:
    """The function of pipeline stage NAME (see `_STAGES`), imported on first use."""
    module, attr, what = _STAGES[name]
    where = f"rustmem.{module}.{attr}"
    try:
        fn = getattr(importlib.import_module(f"rustmem.{module}"), attr)
    except ImportError as e:
        raise StageMissing(what, where, str(e)) from None
    except AttributeError:
        raise StageMissing(what, where, f"`rustmem.{module}` has no `{attr}`") from None
    return fn


def backtrace_wanted() -> bool:
    return os.environ.get("RUSTMEM_BACKTRACE", "") not in ("", "0")


def internal_error(exc: BaseException) -> Diagnostic:
    """`error: internal compiler error: ...` for an exception inside rustmem, with where."""
    import traceback

    frames = traceback.extract_tb(exc.__traceback__)
    ours = [f for f in frames if f"{os.sep}rustmem{os.sep}" in f.filename] or frames
    message = f"internal compiler error: {type(exc).__name__}: {exc}".rstrip(": ")
    diag = Diagnostic.error(message)
    if ours:
        frame = ours[-1]
        parts = frame.filename.split(os.sep)
        shown = "/".join(parts[parts.index("rustmem"):]) if "rustmem" in parts else parts[-1]
        diag.with_note(f"raised at {shown}:{frame.lineno} in `{frame.name}`")
    diag.with_note("this is a bug in rustmem, not in your program; "
                   "run with `RUSTMEM_BACKTRACE=1` for a Python backtrace")
    return diag


def _has_errors(diags: list[Diagnostic]) -> bool:
    return any(d.level == "error" for d in diags)


# ---------------------------------------------------------------- compiling

@record(slots=False)
class Compilation:
    """What the front half of the pipeline produced for one file.

    `program` is the MIR when it could be built (it is kept when only the borrow checker
    complained, so that the non-ownership disciplines can still run it)."""

    source: SourceFile
    diagnostics: list[Diagnostic] = field(default_factory=list)
    program: Any = None

    @property
    def failed(self) -> bool:
        return _has_errors(self.diagnostics)


def compile_source(source: str, filename: str = "main.rs", *, until: str = "borrowck",
                   polonius: bool = False) -> Compilation:
    """Parse, type-check, lower to MIR and (when UNTIL is "borrowck") borrow-check.

    UNTIL is "mir" to stop after MIR building.  Never raises for anything the source
    contains; a rustmem bug becomes an internal-compiler-error diagnostic."""
    result = Compilation(SourceFile(filename, source))
    try:
        with_deep_stack(_compile, result, until, polonius)
    except CompileError as e:
        result.diagnostics.extend(e.diagnostics)
    except RecursionError:
        result.diagnostics.append(Diagnostic.error(
            f"unsupported: expressions, blocks or types nested more than rustmem can follow "
            f"(about {DEEP_RECURSION_LIMIT // 20:,} levels)"))
    except StageMissing as e:
        result.diagnostics.append(e.diagnostic())
    except Exception as e:  # a bug in rustmem: report it as rustc reports an ICE
        if backtrace_wanted():
            raise
        result.diagnostics.append(internal_error(e))
    return result


# The front half walks the program's nesting recursively (a 200-term sum is 200 nested
# Binary nodes, each several Python frames deep), far past Python's default limit of 1,000
# frames; it runs on a thread whose stack is large enough for this limit.
DEEP_RECURSION_LIMIT = 100_000
DEEP_STACK_BYTES = 512 * 1024 * 1024


def with_deep_stack(fn: Callable[..., Any], *args: Any) -> Any:
    """fn(*args) on a thread with a large stack and a high recursion limit; its result or
    exception comes back to the caller."""
    outcome: dict[str, Any] = {}

    def target() -> None:
        try:
            outcome["value"] = fn(*args)
        except BaseException as e:  # handed back to the calling thread below
            outcome["error"] = e

    old_limit = sys.getrecursionlimit()
    old_size = threading.stack_size(DEEP_STACK_BYTES)
    sys.setrecursionlimit(max(old_limit, DEEP_RECURSION_LIMIT))
    try:
        worker = threading.Thread(target=target, name="rustmem-compile")
        worker.start()
        worker.join()
    finally:
        threading.stack_size(old_size)
        sys.setrecursionlimit(old_limit)
    if "error" in outcome:
        raise outcome["error"]
    return outcome.get("value")


def entry_point_error(crate: Any, source: SourceFile) -> Diagnostic | None:
    """E0601 when the crate has no `fn main`, as rustc's driver reports it (before, and
    besides, any type error): at the end of the file's code, or with a note when empty."""
    if any(type(item).__name__ == "Fn" and item.name == "main" for item in crate.items):
        return None
    base = os.path.basename(source.name)
    crate_name = os.path.splitext(base)[0].replace("-", "_")
    diag = Diagnostic.error(f"`main` function not found in crate `{crate_name}`", "E0601")
    hint = f"consider adding a `main` function to `{source.name}`"
    end = len(source.text.rstrip().encode("utf-8"))
    if end == 0:
        return diag.with_note(hint)
    return diag.with_primary(source.span(end, end), hint)


def _compile(result: Compilation, until: str, polonius: bool) -> None:
    crate = stage("parse")(result.source)
    missing_main = entry_point_error(crate, result.source)
    if missing_main is not None:
        result.diagnostics.append(missing_main)
    tcx, diags = stage("typeck")(crate, result.source)
    result.diagnostics.extend(diags)
    if _has_errors(result.diagnostics):
        return
    result.program = stage("mir")(tcx)
    if until == "mir":
        return
    result.diagnostics.extend(stage("borrowck")(result.program, polonius=polonius))


def check(source: str, filename: str = "main.rs", polonius: bool = False) -> list[Diagnostic]:
    """Every diagnostic rustmem reports for SOURCE, as `rustc --emit=metadata` would."""
    return compile_source(source, filename, polonius=polonius).diagnostics


# ---------------------------------------------------------------- running

class EventTrace:
    """A tracer that keeps every event the machine emits, for `run(..., trace=True)`."""

    def __init__(self) -> None:
        self.events: list[tuple[str, int, dict]] = []

    def event(self, kind: str, step: int, **data: Any) -> None:
        self.events.append((kind, step, data))


@record(slots=False)
class CompileErrorReport:
    """The report of a program that never ran: outcome "compile-error" and the reasons.

    It has the shape of the machine's `Report` that a caller reads (`outcome`, `stdout`,
    `stderr`, `exit_code`, `to_json()`), plus the `diagnostics`."""

    diagnostics: list[Diagnostic]
    outcome: str = "compile-error"
    stdout: str = ""
    stderr: str = ""

    exit_code: int = 1

    def to_json(self) -> dict:
        """The `--report` object, as the machine's Report gives it."""
        from .render.diagnostics import json_object

        return {"outcome": self.outcome, "panic": None, "ub": None, "leaks": [],
                "stats": {}, "diagnostics": [json_object(d) for d in self.diagnostics]}


def memory_strategy(memory: str) -> Any:
    """The strategy object the machine plugs in for MEMORY (None: ownership, Rust's own).

    The disciplines other than ownership come from `rustmem.memory.strategy(name)`; while
    that does not exist, asking for one raises StageMissing."""
    if memory == "ownership":
        return None
    factory = getattr(importlib.import_module("rustmem.memory"), "strategy", None)
    if factory is None:
        raise StageMissing(f"the `{memory}` memory discipline", "rustmem.memory.strategy",
                           "not implemented yet; `--memory ownership` is available")
    return factory(memory)


def run(source: str, filename: str = "main.rs", memory: str = "ownership",
        aliasing: str = "stacked", max_steps: int = DEFAULT_MAX_STEPS,
        max_stack: int = DEFAULT_MAX_STACK, max_heap: int = DEFAULT_MAX_HEAP,
        trace: bool = False) -> Any:
    """Compile SOURCE and run it on the machine under the memory discipline MEMORY.

    Returns the machine's Report; a program that does not compile (or cannot be run) gives
    a `CompileErrorReport` with outcome "compile-error".  Under "ownership" the borrow
    checker must accept the program; the other disciplines switch the static ownership
    checks off (types are still checked)."""
    if memory not in MEMORY_DISCIPLINES:
        raise ValueError(f"unknown memory discipline {memory!r}; one of {MEMORY_DISCIPLINES}")
    if aliasing not in ALIASING_MODELS:
        raise ValueError(f"unknown aliasing model {aliasing!r}; one of {ALIASING_MODELS}")
    try:
        strategy = memory_strategy(memory)  # first, so that a missing one is said at once
    except StageMissing as e:
        return CompileErrorReport([e.diagnostic()])
    until = "borrowck" if memory == "ownership" else "mir"
    compiled = compile_source(source, filename, until=until)
    if compiled.failed:
        return CompileErrorReport(compiled.diagnostics)
    tracer = EventTrace() if trace else None
    try:
        options = stage("machine_options")(
            max_steps=max_steps, max_stack_depth=max_stack, max_heap_bytes=max_heap,
            aliasing=aliasing, tracer=tracer, memory=strategy)
        report = stage("machine")(compiled.program, options)
    except StageMissing as e:
        return CompileErrorReport([e.diagnostic()])
    except Exception as e:  # the machine reports the program's faults; this is rustmem's
        if backtrace_wanted():
            raise
        return CompileErrorReport([internal_error(e)])
    if tracer is not None:
        report.trace = tracer.events
    return report
