"""What rustc can know about an integer at compile time, and the format specs programs use.

rustc's `arithmetic_overflow` and `unconditional_panic` lints (deny by default) evaluate
operations whose operands are compile-time constants, so a generated program must never
hold such an operation that overflows, divides by zero or shifts too far.  A `Val` says
what the generator knows: `known` (the exact value rustc can see), `opaque` (rustc cannot
see it: a call's result, a loop variable, an element), or `maybe` (rustc might see it but the
generator does not track it).
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

INT_RANGE = {
    "i8": (-(2**7), 2**7 - 1), "i16": (-(2**15), 2**15 - 1), "i32": (-(2**31), 2**31 - 1),
    "i64": (-(2**63), 2**63 - 1), "u8": (0, 2**8 - 1), "u16": (0, 2**16 - 1),
    "u32": (0, 2**32 - 1), "u64": (0, 2**64 - 1), "usize": (0, 2**64 - 1),
}
INT_BITS = {"i8": 8, "i16": 16, "i32": 32, "i64": 64, "u8": 8, "u16": 16, "u32": 32, "u64": 64,
            "usize": 64}


@dataclass(frozen=True)
class Val:
    value: Optional[int] = None
    opaque_: bool = False

    @staticmethod
    def known(v: int) -> "Val":
        return Val(v, False)

    @staticmethod
    def opaque() -> "Val":
        return Val(None, True)

    @staticmethod
    def maybe() -> "Val":
        return Val(None, False)

    @property
    def is_known(self) -> bool:
        return self.value is not None

    def map(self, fn: Callable[[int], int]) -> "Val":
        return Val.known(fn(self.value)) if self.value is not None else self


def wrap_int(v: int, ty: str) -> int:
    """`v as ty`: keep the low bits, reinterpret as signed for signed types."""
    bits = INT_BITS[ty]
    v &= (1 << bits) - 1
    if ty.startswith("i") and v >= 1 << (bits - 1):
        v -= 1 << bits
    return v


def _exact(op: str, a: int, b: int, ty: str) -> Optional[int]:
    """The result of `a op b` in ty, or None where Rust panics (overflow, division by zero)."""
    lo, hi = INT_RANGE[ty]
    if op in ("/", "%"):
        if b == 0:
            return None
        q = abs(a) // abs(b)
        q = q if (a >= 0) == (b >= 0) else -q
        r = q if op == "/" else a - b * q
    elif op in ("<<", ">>"):
        if not 0 <= b < INT_BITS[ty]:
            return None
        return wrap_int(a << b, ty) if op == "<<" else a >> b
    else:
        r = {"+": a + b, "-": a - b, "*": a * b, "&": a & b, "|": a | b, "^": a ^ b}[op]
    return r if lo <= r <= hi else None


def int_binop(op: str, a: Val, b: Val, ty: str) -> Optional[Val]:
    """What rustc knows of `a op b`, or None when rustc would reject the operation."""
    if a.is_known and b.is_known:
        r = _exact(op, a.value, b.value, ty)  # type: ignore[arg-type]
        return None if r is None else Val.known(r)
    if op in ("/", "%", "<<", ">>"):
        # A constant divisor or shift amount is checked on its own, whatever the left side.
        if b.is_known:
            ok = b.value != 0 if op in ("/", "%") else 0 <= b.value < INT_BITS[ty]  # type: ignore[operator]
            if not ok or (op == "/" and b.value == -1 and not a.opaque_):
                return None
        elif not b.opaque_:
            return None
    if a.opaque_ or b.opaque_:
        return Val.opaque()
    return None  # rustc might know both sides: do not risk a compile-time overflow


def lit_code(v: int, ty: str, suffix: bool) -> str:
    """An integer literal of type ty (suffixed unless it is an unsuffixed i32)."""
    text = f"{v}{ty}" if suffix or ty != "i32" else str(v)
    return text if v >= 0 else f"({text})"


FMT_SPECS = {
    "int": ["{}", "{}", "{:5}", "{:<4}|", "{:^7}", "{:+}", "{:05}", "{:x}", "{:#x}", "{:#b}",
            "{:o}", "{:?}", "{:e}", "{:>+8}", "{:#06x}", "{:X}", "{:*^9}", "{:03}"],
    "float": ["{}", "{}", "{:.2}", "{:8.3}", "{:?}", "{:e}", "{:+.1}", "{:<10.4}|", "{:.0}",
              "{:08.2}", "{:>12?}", "{:.3e}"],
    "str": ["{}", "{}", "{:?}", "{:>8}", "{:.3}", "{:-^9}", "{:<6}|"],
    "bool": ["{}", "{:?}", "{:>6}", "{:<7}|"],
    "char": ["{}", "{:?}", "{:>3}", "{:^5}|"],
    "debug": ["{:?}", "{:?}", "{:#?}"],
}
