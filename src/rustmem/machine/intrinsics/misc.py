"""The generic std impls: formatting traits called directly (`self.0.fmt(f)`), operator
traits on references (`&a + &b`), conversions (From/Into/TryFrom/FromStr), cmp::{max,min},
Ordering, bool, ranges, and the free iterator constructors."""
from __future__ import annotations

from typing import Any

from ...types import ty as T
from ..arith import float_div, float_rem, int_div, int_rem, to_f32
from ..errors import RustPanic
from ..fmtargs import format_value
from ..memory import Ptr, copy_value
from ..tys import INT_RANGES
from ..values import err, new_string, none, ok, ordering, read_str, some, str_of
from . import REGISTRY, intrinsic
from .core import formatter
from .iter import PyIter
from .traits import clone_value, cmp_values

FMT_TRAITS = ("Display", "Debug", "LowerHex", "UpperHex", "Binary", "Octal", "LowerExp", "UpperExp", "Pointer")


def _fmt_trait(trait: str) -> Any:
    def fmt(m: Any, a: list, info: Any) -> Any:
        ty = info.arg_tys[0]
        inner = ty.inner if isinstance(ty, T.Ref) else ty
        if isinstance(inner, (T.Str, T.Slice)):
            format_value(m, a[0], T.Ref(T.ERASED, False, inner), trait, formatter(m, a[1]))
        else:
            format_value(m, m.mem.load(a[0]), inner, trait, formatter(m, a[1]), a[0])
        return ok(())
    return fmt


for _t in FMT_TRAITS:
    REGISTRY[f"{_t}::fmt"] = _fmt_trait(_t)


def deref_scalar(m: Any, v: Any) -> Any:
    while v.__class__ is Ptr:
        v = m.mem.load(v)
    return v


def base_ty(ty: Any) -> Any:
    while isinstance(ty, T.Ref):
        ty = ty.inner
    return ty


OPS = {
    "add": ("+", "add"), "sub": ("-", "subtract"), "mul": ("*", "multiply"), "div": ("/", "divide"),
    "rem": ("%", "calculate the remainder"), "bitand": ("&", ""), "bitor": ("|", ""), "bitxor": ("^", ""),
    "shl": ("<<", "shift left"), "shr": (">>", "shift right"),
}


def apply_op(name: str, x: Any, y: Any, ty: Any) -> Any:
    """A builtin binary operator on primitive values of type ty, with debug overflow checks."""
    if isinstance(ty, T.Float):
        r = {"add": lambda: x + y, "sub": lambda: x - y, "mul": lambda: x * y,
             "div": lambda: float_div(x, y), "rem": lambda: float_rem(x, y)}[name]()
        return to_f32(r) if ty.kind == "f32" else r
    if isinstance(ty, T.Bool):
        return {"bitand": x and y, "bitor": x or y, "bitxor": x != y}[name]
    if name == "div":
        r = int_div(x, y)
    elif name == "rem":
        r = int_rem(x, y)
    else:
        r = {"add": lambda: x + y, "sub": lambda: x - y, "mul": lambda: x * y, "bitand": lambda: x & y,
             "bitor": lambda: x | y, "bitxor": lambda: x ^ y, "shl": lambda: x << y, "shr": lambda: x >> y}[name]()
    if isinstance(ty, T.Int):
        lo, hi = INT_RANGES[ty.kind]
        if not lo <= r <= hi:
            raise RustPanic(f"attempt to {OPS[name][1]} with overflow")
    return r


def _binop(name: str, assign: bool) -> Any:
    def op(m: Any, a: list, info: Any) -> Any:
        ty = base_ty(info.arg_tys[0])
        if isinstance(ty, T.Adt) and ty.adt.lang == "String":
            from .string import push_str
            s = m.mem.load(a[0]) if assign else a[0]
            push_str(m, s, str_of(m, a[1], info.arg_tys[1]))
            return () if assign else s
        x, y = deref_scalar(m, a[0]), deref_scalar(m, a[1])
        r = apply_op(name, x, y, ty)
        if assign:
            m.mem.store(a[0], r)
            return ()
        return r
    return op


for _name in OPS:
    _trait = {"bitand": "BitAnd", "bitor": "BitOr", "bitxor": "BitXor"}.get(_name, _name.capitalize())
    REGISTRY[f"{_trait}::{_name}"] = _binop(_name, False)
    REGISTRY[f"{_trait}Assign::{_name}_assign"] = _binop(_name, True)


@intrinsic("Neg::neg")
def neg(m: Any, a: list, info: Any) -> Any:
    ty = base_ty(info.arg_tys[0])
    x = deref_scalar(m, a[0])
    if isinstance(ty, T.Int) and x == INT_RANGES[ty.kind][0]:
        raise RustPanic("attempt to negate with overflow")
    return -x


