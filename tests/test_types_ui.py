"""UI tests of the type checker: each `tests/ui/types/*.rs` annotates, rustc's way, the errors
(`//~ ERROR E0308`) expected on its lines; the checker must report exactly that multiset of
(line, code), and `rustmem check`'s human output must equal `NAME.stderr` beside it
(`RUSTMEM_BLESS=1` rewrites those).  Adding a case is adding a file."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

from rustmem.source import SourceFile
from rustmem.syntax import parse
from rustmem.types import check_crate

UI_DIR = Path(__file__).parent / "ui" / "types"
CASES = sorted(UI_DIR.glob("*.rs"))
ANNOTATION = re.compile(r"//~(\^*|\|)\s*ERROR\s+(\S+)")


def expected_errors(text: str) -> Counter:
    """(line, code) of every `//~ ERROR`, `//~^ ERROR` and `//~| ERROR` annotation."""
    out: Counter = Counter()
    last = 0
    for i, line in enumerate(text.splitlines(), 1):
        m = ANNOTATION.search(line)
        if not m:
            continue
        marker, code = m.groups()
        target = last if marker == "|" else i - len(marker)
        out[(target, code)] += 1
        last = target
    return out


def checker_errors(path: Path) -> Counter:
    source = SourceFile(path.name, path.read_text())
    _, diags = check_crate(parse(source), source)
    return Counter((d.line, d.code or d.message) for d in diags if d.level == "error")


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_ui_case(path: Path) -> None:
    assert checker_errors(path) == expected_errors(path.read_text())


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_ui_human_output(path: Path) -> None:
    """The whole `rustmem check` output, wording and labels included, as blessed."""
    from uitest import check_ui
    check_ui(path)


@pytest.mark.skipif(shutil.which("rustc") is None, reason="rustc is not installed")
@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_annotations_agree_with_rustc(path: Path, tmp_path: Path) -> None:
    """The annotations themselves are rustc's verdict (guards the expected files)."""
    proc = subprocess.run(["rustc", "--edition", "2021", "--error-format=json", "--emit=metadata",
                           "-o", str(tmp_path / "x.rmeta"), str(path)], capture_output=True, text=True)
    found: Counter = Counter()
    for line in proc.stderr.splitlines():
        d = json.loads(line)
        if d["level"] != "error" or not d["code"]:
            continue
        primary = [s for s in d["spans"] if s["is_primary"]]
        found[(primary[0]["line_start"], d["code"]["code"])] += 1
    assert found == expected_errors(path.read_text())
