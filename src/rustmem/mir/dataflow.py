"""Move paths and the maybe-initialised analysis, as rustc_mir_dataflow's `MaybeInitializedPlaces`.

A *move path* is a place without `Deref` that the body moves from, assigns to or drops, or
a local.  The state at a point is a bitset (a Python int; bit i = move path i may be
initialised).  Assigning a place initialises its whole subtree; moving it, dropping it, or
`StorageDead`/`StorageLive` of its local de-initialises the subtree.  The analysis is a
forward union over the CFG run to a fixpoint; `drop elaboration` and the borrow checker's
move errors both read it.

Written for speed deliberately: states are ints, transfer functions precomputed masks.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from ..types import ty as T
from . import ir


class MovePaths:
    """The move paths of a body: index by place, the subtree mask of each, the tree."""

    def __init__(self, body: ir.Body) -> None:
        self.places: list[ir.Place] = []
        self.index: dict[ir.Place, int] = {}
        for local in range(len(body.locals)):
            self._add(ir.Place(local))
        for place in body_places(body):
            self._add(place)
        self.children: list[list[int]] = [[] for _ in self.places]
        self.subtree: list[int] = [1 << i for i in range(len(self.places))]
        for i, place in enumerate(self.places):
            parent = self.parent(place)
            if parent is not None:
                self.children[self.index[parent]].append(i)
        for i in sorted(range(len(self.places)), key=lambda i: -len(self.places[i].projection)):
            for c in self.children[i]:
                self.subtree[i] |= self.subtree[c]

    def _add(self, place: ir.Place) -> None:
        if place in self.index:  # and so are its prefixes, added with it
            return
        if any(isinstance(e, (ir.Deref, ir.IndexProj)) for e in place.projection):
            return
        for prefix in reversed(list(place.prefixes())):
            if prefix not in self.index:
                self.index[prefix] = len(self.places)
                self.places.append(prefix)

    def parent(self, place: ir.Place) -> Optional[ir.Place]:
        if not place.projection:
            return None
        return ir.Place(place.local, place.projection[:-1])

    def mask(self, place: ir.Place) -> int:
        """Bits of place and everything inside it (0 for places that are not move paths)."""
        i = self.index.get(place)
        return self.subtree[i] if i is not None else 0


def body_places(body: ir.Body) -> Iterator[ir.Place]:
    for bb in body.blocks:
        for st in bb.statements:
            if isinstance(st, ir.Assign):
                yield st.place
                yield from moved_places(st.rvalue)
        t = bb.terminator
        if isinstance(t, ir.Drop):
            yield t.place
        elif isinstance(t, ir.Call):
            yield t.destination
            for op in [t.func, *t.args]:
                if isinstance(op, ir.Move):
                    yield op.place


def moved_places(rv: ir.Rvalue) -> Iterator[ir.Place]:
    ops: tuple = ()
    if isinstance(rv, (ir.Use, ir.Repeat, ir.Cast, ir.UnaryOp, ir.ShallowInitBox)):
        ops = (rv.operand,)
    elif isinstance(rv, (ir.BinaryOp, ir.CheckedBinaryOp)):
        ops = (rv.lhs, rv.rhs)
    elif isinstance(rv, ir.Aggregate):
        ops = rv.operands
    for op in ops:
        if isinstance(op, ir.Move):
            yield op.place


class MaybeInit:
    """Maybe-initialised move paths at every block entry (`entry[bb]`)."""

    def __init__(self, body: ir.Body, paths: Optional[MovePaths] = None) -> None:
        self.body = body
        self.paths = paths or MovePaths(body)
        start = 0
        for local in body.args():
            start |= self.paths.mask(ir.Place(local))
        self.entry: list[Optional[int]] = [None] * len(body.blocks)
        self.entry[0] = start
        # each block's statements as one transfer function, state & ~kill | gen, computed once
        # however often the fixpoint revisits the block
        summaries = [self._block_summary(bb.statements) for bb in body.blocks]
        work = [0]
        while work:
            bb = work.pop()
            kill, gen = summaries[bb]
            state = (self.entry[bb] & ~kill) | gen  # type: ignore[operator]
            for succ, out in self.terminator_effect(state, body.blocks[bb].terminator):
                old = self.entry[succ]
                new = out if old is None else old | out
                if new != old:
                    self.entry[succ] = new
                    work.append(succ)

    def _block_summary(self, statements: list[ir.Statement]) -> tuple[int, int]:
        """(kill, gen) of a run of statements: their effect is state & ~kill | gen."""
        m = self.paths.mask
        kill = gen = 0
        for st in statements:
            if isinstance(st, ir.Assign):
                for p in moved_places(st.rvalue):
                    k = m(p)
                    kill |= k
                    gen &= ~k
                g = m(st.place)
                gen |= g
                kill &= ~g
            elif isinstance(st, (ir.StorageDead, ir.StorageLive)):
                k = m(ir.Place(st.local))
                kill |= k
                gen &= ~k
        return kill, gen

    def statement_effect(self, state: int, st: ir.Statement) -> int:
        m = self.paths.mask
        if isinstance(st, ir.Assign):
            for p in moved_places(st.rvalue):
                state &= ~m(p)
            return state | m(st.place)
        if isinstance(st, (ir.StorageDead, ir.StorageLive)):
            return state & ~m(ir.Place(st.local))
        return state

    def terminator_effect(self, state: int, t: Any) -> list[tuple[int, int]]:
        """(successor, state on that edge) pairs."""
        m = self.paths.mask
        if isinstance(t, ir.Call):
            for op in [t.func, *t.args]:
                if isinstance(op, ir.Move):
                    state &= ~m(op.place)
            out = []
            if t.target is not None:
                out.append((t.target, state | m(t.destination)))
            if t.unwind is not None:
                out.append((t.unwind, state))
            return out
        if isinstance(t, ir.Drop):
            state &= ~m(t.place)
        return [(s, state) for s in t.successors()] if t is not None else []

    def state_before_terminator(self, bb: int) -> Optional[int]:
        state = self.entry[bb]
        if state is None:
            return None
        for st in self.body.blocks[bb].statements:
            state = self.statement_effect(state, st)
        return state

    def maybe_init(self, state: int, place: ir.Place, tcx: Any = None) -> bool:
        """Whether some part of place may be initialised in state (a struct or tuple whose
        fields were each moved out counts as uninitialised)."""
        i = self.paths.index.get(place)
        if i is None:
            return True
        return self._maybe(state, i, tcx)

    def _maybe(self, state: int, i: int, tcx: Any) -> bool:
        children = self.paths.children[i]
        if not state & self.paths.subtree[i]:
            return False
        if not state & (1 << i):
            return True  # some child is initialised
        if children and self._fields_covered(i, tcx):
            return any(self._maybe(state, c, tcx) for c in children)
        return True

    def _fields_covered(self, i: int, tcx: Any) -> bool:
        place = self.paths.places[i]
        ty = place_ty(self.body, place)
        fields = {e.index for c in self.paths.children[i] for e in [self.paths.places[c].projection[-1]] if isinstance(e, ir.FieldProj)}
        if isinstance(ty, T.Tuple):
            return len(fields) == len(ty.elems)
        if isinstance(ty, T.Adt) and ty.adt.is_struct and ty.adt.lang is None:
            return len(fields) == len(ty.adt.variants[0].fields)
        return False


def place_ty(body: ir.Body, place: ir.Place) -> T.Ty:
    """The type of a place, from its local's type and the projections' recorded types."""
    ty = body.locals[place.local].ty
    for e in place.projection:
        if isinstance(e, ir.FieldProj):
            ty = e.ty
        elif isinstance(e, ir.Deref):
            ty = ty.inner if isinstance(ty, (T.Ref, T.RawPtr)) else (ty.args[0] if isinstance(ty, T.Adt) and ty.args else ty)
        elif isinstance(e, (ir.IndexProj, ir.ConstantIndex)):
            ty = ty.elem if isinstance(ty, (T.Array, T.Slice)) else ty
        elif isinstance(e, ir.Subslice):
            ty = T.Slice(ty.elem) if isinstance(ty, (T.Array, T.Slice)) else ty
    return ty
