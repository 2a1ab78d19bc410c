"""Liveness of locals, the input of NLL region inference.

A local is *use-live* at a point if some path from it reaches a use of the local before a
redefinition; *drop-live* if a path reaches a `Drop` of it while it may still be initialised.
A use-live local keeps every region of its type alive; a drop-live one only the regions its
destructor may touch (`drop_regions`): all of them for a type with its own `impl Drop`, none
for references, and through `#[may_dangle]` std containers (Vec, Box, Option ...) only what
their elements' destructors touch.
"""
from __future__ import annotations

from typing import Callable

from ..mir import ir
from ..types import ty as T
from .dataflow import Analysis, Element, Location, Results, solve, states
from .places import BodyInfo


def def_use(elem: Element) -> list[tuple[int, str]]:
    """The locals an element mentions, each with "def", "use" or "drop", in rustc's sense."""
    out: list[tuple[int, str]] = []

    def place_use(place: ir.Place) -> None:
        out.append((place.local, "use"))
        for p in place.projection:
            if isinstance(p, ir.IndexProj):
                out.append((p.local, "use"))

    def dest(place: ir.Place) -> None:
        if place.is_local:
            out.append((place.local, "def"))
        else:
            place_use(place)

    def operand(op: object) -> None:
        if isinstance(op, (ir.Copy, ir.Move)):
            place_use(op.place)

    if isinstance(elem, ir.Assign):
        for place in rvalue_places(elem.rvalue):
            place_use(place)
        dest(elem.place)
    elif isinstance(elem, (ir.StorageLive, ir.StorageDead)):
        out.append((elem.local, "def"))
    elif isinstance(elem, (ir.FakeRead, ir.SetDiscriminant)):
        place_use(elem.place)
    elif isinstance(elem, ir.Call):
        operand(elem.func)
        for a in elem.args:
            operand(a)
        dest(elem.destination)
    elif isinstance(elem, ir.Drop):
        out.append((elem.place.local, "drop"))
    elif isinstance(elem, ir.SwitchInt):
        operand(elem.discr)
    elif isinstance(elem, ir.Assert):
        operand(elem.cond)
    return out


def rvalue_places(rv: ir.Rvalue) -> list[ir.Place]:
    """Every place an rvalue reads or borrows."""
    if isinstance(rv, (ir.Ref, ir.AddressOf, ir.Len, ir.Discriminant)):
        return [rv.place]
    ops: list = []
    if isinstance(rv, (ir.Use, ir.Repeat, ir.UnaryOp, ir.Cast, ir.ShallowInitBox)):
        ops = [rv.operand]
    elif isinstance(rv, (ir.BinaryOp, ir.CheckedBinaryOp)):
        ops = [rv.lhs, rv.rhs]
    elif isinstance(rv, ir.Aggregate):
        ops = list(rv.operands)
    return [op.place for op in ops if isinstance(op, (ir.Copy, ir.Move))]


def masks(elem: Element, cache: dict) -> tuple[int, int]:
    """(defs, uses) of an element as bitsets over locals, computed once per element and
    body (liveness runs to a fixpoint, so this is its hot path)."""
    hit = cache.get(id(elem))
    if hit is None:
        defs = uses = 0
        for local, kind in def_use(elem):
            if kind == "def":
                defs |= 1 << local
            elif kind == "use":
                uses |= 1 << local
        hit = cache[id(elem)] = (defs, uses)
    return hit


class UseLive(Analysis):
    backward = True

    def __init__(self, cache: dict) -> None:
        self.cache = cache

    def _apply(self, state: int, elem: Element) -> int:
        defs, uses = masks(elem, self.cache)
        return (state & ~defs) | uses

    def statement(self, state: int, stmt: ir.Statement, loc: Location) -> int:
        return self._apply(state, stmt)

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        return self._apply(state, term)


class DropLive(UseLive):
    """Drop-liveness; `maybe_init(local, loc)` says whether a drop there may run anything."""

    def __init__(self, maybe_init: Callable[[int, Location], bool], cache: dict) -> None:
        self.maybe_init = maybe_init
        self.cache = cache

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        if isinstance(term, ir.Drop):
            if self.maybe_init(term.place.local, loc):
                state |= 1 << term.place.local
            return state
        return self._apply(state, term)

    def _apply(self, state: int, elem: Element) -> int:
        return state & ~masks(elem, self.cache)[0]


def live_in(results: Results) -> dict[Location, int]:
    """The locals live on entry to each location."""
    analysis = results.analysis
    table: dict[Location, int] = {}
    for loc, elem, out in states(results):
        if loc[1] < len(results.points.body.blocks[loc[0]].statements):
            table[loc] = analysis.statement(out, elem, loc)
        else:
            table[loc] = analysis.terminator(out, elem, loc)
    return table


def compute(info: BodyInfo, maybe_init: Callable[[int, Location], bool]) -> tuple[dict[Location, int], dict[Location, int]]:
    """(use-live-in, drop-live-in) per location."""
    cache: dict = {}  # the body's elements outlive it: ids stay unique
    use = live_in(solve(UseLive(cache), info.points))
    drop = live_in(solve(DropLive(maybe_init, cache), info.points))
    return use, drop


def drop_regions(info: BodyInfo, ty: T.Ty, seen: frozenset = frozenset()) -> list[T.Region]:
    """The regions a destructor of a value of type ty may use."""
    from .places import regions_in
    if isinstance(ty, T.Adt):
        if ty.adt in seen:
            return []
        seen = seen | {ty.adt}
        if ty.adt.lang is None and info.has_dtor(ty.adt):
            return regions_in(ty)
        if ty.adt.lang is not None:
            return [r for a in ty.args for r in drop_regions(info, a, seen)]
        out: list[T.Region] = []
        for v in range(len(ty.adt.variants)):
            for f in ty.adt.variants[v].fields:
                fty = T.subst(f.ty, dict(zip(ty.adt.params, ty.args)),
                              dict(zip(ty.adt.lifetimes, ty.regions)) if ty.regions else None)
                out.extend(drop_regions(info, fty, seen))
        return out
    if isinstance(ty, T.Tuple):
        return [r for e in ty.elems for r in drop_regions(info, e, seen)]
    if isinstance(ty, (T.Array, T.Slice)):
        return drop_regions(info, ty.elem, seen)
    return []
