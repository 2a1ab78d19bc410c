"""Calls, method calls, closures and assignments.

Direct calls name their callee as a `Constant` whose value is the `FnDef` (user or std; a std
function's `intrinsic` key tells the machine what to run).  A call through a closure value is
rustc's `<F as Fn<Args>>::call(&f, (a, b))`: the receiver by the Fn trait's self kind, the
arguments as one tuple; the closure's own body takes them spread out (_2, _3, ...).
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import unsupported
from ..source import Span
from ..syntax import ast
from ..types import results as R
from ..types import ty as T
from . import ir
from .expr import BINOPS, unparen


class CallMixin:
    """The call half of `Builder`."""

    def fn_operand(self, fn: T.FnDef, args: tuple, span: Span) -> ir.Constant:
        return ir.Constant(fn, T.FnDefTy(fn, tuple(args)))

    def emit_call(self, dest: ir.Place, func: ir.Operand, args: list[ir.Operand], span: Span,
                  ret_ty: T.Ty, fn_span: Optional[Span] = None) -> None:
        """Terminate the current block with a call; a call returning `!` has no return edge."""
        target = None if isinstance(ret_ty, T.Never) else self.new_block()
        self.terminate(ir.Call(span, func, list(args), dest, target, self.unwind_target(), fn_span))
        self.cur = target if target is not None else self.new_block()

    # ---------------------------------------------------------------- calls

    def into_Call(self, dest: ir.Place, e: ast.Call) -> None:
        func = unparen(e.func)
        res = e.res
        if (isinstance(res, R.MethodRes) and res.overloaded_call) or closure_kind(res) is not None:
            self.closure_call(dest, e, res)
            return
        ctor = res if isinstance(res, R.CtorRes) else None
        if ctor is None and isinstance(func, ast.PathExpr) and isinstance(func.res, R.CtorRes):
            ctor = func.res
        if ctor is not None:
            ops = tuple(self.as_call_operand(a) for a in e.args)
            names = tuple(f.name for f in ctor.adt.variants[ctor.variant].fields)
            kind = ir.AggregateKind("adt", self.expr_ty(e), ctor.variant, names)
            self.assign(e.span, dest, ir.Aggregate(kind, ops))
            return
        fn_res = res if isinstance(res, R.FnRes) else None
        if fn_res is None and isinstance(func, ast.PathExpr) and isinstance(func.res, R.FnRes):
            fn_res = func.res
        if fn_res is not None and not self.adjustments(e.func):
            fop: ir.Operand = self.fn_operand(fn_res.fn, fn_res.args, func.span)
        else:
            fop = self.as_operand(e.func)
        args = [self.as_call_operand(a) for a in e.args]
        self.emit_call(dest, fop, args, e.span, self.expr_ty(e), func.span)

    def closure_call(self, dest: ir.Place, e: ast.Call, res: Any) -> None:
        """`f(a, b)` on a closure or `F: Fn..` value: `<F as Fn<(A, B)>>::call(&f, (a, b))`."""
        callee = e.func
        ty = T.peel_refs(self.adjusted_ty(callee))
        tuple_ty = T.Tuple(tuple(self.adjusted_ty(a) for a in e.args))
        if isinstance(res, tuple):
            kind = closure_kind(res) or "Fn"
            method = {"Fn": "call", "FnMut": "call_mut", "FnOnce": "call_once"}[kind]
            fn = self.trait_method(kind, method)
            if fn is None:
                raise unsupported(e.span, f"calling a closure without the `{kind}` trait")
            res = R.MethodRes(fn, (ty, tuple_ty), True)
        fn = res.fn
        self_kind = fn.self_kind or {"call": "ref", "call_mut": "refmut"}.get(fn.name, "value")
        adjs = self.adjustments(callee)
        if adjs and isinstance(adjs[-1], R.Borrow) and self_kind != "value":
            recv = self.as_operand(callee)  # the type checker's autoref of the callee
        else:
            mutable = self_kind == "refmut"
            place = self.as_place(callee, mutable)
            pty = self.adjusted_ty(callee)
            while isinstance(pty, T.Ref):
                place, pty = place.deref(), pty.inner  # call through a reference: reborrow
            if self_kind == "value":
                recv = self.consume(place, pty)
            else:
                local = self.new_temp(T.Ref(T.ERASED, mutable, pty), e.span)
                self.assign(e.span, ir.Place(local), ir.Ref(self.fresh_region(), "mut" if mutable else "shared", place))
                recv = ir.Move(ir.Place(local))
        ops = tuple(self.as_call_operand(a) for a in e.args)
        packed = self.new_temp(tuple_ty, e.span)
        self.assign(e.span, ir.Place(packed), ir.Aggregate(ir.AggregateKind("tuple", tuple_ty), ops))
        self.emit_call(dest, self.fn_operand(fn, res.args, e.span), [recv, ir.Move(ir.Place(packed))], e.span, self.expr_ty(e), callee.span)

    def into_MethodCall(self, dest: ir.Place, e: ast.MethodCall) -> None:
        res = e.res
        if not isinstance(res, R.MethodRes):
            raise unsupported(e.name_span, f"the method call `{e.name}`")
        outer, self.method_receiver = self.method_receiver, e.receiver
        recv = self.as_call_operand(e.receiver)
        self.method_receiver = outer
        args = [recv] + [self.as_call_operand(a) for a in e.args]
        self.emit_call(dest, self.fn_operand(res.fn, res.args, e.name_span), args, e.span, self.expr_ty(e), e.name_span)

    # ---------------------------------------------------------------- closures

    def into_Closure(self, dest: ir.Place, e: ast.Closure) -> None:
        """The closure value: an aggregate of its captured places (`&x.f`, `&mut *r`, or `x` by value);
        its body becomes a separate `Body`."""
        from .build import build_closure, capture_field_ty, capture_projection

        cdef = self.results.closures.get(e)
        if cdef is None:
            raise unsupported(e.span, "this closure")
        ops = []
        for binding, projs, mode, vty in cdef.capture_places:
            place = self.var_place(binding, e.span)
            place = ir.Place(place.local, place.projection + capture_projection(projs))
            if mode in ("ref", "refmut"):
                local = self.new_temp(capture_field_ty(mode, vty), e.span)
                kind = "mut" if mode == "refmut" else "shared"
                self.assign(e.span, ir.Place(local), ir.Ref(self.fresh_region(), kind, place))
                ops.append(ir.Move(ir.Place(local)))
            else:
                ops.append(self.consume(place, vty))
        names = tuple(c[0] for c in cdef.captures)
        self.assign(e.span, dest, ir.Aggregate(ir.AggregateKind("closure", self.expr_ty(e), 0, names), tuple(ops)))
        if cdef not in self.cx.program.closures:  # a guard is lowered once per or-alternative
            build_closure(self, e, cdef)

    # ---------------------------------------------------------------- assignment

    def into_Assign(self, dest: ir.Place, e: ast.Assign) -> None:
        self.lower_assign(e)
        self.assign(e.span, dest, ir.Use(ir.Constant((), T.UNIT)))

    def lower_assign(self, e: ast.Assign) -> None:
        """`place = value`: the value first, then (if the place's type needs drop) drop the old
        value, then write — rustc's drop-and-replace.  Drop elaboration removes the drop where
        the place is known to be uninitialised."""
        lhs = unparen(e.lhs)
        if isinstance(lhs, ast.PathExpr) and lhs.path.name == "_" and lhs.res is None:
            self.as_operand(e.rhs)  # `_ = expr;` evaluates and discards
            return
        if isinstance(lhs, ast.Tuple):
            # `(a, b) = rhs` is `{ let (x, y) = rhs; a = x; b = y; }`
            self.destructure_into(lhs, self.as_place(e.rhs), self.adjusted_ty(e.rhs), e.span)
            return
        if isinstance(lhs, (ast.Array, ast.StructLit, ast.Call)):
            raise unsupported(e.span, "this destructuring assignment")
        # the value is read into a temporary before the place is evaluated, as rustc builds it:
        # in `v[0] = *v.iter().min().unwrap()` the reference the value is read through is dead
        # by the time `IndexMut::index_mut(&mut v, 0)` borrows `v`
        rhs = self.as_call_operand(e.rhs)
        self.assign_place(self.as_place(e.lhs, mutable=True), self.adjusted_ty(e.lhs), rhs, e.span)

    def assign_place(self, place: ir.Place, ty: T.Ty, rhs: ir.Operand, span: Span) -> None:
        if self.tcx_needs_drop(ty):
            target = self.new_block()
            self.terminate(ir.Drop(span, place, target, self.unwind_target(), replace=True))
            self.cur = target
        self.assign(span, place, ir.Use(rhs))

    def destructure_into(self, lhs: ast.Tuple, src: ir.Place, ty: T.Ty, span: Span) -> None:
        elems = ty.elems if isinstance(ty, T.Tuple) else ()
        if len(elems) != len(lhs.elems):
            raise unsupported(lhs.span, "this destructuring assignment")
        for i, (target, ety) in enumerate(zip(lhs.elems, elems)):
            target = unparen(target)
            part = src.field(i, ety, str(i))
            if isinstance(target, ast.PathExpr) and target.path.name == "_" and target.res is None:
                continue
            if isinstance(target, ast.Tuple):
                self.destructure_into(target, part, ety, span)
                continue
            self.assign_place(self.as_place(target, mutable=True), ety, self.consume(part, ety), span)

    def into_CompoundAssign(self, dest: ir.Place, e: ast.CompoundAssign) -> None:
        self.lower_compound_assign(e)
        self.assign(e.span, dest, ir.Use(ir.Constant((), T.UNIT)))

    def lower_compound_assign(self, e: ast.CompoundAssign) -> None:
        res = self.op_res(e)
        ty = self.adjusted_ty(e.lhs)
        if res is not None:
            place = self.as_place(e.lhs, mutable=True)
            recv = self.new_temp(T.Ref(T.ERASED, True, ty), e.span)
            self.assign(e.span, ir.Place(recv), ir.Ref(self.fresh_region(), "mut", place))
            rhs = self.as_operand(e.rhs)
            out = self.new_temp(T.UNIT, e.span)
            self.emit_call(ir.Place(out), self.fn_operand(res.fn, res.args, e.span), [ir.Move(ir.Place(recv)), rhs], e.span, T.UNIT)
            return
        rhs = self.as_operand(e.rhs)
        place = self.as_place(e.lhs, mutable=True)
        rvalue = self.builtin_binop(BINOPS[e.op], ir.Copy(place), rhs, ty, ty, e.span)
        self.assign(e.span, place, rvalue)


def closure_kind(res: Any) -> Optional[str]:
    """"Fn" / "FnMut" / "FnOnce" for a call the type checker recorded as a call of a closure
    value (`("closure", ClosureTy)` or `("param", ty, kind)`), else None."""
    if isinstance(res, tuple) and len(res) >= 2:
        if res[0] == "closure" and isinstance(res[1], T.ClosureTy):
            return res[1].closure.kind
        if res[0] == "param" and len(res) >= 3:
            return res[2] if isinstance(res[2], str) else getattr(res[2], "name", None)
    return None
