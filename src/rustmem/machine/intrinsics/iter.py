"""The Iterator methods: adapters wrap iterator objects (iterators.py), consumers drive them.
Closures given to adapters are called re-entrantly on the machine (`Machine.call_value`); a
user's `impl Iterator` is driven through its own `next` (static dispatch)."""
from __future__ import annotations


from typing import Any

from ...types import ty as T
from ..errors import RustPanic
from ..memory import Ptr
from ..tys import INT_RANGES
from ..values import DANGLING, new_buffer, new_string, none, ok, read_str, some, string_text
from . import intrinsic
from .traits import cmp_values, eq_values


from .iterators import (  # noqa: F401 - re-exported for the other intrinsic modules
    PyIter, ListIter, SliceIter, VecIntoIter, RangeIter, BorrowIter,
    UserIter, Map, Filter, FilterMap, Inspect, TakeWhile,
    SkipWhile, Enumerate, Zip, Chain, Rev, Take,
    Skip, StepBy, Copied, Peekable, FlatMap, Scan,
    make_iter, next_item, next_of, item_ty, deref_all, range_next,
    range_next_back, _step,
)


# ---------------------------------------------------------------- intrinsics

def _self(m: Any, a: list, info: Any) -> PyIter:
    return make_iter(m, a[0], info.arg_tys[0])


def consuming(fn: Any) -> Any:
    """An Iterator method taking `self` by value: the iterator is dropped when it returns
    (a vec::IntoIter frees its buffer, as std's does at the end of `collect`)."""
    def run(m: Any, a: list, info: Any) -> Any:
        it = _self(m, a, info)
        try:
            return fn(m, [it] + a[1:], info)
        finally:
            it.drop()
    run.__name__ = fn.__name__
    return run


def _f(a: list, info: Any, i: int = 1) -> tuple:
    return a[i], info.arg_tys[i]


def _item(m: Any, info: Any) -> Any:
    t = info.arg_tys[0]
    while isinstance(t, T.Ref):
        t = t.inner
    return item_ty(m, t)


@intrinsic("Iterator::next", "<* as Iterator>::next")
def iterator_next(m: Any, a: list, info: Any) -> Any:
    ty = info.arg_tys[0].inner if info.arg_tys and isinstance(info.arg_tys[0], T.Ref) else None
    it = m.mem.load(a[0])
    if isinstance(it, PyIter):
        x = it.next()
    else:
        x = next_of(m, a[0], ty)
    return none() if x is None else some(x)


@intrinsic("DoubleEndedIterator::next_back", "<* as DoubleEndedIterator>::next_back")
def iterator_next_back(m: Any, a: list, info: Any) -> Any:
    ty = info.arg_tys[0].inner if info.arg_tys and isinstance(info.arg_tys[0], T.Ref) else None
    x = next_of(m, a[0], ty, back=True)
    return none() if x is None else some(x)


@intrinsic("<Range as Iterator>::next", "<RangeInclusive as Iterator>::next", "<RangeFrom as Iterator>::next")
def range_iter_next(m: Any, a: list, info: Any) -> Any:
    r = m.mem.load(a[0])
    if info.key.startswith("<RangeFrom"):
        x = r[0]
        r[0] = _step(x, 1)
    else:
        x = range_next(r, info.key.startswith("<RangeInclusive"))
    return none() if x is None else some(x)


@intrinsic("<Range as DoubleEndedIterator>::next_back", "<RangeInclusive as DoubleEndedIterator>::next_back")
def range_iter_next_back(m: Any, a: list, info: Any) -> Any:
    x = range_next_back(m.mem.load(a[0]), info.key.startswith("<RangeInclusive"))
    return none() if x is None else some(x)


@intrinsic("IntoIterator::into_iter", "<* as IntoIterator>::into_iter")
def into_iter(m: Any, a: list, info: Any) -> Any:
    v, ty = a[0], info.arg_tys[0]
    if isinstance(v, PyIter):
        return v
    lang = ty.adt.lang if isinstance(ty, T.Adt) else None
    if lang in ("Range", "RangeInclusive", "RangeFrom") or (isinstance(ty, T.Adt) and lang is None):
        return v  # an iterator is its own IntoIterator; `for` calls its `next`
    return make_iter(m, v, ty)


@intrinsic("Iterator::map")
def iter_map(m: Any, a: list, info: Any) -> Any:
    return Map(m, _self(m, a, info), *_f(a, info))


@intrinsic("Iterator::filter")
def iter_filter(m: Any, a: list, info: Any) -> Any:
    return Filter(m, _self(m, a, info), *_f(a, info), _item(m, info))


