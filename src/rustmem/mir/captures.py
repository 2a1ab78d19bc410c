"""Closure bodies: places of captured variables onto the closure's environment.

A closure body is lowered with each captured variable standing in as a local of its own;
`resolve_captures` then rewrites every place rooted at a stand-in onto the environment
field of the captured place it lies within (with `p.pos` captured by reference in a `Fn`
closure, `p.pos.x` becomes `(*((*_1).0)).x`), and removes the stand-ins.  A place that is
only an ancestor of captured places (a `FakeRead` of the whole variable when only some of
its fields are captured), or of none (`let _ = x;` captures nothing), has no value in the
closure: its statement is dropped, as rustc's `PlaceBuilder::try_to_place` does.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import unsupported
from ..records import fields, is_record, replace
from ..source import Span
from ..types import ty as T
from . import ir

Captures = dict[ir.Local, list[tuple[tuple[ir.ProjElem, ...], ir.Place]]]


def resolve_captures(body: ir.Body, stand_ins: Captures) -> None:
    """Rewrite body's places rooted at the stand-in locals (keys of stand_ins: each captured
    place's projection from the variable, and the environment place that holds it), then
    delete the stand-ins from body.locals, renumbering the locals after them."""
    if not stand_ins:
        return
    removed = sorted(stand_ins)
    shift = {}
    for local in range(len(body.locals)):
        if local not in stand_ins:
            shift[local] = local - sum(1 for r in removed if r < local)
    rewriter = _Rewriter(stand_ins, shift)
    for bb in body.blocks:
        statements = []
        for st in bb.statements:
            new = rewriter.visit(st)
            if rewriter.unresolved is not None:
                if not isinstance(st, ir.FakeRead):
                    raise unsupported(st.span, "this use of a variable the closure captures only in part")
                rewriter.unresolved = None
                continue
            statements.append(new)
        bb.statements = statements
        if bb.terminator is not None:
            bb.terminator = rewriter.visit(bb.terminator)
            if rewriter.unresolved is not None:
                raise unsupported(bb.terminator.span, "this use of a variable the closure captures only in part")
    body.locals[:] = [decl for i, decl in enumerate(body.locals) if i not in stand_ins]


class _Rewriter:
    def __init__(self, stand_ins: Captures, shift: dict[int, int]) -> None:
        self.stand_ins = stand_ins
        self.shift = shift
        self.unresolved: Optional[ir.Place] = None

    def place(self, place: ir.Place) -> ir.Place:
        proj = tuple(ir.IndexProj(self.shift[e.local]) if isinstance(e, ir.IndexProj) else e for e in place.projection)
        captured = self.stand_ins.get(place.local)
        if captured is None:
            return ir.Place(self.shift[place.local], proj)
        for path, env_place in captured:
            if len(path) <= len(proj) and all(_same(a, b) for a, b in zip(path, proj)):
                return ir.Place(env_place.local, env_place.projection + proj[len(path):])
        self.unresolved = place
        return place

    def visit(self, obj: Any) -> Any:
        if isinstance(obj, ir.Place):
            return self.place(obj)
        if isinstance(obj, list):
            return [self.visit(x) for x in obj]
        if isinstance(obj, tuple):
            return tuple(self.visit(x) for x in obj)
        if isinstance(obj, (ir.StorageLive, ir.StorageDead)):
            return replace(obj, local=self.shift[obj.local])
        if not is_record(obj) or isinstance(obj, (T.Ty, Span, ir.Constant, ir.Promoted, ir.AggregateKind)):
            return obj
        changes = {}
        for name in fields(obj):
            value = getattr(obj, name)
            new = self.visit(value)
            if new is not value:
                changes[name] = new
        return replace(obj, **changes) if changes else obj


def _same(a: ir.ProjElem, b: ir.ProjElem) -> bool:
    if isinstance(a, ir.Deref):
        return isinstance(b, ir.Deref)
    return isinstance(a, ir.FieldProj) and isinstance(b, ir.FieldProj) and a.index == b.index
