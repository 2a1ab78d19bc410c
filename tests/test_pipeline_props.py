"""Property: `rustmem.check` and `rustmem.run` never raise and never report an internal error.

Whatever the program — generated well-typed or broken (`gen_rust.py`), a chain of iterator
adapters, or a corpus program damaged by edits — `check` returns diagnostics and `run` returns a report whose outcome is
one of ok / panic / ub / compile-error / limit.  An exception inside rustmem shows up as an
"internal compiler error" diagnostic, which these tests reject.

Runs are bounded (20 000 machine steps), derandomized and not shrunk, so each test takes
seconds; the failing program is in the assertion message.
"""
from __future__ import annotations

from hypothesis import HealthCheck, Phase, given, settings

import gen_rust
import rustmem

OUTCOMES = {"ok", "panic", "ub", "compile-error", "limit"}
SOURCES = gen_rust.corpus_programs(step=5)
PROPS = settings(max_examples=10, deadline=None, derandomize=True, database=None,
                 phases=[Phase.explicit, Phase.generate], suppress_health_check=list(HealthCheck))


def internal_errors(diags: list) -> list[str]:
    return ["\n".join([d.message, *(c.message for c in d.children)])
            for d in diags if "internal compiler error" in d.message]


def assert_robust(text: str) -> None:
    """check and run TEXT; fail, showing it, on an exception, an ICE or an unknown outcome."""
    ices = internal_errors(rustmem.check(text, "main.rs"))
    assert not ices, f"rustmem check: {ices[0]}\n--- program:\n{text}"
    report = rustmem.run(text, "main.rs", max_steps=20000)
    ices = internal_errors(getattr(report, "diagnostics", []))
    assert not ices, f"rustmem run: {ices[0]}\n--- program:\n{text}"
    assert report.outcome in OUTCOMES, f"outcome {report.outcome!r}\n--- program:\n{text}"


@PROPS
@given(gen_rust.programs(broken=False))
def test_well_typed_programs_check_and_run(text: str) -> None:
    assert_robust(text)


@PROPS
@given(gen_rust.programs(broken=True))
def test_broken_programs_check_and_run(text: str) -> None:
    assert_robust(text)


@settings(PROPS, max_examples=25)
@given(gen_rust.mutants(SOURCES))
def test_mutated_corpus_programs_check_and_run(text: str) -> None:
    assert_robust(text)


@settings(PROPS, max_examples=8)
@given(gen_rust.iterator_programs())
def test_iterator_chains_check_and_run(text: str) -> None:
    assert_robust(text)
