"""Builtin arithmetic, comparison and bit operations on the machine's scalar values, each
compiled to a closure specialised on the operator and the operand type (hot path)."""
from __future__ import annotations

import math
import operator
import struct
from typing import Any, Callable

from ..types import ty as T
from .errors import RustPanic
from .tys import INT_RANGES

Getter = Callable[[list], Any]

COMPARE = {"Eq": operator.eq, "Ne": operator.ne, "Lt": operator.lt, "Le": operator.le,
           "Gt": operator.gt, "Ge": operator.ge}
BITS = {"BitAnd": operator.and_, "BitOr": operator.or_, "BitXor": operator.xor}


def to_f32(x: float) -> float:
    try:
        return struct.unpack("f", struct.pack("f", x))[0]
    except OverflowError:
        return math.copysign(math.inf, x)


def int_div(a: int, b: int) -> int:
    """Rust's `/` on integers: truncates toward zero."""
    if b == 0:
        raise RustPanic("attempt to divide by zero")
    q = abs(a) // abs(b)
    return q if (a >= 0) == (b >= 0) else -q


def int_rem(a: int, b: int) -> int:
    if b == 0:
        raise RustPanic("attempt to calculate the remainder with a divisor of zero")
    return a - b * int_div(a, b)


def float_div(a: float, b: float) -> float:
    if b == 0.0:
        if a == 0.0 or math.isnan(a):
            return math.nan
        return math.copysign(math.inf, a) * math.copysign(1.0, b)
    return a / b


def float_rem(a: float, b: float) -> float:
    if b == 0.0 or math.isinf(a):
        return math.nan
    return math.fmod(a, b)


def _int_arith(op: str, kind: str) -> Callable[[int, int], int]:
    lo, hi = INT_RANGES[kind]
    bits = 64 if kind.endswith("size") else int(kind[1:])
    span = hi - lo + 1

    def wrap(r: int) -> int:
        return r if lo <= r <= hi else (r - lo) % span + lo
    if op == "Add":
        return lambda a, b: wrap(a + b)
    if op == "Sub":
        return lambda a, b: wrap(a - b)
    if op == "Mul":
        return lambda a, b: wrap(a * b)
    if op == "Div":
        return lambda a, b: wrap(int_div(a, b))
    if op == "Rem":
        return lambda a, b: wrap(int_rem(a, b))
    if op == "Shl":
        return lambda a, b: wrap(a << (b & (bits - 1)))
    if op == "Shr":
        if lo < 0:
            return lambda a, b: a >> (b & (bits - 1))
        return lambda a, b: a >> (b & (bits - 1))
    if op in BITS:
        return BITS[op]
    raise NotImplementedError(op)


def _float_arith(op: str, kind: str) -> Callable[[float, float], float]:
    fns: dict[str, Callable[[float, float], float]] = {
        "Add": operator.add, "Sub": operator.sub, "Mul": operator.mul, "Div": float_div, "Rem": float_rem}
    f = fns[op]
    if kind == "f32":
        return lambda a, b: to_f32(f(a, b))
    return f


def binary_op(op: str, a: Getter, b: Getter, lty: Any, rty: Any) -> Getter:
    """A closure computing `a op b` as Rust's builtin operator on lty does (results of
    + - * are wrapped: the overflow check, when there is one, is a separate Assert)."""
    if op in COMPARE:
        f = COMPARE[op]
        if op == "Eq":
            return lambda L: a(L) == b(L)
        if op == "Lt":
            return lambda L: a(L) < b(L)
        return lambda L: f(a(L), b(L))
    if op == "Offset":
        return lambda L: a(L).offset(b(L))
    if isinstance(lty, T.Int):
        g = _int_arith(op, lty.kind)
        if op == "Add":
            lo, hi = INT_RANGES[lty.kind]

            def add(L: list) -> int:
                r = a(L) + b(L)
                return r if lo <= r <= hi else g(r, 0)
            return add
        return lambda L: g(a(L), b(L))
    if isinstance(lty, T.Float):
        g = _float_arith(op, lty.kind)
        return lambda L: g(a(L), b(L))
    if isinstance(lty, T.Bool) and op in BITS:
        f = BITS[op]
        return lambda L: bool(f(a(L), b(L)))
    raise NotImplementedError(f"binary {op} on {lty}")


def checked_op(op: str, a: Getter, b: Getter, ty: Any) -> Getter:
    """`(a op b, overflowed)` as rustc's checked arithmetic in debug builds."""
    kind = ty.kind
    lo, hi = INT_RANGES[kind]
    span = hi - lo + 1
    bits = 64 if kind.endswith("size") else int(kind[1:])
    if op in ("Shl", "Shr"):
        g = _int_arith(op, kind)

        def shift(L: list) -> list:
            x, n = a(L), b(L)
            return [g(x, n), not 0 <= n < bits]
        return shift
    if op == "Add":
        def add(L: list) -> list:
            r = a(L) + b(L)
            if lo <= r <= hi:
                return [r, False]
            return [(r - lo) % span + lo, True]
        return add
    if op == "Sub":
        def sub(L: list) -> list:
            r = a(L) - b(L)
            if lo <= r <= hi:
                return [r, False]
            return [(r - lo) % span + lo, True]
        return sub
    if op == "Mul":
        def mul(L: list) -> list:
            r = a(L) * b(L)
            if lo <= r <= hi:
                return [r, False]
            return [(r - lo) % span + lo, True]
        return mul
    g = _int_arith(op, kind)

    def other(L: list) -> list:
        x, y = a(L), b(L)
        exact = int_div(x, y) if op == "Div" else (int_rem(x, y) if op == "Rem" else g(x, y))
        return [g(x, y), not lo <= exact <= hi]
    return other


def unary_op(op: str, a: Getter, ty: Any) -> Getter:
    if op == "Not":
        if isinstance(ty, T.Bool):
            return lambda L: not a(L)
        lo, hi = INT_RANGES[ty.kind]
        if lo == 0:
            return lambda L: hi ^ a(L)
        return lambda L: ~a(L)
    if isinstance(ty, T.Float):
        return lambda L: -a(L)
    lo, hi = INT_RANGES[ty.kind]

    def neg(L: list) -> int:
        r = -a(L)
        return r if lo <= r <= hi else lo
    return neg
