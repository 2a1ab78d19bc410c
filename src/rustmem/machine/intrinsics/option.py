"""Option and Result: [0] / [1, v] and [0, ok] / [1, err], with Rust's panic messages
(`called `Option::unwrap()` on a `None` value`, `msg: Err(..)` for expect)."""
from __future__ import annotations

from typing import Any

from ...types import ty as T
from ..errors import RustPanic
from ..fmtargs import ValueArg
from ..memory import copy_value
from ..values import err, none, ok, read_str, some
from . import intrinsic
from .core import default_value
from .traits import clone_value


def _debug(m: Any, v: Any, ty: Any) -> str:
    from .. import fmt as F
    sink = F.StringSink()
    ValueArg(m, v, ty).fmt("Debug", F.Formatter(sink))
    return sink.text()


def _is_option(info: Any) -> bool:
    return info.key.startswith("Option")


def _arg0(m: Any, a: list, info: Any) -> tuple[Any, Any]:
    """The receiver value (by value, or loaded through &self) and its type."""
    ty = info.arg_tys[0]
    v = a[0]
    if isinstance(ty, T.Ref):
        return m.mem.load(v), ty.inner
    return v, ty


def _targs(ty: Any) -> tuple:
    return ty.args if isinstance(ty, T.Adt) else ()


@intrinsic("Option::unwrap", "Result::unwrap")
def unwrap(m: Any, a: list, info: Any) -> Any:
    v, ty = a[0], info.arg_tys[0]
    if _is_option(info):
        if v[0] == 0:
            raise RustPanic("called `Option::unwrap()` on a `None` value")
        return v[1]
    if v[0] == 1:
        raise RustPanic(f"called `Result::unwrap()` on an `Err` value: {_debug(m, v[1], _targs(ty)[1])}")
    return v[1]


@intrinsic("Option::expect", "Result::expect")
def expect(m: Any, a: list, info: Any) -> Any:
    v, ty = a[0], info.arg_tys[0]
    msg = read_str(m, a[1])
    if _is_option(info):
        if v[0] == 0:
            raise RustPanic(msg)
        return v[1]
    if v[0] == 1:
        raise RustPanic(f"{msg}: {_debug(m, v[1], _targs(ty)[1])}")
    return v[1]


@intrinsic("Result::unwrap_err", "Result::expect_err")
def unwrap_err(m: Any, a: list, info: Any) -> Any:
    v, ty = a[0], info.arg_tys[0]
    if v[0] == 0:
        prefix = read_str(m, a[1]) if len(a) > 1 else "called `Result::unwrap_err()` on an `Ok` value"
        raise RustPanic(f"{prefix}: {_debug(m, v[1], _targs(ty)[0])}")
    return v[1]


