"""Differential runs: random programs built natively by rustc and run by `rustmem run`.

    python tools/difftest_run.py [--count 1000] [--seed 0] [--jobs 2] [--shrink 8]
                                 [--work /tmp/rustmem-difftest] [--cli PATH] [--recheck]

For each seed, `difftest_gen.generate(seed)` writes a program; rustc builds it (debug, so
overflow checks are on, as `rustmem run` assumes) and the binary runs; `rustmem run` runs the
same file.  A program agrees when stdout and exit status are identical.  The report gives the
agreement rate, the disagreements grouped by kind (rustmem rejects the program, crashes,
exits differently, prints something else) and, for the first few kinds, the program shrunk
to the fewest statements that still disagree in the same way (written under --work).

Native results are cached under --work by the program's hash, so a rerun after a rustmem
change only pays for rustmem.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import re
import shutil
import subprocess
import sys
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Callable, Optional

sys.path.insert(0, str(Path(__file__).resolve().parent))
from difftest_gen import Node, Program, generate  # noqa: E402

NATIVE_TIMEOUT = 10.0
RUSTMEM_TIMEOUT = 60.0
TIMEOUT_STATUS = -9


@dataclass
class Outcome:
    """What one run printed and how it ended (status TIMEOUT_STATUS for a timeout)."""

    stdout: str
    status: int
    stderr: str = ""


def _run(cmd: list[str], timeout: float) -> Outcome:
    try:
        proc = subprocess.run(cmd, capture_output=True, timeout=timeout)
    except subprocess.TimeoutExpired as exc:
        out = exc.stdout or b""
        return Outcome(out.decode("utf-8", "replace"), TIMEOUT_STATUS, "timeout")
    return Outcome(proc.stdout.decode("utf-8", "replace"), proc.returncode,
                   proc.stderr.decode("utf-8", "replace"))


def native(source: str, work: Path) -> Optional[Outcome]:
    """Build with rustc and run; None when rustc rejects the program."""
    digest = hashlib.sha256(source.encode()).hexdigest()[:20]
    cached = work / "native" / f"{digest}.json"
    if cached.exists():
        data = json.loads(cached.read_text())
        return None if data is None else Outcome(**data)
    cached.parent.mkdir(parents=True, exist_ok=True)
    src = work / "native" / f"{digest}.rs"
    exe = work / "native" / digest
    src.write_text(source)
    build = subprocess.run(["rustc", "--edition", "2021", "-A", "warnings", "-o", str(exe), str(src)],
                           capture_output=True)
    result = None if build.returncode != 0 else _run([str(exe)], NATIVE_TIMEOUT)
    if exe.exists():
        exe.unlink()
    src.unlink()
    cached.write_text(json.dumps(None if result is None else asdict(result)))
    return result


def rustmem(source: str, path: Path, cli: list[str]) -> Outcome:
    path.write_text(source)
    return _run(cli + ["run", str(path)], RUSTMEM_TIMEOUT)


def _normalise(message: str) -> str:
    """A message with names and numbers blanked, so that like failures group together."""
    parts = re.split(r"(`[^`]*`)", message)
    for i, part in enumerate(parts):
        if part.startswith("`"):  # keep types and keywords, blank the generated names
            parts[i] = re.sub(r"\b[a-z]\d+\b", "_", part)
        else:
            parts[i] = re.sub(r"\d+", "N", part)
    return "".join(parts).strip()[:120]


def rustmem_failure(actual: Outcome) -> Optional[str]:
    """The kind of failure when rustmem itself failed (timed out, crashed, rejected the
    program), which is a disagreement whatever the native run did; else None."""
    err = actual.stderr
    if actual.status == TIMEOUT_STATUS:
        return "rustmem timed out"
    if "Traceback (most recent call last)" in err:
        last = [line for line in err.strip().splitlines() if line.strip()][-1]
        return "rustmem crashed: " + _normalise(last)
    ice = re.search(r"internal compiler error: (.*)", err)
    if ice:
        return "rustmem crashed: " + ice.group(1).strip()[:120]
    if actual.status == 1:
        first = next((line for line in err.splitlines() if line.startswith("error")), err[:80])
        return "rustmem rejects: " + _normalise(first)
    return None


def disagreement(expected: Outcome, actual: Outcome) -> Optional[str]:
    """None when the runs agree, else the kind of disagreement."""
    if expected.stdout == actual.stdout and expected.status == actual.status:
        return None
    failure = rustmem_failure(actual)
    if failure:
        return failure
    if expected.status != actual.status:
        first = next((line for line in actual.stderr.splitlines() if line.strip()), "")
        return f"exit {expected.status} vs rustmem {actual.status}: " + _normalise(first)
    return "stdout differs: " + _first_difference(expected.stdout, actual.stdout)


def _first_difference(a: str, b: str) -> str:
    al, bl = a.splitlines(), b.splitlines()
    for i, (x, y) in enumerate(zip(al, bl)):
        if x != y:
            return f"line {i + 1}: {x[:50]!r} vs {y[:50]!r}"
    return f"{len(al)} lines vs {len(bl)} lines"


def kind_family(kind: str) -> str:
    """The part of a kind that must stay the same while shrinking."""
    return kind.split(": line")[0] if kind.startswith("stdout differs") else kind


# ---------------------------------------------------------------- shrinking

class _Shrinker:
    """Delta debugging over the node tree: drop runs of siblings (halves first, then
    smaller), unwrap blocks into their bodies, then descend into what is left."""

    def __init__(self, program: Program, still_fails: Callable[[str], bool], budget: int) -> None:
        self.program = program
        self.still_fails = still_fails
        self.budget = budget

    def attempt(self) -> bool:
        if self.budget <= 0:
            return False
        self.budget -= 1
        return self.still_fails(self.program.render())

    def shrink_list(self, nodes: list[Node]) -> None:
        size = max(1, len(nodes) // 2)
        while size >= 1 and self.budget > 0:
            i = 0
            while i < len(nodes) and self.budget > 0:
                removed = nodes[i : i + size]
                del nodes[i : i + size]
                if not self.attempt():
                    nodes[i:i] = removed
                    i += size
            size //= 2
        i = 0
        while i < len(nodes) and self.budget > 0:
            node = nodes[i]
            if node.parts:
                inner = [child for _, body in node.parts for child in body]
                nodes[i : i + 1] = inner
                if self.attempt():
                    self.shrink_list(nodes)  # the list changed shape: start it over
                    return
                nodes[i : i + len(inner)] = [node]
                for _, body in node.parts:
                    self.shrink_list(body)
            i += 1


def shrink(program: Program, still_fails: Callable[[str], bool], budget: int = 150) -> Program:
    """The program with as many nodes removed as `still_fails` allows (within `budget` tries)."""
    shrinker = _Shrinker(program, still_fails, budget)
    before = None
    while shrinker.budget > 0 and before != program.render():  # until a pass changes nothing
        before = program.render()
        shrinker.shrink_list(program.items)
    return program


# ---------------------------------------------------------------- the comparison

@dataclass
class Result:
    seed: int
    kind: Optional[str]  # None: agreement; "rustc rejects" when the generator erred


def check_seed(seed: int, work: Path, cli: list[str]) -> Result:
    source = generate(seed).render()
    expected = native(source, work)
    if expected is None:
        return Result(seed, "rustc rejects the generated program")
    actual = rustmem(source, work / "rustmem" / f"seed{seed}.rs", cli)
    return Result(seed, disagreement(expected, actual))


def rustc_accepts(source: str, work: Path) -> bool:
    """rustc's verdict alone (`--emit=metadata` runs the same checks and lints, without codegen)."""
    digest = hashlib.sha256(source.encode()).hexdigest()[:20]
    cached = work / "verdicts" / digest
    if cached.exists():
        return cached.read_text() == "ok"
    cached.parent.mkdir(parents=True, exist_ok=True)
    src = cached.with_suffix(".rs")
    src.write_text(source)
    check = subprocess.run(["rustc", "--edition", "2021", "--emit=metadata", "-A", "warnings",
                            "-o", str(cached.with_suffix(".rmeta")), str(src)], capture_output=True)
    src.unlink()
    cached.with_suffix(".rmeta").unlink(missing_ok=True)
    cached.write_text("ok" if check.returncode == 0 else "rejected")
    return check.returncode == 0


