"""The machine: MIR in, a run out.

    run_program(program: mir.ir.Program, options: Options) -> Report

Executes `main` on an explicit stack of frames and a heap of allocations with provenance
(memory.py), detecting undefined behaviour as Miri does (use-after-free, double free,
leaks, dangling pointers, out-of-bounds, uninitialised reads, invalid frees, Stacked/Tree
Borrows aliasing violations), with Rust's panics and unwinding, resource limits, and an
optional event trace.  Bodies are compiled once into Python closures (compile.py); the std
library's behaviour lives in `intrinsics/`; `fmt.py` is Rust's `core::fmt` runtime.
"""
from __future__ import annotations

from .report import Options, Report
from .run import run_program

__all__ = ["Options", "Report", "run_program"]
