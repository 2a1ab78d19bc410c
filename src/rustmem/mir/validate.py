"""Structural checks of a built body, like rustc's MIR validator: what every later stage may
assume.  `validate(body)` returns the problems found (empty when the body is well formed)."""
from __future__ import annotations

from . import ir


def validate(body: ir.Body) -> list[str]:
    """Every block has a terminator whose successors exist; normal blocks reach cleanup
    blocks only through unwind edges and cleanup blocks never reach normal ones; places name
    existing locals; StorageLive/StorageDead never touch the return place or arguments."""
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
    return problems


def statement_places(st: ir.Statement) -> list[ir.Place]:
    if isinstance(st, ir.Assign):
        return [st.place]
    if isinstance(st, ir.FakeRead):
        return [st.place]
    return []
