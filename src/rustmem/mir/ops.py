"""Operators: unary and binary (builtin with overflow and division checks, or a call of the
operator trait's method), `&&`/`||` short-circuiting, and `as` casts."""
from __future__ import annotations

from typing import Optional

from ..source import Span
from ..syntax import ast
from ..types import ty as T
from . import ir
from .expr import BINOPS, CHECKED


class OpsMixin:
    """The operator half of `Builder`."""

    def rvalue_Unary(self, e: ast.Unary) -> Optional[ir.Rvalue]:
        if self.op_res(e) is not None:
            return None  # overloaded: a call, lowered by `into`
        op = self.as_operand(e.operand)
        ty = self.adjusted_ty(e.operand)
        if e.op == "!":
            return ir.UnaryOp("Not", op)
        if isinstance(ty, T.Int) and ty.signed:
            op = as_copy(op)
            is_min = self.new_temp(T.BOOL, e.span)
            self.assign(e.span, ir.Place(is_min), ir.BinaryOp("Eq", op, ir.Constant(int_min(ty), ty)))
            self.emit_assert(ir.Move(ir.Place(is_min)), False, ("OverflowNeg", op), e.span)
        return ir.UnaryOp("Neg", op)

    def rvalue_Binary(self, e: ast.Binary) -> Optional[ir.Rvalue]:
        if e.op in ("&&", "||") or self.op_res(e) is not None:
            return None
        lhs = self.as_operand(e.lhs)
        rhs = self.as_operand(e.rhs)
        return self.builtin_binop(BINOPS[e.op], lhs, rhs, self.adjusted_ty(e.lhs), self.expr_ty(e), e.span)

    def builtin_binop(self, op: str, lhs: ir.Operand, rhs: ir.Operand, operand_ty: T.Ty, ty: T.Ty, span: Span) -> ir.Rvalue:
        """A builtin binary operation; on integers + - * are checked (CheckedBinaryOp and an
        Overflow assert) and / % assert a non-zero divisor (and no MIN / -1 overflow)."""
        if not isinstance(operand_ty, T.Int):
            return ir.BinaryOp(op, lhs, rhs)
        lhs, rhs = as_copy(lhs), as_copy(rhs)
        if op in CHECKED:
            pair = self.new_temp(T.Tuple((ty, T.BOOL)), span)
            self.assign(span, ir.Place(pair), ir.CheckedBinaryOp(op, lhs, rhs))
            overflow = ir.Place(pair).field(1, T.BOOL, "1")
            self.emit_assert(ir.Move(overflow), False, ("Overflow", op, lhs, rhs), span)
            return ir.Use(ir.Move(ir.Place(pair).field(0, ty, "0")))
        if op in ("Div", "Rem"):
            zero = self.new_temp(T.BOOL, span)
            self.assign(span, ir.Place(zero), ir.BinaryOp("Eq", rhs, ir.Constant(0, operand_ty)))
            msg = "DivisionByZero" if op == "Div" else "RemainderByZero"
            self.emit_assert(ir.Move(ir.Place(zero)), False, (msg, lhs), span)
            if operand_ty.signed:
                minus_one = self.new_temp(T.BOOL, span)
                self.assign(span, ir.Place(minus_one), ir.BinaryOp("Eq", rhs, ir.Constant(-1, operand_ty)))
                is_min = self.new_temp(T.BOOL, span)
                self.assign(span, ir.Place(is_min), ir.BinaryOp("Eq", lhs, ir.Constant(int_min(operand_ty), operand_ty)))
                both = self.new_temp(T.BOOL, span)
                self.assign(span, ir.Place(both), ir.BinaryOp("BitAnd", ir.Move(ir.Place(minus_one)), ir.Move(ir.Place(is_min))))
                self.emit_assert(ir.Move(ir.Place(both)), False, ("Overflow", op, lhs, rhs), span)
        if op in ("Shl", "Shr"):
            # a shift by `bits` or more (or by a negative amount) overflows
            wide = self.new_temp(T.Int("u128"), span)
            self.assign(span, ir.Place(wide), ir.Cast("int-to-int", rhs, T.Int("u128")))
            ok = self.new_temp(T.BOOL, span)
            self.assign(span, ir.Place(ok), ir.BinaryOp("Lt", ir.Move(ir.Place(wide)), ir.Constant(operand_ty.bits, T.Int("u128"))))
            self.emit_assert(ir.Move(ir.Place(ok)), True, ("Overflow", op, lhs, rhs), span)
        return ir.BinaryOp(op, lhs, rhs)

    def rvalue_Cast(self, e: ast.Cast) -> ir.Rvalue:
        src = self.adjusted_ty(e.operand)
        dst = e.ty
        if isinstance(src, T.Adt) and src.adt.is_enum:
            place = self.as_place(e.operand)
            d = self.new_temp(T.Int("isize"), e.span)
            self.assign(e.span, ir.Place(d), ir.Discriminant(place))
            return ir.Cast("int-to-int", ir.Move(ir.Place(d)), dst)
        op = self.as_operand(e.operand)
        if src == dst:
            return ir.Use(op)
        return ir.Cast(cast_kind(src, dst), op, dst)

    def into_Unary(self, dest: ir.Place, e: ast.Unary) -> None:
        res = self.op_res(e)
        if res is not None and e.op != "*":
            op = self.as_call_operand(e.operand)
            self.emit_call(dest, self.fn_operand(res.fn, res.args, e.span), [op], e.span, e.ty)
            return
        self.assign(e.span, dest, self.as_rvalue_unadj(e))

    def into_Binary(self, dest: ir.Place, e: ast.Binary) -> None:
        if e.op in ("&&", "||"):
            self.lower_logical(dest, e)
            return
        res = self.op_res(e)
        if res is not None:
            if res.by_ref:
                args = [self.borrow_operand(e.lhs), self.borrow_operand(e.rhs)]
            else:
                args = [self.as_call_operand(e.lhs), self.as_call_operand(e.rhs)]
            self.emit_call(dest, self.fn_operand(res.fn, res.args, e.span), args, e.span, e.ty)
            if e.op == "!=" and res.fn.name == "eq":
                self.assign(e.span, dest, ir.UnaryOp("Not", ir.Move(dest)))
            return
        self.assign(e.span, dest, self.as_rvalue_unadj(e))

    def borrow_operand(self, e: ast.Expr) -> ir.Operand:
        """`&e` as a call operand (the by-reference operands of comparison operators)."""
        place = self.as_place(e)
        local = self.new_temp(T.Ref(T.ERASED, False, self.adjusted_ty(e)), e.span)
        self.assign(e.span, ir.Place(local), ir.Ref(self.fresh_region(), "shared", place))
        return ir.Move(ir.Place(local))

    def lower_logical(self, dest: ir.Place, e: ast.Binary) -> None:
        """`a && b` / `a || b`: evaluate b only when a does not decide; both operands are
        temporary scopes."""
        lhs = ir.Move(ir.Place(self.eval_condition(e.lhs)))
        rhs_bb, short_bb, join = self.new_block(), self.new_block(), self.new_block()
        if e.op == "&&":
            self.terminate(ir.SwitchInt(e.span, lhs, [0], [short_bb], rhs_bb))
        else:
            self.terminate(ir.SwitchInt(e.span, lhs, [0], [rhs_bb], short_bb))
        self.cur = short_bb
        self.assign(e.span, dest, ir.Use(ir.Constant(e.op == "||", T.BOOL)))
        self.goto(join, e.span)
        self.cur = rhs_bb
        with self.in_scope(e.rhs.span, temporaries=True):
            self.into(dest, e.rhs)
        self.goto(join, e.span)
        self.cur = join


