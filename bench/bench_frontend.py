"""How fast is rustmem's front end?  Parse + type check + MIR building on a generated
10,000-line program, in lines per second, against `rustc --emit=metadata` on the same file,
measured in the same run.

    python bench/bench_frontend.py [--lines N] [--repeat R]

Each stage is timed on its own (best of R runs, in this process, after one warm-up run
that also loads the std stubs).  rustc's time is wall time of the whole command (start-up
included), best of R.  A stage that does not exist yet is reported as such and the figures
of the stages before it are still printed.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.setrecursionlimit(20_000)

from bench_check import precompile  # noqa: E402
from gen_program import generate  # noqa: E402

from rustmem.api import StageMissing, stage  # noqa: E402
from rustmem.diagnostics import CompileError  # noqa: E402
from rustmem.source import SourceFile  # noqa: E402


def time_rustc(path: str, repeat: int) -> float | None:
    """Best wall time of `rustc --emit=metadata` on PATH, or None without rustc."""
    rustc = shutil.which("rustc")
    if rustc is None:
        return None
    best = float("inf")
    with tempfile.TemporaryDirectory() as tmp:
        for _ in range(repeat):
            start = time.perf_counter()
            subprocess.run([rustc, "--edition", "2021", "--emit=metadata", "-o",
                            os.path.join(tmp, "out.rmeta"), path], capture_output=True)
            best = min(best, time.perf_counter() - start)
    return best


def run_front_end(text: str, name: str, times: list[tuple[str, float]]) -> None:
    """Append (stage, seconds) to TIMES for parse, typeck and MIR on TEXT, as each ends;
    raises StageMissing or CompileError when a stage is missing or rejects the program."""
    source = SourceFile(name, text)
    start = time.perf_counter()
    crate = stage("parse")(source)
    times.append(("parse", time.perf_counter() - start))
    start = time.perf_counter()
    tcx, diags = stage("typeck")(crate, source)
    times.append(("type check", time.perf_counter() - start))
    errors = [d for d in diags if d.level == "error"]
    if errors:
        raise CompileError(*errors)
    start = time.perf_counter()
    stage("mir")(tcx)
    times.append(("MIR building", time.perf_counter() - start))


def measure(text: str, name: str, repeat: int) -> tuple[dict[str, float], str | None]:
    """Best time per stage over REPEAT runs after a warm-up, and why it stopped early."""
    best: dict[str, float] = {}
    problem = None
    for _ in range(repeat + 1):  # the first run warms up (std stubs, caches)
        partial: list[tuple[str, float]] = []
        try:
            run_front_end(text, name, partial)
        except StageMissing as e:
            problem = f"{e.what} is not available ({e.where}: {e.why})"
        except CompileError as e:
            d = e.diagnostics[0]
            problem = f"the program was rejected: line {d.line}: {d.message}"
        except Exception as e:  # a bug in a stage: say which, keep the figures we have
            problem = f"internal error: {type(e).__name__}: {e}"
        for stage_name, seconds in partial:
            best[stage_name] = min(best.get(stage_name, float("inf")), seconds)
        if problem:
            break
    return best, problem


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--lines", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    precompile()  # the stages are timed after a warm-up, but imports should be as installed too
    text = generate(args.lines)
    lines = text.count("\n")
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "generated.rs")
        Path(path).write_text(text, encoding="utf-8")
        best, problem = measure(text, path, args.repeat)
        rustc = time_rustc(path, args.repeat)

    print(f"program: {lines} lines (bench/gen_program.py), best of {args.repeat}")
    for stage_name, seconds in best.items():
        print(f"  {stage_name:<13} {seconds:8.3f} s  {lines / seconds:10,.0f} lines/s")
    if problem:
        print(f"  not measured further: {problem}")
    total = sum(best.values())
    complete = problem is None
    label = "front end" if complete else "so far"
    if best:
        print(f"  {label:<13} {total:8.3f} s  {lines / total:10,.0f} lines/s")
    if rustc is None:
        print("rustc: not installed, no comparison")
    else:
        print(f"rustc --emit=metadata {rustc:8.3f} s  {lines / rustc:10,.0f} lines/s")
        if complete and best:
            print(f"ratio: rustmem's front end takes {total / rustc:.1f}x rustc's time")
    return 0


if __name__ == "__main__":
    sys.exit(main())
