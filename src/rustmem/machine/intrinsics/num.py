"""Integer, float and char methods (`i32::abs`, `u8::wrapping_add`, `f64::sqrt`,
`char::to_digit` ...), registered for every primitive type from one table each."""
from __future__ import annotations

import math
from typing import Any, Callable

from ..arith import int_div, int_rem, to_f32
from ..errors import RustPanic
from ..tys import INT_RANGES, wrap_int
from ..values import none, ordering, some
from . import REGISTRY

INT_KINDS = list(INT_RANGES)


def _bits(kind: str) -> int:
    return 64 if kind.endswith("size") else int(kind[1:])


def _checked(v: int, kind: str) -> list:
    lo, hi = INT_RANGES[kind]
    return some(v) if lo <= v <= hi else none()


def _saturate(v: int, kind: str) -> int:
    lo, hi = INT_RANGES[kind]
    return min(max(v, lo), hi)


def _overflowing(v: int, kind: str) -> list:
    lo, hi = INT_RANGES[kind]
    return [wrap_int(v, kind), not lo <= v <= hi]


def _pow(a: int, b: int, kind: str) -> int:
    v = a ** b
    lo, hi = INT_RANGES[kind]
    if not lo <= v <= hi:
        raise RustPanic("attempt to multiply with overflow")
    return v


def _unsigned(v: int, kind: str) -> int:
    return v & ((1 << _bits(kind)) - 1)


def _isqrt(v: int) -> int:
    return math.isqrt(v)


def _abs(v: int, kind: str) -> int:
    lo, _ = INT_RANGES[kind]
    if v == lo and lo < 0:
        raise RustPanic("attempt to negate with overflow")
    return abs(v)


def _div_euclid(a: int, b: int) -> int:
    if b == 0:
        raise RustPanic("attempt to divide by zero")
    q = int_div(a, b)
    if a - q * b < 0:
        q = q - 1 if b > 0 else q + 1
    return q


def _rem_euclid(a: int, b: int) -> int:
    if b == 0:
        raise RustPanic("attempt to calculate the remainder with a divisor of zero")
    r = int_rem(a, b)
    return r + abs(b) if r < 0 else r


