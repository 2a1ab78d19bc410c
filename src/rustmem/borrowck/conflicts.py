"""`places_conflict`: may an access to one place touch what a loan of another borrowed?

rustc's rules (rustc_borrowck/places_conflict.rs): walk the two projections side by side; two
different fields of a struct or tuple, two different variants, or two different constant
indexes are disjoint; two `[i]` indexes may be equal, so they overlap.  When the loan's place
is longer than the accessed one, the access reaches it unless it is shallow and stops at a
`Deref`, or it is a drop that does not look behind a `&mut` (but a field of a type with
`impl Drop` is reached by its destructor).
"""
from __future__ import annotations

from ..mir import ir
from ..types import ty as T
from .places import BodyInfo

Depth = str  # "shallow" | "deep" | "drop"


def places_conflict(info: BodyInfo, borrowed: ir.Place, access: ir.Place, depth: Depth) -> bool:
    if borrowed.local != access.local:
        return False
    bp, ap = borrowed.projection, access.projection
    for i in range(min(len(bp), len(ap))):
        if disjoint(bp[i], ap[i]):
            return False
    for i in range(len(ap), len(bp)):
        elem = bp[i]
        base_ty = info.place_ty(ir.Place(borrowed.local, bp[:i]))
        if isinstance(elem, ir.Deref):
            if depth == "shallow":
                return False
            if depth == "drop" and isinstance(base_ty, T.Ref) and base_ty.mutable:
                return False
        elif isinstance(elem, ir.FieldProj) and depth == "drop" and isinstance(base_ty, T.Adt) \
                and base_ty.adt.lang is None and info.has_dtor(base_ty.adt):
            return True
    return True


def disjoint(a: ir.ProjElem, b: ir.ProjElem) -> bool:
    if isinstance(a, ir.FieldProj) and isinstance(b, ir.FieldProj):
        return a.index != b.index
    if isinstance(a, ir.Downcast) and isinstance(b, ir.Downcast):
        return a.variant != b.variant
    if isinstance(a, ir.ConstantIndex) and isinstance(b, ir.ConstantIndex):
        return a.from_end == b.from_end and a.offset != b.offset
    return False


def is_prefix(prefix: ir.Place, place: ir.Place) -> bool:
    return prefix.local == place.local and place.projection[:len(prefix.projection)] == prefix.projection
