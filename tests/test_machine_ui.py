"""UI tests of the machine: each tests/ui/run/NAME.rs runs through the whole pipeline and its
stdout and stderr are compared with NAME.stdout and NAME.stderr beside it.

Annotations follow the corpus convention (FORMAT.md): `//@ run-pass|run-panic|run-ub CLASS`
and `//~ PANIC message` / `//~ UB class` on the line where it happens.
`RUSTMEM_BLESS=1 pytest tests/test_machine_ui.py` rewrites the expected files; review the diff.
"""
from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

UI = Path(__file__).parent / "ui" / "run"
CASES = sorted(UI.glob("*.rs"))
BLESS = os.environ.get("RUSTMEM_BLESS", "") not in ("", "0")
ANNOT = re.compile(r"//~\s*(PANIC|UB)\s+(.*?)\s*$")


def expectations(text: str) -> tuple[str, list[tuple[str, int, str]]]:
    directive = re.search(r"^//@\s*(run-pass|run-panic|run-ub)", text, re.M)
    marks = []
    for no, line in enumerate(text.splitlines(), start=1):
        m = ANNOT.search(line)
        if m:
            marks.append((m.group(1), no, m.group(2)))
    return (directive.group(1) if directive else "run-pass"), marks


def check_expected(path: Path, actual: str) -> None:
    if BLESS:
        if actual:
            path.write_text(actual, encoding="utf-8")
        elif path.exists():
            path.unlink()
        return
    expected = path.read_text(encoding="utf-8") if path.exists() else ""
    assert actual == expected, f"{path.name} differs (RUSTMEM_BLESS=1 to update)"


@pytest.mark.parametrize("case", CASES, ids=[c.stem for c in CASES])
def test_ui(case: Path) -> None:
    from rustmem import api

    text = case.read_text(encoding="utf-8")
    report = api.run(text, case.name)
    if report.outcome == "compile-error":
        messages = [d.message for d in getattr(report, "diagnostics", [])]
        # The machine only runs what the front end accepts; that stage's own tests cover it.
        pytest.skip(f"the front end does not accept {case.name} yet: {messages[:1]}")
    directive, marks = expectations(text)
    want = {"run-pass": "ok", "run-panic": "panic", "run-ub": "ub"}[directive]
    assert report.outcome == want, report.stderr
    for kind, line, what in marks:
        if kind == "PANIC":
            assert report.panic.line == line and report.panic.message.startswith(what)
        else:
            assert report.ub.cls == what.split()[0] and report.ub.line == line
    check_expected(case.with_suffix(".stdout"), report.stdout)
    check_expected(case.with_suffix(".stderr"), report.stderr)
