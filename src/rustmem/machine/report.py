"""What a run produces: `Options` in, `Report` out (outcome, panic, UB, leaks, stats, output)."""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from typing import Any, Optional

EXIT_CODES = {"ok": 0, "panic": 101, "compile-error": 1, "ub": 2, "limit": 3}


@dataclass
class Options:
    """How to run a program.

    aliasing: "stacked" (Stacked Borrows, Miri's default), "tree" (Tree Borrows) or "none".
    tracer: an object with `event(kind: str, step: int, **data)`; None costs nothing.
    memory: the discipline that decides what frees (see `rustmem.memory`); None is ownership.
    check_leaks: report live heap allocations at exit as Miri does."""

    max_steps: int = 50_000_000
    max_stack_depth: int = 10_000
    max_stack_bytes: int = 8 * 1024 * 1024
    max_heap_bytes: int = 1 << 30
    aliasing: str = "stacked"
    check_leaks: bool = True
    tracer: Any = None
    memory: Any = None
    echo: bool = False  # also write the program's stdout/stderr to the real streams as it runs


@dataclass
class PanicInfo:
    message: str
    line: Optional[int]
    col: Optional[int] = None
    file: Optional[str] = None


@dataclass
class UbInfo:
    cls: str
    message: str
    line: Optional[int]
    col: Optional[int] = None
    file: Optional[str] = None


@dataclass
class Leak:
    alloc: int
    size: int
    ty: str
    line: Optional[int]
    col: Optional[int] = None


@dataclass
class Report:
    """The result of one run.  `to_json()` is the `--report` file's object (design.md)."""

    outcome: str  # "ok" | "panic" | "ub" | "limit"
    stdout: str = ""
    stderr: str = ""
    panic: Optional[PanicInfo] = None
    ub: Optional[UbInfo] = None
    leaks: list[Leak] = field(default_factory=list)
    stats: dict[str, Any] = field(default_factory=dict)
    limit: Optional[str] = None  # which limit, for outcome "limit"
    diagnostics: list = field(default_factory=list)  # outcome "compile-error": why it could not run
    exit_code_override: Optional[int] = None  # process::exit(n)

    @property
    def exit_code(self) -> int:
        """The CLI's exit status: 0 ok, 101 panic, 2 UB, 3 limit (or process::exit's code)."""
        if self.exit_code_override is not None and self.outcome in ("ok", "panic"):
            return self.exit_code_override
        return EXIT_CODES[self.outcome]

    def to_json(self) -> dict[str, Any]:
        out: dict[str, Any] = {"outcome": self.outcome}
        out["panic"] = {"message": self.panic.message, "line": self.panic.line} if self.panic else None
        out["ub"] = {"class": self.ub.cls, "message": self.ub.message, "line": self.ub.line} if self.ub else None
        out["leaks"] = [asdict(leak) for leak in self.leaks]
        out["stats"] = dict(self.stats)
        if self.limit:
            out["limit"] = self.limit
        if self.diagnostics:
            from ..render.diagnostics import json_object
            out["diagnostics"] = [json_object(d) for d in self.diagnostics]
        return out

    def dumps(self) -> str:
        return json.dumps(self.to_json(), indent=2)
