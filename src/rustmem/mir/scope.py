"""Drop scopes, breakable scopes and unwind paths, as rustc_mir_build's `scope.rs`.

A `Scope` collects what must happen when control leaves it: for each local scheduled in it, a
`StorageDead` (every local) and a `Drop` (locals whose type needs drop), run in reverse order of
scheduling.  Leaving normally (`pop_scope`), by `break`/`continue`/`return` (`exit_scopes`) and by
unwinding (`unwind_target`) all run the same list; the unwind path is a chain of cleanup blocks
shared between call sites (a tree keyed by (next block, local), like rustc's `DropTree`), ending in
one `UnwindResume`.

Temporaries go to the innermost *temporary scope* (`temp_scope`): a statement, an `if`
condition, a loop body, a match arm or guard, the operands of `&&`/`||` — rustc's terminating
scopes.  A block's tail expression has no temporary scope of its own, so its temporaries live to
the end of the enclosing statement (edition 2021).
"""
from __future__ import annotations

from contextlib import contextmanager
from ..records import field, record
from typing import Iterator, Literal, Optional

from ..diagnostics import unsupported
from ..source import Span
from .ir import BasicBlock, Drop, Goto, Local, Place, StorageDead, UnwindResume


@record
class ScheduledDrop:
    local: Local
    span: Span
    kind: Literal["value", "storage"]


@record
class Scope:
    span: Span
    drops: list[ScheduledDrop] = field(default_factory=list)


@record
class BreakableScope:
    """A loop or a labelled block: where `break` (and for loops `continue`) go, and how many
    scopes they leave."""

    label: Optional[str]
    depth: int  # len(scopes) outside the construct: `break` exits scopes[depth:]
    break_block: BasicBlock
    break_dest: Optional[Place]
    continue_block: Optional[BasicBlock] = None  # None for labelled blocks
    continue_depth: int = 0


class ScopeMixin:
    """The scope half of `Builder` (see build.py for the state it uses)."""

    # ---------------------------------------------------------------- entering and leaving

    def push_scope(self, span: Span) -> int:
        self.scopes.append(Scope(span))
        return len(self.scopes) - 1

    def pop_scope(self, span: Span) -> None:
        """Leave the innermost scope normally: its drops run in the current block."""
        self.emit_scope_drops(len(self.scopes) - 1, span)
        self.scopes.pop()
        self.temp_scopes = [t for t in self.temp_scopes if t < len(self.scopes)]

    @contextmanager
    def in_scope(self, span: Span, temporaries: bool = False) -> Iterator[int]:
        """Run the body in a fresh scope; with temporaries=True it is also the temporary scope."""
        idx = self.push_scope(span)
        if temporaries:
            self.temp_scopes.append(idx)
        yield idx
        self.pop_scope(end_span(span))

    def exit_scopes(self, depth: int, span: Span) -> None:
        """Run the drops of scopes[depth:], innermost first, without popping them (break,
        continue, return, `?`)."""
        for i in range(len(self.scopes) - 1, depth - 1, -1):
            self.emit_scope_drops(i, span)

    def emit_scope_drops(self, idx: int, span: Span) -> None:
        scope = self.scopes[idx]
        for j in range(len(scope.drops) - 1, -1, -1):
            d = scope.drops[j]
            if d.kind == "storage":
                self.push(StorageDead(span, d.local))
                continue
            target = self.new_block()
            self.terminate(Drop(span, Place(d.local), target, self.unwind_below(idx, j)))
            self.cur = target

    # ---------------------------------------------------------------- scheduling

    def schedule_storage(self, local: Local, span: Span, scope: Optional[int] = None) -> None:
        self.scopes[self._scope_index(scope)].drops.append(ScheduledDrop(local, span, "storage"))

    def schedule_drop(self, local: Local, span: Span, scope: Optional[int] = None) -> None:
        """Drop `local` when the scope ends, if its type needs drop."""
        if self.tcx_needs_drop(self.locals[local].ty):
            self.scopes[self._scope_index(scope)].drops.append(ScheduledDrop(local, span, "value"))

    def _scope_index(self, scope: Optional[int]) -> int:
        return len(self.scopes) - 1 if scope is None else scope

    @property
    def temp_scope(self) -> int:
        return self.temp_scopes[-1]

    # ---------------------------------------------------------------- unwinding

    def unwind_target(self) -> BasicBlock:
        """The cleanup block a call or assert made here unwinds to: it drops everything
        scheduled so far, innermost first, then resumes unwinding."""
        last = len(self.scopes) - 1
        return self.unwind_below(last, len(self.scopes[last].drops))

    def unwind_below(self, scope_idx: int, drop_idx: int) -> BasicBlock:
        """Cleanup chain for the drops scheduled before scopes[scope_idx].drops[drop_idx]."""
        node = self.resume_block()
        for i in range(scope_idx + 1):
            drops = self.scopes[i].drops if i < scope_idx else self.scopes[i].drops[:drop_idx]
            for d in drops:
                if d.kind == "value":
                    node = self.cleanup_drop(node, d)
        return node

    def cleanup_drop(self, next_block: BasicBlock, d: ScheduledDrop) -> BasicBlock:
        key = (next_block, d.local)
        bb = self.cleanup_cache.get(key)
        if bb is None:
            bb = self.new_block(cleanup=True)
            self.blocks[bb].terminator = Drop(d.span, Place(d.local), next_block, None)
            self.cleanup_cache[key] = bb
        return bb

    def resume_block(self) -> BasicBlock:
        if self.resume is None:
            self.resume = self.new_block(cleanup=True)
            self.blocks[self.resume].terminator = UnwindResume(self.body_span)
        return self.resume

    # ---------------------------------------------------------------- break / continue

    def find_breakable(self, label: Optional[str], span: Span, loop_only: bool) -> BreakableScope:
        for bs in reversed(self.breakables):
            if loop_only and bs.continue_block is None:
                continue
            if label is None and bs.continue_block is None:
                continue  # an unlabelled break never targets a labelled block
            if label is None or bs.label == label:
                return bs
        raise unsupported(span, "break or continue outside of a loop")

    def goto_exit(self, target: BasicBlock, depth: int, span: Span) -> None:
        """Leave scopes[depth:] and jump to target; the current block becomes unreachable."""
        self.exit_scopes(depth, span)
        self.terminate(Goto(span, target))
        self.cur = self.new_block()


def end_span(span: Span) -> Span:
    """The last character of span (a block's `}`, a statement's `;`): where its scope's drops
    happen, as rustc reports them ("dropped here while still borrowed")."""
    return Span(span.file, max(span.lo, span.hi - 1), span.hi)
