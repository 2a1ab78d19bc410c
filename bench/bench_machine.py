"""The machine's speed and memory, against the native tools and against CPython.

    python bench/bench_machine.py [--corpus DIR] [--repeat R] [--n N]

(a) time to a UB verdict: `rustmem run FILE` versus `rustc -g` + `valgrind --leak-check=full`
    on each file of the corpus's ub/ folder (target: rustmem <= 0.5x the native pipeline);
(b) MIR statements per second on a loop-heavy and a recursive call-heavy program, and the
    ratio of the machine's time (front end excluded, reported apart) to the same algorithm in
    plain Python under CPython (interpreter start-up excluded) (target: <= 10x slower);
(c) peak resident memory of those runs versus CPython running the Python version (target <= 3x).

Times are CPU seconds (user + system, from wait4 or process_time: the machines are shared, so
wall time would measure the neighbours), the best of R runs of whole commands (start-up
included); peak memory is the child's own `ru_maxrss`.
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

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

LOOP_RS = """
fn main() {
    let n: u64 = N;
    let mut total: u64 = 0;
    let mut i: u64 = 0;
    while i < n {
        if i % 3 == 0 {
            total = total + i * 2;
        } else {
            total = total + 1;
        }
        i += 1;
    }
    println!("{}", total);
}
"""
LOOP_PY = """
def main():
    n = N
    total = 0
    i = 0
    while i < n:
        if i % 3 == 0:
            total = total + i * 2
        else:
            total = total + 1
        i += 1
    print(total)
main()
"""
FIB_RS = """
fn fib(n: u64) -> u64 {
    if n < 2 { n } else { fib(n - 1) + fib(n - 2) }
}
fn main() {
    println!("{}", fib(N));
}
"""
FIB_PY = """
import sys
sys.setrecursionlimit(10000)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(N))
"""

# Runs one measurement in a fresh interpreter and reports its own steps/time/peak memory.
RUN_IN_CHILD = """
import resource, sys, time
sys.path.insert(0, {src!r})
from rustmem import api
from rustmem.machine import Options, run_program
src = open({path!r}).read()
t0 = time.process_time()
compiled = api.compile_source(src, {name!r})
t1 = time.process_time()
report = run_program(compiled.program, Options(max_steps=10**9))
t2 = time.process_time()
print(report.outcome, report.stats["steps"], t2 - t1, t1 - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def wall(cmd: list[str], cwd: str | None = None, timeout: float = 300) -> tuple[float, int, int]:
    """CPU seconds (user + system, so a busy machine does not distort it), exit status and
    peak RSS (KiB) of one command."""
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(p.pid, 0)
    return usage.ru_utime + usage.ru_stime, os.waitstatus_to_exitcode(status), usage.ru_maxrss


def best(cmd: list[str], repeat: int, cwd: str | None = None) -> tuple[float, int, int]:
    runs = [wall(cmd, cwd) for _ in range(repeat)]
    return min(r[0] for r in runs), runs[0][1], max(r[2] for r in runs)


def ub_verdicts(corpus: Path, repeat: int) -> None:
    print("(a) time to a UB verdict: rustmem run vs rustc -g + valgrind")
    files = sorted((corpus / "ub").glob("*.rs"))
    if not shutil.which("rustc") or not shutil.which("valgrind"):
        print("    rustc or valgrind missing: skipped")
        return
    rustmem = [PY, "-I", "-m", "rustmem.cli", "run"]
    total_ours = total_native = 0.0
    with tempfile.TemporaryDirectory() as tmp:
        for f in files:
            ours, status, _ = best(rustmem + [str(f)], repeat)
            exe = Path(tmp) / f.stem
            build, _, _ = wall(["rustc", "--edition", "2021", "-g", "-o", str(exe), str(f)])
            vg, _, _ = best(["valgrind", "--leak-check=full", "--error-exitcode=9", str(exe)], 1, tmp)
            native = build + vg
            total_ours += ours
            total_native += native
            print(f"    {f.name:55} rustmem {ours:6.3f}s (exit {status})  rustc+valgrind {native:6.3f}s  ratio {ours / native:5.2f}x")
    print(f"    total: rustmem {total_ours:.2f}s, rustc+valgrind {total_native:.2f}s, ratio {total_ours / max(total_native, 1e-9):.2f}x (target <= 0.5x)")


def child_run(path: Path) -> tuple[str, int, float, float, int]:
    """outcome, MIR steps, machine seconds, front-end seconds, peak RSS (KiB) of one run."""
    code = RUN_IN_CHILD.format(src=str(ROOT / "src"), path=str(path), name=path.name)
    out = subprocess.run([PY, "-I", "-c", code], capture_output=True, text=True, timeout=600)
    fields = (out.stdout.strip().splitlines() or ["error"])[-1].split()
    if len(fields) != 5:
        return "error", 0, 0.0, 0.0, 0
    return fields[0], int(fields[1]), float(fields[2]), float(fields[3]), int(fields[4])


def throughput(repeat: int, n_loop: int, n_fib: int) -> None:
    print("(b) MIR statements per second, and (c) peak memory, against CPython")
    startup, _, _ = best([PY, "-I", "-c", "pass"], repeat)
    with tempfile.TemporaryDirectory() as tmp:
        for label, rs, py, n in (("loop-heavy", LOOP_RS, LOOP_PY, n_loop), ("call-heavy (fib)", FIB_RS, FIB_PY, n_fib)):
            rs_path = Path(tmp) / "prog.rs"
            py_path = Path(tmp) / "prog.py"
            rs_path.write_text(rs.replace("N", str(n)))
            py_path.write_text(py.replace("N", str(n)))
            runs = [child_run(rs_path) for _ in range(repeat)]
            outcome, steps, secs, front, rss = min(runs, key=lambda r: r[2] or 1e9)
            py_total, _, py_rss = best([PY, "-I", str(py_path)], repeat)
            py_secs = max(py_total - startup, 1e-6)
            rate = steps / secs if secs else 0.0
            print(f"    {label:18} rustmem: {outcome}, {steps:,} MIR steps in {secs:.3f}s = {rate:,.0f} steps/s "
                  f"(front end {front:.2f}s); CPython {py_secs:.3f}s -> {secs / py_secs:.1f}x slower (target <= 10x)")
            print(f"    {'':18} peak RSS rustmem {rss / 1024:.1f} MiB, CPython {py_rss / 1024:.1f} MiB -> {rss / max(py_rss, 1):.1f}x (target <= 3x)")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", default="/work/shared/corpus")
    ap.add_argument("--repeat", type=int, default=3)
    ap.add_argument("--n", type=int, default=1_000_000, help="iterations of the loop program")
    ap.add_argument("--fib", type=int, default=25, help="argument of the recursive fib")
    ap.add_argument("--skip-ub", action="store_true")
    args = ap.parse_args()
    if not args.skip_ub:
        ub_verdicts(Path(args.corpus), args.repeat)
    throughput(args.repeat, args.n, args.fib)
    return 0


if __name__ == "__main__":
    sys.exit(main())
