"""The `rustmem` command: a thin layer over `rustmem.api`.

    rustmem check FILE [--error-format human|json] [--polonius]    exit 0 accepted, 1 rejected
    rustmem check --explain CODE
    rustmem run FILE [--memory ...] [--aliasing ...] [--report REPORT.json] [--max-* N]
                                      exit 0 ok, 101 panic, 1 compile error, 2 UB, 3 limit
    rustmem mir FILE                  the MIR of every function
    rustmem facts FILE                the borrow checker's input facts

Diagnostics go to stderr in rustc's human format (as rustc prints them), or to stdout as
JSON lines with `--error-format json`.  Under `run`, stdout is the program's own output.
Only what a command needs is imported: `check` loads neither the machine nor `json`, and
the common `check FILE [--error-format F] [--polonius]` does not load argparse either.
"""
from __future__ import annotations

import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, NoReturn, Sequence

from . import __version__
from .diagnostics import Diagnostic

if TYPE_CHECKING:
    import argparse

EXIT_OK, EXIT_COMPILE_ERROR = 0, 1  # `run` adds 2 UB, 3 limit, 101 panic (Report.exit_code)


def _positive(text: str) -> int:
    import argparse

    try:
        value = int(text.replace("_", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {text!r}") from None
    if value <= 0:
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
    return value


def build_parser() -> "argparse.ArgumentParser":
    import argparse

    class _Parser(argparse.ArgumentParser):
        """argparse, but a usage error exits 1 (as rustc does): 2 means UB under `run`."""

        def error(self, message: str) -> NoReturn:
            self.print_usage(sys.stderr)
            self.exit(EXIT_COMPILE_ERROR, f"error: {message}\n")

    from .api import (ALIASING_MODELS, DEFAULT_MAX_HEAP, DEFAULT_MAX_STACK,
                      DEFAULT_MAX_STEPS, MEMORY_DISCIPLINES)

    parser = _Parser(prog="rustmem", description=(
        "A laboratory of Rust's memory management: rustc's borrow checker and a "
        "Miri-like machine, in Python."))
    parser.add_argument("--version", action="version", version=f"rustmem {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    check = sub.add_parser("check", help="type- and borrow-check a file, as rustc does",
                           description="Check FILE as `rustc --emit=metadata` would. "
                           "Exit status: 0 accepted, 1 rejected.")
    check.add_argument("file", nargs="?", metavar="FILE", help="a Rust 2021 source file")
    check.add_argument("--error-format", choices=("human", "json"), default="human",
                       help="human: rustc's text on stderr (default); "
                       "json: one rustc-compatible JSON object per line on stdout")
    check.add_argument("--polonius", action="store_true",
                       help="use the location-sensitive (Polonius-style) borrow check")
    check.add_argument("--explain", metavar="CODE",
                       help="explain an error code (e.g. E0502) and exit; FILE is not needed")

    run = sub.add_parser("run", help="run a file on the machine and report what it did",
                         description="Run FILE on rustmem's machine. The program's stdout is "
                         "this command's stdout; problems go to stderr. Exit status: 0 ok, "
                         "101 panic, 1 compile error, 2 undefined behaviour, 3 resource limit.")
    run.add_argument("file", metavar="FILE", help="a Rust 2021 source file")
    run.add_argument("--memory", choices=MEMORY_DISCIPLINES, default="ownership",
                     help="who frees heap memory (default: ownership, Rust's own rules; "
                     "a discipline that is not implemented yet is refused)")
    run.add_argument("--aliasing", choices=ALIASING_MODELS, default="stacked",
                     help="aliasing model for raw pointers: Stacked or Tree Borrows "
                     "(default: stacked)")
    run.add_argument("--report", metavar="REPORT.json",
                     help="write the run's report (outcome, panic, ub, leaks, stats) as JSON")
    run.add_argument("--max-steps", type=_positive, default=DEFAULT_MAX_STEPS, metavar="N",
                     help=f"stop after N MIR steps (default: {DEFAULT_MAX_STEPS:_})")
    run.add_argument("--max-stack", type=_positive, default=DEFAULT_MAX_STACK, metavar="N",
                     help=f"stop beyond N stack frames (default: {DEFAULT_MAX_STACK:_})")
    run.add_argument("--max-heap", type=_positive, default=DEFAULT_MAX_HEAP, metavar="N",
                     help=f"stop beyond N live heap bytes (default: {DEFAULT_MAX_HEAP:_})")

    mir = sub.add_parser("mir", help="print the MIR rustmem builds for a file",
                         description="Print the MIR of every function of FILE.")
    mir.add_argument("file", metavar="FILE", help="a Rust 2021 source file")

    facts = sub.add_parser("facts", help="print the borrow checker's input facts",
                           description="Print the Polonius-style facts the borrow checker "
                           "reads for FILE (loans, CFG edges, uses, ...).")
    facts.add_argument("file", metavar="FILE", help="a Rust 2021 source file")
    return parser


# ---------------------------------------------------------------- shared steps

def _read_source(path: str) -> str | Diagnostic:
    """The text of PATH, or rustc's `couldn't read` error."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError as e:
        return Diagnostic.error(f"couldn't read `{path}`: {e.strerror} (os error {e.errno})")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return Diagnostic.error(f"couldn't read `{path}`: stream did not contain valid UTF-8")


def human_text(diags: list[Diagnostic]) -> str:
    """DIAGS as `rustmem check` prints them: each block, then the closing summary."""
    from .render.diagnostics import render_human, render_summary

    return "".join(render_human(d) for d in diags) + render_summary(diags)


def _print_human(diags: list[Diagnostic]) -> None:
    sys.stderr.write(human_text(diags))


def _print_json(diags: list[Diagnostic]) -> None:
    # Only the diagnostics themselves: rustc's closing "aborting due to" object would read
    # as one more error to a tool counting `level == "error"` objects.
    from .render.diagnostics import render_json

    sys.stdout.write("".join(render_json(d) + "\n" for d in diags))


def _compile_or_report(path: str, until: str):
    """The Compilation of PATH, or None after printing why there is none."""
    from .api import compile_source

    source = _read_source(path)
    if isinstance(source, Diagnostic):
        _print_human([source])
        return None
    compiled = compile_source(source, path, until=until)
    if compiled.failed:
        _print_human(compiled.diagnostics)
        return None
    return compiled


# ---------------------------------------------------------------- commands

def cmd_check(args: argparse.Namespace) -> int:
    if args.explain:
        return _explain(args.explain)
    if not args.file:
        sys.stderr.write("error: `rustmem check` needs a FILE (or `--explain CODE`)\n")
        return EXIT_COMPILE_ERROR
    emit = _print_json if args.error_format == "json" else _print_human
    source = _read_source(args.file)
    if isinstance(source, Diagnostic):
        emit([source])
        return EXIT_COMPILE_ERROR
    from .api import check

    diags = check(source, args.file, polonius=args.polonius)
    if diags:
        emit(diags)
    return EXIT_COMPILE_ERROR if any(d.level == "error" for d in diags) else EXIT_OK


def _explain(code: str) -> int:
    from .explain import explanation, normalize

    text = explanation(code)
    if text is None:
        sys.stderr.write(f"error: {normalize(code)} is not an error code rustmem explains\n")
        return EXIT_COMPILE_ERROR
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


def cmd_run(args: argparse.Namespace) -> int:
    from .api import run

    source = _read_source(args.file)
    if isinstance(source, Diagnostic):
        _print_human([source])
        return EXIT_COMPILE_ERROR
    report = run(source, args.file, memory=args.memory, aliasing=args.aliasing,
                 max_steps=args.max_steps, max_stack=args.max_stack, max_heap=args.max_heap)
    sys.stdout.write(report.stdout or "")
    sys.stdout.flush()
    sys.stderr.write(run_stderr(report, source, args.file))
    if args.report:
        import json

        try:
            with open(args.report, "w", encoding="utf-8") as f:
                json.dump(report.to_json(), f, indent=2)
                f.write("\n")
        except OSError as e:
            sys.stderr.write(f"error: couldn't write `{args.report}`: {e.strerror}\n")
            return EXIT_COMPILE_ERROR
    return report.exit_code


def run_stderr(report, source: str, filename: str) -> str:
    """What `rustmem run` writes on stderr for REPORT: the compile errors; or the program's
    own stderr (its panic message included) followed by what went wrong, in Miri's words."""
    if report.outcome == "compile-error":
        return human_text(report.diagnostics)
    stderr = report.stderr or ""
    if stderr and not stderr.endswith("\n"):
        stderr += "\n"
    problem = _problem(report.to_json(), source, filename, stderr)
    return stderr + (human_text([problem]) if problem is not None else "")


def _line_span(source: str, filename: str, line: object):
    """The span of the code on LINE (1-based), or None when LINE is not a line of SOURCE."""
    from .source import SourceFile

    file = SourceFile(filename, source)
    if not isinstance(line, int) or not 1 <= line <= len(file.line_starts):
        return None
    text = file.line_text(line)
    start = file.line_starts[line - 1] + len(text.encode()) - len(text.lstrip().encode())
    return file.span(start, file.line_starts[line - 1] + len(text.rstrip().encode()))


def _problem(data: dict, source: str, filename: str, stderr: str) -> Diagnostic | None:
    """What went wrong in a run, in Miri's words (`error: Undefined Behavior: ...`), when
    the machine's own stderr does not already say it."""
    outcome = data.get("outcome")
    if any(line.startswith("error") or "panicked at" in line for line in stderr.splitlines()):
        return None
    if outcome == "ub":
        ub = data.get("ub") or {}
        diag = Diagnostic.error(f"Undefined Behavior: {ub.get('message') or ub.get('class')}")
        label = "Undefined Behavior occurred here"
        help_ = ("this indicates a bug in the program: it performed an invalid operation, "
                 "and caused Undefined Behavior")
    elif outcome == "limit":
        limit = data.get("limit") or {}
        message = limit.get("message") if isinstance(limit, dict) else limit
        diag = Diagnostic.error(f"resource limit reached: {message or 'the run was stopped'}")
        ub, label, help_ = {}, "", "raise the limit with --max-steps, --max-stack or --max-heap"
    elif outcome == "panic":
        panic = data.get("panic") or {}
        return Diagnostic.error(f"the program panicked at line {panic.get('line')}: "
                                f"{panic.get('message')}")
    else:
        return None
    span = _line_span(source, filename, ub.get("line"))
    if span is not None:
        diag.with_primary(span, label)
    return diag.with_help(help_)


def cmd_mir(args: argparse.Namespace) -> int:
    return _print_stage(args.file, "mir_pretty")


def cmd_facts(args: argparse.Namespace) -> int:
    return _print_stage(args.file, "facts")


def _print_stage(path: str, printer: str) -> int:
    """Compile PATH to MIR and print it with the stage function PRINTER."""
    from .api import StageMissing, stage

    compiled = _compile_or_report(path, until="mir")
    if compiled is None:
        return EXIT_COMPILE_ERROR
    try:
        text = stage(printer)(compiled.program)
    except StageMissing as e:
        _print_human([e.diagnostic()])
        return EXIT_COMPILE_ERROR
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return EXIT_OK


_COMMANDS = {"check": cmd_check, "run": cmd_run, "mir": cmd_mir, "facts": cmd_facts}


def _plain_check(argv: Sequence[str]) -> Any:
    """The arguments of the common `check FILE [--error-format human|json] [--polonius]`,
    read without argparse (whose import is a visible share of a short check's start-up), or
    None for anything else: that goes through the full parser, which has the help and errors."""
    if not argv or argv[0] != "check":
        return None
    args = SimpleNamespace(command="check", file=None, error_format="human", polonius=False, explain=None)
    rest = list(argv[1:])
    while rest:
        arg = rest.pop(0)
        if arg == "--polonius" and not args.polonius:
            args.polonius = True
        elif arg.startswith("--error-format="):
            args.error_format = arg.partition("=")[2]
        elif arg == "--error-format" and rest:
            args.error_format = rest.pop(0)
        elif not arg.startswith("-") and args.file is None:
            args.file = arg
        else:
            return None
    return args if args.file is not None and args.error_format in ("human", "json") else None


def main(argv: Sequence[str] | None = None) -> int:
    """Entry point of the `rustmem` console script; returns the exit status."""
    args = _plain_check(sys.argv[1:] if argv is None else argv)
    if args is None:
        parser = build_parser()
        args = parser.parse_args(argv)
        if args.command is None:
            parser.print_help(sys.stderr)
            return EXIT_COMPILE_ERROR
    # Recursive stages walk deeply nested expressions; Python's default of 1000 is too low.
    sys.setrecursionlimit(max(sys.getrecursionlimit(), 20_000))
    # The stages allocate millions of small objects that live until the command ends; with
    # the default thresholds (a collection every 700 allocations) the collector rescans them
    # over and over, some 15% of a 10,000-line check.  Cycles are still collected.
    import gc

    gc.set_threshold(50_000, 20, 100)
    try:
        return _COMMANDS[args.command](args)
    except KeyboardInterrupt:
        return 130
    except Exception as e:  # a bug in the glue itself: an ICE like any other
        from .api import backtrace_wanted, internal_error

        if backtrace_wanted():
            raise
        _print_human([internal_error(e)])
        return EXIT_COMPILE_ERROR


if __name__ == "__main__":
    sys.exit(main())
