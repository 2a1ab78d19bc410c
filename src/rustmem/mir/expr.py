"""Expressions, in rustc_mir_build's four categories.

- `as_place(e)`: a place expression (variable, field, index, deref) as a `Place`; any other
  expression is evaluated into a temporary that lives to the end of the temporary scope.
- `as_operand(e)`: `copy p` for Copy types, `move p` otherwise, a constant, or an operand
  temporary for computed values.
- `as_rvalue(e)`: the right-hand side of an assignment (borrows, arithmetic, casts, aggregates).
- `into(dest, e)`: evaluate e and store it in dest — how control flow (blocks, if, match, calls)
  produces values.

Every entry point first applies the expression's adjustments (autoderef, autoref, unsizing) as
the type checker recorded them.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import unsupported
from ..source import Span
from ..syntax import ast
from ..types import results as R
from ..types import ty as T
from . import ir

BINOPS = {
    "+": "Add", "-": "Sub", "*": "Mul", "/": "Div", "%": "Rem", "&": "BitAnd", "|": "BitOr",
    "^": "BitXor", "<<": "Shl", ">>": "Shr", "==": "Eq", "!=": "Ne", "<": "Lt", "<=": "Le",
    ">": "Gt", ">=": "Ge",
}
CHECKED = {"Add", "Sub", "Mul"}

# An expression lowered part way: ("place", Place) | ("operand", Operand) | ("rvalue", Rvalue)
Value = tuple[str, Any]


def unparen(e: ast.Expr) -> ast.Expr:
    while isinstance(e, ast.Paren):
        e = e.inner
    return e


def is_place_expr(e: ast.Expr) -> bool:
    e = unparen(e)
    if isinstance(e, ast.PathExpr):
        return isinstance(e.res, (R.LocalRes, R.StaticRes))
    if isinstance(e, (ast.Field, ast.Index)):
        return True
    return isinstance(e, ast.Unary) and e.op == "*"


class ExprMixin:
    """The expression half of `Builder`."""

    # ---------------------------------------------------------------- types and adjustments

    def expr_ty(self, e: ast.Expr) -> T.Ty:
        while e.ty is None and isinstance(e, ast.Paren):
            e = e.inner
        return e.ty

    def adjusted_ty(self, e: ast.Expr) -> T.Ty:
        adj = self.results.adjustments.get(e)
        return adj[-1].target if adj else self.expr_ty(e)

    def adjustments(self, e: ast.Expr) -> list:
        adj = self.results.adjustments.get(e)
        if not adj:
            return []
        return [a for a in adj if not isinstance(a, R.NeverToAny)]

    def lower_adjusted(self, e: ast.Expr, adjs: list) -> tuple[Value, T.Ty]:
        """Apply adjustments in order: Deref steps project (or call Deref::deref), Borrow
        takes a reference, the pointer coercions cast."""
        ty = self.expr_ty(e)
        mut_ctx = any(isinstance(a, R.Borrow) and a.mutable for a in adjs)
        val: Value
        if is_place_expr(e) or isinstance(adjs[0], (R.Deref, R.Borrow)):
            val = ("place", self.as_place_unadj(e, mut_ctx))
        else:
            val = ("operand", self.as_operand_unadj(e))
        for a in adjs:
            if isinstance(a, R.Deref):
                place = self.val_to_place(val, ty, e.span)
                if a.overloaded is not None:
                    place = self.overloaded_deref(place, ty, a.overloaded, a.mutable, a.target, e.span)
                else:
                    place = place.deref()
                val = ("place", place)
            elif isinstance(a, R.Borrow) and isinstance(a.target, T.RawPtr):
                # `&x` coerced to `*const T`: rustc takes the address directly
                val = ("rvalue", ir.AddressOf(a.mutable, self.val_to_place(val, ty, e.span)))
            elif isinstance(a, R.Borrow):
                place = self.val_to_place(val, ty, e.span)
                # a method's `&mut` autoref is a two-phase borrow, as rustc marks it
                two_phase = a.two_phase or (a.mutable and e is self.method_receiver)
                kind = "two-phase" if two_phase else ("mut" if a.mutable else "shared")
                val = ("rvalue", ir.Ref(self.fresh_region(), kind, place))
            else:
                op = self.val_to_operand(val, ty, e.span)
                val = ("rvalue", ir.Cast(coercion_kind(a), op, a.target))
            ty = a.target
        return val, ty

    def val_to_place(self, val: Value, ty: T.Ty, span: Span) -> ir.Place:
        kind, v = val
        if kind == "place":
            return v
        if kind == "operand" and isinstance(v, (ir.Copy, ir.Move)):
            return v.place
        rvalue = v if kind == "rvalue" else ir.Use(v)
        local = self.temp_in(ty, span, self.temp_scope)
        self.assign(span, ir.Place(local), rvalue)
        self.schedule_drop(local, span, self.temp_scope)
        return ir.Place(local)

    def val_to_operand(self, val: Value, ty: T.Ty, span: Span) -> ir.Operand:
        kind, v = val
        if kind == "place":
            return self.consume(v, ty)
        if kind == "operand":
            return v
        local = self.new_temp(ty, span)
        self.assign(span, ir.Place(local), v)
        self.schedule_drop(local, span)
        return ir.Move(ir.Place(local))

    def consume(self, place: ir.Place, ty: T.Ty) -> ir.Operand:
        return ir.Copy(place) if self.is_copy(ty) else ir.Move(place)

    def temp_in(self, ty: T.Ty, span: Span, scope: int) -> ir.Local:
        local = self.new_local(ty, span)
        self.push(ir.StorageLive(span, local))
        self.schedule_storage(local, span, scope)
        return local

    def op_res(self, e: ast.Expr) -> Any:
        """The resolution of an operator expression: on the node when the AST has a `res`
        slot for it, else in `node_args[("unary" | "binary" | "compound", e)]`."""
        res = getattr(e, "res", None)
        if res is None:
            kind = {ast.Unary: "unary", ast.Binary: "binary", ast.CompoundAssign: "compound"}.get(type(e))
            if kind is not None:
                res = self.results.node_args.get((kind, e))
        return res if isinstance(res, R.OverloadedOp) else None

    def deref_fn(self, e: ast.Unary, res: R.OverloadedOp, mutable: bool) -> T.FnDef:
        """Deref::deref, or DerefMut::deref_mut where the place is used mutably."""
        if mutable or self.results.node_args.get(("deref", e)) == ("mut",):
            return self.trait_method("DerefMut", "deref_mut") or res.fn
        return res.fn

    # ---------------------------------------------------------------- the four entry points

    def as_place(self, e: ast.Expr, mutable: bool = False) -> ir.Place:
        adjs = self.adjustments(e)
        if adjs:
            val, ty = self.lower_adjusted(e, adjs)
            return self.val_to_place(val, ty, e.span)
        return self.as_place_unadj(e, mutable)

    def as_operand(self, e: ast.Expr) -> ir.Operand:
        adjs = self.adjustments(e)
        if adjs:
            val, ty = self.lower_adjusted(e, adjs)
            return self.val_to_operand(val, ty, e.span)
        return self.as_operand_unadj(e)

    def as_call_operand(self, e: ast.Expr) -> ir.Operand:
        """An argument or aggregate field: a value read from a place goes through a temporary
        first (`_t = move x` spanning the argument), as rustc builds it, so that "value moved
        here" can point at the argument."""
        op = self.as_operand(e)
        if isinstance(op, (ir.Move, ir.Copy)) and (op.place.projection or self.locals[op.place.local].name is not None):
            # the read happens here, before the call: a reference it goes through (`v[0]` is
            # `*Index::index(&v, 0)`) is not used at the call, where a two-phase borrow of
            # the receiver activates
            ty = self.adjusted_ty(e)
            local = self.new_temp(ty, e.span)
            if isinstance(ty, T.Ref) and ty.mutable:
                # a `&mut` passed on is implicitly reborrowed (`&mut *r`), not moved, as
                # rustc's coercion to the parameter's reference type does
                kind = "two-phase" if e is self.method_receiver else "mut"
                self.assign(e.span, ir.Place(local), ir.Ref(self.fresh_region(), kind, op.place.deref()))
                return ir.Move(ir.Place(local))
            self.assign(e.span, ir.Place(local), ir.Use(op))
            self.schedule_drop(local, e.span)
            return ir.Move(ir.Place(local))
        return op

    def as_rvalue(self, e: ast.Expr) -> ir.Rvalue:
        adjs = self.adjustments(e)
        if adjs:
            val, ty = self.lower_adjusted(e, adjs)
            kind, v = val
            if kind == "rvalue":
                return v
            return ir.Use(self.val_to_operand(val, ty, e.span))
        return self.as_rvalue_unadj(e)

    def into(self, dest: ir.Place, e: ast.Expr) -> None:
        if self.adjustments(e):
            self.assign(e.span, dest, self.as_rvalue(e))
            return
        self.into_unadj(dest, e)

    # ---------------------------------------------------------------- places

    def as_place_unadj(self, e: ast.Expr, mutable: bool = False) -> ir.Place:
        if isinstance(e, ast.Paren):
            return self.as_place(e.inner, mutable)
        if isinstance(e, ast.PathExpr) and isinstance(e.res, R.LocalRes):
            return self.var_place(e.res.binding, e.span)
        if isinstance(e, ast.PathExpr) and isinstance(e.res, R.StaticRes):
            return self.static_place(e)
        if isinstance(e, ast.Field):
            base = self.as_place(e.operand, mutable)
            base_ty = T.peel_refs(self.adjusted_ty(e.operand))
            return base.field(self.field_index(e, base_ty), e.ty, e.name)
        if isinstance(e, ast.Index):
            return self.index_place(e, mutable)
        if isinstance(e, ast.Unary) and e.op == "*":
            res = self.op_res(e)
            if res is not None:
                fn = self.deref_fn(e, res, mutable)
                base = self.as_place(e.operand, fn.name == "deref_mut")
                return self.overloaded_deref(base, self.adjusted_ty(e.operand), fn, fn.name == "deref_mut", e.ty, e.span)
            return self.as_place(e.operand, mutable).deref()
        scope = self.extend_scope if id(e) in self.extended else self.temp_scope
        local = self.temp_in(self.expr_ty(e), e.span, scope)
        self.into_unadj(ir.Place(local), e)
        self.schedule_drop(local, e.span, scope)
        return ir.Place(local)

    def static_place(self, e: ast.PathExpr) -> ir.Place:
        """A static is one allocation in static memory, reached through a constant pointer to
        it (`&'static T`, or `*mut T` for `static mut`, as rustc types them): `(*_t)`."""
        res = e.res
        promoted = self.cx.statics.get(id(res.static))
        ty = res.ty if res.ty is not None else self.expr_ty(e)
        if promoted is None:
            value = self.const_eval(getattr(res.static, "value", None))
            if value is None:
                raise unsupported(e.span, "a static whose initialiser is not a simple constant")
            promoted = self.cx.statics[id(res.static)] = ir.Promoted(value, ty, getattr(res.static, "name", "?"))
        ptr_ty = T.RawPtr(True, ty) if res.mutable else T.Ref(T.STATIC, False, ty)
        local = self.new_temp(ptr_ty, e.span)
        self.assign(e.span, ir.Place(local), ir.Use(ir.Constant(promoted, ptr_ty)))
        return ir.Place(local).deref()

    def field_index(self, e: ast.Field, base_ty: T.Ty) -> int:
        if isinstance(e.res, R.FieldRes):
            return e.res.index
        if isinstance(base_ty, T.Tuple) or e.name.isdigit():
            return int(e.name)
        if isinstance(base_ty, T.Adt):
            idx = base_ty.adt.variants[0].field_index(e.name)
            if idx is not None:
                return idx
        raise unsupported(e.span, f"field `{e.name}` of `{base_ty}`")

    def index_place(self, e: ast.Index, mutable: bool) -> ir.Place:
        """Builtin indexing checks bounds (Len, Lt, Assert BoundsCheck); Vec and other
        overloaded indexing calls Index::index / IndexMut::index_mut and derefs the result."""
        res = e.res
        if isinstance(res, R.OverloadedOp):
            fn = res.fn
            if mutable and fn.name == "index":
                fn = self.trait_method("IndexMut", "index_mut") or fn
            mut = fn.name == "index_mut"
            base = self.as_place(e.operand, mut)
            base_ty = self.adjusted_ty(e.operand)
            recv = self.new_temp(T.Ref(T.ERASED, mut, base_ty), e.span)
            self.assign(e.span, ir.Place(recv), ir.Ref(self.fresh_region(), "mut" if mut else "shared", base))
            idx = self.as_operand(e.index)
            out = self.temp_in(T.Ref(T.ERASED, mut, e.ty), e.span, self.temp_scope)
            self.emit_call(ir.Place(out), self.fn_operand(fn, res.args, e.span), [ir.Move(ir.Place(recv)), idx], e.span, T.Ref(T.ERASED, mut, e.ty))
            return ir.Place(out).deref()
        base = self.as_place(e.operand, mutable)
        idx = self.new_temp(T.USIZE, e.index.span)
        self.into(ir.Place(idx), e.index)
        length = self.new_temp(T.USIZE, e.span)
        self.assign(e.span, ir.Place(length), ir.Len(base))
        ok = self.new_temp(T.BOOL, e.span)
        self.assign(e.span, ir.Place(ok), ir.BinaryOp("Lt", ir.Copy(ir.Place(idx)), ir.Copy(ir.Place(length))))
        self.emit_assert(ir.Move(ir.Place(ok)), True, ("BoundsCheck", ir.Move(ir.Place(length)), ir.Copy(ir.Place(idx))), e.span)
        return base.project(ir.IndexProj(idx))

    def overloaded_deref(self, base: ir.Place, base_ty: T.Ty, fn: T.FnDef, mutable: bool, target: T.Ty, span: Span) -> ir.Place:
        """`*x` through Deref::deref(&x) / DerefMut::deref_mut(&mut x): the call returns a
        reference (a temporary of the temporary scope) which is then dereferenced."""
        recv = self.new_temp(T.Ref(T.ERASED, mutable, base_ty), span)
        self.assign(span, ir.Place(recv), ir.Ref(self.fresh_region(), "mut" if mutable else "shared", base))
        out_ty = T.Ref(T.ERASED, mutable, target)
        out = self.temp_in(out_ty, span, self.temp_scope)
        args = (base_ty,) if fn.impl is None else (base_ty.args if isinstance(base_ty, T.Adt) else ())
        self.emit_call(ir.Place(out), self.fn_operand(fn, args, span), [ir.Move(ir.Place(recv))], span, out_ty)
        return ir.Place(out).deref()

    # ---------------------------------------------------------------- operands

    def as_operand_unadj(self, e: ast.Expr) -> ir.Operand:
        if isinstance(e, ast.Paren):
            return self.as_operand(e.inner)
        const = self.try_constant(e)
        if const is not None:
            return const
        if is_place_expr(e):
            return self.consume(self.as_place_unadj(e), self.expr_ty(e))
        local = self.new_temp(self.expr_ty(e), e.span)
        self.into_unadj(ir.Place(local), e)
        self.schedule_drop(local, e.span)
        return ir.Move(ir.Place(local))

    def try_constant(self, e: ast.Expr) -> Optional[ir.Constant]:
        """Literals, `-literal`, `()`, fn items and const items as constants (None otherwise)."""
        ty = self.expr_ty(e)
        if isinstance(e, ast.Lit):
            return ir.Constant(lit_value(e), ty)
        if isinstance(e, ast.Unary) and e.op == "-" and isinstance(unparen(e.operand), ast.Lit) and self.op_res(e) is None:
            return ir.Constant(-lit_value(unparen(e.operand)), ty)
        if isinstance(e, ast.Tuple) and not e.elems:
            return ir.Constant((), T.UNIT)
        if isinstance(e, ast.PathExpr):
            res = e.res
            if isinstance(res, R.FnRes):
                return ir.Constant(res.fn, T.FnDefTy(res.fn, res.args))
            if isinstance(res, R.ConstRes):
                value = self.const_eval(const_expr(res.const))
                if value is not None:
                    return ir.Constant(value, ty)
        return None

    def const_eval(self, e: Optional[ast.Expr]) -> Any:
        """The value of a constant expression (literals, negation, arithmetic on constants,
        other consts), or None when it is not that simple."""
        if e is None:
            return None
        e = unparen(e)
        if isinstance(e, ast.Lit):
            return lit_value(e)
        if isinstance(e, ast.Unary) and e.op == "-":
            v = self.const_eval(e.operand)
            return -v if isinstance(v, (int, float)) and not isinstance(v, bool) else None
        if isinstance(e, ast.PathExpr) and isinstance(e.res, R.ConstRes):
            return self.const_eval(const_expr(e.res.const))
        if isinstance(e, ast.Binary) and e.op in ("+", "-", "*"):
            a, b = self.const_eval(e.lhs), self.const_eval(e.rhs)
            if isinstance(a, int) and isinstance(b, int) and not isinstance(a, bool):
                return {"+": a + b, "-": a - b, "*": a * b}[e.op]
        return None

    # ---------------------------------------------------------------- rvalues

    def as_rvalue_unadj(self, e: ast.Expr) -> ir.Rvalue:
        if isinstance(e, ast.Paren):
            return self.as_rvalue(e.inner)
        const = self.try_constant(e)
        if const is not None:
            return ir.Use(const)
        if is_place_expr(e):
            return ir.Use(self.consume(self.as_place_unadj(e), self.expr_ty(e)))
        method = getattr(self, "rvalue_" + type(e).__name__, None)
        if method is not None:
            rv = method(e)
            if rv is not None:
                return rv
        local = self.new_temp(self.expr_ty(e), e.span)
        self.into_unadj(ir.Place(local), e)
        self.schedule_drop(local, e.span)
        return ir.Use(ir.Move(ir.Place(local)))

    def rvalue_Borrow(self, e: ast.Borrow) -> ir.Rvalue:
        if not e.mutable and not e.raw and not self.adjustments(e.operand):
            const = self.try_constant(unparen(e.operand))
            if const is not None and isinstance(const.ty, (T.Int, T.Float, T.Bool, T.Char, T.Ref, T.Tuple)) \
                    and not isinstance(const.ty, T.FnDefTy):
                # rustc promotes `&CONSTANT` to a `&'static` reference to static memory
                promoted = ir.Promoted(const.value, const.ty)
                return ir.Use(ir.Constant(promoted, T.Ref(T.STATIC, False, const.ty)))
        place = self.as_place(e.operand, e.mutable)
        if e.raw:
            return ir.AddressOf(e.mutable, place)
        return ir.Ref(self.fresh_region(), "mut" if e.mutable else "shared", place)

    def rvalue_Tuple(self, e: ast.Tuple) -> ir.Rvalue:
        ops = tuple(self.as_call_operand(x) for x in e.elems)
        return ir.Aggregate(ir.AggregateKind("tuple", self.expr_ty(e)), ops)

    def rvalue_Array(self, e: ast.Array) -> ir.Rvalue:
        ops = tuple(self.as_call_operand(x) for x in e.elems)
        return ir.Aggregate(ir.AggregateKind("array", self.expr_ty(e)), ops)

    def rvalue_ArrayRepeat(self, e: ast.ArrayRepeat) -> ir.Rvalue:
        ty = self.expr_ty(e)
        count = ty.length if isinstance(ty, T.Array) else self.const_eval(e.count)
        if not isinstance(count, int):
            raise unsupported(e.count.span, "an array length that is not a constant")
        return ir.Repeat(self.as_operand(e.elem), count)

    def rvalue_StructLit(self, e: ast.StructLit) -> ir.Rvalue:
        ty = self.expr_ty(e)
        if not isinstance(ty, T.Adt):
            raise unsupported(e.span, f"a struct literal of type `{ty}`")
        variant = e.res.variant if isinstance(e.res, R.CtorRes) else 0
        vdef = ty.adt.variants[variant]
        ops: dict[int, ir.Operand] = {}
        for fi in e.fields:
            idx = vdef.field_index(fi.name)
            if idx is None:
                raise unsupported(fi.span, f"field `{fi.name}`")
            ops[idx] = self.as_call_operand(fi.value)
        if e.base is not None and len(ops) < len(vdef.fields):
            base = self.as_place(e.base)
            ftys = self.field_tys(ty, variant)
            for i, f in enumerate(vdef.fields):
                if i not in ops:
                    ops[i] = self.consume(base.field(i, ftys[i], f.name), ftys[i])
        names = tuple(f.name for f in vdef.fields)
        return ir.Aggregate(ir.AggregateKind("adt", ty, variant, names), tuple(ops[i] for i in range(len(vdef.fields))))

    def rvalue_Range(self, e: ast.Range) -> ir.Rvalue:
        ty = self.expr_ty(e)
        if not isinstance(ty, T.Adt):
            raise unsupported(e.span, "this range expression")
        lo = self.as_operand(e.lo) if e.lo is not None else None
        hi = self.as_operand(e.hi) if e.hi is not None else None
        vdef = ty.adt.variants[0]
        ops = []
        for f in vdef.fields:
            if f.name == "start" and lo is not None:
                ops.append(lo)
            elif f.name == "end" and hi is not None:
                ops.append(hi)
            else:
                ops.append(ir.Constant(False, T.BOOL))  # RangeInclusive's `exhausted`
        return ir.Aggregate(ir.AggregateKind("adt", ty, 0, tuple(f.name for f in vdef.fields)), tuple(ops))

    def rvalue_PathExpr(self, e: ast.PathExpr) -> Optional[ir.Rvalue]:
        res = e.res
        if isinstance(res, R.CtorRes):
            ty = self.expr_ty(e)
            vdef = res.adt.variants[res.variant]
            if vdef.fields:
                # `map(Some)`: the constructor as a function, reified to the fn pointer type
                from .build import ctor_fn
                fn = ctor_fn(self.cx, res.adt, res.variant)
                return ir.Cast("fn-to-ptr", ir.Constant(fn, T.FnDefTy(fn, tuple(res.args))), ty)
            return ir.Aggregate(ir.AggregateKind("adt", ty, res.variant), ())
        if isinstance(res, R.ConstRes) and const_expr(res.const) is not None:
            return self.as_rvalue(const_expr(res.const))
        raise unsupported(e.span, f"the path `{e.path}` as a value")

    # ---------------------------------------------------------------- into a destination

    def into_unadj(self, dest: ir.Place, e: ast.Expr) -> None:
        method = getattr(self, "into_" + type(e).__name__, None)
        if method is not None:
            method(dest, e)
            return
        self.assign(e.span, dest, self.as_rvalue_unadj(e))

    def into_Paren(self, dest: ir.Place, e: ast.Paren) -> None:
        self.into(dest, e.inner)

    # ---------------------------------------------------------------- helpers

    def emit_assert(self, cond: ir.Operand, expected: bool, msg: tuple, span: Span) -> None:
        target = self.new_block()
        self.terminate(ir.Assert(span, cond, expected, msg, target, self.unwind_target()))
        self.cur = target

    def field_tys(self, ty: T.Ty, variant: int = 0) -> list[T.Ty]:
        if isinstance(ty, T.Tuple):
            return list(ty.elems)
        return list(self.tcx.field_tys(ty, variant))

    def trait_method(self, lang: str, name: str) -> Optional[T.FnDef]:
        try:
            trait = self.tcx.lang_trait(lang)
        except Exception:  # noqa: BLE001 - a missing lang item only disables the refinement
            return None
        return trait.methods.get(name) if trait is not None else None


def const_expr(const: Any) -> Optional[ast.Expr]:
    """The value expression of a const item (an `ast.Const`, or a definition holding one)."""
    node = const if isinstance(const, ast.Const) else getattr(const, "ast", None)
    return getattr(node, "value", None)


def lit_value(e: ast.Lit) -> Any:
    if e.kind == "byte" and isinstance(e.value, str):
        return ord(e.value)
    return e.value


def coercion_kind(a: Any) -> str:
    if isinstance(a, R.Unsize):
        return "unsize"
    if isinstance(a, R.ReifyFnPointer):
        return "fn-to-ptr"
    if isinstance(a, R.ClosureFnPointer):
        return "closure-to-fn"
    return "ptr-to-ptr"