@intrinsic("Not::not")
def not_(m: Any, a: list, info: Any) -> Any:
    ty = base_ty(info.arg_tys[0])
    x = deref_scalar(m, a[0])
    if isinstance(ty, T.Bool):
        return not x
    lo, hi = INT_RANGES[ty.kind]
    return hi ^ x if lo == 0 else ~x


# ---------------------------------------------------------------- conversions

def convert(m: Any, v: Any, src: Any, dst: Any) -> Any:
    """`From`/`Into` between the std types the subset uses (`From<T> for T` is the identity)."""
    if src == dst:
        return v
    if isinstance(dst, T.Int):
        v = deref_scalar(m, v)
        return ord(v) if isinstance(v, str) else int(v)
    if isinstance(dst, T.Float):
        return float(deref_scalar(m, v))
    if isinstance(dst, T.Char):
        return chr(deref_scalar(m, v))
    if isinstance(dst, T.Adt):
        lang = dst.adt.lang
        if lang == "String":
            if isinstance(src, T.Adt) and src.adt.lang == "String":
                return v
            if isinstance(src, T.Char):
                return new_string(m, v)
            return new_string(m, str_of(m, v, src))
        if lang == "Box":
            inner = dst.args[0]
            if isinstance(inner, T.Str):
                s = new_string(m, str_of(m, v, src))
                return s[0].with_meta(s[2])
            return Ptr(m.mem.allocate("heap", inner, m.view.size_of(inner), v, m.current_span()))
        if lang == "Option":
            return some(v)
        if lang in ("Rc",):
            return Ptr(m.mem.allocate("heap", dst.args[0], 16 + m.view.size_of(dst.args[0]), [1, 1, v], m.current_span()))
        if lang in ("RefCell",):
            return [0, v]
        if lang in ("Cell",):
            return [v]
        if lang == "Vec":
            from .vec import vec_from
            info = _Info([src], dst, {"T": dst.args[0]})
            return vec_from(m, [v], info)
    return v


class _Info:
    def __init__(self, arg_tys: list, ret_ty: Any, tymap: dict) -> None:
        self.arg_tys, self.ret_ty, self.tymap, self.key = arg_tys, ret_ty, tymap, "From::from"

    def ty(self, name: str) -> Any:
        return self.tymap.get(name)


@intrinsic("From::from", "Into::into", "<String as From<char>>::from")
def from_(m: Any, a: list, info: Any) -> Any:
    return convert(m, a[0], info.arg_tys[0], info.ret_ty)


@intrinsic("TryFrom::try_from", "TryInto::try_into")
def try_from(m: Any, a: list, info: Any) -> Any:
    target = info.ret_ty.args[0] if isinstance(info.ret_ty, T.Adt) and info.ret_ty.args else None
    v = deref_scalar(m, a[0])
    if isinstance(target, T.Int):
        v = ord(v) if isinstance(v, str) else v
        lo, hi = INT_RANGES[target.kind]
        return ok(v) if lo <= v <= hi else err([()])  # TryFromIntError(())
    if isinstance(target, T.Char):
        return ok(chr(v)) if v < 0x110000 and not 0xD800 <= v <= 0xDFFF else err([()])
    return ok(v)


ERROR_MESSAGES = {
    "ParseIntError": lambda v: ["cannot parse integer from empty string", "invalid digit found in string",
                                "number too large to fit in target type", "number too small to fit in target type",
                                "number would be zero for non-zero type"][v[0][0]],
    "ParseFloatError": lambda v: ["cannot parse float from empty string", "invalid float literal"][v[0][0]],
    "TryFromIntError": lambda v: "out of range integral type conversion attempted",
    "ParseBoolError": lambda v: "provided string was not `true` or `false`",
    "ParseCharError": lambda v: "too many characters in string",
    "BorrowError": lambda v: "already mutably borrowed",
    "BorrowMutError": lambda v: "already borrowed",
}


def _error_display(m: Any, a: list, info: Any) -> Any:
    ty = info.arg_tys[0].inner if isinstance(info.arg_tys[0], T.Ref) else info.arg_tys[0]
    formatter(m, a[1]).pad(ERROR_MESSAGES[ty.adt.name](m.mem.load(a[0])))
    return ok(())


for _name in ERROR_MESSAGES:
    REGISTRY[f"<{_name} as Display>::fmt"] = _error_display


