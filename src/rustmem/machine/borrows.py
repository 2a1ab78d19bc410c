"""Aliasing models: Stacked Borrows (Miri's default) and Tree Borrows, per allocation.

Each allocation gets its aliasing state lazily, when the first raw pointer into it is made:
safe code never needs it (the borrow checker already proved it right), so it pays nothing.
Tags made before that moment are "untracked" and behave like the allocation's base tag,
which is at the bottom of every stack (they were all created before anything tracked).

Locations are the leaves of the allocation's value (a scalar, or an empty aggregate): a
reference to a struct covers every leaf below its path.
"""
from __future__ import annotations

from typing import Any

from .errors import UbClass, UndefinedBehavior

UNIQUE, SHARED_RW, SHARED_RO = "Unique", "SharedReadWrite", "SharedReadOnly"


def leaf_keys(value: Any, path: tuple) -> list[tuple]:
    """The location keys under `path` in an allocation whose value is `value`."""
    v = value
    for k in path:
        if v.__class__ is not list or k >= len(v):
            return [path]
        v = v[k]
    if v.__class__ is not list or not v:
        return [path]
    out: list[tuple] = []
    stack = [(v, path)]
    while stack:
        node, p = stack.pop()
        if node.__class__ is list and node:
            for i in range(len(node) - 1, -1, -1):
                stack.append((node[i], p + (i,)))
        else:
            out.append(p)
    return out


def range_keys(value: Any, p: Any) -> list[tuple]:
    """The location keys a pointer covers: its place, or every element of the slice it spans."""
    if p.elem and p.meta and p.path:
        base, start = p.path[:-1], p.path[-1]
        out: list[tuple] = []
        for i in range(start, start + p.meta):
            out.extend(leaf_keys(value, base + (i,)))
        return out
    return leaf_keys(value, p.path)


def _fmt_loc(alloc: Any, key: tuple) -> str:
    return f"{alloc!r}[{', '.join(map(str, key)) or '0x0'}]"


class StackedBorrows:
    """A borrow stack per location: items (permission, tag), base item at the bottom."""

    __slots__ = ("alloc", "first_tag", "stacks")

    def __init__(self, alloc: Any, first_tag: int) -> None:
        self.alloc = alloc
        self.first_tag = first_tag
        self.stacks: dict[tuple, list[tuple[str, int]]] = {}

    def _stack(self, key: tuple) -> list[tuple[str, int]]:
        s = self.stacks.get(key)
        if s is None:
            s = self.stacks[key] = [(UNIQUE, 0)]
        return s

    def _grant(self, stack: list, tag: int, write: bool, key: tuple) -> int:
        if tag < self.first_tag:
            return 0  # base or untracked: the bottom item
        for i in range(len(stack) - 1, -1, -1):
            perm, t = stack[i]
            if t == tag:
                if write and perm == SHARED_RO:
                    raise UndefinedBehavior(UbClass.ALIASING,
                                            f"attempting a write access using <{tag}> at {_fmt_loc(self.alloc, key)}, "
                                            "but that tag only grants SharedReadOnly permission for this location", (self.alloc,))
                return i
        kind = "write" if write else "read"
        raise UndefinedBehavior(UbClass.ALIASING,
                                f"attempting a {kind} access using <{tag}> at {_fmt_loc(self.alloc, key)}, "
                                "but that tag does not exist in the borrow stack for this location", (self.alloc,))

    def _access_stack(self, stack: list, tag: int, write: bool, key: tuple) -> int:
        i = self._grant(stack, tag, write, key)
        if write:
            del stack[i + 1:]
        else:
            stack[i + 1:] = [item for item in stack[i + 1:] if item[0] != UNIQUE]
        return i

    def access(self, tag: int, path: tuple, write: bool, mem: Any) -> None:
        for key in leaf_keys(self.alloc.value, path):
            self._access_stack(self._stack(key), tag, write, key)

    def retag(self, parent: int, p: Any, tag: int, kind: str, mem: Any) -> None:
        perm = SHARED_RO if kind == "shared" else (SHARED_RW if kind == "two-phase" else UNIQUE)
        for key in range_keys(self.alloc.value, p):
            stack = self._stack(key)
            self._access_stack(stack, parent, perm != SHARED_RO, key)
            stack.append((perm, tag))

    def retag_raw(self, p: Any, mem: Any) -> Any:
        """A raw pointer from a reference: a SharedReadWrite item above the parent's."""
        tag = mem.new_tag(p.tag)
        for key in range_keys(self.alloc.value, p):
            stack = self._stack(key)
            i = self._grant(stack, p.tag, False, key)
            perm = SHARED_RO if stack[i][0] == SHARED_RO else SHARED_RW
            stack.insert(i + 1, (perm, tag))
        return p.with_tag(tag)


RESERVED, ACTIVE, FROZEN, DISABLED = "Reserved", "Active", "Frozen", "Disabled"


class TreeBorrows:
    """Tree Borrows: tags form a tree (parent = the pointer a reference was derived from);
    each location keeps a state per tag.  Raw pointers share their parent's tag."""

    __slots__ = ("alloc", "first_tag", "states")

    def __init__(self, alloc: Any, first_tag: int) -> None:
        self.alloc = alloc
        self.first_tag = first_tag
        self.states: dict[tuple, dict[int, str]] = {}

    def _norm(self, tag: int) -> int:
        return 0 if tag < self.first_tag else tag

    def _ancestors(self, tag: int, mem: Any) -> set[int]:
        out = {tag}
        while tag >= self.first_tag and tag in mem.tag_parent:
            tag = self._norm(mem.tag_parent[tag])
            out.add(tag)
        out.add(0)
        return out

    def access(self, tag: int, path: tuple, write: bool, mem: Any) -> None:
        tag = self._norm(tag)
        local = self._ancestors(tag, mem)
        for key in leaf_keys(self.alloc.value, path):
            states = self.states.setdefault(key, {})
            mine = states.get(tag)
            if mine == DISABLED or (write and mine == FROZEN):
                kind = "write" if write else "read"
                raise UndefinedBehavior(UbClass.ALIASING,
                                        f"{kind} access through <{tag}> at {_fmt_loc(self.alloc, key)} is forbidden: "
                                        f"the tag has state {mine}", (self.alloc,))
            for t, st in states.items():
                if t in local:
                    if write and st == RESERVED:
                        states[t] = ACTIVE
                elif write:
                    states[t] = DISABLED
                elif st == ACTIVE:
                    states[t] = FROZEN

    def retag(self, parent: int, p: Any, tag: int, kind: str, mem: Any) -> None:
        self.access(parent, p.path, False, mem)
        initial = FROZEN if kind == "shared" else RESERVED
        for key in range_keys(self.alloc.value, p):
            self.states.setdefault(key, {})[tag] = initial

    def retag_raw(self, p: Any, mem: Any) -> Any:
        return p


MODELS = {"stacked": StackedBorrows, "tree": TreeBorrows, "none": None}