@intrinsic("Iterator::filter_map")
def iter_filter_map(m: Any, a: list, info: Any) -> Any:
    return FilterMap(m, _self(m, a, info), *_f(a, info))


@intrinsic("Iterator::inspect")
def iter_inspect(m: Any, a: list, info: Any) -> Any:
    return Inspect(m, _self(m, a, info), *_f(a, info), _item(m, info))


@intrinsic("Iterator::take_while")
def iter_take_while(m: Any, a: list, info: Any) -> Any:
    return TakeWhile(m, _self(m, a, info), *_f(a, info), _item(m, info))


@intrinsic("Iterator::skip_while")
def iter_skip_while(m: Any, a: list, info: Any) -> Any:
    return SkipWhile(m, _self(m, a, info), *_f(a, info), _item(m, info))


@intrinsic("Iterator::enumerate")
def iter_enumerate(m: Any, a: list, info: Any) -> Any:
    return Enumerate(m, _self(m, a, info))


@intrinsic("Iterator::zip")
def iter_zip(m: Any, a: list, info: Any) -> Any:
    return Zip(m, _self(m, a, info), make_iter(m, a[1], info.arg_tys[1]))


@intrinsic("Iterator::chain")
def iter_chain(m: Any, a: list, info: Any) -> Any:
    return Chain(m, _self(m, a, info), make_iter(m, a[1], info.arg_tys[1]))


@intrinsic("Iterator::rev")
def iter_rev(m: Any, a: list, info: Any) -> Any:
    return Rev(m, _self(m, a, info))


@intrinsic("Iterator::take")
def iter_take(m: Any, a: list, info: Any) -> Any:
    return Take(m, _self(m, a, info), a[1])


@intrinsic("Iterator::skip")
def iter_skip(m: Any, a: list, info: Any) -> Any:
    return Skip(m, _self(m, a, info), a[1])


@intrinsic("Iterator::step_by")
def iter_step_by(m: Any, a: list, info: Any) -> Any:
    if a[1] == 0:
        raise RustPanic("assertion failed: step != 0")
    return StepBy(m, _self(m, a, info), a[1])


@intrinsic("Iterator::copied", "Iterator::cloned")
def iter_copied(m: Any, a: list, info: Any) -> Any:
    it = _item(m, info)
    return Copied(m, _self(m, a, info), it.inner if isinstance(it, T.Ref) else None)


@intrinsic("Iterator::peekable")
def iter_peekable(m: Any, a: list, info: Any) -> Any:
    return Peekable(m, _self(m, a, info))


@intrinsic("Peekable::peek", "Peekable::peek_mut")
def peekable_peek(m: Any, a: list, info: Any) -> Any:
    p = m.mem.load(a[0])
    slot = p.peek_slot()
    return none() if slot is None else some(Ptr(slot))


@intrinsic("Iterator::flat_map")
def iter_flat_map(m: Any, a: list, info: Any) -> Any:
    return FlatMap(m, _self(m, a, info), a[1], info.arg_tys[1], info.ty("U"))


@intrinsic("Iterator::flatten")
def iter_flatten(m: Any, a: list, info: Any) -> Any:
    return FlatMap(m, _self(m, a, info), None, None, _item(m, info))


@intrinsic("Iterator::scan")
def iter_scan(m: Any, a: list, info: Any) -> Any:
    return Scan(m, _self(m, a, info), m.temp_ptr(a[1], info.arg_tys[1]), a[2], info.arg_tys[2])


@intrinsic("Iterator::by_ref")
def iter_by_ref(m: Any, a: list, info: Any) -> Any:
    return a[0]


# ---------------------------------------------------------------- consumers

def _drain(it: PyIter) -> list:
    out = []
    tick = it.m.tick
    while True:
        tick()
        x = it.next()
        if x is None:
            return out
        out.append(x)


@intrinsic("Iterator::count")
@consuming
def iter_count(m: Any, a: list, info: Any) -> Any:
    return len(_drain(_self(m, a, info)))


@intrinsic("Iterator::last")
@consuming
def iter_last(m: Any, a: list, info: Any) -> Any:
    xs = _drain(_self(m, a, info))
    return some(xs[-1]) if xs else none()