SHRINK_SECONDS = 300.0


def shrink_seed(seed: int, kind: str, work: Path, cli: list[str]) -> str:
    """Shrink the program of `seed` while it still disagrees in the same way as `kind`."""
    family = kind_family(kind)
    scratch = work / "rustmem" / f"shrink{seed}.rs"
    deadline = time.time() + SHRINK_SECONDS
    needs_native = not family.startswith(("rustmem crashed", "rustmem rejects", "rustmem timed out"))

    def still_fails(source: str) -> bool:
        if time.time() > deadline or not rustc_accepts(source, work):
            return False
        actual = rustmem(source, scratch, cli)
        if needs_native:
            expected = native(source, work)
            found = disagreement(expected, actual) if expected is not None else None
        else:  # rustmem failing on a program rustc accepts needs no native run
            found = rustmem_failure(actual)
        return found is not None and kind_family(found) == family

    small = shrink(generate(seed), still_fails, budget=400).render()
    (work / "shrunk").mkdir(exist_ok=True)
    (work / "shrunk" / f"seed{seed}.rs").write_text(small)
    return small


def default_cli() -> list[str]:
    venv = Path(__file__).resolve().parent.parent / ".venv" / "bin" / "rustmem"
    if venv.exists():
        return [str(venv)]
    found = shutil.which("rustmem")
    return [found] if found else [sys.executable, "-m", "rustmem.cli"]


