"""One dataflow engine for every borrowck analysis, as rustc_mir_dataflow's.

An analysis is a lattice of bitsets (Python ints: bit i set = element i present, join = `|`)
and a transfer function per statement and per terminator.  `solve` runs it to a fixpoint over
the body's blocks (forward or backward) and `states` replays the fixpoint to give the state
before every location.  Cleanup (unwind) blocks are not analysed: rustmem reports no error
that only an unwind path could show.

Locations are numbered densely (`Points`), so region values and loan scopes are bitsets too.
Written for speed: ints as bitsets, blocks visited from a worklist.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Iterator, Union

from ..mir import ir

Location = tuple[int, int]  # (block, statement index); index == len(statements) is the terminator
Element = Union[ir.Statement, ir.Terminator]


def bits(n: int) -> Iterator[int]:
    """The indexes of the set bits of n, lowest first."""
    while n:
        low = n & -n
        yield low.bit_length() - 1
        n ^= low


class Points:
    """Dense numbering of a body's locations, and the CFG restricted to non-cleanup blocks."""

    def __init__(self, body: ir.Body) -> None:
        self.body = body
        self.start: list[int] = []
        n = 0
        for bb in body.blocks:
            self.start.append(n)
            n += len(bb.statements) + 1
        self.count = n
        self.all = (1 << n) - 1
        self.succ: list[list[int]] = [self._successors(b) for b in range(len(body.blocks))]
        self.pred: list[list[int]] = [[] for _ in body.blocks]
        for b, ss in enumerate(self.succ):
            for s in ss:
                self.pred[s].append(b)
        self.reachable = self._reachable()

    def _successors(self, b: int) -> list[int]:
        data = self.body.blocks[b]
        if data.is_cleanup or data.terminator is None:
            return []
        return [s for s in data.terminator.successors() if not self.body.blocks[s].is_cleanup]

    def _reachable(self) -> list[bool]:
        seen = [False] * len(self.body.blocks)
        todo = [0] if self.body.blocks else []
        while todo:
            b = todo.pop()
            if seen[b]:
                continue
            seen[b] = True
            todo.extend(self.succ[b])
        return seen

    def index(self, loc: Location) -> int:
        return self.start[loc[0]] + loc[1]

    def location(self, point: int) -> Location:
        # Blocks are few; a linear scan from the end is fast enough and keeps no extra table.
        for b in range(len(self.start) - 1, -1, -1):
            if self.start[b] <= point:
                return (b, point - self.start[b])
        raise IndexError(point)

    def element(self, loc: Location) -> Element:
        data = self.body.blocks[loc[0]]
        return data.statements[loc[1]] if loc[1] < len(data.statements) else data.terminator

    def span(self, loc: Location):
        return self.element(loc).span

    def successors(self, loc: Location) -> list[Location]:
        b, i = loc
        if i < len(self.body.blocks[b].statements):
            return [(b, i + 1)]
        return [(s, 0) for s in self.succ[b]]

    def block_points(self, b: int) -> int:
        """The bitset of all points of block b."""
        n = len(self.body.blocks[b].statements) + 1
        return ((1 << n) - 1) << self.start[b]

    def dominators(self) -> list[int]:
        """Per block, the bitset of the blocks that dominate it (itself included)."""
        if getattr(self, "_dom", None) is None:
            n = len(self.body.blocks)
            full = (1 << n) - 1
            dom = [full] * n
            if n:
                dom[0] = 1
            order = [b for b in self.reverse_postorder() if b != 0]
            changed = True
            while changed:
                changed = False
                for b in order:
                    new = full
                    for p in self.pred[b]:
                        new &= dom[p]
                    new |= 1 << b
                    if new != dom[b]:
                        dom[b], changed = new, True
            self._dom = dom
        return self._dom

    def dominates(self, a: Location, b: Location) -> bool:
        if a[0] == b[0]:
            return a[1] <= b[1]
        return bool(self.dominators()[b[0]] >> a[0] & 1)

    def predecessors(self, loc: Location) -> list[Location]:
        if loc[1] > 0:
            return [(loc[0], loc[1] - 1)]
        return [(p, len(self.body.blocks[p].statements)) for p in self.pred[loc[0]]]

    def reverse_postorder(self) -> list[int]:
        """Reachable non-cleanup blocks in rustc's reverse postorder (its DFS takes a block's
        last successor first) — the order the borrow checker visits them, which decides
        which of several equivalent errors is kept."""
        if not self.body.blocks:
            return []
        visited = {0}
        post: list[int] = []
        stack = [(0, list(self.succ[0]))]
        while stack:
            b, rest = stack[-1]
            while rest:
                s = rest.pop()
                if s not in visited:
                    visited.add(s)
                    stack.append((s, list(self.succ[s])))
                    break
            else:
                stack.pop()
                post.append(b)
        return post[::-1]

    def blocks(self) -> Iterator[int]:
        for b, data in enumerate(self.body.blocks):
            if not data.is_cleanup and self.reachable[b]:
                yield b