def int_min(ty: T.Int) -> int:
    return -(1 << (ty.bits - 1))


def as_copy(op: ir.Operand) -> ir.Operand:
    """Copy instead of Move, for operands of Copy type that are used twice (checks)."""
    return ir.Copy(op.place) if isinstance(op, ir.Move) else op


def cast_kind(src: T.Ty, dst: T.Ty) -> str:
    """The kind of an `as` cast from src to dst."""
    intlike = (T.Int, T.Char, T.Bool)
    if isinstance(src, intlike) and isinstance(dst, T.Int):
        return "int-to-int"
    if isinstance(src, T.Int) and isinstance(dst, T.Char):
        return "int-to-int"
    if isinstance(src, T.Int) and isinstance(dst, T.Float):
        return "int-to-float"
    if isinstance(src, T.Float) and isinstance(dst, T.Int):
        return "float-to-int"
    if isinstance(src, T.Float) and isinstance(dst, T.Float):
        return "float-to-float"
    if isinstance(src, T.Ref) and isinstance(dst, T.RawPtr):
        return "ref-to-ptr"
    if isinstance(src, T.RawPtr) and isinstance(dst, T.RawPtr):
        return "ptr-to-ptr"
    if isinstance(src, T.RawPtr) and isinstance(dst, T.Int):
        return "ptr-to-int"
    if isinstance(src, T.Int) and isinstance(dst, T.RawPtr):
        return "int-to-ptr"
    if isinstance(src, T.FnDefTy):
        return "fn-to-ptr"
    if isinstance(src, T.ClosureTy):
        return "closure-to-fn"
    return "transmute"
