"""The differential tester's generator and a short run against rustc.

The full run is `python tools/difftest_borrowck.py --count 2000`; here a few programs check
that generated programs are well-typed for rustc and that rustmem agrees on them."""
from __future__ import annotations

import sys
from pathlib import Path

TOOLS = Path(__file__).resolve().parents[1] / "tools"
sys.path.insert(0, str(TOOLS))

import difftest_borrowck as difftest  # noqa: E402


def test_generation_is_deterministic_per_seed() -> None:
    assert difftest.Gen(7).program().render() == difftest.Gen(7).program().render()
    assert difftest.Gen(7).program().render() != difftest.Gen(8).program().render()


def test_rustmem_agrees_with_rustc_on_generated_programs(rustc: str, tmp_path: Path) -> None:
    disagreements = []
    checked = 0
    for seed in range(12):
        source = difftest.Gen(90_000 + seed).program().render()
        want = difftest.rustc_errors(source, tmp_path)
        if want is None:
            continue
        checked += 1
        got = difftest.rustmem_errors(source, polonius=False)
        if got != want:
            disagreements.append((seed, want, got))
    assert checked >= 8
    assert not disagreements
