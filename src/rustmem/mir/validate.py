"""Structural checks of a built body, like rustc's MIR validator: what every later stage may
assume.  `validate(body)` returns the problems found (empty when the body is well formed)."""
from __future__ import annotations

from . import ir


def validate(body: ir.Body) -> list[str]:
    """Every block has a terminator whose successors exist; normal blocks reach cleanup
    blocks only through unwind edges and cleanup blocks never reach normal ones; places name
    existing locals; StorageLive/StorageDead never touch the return place or arguments, and no
    temporary is StorageDead where it was never live."""
    problems: list[str] = []
    n_blocks, n_locals = len(body.blocks), len(body.locals)
    if body.arg_count >= n_locals:
        problems.append(f"{body.name}: {body.arg_count} arguments but {n_locals} locals")
    for b, data in enumerate(body.blocks):
        where = f"{body.name} bb{b}"
        t = data.terminator
        if t is None:
            problems.append(f"{where}: no terminator")
            continue
        for s in t.successors():
            if not 0 <= s < n_blocks:
                problems.append(f"{where}: successor bb{s} does not exist")
        unwind = getattr(t, "unwind", None)
        for s in t.successors():
            if 0 <= s < n_blocks and body.blocks[s].is_cleanup != data.is_cleanup and not (s == unwind and not data.is_cleanup):
                problems.append(f"{where}: edge to bb{s} crosses between normal and cleanup code")
        for st in data.statements:
            if isinstance(st, (ir.StorageLive, ir.StorageDead)) and st.local <= body.arg_count:
                problems.append(f"{where}: storage statement on _{st.local}")
            for place in statement_places(st):
                if not 0 <= place.local < n_locals:
                    problems.append(f"{where}: place on missing local _{place.local}")
    if not problems:
        problems += dead_storage_dead(body)
    return problems


def dead_storage_dead(body: ir.Body) -> list[str]:
    """`StorageDead(_n)` of a temporary that no path has made live (a scope exit on a path
    where the temporary was never created)."""
    entry: list = [None] * len(body.blocks)
    entry[0] = 0
    work = [0]
    while work:
        b = work.pop()
        state = storage_effect(entry[b], body.blocks[b].statements)
        for s in body.blocks[b].terminator.successors():
            new = state if entry[s] is None else entry[s] | state
            if new != entry[s]:
                entry[s] = new
                work.append(s)
    out = []
    for b, data in enumerate(body.blocks):
        state = entry[b]
        if state is None:
            continue
        for st in data.statements:
            if isinstance(st, ir.StorageDead) and not state >> st.local & 1 and body.locals[st.local].name is None:
                out.append(f"{body.name} bb{b}: StorageDead(_{st.local}) of a temporary that is never live")
            state = storage_effect(state, [st])
    return out


def storage_effect(state: int, statements: list) -> int:
    for st in statements:
        if isinstance(st, ir.StorageLive):
            state |= 1 << st.local
        elif isinstance(st, ir.StorageDead):
            state &= ~(1 << st.local)
    return state


def statement_places(st: ir.Statement) -> list[ir.Place]:
    if isinstance(st, ir.Assign):
        return [st.place]
    if isinstance(st, ir.FakeRead):
        return [st.place]
    return []
