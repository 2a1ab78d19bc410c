"""Borrow-checker UI tests: each `tests/ui/borrowck/NAME.rs` is checked by rustmem; its `//~ ERROR`
annotations must match the reported errors and its human output `NAME.stderr`.
`RUSTMEM_BLESS=1` rewrites the `.stderr` files.  A file whose name ends in `_polonius` is
checked in the location-sensitive mode.

Where rustc is installed, each annotated file is also checked against rustc's own verdict
(the `_polonius` files excepted: rustc's default mode is NLL).
"""
from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pytest

from uitest import check_ui, expectations

UI = Path(__file__).resolve().parent / "ui" / "borrowck"
CASES = sorted(UI.glob("*.rs"))


def pipeline_ready() -> bool:
    import rustmem
    diags = rustmem.check("fn main() {}\n", "probe.rs")
    return not any("cannot do this yet" in d.message for d in diags)


@pytest.mark.parametrize("path", CASES, ids=[p.stem for p in CASES])
def test_ui(path: Path) -> None:
    if not pipeline_ready():
        pytest.skip("the front-end (type checker, MIR builder) is not available yet")
    check_ui(path, polonius=path.stem.endswith("_polonius"))


@pytest.mark.parametrize("path", [p for p in CASES if not p.stem.endswith("_polonius")],
                         ids=[p.stem for p in CASES if not p.stem.endswith("_polonius")])
def test_annotations_agree_with_rustc(path: Path, rustc: str, tmp_path: Path) -> None:
    proc = subprocess.run([rustc, "--edition", "2021", "--error-format=json", "--emit=metadata",
                           "-o", str(tmp_path / "out.rmeta"), str(path)], capture_output=True, text=True)
    got = []
    for line in proc.stderr.splitlines():
        d = json.loads(line)
        if d.get("level") == "error" and d.get("spans"):
            primary = next(s for s in d["spans"] if s["is_primary"])
            code = (d.get("code") or {}).get("code") or d["message"]
            got.append((primary["line_start"], code))
    want = expectations(path).errors
    assert sorted(got) == sorted((line, what if what.startswith("E") else next(
        c for ln, c in got if ln == line and c.startswith(what))) for line, what in want)
