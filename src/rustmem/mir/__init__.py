"""mir: the typed HIR (AST + `tcx.results`) in, `ir.Program` out — one MIR `Body` per
function, method and closure, with drops elaborated and regions renumbered.

    build_program(tcx) -> ir.Program
    pretty.format_program(program) -> str
"""
from __future__ import annotations

from typing import Any

from . import ir
from .build import ProgramContext, build_fn
from .finish import elaborate_drops, renumber_regions, simplify_cfg


def build_program(tcx: Any) -> ir.Program:
    """Build, elaborate and simplify the MIR of every user function with a body (and of the
    closures inside them)."""
    cx = ProgramContext(tcx)
    fns = tcx.user_fns.values() if isinstance(tcx.user_fns, dict) else tcx.user_fns
    for fn in fns:
        if fn.ast is not None and getattr(fn.ast, "body", None) is not None and fn.intrinsic is None:
            build_fn(cx, fn)
    for body in cx.program.bodies.values():
        finish_body(body, tcx)
    return cx.program


def finish_body(body: ir.Body, tcx: Any = None) -> None:
    simplify_cfg(body)
    elaborate_drops(body, tcx)
    simplify_cfg(body)
    renumber_regions(body)


__all__ = ["build_program", "finish_body", "ir"]