@intrinsic("FromStr::from_str")
def from_str(m: Any, a: list, info: Any) -> Any:
    from .string import str_parse
    return str_parse(m, a, _Info(info.arg_tys, info.ret_ty, {"F": info.ty("Self") or (info.ret_ty.args[0] if isinstance(info.ret_ty, T.Adt) else None)}))


@intrinsic("convert::identity")
def identity(m: Any, a: list, info: Any) -> Any:
    return a[0]


# ---------------------------------------------------------------- cmp, Ordering, bool

@intrinsic("cmp::max", "cmp::min")
def cmp_max(m: Any, a: list, info: Any) -> Any:
    ty = info.ty("T") or info.arg_tys[0]
    c = cmp_values(m, a[0], a[1], ty)
    if info.key == "cmp::max":
        return a[1] if c != 1 else a[0]
    return a[0] if c != 1 else a[1]


@intrinsic("Ord::clamp")
def ord_clamp(m: Any, a: list, info: Any) -> Any:
    ty = info.arg_tys[0]
    if cmp_values(m, a[0], a[1], ty) == -1:
        return a[1]
    if cmp_values(m, a[0], a[2], ty) == 1:
        return a[2]
    return a[0]


def _ord(v: list) -> int:
    return v[0] - 1


@intrinsic("Ordering::is_eq", "Ordering::is_ne", "Ordering::is_lt", "Ordering::is_gt", "Ordering::is_le", "Ordering::is_ge")
def ordering_is(m: Any, a: list, info: Any) -> Any:
    c = _ord(a[0])
    return {"is_eq": c == 0, "is_ne": c != 0, "is_lt": c < 0, "is_gt": c > 0, "is_le": c <= 0, "is_ge": c >= 0}[info.key.split("::")[1]]


@intrinsic("Ordering::reverse")
def ordering_reverse(m: Any, a: list, info: Any) -> Any:
    return ordering(-_ord(a[0]))


@intrinsic("Ordering::then")
def ordering_then(m: Any, a: list, info: Any) -> Any:
    return a[0] if _ord(a[0]) != 0 else a[1]


@intrinsic("Ordering::then_with")
def ordering_then_with(m: Any, a: list, info: Any) -> Any:
    return a[0] if _ord(a[0]) != 0 else m.call_value(a[1], info.arg_tys[1], [])


@intrinsic("bool::then_some")
def bool_then_some(m: Any, a: list, info: Any) -> Any:
    return some(a[1]) if a[0] else none()


@intrinsic("bool::then")
def bool_then(m: Any, a: list, info: Any) -> Any:
    return some(m.call_value(a[1], info.arg_tys[1], [])) if a[0] else none()


# ---------------------------------------------------------------- ranges

@intrinsic("Range::contains", "RangeInclusive::contains", "RangeFrom::contains", "RangeTo::contains",
           "RangeToInclusive::contains", "RangeBounds::contains")
def range_contains(m: Any, a: list, info: Any) -> Any:
    r = m.mem.load(a[0])
    x = deref_scalar(m, a[1])
    kind = info.key.split("::")[0]
    if kind == "Range":
        return r[0] <= x < r[1]
    if kind == "RangeInclusive":
        return r[0] <= x <= r[1]
    if kind == "RangeFrom":
        return r[0] <= x
    if kind == "RangeTo":
        return x < r[0]
    return x <= r[0]


@intrinsic("Range::is_empty", "RangeInclusive::is_empty")
def range_is_empty(m: Any, a: list, info: Any) -> Any:
    r = m.mem.load(a[0])
    return not r[0] < r[1] if info.key.startswith("Range::") else (r[2] or r[0] > r[1])


@intrinsic("RangeInclusive::new")
def range_inclusive_new(m: Any, a: list, info: Any) -> Any:
    return [a[0], a[1], False]


@intrinsic("RangeInclusive::start", "RangeInclusive::end")
def range_inclusive_bound(m: Any, a: list, info: Any) -> Any:
    return a[0].project(0 if info.key.endswith("start") else 1)


# ---------------------------------------------------------------- iterator constructors

class _Repeat(PyIter):
    def __init__(self, m: Any, v: Any, ty: Any) -> None:
        self.m, self.v, self.ty = m, v, ty

    def next(self) -> Any:
        return clone_value(self.m, self.v, self.ty)


class _FromFn(PyIter):
    def __init__(self, m: Any, f: Any, fty: Any, seed: Any = None, successors: bool = False) -> None:
        self.m, self.f, self.fty, self.cur, self.successors = m, f, fty, seed, successors

    def next(self) -> Any:
        if not self.successors:
            r = self.m.call_value(self.f, self.fty, [])
            return r[1] if r[0] == 1 else None
        cur = self.cur
        if cur is None or cur[0] == 0:
            return None
        self.cur = self.m.call_value(self.f, self.fty, [self.m.temp_ptr(cur[1], None)])
        return cur[1]


