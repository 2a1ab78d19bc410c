"""The acceptance corpus (`../shared/corpus`, beside the repository), one test per program.

(a) every program whose expected errors (if any) come from the borrow checker parses,
    type-checks and lowers to MIR, and its MIR prints (what `rustmem mir FILE` does);
(b) the full conformance check of `../shared/tools/conformance.py` (verdict, error lines and
    codes, stdout, panic and UB) — marked `conformance`, so `-m "not conformance"` leaves
    it out of a quick local run.

Both run the CLI in this process (with a per-file time limit, and a time budget for the
whole module) rather than starting ~700 Python processes; `conformance.py --cli rustmem`
runs the same comparisons as subprocesses.
The whole module is skipped where the corpus is not there.
"""
from __future__ import annotations

import contextlib
import functools
import importlib.util
import io
import signal
import time
from pathlib import Path

import pytest

from conftest import CORPUS, SHARED
from uitest import expectations, human_output

TIME_LIMIT = 10  # seconds per program (the corpus's programs run in milliseconds natively)
# All corpus tests together stop after this many seconds, so that a stage that makes every
# program hit its time limit cannot hold the suite for an hour: the rest fail, unrun.
BUDGET = 420
_spent = [0.0]

FILES = sorted(CORPUS.rglob("*.rs")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"no corpus at {CORPUS}")

# Errors reported by the borrow checker (on MIR), as opposed to the parser and type checker.
BORROWCK_CODES = {"E0381", "E0382", "E0384", "E0499", "E0500", "E0501", "E0502", "E0503",
                  "E0505", "E0506", "E0507", "E0508", "E0509", "E0515", "E0521", "E0524",
                  "E0594", "E0596", "E0597", "E0621", "E0713", "E0716", "E0373"}
BORROWCK_MESSAGES = ("lifetime may not live long enough", "captured variable cannot escape")


def _file_id(path: Path) -> str:
    return str(path.relative_to(CORPUS))


def _reaches_mir(path: Path) -> bool:
    return all(what in BORROWCK_CODES or what.startswith(BORROWCK_MESSAGES)
               for _, what in expectations(path).errors)


class _TimeLimit(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise _TimeLimit in this (main) thread when the block runs longer than SECONDS."""
    def expire(signum, frame):
        raise _TimeLimit(f"timed out after {seconds}s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


@pytest.fixture(autouse=True)
def _within_budget():
    if _spent[0] > BUDGET:
        pytest.fail(f"not run: the corpus tests' time budget of {BUDGET} s is spent")
    start = time.perf_counter()
    yield
    _spent[0] += time.perf_counter() - start


def run_cli_in_process(cmd: list[str], timeout: float, cwd=None):
    """conformance.py's `run(cmd, timeout)`, with the CLI called in this process."""
    from rustmem.cli import main

    out, err = io.StringIO(), io.StringIO()
    try:
        with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err), \
                time_limit(timeout):
            status = main(cmd[1:])
    except _TimeLimit as e:
        return None, "", str(e)
    except SystemExit as e:
        status = e.code if isinstance(e.code, int) else 1
    return status, out.getvalue(), err.getvalue()


@functools.cache
def _conformance_module():
    spec = importlib.util.spec_from_file_location(
        "conformance", SHARED / "tools" / "conformance.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize("path", [p for p in FILES if _reaches_mir(p)], ids=_file_id)
def test_lowers_to_mir(path: Path) -> None:
    from rustmem.api import compile_source, stage

    with time_limit(TIME_LIMIT):
        compiled = compile_source(path.read_text(encoding="utf-8"), str(path), until="mir")
        assert not compiled.failed, human_output(compiled.diagnostics)
        assert stage("mir_pretty")(compiled.program).strip()


@pytest.mark.conformance
@pytest.mark.parametrize("path", FILES, ids=_file_id)
def test_conformance(path: Path, monkeypatch) -> None:
    conformance = _conformance_module()
    monkeypatch.setattr(conformance, "run", run_cli_in_process)
    _, verdict, why = conformance.check_file(path, ["rustmem"], TIME_LIMIT)
    if verdict == "skip":
        pytest.skip(why)
    assert verdict == "pass", why
