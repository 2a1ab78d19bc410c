"""The machine's memory: allocations, pointers with provenance, and the narrow interface
(allocate, deallocate, load, store, retag, dereferenceable) every memory access goes through.

Values are kept at the level of Rust values, not bytes (design.md): an allocation holds one
value of its type — a Python int/float/bool/str(char) for a scalar, a `Ptr` for a pointer,
a list for a struct/tuple/array (an enum is `[variant, field0, ...]`), `UNINIT` for
uninitialised memory.  A pointer is (allocation, path of indices inside its value, borrow tag);
a path ending in an array index is an element pointer and supports pointer arithmetic.

Other memory disciplines (`rustmem.memory`) subclass `Memory` and change what deallocation and
moves mean; the interpreter only calls the methods below.
"""
from __future__ import annotations

from typing import Any, Optional

from .errors import LimitExceeded, UbClass, UndefinedBehavior


class _Uninit:
    """Uninitialised memory (and the drop flag of a moved-out place)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<uninit>"

    def __deepcopy__(self, memo: Any) -> "_Uninit":
        return self


UNINIT: Any = _Uninit()


class Allocation:
    """One block of memory: a stack slot (a local), a heap block or static data.

    kind: "stack" | "heap" | "static"; live turns False when the slot dies or the block is
    freed; span/free_span say where that happened (for UB reports and pictures).  `sb` is the
    aliasing state, None until a raw pointer into the allocation exists (see borrows.py)."""

    __slots__ = ("id", "kind", "value", "ty", "size", "live", "span", "free_span", "name", "sb",
                 "escaped", "leaked", "shadow")

    def __init__(self, id: int, kind: str, value: Any, ty: Any, size: int, span: Any, name: Optional[str] = None) -> None:
        self.id = id
        self.kind = kind
        self.value = value
        self.ty = ty
        self.size = size
        self.live = True
        self.span = span
        self.free_span = None
        self.name = name
        self.sb = None
        self.escaped = False  # a pointer to it was made (so a new StorageLive needs a new slot)
        self.leaked = False  # Box::leak / mem::forget-free intent: not reported as a leak
        self.shadow: Optional["Allocation"] = None  # the slot a move left behind (see BodyCompiler.operand)

    def __repr__(self) -> str:
        return f"alloc{self.id}"


class Ptr:
    """A pointer value with provenance: `alloc` (None for null/dangling), `path` inside the
    allocation's value, the borrow `tag`, `meta` (length of a slice/str, else None), `elem`
    (the path ends in an array index, so `add`/`sub` move along the array) and `delta` (an
    offset in elements for pointer arithmetic past a non-array place; accessing it is UB)."""

    __slots__ = ("alloc", "path", "tag", "meta", "elem", "delta")

    def __init__(self, alloc: Optional[Allocation], path: tuple = (), tag: int = 0, meta: Any = None,
                 elem: bool = False, delta: int = 0) -> None:
        self.alloc = alloc
        self.path = path
        self.tag = tag
        self.meta = meta
        self.elem = elem
        self.delta = delta

    def with_tag(self, tag: int) -> "Ptr":
        return Ptr(self.alloc, self.path, tag, self.meta, self.elem, self.delta)

    def with_meta(self, meta: Any) -> "Ptr":
        return Ptr(self.alloc, self.path, self.tag, meta, self.elem, self.delta)

    def offset(self, n: int) -> "Ptr":
        """Pointer arithmetic in elements (`ptr.add(n)`, `ptr.offset(n)`)."""
        if n == 0:
            return self
        if self.elem:
            path = self.path[:-1] + (self.path[-1] + n,)
            return Ptr(self.alloc, path, self.tag, self.meta, True, 0)
        return Ptr(self.alloc, self.path, self.tag, self.meta, False, self.delta + n)

    def project(self, index: int, elem: bool = False) -> "Ptr":
        return Ptr(self.alloc, self.path + (index,), self.tag, None, elem, 0)

    @property
    def is_null(self) -> bool:
        return self.alloc is None and self.delta == 0 and not self.path

    def address(self) -> int:
        """A stable fake address, for `as usize` casts and `{:p}`."""
        if self.alloc is None:
            return self.delta
        off = 0
        for k in self.path:
            off = off * 8 + k
        return 0x1000 * self.alloc.id + off + self.delta

    def __eq__(self, other: object) -> bool:
        return (isinstance(other, Ptr) and self.alloc is other.alloc and self.path == other.path
                and self.delta == other.delta)

    def __hash__(self) -> int:
        return hash((id(self.alloc), self.path, self.delta))

    def __repr__(self) -> str:
        where = f"{self.alloc!r}{list(self.path)}" if self.alloc else "null"
        return f"Ptr({where}, tag={self.tag}, meta={self.meta})"


NULL = Ptr(None)


def copy_value(v: Any) -> Any:
    """A typed copy of a value: aggregates are lists and must not be shared."""
    if v.__class__ is list:
        return [copy_value(x) if x.__class__ is list else x for x in v]
    return v


class Memory:
    """Allocations, the heap accounting and the aliasing model, behind the narrow interface.

    `aliasing` is a factory (borrows.StackedBorrows / TreeBorrows) or None; `tracer` receives
    alloc/free/read/write/borrow events when it is not None."""

    def __init__(self, max_heap_bytes: int, aliasing: Any = None, tracer: Any = None) -> None:
        self.next_id = 1
        self.next_tag = 1
        self.heap_bytes = 0
        self.peak_heap_bytes = 0
        self.max_heap_bytes = max_heap_bytes
        self.allocations = 0
        self.frees = 0
        self.live_heap: dict[int, Allocation] = {}
        self.statics: list[Allocation] = []
        self.aliasing = aliasing
        self.tag_parent: dict[int, int] = {}
        self.tracer = tracer
        self.clock = lambda: 0  # the machine's step counter, for trace events
        self.where = lambda: None  # the span being executed, for allocations made without one

    # ------------------------------------------------------------ allocate / deallocate

    def allocate(self, kind: str, ty: Any, size: int, value: Any, span: Any, name: Optional[str] = None) -> Allocation:
        if span is None and kind == "heap":
            span = self.where()
        a = Allocation(self.next_id, kind, value, ty, size, span, name)
        self.next_id += 1
        if kind == "heap":
            self.allocations += 1
            self.heap_bytes += size
            if self.heap_bytes > self.peak_heap_bytes:
                self.peak_heap_bytes = self.heap_bytes
                if self.heap_bytes > self.max_heap_bytes:
                    raise LimitExceeded("heap", f"heap limit of {self.max_heap_bytes} bytes exceeded", span=span)
            self.live_heap[a.id] = a
        elif kind == "static":
            self.statics.append(a)
        if self.tracer is not None:
            self.tracer.event("alloc", self.clock(), alloc=a.id, region=kind, size=size, ty=str(ty), name=name, span=span)
        return a

    def check_heap_room(self, size: int, elements: int, span: Any) -> None:
        """Raise LimitExceeded, as `allocate` would, when a heap block of `size` bytes and
        `elements` elements does not fit: called before the block's value is built, so that a
        huge `vec![x; n]` or `Vec::with_capacity(n)` stops at once instead of building n slots.
        Zero-sized elements take no bytes but still one slot each in the machine."""
        if self.heap_bytes + size > self.max_heap_bytes:
            raise LimitExceeded("heap", f"heap limit of {self.max_heap_bytes} bytes exceeded", span=span or self.where())
        if elements > self.max_heap_bytes:
            raise LimitExceeded("heap", f"a buffer of {elements} elements exceeds the machine's limit of "
                                f"{self.max_heap_bytes} elements", span=span or self.where())

    def deallocate(self, p: Ptr, span: Any, size: Optional[int] = None) -> None:
        """Free the heap block `p` points to the start of (Box/Vec/String/Rc deallocation);
        `size`, when given, is the layout the caller frees with and must be the block's."""
        a = p.alloc
        if a is None:
            raise UndefinedBehavior(UbClass.INVALID_FREE, "deallocating a null or dangling pointer, which does not point to an allocation")
        if a.kind != "heap":
            what = "stack variable memory" if a.kind == "stack" else "static memory"
            raise UndefinedBehavior(UbClass.INVALID_FREE, f"deallocating {a!r}, which is {what}, using Rust heap deallocation operation", (a,))
        if not a.live:
            raise UndefinedBehavior(UbClass.DOUBLE_FREE, f"double free: deallocating {a!r}, which has already been freed", (a,))
        if any(p.path) or p.delta:
            raise UndefinedBehavior(UbClass.INVALID_FREE, f"deallocating {a!r}+{self.byte_offset(p):#x}, which is not the start of the allocation", (a,))
        if size is not None and size != a.size:
            raise UndefinedBehavior(UbClass.INVALID_FREE, f"incorrect layout on deallocation: {a!r} has size {a.size}, "
                                    f"but gave size {size}", (a,))
        self.free(a, span)

    def free(self, a: Allocation, span: Any) -> None:
        if a.shadow is not None and a.shadow.live:  # the moved-from bytes die with the slot
            self.free(a.shadow, span)
        a.live = False
        a.free_span = span if span is not None else self.where()
        if a.kind == "heap":
            self.frees += 1
            self.heap_bytes -= a.size
            self.live_heap.pop(a.id, None)
        if self.tracer is not None:
            self.tracer.event("free", self.clock(), alloc=a.id, region=a.kind, span=span)

    # ------------------------------------------------------------ load / store

    def check(self, p: Ptr, write: bool, size_hint: Optional[int] = None) -> Allocation:
        """dereferenceable: `p` points into a live allocation, in bounds, and the aliasing model
        allows the access.  Returns the allocation."""
        a = p.alloc
        if a is None:
            raise UndefinedBehavior(UbClass.DANGLING_POINTER,
                                    "memory access failed: null pointer is a dangling pointer (it has no provenance)")
        if not a.live:
            if a.kind == "stack":
                raise UndefinedBehavior(UbClass.DANGLING_POINTER,
                                        f"memory access failed: {a!r} has been freed, so this pointer is dangling (the stack slot of `{a.name or '_'}` is dead)", (a,))
            raise UndefinedBehavior(UbClass.USE_AFTER_FREE, f"memory access failed: {a!r} has been freed, so this pointer is dangling", (a,))
        if p.delta:
            self.out_of_bounds(p)
        if a.sb is not None:
            a.sb.access(p.tag, p.path, write, self)
        return a

    def load(self, p: Ptr) -> Any:
        """Read the value `p` points to (not copied: the caller copies aggregates)."""
        a = p.alloc
        if a is None or not a.live or p.delta:
            self.check(p, False)
        v = a.value  # type: ignore[union-attr]
        for k in p.path:
            if v.__class__ is not list:
                if v is UNINIT:
                    raise UndefinedBehavior(UbClass.UNINIT_READ, "using uninitialized data, but this operation requires initialized memory", (a,))
                self.out_of_bounds(p)
            if k >= len(v):
                self.out_of_bounds(p)
            v = v[k]
        if a.sb is not None:  # type: ignore[union-attr]
            a.sb.access(p.tag, p.path, False, self)  # type: ignore[union-attr]
        if self.tracer is not None:
            self.tracer.event("read", self.clock(), alloc=a.id, path=p.path)  # type: ignore[union-attr]
        return v

    def store(self, p: Ptr, value: Any) -> None:
        a = p.alloc
        if a is None or not a.live or p.delta:
            self.check(p, True)
        path = p.path
        if not path:
            if a.sb is not None:  # type: ignore[union-attr]
                a.sb.access(p.tag, path, True, self)  # type: ignore[union-attr]
            a.value = value  # type: ignore[union-attr]
        else:
            v = a.value  # type: ignore[union-attr]
            for k in path[:-1]:
                if v.__class__ is not list or k >= len(v):
                    self.out_of_bounds(p)
                v = v[k]
            k = path[-1]
            if v.__class__ is not list or k >= len(v):
                self.out_of_bounds(p)
            if a.sb is not None:  # type: ignore[union-attr]
                a.sb.access(p.tag, path, True, self)  # type: ignore[union-attr]
            v[k] = value
        if self.tracer is not None:
            self.tracer.event("write", self.clock(), alloc=a.id, path=path)  # type: ignore[union-attr]

    def out_of_bounds(self, p: Ptr) -> None:
        a = p.alloc
        off = self.byte_offset(p)
        raise UndefinedBehavior(UbClass.OUT_OF_BOUNDS,
                                f"memory access failed: attempting to access memory at {a!r}+{off:#x}, "
                                f"which is at or beyond the end of the allocation of size {a.size if a else 0} bytes", (a,))

    def byte_offset(self, p: Ptr) -> int:
        """Best-effort byte offset of `p` inside its allocation (for messages only)."""
        a = p.alloc
        if a is None:
            return p.delta
        if p.elem and len(p.path) == 1 and isinstance(a.value, list):
            n = max(len(a.value), 1)
            return p.path[0] * (a.size // n) + p.delta
        return (sum(p.path) + p.delta) * 4

    # ------------------------------------------------------------ retag

    def new_tag(self, parent: int) -> int:
        t = self.next_tag
        self.next_tag = t + 1
        self.tag_parent[t] = parent
        return t

    def retag(self, p: Ptr, kind: str) -> Ptr:
        """A new reference or raw pointer derived from `p`.  kind: "shared", "mut",
        "two-phase", "raw" (a raw pointer made from a reference: activates aliasing checks on
        the allocation).  Returns the pointer with its new tag."""
        a = p.alloc
        if a is None:
            return p
        if kind == "raw":
            a.escaped = True
            if a.sb is None and self.aliasing is not None:
                a.sb = self.aliasing(a, self.next_tag)
            if a.sb is None:
                return p
            return a.sb.retag_raw(p, self)
        if not a.live:  # a reference must point to live memory (Miri checks it when retagging)
            self.check(p, False)
        tag = self.new_tag(p.tag)
        a.escaped = True
        if a.sb is not None and a.live:
            a.sb.retag(p.tag, p, tag, kind, self)
        if self.tracer is not None:
            self.tracer.event("borrow", self.clock(), alloc=a.id, path=p.path, borrow=kind, tag=tag)
        return Ptr(a, p.path, tag, p.meta, p.elem, p.delta)

    def reachable_from_statics(self) -> set[int]:
        """Ids of the heap blocks a static (or a leaked block) points to, transitively: as in
        Miri, memory still reachable from global memory at exit is not a leak."""
        seen: set[int] = set()
        work = [a.value for a in self.statics] + [a.value for a in self.live_heap.values() if a.leaked]
        while work:
            v = work.pop()
            if v.__class__ is list:
                work.extend(v)
            elif v.__class__ is Ptr and v.alloc is not None and v.alloc.kind == "heap" and v.alloc.live:
                if v.alloc.id not in seen:
                    seen.add(v.alloc.id)
                    work.append(v.alloc.value)
        return seen