REJECTED = "rustc rejects the generated program"


def run_seeds(seeds: list[int], work: Path, cli: list[str], jobs: int) -> list[Result]:
    results: list[Result] = []
    with ThreadPoolExecutor(max_workers=jobs) as pool:
        for result in pool.map(lambda s: check_seed(s, work, cli), seeds):
            results.append(result)
            if len(results) % 50 == 0:
                same = sum(1 for r in results if r.kind is None)
                print(f"  {len(results)} run, {same} identical", file=sys.stderr, flush=True)
    return results


def report(results: list[Result], seconds: float, shrink_kinds: int, work: Path, cli: list[str]) -> None:
    """Print the agreement rate, the kinds of disagreement, and shrunk examples of the commonest."""
    rejected = [r for r in results if r.kind == REJECTED]
    compared = [r for r in results if r.kind != REJECTED]
    agreed = sum(1 for r in compared if r.kind is None)
    print(f"{len(compared)} programs compared, {agreed} identical "
          f"({100.0 * agreed / max(1, len(compared)):.1f}%) in {seconds:.0f}s")
    if rejected:
        print(f"{len(rejected)} generated programs rustc rejected (a generator bug): "
              + ", ".join(str(r.seed) for r in rejected[:10]))
    families = Counter(kind_family(r.kind) for r in compared if r.kind)
    examples: dict[str, Result] = {}
    for r in compared:
        if r.kind and kind_family(r.kind) not in examples:
            examples[kind_family(r.kind)] = r
    for family, n in families.most_common():
        example = examples[family]
        detail = "" if example.kind == family else f": {example.kind[len(family) + 2:]}"
        print(f"{n:5d}  {family}  (e.g. seed {example.seed}{detail})")
    for family, _ in families.most_common(shrink_kinds):
        example = examples[family]
        print(f"\n--- seed {example.seed}, shrunk: {example.kind}")
        print(shrink_seed(example.seed, example.kind or "", work, cli))


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--count", type=int, default=1000)
    ap.add_argument("--seed", type=int, default=0, help="first seed")
    ap.add_argument("--jobs", type=int, default=2)
    ap.add_argument("--shrink", type=int, default=8, help="shrink one example of this many kinds")
    ap.add_argument("--work", type=Path, default=Path("/tmp/rustmem-difftest"))
    ap.add_argument("--cli", nargs="+", default=None, help="the rustmem command (default: the venv's)")
    ap.add_argument("--recheck", action="store_true",
                    help="rerun only the seeds that disagreed in the last run's results.json")
    args = ap.parse_args(argv)
    if shutil.which("rustc") is None:
        print("rustc is not installed: nothing to compare with", file=sys.stderr)
        return 2
    cli = args.cli or default_cli()
    (args.work / "rustmem").mkdir(parents=True, exist_ok=True)
    started = time.time()
    previous: dict[int, Optional[str]] = {}
    if args.recheck:
        previous = {int(k): v for k, v in json.loads((args.work / "results.json").read_text()).items()}
        seeds = [s for s, kind in previous.items() if kind]
    else:
        seeds = list(range(args.seed, args.seed + args.count))
    fresh = {r.seed: r for r in run_seeds(seeds, args.work, cli, args.jobs)}
    results = [fresh.get(s) or Result(s, kind) for s, kind in previous.items()] or list(fresh.values())
    (args.work / "results.json").write_text(json.dumps({r.seed: r.kind for r in results}, indent=0))
    report(results, time.time() - started, args.shrink, args.work, cli)
    return 0


if __name__ == "__main__":
    sys.exit(main())
