"""Loans (the borrows a body takes) and where each is in scope.

A loan is an `&`/`&mut` rvalue: its place, kind, region and where it is taken.  Borrows of
places behind a shared reference are not tracked (what they point to is frozen anyway), as
rustc's `BorrowSet`.  A mutable borrow that becomes a closure's capture of a variable of type
`&mut T` the closure only reborrows is a *unique* borrow of `*x` (E0500/E0501/E0524 wording);
a `two-phase` borrow (the autoref of `v.push(v.len())`) is only *reserved* until its first use.

`BorrowsInScope` is the dataflow analysis: a loan comes into scope where it is taken and goes
out of scope at the first point its region does not contain, or when its local is overwritten
or its storage dies.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional

from ..mir import ir
from ..types import ty as T
from .conflicts import disjoint
from .dataflow import Analysis, Location, solve, states
from .liveness import def_use
from .places import BodyInfo
from .regions import RegionCx, ref_region


@dataclass(slots=True)
class Loan:
    index: int
    place: ir.Place
    kind: str  # "shared", "mut", "two-phase", "shallow", "fake", "unique"
    region: int  # vid
    loc: Location
    span: Any
    temp: Optional[int]  # the local the reference is stored in, if a bare local
    closure: Optional[tuple[Any, Any, int]] = None  # (ClosureDef, closure span, capture index)
    activations: list[Location] = field(default_factory=list)

    @property
    def mutable(self) -> bool:
        return self.kind in ("mut", "two-phase", "unique")


class LoanSet:
    def __init__(self, info: BodyInfo, rcx: RegionCx) -> None:
        self.info = info
        self.rcx = rcx
        self.loans: list[Loan] = []
        self.at: dict[Location, int] = {}
        captures = self._closure_captures()
        for b in info.points.blocks():
            for i, stmt in enumerate(info.body.blocks[b].statements):
                if isinstance(stmt, ir.Assign) and isinstance(stmt.rvalue, ir.Ref):
                    self._add(stmt, (b, i), captures)
        self._activations()

    def _closure_captures(self) -> dict[int, tuple[Any, Any, int]]:
        out = {}
        for b in self.info.points.blocks():
            for stmt in self.info.body.blocks[b].statements:
                if isinstance(stmt, ir.Assign) and isinstance(stmt.rvalue, ir.Aggregate) \
                        and stmt.rvalue.kind.kind == "closure":
                    clo = getattr(stmt.rvalue.kind.ty, "closure", None)
                    for i, op in enumerate(stmt.rvalue.operands):
                        if isinstance(op, (ir.Move, ir.Copy)) and op.place.is_local:
                            out[op.place.local] = (clo, stmt.span, i)
        return out

    def _add(self, stmt: ir.Assign, loc: Location, captures: dict) -> None:
        rv = stmt.rvalue
        place, kind = rv.place, rv.kind
        if self._ignored(place):
            return
        temp = stmt.place.local if stmt.place.is_local else None
        closure = captures.get(temp) if temp is not None else None
        if closure is not None and kind in ("mut", "two-phase"):
            # A closure that mutates through `x: &mut T` (x not `mut`) captures `*x` uniquely.
            decl = self.info.body.locals[place.local]
            local_ty = self.info.place_ty(ir.Place(place.local))
            through = isinstance(local_ty, T.Ref) and local_ty.mutable and not decl.mutable
            if through and place.is_local:
                place, kind = place.deref(), "unique"
            elif through and place.projection and isinstance(place.projection[0], ir.Deref):
                kind = "unique"
        loan = Loan(len(self.loans), place, kind, self.rcx.vid(ref_region(self.rcx, stmt)), loc, stmt.span,
                    temp, closure)
        self.at[loc] = loan.index
        self.loans.append(loan)

    def _ignored(self, place: ir.Place) -> bool:
        for n, elem in enumerate(place.projection):
            if isinstance(elem, ir.Deref):
                base = self.info.place_ty(ir.Place(place.local, place.projection[:n]))
                if isinstance(base, T.RawPtr) or (isinstance(base, T.Ref) and not base.mutable):
                    return True
        return False

    def _activations(self) -> None:
        two_phase = {l.temp: l for l in self.loans if l.kind == "two-phase" and l.temp is not None}
        if not two_phase:
            return
        for b in self.info.points.blocks():
            data = self.info.body.blocks[b]
            for i in range(len(data.statements) + 1):
                loc = (b, i)
                for local, kind in def_use(self.info.points.element(loc)):
                    loan = two_phase.get(local)
                    if loan is not None and kind == "use" and loc != loan.loc:
                        loan.activations.append(loc)


class BorrowsInScope(Analysis):
    """Bit i: loan i is in scope.  `before[loc]` are the loans whose region ends at loc
    (applied before the location's own effect, so they never conflict there)."""

    def __init__(self, info: BodyInfo, rcx: RegionCx, loans: LoanSet) -> None:
        self.info = info
        self.loans = loans
        self.before: dict[Location, int] = {}
        self.by_local: dict[int, int] = {}
        for loan in loans.loans:
            self.by_local[loan.place.local] = self.by_local.get(loan.place.local, 0) | (1 << loan.index)
            self._out_of_scope(loan, rcx)

    def _out_of_scope(self, loan: Loan, rcx: RegionCx) -> None:
        points = self.info.points
        seen = {loan.loc}
        todo = list(points.successors(loan.loc))
        while todo:
            loc = todo.pop()
            if loc in seen:
                continue
            seen.add(loc)
            if not rcx.contains(loan.region, points.index(loc)):
                self.before[loc] = self.before.get(loc, 0) | (1 << loan.index)
                continue
            todo.extend(points.successors(loc))

    def kills(self, place: ir.Place) -> int:
        """Loans an assignment to place ends: all of the local's for a bare local, else those
        whose place certainly overlaps it (a prefix of it, or inside it; two indexes are
        assumed different), as rustc's `kill_borrows_on_place`."""
        mask = self.by_local.get(place.local, 0)
        if place.is_local or not mask:
            return mask
        out = 0
        for loan in self.loans.loans:
            if mask >> loan.index & 1 and _certainly_overlap(loan.place, place):
                out |= 1 << loan.index
        return out

    def statement(self, state: int, stmt: ir.Statement, loc: Location) -> int:
        state &= ~self.before.get(loc, 0)
        if isinstance(stmt, ir.Assign):
            state &= ~self.kills(stmt.place)
        elif isinstance(stmt, ir.StorageDead):
            state &= ~self.by_local.get(stmt.local, 0)
        idx = self.loans.at.get(loc)
        if idx is not None:
            state |= 1 << idx
        return state

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        state &= ~self.before.get(loc, 0)
        if isinstance(term, ir.Call):
            state &= ~self.kills(term.destination)
        return state

    def in_scope_table(self) -> dict[Location, int]:
        """The loans in scope at each location (those ending there already removed)."""
        results = solve(self, self.info.points)
        return {loc: state & ~self.before.get(loc, 0) for loc, _, state in states(results)}


def _certainly_overlap(a: ir.Place, b: ir.Place) -> bool:
    for x, y in zip(a.projection, b.projection):
        if isinstance(x, ir.IndexProj) or isinstance(y, ir.IndexProj) or disjoint(x, y):
            return False
    return True
