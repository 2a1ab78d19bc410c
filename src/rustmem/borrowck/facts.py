"""The borrow checker's facts, printed per function — how a wrong verdict is debugged by reading.

Polonius-style relations computed from MIR (points are `bbN[i]`, origins `'?N` or the
lifetime's name, loans `L#N`, move paths by place):

    cfg_edge(P, Q)                 var_used_at(x, P)      var_defined_at(x, P)
    var_dropped_at(x, P)           path_moved_at(path, P) path_assigned_at(path, P)
    loan_issued_at(O, L, P)        loan_killed_at(L, P)   subset(O1, O2, P | *)
    loan_place(L, place, kind)     origin_value(O, points)

plus, after inference, each loan's region value (the points where it is live).
"""
from __future__ import annotations

from ..mir import ir
from .dataflow import Location, bits


def _point(loc: Location) -> str:
    return f"bb{loc[0]}[{loc[1]}]"


def format_facts(program: ir.Program) -> str:
    from .check import BodyCheck
    from .liveness import def_use
    from .places import BodyInfo

    out: list[str] = []
    bodies = sorted(program.bodies.values(), key=lambda b: b.span.lo if b.span is not None else 0)
    for body in bodies:
        info = BodyInfo(body, program.tcx, program)
        cx = BodyCheck(info)
        pts, rcx, md = info.points, cx.rcx, cx.md
        out.append(f"fn {body.name}:")

        def row(rel: str, *args: object) -> None:
            out.append(f"  {rel}({', '.join(str(a) for a in args)})")

        def local(n: int) -> str:
            name = info.local_name(n)
            return f"_{n}" + (f" ({name})" if name else "")

        def place(p: ir.Place) -> str:
            return info.describe(p) or f"_{p.local}" + "".join(f".{e}" for e in p.projection)

        for b in pts.blocks():
            n = len(body.blocks[b].statements)
            for i in range(n + 1):
                for s in pts.successors((b, i)):
                    row("cfg_edge", _point((b, i)), _point(s))
        for b in pts.blocks():
            for i in range(len(body.blocks[b].statements) + 1):
                loc = (b, i)
                for n, kind in def_use(pts.element(loc)):
                    rel = {"use": "var_used_at", "def": "var_defined_at", "drop": "var_dropped_at"}[kind]
                    row(rel, local(n), _point(loc))
                for m in md.moves_at.get(loc, ()):
                    mv = md.moves[m]
                    if mv.kind == "move":
                        row("path_moved_at", place(md.paths[mv.path].place), _point(loc))
                for i2 in md.inits_at.get(loc, ()):
                    row("path_assigned_at", place(md.paths[md.inits[i2].path].place), _point(loc))
        for loan in cx.loans.loans:
            row("loan_issued_at", rcx.name(loan.region), f"L#{loan.index}", _point(loan.loc))
            row("loan_place", f"L#{loan.index}", place(loan.place), loan.kind)
        if hasattr(cx.scopes, "before"):
            for loc, mask in sorted(cx.scopes.before.items()):
                for li in bits(mask):
                    row("loan_killed_at", f"L#{li}", _point(loc))
        for c in rcx.constraints:
            at = _point(c.loc) if c.loc is not None else "*"
            row("subset", rcx.name(c.sup), rcx.name(c.sub), at)  # the loans of the first flow into the second
        for loan in cx.loans.loans:
            points = [_point(pts.location(p)) for p in bits(rcx.values[loan.region])]
            row("loan_live_at", f"L#{loan.index}", "{" + ", ".join(points) + "}")
        out.append("")
    return "\n".join(out)
