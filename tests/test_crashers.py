"""Regression tests for crashes found by fuzzing: every `tests/crashers/*.rs` is a minimal
program on which rustmem once raised a Python exception (or ran without bound).  `check`
and `run` must answer each one with diagnostics or a report — never an internal compiler
error.  Each program runs in a child process with a memory cap and a timeout, so that a
crasher that hangs or allocates without bound fails its test instead of the machine."""
from __future__ import annotations

import json
import resource
import subprocess
import sys
from pathlib import Path

import pytest

CRASHERS = sorted((Path(__file__).parent / "crashers").glob("*.rs"))
MEMORY_CAP = 2 << 30
TIMEOUT = 10
PROBE = """
import json, sys
import rustmem
text = open(sys.argv[1]).read()
def ices(diags):
    return [d.message for d in diags if "internal compiler error" in d.message]
found = ices(rustmem.check(text, "main.rs"))
report = rustmem.run(text, "main.rs", max_steps=20000)
found += ices(getattr(report, "diagnostics", []))
print(json.dumps({"ices": found, "outcome": report.outcome}))
"""


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


@pytest.mark.parametrize("path", CRASHERS, ids=[p.stem for p in CRASHERS])
def test_crasher_gets_no_internal_error(path: Path) -> None:
    try:
        done = subprocess.run([sys.executable, "-c", PROBE, str(path)], capture_output=True, text=True,
                              timeout=TIMEOUT, preexec_fn=_cap_memory)
    except subprocess.TimeoutExpired:
        pytest.fail(f"rustmem did not answer within {TIMEOUT}s")
    assert done.returncode == 0, done.stderr[-2000:]
    result = json.loads(done.stdout.splitlines()[-1])
    assert not result["ices"], result["ices"]
    assert result["outcome"] in {"ok", "panic", "ub", "compile-error", "limit"}
