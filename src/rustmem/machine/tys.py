"""Type questions the machine asks while compiling a body instance: substitution, the type
of a place, how a type's values are represented, sizes.  Everything is cached per machine,
because bodies are compiled once per instance and these run only at compile time."""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import CompileError, Diagnostic
from ..mir import ir
from ..types import ty as T

# Std types whose value is a bare pointer (not a list of fields): the machine implements them.
POINTER_LIKE = ("Box", "NonNull", "Rc", "Weak")
MAX_TYPE_NESTING = 200  # ADTs nested by value deeper than this are taken as infinitely recursive
INT_RANGES = {k: ((-(1 << (b - 1)), (1 << (b - 1)) - 1) if k[0] == "i" else (0, (1 << b) - 1))
              for k, b in (("i8", 8), ("i16", 16), ("i32", 32), ("i64", 64), ("i128", 128), ("isize", 64),
                           ("u8", 8), ("u16", 16), ("u32", 32), ("u64", 64), ("u128", 128), ("usize", 64))}


def lang(ty: Any) -> Optional[str]:
    return ty.adt.lang if isinstance(ty, T.Adt) else None


def is_scalar(ty: Any) -> bool:
    """Values of ty are immutable Python objects (no copy needed on a typed copy)."""
    if isinstance(ty, (T.Int, T.Float, T.Bool, T.Char, T.Ref, T.RawPtr, T.FnPtr, T.FnDefTy, T.Never)):
        return True
    return isinstance(ty, T.Adt) and ty.adt.lang in POINTER_LIKE


def is_primitive(ty: Any) -> bool:
    return isinstance(ty, (T.Int, T.Float, T.Bool, T.Char))


def pointee(ty: Any) -> Any:
    """The type behind a reference, raw pointer or Box/NonNull."""
    if isinstance(ty, (T.Ref, T.RawPtr)):
        return ty.inner
    if isinstance(ty, T.Adt) and ty.adt.lang in ("Box", "NonNull") and ty.args:
        return ty.args[0]
    raise TypeError(f"cannot dereference {ty}")


def is_unsized(ty: Any) -> bool:
    return isinstance(ty, (T.Slice, T.Str))


def wrap_int(v: int, kind: str) -> int:
    lo, hi = INT_RANGES[kind]
    if lo <= v <= hi:
        return v
    span = hi - lo + 1
    return (v - lo) % span + lo