def int_methods(kind: str) -> dict[str, Callable[[list], Any]]:
    """name -> fn(args) for the integer type `kind`."""
    lo, hi = INT_RANGES[kind]
    bits = _bits(kind)
    w = lambda v: wrap_int(v, kind)  # noqa: E731
    return {
        "abs": lambda a: _abs(a[0], kind),
        "unsigned_abs": lambda a: abs(a[0]),
        "abs_diff": lambda a: abs(a[0] - a[1]),
        "signum": lambda a: (a[0] > 0) - (a[0] < 0),
        "is_positive": lambda a: a[0] > 0,
        "is_negative": lambda a: a[0] < 0,
        "pow": lambda a: _pow(a[0], a[1], kind),
        "isqrt": lambda a: _isqrt(a[0]),
        "min": lambda a: min(a[0], a[1]),
        "max": lambda a: max(a[0], a[1]),
        "clamp": lambda a: min(max(a[0], a[1]), a[2]),
        "wrapping_add": lambda a: w(a[0] + a[1]),
        "wrapping_sub": lambda a: w(a[0] - a[1]),
        "wrapping_mul": lambda a: w(a[0] * a[1]),
        "wrapping_div": lambda a: w(int_div(a[0], a[1])),
        "wrapping_rem": lambda a: w(int_rem(a[0], a[1])),
        "wrapping_neg": lambda a: w(-a[0]),
        "wrapping_abs": lambda a: w(abs(a[0])),
        "wrapping_pow": lambda a: w(a[0] ** a[1]),
        "wrapping_shl": lambda a: w(a[0] << (a[1] % bits)),
        "wrapping_shr": lambda a: w(_unsigned(a[0], kind) >> (a[1] % bits)) if lo == 0 else a[0] >> (a[1] % bits),
        "checked_add": lambda a: _checked(a[0] + a[1], kind),
        "checked_sub": lambda a: _checked(a[0] - a[1], kind),
        "checked_mul": lambda a: _checked(a[0] * a[1], kind),
        "checked_div": lambda a: none() if a[1] == 0 else _checked(int_div(a[0], a[1]), kind),
        "checked_rem": lambda a: none() if a[1] == 0 else _checked(int_rem(a[0], a[1]), kind),
        "checked_neg": lambda a: _checked(-a[0], kind),
        "checked_abs": lambda a: _checked(abs(a[0]), kind),
        "checked_pow": lambda a: _checked(a[0] ** a[1], kind),
        "saturating_add": lambda a: _saturate(a[0] + a[1], kind),
        "saturating_sub": lambda a: _saturate(a[0] - a[1], kind),
        "saturating_mul": lambda a: _saturate(a[0] * a[1], kind),
        "saturating_pow": lambda a: _saturate(a[0] ** a[1], kind),
        "overflowing_add": lambda a: _overflowing(a[0] + a[1], kind),
        "overflowing_sub": lambda a: _overflowing(a[0] - a[1], kind),
        "overflowing_mul": lambda a: _overflowing(a[0] * a[1], kind),
        "div_euclid": lambda a: _div_euclid(a[0], a[1]),
        "rem_euclid": lambda a: _rem_euclid(a[0], a[1]),
        "div_ceil": lambda a: -((-a[0]) // a[1]),
        "count_ones": lambda a: bin(_unsigned(a[0], kind)).count("1"),
        "count_zeros": lambda a: bits - bin(_unsigned(a[0], kind)).count("1"),
        "leading_zeros": lambda a: bits - _unsigned(a[0], kind).bit_length(),
        "trailing_zeros": lambda a: bits if a[0] == 0 else (_unsigned(a[0], kind) & -_unsigned(a[0], kind)).bit_length() - 1,
        "is_power_of_two": lambda a: a[0] > 0 and a[0] & (a[0] - 1) == 0,
        "next_power_of_two": lambda a: 1 if a[0] <= 1 else 1 << (a[0] - 1).bit_length(),
        "rotate_left": lambda a: w(((_unsigned(a[0], kind) << (a[1] % bits)) | (_unsigned(a[0], kind) >> (bits - a[1] % bits))) & ((1 << bits) - 1)),
        "rotate_right": lambda a: w(((_unsigned(a[0], kind) >> (a[1] % bits)) | (_unsigned(a[0], kind) << (bits - a[1] % bits))) & ((1 << bits) - 1)),
        "swap_bytes": lambda a: w(int.from_bytes(_unsigned(a[0], kind).to_bytes(bits // 8, "little"), "big")),
        "ilog2": lambda a: a[0].bit_length() - 1,
        "ilog10": lambda a: len(str(a[0])) - 1,
        "min_value": lambda a: lo,
        "max_value": lambda a: hi,
        "midpoint": lambda a: (a[0] + a[1]) // 2,
        "is_ascii_digit": lambda a: 48 <= a[0] <= 57,
        "is_ascii_alphabetic": lambda a: 65 <= a[0] <= 90 or 97 <= a[0] <= 122,
        "is_ascii_alphanumeric": lambda a: 48 <= a[0] <= 57 or 65 <= a[0] <= 90 or 97 <= a[0] <= 122,
        "is_ascii_whitespace": lambda a: a[0] in (9, 10, 12, 13, 32),
        "is_ascii_uppercase": lambda a: 65 <= a[0] <= 90,
        "is_ascii_lowercase": lambda a: 97 <= a[0] <= 122,
        "is_ascii_punctuation": lambda a: chr(a[0]) in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
        "is_ascii": lambda a: a[0] < 128,
        "to_ascii_uppercase": lambda a: a[0] - 32 if 97 <= a[0] <= 122 else a[0],
        "to_ascii_lowercase": lambda a: a[0] + 32 if 65 <= a[0] <= 90 else a[0],
        "from_str_radix": None,
    }


def float_methods(kind: str) -> dict[str, Callable[[list], Any]]:
    r = to_f32 if kind == "f32" else (lambda x: x)

    def f(fn: Callable) -> Callable[[list], Any]:
        return lambda a: r(fn(*a))

    def safe_log(x: float, base: float = math.e) -> float:
        if x < 0 or math.isnan(x):
            return math.nan
        if x == 0:
            return -math.inf
        return math.log(x, base) if base != math.e else math.log(x)

    def integral(op: Any) -> Any:
        # floor/ceil/trunc/round keep the sign of their argument: floor(-0.0) and ceil(-0.5) are -0.0
        return lambda x: math.copysign(float(op(x)), x) if math.isfinite(x) else x

    def round_half_away(x: float) -> int:
        # x - trunc(x) is exact, unlike x + 0.5 (which rounds 0.49999999999999994 up)
        r = math.trunc(x)
        if abs(x - r) >= 0.5:
            r += 1 if x > 0 else -1
        return r

    def powf(x: float, y: float) -> float:
        try:
            return math.pow(x, y)
        except (OverflowError, ValueError):
            return math.inf if abs(x) > 1 else math.nan

    return {
        "sqrt": f(lambda x: math.sqrt(x) if x >= 0 else math.nan),
        "cbrt": f(lambda x: math.copysign(abs(x) ** (1 / 3), x)),
        "abs": f(abs),
        "floor": f(integral(math.floor)),
        "ceil": f(integral(math.ceil)),
        "round": f(integral(round_half_away)),
        "trunc": f(integral(math.trunc)),
        "fract": f(lambda x: x - integral(math.trunc)(x)),
        "powi": f(lambda x, n: powf(x, n)),
        "powf": f(powf),
        "exp": f(lambda x: math.exp(x) if x < 709 else math.inf),
        "exp2": f(lambda x: 2.0 ** x),
        "ln": f(safe_log),
        "log10": f(lambda x: safe_log(x, 10)),
        "log2": f(lambda x: safe_log(x, 2)),
        "log": f(lambda x, b: safe_log(x, b)),
        "sin": f(math.sin), "cos": f(math.cos), "tan": f(math.tan),
        "asin": f(math.asin), "acos": f(math.acos), "atan": f(math.atan), "atan2": f(math.atan2),
        "sinh": f(math.sinh), "cosh": f(math.cosh), "tanh": f(math.tanh),
        "hypot": f(math.hypot),
        "min": f(lambda x, y: y if math.isnan(x) else (x if math.isnan(y) else min(x, y))),
        "max": f(lambda x, y: y if math.isnan(x) else (x if math.isnan(y) else max(x, y))),
        "clamp": f(lambda x, lo, hi: min(max(x, lo), hi)),
        "mul_add": f(lambda x, y, z: x * y + z),
        "signum": f(lambda x: math.nan if math.isnan(x) else math.copysign(1.0, x)),
        "copysign": f(math.copysign),
        "recip": f(lambda x: 1 / x if x else math.copysign(math.inf, x)),
        "to_degrees": f(math.degrees),
        "to_radians": f(math.radians),
        "is_nan": lambda a: math.isnan(a[0]),
        "is_infinite": lambda a: math.isinf(a[0]),
        "is_finite": lambda a: math.isfinite(a[0]),
        "is_sign_negative": lambda a: math.copysign(1.0, a[0]) < 0,
        "is_sign_positive": lambda a: math.copysign(1.0, a[0]) > 0,
        "is_normal": lambda a: math.isfinite(a[0]) and a[0] != 0,
        "total_cmp": lambda a: ordering((a[0] > a[1]) - (a[0] < a[1])),
    }


def char_methods() -> dict[str, Callable[[list], Any]]:
    def to_digit(a: list) -> list:
        c, radix = a
        try:
            d = int(c, 36) if c.isascii() and c.isalnum() else None
        except ValueError:
            d = None
        return some(d) if d is not None and d < radix else none()

    def from_digit(a: list) -> list:
        d, radix = a
        return some("0123456789abcdefghijklmnopqrstuvwxyz"[d]) if d < radix else none()

    def from_u32(a: list) -> list:
        v = a[0]
        return some(chr(v)) if v < 0x110000 and not 0xD800 <= v <= 0xDFFF else none()

    return {
        "to_digit": to_digit,
        "from_digit": from_digit,
        "from_u32": from_u32,
        "is_digit": lambda a: to_digit(a)[0] == 1,
        "is_alphabetic": lambda a: a[0].isalpha(),
        "is_alphanumeric": lambda a: a[0].isalnum(),
        "is_numeric": lambda a: a[0].isnumeric(),
        "is_whitespace": lambda a: a[0].isspace(),
        "is_uppercase": lambda a: a[0].isupper(),
        "is_lowercase": lambda a: a[0].islower(),
        "is_control": lambda a: ord(a[0]) < 32 or 127 <= ord(a[0]) < 160,
        "is_ascii": lambda a: ord(a[0]) < 128,
        "is_ascii_digit": lambda a: "0" <= a[0] <= "9",
        "is_ascii_hexdigit": lambda a: a[0] in "0123456789abcdefABCDEF",
        "is_ascii_alphabetic": lambda a: a[0].isascii() and a[0].isalpha(),
        "is_ascii_alphanumeric": lambda a: a[0].isascii() and a[0].isalnum(),
        "is_ascii_uppercase": lambda a: "A" <= a[0] <= "Z",
        "is_ascii_lowercase": lambda a: "a" <= a[0] <= "z",
        "is_ascii_whitespace": lambda a: a[0] in " \t\n\r\x0c",
        "is_ascii_punctuation": lambda a: a[0] in "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~",
        "is_ascii_graphic": lambda a: "!" <= a[0] <= "~",
        "is_ascii_control": lambda a: ord(a[0]) < 32 or ord(a[0]) == 127,
        "to_ascii_uppercase": lambda a: a[0].upper() if a[0].isascii() else a[0],
        "to_ascii_lowercase": lambda a: a[0].lower() if a[0].isascii() else a[0],
        "eq_ignore_ascii_case": lambda a: a[0].lower() == a[1].lower(),
        "len_utf8": lambda a: len(a[0].encode("utf-8")),
    }


def _register(prefix: str, table: dict[str, Callable[[list], Any]], by_ref_self: bool = False) -> None:
    for name, fn in table.items():
        if fn is None:
            continue

        def intrinsic(m: Any, a: list, info: Any, fn: Callable = fn) -> Any:
            # Receivers arrive by value (`self`) or by reference (`&self`, e.g. `x.max(y)` on &i32).
            if a and a[0].__class__.__name__ == "Ptr" and info.arg_tys and info.arg_tys[0].__class__.__name__ == "Ref":
                a = [m.mem.load(a[0])] + a[1:]
            return fn(a)
        REGISTRY.setdefault(f"{prefix}::{name}", intrinsic)


for _k in INT_KINDS:
    _register(_k, int_methods(_k))
for _k in ("f64", "f32"):
    _register(_k, float_methods(_k))
_register("char", char_methods())


def _char_case(upper: bool) -> Callable[[Any, list, Any], Any]:
    def case(m: Any, a: list, info: Any) -> Any:
        from .iter import PyIter
        return PyIter(m, list(a[0].upper() if upper else a[0].lower()))
    return case


REGISTRY["char::to_uppercase"] = _char_case(True)
REGISTRY["char::to_lowercase"] = _char_case(False)
