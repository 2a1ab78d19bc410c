"""Calls: the `CallChecker` mixin of `FnCtxt` (see check.py).

`f(args)` on a function item, a tuple-struct or variant constructor, or a callable value
(a closure, a fn pointer, an `F: Fn(..)` parameter: resolved to the Fn trait's method once
the closure's kind is known, in writeback); `recv.method(args)` through method probing with
its receiver adjustments.  Arguments are coerced to the parameters, closures last so that
their signatures can be deduced from the others.
"""
from __future__ import annotations

from typing import Any, Optional

from ..syntax import ast
from . import errors
from .check_expr import _fn_display, _strip_paren
from .method import autoderef_steps, numeric_kinds_with, probe_method, receiver_adjustments
from .results import CtorRes, FnRes, MethodRes
from .ty import ERROR, Adt, ClosureTy, ErrorTy, FnDefTy, FnPtr, Infer, Param, Projection, Ref, Tuple, Ty, erase_body_regions


class CallChecker:
    """Mixin: calls and method calls."""

    def expr_Call(self: Any, e: ast.Call, expected: Optional[Ty]) -> Ty:
        func = _strip_paren(e.func)
        if isinstance(func, ast.PathExpr):
            first_ob = len(self.obligations)
            res, fty = self.resolve_value_path(func.path, func.span, getattr(func, "qself", None), callee=True)
            func.res = res
            if isinstance(res, CtorRes):
                return self.check_ctor_call(e, func, res, expected)
            if isinstance(res, FnRes):
                self.record(func, fty)
                e.res = res
                inputs, output = self.fn_sig_inst(res.fn, res.args)
                self.check_args(e, inputs, e.args, func.span, False)
                self.point_bounds_at_args(first_ob, inputs, e.args)
                if res.fn.sig.is_unsafe and self.unsafe_depth == 0:
                    self.error(errors.unsafe_op(e.span, "call", _fn_display(res.fn)))
                return output
            if res is None:
                for a in e.args:
                    self.check_expr(a, None)
                return self.record(func, ERROR)
            self.record(func, fty)
            callee = fty
        else:
            callee = self.check_expr(e.func, None)
        return self.check_overloaded_call(e, callee)

    def check_ctor_call(self: Any, e: ast.Call, func: ast.PathExpr, res: CtorRes, expected: Optional[Ty]) -> Ty:
        adt_t = Adt(res.adt, res.args)
        if expected is not None:
            exp = self.shallow(expected)
            if isinstance(exp, Adt) and exp.adt is res.adt:
                self.infcx.unify(adt_t, exp)
        variant = res.adt.variants[res.variant]
        fields = [self.normalize(erase_body_regions(t)) for t in self.tcx.field_tys(adt_t, res.variant)]
        if variant.kind != "tuple":
            self.error(errors.expected_fn_found(func.span, f"`{func.path}`"))
            for a in e.args:
                self.check_expr(a, None)
            return adt_t
        self.record(func, FnPtr(tuple(fields), adt_t))
        e.res = res
        if len(fields) != len(e.args):
            kind = "enum variant" if res.adt.is_enum else "struct"
            self.error(errors.ctor_arg_count(func.span, kind, len(fields), len(e.args)))
        for i, a in enumerate(e.args):
            if i < len(fields):
                self.check_coerce(a, fields[i])
            else:
                self.check_expr(a, None)
        return adt_t

    def point_bounds_at_args(self: Any, first: int, inputs: list[Ty], args: list[Any]) -> None:
        """A bound on a generic parameter is reported at the argument that gave its type (as rustc)."""
        for ob in self.obligations[first:]:
            for t, a in zip(inputs, args):
                if t is ob.ty or t == ob.ty:
                    ob.span = a.span
                    break

    def check_args(self: Any, e: Any, inputs: list[Ty], args: list[Any], callee_span: Any, is_method: bool) -> None:
        if len(inputs) != len(args):
            self.error(errors.arg_count(callee_span, len(inputs), len(args), is_method))
        # closures last, so that their signatures can be deduced from the other arguments
        order = sorted(range(len(args)), key=lambda i: isinstance(_strip_paren(args[i]), ast.Closure))
        for i in order:
            a = args[i]
            if isinstance(_strip_paren(a), ast.Closure):
                self.select_where_possible()
            if i < len(inputs):
                self.check_coerce(a, inputs[i])
            else:
                self.check_expr(a, None)

    def check_overloaded_call(self: Any, e: ast.Call, callee: Ty) -> Ty:
        """A call of a value: a closure, fn pointer, fn item or a `F: Fn(..)` parameter."""
        steps = autoderef_steps(self, callee, overloaded=False)
        for i, step in enumerate(steps):
            s = self.shallow(step.ty)
            sig = None
            if isinstance(s, (FnDefTy, FnPtr, ClosureTy)):
                from .traits import callable_sig
                sig = callable_sig(self.scx, s)
                if isinstance(s, ClosureTy):
                    e.res = ("closure", s)
            elif isinstance(s, (Param, Projection)):
                sig = self.fn_bound_sig(s)
                if sig is not None:
                    e.res = ("param", s, sig[2])
                    sig = sig[:2]
            if sig is None:
                continue
            self.add_adjustments(e.func, [st.adjustment for st in steps[1:i + 1]])
            inputs, output = sig
            if len(inputs) != len(e.args) and isinstance(s, (ClosureTy, Param, Projection)):
                self.error(errors.closure_arg_count(e.func.span, len(inputs), len(e.args)))
                inputs = (list(inputs) + [ERROR] * len(e.args))[:len(e.args)]
            self.check_args(e, list(inputs), e.args, e.func.span, False)
            self.deferred_calls.append(("call", e, s, tuple(inputs)))
            return output
        for a in e.args:
            self.check_expr(a, None)
        if isinstance(self.shallow(callee), ErrorTy):
            return ERROR
        return self.error(errors.expected_fn_found(e.func.span, f"`{self.ty_str(callee)}`"))

    def fn_bound_sig(self: Any, ty: Ty) -> Optional[tuple[list[Ty], Ty, Any]]:
        """The signature a `F: Fn(A) -> B` bound in scope gives the parameter F."""
        for p in self.env:
            if p.trait.lang in ("Fn", "FnMut", "FnOnce") and p.ty == ty and p.args:
                inputs = self.shallow(p.args[0])
                if isinstance(inputs, Tuple):
                    out = p.bindings.get("Output")
                    if out is None:
                        once = self.tcx.lang_trait("FnOnce")
                        out = self.normalize(Projection(once, ty, "Output", p.args))
                    return list(inputs.elems), out, p.trait
        return None

    def expr_MethodCall(self: Any, e: ast.MethodCall, expected: Optional[Ty]) -> Ty:
        recv = self.check_expr(e.receiver, None)
        if isinstance(_peel_refs(self, recv), Infer):
            # what the receiver is behind its references may wait on a pending projection
            # (`v.get(i)` is `Option<&<I as SliceIndex<[T]>>::Output>`), even once a literal
            # made it `{integer}` (`.unwrap_or(-1)`): resolve it before probing
            self.select_where_possible()
        r = self.shallow(recv)
        if isinstance(r, ErrorTy):
            for a in e.args:
                self.check_expr(a, None)
            return ERROR
        if isinstance(r, Infer) and r.kind == "ty":
            for a in e.args:
                self.check_expr(a, None)
            return self.error(errors.type_annotations_needed(e.receiver.span))
        pick, steps = probe_method(self, recv, e.name)
        if pick is None:
            for a in e.args:
                self.check_expr(a, None)
            if isinstance(r, Infer) and numeric_kinds_with(self, r, e.name):
                return self.error(errors.ambiguous_numeric(e.name_span, e.name, str(r)))
            return self.error(errors.no_method(e.name_span, e.name, self.shown(recv)))
        self.add_adjustments(e.receiver, receiver_adjustments(self, steps, pick))
        if pick.autoref:
            self.convert_place_to_mutable(e.receiver)
        first_ob = len(self.obligations)
        args = self.instantiate_fn(pick.fn, pick.args, e.generic_args, e.name_span)
        inputs, output = self.fn_sig_inst(pick.fn, args)
        e.res = MethodRes(pick.fn, args)
        self.check_args(e, inputs[1:], e.args, e.name_span, True)
        self.point_bounds_at_args(first_ob, inputs[1:], e.args)
        if pick.fn.sig.is_unsafe and self.unsafe_depth == 0:
            self.error(errors.unsafe_op(e.span, "call", _fn_display(pick.fn)))
        return output


def _peel_refs(fcx: Any, ty: Ty) -> Ty:
    """ty with its outer references removed, looking through bound inference variables."""
    t = fcx.shallow(ty)
    while isinstance(t, Ref):
        t = fcx.shallow(t.inner)
    return t