class TypeView:
    """The machine's window on the TyCtxt: cached, with safe fallbacks for tests."""

    def __init__(self, tcx: Any) -> None:
        self.tcx = tcx
        self._size: dict[Any, int] = {}
        self._finite: set[Any] = set()  # ADTs known not to contain themselves by value
        self._copy: dict[Any, bool] = {}
        self._drop: dict[Any, bool] = {}
        self.closure_params: dict[Any, list] = {}  # ClosureDef -> names of the Params its type's args bind

    def size_of(self, ty: Any) -> int:
        s = self._size.get(ty)
        if s is None:
            self._check_finite(ty, [])
            try:
                s = int(self.tcx.layout(ty).size)
            except Exception:  # layouts of odd types (closures, params) fall back to an estimate
                s = self._estimate(ty)
            self._size[ty] = s
        return s

    def _check_finite(self, ty: Any, stack: list) -> None:
        """Raise E0072 when ty holds itself by value (`enum E { Node(E, E) }`): its layout and
        estimate would recurse without end.  `stack` is the chain of ADTs being walked; a chain
        longer than any real nesting is treated the same (types that grow at each level)."""
        if isinstance(ty, T.Tuple):
            for e in ty.elems:
                self._check_finite(e, stack)
            return
        if isinstance(ty, T.Array):
            self._check_finite(ty.elem, stack)
            return
        if not isinstance(ty, T.Adt) or ty in self._finite or ty.adt.lang in POINTER_LIKE + ("Vec", "String"):
            return
        if ty in stack or len(stack) > MAX_TYPE_NESTING:
            root = stack[0].adt
            raise CompileError(Diagnostic.error(f"recursive type `{root.name}` has infinite size", "E0072")
                               .with_primary(root.span))
        stack.append(ty)
        for v in range(len(ty.adt.variants)):
            for f in self.field_tys(ty, v):
                self._check_finite(f, stack)
        stack.pop()
        self._finite.add(ty)

    def _estimate(self, ty: Any) -> int:
        if isinstance(ty, T.Int):
            return 16 if ty.bits == 128 else ty.bits // 8
        if isinstance(ty, (T.Float,)):
            return 8 if ty.kind == "f64" else 4
        if isinstance(ty, T.Bool):
            return 1
        if isinstance(ty, T.Char):
            return 4
        if isinstance(ty, (T.Ref, T.RawPtr)):
            return 16 if is_unsized(ty.inner) else 8
        if isinstance(ty, T.Tuple):
            return sum(self.size_of(e) for e in ty.elems)
        if isinstance(ty, T.Array):
            return ty.length * self.size_of(ty.elem)
        if isinstance(ty, T.Adt):
            if ty.adt.lang in ("Vec", "String"):
                return 24
            if ty.adt.lang in POINTER_LIKE:
                return 8
            best = 0
            for v in range(len(ty.adt.variants)):
                best = max(best, sum(self.size_of(f) for f in self.field_tys(ty, v)))
            return best + (8 if ty.adt.is_enum else 0)
        return 8

    def is_copy(self, ty: Any) -> bool:
        c = self._copy.get(ty)
        if c is None:
            try:
                c = bool(self.tcx.is_copy(ty))
            except Exception:
                c = is_scalar(ty) and not (isinstance(ty, T.Ref) and ty.mutable) and lang(ty) not in POINTER_LIKE
            self._copy[ty] = c
        return c

    def needs_drop(self, ty: Any) -> bool:
        d = self._drop.get(ty)
        if d is None and isinstance(ty, T.ClosureTy) and ty.args:
            d = any(self.needs_drop(t) for t, c in zip(self.field_tys(ty), ty.closure.captures) if c[2] in ("move", "copy"))
            self._drop[ty] = d
        if d is None:
            try:
                d = bool(self.tcx.needs_drop(ty))
            except Exception:
                d = not self.is_copy(ty)
            self._drop[ty] = d
        return d

    def field_tys(self, ty: Any, variant: int = 0) -> list[Any]:
        if isinstance(ty, T.Tuple):
            return list(ty.elems)
        if isinstance(ty, T.ClosureTy):
            out = []
            names = self.closure_params.get(ty.closure, [])
            subst = dict(zip(names, ty.args)) if ty.args else {}
            for _name, _binding, mode, var_ty in ty.closure.captures:
                if subst:
                    var_ty = T.subst(var_ty, subst)
                if mode in ("ref", "refmut"):
                    var_ty = T.Ref(T.ERASED, mode == "refmut", var_ty)
                out.append(var_ty)
            return out
        return list(self.tcx.field_tys(ty, variant))

    def drop_impl(self, adt: Any) -> Any:
        try:
            return self.tcx.drop_impl(adt)
        except Exception:
            return None

    def normalize(self, ty: Any) -> Any:
        if any(isinstance(t, T.Projection) for t in T.walk(ty)):
            try:
                return self.tcx.normalize(ty)
            except Exception:
                return ty
        return ty


def place_ty(locals_tys: list[Any], place: ir.Place, view: TypeView) -> Any:
    """The type of `place`, given the (substituted) types of the body's locals."""
    ty = locals_tys[place.local]
    for elem in place.projection:
        ty = project_ty(ty, elem, view)
    return ty


def project_ty(ty: Any, elem: Any, view: TypeView) -> Any:
    if isinstance(elem, ir.Deref):
        return pointee(ty)
    if isinstance(elem, ir.FieldProj):
        return elem.ty
    if isinstance(elem, (ir.IndexProj, ir.ConstantIndex)):
        return ty.elem
    if isinstance(elem, ir.Subslice):
        if isinstance(ty, T.Array):
            return T.Array(ty.elem, ty.length - elem.start - elem.end)
        return ty
    return ty  # Downcast keeps the enum type
