"""`as` casts and coercions (unsize, reify, raw pointers), compiled per source/target type."""
from __future__ import annotations

import math
from typing import Any, Callable

from ..types import ty as T
from .arith import to_f32
from .memory import Ptr
from .tys import INT_RANGES, lang, wrap_int

Getter = Callable[[list], Any]


def compile_cast(c: Any, kind: str, op: Getter, src: Any, dst: Any) -> Getter:
    """A closure converting op's value of type src to dst (c is the BodyCompiler)."""
    if isinstance(dst, T.Int):
        return _to_int(c, op, src, dst)
    if isinstance(dst, T.Char):
        return lambda L: chr(op(L))
    if isinstance(dst, T.Float):
        if dst.kind == "f32":
            return lambda L: to_f32(float(op(L)))
        return lambda L: float(op(L))
    if kind == "unsize" or _is_unsize(src, dst):
        return _unsize(op, src)
    if isinstance(src, T.Ref) and isinstance(dst, T.RawPtr):
        retag = c.mem.retag
        return lambda L: retag(op(L), "raw")
    if kind == "closure-to-fn" or isinstance(src, T.ClosureTy):
        m = c.m
        return lambda L: m.closure_fn_pointer(src)
    if isinstance(src, T.RawPtr) and isinstance(dst, T.RawPtr) and not _unsized(dst.inner) and _unsized(src.inner):
        return lambda L: op(L).with_meta(None)
    return op


def _unsized(ty: Any) -> bool:
    return isinstance(ty, (T.Slice, T.Str))


def _pointee(ty: Any) -> Any:
    if isinstance(ty, (T.Ref, T.RawPtr)):
        return ty.inner
    if isinstance(ty, T.Adt) and lang(ty) in ("Box", "NonNull", "Rc") and ty.args:
        return ty.args[0]
    return None


def _is_unsize(src: Any, dst: Any) -> bool:
    return isinstance(_pointee(src), T.Array) and _unsized(_pointee(dst))


def _unsize(op: Getter, src: Any) -> Getter:
    n = _pointee(src).length

    def unsize(L: list) -> Ptr:
        p = op(L)
        return Ptr(p.alloc, p.path + (0,), p.tag, n, True, p.delta)
    return unsize


def _to_int(c: Any, op: Getter, src: Any, dst: T.Int) -> Getter:
    k = dst.kind
    lo, hi = INT_RANGES[k]
    if isinstance(src, T.Char):
        return lambda L: wrap_int(ord(op(L)), k)
    if isinstance(src, T.Bool):
        return lambda L: int(op(L))
    if isinstance(src, T.Float):
        def sat(L: list) -> int:
            x = op(L)
            if math.isnan(x):
                return 0
            if x == math.inf:
                return hi
            if x == -math.inf:
                return lo
            return min(max(int(x), lo), hi)
        return sat
    if isinstance(src, (T.RawPtr, T.Ref, T.FnPtr)):
        return lambda L: op(L).address()
    if isinstance(src, T.Adt) and src.adt.is_enum:
        discrs = [v.discriminant for v in src.adt.variants]
        return lambda L: wrap_int(discrs[op(L)[0]], k)

    def wrap(L: list) -> int:
        v = op(L)
        return v if lo <= v <= hi else wrap_int(v, k)
    return wrap
