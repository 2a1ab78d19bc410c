"""Property: rustmem's front end answers every program with a result or diagnostics.

For generated programs (well-typed ones and broken ones, see `gen_rust.py`) and for corpus
programs damaged by edits, `syntax.parse`, `types.check_crate` and — when the type checker
found no error — `mir.build_program` either succeed or report `Diagnostic`s / raise
`CompileError`.  Any other exception is a bug in rustmem.

The runs are derandomized (the same examples on every machine) and do not shrink, so that a
failure costs seconds; the failing program is in the assertion message.
"""
from __future__ import annotations

import traceback

from hypothesis import HealthCheck, Phase, given, settings

import gen_rust
from rustmem.diagnostics import CompileError, Diagnostic
from rustmem.mir import build_program
from rustmem.source import SourceFile
from rustmem.syntax import parse
from rustmem.types import check_crate

SOURCES = gen_rust.corpus_programs(step=7)
PROPS = settings(max_examples=12, deadline=None, derandomize=True, database=None,
                 phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))


def front_end(text: str) -> list[Diagnostic]:
    """The diagnostics of parsing, type-checking and (without type errors) MIR building.

    Fails the test, showing TEXT and the traceback, on any exception but CompileError."""
    source = SourceFile("main.rs", text)
    try:
        crate = parse(source)
        tcx, diags = check_crate(crate, source)
        assert all(isinstance(d, Diagnostic) and d.message for d in diags)
        if not any(d.level == "error" for d in diags):
            build_program(tcx)
        return diags
    except CompileError as e:
        assert e.diagnostics and all(d.message for d in e.diagnostics)
        return e.diagnostics
    except Exception:
        raise AssertionError(f"rustmem crashed on this program:\n{text}\n{traceback.format_exc()}") from None


def assert_spans_inside(text: str, diags: list[Diagnostic]) -> None:
    size = len(text.encode("utf-8"))
    for d in diags:
        for label in d.labels:
            assert 0 <= label.span.lo <= label.span.hi <= size, (d.message, label.span.lo, label.span.hi)


@PROPS
@given(gen_rust.programs(broken=False))
def test_well_typed_programs_pass_the_front_end(text: str) -> None:
    assert_spans_inside(text, front_end(text))


@PROPS
@given(gen_rust.programs(broken=True))
def test_broken_programs_get_diagnostics(text: str) -> None:
    assert_spans_inside(text, front_end(text))


@settings(PROPS, max_examples=30)
@given(gen_rust.mutants(SOURCES))
def test_mutated_corpus_programs_get_diagnostics(text: str) -> None:
    assert_spans_inside(text, front_end(text))
