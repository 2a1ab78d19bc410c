"""Finishing a body: the last obligations, numeric fallback, and writing resolved types back.

After `finish_body` no `Infer` is left on the body's nodes or in its side tables; closures
have their captures and kind, and calls of closures know which Fn trait method they use.
"""
from __future__ import annotations

from typing import Any

from ..records import fields, replace
from . import errors
from .closure import analyze_captures
from .results import (
    Borrow, ClosureFnPointer, ConstRes, CtorRes, Deref, FnRes, ForRes, MethodRes, MutToConstPointer, NeverToAny,
    OverloadedOp, ReifyFnPointer, StaticRes, TryRes, Unsize,
)
from .traits import NO, normalize_concrete
from .ty import ERASED, ClosureTy, FnSig, Projection, Ref, Ty, Tuple, walk

_REBUILD = (FnRes, CtorRes, MethodRes, OverloadedOp, ForRes, TryRes, Deref, Borrow, Unsize, NeverToAny,
            MutToConstPointer, ClosureFnPointer, ReifyFnPointer)


def finish_body(fcx: Any) -> None:
    fcx.select_where_possible()
    fcx.infcx.default_numeric()
    fcx.select_where_possible()
    for d in fcx.deferred_calls:
        if d[0] == "cast":
            fcx.check_cast(d[1], d[2], d[3])
    for ob in fcx.obligations:
        ty = fcx.infcx.resolve(ob.ty)
        if not fcx.infcx.has_infer(ty) and fcx.scx.evaluate(ty, ob.trait, ob.args) == NO:
            fcx.report_unsatisfied(ob)
    fcx.infcx.default_rest()
    w = Writeback(fcx)
    for node in fcx.nodes:
        w.node(node)
    for e in fcx.closure_nodes:
        cdef = fcx.results.closures[e]
        if cdef.sig is not None:
            cdef.sig = FnSig([w.ty(t) for t in cdef.sig.inputs], w.ty(cdef.sig.output))
    for e in fcx.closure_nodes:
        analyze_captures(fcx, e)
    rank = {"Fn": 0, "FnMut": 1, "FnOnce": 2}
    for cdef, required, _ in fcx.closure_kind_checks:
        if cdef not in fcx.closure_kind_fixed and rank[cdef.kind] > rank[required]:
            fcx.error(errors.wrong_closure_kind(cdef.span, cdef.kind, required))
    for d in fcx.deferred_calls:
        if d[0] == "call":
            resolve_value_call(fcx, w, d[1], d[2], d[3])


class Writeback:
    def __init__(self, fcx: Any) -> None:
        self.fcx = fcx
        self.results = fcx.results

    def ty(self, t: Any) -> Any:
        if t is None:
            return None
        r = self.fcx.infcx.resolve(t)
        if any(isinstance(x, Projection) for x in walk(r)):
            r = normalize_concrete(self.fcx.tcx, r, self.fcx.env)
        return r

    def value(self, v: Any) -> Any:
        if isinstance(v, Ty):
            return self.ty(v)
        if isinstance(v, tuple):
            return tuple(self.value(x) for x in v)
        if isinstance(v, _REBUILD):
            changes = {name: self.value(getattr(v, name)) for name in fields(v)
                       if isinstance(getattr(v, name), (Ty, tuple, *_REBUILD))}
            return replace(v, **changes)
        if isinstance(v, (ConstRes, StaticRes)):
            v.ty = self.ty(v.ty)
        return v

    def node(self, n: Any) -> None:
        n.ty = self.ty(n.ty)
        res = getattr(n, "res", None)
        if res is not None:
            n.res = self.value(res)
        path = getattr(n, "path", None)
        if path is not None and getattr(path, "res", None) is not None:
            path.res = self.value(path.res)
        adjs = self.results.adjustments.get(n)
        if adjs:
            self.results.adjustments[n] = [self.value(a) for a in adjs]
        peeled = self.results.pat_adjustments.get(n)
        if peeled:
            self.results.pat_adjustments[n] = [self.ty(t) for t in peeled]
        mm = self.results.macro_methods.get(n)
        if mm is not None:
            self.results.macro_methods[n] = self.value(mm)


def resolve_value_call(fcx: Any, w: Writeback, e: Any, callee: Ty, inputs: tuple) -> None:
    """`f(x)` on a closure or an `F: Fn` parameter: which of call/call_mut/call_once, and the autoref."""
    callee = w.ty(callee)
    args_tuple = Tuple(tuple(w.ty(t) for t in inputs))
    if isinstance(callee, ClosureTy):
        kind = callee.closure.kind
    elif isinstance(e.res, tuple) and e.res[0] == "param":
        kind = e.res[2].lang
    else:
        e.res = None
        return
    trait = fcx.tcx.lang_trait(kind)
    if trait is None:
        e.res = None
        return
    method = next(iter(trait.methods.values()))
    e.res = MethodRes(method, (callee, args_tuple), True)
    if kind in ("Fn", "FnMut"):
        mutable = kind == "FnMut"
        fcx.results.adjustments.setdefault(e.func, []).append(Borrow(Ref(ERASED, mutable, callee), mutable, False))
