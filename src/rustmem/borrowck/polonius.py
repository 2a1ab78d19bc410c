"""The location-sensitive mode (`--polonius`): which loans each origin holds, point by point.

NLL asks "is the loan's region live here?" with a region that is one set of points for the
whole body, so a loan that flows into the returned reference on *one* path is in scope on all
of them (NLL problem case #3).  Polonius asks instead whether some origin that *contains the
loan at this point* is live here.  The rules, as the Polonius book's naive ruleset:

    origin_contains_loan_on_entry(O, L, Q) :- loan_issued_at(O, L, P), cfg_edge(P, Q).
    origin_contains_loan_on_entry(O2, L, P) :- origin_contains_loan_on_entry(O1, L, P), subset(O1, O2, P).
    origin_contains_loan_on_entry(O, L, Q) :- origin_contains_loan_on_entry(O, L, P),
        !loan_killed_at(L, P), cfg_edge(P, Q), origin_live_on_entry(O, Q).
    loan_live_at(L, P) :- origin_contains_loan_on_entry(O, L, P), origin_live_on_entry(O, P).

run as one forward dataflow whose state is a set of (origin, loan) pairs.  `subset(O1, O2, P)`
is an outlives constraint `'O1: 'O2` taken at P; the body-wide ones (signatures) hold at
every point.  Universal origins are live everywhere.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from ..mir import ir
from .dataflow import Analysis, Location, bits, solve, states
from .loans import BorrowsInScope

if TYPE_CHECKING:
    from .check import BodyCheck


class PoloniusScopes(Analysis):
    """Bit (loan * n_origins + origin): the origin contains the loan on entry."""

    def __init__(self, cx: "BodyCheck") -> None:
        self.info = cx.info
        self.rcx = cx.rcx
        self.loans = cx.loans
        self.n = len(self.rcx.regions)
        self.kills = BorrowsInScope(cx.info, cx.rcx, cx.loans)  # reuses its assignment kills
        self.before: dict[Location, int] = {}
        self.global_edges: dict[int, list[int]] = {}
        self.local_edges: dict[Location, dict[int, list[int]]] = {}
        for c in self.rcx.constraints:
            table = self.global_edges if c.loc is None else self.local_edges.setdefault(c.loc, {})
            table.setdefault(c.sup, []).append(c.sub)
        self.always_live = set(self.rcx.universal) | set(self.rcx.external)

    def _live(self, origin: int, point: int) -> bool:
        return origin in self.always_live or bool(self.rcx.liveness[origin] >> point & 1)

    def _close(self, state: int, loc: Location) -> int:
        local = self.local_edges.get(loc, {})
        todo = list(bits(state))
        while todo:
            pair = todo.pop()
            loan, origin = divmod(pair, self.n)
            for sub in self.global_edges.get(origin, []) + local.get(origin, []):
                bit = 1 << (loan * self.n + sub)
                if not state & bit:
                    state |= bit
                    todo.append(loan * self.n + sub)
        return state

    def _filter_live(self, state: int, loc: Location) -> int:
        point = self.info.points.index(loc)
        out = 0
        for pair in bits(state):
            if self._live(pair % self.n, point):
                out |= 1 << pair
        return out

    def _apply(self, state: int, loc: Location, elem: object) -> int:
        state = self._filter_live(state, loc)
        idx = self.loans.at.get(loc)
        if idx is not None:
            state |= 1 << (idx * self.n + self.loans.loans[idx].region)
        state = self._close(state, loc)
        killed = 0
        if isinstance(elem, ir.Assign):
            killed = self.kills.kills(elem.place)
        elif isinstance(elem, ir.StorageDead):
            killed = self.kills.by_local.get(elem.local, 0)
        elif isinstance(elem, ir.Call):
            killed = self.kills.kills(elem.destination)
        for loan in bits(killed):
            state &= ~(((1 << self.n) - 1) << (loan * self.n))
        return state

    def statement(self, state: int, stmt: ir.Statement, loc: Location) -> int:
        return self._apply(state, loc, stmt)

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        return self._apply(state, loc, term)

    def in_scope_table(self) -> dict[Location, int]:
        """Loans live at each location: held on entry by an origin live there."""
        results = solve(self, self.info.points)
        table: dict[Location, int] = {}
        for loc, elem, state in states(results):
            state = self._close(self._filter_live(state, loc), loc)
            live = 0
            for pair in bits(state):
                live |= 1 << (pair // self.n)
            table[loc] = live
        return table