@intrinsic("iter::once")
def iter_once(m: Any, a: list, info: Any) -> Any:
    from .iter import ListIter
    return ListIter(m, [a[0]], info.ty("T"))


@intrinsic("iter::empty")
def iter_empty(m: Any, a: list, info: Any) -> Any:
    return PyIter(m, [])


@intrinsic("iter::repeat")
def iter_repeat(m: Any, a: list, info: Any) -> Any:
    return _Repeat(m, a[0], info.ty("T") or info.arg_tys[0])


@intrinsic("iter::from_fn")
def iter_from_fn(m: Any, a: list, info: Any) -> Any:
    return _FromFn(m, a[0], info.arg_tys[0])


@intrinsic("iter::successors")
def iter_successors(m: Any, a: list, info: Any) -> Any:
    return _FromFn(m, a[1], info.arg_tys[1], a[0], successors=True)


@intrinsic("Iterator::cycle")
def iter_cycle(m: Any, a: list, info: Any) -> Any:
    from .iter import _drain, make_iter
    xs = _drain(make_iter(m, a[0], info.arg_tys[0]))

    class Cycle(PyIter):
        def next(self) -> Any:
            if not self.vals:
                return None
            x = self.vals[self.i % len(self.vals)]
            self.i += 1
            return copy_value(x)
    return Cycle(m, xs)


# ---------------------------------------------------------------- odds and ends

@intrinsic("Cell::swap", "RefCell::swap")
def cell_swap(m: Any, a: list, info: Any) -> Any:
    k = 1 if info.key.startswith("RefCell") else 0
    x, y = m.mem.load(a[0]), m.mem.load(a[1])
    x[k], y[k] = y[k], x[k]
    return ()


@intrinsic("Cell::update")
def cell_update(m: Any, a: list, info: Any) -> Any:
    c = m.mem.load(a[0])
    c[0] = m.call_value(a[1], info.arg_tys[1], [copy_value(c[0])])
    return c[0]


@intrinsic("RefCell::replace_with")
def refcell_replace_with(m: Any, a: list, info: Any) -> Any:
    cell = m.mem.load(a[0])
    if cell[0] != 0:
        raise RustPanic("RefCell already borrowed")
    new = m.call_value(a[1], info.arg_tys[1], [a[0].project(1)])
    old, cell[1] = cell[1], new
    return old


@intrinsic("f64::to_bits", "f32::to_bits")
def float_to_bits(m: Any, a: list, info: Any) -> Any:
    import struct
    if info.key.startswith("f64"):
        return struct.unpack("<Q", struct.pack("<d", a[0]))[0]
    return struct.unpack("<I", struct.pack("<f", a[0]))[0]


@intrinsic("f64::from_bits", "f32::from_bits")
def float_from_bits(m: Any, a: list, info: Any) -> Any:
    import struct
    if info.key.startswith("f64"):
        return struct.unpack("<d", struct.pack("<Q", a[0]))[0]
    return struct.unpack("<f", struct.pack("<I", a[0]))[0]


def _int_extra(kind: str) -> None:
    lo, hi = INT_RANGES[kind]

    def from_str_radix(m: Any, a: list, info: Any) -> Any:
        try:
            v = int(read_str(m, a[0]), a[1])
        except ValueError:
            return err([[1]])
        return ok(v) if lo <= v <= hi else err([[2 if v > hi else 3]])

    REGISTRY.setdefault(f"{kind}::from_str_radix", from_str_radix)
    REGISTRY.setdefault(f"{kind}::overflowing_neg", lambda m, a, info: [(-a[0] - lo) % (hi - lo + 1) + lo, not lo <= -a[0] <= hi])
    REGISTRY.setdefault(f"{kind}::saturating_neg", lambda m, a, info: min(max(-a[0], lo), hi))
    REGISTRY.setdefault(f"{kind}::saturating_abs", lambda m, a, info: min(abs(a[0]), hi))
    REGISTRY.setdefault(f"{kind}::saturating_div", lambda m, a, info: min(max(int_div(a[0], a[1]), lo), hi))
    REGISTRY.setdefault(f"{kind}::checked_shl", lambda m, a, info: some(((a[0] << a[1]) - lo) % (hi - lo + 1) + lo) if a[1] < (hi - lo).bit_length() else none())
    REGISTRY.setdefault(f"{kind}::checked_shr", lambda m, a, info: some(a[0] >> a[1]) if a[1] < (hi - lo).bit_length() else none())


for _k in INT_RANGES:
    _int_extra(_k)
