"""The borrow checker: MIR bodies in, rustc's borrowck errors out.

`check_program(program, polonius=False) -> list[Diagnostic]` checks every body of a
`mir.ir.Program`: moves and initialisation (E0381, E0382, E0507-E0509), mutability (E0384,
E0594, E0596), NLL borrows (E0499, E0502, E0503, E0505, E0506, E0597, E0716, E0515, E0713,
the closure forms) and signatures ("lifetime may not live long enough", E0621).  With
polonius=True loans are tracked location-sensitively (polonius.py).  `facts.format_facts`
prints what the analyses computed.

The modules, in the order a body goes through them: `places` (types and names of places),
`dataflow` (the one engine), `move_paths` and `init` (initialisation), `liveness`, `regions`
(NLL constraints and their solution), `loans` and `conflicts` (borrows in scope, which
accesses they forbid), `check` and `check_moves` (the walk that reports), `later_use` (why a
borrow is still live), `errors` (every sentence), `polonius`, `facts`.
"""
from __future__ import annotations

from ..diagnostics import Diagnostic
from ..mir import ir


def check_body(body: ir.Body, program: ir.Program | None = None, polonius: bool = False) -> list[Diagnostic]:
    """The borrowck errors of one body, in the order rustc reports them."""
    from .check import BodyCheck
    from .places import BodyInfo
    info = BodyInfo(body, program.tcx if program is not None else None, program)
    return BodyCheck(info, polonius).run()


def check_program(program: ir.Program, polonius: bool = False) -> list[Diagnostic]:
    """Every body's errors: functions in source order, each closure checked with its parent."""
    diags: list[Diagnostic] = []
    bodies = sorted(program.bodies.values(), key=lambda b: (b.span.lo if b.span is not None else 0))
    for body in bodies:
        diags.extend(check_body(body, program, polonius))
    diags.sort(key=lambda d: _order(d))
    return diags


def _order(d: Diagnostic) -> tuple:
    p = d.primary
    return (p.span.lo,) if p is not None else (0,)
