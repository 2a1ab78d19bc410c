"""Places compiled to closures: reading, writing and pointing at `local.field[i].*...`.

A place rooted at a plain local without a Deref is a path of list indices into `L[i]`; a
place behind a Deref becomes a pointer (`Ptr`) computed step by step and goes through the
memory interface (so liveness, bounds and aliasing are checked).  Mixed into BodyCompiler.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..mir import ir
from ..types import ty as T
from .errors import UbClass, UndefinedBehavior
from .memory import UNINIT, Ptr, copy_value

Getter = Callable[[list], Any]
Setter = Callable[[list, Any], None]


class PlaceCompiler:
    """The place half of BodyCompiler (expects `tys`, `addr`, `mem`, `view`, `proj_ty`)."""

    tys: list
    addr: set
    mem: Any
    view: Any
    proj_ty: Callable[[Any, Any], Any]

    # ------------------------------------------------------------ places

    def is_plain(self, local: int) -> bool:
        return local not in self.addr

    def local_get(self, i: int) -> Getter:
        if self.is_plain(i):
            return lambda L: L[i]
        return lambda L: L[i].value

    def local_set(self, i: int) -> Setter:
        if self.is_plain(i):
            def set_plain(L: list, v: Any) -> None:
                L[i] = v
            return set_plain

        def set_alloc(L: list, v: Any) -> None:
            L[i].value = v
        return set_alloc

    def static_steps(self, place: ir.Place) -> Optional[list]:
        """The projection as index steps (int, or ("local", j) for a dynamic index) when the
        place has no Deref; None otherwise."""
        steps: list = []
        ty = self.tys[place.local]
        downcast = False
        for e in place.projection:
            if isinstance(e, ir.Deref) or isinstance(e, ir.Subslice):
                return None
            if isinstance(e, ir.Downcast):
                downcast = True
            elif isinstance(e, ir.FieldProj):
                steps.append(e.index + (1 if downcast else 0))
                downcast = False
            elif isinstance(e, ir.IndexProj):
                steps.append(("local", e.local))
            elif isinstance(e, ir.ConstantIndex):
                if e.from_end:
                    if not isinstance(ty, T.Array):
                        return None
                    steps.append(ty.length - e.offset)
                else:
                    steps.append(e.offset)
            ty = self.proj_ty(ty, e)
        return steps

    def place_get(self, place: ir.Place) -> Getter:
        """A closure reading the place's value (not copied)."""
        base = self.local_get(place.local)
        if not place.projection:
            return base
        steps = self.static_steps(place)
        if steps is None:
            ptr = self.place_ptr(place)
            load = self.mem.load
            return lambda L: load(ptr(L))
        if all(isinstance(s, int) for s in steps):
            if len(steps) == 1:
                a = steps[0]
                return lambda L: base(L)[a]
            if len(steps) == 2:
                a, b = steps
                return lambda L: base(L)[a][b]
        dyn = [(s[1] if isinstance(s, tuple) else None, s if isinstance(s, int) else 0) for s in steps]
        getters = [self.local_get(j) if j is not None else None for j, _ in dyn]

        def get_path(L: list) -> Any:
            v = base(L)
            for (j, k), g in zip(dyn, getters):
                v = v[g(L) if g is not None else k]
            return v
        return get_path

    def place_set(self, place: ir.Place) -> Setter:
        """A closure writing a value into the place (materialising an uninitialised aggregate
        on the way, as a field-by-field initialisation does)."""
        if not place.projection:
            return self.local_set(place.local)
        steps = self.static_steps(place)
        if steps is None:
            ptr = self.place_ptr(place)
            store = self.mem.store
            return lambda L, v: store(ptr(L), v)
        base = self.local_get(place.local)
        set_base = self.local_set(place.local)
        skeletons = self.skeletons(place)
        keys = [(s[1] if isinstance(s, tuple) else None, s if isinstance(s, int) else 0) for s in steps]
        getters = [self.local_get(j) if j is not None else None for j, _ in keys]
        last = len(keys) - 1

        def set_path(L: list, v: Any) -> None:
            cur = base(L)
            if cur is UNINIT:
                cur = skeletons[0]()
                set_base(L, cur)
            for n, ((j, k), g) in enumerate(zip(keys, getters)):
                idx = g(L) if g is not None else k
                if n == last:
                    cur[idx] = v
                    return
                nxt = cur[idx]
                if nxt is UNINIT:
                    nxt = cur[idx] = skeletons[n + 1]()
                cur = nxt
        return set_path

    def skeletons(self, place: ir.Place) -> list[Callable[[], Any]]:
        """For each prefix of place (the local, then each projection), a maker of an
        uninitialised value of that type, used when a field is written into UNINIT."""
        out = []
        ty = self.tys[place.local]
        downcast: Optional[int] = None
        for e in place.projection:
            out.append(self.skeleton_of(ty, downcast))
            downcast = e.variant if isinstance(e, ir.Downcast) else None
            ty = self.proj_ty(ty, e)
        return out

    def skeleton_of(self, ty: Any, variant: Optional[int]) -> Callable[[], Any]:
        if isinstance(ty, T.Tuple):
            n = len(ty.elems)
            return lambda: [UNINIT] * n
        if isinstance(ty, T.Array):
            n = ty.length
            return lambda: [UNINIT] * n
        if isinstance(ty, T.ClosureTy):
            n = len(ty.closure.captures)
            return lambda: [UNINIT] * n
        if isinstance(ty, T.Adt) and ty.adt.lang not in ("Box", "NonNull", "Rc", "Weak"):
            if ty.adt.is_enum:
                v = variant or 0
                n = len(ty.adt.variants[v].fields)
                return lambda: [v] + [UNINIT] * n
            n = len(ty.adt.variants[0].fields)
            return lambda: [UNINIT] * n
        return lambda: UNINIT

    def place_ptr(self, place: ir.Place) -> Callable[[list], Ptr]:
        """A closure computing a pointer to the place (for borrows, and places behind a Deref)."""
        i = place.local
        if self.is_plain(i):
            # A plain local has no allocation; only places behind a Deref reach here for it.
            def base(L: list) -> Ptr:
                raise AssertionError("pointer to a plain local")
        else:
            def base(L: list) -> Ptr:
                return Ptr(L[i])
        cur: Callable[[list], Ptr] = base
        ty = self.tys[i]
        downcast = False
        prefix: list = []
        load = self.mem.load
        for e in place.projection:
            prev = cur
            if isinstance(e, ir.Deref):
                if all(not isinstance(x, ir.Deref) for x in prefix):
                    get = self.place_get(ir.Place(i, tuple(prefix)))
                    cur = self._deref_value(get)
                else:
                    cur = self._deref_value(lambda L, prev=prev: load(prev(L)))
            elif isinstance(e, ir.Downcast):
                downcast = True
            elif isinstance(e, ir.FieldProj):
                k = e.index + (1 if downcast else 0)
                downcast = False
                cur = (lambda prev, k: lambda L: prev(L).project(k))(prev, k)
            elif isinstance(e, ir.IndexProj):
                cur = self._index_ptr(prev, ty, self.local_get(e.local))
            elif isinstance(e, ir.ConstantIndex):
                cur = self._const_index_ptr(prev, ty, e)
            elif isinstance(e, ir.Subslice):
                cur = self._subslice_ptr(prev, ty, e)
            prefix.append(e)
            ty = self.proj_ty(ty, e)
        return cur

    def _deref_value(self, get: Getter) -> Callable[[list], Ptr]:
        def deref(L: list) -> Ptr:
            p = get(L)
            if p.__class__ is not Ptr:
                if p is UNINIT:
                    raise UndefinedBehavior(UbClass.UNINIT_READ, "using uninitialized data, but this operation requires initialized memory")
                raise UndefinedBehavior(UbClass.DANGLING_POINTER, "dereferencing a value that is not a pointer")
            return p
        return deref

    def _index_ptr(self, prev: Callable, ty: Any, idx: Getter) -> Callable[[list], Ptr]:
        if isinstance(ty, T.Array):
            return lambda L: prev(L).project(idx(L), True)
        return lambda L: prev(L).offset(idx(L))  # a slice place: prev points at element 0

    def _const_index_ptr(self, prev: Callable, ty: Any, e: ir.ConstantIndex) -> Callable[[list], Ptr]:
        if isinstance(ty, T.Array):
            k = ty.length - e.offset if e.from_end else e.offset
            return lambda L: prev(L).project(k, True)
        if e.from_end:
            def from_end(L: list) -> Ptr:
                p = prev(L)
                return p.offset(p.meta - e.offset)
            return from_end
        return lambda L: prev(L).offset(e.offset)

    def _subslice_ptr(self, prev: Callable, ty: Any, e: ir.Subslice) -> Callable[[list], Ptr]:
        def sub(L: list) -> Ptr:
            p = prev(L)
            if isinstance(ty, T.Array):
                n = ty.length
                q = p.project(e.start, True)
            else:
                n = p.meta
                q = p.offset(e.start)
            end = n - e.end if e.from_end else e.end
            return q.with_meta(end - e.start)
        return sub

    def _promoted(self, local: int) -> Getter:
        """`&CONST`: rustc promotes a borrow of a constant expression to static memory, so the
        reference lives forever (and freeing it is an invalid free of static memory)."""
        get, cell, mem, ty = self.local_get(local), [], self.mem, self.tys[local]
        size = self.view.size_of(ty)

        def promoted(L: list) -> Ptr:
            if not cell:
                a = mem.allocate("static", ty, size, copy_value(get(L)), None, "promoted constant")
                cell.append(Ptr(a))
            return cell[0]
        return promoted

