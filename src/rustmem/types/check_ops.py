"""Operators and casts: the `OpsChecker` mixin of `FnCtxt` (see check.py).

Builtin arithmetic, comparison and logic on numbers, bool and char are typed here directly;
every other operand type goes through its operator trait (`Add`, `PartialEq`, `Neg`,
`AddAssign`, `Deref` ...) and the node's `res` records the `OverloadedOp`.  Casts are checked
once inference is done (`check_cast`, from writeback).
"""
from __future__ import annotations

from typing import Any, Optional

from ..syntax import ast
from . import errors
from .check_expr import ARITH, CMP, is_intlike, is_numeric, _strip_paren
from .method import overloaded_deref_target
from .results import OverloadedOp
from .traits import NO, Obligation
from .ty import (
    BOOL, ERASED, ERROR, U8, UNIT, Adt, Bool, Char, ClosureTy, ErrorTy, FnDefTy, FnPtr, Infer, Int,
    Projection, RawPtr, Ref, Slice, Ty, erase_regions,
)


class OpsChecker:
    """Mixin: unary, binary and assignment operators, and `as` casts."""

    def expr_Unary(self: Any, e: ast.Unary, expected: Optional[Ty]) -> Ty:
        if e.op == "*":
            t = self.check_expr(e.operand, None)
            if self.infcx.is_unresolved(t):
                self.select_where_possible()
            s = self.shallow(t)
            if isinstance(s, Ref):
                return s.inner
            if isinstance(s, RawPtr):
                if self.unsafe_depth == 0:
                    self.error(errors.unsafe_op(e.span, "deref"))
                return s.inner
            if isinstance(s, Adt) and s.adt.lang == "Box" and s.args:
                return s.args[0]
            if isinstance(s, ErrorTy):
                return ERROR
            target = overloaded_deref_target(self, s)
            if target is not None:
                deref = self.tcx.lang_trait("Deref")
                e.res = OverloadedOp(deref.methods["deref"], (s,), True)
                return target[0]
            return self.error(errors.cannot_deref(e.span, self.shown(t)))
        hint = expected if expected is not None and is_numeric(self.shallow(expected)) else None
        t = self.check_expr(e.operand, hint)
        s = self.shallow(t)
        if e.op == "-" and is_numeric(s) and not (isinstance(s, Int) and not s.signed):
            return t
        if e.op == "!" and (isinstance(s, Bool) or is_intlike(s)):
            return t
        if isinstance(s, ErrorTy):
            return ERROR
        trait = self.tcx.lang_trait("Neg" if e.op == "-" else "Not")
        if trait is not None and self.scx.evaluate(s, trait, ()) != NO and not isinstance(s, (Int, Bool)):
            self.register(Obligation(s, trait, (), e.span))
            e.res = OverloadedOp(trait.methods["neg" if e.op == "-" else "not"], (s,))
            return self.normalize(Projection(trait, s, "Output", ()))
        return self.error(errors.cannot_negate(e.span, e.op, self.shown(t)))

    def expr_Binary(self: Any, e: ast.Binary, expected: Optional[Ty]) -> Ty:
        if e.op in ("&&", "||"):
            self.check_coerce(e.lhs, BOOL)
            self.check_coerce(e.rhs, BOOL)
            e.res = None
            return BOOL
        lt = self.check_expr(e.lhs, None)
        if self.infcx.is_unresolved(lt):
            self.select_where_possible()
        l = self.shallow(lt)
        is_cmp = e.op in CMP
        e.res = None
        if isinstance(l, ErrorTy):
            self.check_expr(e.rhs, None)
            return BOOL if is_cmp else ERROR
        if self.builtin_binop(l, e.op):
            if e.op in ("<<", ">>"):
                rt = self.check_expr(e.rhs, None)
                if not is_intlike(self.shallow(rt)) and not isinstance(self.shallow(rt), ErrorTy):
                    self.error(errors.binop(e.op_span or e.span, e.op, self.ty_str(lt), self.ty_str(rt)))
                return lt
            rt = self.check_expr(e.rhs, lt)
            r = self.shallow(rt)
            if self.builtin_binop(r, e.op) or isinstance(r, (Infer, ErrorTy)):
                if not self.coerce(e.rhs, rt, lt):
                    self.error(errors.mismatched(e.rhs.span, self.ty_str(lt), self.ty_str(rt)))
                    self.error(errors.binop_operands(e.op_span or e.span, e.op, self.ty_str(lt), self.ty_str(rt)))
                return BOOL if is_cmp else lt
            return self.overloaded_binop(e, lt, rt, is_cmp)
        rt = self.check_expr(e.rhs, None)
        return self.overloaded_binop(e, lt, rt, is_cmp)

    def builtin_binop(self: Any, t: Ty, op: str) -> bool:
        if op in CMP:
            return is_numeric(t) or isinstance(t, (Bool, Char, RawPtr)) or t == UNIT
        if op in ("&", "|", "^"):
            return is_intlike(t) or isinstance(t, Bool)
        if op in ("<<", ">>"):
            return is_intlike(t)
        return is_numeric(t)

    def overloaded_binop(self: Any, e: ast.Binary, lt: Ty, rt: Ty, is_cmp: bool) -> Ty:
        if is_cmp:
            tname, mname = CMP[e.op]
        else:
            tname = ARITH[e.op]
            mname = tname.lower().replace("bitand", "bitand")
        trait = self.tcx.lang_trait(tname)
        if trait is None:
            return self.error(errors.binop(e.op_span or e.span, e.op, self.ty_str(lt), self.ty_str(rt)))
        method = trait.methods.get(mname) or next(iter(trait.methods.values()))
        l = self.shallow(lt)
        r = self.scx.evaluate(l, trait, (rt,))
        if r == NO:
            if isinstance(self.shallow(rt), ErrorTy):
                return BOOL if is_cmp else ERROR
            # with one impl for the left operand, the right one must coerce to its Rhs
            # (`String + &String` wants `&str`); rustc then blames the right operand
            var = self.infcx.new_var()
            cands = self.infcx.probe(lambda: self.scx.candidates(l, trait, (var,), 0))
            n = len(cands) if cands is not None else 0
            if n == 1:
                self.scx.select(Obligation(l, trait, (var,), e.span))
                if not self.coerce(e.rhs, rt, var):
                    self.error(errors.mismatched(e.rhs.span, self.ty_str(var), self.ty_str(rt)))
                rt = var
            elif n > 1:
                self.error(errors.binop_operands(e.op_span or e.span, e.op, self.ty_str(lt), self.ty_str(rt)))
                return BOOL if is_cmp else ERROR
            else:
                self.error(errors.binop(e.op_span or e.span, e.op, self.ty_str(lt), self.ty_str(rt)))
                return BOOL if is_cmp else ERROR
        self.register(Obligation(l, trait, (rt,), e.span))
        e.res = OverloadedOp(method, (l, rt), is_cmp)
        if is_cmp:
            return BOOL
        return self.normalize(Projection(trait, l, "Output", (rt,)))

    def expr_Assign(self: Any, e: ast.Assign, expected: Optional[Ty]) -> Ty:
        lt = self.check_expr(e.lhs, None)
        self.check_coerce(e.rhs, lt)
        self.convert_place_to_mutable(e.lhs)
        return UNIT

    def expr_CompoundAssign(self: Any, e: ast.CompoundAssign, expected: Optional[Ty]) -> Ty:
        lt = self.check_expr(e.lhs, None)
        self.convert_place_to_mutable(e.lhs)
        l = self.shallow(lt)
        e.res = None
        if self.builtin_binop(l, e.op):
            if e.op in ("<<", ">>"):
                self.check_expr(e.rhs, None)
                return UNIT
            rt = self.check_expr(e.rhs, lt)
            if self.builtin_binop(self.shallow(rt), e.op) or isinstance(self.shallow(rt), Infer):
                if not self.coerce(e.rhs, rt, lt):
                    self.error(errors.mismatched(e.rhs.span, self.ty_str(lt), self.ty_str(rt)))
                return UNIT
        else:
            rt = self.check_expr(e.rhs, None)
        if isinstance(l, ErrorTy):
            return UNIT
        trait = self.tcx.lang_trait(ARITH[e.op] + "Assign")
        if trait is None:
            return UNIT
        r = self.scx.evaluate(l, trait, (rt,))
        if r == NO:
            var = self.infcx.new_var()
            cands = self.infcx.probe(lambda: self.scx.candidates(l, trait, (var,), 0))
            if cands is not None and len(cands) == 1:
                self.scx.select(Obligation(l, trait, (var,), e.span))
                if self.coerce(e.rhs, rt, var):
                    rt, r = var, "yes"
        if r == NO:
            self.error(errors.binop_assign(e.span, e.op, self.ty_str(lt)))
            return UNIT
        self.register(Obligation(l, trait, (rt,), e.span))
        e.res = OverloadedOp(next(iter(trait.methods.values())), (l, rt))
        return UNIT

    def expr_Cast(self: Any, e: ast.Cast, expected: Optional[Ty]) -> Ty:
        target = self.lower(e.target)
        t = self.shallow(target)
        hint = t if is_numeric(t) and isinstance(_strip_paren(e.operand), ast.Lit) else None
        src = self.check_expr(e.operand, hint)
        self.deferred_calls.append(("cast", e, src, target))
        return target

    def check_cast(self: Any, e: ast.Cast, src: Ty, target: Ty) -> None:
        s, t = self.infcx.resolve(src), self.infcx.resolve(target)
        if isinstance(s, (ErrorTy, Infer)) or isinstance(t, (ErrorTy, Infer)) or s == t:
            return
        ok = False
        if is_numeric(t):
            ok = (is_numeric(s) or isinstance(s, (Bool, Char)) and isinstance(t, Int)
                  or isinstance(s, Adt) and s.adt.is_enum and isinstance(t, Int) and all(not v.fields for v in s.adt.variants)
                  or isinstance(s, RawPtr) and isinstance(t, Int) or isinstance(s, (FnDefTy, FnPtr)) and isinstance(t, Int))
        elif isinstance(t, Char):
            ok = s == U8
        elif isinstance(t, RawPtr):
            ok = isinstance(s, (RawPtr, Ref)) or isinstance(s, Int) or isinstance(s, (FnDefTy, FnPtr))
            if isinstance(s, Ref):
                self.coerce(e.operand, s, Ref(ERASED, t.mutable, t.inner) if not isinstance(self.shallow(t.inner), Slice) else s)
        elif isinstance(t, (FnPtr,)):
            ok = isinstance(s, (FnDefTy, ClosureTy, FnPtr))
        elif isinstance(t, Ref) and isinstance(s, Ref):
            ok = self.infcx.try_unify(s, t) or self.coerce(e.operand, s, t)
        if not ok:
            self.error(errors.bad_cast(e.span, erase_regions(s), erase_regions(t)))
