"""`rustmem check` against rustc, as a user waits for them: whole commands, start-up included.

    python bench/bench_check.py [--sizes 1000,10000,50000] [--repeat R] [--timeout S]

1. a 100-line and a 10,000-line borrow-heavy program (bench/gen_program.py): wall time and
   peak resident memory of `rustmem check FILE` and of `rustc --emit=metadata FILE`;
2. time per line of `rustmem check` on programs of each of --sizes lines.

Times are the best of R runs (wall time, and the child's user + system CPU time, which
varies less on a shared machine); peak memory is the child's own `ru_maxrss` (from wait4).
rustmem's bytecode is compiled first, as an installation has it.
`rustmem check` exits 1 while a stage is missing or when it rejects the program: the figure
is printed with that status and the first line of its error, so it is never silently wrong.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from gen_program import generate  # noqa: E402

def rustmem_cmd() -> list[str]:
    """`rustmem check` as a user runs it: the installed console script (or, without one,
    the same entry point through this interpreter)."""
    script = os.path.join(os.path.dirname(sys.executable), "rustmem")
    if os.path.exists(script):
        return [script, "check"]
    return [sys.executable, "-c", "import sys; from rustmem.cli import main; sys.exit(main())", "check"]


def precompile() -> None:
    """Write rustmem's bytecode (`.pyc`) as an installation has it.  Without it every run
    would compile every module again, which is not what a user waits for; the environment
    may set PYTHONDONTWRITEBYTECODE, so it is unset for this one command."""
    import rustmem

    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    subprocess.run([sys.executable, "-m", "compileall", "-q", os.path.dirname(rustmem.__file__)],
                   env=env, stdout=subprocess.DEVNULL, check=False)


RUSTMEM = rustmem_cmd()


@dataclass
class Measure:
    seconds: float
    peak_kib: int
    status: int
    first_error: str = ""
    cpu: float = 0.0  # user + system CPU seconds of the same run: steadier on a shared machine

    def describe(self) -> str:
        text = f"{self.seconds:7.3f} s  (cpu {self.cpu:7.3f} s)  {self.peak_kib / 1024:7.1f} MiB"
        if self.status not in (0, None):
            text += f"  (exit {self.status}: {self.first_error})"
        return text


def measure(cmd: list[str], repeat: int, timeout: float) -> Measure | None:
    """Best wall time and largest peak RSS of CMD over REPEAT runs (None: it timed out)."""
    times, cpus, peaks = [], [], []
    status, first = 0, ""
    for _ in range(repeat):
        with tempfile.TemporaryFile() as err:
            start = time.perf_counter()
            proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err)
            killer = threading.Timer(timeout, proc.kill)
            killer.start()
            _, wait_status, usage = os.wait4(proc.pid, 0)  # wait4: this child's own rusage
            elapsed = time.perf_counter() - start
            killer.cancel()
            proc.returncode = status = os.waitstatus_to_exitcode(wait_status)
            if elapsed >= timeout:
                return None
            err.seek(0)
            first = next((line.strip() for line in err.read().decode(errors="replace")
                          .splitlines() if line.startswith("error")), "")
        times.append(elapsed)
        cpus.append(usage.ru_utime + usage.ru_stime)
        peaks.append(usage.ru_maxrss)
    return Measure(min(times), max(peaks), status, first, min(cpus))


def rustc_cmd(path: str, out_dir: str) -> list[str] | None:
    rustc = shutil.which("rustc")
    if rustc is None:
        return None
    return [rustc, "--edition", "2021", "--emit=metadata", "-o",
            os.path.join(out_dir, "out.rmeta"), path]


def write_program(directory: str, lines: int) -> tuple[str, int]:
    text = generate(lines)
    path = os.path.join(directory, f"generated_{lines}.rs")
    Path(path).write_text(text, encoding="utf-8")
    return path, text.count("\n")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,10000,50000",
                        help="comma-separated program sizes for the time-per-line table")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--timeout", type=float, default=600,
                        help="give up on one command after this many seconds")
    args = parser.parse_args()
    sizes = [int(s) for s in args.sizes.split(",") if s]

    precompile()
    with tempfile.TemporaryDirectory() as tmp:
        print(f"`rustmem check` vs `rustc --emit=metadata`, best of {args.repeat}:")
        for lines in (100, 10_000):
            path, actual = write_program(tmp, lines)
            ours = measure(RUSTMEM + [path], args.repeat, args.timeout)
            cmd = rustc_cmd(path, tmp)
            theirs = measure(cmd, args.repeat, args.timeout) if cmd else None
            print(f"  {actual:>6} lines  rustmem {ours.describe() if ours else 'timed out'}")
            if cmd is None:
                print("                rustc   not installed")
            else:
                print(f"                rustc   {theirs.describe() if theirs else 'timed out'}")
                if ours and theirs and ours.status == 0:
                    print(f"                ratio   {ours.seconds / theirs.seconds:.1f}x")

        print("time per line of `rustmem check`:")
        for lines in sizes:
            path, actual = write_program(tmp, lines)
            ours = measure(RUSTMEM + [path], 1, args.timeout)
            if ours is None:
                print(f"  {actual:>6} lines  timed out after {args.timeout:.0f} s")
                continue
            per_line = ours.seconds / actual * 1e6
            print(f"  {actual:>6} lines  {ours.describe()}  {per_line:8.1f} us/line")
    return 0


if __name__ == "__main__":
    sys.exit(main())
