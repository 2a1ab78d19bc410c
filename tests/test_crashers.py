"""Regression tests for crashes found by fuzzing: every `tests/crashers/*.rs` is a minimal
program on which rustmem once raised a Python exception.  `check` and `run` must answer each
one with diagnostics or a report — never an internal compiler error."""
from __future__ import annotations

from pathlib import Path

import pytest

import rustmem

CRASHERS = sorted((Path(__file__).parent / "crashers").glob("*.rs"))
OUTCOMES = {"ok", "panic", "ub", "compile-error", "limit"}


def internal_errors(diags: list) -> list[str]:
    return ["\n".join([d.message, *(c.message for c in d.children)])
            for d in diags if "internal compiler error" in d.message]


@pytest.mark.parametrize("path", CRASHERS, ids=[p.stem for p in CRASHERS])
def test_crasher_gets_no_internal_error(path: Path) -> None:
    text = path.read_text()
    assert not internal_errors(rustmem.check(text, path.name))
    report = rustmem.run(text, path.name, max_steps=20000)
    assert not internal_errors(getattr(report, "diagnostics", []))
    assert report.outcome in OUTCOMES
