"""How a run stops early: undefined behaviour, a Rust panic, a resource limit, `process::exit`.

Every check in the machine raises one of these at the exact operation that breaks a rule.
`span` is filled in by the innermost compiled statement or terminator the exception passes
through (a memory operation deep inside an intrinsic does not know where it was called from).
"""
from __future__ import annotations

from typing import Any, Optional


class UbClass:
    """The UB classes rustmem reports (design.md): one name per kind of rule broken."""

    USE_AFTER_FREE = "use-after-free"
    DOUBLE_FREE = "double-free"
    LEAK = "leak"
    DANGLING_POINTER = "dangling-pointer"
    OUT_OF_BOUNDS = "out-of-bounds"
    UNINIT_READ = "uninit-read"
    INVALID_FREE = "invalid-free"
    ALIASING = "aliasing"


class MachineStop(Exception):
    """Base of everything that ends (or unwinds) a run; `span` is where it happened."""

    span: Any = None

    def at(self, span: Any) -> "MachineStop":
        if self.span is None:
            self.span = span
        return self


class UndefinedBehavior(MachineStop):
    """The program did something Rust leaves undefined.  `allocs` are the allocations the
    report should show the history of (where each was made and freed)."""

    def __init__(self, cls: str, message: str, allocs: tuple = (), span: Any = None) -> None:
        super().__init__(message)
        self.cls = cls
        self.message = message
        self.allocs = allocs
        self.span = span


class RustPanic(MachineStop):
    """A Rust panic in flight: `message` as `panic!` formats it, `span` the panicking location."""

    def __init__(self, message: str, span: Any = None) -> None:
        super().__init__(message)
        self.message = message
        self.span = span
        self.reported = False
        self.aborted = False  # a second panic during unwinding aborted the process


class LimitExceeded(MachineStop):
    """A resource limit (steps, stack, heap) stopped the run; `stderr` is what Rust would print
    (the stack overflow message) or rustmem's own explanation."""

    def __init__(self, what: str, message: str, stderr: Optional[str] = None, span: Any = None) -> None:
        super().__init__(message)
        self.what = what
        self.message = message
        self.stderr = stderr
        self.span = span


class ProgramExit(MachineStop):
    """`std::process::exit(code)`."""

    def __init__(self, code: int) -> None:
        super().__init__(f"exit {code}")
        self.code = code


class Unsupported(MachineStop):
    """The program reached a std function or construct the machine does not implement."""

    def __init__(self, what: str, span: Any = None) -> None:
        super().__init__(f"unsupported: {what}")
        self.message = f"unsupported: {what}"
        self.span = span
