"""Less common std functions: the Formatter's Debug builders (for hand-written `impl Debug`),
more slice, Vec, Option, Result, Rc and iterator methods."""
from __future__ import annotations

from typing import Any

from ...types import ty as T
from ..errors import RustPanic
from ..fmtargs import ValueArg
from ..memory import UNINIT, Ptr
from ..values import DANGLING, buffer_list, err, new_buffer, none, ok, read_str, some
from . import intrinsic
from .core import formatter
from .iterators import PyIter, make_iter
from .traits import clone_value, cmp_values, eq_values
from .slices import _write_all
from .vec import _append, elem_ty, items, self_slice


# ---------------------------------------------------------------- Debug builders

def _arg(m: Any, a: list, info: Any, i: int) -> ValueArg:
    return ValueArg(m, a[i], info.arg_tys[i])


@intrinsic("Formatter::debug_struct")
def debug_struct(m: Any, a: list, info: Any) -> Any:
    return formatter(m, a[0]).debug_struct(read_str(m, a[1]))


@intrinsic("Formatter::debug_tuple")
def debug_tuple(m: Any, a: list, info: Any) -> Any:
    return formatter(m, a[0]).debug_tuple(read_str(m, a[1]))


@intrinsic("Formatter::debug_list")
def debug_list(m: Any, a: list, info: Any) -> Any:
    return formatter(m, a[0]).debug_list()


@intrinsic("Formatter::debug_set")
def debug_set(m: Any, a: list, info: Any) -> Any:
    return formatter(m, a[0]).debug_set()


@intrinsic("Formatter::debug_map")
def debug_map(m: Any, a: list, info: Any) -> Any:
    return formatter(m, a[0]).debug_map()


@intrinsic("DebugStruct::field")
def debug_struct_field(m: Any, a: list, info: Any) -> Any:
    m.mem.load(a[0]).field(read_str(m, a[1]), _arg(m, a, info, 2))
    return a[0]


@intrinsic("DebugTuple::field", "DebugList::entry", "DebugSet::entry")
def debug_tuple_field(m: Any, a: list, info: Any) -> Any:
    b = m.mem.load(a[0])
    (b.field if hasattr(b, "field") else b.entry)(_arg(m, a, info, 1))
    return a[0]


@intrinsic("DebugList::entries", "DebugSet::entries")
def debug_list_entries(m: Any, a: list, info: Any) -> Any:
    b = m.mem.load(a[0])
    it = make_iter(m, a[1], info.arg_tys[1])
    item = info.ty("D")
    while True:
        x = it.next()
        if x is None:
            break
        b.entry(ValueArg(m, x, item))
    return a[0]


@intrinsic("DebugMap::entry")
def debug_map_entry(m: Any, a: list, info: Any) -> Any:
    m.mem.load(a[0]).entry(_arg(m, a, info, 1), _arg(m, a, info, 2))
    return a[0]


@intrinsic("DebugStruct::finish", "DebugTuple::finish", "DebugList::finish", "DebugSet::finish", "DebugMap::finish")
def debug_finish(m: Any, a: list, info: Any) -> Any:
    m.mem.load(a[0]).finish()
    return ok(())


@intrinsic("DebugStruct::finish_non_exhaustive")
def debug_finish_non_exhaustive(m: Any, a: list, info: Any) -> Any:
    m.mem.load(a[0]).finish_non_exhaustive()
    return ok(())


@intrinsic("Formatter::sign_plus", "Formatter::sign_minus", "Formatter::sign_aware_zero_pad")
def formatter_flag(m: Any, a: list, info: Any) -> Any:
    return getattr(formatter(m, a[0]), info.key.split("::")[1])()


@intrinsic("Formatter::fill")
def formatter_fill(m: Any, a: list, info: Any) -> Any:
    return formatter(m, a[0]).fill()


# ---------------------------------------------------------------- slices

@intrinsic("slice::is_sorted")
def slice_is_sorted(m: Any, a: list, info: Any) -> Any:
    xs, et = items(m, self_slice(m, a, info)), elem_ty(info)
    return all(cmp_values(m, x, y, et) != 1 for x, y in zip(xs, xs[1:]))


