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
    """The state packs two relations into one bitset: bit `o1 * n + o2` is subset(o1, o2)
    carried from earlier points, bit `n * n + loan * n + o` is origin_contains_loan(o, loan)."""

    def __init__(self, cx: "BodyCheck") -> None:
        self.info = cx.info
        self.rcx = cx.rcx
        self.loans = cx.loans
        self.n = len(self.rcx.regions)
        self.base = self.n * self.n
        self.kills = BorrowsInScope(cx.info, cx.rcx, cx.loans)  # reuses its assignment kills
        self.before: dict[Location, int] = {}
        self.global_edges: dict[int, set[int]] = {}
        self.local_edges: dict[Location, list[tuple[int, int]]] = {}
        for c in self.rcx.constraints:
            if c.loc is None:
                self.global_edges.setdefault(c.sup, set()).add(c.sub)
            else:
                self.local_edges.setdefault(c.loc, []).append((c.sup, c.sub))
        always = 0
        for o in set(self.rcx.universal) | set(self.rcx.external):
            always |= 1 << o
        self.always_live = always

    def _live_mask(self, point: int) -> int:
        mask = self.always_live
        for o, points in enumerate(self.rcx.liveness):
            if points >> point & 1:
                mask |= 1 << o
        return mask

    def _step(self, state: int, loc: Location, issue: bool) -> tuple[int, int]:
        """(subsets, loans) at loc: what is carried in and still live, the constraints taken
        here, closed transitively; the loan issued here when issue."""
        n, base = self.n, self.base
        live = self._live_mask(self.info.points.index(loc))
        edges: dict[int, set[int]] = {o: set(subs) for o, subs in self.global_edges.items()}
        for bit in bits(state & ((1 << base) - 1)):
            o1, o2 = divmod(bit, n)
            if live >> o1 & 1 and live >> o2 & 1:
                edges.setdefault(o1, set()).add(o2)
        for o1, o2 in self.local_edges.get(loc, ()):
            edges.setdefault(o1, set()).add(o2)
        reach: dict[int, set[int]] = {}
        for o in edges:
            seen, todo = set(), list(edges[o])
            while todo:
                x = todo.pop()
                if x not in seen:
                    seen.add(x)
                    todo.extend(edges.get(x, ()))
            reach[o] = seen
        subsets = 0
        for o1, subs in reach.items():
            for o2 in subs:
                if o1 != o2:
                    subsets |= 1 << (o1 * n + o2)
        held: dict[int, set[int]] = {}
        for bit in bits(state >> base):
            loan, o = divmod(bit, n)
            if live >> o & 1:
                held.setdefault(loan, set()).add(o)
        idx = self.loans.at.get(loc) if issue else None
        if idx is not None:
            held.setdefault(idx, set()).add(self.loans.loans[idx].region)
        loans = 0
        for loan, origins in held.items():
            for o in set(origins):
                origins |= reach.get(o, set())
            for o in origins:
                loans |= 1 << (loan * n + o)
        return subsets, loans

    def _apply(self, state: int, loc: Location, elem: object) -> int:
        subsets, loans = self._step(state, loc, True)
        killed = 0
        if isinstance(elem, ir.Assign):
            killed = self.kills.kills(elem.place)
        elif isinstance(elem, ir.StorageDead):
            killed = self.kills.by_local.get(elem.local, 0)
        elif isinstance(elem, ir.Call):
            killed = self.kills.kills(elem.destination)
        for loan in bits(killed):
            loans &= ~(((1 << self.n) - 1) << (loan * self.n))
        return subsets | (loans << self.base)

    def statement(self, state: int, stmt: ir.Statement, loc: Location) -> int:
        return self._apply(state, loc, stmt)

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        return self._apply(state, loc, term)

    def in_scope_table(self) -> dict[Location, int]:
        """Loans live at each location: held on entry by an origin live there."""
        results = solve(self, self.info.points)
        table: dict[Location, int] = {}
        for loc, elem, state in states(results):
            _, loans = self._step(state, loc, False)
            live = 0
            for pair in bits(loans):
                live |= 1 << (pair // self.n)
            table[loc] = live
        return table
