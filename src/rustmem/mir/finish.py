"""The passes that run on a freshly built body, in order:

1. `elaborate_drops`: a `Drop` whose place is definitely uninitialised there (moved out on every
   path, or never assigned) becomes a `Goto` — rustc's drop elaboration for what is known
   statically; where initialisation is only known at run time the `Drop` stays and the
   machine's initialisation tracking acts as the drop flag.
2. `simplify_cfg`: drop unreachable blocks, shortcut empty `goto` chains, merge a block into
   its only predecessor, renumber (rustc's SimplifyCfg-initial).
3. `renumber_regions`: every region in the body gets a fresh inference variable, except the
   named (universal) regions of the signature in the argument and return types.
"""
from __future__ import annotations

import itertools
from typing import Any, Callable

from ..types import ty as T
from . import ir
from .dataflow import MaybeInit


def elaborate_drops(body: ir.Body, tcx: Any = None) -> None:
    flow = MaybeInit(body)
    for bb, data in enumerate(body.blocks):
        t = data.terminator
        if not isinstance(t, ir.Drop):
            continue
        state = flow.state_before_terminator(bb)
        if state is None or not flow.maybe_init(state, t.place, tcx):
            data.terminator = ir.Goto(t.span, t.target)


def map_successors(t: ir.Terminator, f: Callable[[int], int]) -> None:
    """Rewrite every successor block index of t through f."""
    if isinstance(t, ir.Goto):
        t.target = f(t.target)
    elif isinstance(t, ir.SwitchInt):
        t.targets = [f(x) for x in t.targets]
        t.otherwise = f(t.otherwise)
    elif isinstance(t, (ir.Drop, ir.Assert)):
        t.target = f(t.target)
        t.unwind = f(t.unwind) if t.unwind is not None else None
    elif isinstance(t, ir.Call):
        t.target = f(t.target) if t.target is not None else None
        t.unwind = f(t.unwind) if t.unwind is not None else None
    elif isinstance(t, ir.FalseEdge):
        t.real, t.imaginary = f(t.real), f(t.imaginary)
    elif isinstance(t, ir.FalseUnwind):
        t.real = f(t.real)
        t.unwind = f(t.unwind) if t.unwind is not None else None


def simplify_cfg(body: ir.Body) -> None:
    blocks = body.blocks

    def skip_empty(b: int) -> int:
        seen = set()
        while b not in seen and b != 0:
            data = blocks[b]
            if data.statements or not isinstance(data.terminator, ir.Goto):
                break
            seen.add(b)
            b = data.terminator.target
        return b

    for data in blocks:
        map_successors(data.terminator, skip_empty)
    preds = body.predecessors()
    for a, data in enumerate(blocks):
        while isinstance(data.terminator, ir.Goto):
            b = data.terminator.target
            if b == a or b == 0 or len(preds[b]) != 1 or blocks[b].is_cleanup != data.is_cleanup:
                break
            data.statements.extend(blocks[b].statements)
            data.terminator = blocks[b].terminator
            blocks[b].statements, blocks[b].terminator = [], ir.Unreachable(data.terminator.span)
            preds[b] = []
            for s in data.terminator.successors():
                preds[s] = [a if p == b else p for p in preds[s]]
    remove_unreachable(body)


def remove_unreachable(body: ir.Body) -> None:
    seen = [False] * len(body.blocks)
    order = [0]
    seen[0] = True
    for b in order:
        for s in body.blocks[b].terminator.successors():
            if not seen[s]:
                seen[s] = True
                order.append(s)
    new_index = {}
    kept = []
    for i, data in enumerate(body.blocks):
        if seen[i]:
            new_index[i] = len(kept)
            kept.append(data)
    for data in kept:
        map_successors(data.terminator, new_index.__getitem__)
    body.blocks = kept


def renumber_regions(body: ir.Body) -> None:
    counter = itertools.count()

    def fresh(_: T.Region) -> T.Region:
        return T.Region(var=next(counter))

    def keep_named(r: T.Region) -> T.Region:
        return r if r.name is not None else fresh(r)

    universal: list[T.Region] = []
    for i, decl in enumerate(body.locals):
        if i <= body.arg_count:
            decl.ty = T.fold(decl.ty, lambda t: None, keep_named)
            for t in T.walk(decl.ty):
                for r in regions_of(t):
                    if r.name is not None and r not in universal:
                        universal.append(r)
        else:
            decl.ty = T.fold(decl.ty, lambda t: None, fresh)
    for data in body.blocks:
        for st in data.statements:
            if isinstance(st, ir.Assign) and isinstance(st.rvalue, ir.Ref):
                st.rvalue = ir.Ref(fresh(st.rvalue.region), st.rvalue.kind, st.rvalue.place)
    body.universal_regions = universal


def regions_of(t: T.Ty) -> list[T.Region]:
    if isinstance(t, T.Ref):
        return [t.region]
    if isinstance(t, T.Adt):
        return list(t.regions)
    return []