@intrinsic("Iterator::nth")
def iter_nth(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    for _ in range(a[1]):
        if it.next() is None:
            return none()
    x = it.next()
    return none() if x is None else some(x)


@intrinsic("Iterator::for_each")
@consuming
def iter_for_each(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return ()
        m.call_value(f, fty, [x])


@intrinsic("Iterator::fold")
@consuming
def iter_fold(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    acc, (f, fty) = a[1], _f(a, info, 2)
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return acc
        acc = m.call_value(f, fty, [acc, x])


@intrinsic("Iterator::reduce")
@consuming
def iter_reduce(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    acc = it.next()
    if acc is None:
        return none()
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return some(acc)
        acc = m.call_value(f, fty, [acc, x])


@intrinsic("Iterator::any")
def iter_any(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return False
        if m.call_value(f, fty, [x]):
            return True


@intrinsic("Iterator::all")
def iter_all(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return True
        if not m.call_value(f, fty, [x]):
            return False


@intrinsic("Iterator::find")
def iter_find(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    ity = _item(m, info)
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return none()
        if m.call_value(f, fty, [m.temp_ptr(x, ity)]):
            return some(x)


@intrinsic("Iterator::find_map")
def iter_find_map(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return none()
        r = m.call_value(f, fty, [x])
        if r[0] == 1:
            return r


@intrinsic("Iterator::position")
def iter_position(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    i = 0
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return none()
        if m.call_value(f, fty, [x]):
            return some(i)
        i += 1


def _cmp(m: Any, ity: Any) -> Any:
    if ity is not None:
        return lambda x, y: cmp_values(m, x, y, ity) or 0
    return lambda x, y: (deref_all(m, x) > deref_all(m, y)) - (deref_all(m, x) < deref_all(m, y))


def _extreme(m: Any, xs: list, key_cmp: Any, want_max: bool) -> Any:
    if not xs:
        return none()
    best = xs[0]
    for x in xs[1:]:
        c = key_cmp(x, best)
        if (c >= 0) if want_max else (c < 0):
            best = x
    return some(best)


@intrinsic("Iterator::max")
@consuming
def iter_max(m: Any, a: list, info: Any) -> Any:
    return _extreme(m, _drain(_self(m, a, info)), _cmp(m, _item(m, info)), True)


@intrinsic("Iterator::min")
@consuming
def iter_min(m: Any, a: list, info: Any) -> Any:
    return _extreme(m, _drain(_self(m, a, info)), _cmp(m, _item(m, info)), False)


def _by_key(m: Any, a: list, info: Any, want_max: bool) -> Any:
    xs = _drain(_self(m, a, info))
    f, fty = _f(a, info)
    ity = _item(m, info)
    keys = {id(x): m.call_value(f, fty, [m.temp_ptr(x, ity)]) for x in xs}
    kc = _cmp(m, info.ty("B"))
    pairs = [(keys[id(x)], x) for x in xs]
    if not pairs:
        return none()
    best = pairs[0]
    for p in pairs[1:]:
        c = kc(p[0], best[0])
        if (c >= 0) if want_max else (c < 0):
            best = p
    return some(best[1])


@intrinsic("Iterator::max_by_key")
@consuming
def iter_max_by_key(m: Any, a: list, info: Any) -> Any:
    return _by_key(m, a, info, True)


@intrinsic("Iterator::min_by_key")
@consuming
def iter_min_by_key(m: Any, a: list, info: Any) -> Any:
    return _by_key(m, a, info, False)


def _by(m: Any, a: list, info: Any, want_max: bool) -> Any:
    xs = _drain(_self(m, a, info))
    f, fty = _f(a, info)
    ity = _item(m, info)
    return _extreme(m, xs, lambda x, y: m.call_value(f, fty, [m.temp_ptr(x, ity), m.temp_ptr(y, ity)])[0] - 1, want_max)


@intrinsic("Iterator::max_by")
@consuming
def iter_max_by(m: Any, a: list, info: Any) -> Any:
    return _by(m, a, info, True)


@intrinsic("Iterator::min_by")
@consuming
def iter_min_by(m: Any, a: list, info: Any) -> Any:
    return _by(m, a, info, False)


def _number_kind(ty: Any) -> Any:
    while isinstance(ty, T.Ref):
        ty = ty.inner
    return ty


@intrinsic("Iterator::sum", "Iterator::product")
@consuming
def iter_sum(m: Any, a: list, info: Any) -> Any:
    out_ty = _number_kind(info.ty("S") or info.ty("P") or info.ret_ty)
    product = info.key.endswith("product")
    acc: Any = (1 if product else 0)
    if isinstance(out_ty, T.Float):
        acc = float(acc)
    it = _self(m, a, info)
    lo, hi = INT_RANGES.get(getattr(out_ty, "kind", ""), (None, None))
    while True:
        m.tick()
        x = it.next()
        if x is None:
            return acc
        x = deref_all(m, x)
        acc = acc * x if product else acc + x
        if lo is not None and not lo <= acc <= hi:
            raise RustPanic(f"attempt to {'multiply' if product else 'add'} with overflow")


@intrinsic("Iterator::collect", "FromIterator::from_iter")
@consuming
def iter_collect(m: Any, a: list, info: Any) -> Any:
    target = info.ty("B") or info.ret_ty
    return collect_as(m, _self(m, a, info), target)


def collect_as(m: Any, it: PyIter, target: Any) -> Any:
    lang = target.adt.lang if isinstance(target, T.Adt) else None
    if lang == "Vec":
        xs = _drain(it)
        return [new_buffer(m, target.args[0], len(xs), xs), len(xs), len(xs)] if xs else [DANGLING, 0, 0]
    if lang == "String":
        parts = []
        for x in _drain(it):
            if isinstance(x, str):
                parts.append(x)
            elif x.__class__ is Ptr:
                parts.append(read_str(m, x) if x.meta is not None else _text(m, m.mem.load(x)))
            else:
                parts.append(string_text(m, x))
                m.drop_value(x, target)
        return new_string(m, "".join(parts))
    if lang in ("Option", "Result"):
        inner = target.args[0]
        good: list = []
        while True:
            x = it.next()
            if x is None:
                break
            if (lang == "Option" and x[0] == 0) or (lang == "Result" and x[0] == 1):
                return x if lang == "Result" else none()
            good.append(x[1])
        v = collect_as(m, PyIter(m, good), inner)
        return some(v) if lang == "Option" else ok(v)
    if lang == "Box":
        xs = _drain(it)
        elem = target.args[0].elem if isinstance(target.args[0], T.Slice) else target.args[0]
        return new_buffer(m, elem, len(xs), xs).with_meta(len(xs))
    raise NotImplementedError(f"collect into {target}")


def _text(m: Any, v: Any) -> str:
    if isinstance(v, str):
        return v
    if v.__class__ is Ptr:
        return read_str(m, v)
    return string_text(m, v)


def collect_into_vec(m: Any, v: Any, ty: Any, elem: Any) -> Any:
    xs = _drain(make_iter(m, v, ty))
    return [new_buffer(m, elem, len(xs), xs), len(xs), len(xs)] if xs else [DANGLING, 0, 0]


@intrinsic("Iterator::partition")
@consuming
def iter_partition(m: Any, a: list, info: Any) -> Any:
    it = _self(m, a, info)
    f, fty = _f(a, info)
    ity = _item(m, info)
    yes, no = [], []
    for x in _drain(it):
        (yes if m.call_value(f, fty, [m.temp_ptr(x, ity)]) else no).append(x)
    target = info.ty("B")
    return [collect_as(m, PyIter(m, yes), target), collect_as(m, PyIter(m, no), target)]


@intrinsic("Iterator::unzip")
@consuming
def iter_unzip(m: Any, a: list, info: Any) -> Any:
    xs = _drain(_self(m, a, info))
    return [collect_as(m, PyIter(m, [x[0] for x in xs]), info.ty("FromA")),
            collect_as(m, PyIter(m, [x[1] for x in xs]), info.ty("FromB"))]


@intrinsic("Iterator::eq")
@consuming
def iter_eq(m: Any, a: list, info: Any) -> Any:
    xs, ys = _drain(_self(m, a, info)), _drain(make_iter(m, a[1], info.arg_tys[1]))
    ity = _item(m, info)
    return len(xs) == len(ys) and all(eq_values(m, x, y, ity) if ity else deref_all(m, x) == deref_all(m, y) for x, y in zip(xs, ys))


@intrinsic("ExactSizeIterator::len")
def iter_len(m: Any, a: list, info: Any) -> Any:
    it = m.mem.load(a[0])
    return it.remaining() if isinstance(it, PyIter) else 0


@intrinsic("Iterator::size_hint")
def iter_size_hint(m: Any, a: list, info: Any) -> Any:
    it = m.mem.load(a[0])
    n = it.remaining() if isinstance(it, PyIter) else 0
    return [n, some(n)]


@intrinsic("<Iter as Clone>::clone", "<Windows as Clone>::clone", "<Chunks as Clone>::clone", "<Chars as Clone>::clone")
def iter_clone(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0]).clone()


@intrinsic("Iter::as_slice")
def iter_as_slice(m: Any, a: list, info: Any) -> Any:
    it = m.mem.load(a[0])
    return it.s.offset(it.i).with_meta(it.end - it.i)

