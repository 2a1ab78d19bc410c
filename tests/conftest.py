"""Fixtures shared by rustmem's tests: the rustc oracle, the corpus, the CLI."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"  # the acceptance corpus and its tools live beside the repo
CORPUS = SHARED / "corpus"


@pytest.fixture
def rustc() -> str:
    """The path of rustc; the test is skipped where rustc is not installed."""
    path = shutil.which("rustc")
    if path is None:
        pytest.skip("rustc is not installed")
    return path


@pytest.fixture
def cli(capsys):
    """Run the rustmem CLI in this process: `cli("check", path) -> (status, stdout, stderr)`."""
    from rustmem.cli import main

    def run(*args: str) -> tuple[int, str, str]:
        status = main(list(args))
        out, err = capsys.readouterr()
        return status, out, err

    return run


def run_rustmem(*args: str, env: dict | None = None,
                timeout: float = 60) -> subprocess.CompletedProcess:
    """Run `rustmem ARGS...` as a separate process (the way users and tools run it)."""
    return subprocess.run([sys.executable, "-m", "rustmem.cli", *args], capture_output=True,
                          text=True, timeout=timeout, env=env)