@intrinsic("slice::binary_search_by", "slice::binary_search_by_key")
def slice_binary_search_by(m: Any, a: list, info: Any) -> Any:
    s, et = self_slice(m, a, info), elem_ty(info)
    by_key = info.key.endswith("key")
    f, fty = (a[2], info.arg_tys[2]) if by_key else (a[1], info.arg_tys[1])
    lo, hi = 0, s.meta or 0
    while lo < hi:
        mid = (lo + hi) // 2
        p = s.offset(mid).with_meta(None)
        if by_key:
            c = cmp_values(m, m.call_value(f, fty, [p]), m.mem.load(a[1]), info.ty("B")) or 0
        else:
            c = m.call_value(f, fty, [p])[0] - 1
        if c == 0:
            return ok(mid)
        if c < 0:
            lo = mid + 1
        else:
            hi = mid
    return err(lo)


@intrinsic("slice::copy_from_slice", "slice::clone_from_slice")
def slice_copy_from(m: Any, a: list, info: Any) -> Any:
    dst, et = self_slice(m, a, info), elem_ty(info)
    src = items(m, a[1])
    if len(src) != (dst.meta or 0):
        raise RustPanic(f"source slice length ({len(src)}) does not match destination slice length ({dst.meta})")
    _write_all(m, dst, [clone_value(m, x, et) for x in src])
    return ()