@intrinsic("Option::unwrap_or", "Result::unwrap_or")
def unwrap_or(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    good = 1 if _is_option(info) else 0
    if v[0] == good:
        m.drop_value(a[1], info.arg_tys[1])
        return v[1]
    return a[1]


@intrinsic("Option::unwrap_or_default", "Result::unwrap_or_default")
def unwrap_or_default(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    good = 1 if _is_option(info) else 0
    return v[1] if v[0] == good else default_value(m, _targs(info.arg_tys[0])[0])


@intrinsic("Option::unwrap_or_else", "Result::unwrap_or_else")
def unwrap_or_else(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    if _is_option(info):
        return v[1] if v[0] == 1 else m.call_value(a[1], info.arg_tys[1], [])
    return v[1] if v[0] == 0 else m.call_value(a[1], info.arg_tys[1], [v[1]])


@intrinsic("Option::is_some", "Result::is_ok")
def is_some(m: Any, a: list, info: Any) -> Any:
    v, _ = _arg0(m, a, info)
    return v[0] == (1 if _is_option(info) else 0)


@intrinsic("Option::is_none", "Result::is_err")
def is_none(m: Any, a: list, info: Any) -> Any:
    v, _ = _arg0(m, a, info)
    return v[0] == (0 if _is_option(info) else 1)


@intrinsic("Option::is_some_and", "Result::is_ok_and")
def is_some_and(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    good = 1 if _is_option(info) else 0
    return v[0] == good and bool(m.call_value(a[1], info.arg_tys[1], [v[1]]))


@intrinsic("Option::is_none_or")
def is_none_or(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    return v[0] == 0 or bool(m.call_value(a[1], info.arg_tys[1], [v[1]]))


@intrinsic("Option::map", "Result::map")
def map_(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    good = 1 if _is_option(info) else 0
    if v[0] == good:
        return [good, m.call_value(a[1], info.arg_tys[1], [v[1]])]
    return v


@intrinsic("Result::map_err")
def map_err(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    return err(m.call_value(a[1], info.arg_tys[1], [v[1]])) if v[0] == 1 else v


@intrinsic("Option::map_or", "Result::map_or")
def map_or(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    good = 1 if _is_option(info) else 0
    return m.call_value(a[2], info.arg_tys[2], [v[1]]) if v[0] == good else a[1]


@intrinsic("Option::map_or_else", "Result::map_or_else")
def map_or_else(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    if _is_option(info):
        return m.call_value(a[2], info.arg_tys[2], [v[1]]) if v[0] == 1 else m.call_value(a[1], info.arg_tys[1], [])
    return m.call_value(a[2], info.arg_tys[2], [v[1]]) if v[0] == 0 else m.call_value(a[1], info.arg_tys[1], [v[1]])


@intrinsic("Option::and_then", "Result::and_then")
def and_then(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    good = 1 if _is_option(info) else 0
    return m.call_value(a[1], info.arg_tys[1], [v[1]]) if v[0] == good else v


@intrinsic("Option::or_else", "Result::or_else")
def or_else(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    if _is_option(info):
        return v if v[0] == 1 else m.call_value(a[1], info.arg_tys[1], [])
    return v if v[0] == 0 else m.call_value(a[1], info.arg_tys[1], [v[1]])


@intrinsic("Option::or", "Result::or")
def or_(m: Any, a: list, info: Any) -> Any:
    good = 1 if _is_option(info) else 0
    return a[0] if a[0][0] == good else a[1]


@intrinsic("Option::and", "Result::and")
def and_(m: Any, a: list, info: Any) -> Any:
    good = 1 if _is_option(info) else 0
    return a[1] if a[0][0] == good else a[0]


@intrinsic("Option::xor")
def xor(m: Any, a: list, info: Any) -> Any:
    x, y = a
    if x[0] == 1 and y[0] == 0:
        return x
    if y[0] == 1 and x[0] == 0:
        return y
    return none()


@intrinsic("Option::filter")
def filter_(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    if v[0] == 1 and m.call_value(a[1], info.arg_tys[1], [m.temp_ptr(v[1], _targs(info.arg_tys[0])[0])]):
        return v
    return none()


@intrinsic("Option::ok_or")
def ok_or(m: Any, a: list, info: Any) -> Any:
    return ok(a[0][1]) if a[0][0] == 1 else err(a[1])


@intrinsic("Option::ok_or_else")
def ok_or_else(m: Any, a: list, info: Any) -> Any:
    return ok(a[0][1]) if a[0][0] == 1 else err(m.call_value(a[1], info.arg_tys[1], []))


@intrinsic("Result::ok")
def result_ok(m: Any, a: list, info: Any) -> Any:
    return some(a[0][1]) if a[0][0] == 0 else none()


@intrinsic("Result::err")
def result_err(m: Any, a: list, info: Any) -> Any:
    return some(a[0][1]) if a[0][0] == 1 else none()


@intrinsic("Option::as_ref", "Option::as_mut", "Result::as_ref", "Result::as_mut", "Option::as_deref", "Option::as_deref_mut")
def as_ref(m: Any, a: list, info: Any) -> Any:
    p = a[0]
    v = m.mem.load(p)
    if len(v) == 1:
        return [v[0]]
    inner = p.project(1)
    if info.key.startswith("Option::as_deref"):
        t = _targs(info.arg_tys[0].inner)[0]
        if isinstance(t, T.Adt) and t.adt.lang == "String":
            s = v[1]
            return [1, s[0].with_meta(s[2])]
        if isinstance(t, T.Adt) and t.adt.lang in ("Box",):
            return [1, v[1]]
    return [v[0], inner]


@intrinsic("Option::take")
def take(m: Any, a: list, info: Any) -> Any:
    v = m.mem.load(a[0])
    m.mem.store(a[0], none())
    return v


@intrinsic("Option::replace")
def replace(m: Any, a: list, info: Any) -> Any:
    v = m.mem.load(a[0])
    m.mem.store(a[0], some(a[1]))
    return v


@intrinsic("Option::insert")
def insert(m: Any, a: list, info: Any) -> Any:
    old = m.mem.load(a[0])
    m.drop_value(old, info.arg_tys[0].inner)
    m.mem.store(a[0], some(a[1]))
    return a[0].project(1)


@intrinsic("Option::get_or_insert_with", "Option::get_or_insert")
def get_or_insert_with(m: Any, a: list, info: Any) -> Any:
    v = m.mem.load(a[0])
    if v[0] == 0:
        x = m.call_value(a[1], info.arg_tys[1], []) if info.key.endswith("with") else a[1]
        m.mem.store(a[0], some(x))
    return a[0].project(1)


@intrinsic("Option::cloned", "Option::copied", "Result::cloned", "Result::copied")
def cloned(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    good = 1 if _is_option(info) else 0
    if v[0] != good:
        return v
    inner_ty = _targs(info.arg_tys[0])[0]
    t = inner_ty.inner if isinstance(inner_ty, T.Ref) else None
    x = m.mem.load(v[1])
    return [good, clone_value(m, x, t, v[1]) if t is not None else copy_value(x)]


@intrinsic("Option::unwrap_unchecked")
def unwrap_unchecked(m: Any, a: list, info: Any) -> Any:
    return a[0][1]


@intrinsic("Option::zip")
def zip_(m: Any, a: list, info: Any) -> Any:
    return some([a[0][1], a[1][1]]) if a[0][0] == 1 and a[1][0] == 1 else none()


@intrinsic("Option::flatten")
def flatten(m: Any, a: list, info: Any) -> Any:
    return a[0][1] if a[0][0] == 1 else none()


@intrinsic("Option::iter", "Option::iter_mut", "Result::iter")
def opt_iter(m: Any, a: list, info: Any) -> Any:
    from .iter import PyIter
    v = m.mem.load(a[0])
    good = 1 if _is_option(info) else 0
    return PyIter(m, [a[0].project(1)] if v[0] == good else [])


@intrinsic("Option::inspect")
def opt_inspect(m: Any, a: list, info: Any) -> Any:
    if a[0][0] == 1:
        m.call_value(a[1], info.arg_tys[1], [m.temp_ptr(a[0][1], None)])
    return a[0]


@intrinsic("<Option as Default>::default")
def opt_default(m: Any, a: list, info: Any) -> Any:
    return none()


@intrinsic("<Option as From>::from")
def opt_from(m: Any, a: list, info: Any) -> Any:
    return some(a[0])