class Analysis:
    """A gen/kill-style analysis: override `statement` and `terminator` (state in, state out)."""

    backward = False

    def entry_state(self) -> int:
        """State on entry to block 0 (forward) or on exit from returning blocks (backward)."""
        return 0

    def statement(self, state: int, stmt: ir.Statement, loc: Location) -> int:
        return state

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        return state

    def edge(self, state: int, term: ir.Terminator, loc: Location, target: int) -> int:
        """Forward only: the effect of taking the edge to `target` (e.g. a call's return)."""
        return state


@dataclass
class Results:
    analysis: Analysis
    points: Points
    entry: list[int]  # per block: state at block entry (forward) or block exit (backward)


def solve(analysis: Analysis, points: Points) -> Results:
    body = points.body
    nblocks = len(body.blocks)
    entry = [0] * nblocks
    if analysis.backward:
        return _solve_backward(analysis, points, entry)
    if nblocks:
        entry[0] = analysis.entry_state()
    todo = deque(points.blocks())
    queued = set(todo)
    while todo:
        b = todo.popleft()
        queued.discard(b)
        state = entry[b]
        data = body.blocks[b]
        for i, stmt in enumerate(data.statements):
            state = analysis.statement(state, stmt, (b, i))
        loc = (b, len(data.statements))
        if data.terminator is not None:
            state = analysis.terminator(state, data.terminator, loc)
        for s in points.succ[b]:
            out = analysis.edge(state, data.terminator, loc, s)
            new = entry[s] | out
            if new != entry[s]:
                entry[s] = new
                if s not in queued:
                    queued.add(s)
                    todo.append(s)
    return Results(analysis, points, entry)


def _solve_backward(analysis: Analysis, points: Points, exit_: list[int]) -> Results:
    body = points.body
    blocks = list(points.blocks())
    for b in blocks:
        if not points.succ[b]:
            exit_[b] = analysis.entry_state()
    todo = deque(reversed(blocks))
    queued = set(todo)
    while todo:
        b = todo.popleft()
        queued.discard(b)
        state = _block_backward(analysis, body, b, exit_[b])
        for p in points.pred[b]:
            new = exit_[p] | state
            if new != exit_[p]:
                exit_[p] = new
                if p not in queued:
                    queued.add(p)
                    todo.append(p)
    return Results(analysis, points, exit_)


def _block_backward(analysis: Analysis, body: ir.Body, b: int, state: int) -> int:
    data = body.blocks[b]
    if data.terminator is not None:
        state = analysis.terminator(state, data.terminator, (b, len(data.statements)))
    for i in range(len(data.statements) - 1, -1, -1):
        state = analysis.statement(state, data.statements[i], (b, i))
    return state


def states(results: Results) -> Iterator[tuple[Location, Element, int]]:
    """Forward: (location, element, state before it) for every location of reachable blocks.
    Backward: (location, element, state *after* it, i.e. live-out), in reverse order per block."""
    analysis, points = results.analysis, results.points
    body = points.body
    for b in points.blocks():
        data = body.blocks[b]
        state = results.entry[b]
        n = len(data.statements)
        if analysis.backward:
            if data.terminator is not None:
                yield (b, n), data.terminator, state
                state = analysis.terminator(state, data.terminator, (b, n))
            for i in range(n - 1, -1, -1):
                yield (b, i), data.statements[i], state
                state = analysis.statement(state, data.statements[i], (b, i))
        else:
            for i, stmt in enumerate(data.statements):
                yield (b, i), stmt, state
                state = analysis.statement(state, stmt, (b, i))
            if data.terminator is not None:
                yield (b, n), data.terminator, state


def state_table(results: Results) -> dict[Location, int]:
    """The state before (forward) / after (backward) every location, as a dict."""
    return {loc: st for loc, _, st in states(results)}

