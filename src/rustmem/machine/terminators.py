"""Terminators compiled to closures returning the next block (-1: the frame stack changed).
Mixed into BodyCompiler."""
from __future__ import annotations

from typing import Any, Callable

from ..mir import ir
from ..types import ty as T
from .errors import RustPanic, UndefinedBehavior
from .memory import UNINIT

OVERFLOW_WORDS = {"Add": "add", "Sub": "subtract", "Mul": "multiply", "Div": "divide",
                  "Rem": "calculate the remainder", "Shl": "shift left", "Shr": "shift right",
                  "Neg": "negate"}


class TerminatorCompiler:
    """The terminator half of BodyCompiler (expects `m`, `view`, `operand`, `place_*`)."""

    m: Any
    view: Any

    # ------------------------------------------------------------ terminators

    def terminator(self, t: ir.Terminator) -> Callable[[list], int]:
        return getattr(self, "t_" + type(t).__name__)(t)

    def t_Goto(self, t: ir.Goto) -> Callable[[list], int]:
        target = t.target
        return lambda L: target

    def t_FalseEdge(self, t: ir.FalseEdge) -> Callable[[list], int]:
        target = t.real
        return lambda L: target

    def t_FalseUnwind(self, t: ir.FalseUnwind) -> Callable[[list], int]:
        target = t.real
        return lambda L: target

    def t_SwitchInt(self, t: ir.SwitchInt) -> Callable[[list], int]:
        discr = self.operand(t.discr)
        ty = self.operand_ty(t.discr)
        otherwise = t.otherwise
        if isinstance(ty, T.Char):
            table = {chr(v) if isinstance(v, int) else v: b for v, b in zip(t.values, t.targets)}
        else:
            table = dict(zip(t.values, t.targets))
        if isinstance(ty, T.Bool) and len(t.values) == 1 and t.values[0] in (0, False):
            if_false, if_true = t.targets[0], otherwise
            return lambda L: if_true if discr(L) else if_false
        get = table.get
        return lambda L: get(discr(L), otherwise)

    def t_Return(self, t: ir.Return) -> Callable[[list], int]:
        return self.m.return_from_frame

    def t_Unreachable(self, t: ir.Unreachable) -> Callable[[list], int]:
        def unreachable(L: list) -> int:
            raise UndefinedBehavior("unreachable", "entering unreachable code")
        return unreachable

    def t_UnwindResume(self, t: ir.UnwindResume) -> Callable[[list], int]:
        return self.m.resume_unwind

    def t_Assert(self, t: ir.Assert) -> Callable[[list], int]:
        cond, expected, target = self.operand(t.cond), t.expected, t.target
        msg = self.assert_message(t.msg)

        def check(L: list) -> int:
            if cond(L) == expected:
                return target
            raise RustPanic(msg(L))
        return check

    def assert_message(self, msg: tuple) -> Callable[[list], str]:
        kind = msg[0] if msg else "Overflow"
        rest = [self.operand(x) if isinstance(x, (ir.Copy, ir.Move, ir.Constant)) else (lambda L, x=x: x) for x in msg[2 if kind == "Overflow" else 1:]]
        if kind == "BoundsCheck":
            n, i = rest[0], rest[1]
            return lambda L: f"index out of bounds: the len is {n(L)} but the index is {i(L)}"
        if kind == "DivisionByZero":
            return lambda L: "attempt to divide by zero"
        if kind == "RemainderByZero":
            return lambda L: "attempt to calculate the remainder with a divisor of zero"
        if kind == "OverflowNeg":
            return lambda L: "attempt to negate with overflow"
        op = msg[1] if len(msg) > 1 else "Add"
        text = f"attempt to {OVERFLOW_WORDS.get(op, op.lower())} with overflow"
        return lambda L: text

    def t_Drop(self, t: ir.Drop) -> Callable[[list], int]:
        ty = self.place_ty(t.place)
        target = t.target
        if not self.view.needs_drop(ty) or not self.m.auto_drop:
            return lambda L: target
        get, put = self.place_get(t.place), self.place_set(t.place)
        glue = self.m.drop_glue(ty)
        tracer, clock = self.m.tracer, self.m.clock
        local, frame = t.place.local, self.body.name

        def drop(L: list) -> int:
            v = get(L)
            if v is not UNINIT:
                put(L, UNINIT)
                if tracer is not None:
                    tracer.event("drop", clock(), ty=str(ty), local=local, frame=frame)
                glue(v)
            return target
        return drop

    def t_Call(self, t: ir.Call) -> Callable[[list], int]:
        return self.m.compile_call(self, t)

