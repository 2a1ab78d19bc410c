"""Type inference variables and unification, with an undo log for speculative probing.

`InferCtxt` owns the inference variables of one function body (closures included).  Integer
and float literals get variables of kind "int"/"float" that only unify with integer/float
types; `default_numeric` turns the ones left over into i32/f64 as rustc's fallback does.
Regions are ignored by unification: bodies are checked with regions erased.
"""
from __future__ import annotations

from typing import Callable, Optional, TypeVar

from .ty import (
    Adt, Array, ClosureTy, ErrorTy, F64, Float, FnDefTy, FnPtr, I32, Infer, Int, Never, Param,
    Projection, RawPtr, Ref, Slice, Tuple, Ty, UNIT, fold,
)

T = TypeVar("T")

# the types that have parts (the ones `fold` rebuilds)
_COMPOUND = (Tuple, Array, Slice, Ref, RawPtr, Adt, FnDefTy, ClosureTy, FnPtr, Projection)

# An array length that matches any length: the `N` of `impl<T, const N: usize> [T; N]`.
ANY_LEN = -1


class InferCtxt:
    """Union-find over inference variables; every mutation is logged so a probe can roll back."""

    def __init__(self) -> None:
        self.values: list[Optional[Ty]] = []
        self.kinds: list[str] = []
        self.origins: list[str] = []
        self.undo: list[tuple[int, Optional[Ty], str]] = []

    # -- variables

    def new_var(self, kind: str = "ty", origin: str = "") -> Infer:
        self.values.append(None)
        self.kinds.append(kind)
        self.origins.append(origin)
        return Infer(len(self.values) - 1, kind)  # type: ignore[arg-type]

    def _bind(self, var: int, value: Optional[Ty], kind: Optional[str] = None) -> None:
        self.undo.append((var, self.values[var], self.kinds[var]))
        self.values[var] = value
        if kind is not None:
            self.kinds[var] = kind

    def shallow(self, ty: Ty) -> Ty:
        """ty with the outermost bound variables replaced (one level deep)."""
        while isinstance(ty, Infer):
            v = self.values[ty.var]
            if v is None:
                k = self.kinds[ty.var]
                return ty if k == ty.kind else Infer(ty.var, k)  # type: ignore[arg-type]
            ty = v
        return ty

    def resolve(self, ty: Ty) -> Ty:
        """ty with every bound variable replaced, recursively."""
        # the common cases without a fold: a variable, and a type with no parts
        if isinstance(ty, Infer):
            ty = self.shallow(ty)
            if isinstance(ty, Infer):
                return ty
        if not isinstance(ty, _COMPOUND):
            return ty

        def f(t: Ty) -> Optional[Ty]:
            if isinstance(t, Infer):
                s = self.shallow(t)
                return s if isinstance(s, Infer) else self.resolve(s)
            return None
        return fold(ty, f)

    def default_numeric(self) -> None:
        """rustc's fallback: unconstrained integer literals are i32, float literals f64."""
        for var, value in enumerate(self.values):
            if value is None:
                if self.kinds[var] == "int":
                    self._bind(var, I32)
                elif self.kinds[var] == "float":
                    self._bind(var, F64)

    def default_rest(self) -> None:
        """Variables nobody constrained (the types of diverging expressions) become `()`."""
        for var, value in enumerate(self.values):
            if value is None:
                self._bind(var, UNIT)

    # -- snapshots

    def snapshot(self) -> int:
        return len(self.undo)

    def rollback_to(self, snap: int) -> None:
        while len(self.undo) > snap:
            var, value, kind = self.undo.pop()
            self.values[var] = value
            self.kinds[var] = kind

    def probe(self, f: Callable[[], T]) -> T:
        """Run f and undo every unification it made."""
        snap = self.snapshot()
        try:
            return f()
        finally:
            self.rollback_to(snap)

    def try_unify(self, a: Ty, b: Ty) -> bool:
        """unify, rolled back when it fails."""
        snap = self.snapshot()
        if self.unify(a, b):
            return True
        self.rollback_to(snap)
        return False

    # -- unification

    def unify(self, a: Ty, b: Ty) -> bool:
        """Make a and b equal; False (with partial bindings) when they cannot be."""
        a = self.shallow(a)
        b = self.shallow(b)
        if a is b or a == b:
            return True
        if isinstance(a, ErrorTy) or isinstance(b, ErrorTy):
            return True
        if isinstance(a, Infer):
            return self._unify_var(a, b)
        if isinstance(b, Infer):
            return self._unify_var(b, a)
        if type(a) is not type(b):
            return False
        if isinstance(a, (Int, Float, Param, Never)):
            return a == b
        if isinstance(a, Tuple):
            return len(a.elems) == len(b.elems) and all(self.unify(x, y) for x, y in zip(a.elems, b.elems))  # type: ignore[attr-defined]
        if isinstance(a, Array):
            if a.length != b.length and ANY_LEN not in (a.length, b.length):  # type: ignore[attr-defined]
                return False
            return self.unify(a.elem, b.elem)  # type: ignore[attr-defined]
        if isinstance(a, Slice):
            return self.unify(a.elem, b.elem)  # type: ignore[attr-defined]
        if isinstance(a, (Ref, RawPtr)):
            return a.mutable == b.mutable and self.unify(a.inner, b.inner)  # type: ignore[attr-defined]
        if isinstance(a, Adt):
            return a.adt is b.adt and self._unify_all(a.args, b.args)  # type: ignore[attr-defined]
        if isinstance(a, FnDefTy):
            return a.fn is b.fn and self._unify_all(a.args, b.args)  # type: ignore[attr-defined]
        if isinstance(a, ClosureTy):
            return a.closure is b.closure
        if isinstance(a, FnPtr):
            return (len(a.params) == len(b.params) and self._unify_all(a.params, b.params)  # type: ignore[attr-defined]
                    and self.unify(a.ret, b.ret))  # type: ignore[attr-defined]
        if isinstance(a, Projection):
            return (a.trait is b.trait and a.name == b.name and self.unify(a.self_ty, b.self_ty)  # type: ignore[attr-defined]
                    and self._unify_all(a.args, b.args))  # type: ignore[attr-defined]
        return a == b

    def _unify_all(self, xs: tuple[Ty, ...], ys: tuple[Ty, ...]) -> bool:
        return len(xs) == len(ys) and all(self.unify(x, y) for x, y in zip(xs, ys))

    def _unify_var(self, v: Infer, t: Ty) -> bool:
        kind = self.kinds[v.var]
        if isinstance(t, Infer):
            other = self.kinds[t.var]
            if kind != "ty" and other != "ty" and kind != other:
                return False
            # keep the narrower kind on the surviving variable
            if kind != "ty" and other == "ty":
                self._bind(t.var, v)
            else:
                self._bind(v.var, t)
            return True
        if kind == "int" and not isinstance(t, Int):
            return False
        if kind == "float" and not isinstance(t, Float):
            return False
        if self._occurs(v.var, t):
            return False
        self._bind(v.var, t)
        return True

    def _occurs(self, var: int, t: Ty) -> bool:
        found = False

        def f(x: Ty) -> Optional[Ty]:
            nonlocal found
            if isinstance(x, Infer):
                s = self.shallow(x)
                if isinstance(s, Infer):
                    if s.var == var:
                        found = True
                    return x
                fold(s, f)
                return x
            return None
        fold(t, f)
        return found

    def is_unresolved(self, ty: Ty) -> bool:
        s = self.shallow(ty)
        return isinstance(s, Infer) and s.kind == "ty"

    def has_infer(self, ty: Ty) -> bool:
        found = False

        def f(x: Ty) -> Optional[Ty]:
            nonlocal found
            if isinstance(x, Infer):
                found = True
                return x
            return None
        fold(self.resolve(ty), f)
        return found
