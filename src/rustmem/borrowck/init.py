"""Initialisation analyses over move paths: maybe-initialised, maybe-uninitialised, ever-initialised.

Each is a page on the one engine (dataflow.py).  Bits are move-path indexes (maybe-init,
maybe-uninit) or init indexes (ever-init).  A move clears a path and everything below it; an
assignment sets them.  `StorageDead` and `Drop` are moves too (the value is gone), so a
variable declared in a loop starts each iteration uninitialised and never-assigned.
"""
from __future__ import annotations

from ..mir import ir
from .dataflow import Analysis, Location
from .move_paths import MoveData


def _subtree_mask(md: MoveData, path: int, cache: dict[int, int]) -> int:
    mask = cache.get(path)
    if mask is None:
        mask = 0
        for p in md.descendants(path):
            mask |= 1 << p
        cache[path] = mask
    return mask


class MaybeInit(Analysis):
    """Bit p: move path p may be initialised here (on some path to this point)."""

    def __init__(self, md: MoveData) -> None:
        self.md = md
        self.masks: dict[int, int] = {}

    def entry_state(self) -> int:
        state = 0
        for local in self.md.info.body.args():
            state |= _subtree_mask(self.md, local, self.masks)
        return state

    def _apply(self, state: int, loc: Location) -> int:
        for m in self.md.moves_at.get(loc, ()):
            state &= ~_subtree_mask(self.md, self.md.moves[m].path, self.masks)
        for i in self.md.inits_at.get(loc, ()):
            state |= _subtree_mask(self.md, self.md.inits[i].path, self.masks)
        return state

    def statement(self, state: int, stmt: ir.Statement, loc: Location) -> int:
        return self._apply(state, loc)

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        return self._apply(state, loc)


class MaybeUninit(MaybeInit):
    """Bit p: move path p may be uninitialised (moved out, or never assigned) here."""

    def entry_state(self) -> int:
        state = (1 << len(self.md.paths)) - 1
        for local in self.md.info.body.args():
            state &= ~_subtree_mask(self.md, local, self.masks)
        return state

    def _apply(self, state: int, loc: Location) -> int:
        for m in self.md.moves_at.get(loc, ()):
            state |= _subtree_mask(self.md, self.md.moves[m].path, self.masks)
        for i in self.md.inits_at.get(loc, ()):
            state &= ~_subtree_mask(self.md, self.md.inits[i].path, self.masks)
        return state


class EverInit(Analysis):
    """Bit i: init i (an assignment) may have happened on some path, since the local's
    storage began.  Used for E0384 (assigning twice to an immutable variable)."""

    def __init__(self, md: MoveData) -> None:
        self.md = md
        self.by_local: dict[int, int] = {}
        for i, init in enumerate(md.inits):
            local = md.paths[init.path].place.local
            self.by_local[local] = self.by_local.get(local, 0) | (1 << i)
        self.arg_inits = 0
        for i, init in enumerate(md.inits):
            if init.kind == "arg":
                self.arg_inits |= 1 << i

    def entry_state(self) -> int:
        return self.arg_inits

    def statement(self, state: int, stmt: ir.Statement, loc: Location) -> int:
        if isinstance(stmt, ir.StorageDead):
            state &= ~self.by_local.get(stmt.local, 0)
        for i in self.md.inits_at.get(loc, ()):
            if self.md.inits[i].kind != "arg":
                state |= 1 << i
        return state

    def terminator(self, state: int, term: ir.Terminator, loc: Location) -> int:
        for i in self.md.inits_at.get(loc, ()):
            state |= 1 << i
        return state