@intrinsic("slice::fill_with")
def slice_fill_with(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    _write_all(m, s, [m.call_value(a[1], info.arg_tys[1], []) for _ in range(s.meta or 0)])
    return ()


@intrinsic("slice::rotate_left", "slice::rotate_right")
def slice_rotate(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    xs = items(m, s)
    k = a[1] % len(xs) if xs else 0
    if info.key.endswith("right"):
        k = (len(xs) - k) % len(xs) if xs else 0
    _write_all(m, s, xs[k:] + xs[:k])
    return ()


@intrinsic("slice::split_first", "slice::split_first_mut", "slice::split_last", "slice::split_last_mut")
def slice_split_first(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    n = s.meta or 0
    if n == 0:
        return none()
    if "first" in info.key:
        return some([s.offset(0).with_meta(None), s.offset(1).with_meta(n - 1)])
    return some([s.offset(n - 1).with_meta(None), s.with_meta(n - 1)])


@intrinsic("slice::repeat")
def slice_repeat(m: Any, a: list, info: Any) -> Any:
    et = elem_ty(info)
    xs = [clone_value(m, x, et) for _ in range(a[1]) for x in items(m, self_slice(m, a, info))]
    return [new_buffer(m, et, len(xs), xs), len(xs), len(xs)] if xs else [DANGLING, 0, 0]


@intrinsic("slice::swap_with_slice")
def slice_swap_with(m: Any, a: list, info: Any) -> Any:
    s, o = self_slice(m, a, info), a[1]
    xs, ys = items(m, s), items(m, o)
    _write_all(m, s, ys)
    _write_all(m, o, xs)
    return ()


@intrinsic("slice::get_unchecked", "slice::get_unchecked_mut")
def slice_get_unchecked(m: Any, a: list, info: Any) -> Any:
    return self_slice(m, a, info).offset(a[1]).with_meta(None)


@intrinsic("slice::from_ref", "slice::from_mut")
def slice_from_ref(m: Any, a: list, info: Any) -> Any:
    p = a[0]
    return Ptr(p.alloc, p.path, p.tag, 1, False, p.delta)


@intrinsic("array::map")
def array_map(m: Any, a: list, info: Any) -> Any:
    return [m.call_value(a[1], info.arg_tys[1], [x]) for x in a[0]]


@intrinsic("array::from_fn")
def array_from_fn(m: Any, a: list, info: Any) -> Any:
    ret = info.ret_ty
    n = ret.length if isinstance(ret, T.Array) else 0
    return [m.call_value(a[0], info.arg_tys[0], [i]) for i in range(n)]


# ---------------------------------------------------------------- Vec

@intrinsic("Vec::dedup_by_key", "Vec::dedup_by")
def vec_dedup_by(m: Any, a: list, info: Any) -> Any:
    v = m.mem.load(a[0])
    et = info.ty("T")
    f, fty = a[1], info.arg_tys[1]
    buf, base = buffer_list(m, v)
    out: list = []
    for x in buf[base:base + v[2]]:
        if out:
            if info.key.endswith("key"):
                same = eq_values(m, m.call_value(f, fty, [m.temp_ptr(out[-1], et)]),
                                 m.call_value(f, fty, [m.temp_ptr(x, et)]), info.ty("K"))
            else:
                same = bool(m.call_value(f, fty, [m.temp_ptr(x, et), m.temp_ptr(out[-1], et)]))
            if same:
                m.drop_value(x, et)
                continue
        out.append(x)
    buf[base:base + len(out)] = out
    v[2] = len(out)
    return ()


@intrinsic("Vec::resize_with")
def vec_resize_with(m: Any, a: list, info: Any) -> Any:
    from .vec import vec_truncate
    v, n = m.mem.load(a[0]), a[1]
    if n <= v[2]:
        return vec_truncate(m, [a[0], n], info)
    _append(m, v, [m.call_value(a[2], info.arg_tys[2], []) for _ in range(n - v[2])], info.ty("T"))
    return ()


@intrinsic("Vec::pop_if")
def vec_pop_if(m: Any, a: list, info: Any) -> Any:
    from .vec import vec_pop
    v = m.mem.load(a[0])
    if v[2] and m.call_value(a[1], info.arg_tys[1], [v[0].offset(v[2] - 1)]):
        return vec_pop(m, a, info)
    return none()


# ---------------------------------------------------------------- Option, Result, Rc

@intrinsic("Option::take_if")
def option_take_if(m: Any, a: list, info: Any) -> Any:
    v = m.mem.load(a[0])
    if v[0] == 1 and m.call_value(a[1], info.arg_tys[1], [a[0].project(1)]):
        m.mem.store(a[0], none())
        return v
    return none()


@intrinsic("Option::transpose")
def option_transpose(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    if v[0] == 0:
        return ok(none())
    inner = v[1]
    return ok(some(inner[1])) if inner[0] == 0 else inner


@intrinsic("Result::transpose")
def result_transpose(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    if v[0] == 1:
        return some(v)
    return none() if v[1][0] == 0 else some(ok(v[1][1]))


@intrinsic("Result::is_err_and")
def result_is_err_and(m: Any, a: list, info: Any) -> Any:
    return a[0][0] == 1 and bool(m.call_value(a[1], info.arg_tys[1], [a[0][1]]))


@intrinsic("Result::inspect", "Result::inspect_err")
def result_inspect(m: Any, a: list, info: Any) -> Any:
    want = 1 if info.key.endswith("err") else 0
    if a[0][0] == want:
        m.call_value(a[1], info.arg_tys[1], [m.temp_ptr(a[0][1], None)])
    return a[0]


@intrinsic("Result::unwrap_unchecked")
def result_unwrap_unchecked(m: Any, a: list, info: Any) -> Any:
    return a[0][1]


@intrinsic("Rc::unwrap_or_clone")
def rc_unwrap_or_clone(m: Any, a: list, info: Any) -> Any:
    p = a[0]
    box = m.mem.load(p)
    ty = info.ty("T")
    if box[0] == 1:
        value = box[2]
        box[0], box[2] = 0, UNINIT
        box[1] -= 1
        if box[1] == 0:
            m.mem.deallocate(Ptr(p.alloc), m.current_span())
        return value
    v = clone_value(m, box[2], ty)
    box[0] -= 1
    return v


@intrinsic("Rc::make_mut")
def rc_make_mut(m: Any, a: list, info: Any) -> Any:
    p = m.mem.load(a[0])
    box = m.mem.load(p)
    if box[0] != 1:
        ty = info.ty("T")
        box[0] -= 1
        alloc = m.mem.allocate("heap", ty, 16 + m.view.size_of(ty), [1, 1, clone_value(m, box[2], ty)], m.current_span(), "RcBox")
        p = Ptr(alloc)
        m.mem.store(a[0], p)
    return p.project(2)


@intrinsic("Rc::into_raw")
def rc_into_raw(m: Any, a: list, info: Any) -> Any:
    return m.mem.retag(a[0].project(2), "raw")


@intrinsic("Rc::from_raw")
def rc_from_raw(m: Any, a: list, info: Any) -> Any:
    p = a[0]
    return Ptr(p.alloc, p.path[:-1], p.tag)


@intrinsic("Rc::new_cyclic")
def rc_new_cyclic(m: Any, a: list, info: Any) -> Any:
    ty = info.ty("T")
    alloc = m.mem.allocate("heap", ty, 16 + m.view.size_of(ty), [0, 1, UNINIT], m.current_span(), "RcBox")
    weak = Ptr(alloc)
    value = m.call_value(a[0], info.arg_tys[0], [m.temp_ptr(weak, None)])
    box = alloc.value
    box[2], box[0] = value, 1
    return Ptr(alloc)


# ---------------------------------------------------------------- iterators

@intrinsic("Iterator::is_sorted")
def iter_is_sorted(m: Any, a: list, info: Any) -> Any:
    it = make_iter(m, a[0], info.arg_tys[0])
    xs = []
    while True:
        x = it.next()
        if x is None:
            break
        xs.append(x)
    from .iter import _cmp, _item
    c = _cmp(m, _item(m, info))
    return all(c(x, y) != 1 for x, y in zip(xs, xs[1:]))


@intrinsic("Iterator::ne", "Iterator::cmp")
def iter_ne_cmp(m: Any, a: list, info: Any) -> Any:
    from .iter import _cmp, _drain, _item
    xs, ys = _drain(make_iter(m, a[0], info.arg_tys[0])), _drain(make_iter(m, a[1], info.arg_tys[1]))
    c = _cmp(m, _item(m, info))
    r = 0
    for x, y in zip(xs, ys):
        r = c(x, y)
        if r:
            break
    if r == 0:
        r = (len(xs) > len(ys)) - (len(xs) < len(ys))
    if info.key.endswith("ne"):
        return r != 0
    from ..values import ordering
    return ordering(r)


@intrinsic("DoubleEndedIterator::rfind")
def iter_rfind(m: Any, a: list, info: Any) -> Any:
    it = m.mem.load(a[0]) if a[0].__class__ is Ptr else a[0]
    it = make_iter(m, it, info.arg_tys[0].inner if isinstance(info.arg_tys[0], T.Ref) else info.arg_tys[0])
    while True:
        x = it.next_back()
        if x is None:
            return none()
        if m.call_value(a[1], info.arg_tys[1], [m.temp_ptr(x, None)]):
            return some(x)


@intrinsic("DoubleEndedIterator::rfold")
def iter_rfold(m: Any, a: list, info: Any) -> Any:
    it = make_iter(m, a[0], info.arg_tys[0])
    acc = a[1]
    while True:
        x = it.next_back()
        if x is None:
            return acc
        acc = m.call_value(a[2], info.arg_tys[2], [acc, x])


@intrinsic("DoubleEndedIterator::nth_back")
def iter_nth_back(m: Any, a: list, info: Any) -> Any:
    it = m.mem.load(a[0])
    for _ in range(a[1]):
        if it.next_back() is None:
            return none()
    x = it.next_back()
    return none() if x is None else some(x)


@intrinsic("Peekable::next_if")
def peekable_next_if(m: Any, a: list, info: Any) -> Any:
    p = m.mem.load(a[0])
    x = p.peek()
    if x is not None and m.call_value(a[1], info.arg_tys[1], [m.temp_ptr(x, None)]):
        return some(p.next())
    return none()


@intrinsic("cmp::max_by_key", "cmp::min_by_key")
def cmp_by_key(m: Any, a: list, info: Any) -> Any:
    f, fty = a[2], info.arg_tys[2]
    kx = m.call_value(f, fty, [m.temp_ptr(a[0], None)])
    ky = m.call_value(f, fty, [m.temp_ptr(a[1], None)])
    c = cmp_values(m, kx, ky, info.ty("K")) or 0
    if info.key.startswith("cmp::max"):
        return a[1] if c <= 0 else a[0]
    return a[0] if c <= 0 else a[1]


@intrinsic("str::rsplit")
def str_rsplit(m: Any, a: list, info: Any) -> Any:
    from .string import str_split
    return PyIter(m, list(reversed(str_split(m, a, info).vals)))


@intrinsic("str::rsplitn")
def str_rsplitn(m: Any, a: list, info: Any) -> Any:
    from .string import _pieces, pattern, self_str
    p, t = self_str(m, a, info)
    pat = pattern(m, a[2], info.arg_tys[2])
    if not isinstance(pat, str):
        raise NotImplementedError("rsplitn with a closure pattern")
    parts = t.rsplit(pat, a[1] - 1) if a[1] else []
    return PyIter(m, list(reversed(_pieces(m, p, t, parts, [len(pat)] * len(parts)))))


@intrinsic("char::encode_utf8")
def char_encode_utf8(m: Any, a: list, info: Any) -> Any:
    data = list(a[0].encode("utf-8"))
    buf = a[1]
    for i, b in enumerate(data):
        m.mem.store(buf.offset(i), b)
    return buf.with_meta(len(data))


@intrinsic("f64::div_euclid", "f32::div_euclid")
def float_div_euclid(m: Any, a: list, info: Any) -> Any:
    import math
    q = math.trunc(a[0] / a[1])
    if math.fmod(a[0], a[1]) < 0:
        return float(q - 1 if a[1] > 0 else q + 1)
    return float(q)


@intrinsic("f64::rem_euclid", "f32::rem_euclid")
def float_rem_euclid(m: Any, a: list, info: Any) -> Any:
    import math
    r = math.fmod(a[0], a[1])
    return r + abs(a[1]) if r < 0 else r

