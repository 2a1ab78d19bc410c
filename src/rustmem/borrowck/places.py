"""What the borrow checker asks of places and types: types of places, Copy/Drop, names.

`BodyInfo` wraps one `ir.Body` with the type context: the type of any place (computed from the
local's type through each projection, so regions inside field types follow the ADT's region
arguments), whether a type is Copy or has a destructor, and rustc's way of naming a place in
a message (`x.f`, `*r`, `v[_]`, a closure's captured variable by its name).
"""
from __future__ import annotations

from typing import Any, Optional

from ..mir import ir
from ..types import ty as T
from .dataflow import Points


class BodyInfo:
    """One body, its points, its (renumbered) local types and the tcx queries."""

    def __init__(self, body: ir.Body, tcx: Any, program: Optional[ir.Program] = None) -> None:
        self.body = body
        self.tcx = tcx
        self.program = program
        self.points = Points(body)
        self.local_tys: list[T.Ty] = [d.ty for d in body.locals]  # replaced by regions.renumber
        self._copy: dict[T.Ty, bool] = {}

    # ---------------------------------------------------------------- types

    def place_ty(self, place: ir.Place) -> T.Ty:
        ty = self.local_tys[place.local]
        variant = 0
        for elem in place.projection:
            ty, variant = self.project_ty(ty, elem, variant)
        return ty

    def project_ty(self, ty: T.Ty, elem: ir.ProjElem, variant: int = 0) -> tuple[T.Ty, int]:
        if isinstance(elem, ir.Deref):
            return deref_ty(ty), 0
        if isinstance(elem, ir.FieldProj):
            return self.field_ty(ty, elem, variant), 0
        if isinstance(elem, ir.Downcast):
            return ty, elem.variant
        if isinstance(elem, (ir.IndexProj, ir.ConstantIndex)):
            return (ty.elem if isinstance(ty, (T.Array, T.Slice)) else T.ERROR), 0
        if isinstance(elem, ir.Subslice):
            return (T.Slice(ty.elem) if isinstance(ty, (T.Array, T.Slice)) else ty), 0
        return T.ERROR, 0

    def field_ty(self, ty: T.Ty, elem: ir.FieldProj, variant: int) -> T.Ty:
        if isinstance(ty, T.Tuple) and elem.index < len(ty.elems):
            return ty.elems[elem.index]
        if isinstance(ty, T.Adt) and variant < len(ty.adt.variants):
            fields = ty.adt.variants[variant].fields
            if elem.index < len(fields):
                types = dict(zip(ty.adt.params, ty.args))
                regions = dict(zip(ty.adt.lifetimes, ty.regions)) if ty.regions else None
                return T.subst(fields[elem.index].ty, types, regions)
        return elem.ty

    def operand_ty(self, op: Any) -> T.Ty:
        if isinstance(op, (ir.Copy, ir.Move)):
            return self.place_ty(op.place)
        return op.ty

    # ---------------------------------------------------------------- classification

    def is_copy(self, ty: T.Ty) -> bool:
        if isinstance(ty, (T.Int, T.Float, T.Bool, T.Char, T.RawPtr, T.FnDefTy, T.FnPtr, T.Never, T.ErrorTy)):
            return True
        if isinstance(ty, T.Ref):
            return not ty.mutable
        if isinstance(ty, T.Tuple):
            return all(self.is_copy(e) for e in ty.elems)
        if isinstance(ty, T.Array):
            return self.is_copy(ty.elem)
        hit = self._copy.get(ty)
        if hit is None:
            hit = self._copy[ty] = self._query_copy(ty)
        return hit

    def _query_copy(self, ty: T.Ty) -> bool:
        if self.tcx is not None and hasattr(self.tcx, "is_copy"):
            try:
                return bool(self.tcx.is_copy(T.erase_regions(ty)))
            except Exception:  # an unresolvable type: treat as moved, as rustc would for `T`
                return False
        return isinstance(ty, T.Adt) and "Copy" in ty.adt.derives

    def has_dtor(self, adt: T.AdtDef) -> bool:
        """A user (or std) `impl Drop` on the ADT itself — not drop glue of its fields."""
        if adt.lang is not None:
            return adt.lang in ("Box", "Vec", "String", "Rc", "Weak", "RefMut", "Ref")
        if self.tcx is not None and hasattr(self.tcx, "drop_impl"):
            return self.tcx.drop_impl(adt) is not None
        return False

    def needs_drop(self, ty: T.Ty) -> bool:
        if self.tcx is not None and hasattr(self.tcx, "needs_drop"):
            return bool(self.tcx.needs_drop(T.erase_regions(ty)))
        return not self.is_copy(ty)

    def is_box(self, ty: T.Ty) -> bool:
        return isinstance(ty, T.Adt) and ty.adt.lang == "Box"

    # ---------------------------------------------------------------- names

    def local_name(self, local: int) -> Optional[str]:
        decl = self.body.locals[local]
        return decl.name if decl.name and not decl.internal else None

    def upvar(self, place: ir.Place, upto: int) -> Optional[tuple[str, str]]:
        """If place.projection[:upto] is a closure's captured variable `(*_1).i` / `_1.i`:
        its (name, mode)."""
        if not self.body.is_closure or place.local != 1 or upto == 0:
            return None
        proj = place.projection[:upto]
        if isinstance(proj[0], ir.Deref):
            proj = proj[1:]
        if len(proj) == 1 and isinstance(proj[0], ir.FieldProj) and proj[0].index < len(self.body.upvars):
            return self.body.upvars[proj[0].index]
        return None

    def describe(self, place: ir.Place) -> Optional[str]:
        """rustc's name for a place (`x.f`, `*r`, `v[_]`), or None for a temporary."""
        return self._describe(place, len(place.projection), False)

    def _describe(self, place: ir.Place, n: int, autoderef: bool) -> Optional[str]:
        if n == 0:
            return self.local_name(place.local)
        up = self.upvar(place, n)
        if up is not None:
            return up[0]
        elem = place.projection[n - 1]
        if isinstance(elem, ir.Deref):
            up = self.upvar(place, n - 1)
            if up is not None and up[1] in ("ref", "refmut"):
                return up[0]
            inner = self._describe(place, n - 1, autoderef)
            if inner is None:
                return None
            return inner if autoderef else "*" + inner
        if isinstance(elem, ir.Downcast):
            return self._describe(place, n - 1, autoderef)
        inner = self._describe(place, n - 1, True)
        if inner is None:
            return None
        if isinstance(elem, ir.FieldProj):
            return f"{inner}.{self._field_name(place, n - 1, elem)}"
        if isinstance(elem, ir.IndexProj):
            return f"{inner}[{self.local_name(elem.local) or '_'}]"
        return f"{inner}[..]"

    def _field_name(self, place: ir.Place, n: int, elem: ir.FieldProj) -> str:
        base = ir.Place(place.local, place.projection[:n])
        ty = self.place_ty(base)
        variant = place.projection[n - 1].variant if n and isinstance(place.projection[n - 1], ir.Downcast) else 0
        if isinstance(ty, T.Adt) and variant < len(ty.adt.variants):
            fields = ty.adt.variants[variant].fields
            if elem.index < len(fields):
                return fields[elem.index].name
        return elem.name or str(elem.index)

    def ty_str(self, ty: T.Ty) -> str:
        return str(T.erase_regions(ty))


def deref_ty(ty: T.Ty) -> T.Ty:
    if isinstance(ty, (T.Ref, T.RawPtr)):
        return ty.inner
    if isinstance(ty, T.Adt) and ty.args:
        return ty.args[0]  # Box<T>
    return T.ERROR


def regions_in(ty: T.Ty) -> list[T.Region]:
    """Every region in ty, outermost first (references' and ADTs' region arguments)."""
    out: list[T.Region] = []
    for t in T.walk(ty):
        if isinstance(t, T.Ref):
            out.append(t.region)
        elif isinstance(t, T.Adt):
            out.extend(t.regions)
    return out
