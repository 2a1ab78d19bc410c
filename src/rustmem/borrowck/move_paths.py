"""Move paths: the places that can be moved out of and initialised, as a tree per local.

rustc's `MoveData`: a move path is a local or a projection of one that stays inside what the
local owns (fields, downcasts, derefs of a `Box`).  Every `Move` operand is a *move-out* of a
path, every assignment an *init*; `StorageDead` and `Drop` end a path's value too.  A move
through a reference, out of an index, out of an `Rc`, or out of a field of a type with a
destructor has no path: it is an illegal move, recorded for E0507/E0508/E0509.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from ..mir import ir
from ..types import ty as T
from .dataflow import Location
from .places import BodyInfo


@dataclass(slots=True)
class MovePath:
    place: ir.Place
    parent: Optional[int]
    children: list[int] = field(default_factory=list)


@dataclass(slots=True)
class MoveOut:
    path: int
    loc: Location
    span: object
    kind: str  # "move" (a Move operand), "drop", "storage-dead"


@dataclass(slots=True)
class Init:
    path: int
    loc: Location
    span: object
    kind: str  # "arg", "assign", "call"


@dataclass(slots=True)
class IllegalMove:
    """A move with no move path: what blocks it (see errors.move_out_error)."""

    place: ir.Place
    loc: Location
    span: object
    kind: str  # "borrow" (behind a reference), "index", "rc", "array", "slice", "dtor"
    base_ty: T.Ty  # the type that is in the way (the Vec, the array, the Drop type)


class MoveData:
    def __init__(self, info: BodyInfo) -> None:
        self.info = info
        self.paths: list[MovePath] = []
        self.path_map: dict[ir.Place, int] = {}
        self.moves: list[MoveOut] = []
        self.inits: list[Init] = []
        self.illegal: list[IllegalMove] = []
        self.moves_at: dict[Location, list[int]] = {}
        self.inits_at: dict[Location, list[int]] = {}
        self.temp_origin: dict[int, ir.Call] = {}  # temp local -> the call that produced it
        for local in range(len(info.body.locals)):
            self._new_path(ir.Place(local), None)
        self._gather()

    # ---------------------------------------------------------------- paths

    def _new_path(self, place: ir.Place, parent: Optional[int]) -> int:
        idx = len(self.paths)
        self.paths.append(MovePath(place, parent))
        self.path_map[place] = idx
        if parent is not None:
            self.paths[parent].children.append(idx)
        return idx

    def path_for(self, place: ir.Place) -> tuple[Optional[int], Optional[tuple[str, T.Ty]]]:
        """The move path of place (created as needed), or None and why it cannot be one."""
        cur = self.path_map[ir.Place(place.local)]
        for n, elem in enumerate(place.projection):
            base = ir.Place(place.local, place.projection[:n])
            base_ty = self.info.place_ty(base)
            blocked = self._blocked(base, base_ty, elem)
            if blocked is not None:
                return None, blocked
            sub = ir.Place(place.local, place.projection[:n + 1])
            nxt = self.path_map.get(sub)
            cur = nxt if nxt is not None else self._new_path(sub, cur)
        return cur, None

    def _blocked(self, base: ir.Place, base_ty: T.Ty, elem: ir.ProjElem) -> Optional[tuple[str, T.Ty]]:
        if isinstance(elem, ir.Deref):
            if self.info.is_box(base_ty):
                return None
            origin = self.temp_origin.get(base.local) if base.is_local else None
            if origin is not None and isinstance(origin.func, ir.Constant):
                name = getattr(origin.func.value, "name", "")
                if name in ("index", "index_mut") and origin.args:
                    return "index", T.peel_refs(self.info.operand_ty(origin.args[0]))
                recv = T.peel_refs(self.info.operand_ty(origin.args[0])) if origin.args else base_ty
                if name in ("deref", "deref_mut") and isinstance(recv, T.Adt) and recv.adt.lang == "Rc":
                    return "rc", recv
            return "borrow", base_ty
        if isinstance(elem, (ir.IndexProj, ir.ConstantIndex, ir.Subslice)):
            return ("array" if isinstance(base_ty, T.Array) else "slice"), base_ty
        if isinstance(elem, ir.FieldProj) and isinstance(base_ty, T.Adt) and base_ty.adt.lang is None \
                and self.info.has_dtor(base_ty.adt):
            return "dtor", base_ty
        return None

    def lookup(self, place: ir.Place) -> tuple[int, bool]:
        """The longest prefix of place that has a move path, and whether it is place itself."""
        for n in range(len(place.projection), -1, -1):
            idx = self.path_map.get(ir.Place(place.local, place.projection[:n]))
            if idx is not None:
                return idx, n == len(place.projection)
        raise KeyError(place)

    def descendants(self, idx: int) -> list[int]:
        out, todo = [], [idx]
        while todo:
            i = todo.pop()
            out.append(i)
            todo.extend(self.paths[i].children)
        return out

    def ancestors(self, idx: int) -> list[int]:
        out: list[int] = []
        cur: Optional[int] = idx
        while cur is not None:
            out.append(cur)
            cur = self.paths[cur].parent
        return out

    # ---------------------------------------------------------------- gathering

    def _gather(self) -> None:
        body = self.info.body
        for b in self.info.points.blocks():
            term = body.blocks[b].terminator
            if isinstance(term, ir.Call) and term.destination.is_local:
                self.temp_origin[term.destination.local] = term
        for local in body.args():
            self._init(ir.Place(local), (0, 0), body.locals[local].span, "arg")
        for b in self.info.points.blocks():
            data = body.blocks[b]
            for i, stmt in enumerate(data.statements):
                self._statement(stmt, (b, i))
            if data.terminator is not None:
                self._terminator(data.terminator, (b, len(data.statements)))

    def _statement(self, stmt: ir.Statement, loc: Location) -> None:
        if isinstance(stmt, ir.Assign):
            for op in rvalue_operands(stmt.rvalue):
                self._operand(op, loc, stmt.span)
            self._init(stmt.place, loc, stmt.span, "assign")
        elif isinstance(stmt, ir.StorageDead):
            self._move(ir.Place(stmt.local), loc, stmt.span, "storage-dead")

    def _terminator(self, term: ir.Terminator, loc: Location) -> None:
        if isinstance(term, ir.Call):
            self._operand(term.func, loc, term.span)
            for op in term.args:
                self._operand(op, loc, term.span)
            self._init(term.destination, loc, term.span, "call")
        elif isinstance(term, ir.Drop):
            self._move(term.place, loc, term.span, "drop")
        elif isinstance(term, (ir.SwitchInt, ir.Assert)):
            op = term.discr if isinstance(term, ir.SwitchInt) else term.cond
            self._operand(op, loc, term.span)

    def _operand(self, op: object, loc: Location, span: object) -> None:
        if isinstance(op, ir.Move) and not self.info.is_copy(self.info.place_ty(op.place)):
            self._move(op.place, loc, span, "move")

    def _move(self, place: ir.Place, loc: Location, span: object, kind: str) -> None:
        idx, blocked = self.path_for(place)
        if idx is None:
            if kind == "move" and blocked is not None:
                self.illegal.append(IllegalMove(place, loc, span, blocked[0], blocked[1]))
            return
        self.moves_at.setdefault(loc, []).append(len(self.moves))
        self.moves.append(MoveOut(idx, loc, span, kind))

    def _init(self, place: ir.Place, loc: Location, span: object, kind: str) -> None:
        idx, blocked = self.path_for(place)
        if idx is None:
            return  # a write through a reference: checked as an access, not an init
        self.inits_at.setdefault(loc, []).append(len(self.inits))
        self.inits.append(Init(idx, loc, span, kind))


def rvalue_operands(rv: ir.Rvalue) -> list:
    if isinstance(rv, (ir.Use, ir.Repeat, ir.UnaryOp, ir.Cast, ir.ShallowInitBox)):
        return [rv.operand]
    if isinstance(rv, (ir.BinaryOp, ir.CheckedBinaryOp)):
        return [rv.lhs, rv.rhs]
    if isinstance(rv, ir.Aggregate):
        return list(rv.operands)
    return []
