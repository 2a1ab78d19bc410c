"""Slice and array methods ([T], [T; N]): iteration, search, sorting, splitting; a Vec derefs
to its buffer as a slice, so these serve Vec too."""
from __future__ import annotations

from typing import Any

from ...types import ty as T
from ..errors import RustPanic
from ..memory import Ptr
from ..values import err, new_string, none, ok, read_str, some, string_text
from . import intrinsic
from .traits import clone_value, cmp_values, eq_values
from .vec import elem_ty, index_into, index_panic, items, self_slice, slice_of


# ---------------------------------------------------------------- slice methods

@intrinsic("slice::iter", "slice::iter_mut", "<& as IntoIterator>::into_iter", "<&mut as IntoIterator>::into_iter",
           "array::iter", "array::iter_mut", "Vec::iter", "Vec::iter_mut")
def slice_iter(m: Any, a: list, info: Any) -> Any:
    from .iter import SliceIter
    s = self_slice(m, a, info)
    return SliceIter(m, s, 0, s.meta or 0)


@intrinsic("<array as IntoIterator>::into_iter")
def array_into_iter(m: Any, a: list, info: Any) -> Any:
    from .iter import ListIter
    ty = info.arg_tys[0]
    if isinstance(ty, T.Ref):
        return slice_iter(m, a, info)
    return ListIter(m, list(a[0]), ty.elem)


@intrinsic("slice::first", "slice::first_mut")
def slice_first(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    return some(s.offset(0).with_meta(None)) if s.meta else none()


@intrinsic("slice::last", "slice::last_mut")
def slice_last(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    return some(s.offset(s.meta - 1).with_meta(None)) if s.meta else none()


@intrinsic("slice::get", "slice::get_mut")
def slice_get(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    try:
        return some(index_into(m, s, a[1], info.arg_tys[1]))
    except RustPanic:
        return none()


@intrinsic("slice::contains")
def slice_contains(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    et = elem_ty(info)
    x = m.mem.load(a[1])
    return any(eq_values(m, y, x, et) for y in items(m, s))


@intrinsic("slice::swap")
def slice_swap(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    i, j = a[1], a[2]
    for k in (i, j):
        if k >= s.meta:
            raise index_panic(s.meta, k)
    x, y = m.mem.load(s.offset(i)), m.mem.load(s.offset(j))
    m.mem.store(s.offset(i), y)
    m.mem.store(s.offset(j), x)
    return ()


def _write_all(m: Any, s: Ptr, vals: list) -> None:
    for i, x in enumerate(vals):
        m.mem.store(s.offset(i), x)


@intrinsic("slice::reverse")
def slice_reverse(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    _write_all(m, s, items(m, s)[::-1])
    return ()


def _sort(m: Any, s: Ptr, key: Any) -> None:
    import functools
    vals = items(m, s)
    _write_all(m, s, sorted(vals, key=functools.cmp_to_key(key)))


@intrinsic("slice::sort", "slice::sort_unstable")
def slice_sort(m: Any, a: list, info: Any) -> Any:
    et = elem_ty(info)
    _sort(m, self_slice(m, a, info), lambda x, y: cmp_values(m, x, y, et) or 0)
    return ()


@intrinsic("slice::sort_by", "slice::sort_unstable_by")
def slice_sort_by(m: Any, a: list, info: Any) -> Any:
    et, fty = elem_ty(info), info.ty("F")

    def cmp(x: Any, y: Any) -> int:
        r = m.call_value(a[1], fty, [m.temp_ptr(x, et), m.temp_ptr(y, et)])
        return r[0] - 1
    _sort(m, self_slice(m, a, info), cmp)
    return ()


@intrinsic("slice::sort_by_key", "slice::sort_unstable_by_key", "slice::sort_by_cached_key")
def slice_sort_by_key(m: Any, a: list, info: Any) -> Any:
    et, fty, kty = elem_ty(info), info.ty("F"), info.ty("K")

    def cmp(x: Any, y: Any) -> int:
        kx = m.call_value(a[1], fty, [m.temp_ptr(x, et)])
        ky = m.call_value(a[1], fty, [m.temp_ptr(y, et)])
        return cmp_values(m, kx, ky, kty) or 0
    _sort(m, self_slice(m, a, info), cmp)
    return ()


@intrinsic("slice::binary_search")
def slice_binary_search(m: Any, a: list, info: Any) -> Any:
    et = elem_ty(info)
    vals = items(m, self_slice(m, a, info))
    x = m.mem.load(a[1])
    lo, hi = 0, len(vals)
    while lo < hi:
        mid = (lo + hi) // 2
        c = cmp_values(m, vals[mid], x, et)
        if c == 0:
            return ok(mid)
        if c < 0:
            lo = mid + 1
        else:
            hi = mid
    return err(lo)


@intrinsic("slice::fill")
def slice_fill(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    et = elem_ty(info)
    _write_all(m, s, [clone_value(m, a[1], et) for _ in range(s.meta or 0)])
    return ()


@intrinsic("slice::split_at", "slice::split_at_mut")
def slice_split_at(m: Any, a: list, info: Any) -> Any:
    s = self_slice(m, a, info)
    mid = a[1]
    if mid > s.meta:
        raise RustPanic("mid > len")
    return [s.with_meta(mid), s.offset(mid).with_meta(s.meta - mid)]


@intrinsic("slice::starts_with")
def slice_starts_with(m: Any, a: list, info: Any) -> Any:
    et = elem_ty(info)
    x, y = items(m, self_slice(m, a, info)), items(m, slice_of(m, a[1], info.arg_tys[1]))
    return len(y) <= len(x) and all(eq_values(m, p, q, et) for p, q in zip(x, y))


@intrinsic("slice::ends_with")
def slice_ends_with(m: Any, a: list, info: Any) -> Any:
    et = elem_ty(info)
    x, y = items(m, self_slice(m, a, info)), items(m, slice_of(m, a[1], info.arg_tys[1]))
    return len(y) <= len(x) and all(eq_values(m, p, q, et) for p, q in zip(x[len(x) - len(y):], y))


@intrinsic("slice::windows")
def slice_windows(m: Any, a: list, info: Any) -> Any:
    from .iter import PyIter
    s, k = self_slice(m, a, info), a[1]
    return PyIter(m, [s.offset(i).with_meta(k) for i in range(max(0, (s.meta or 0) - k + 1))])


@intrinsic("slice::chunks", "slice::chunks_mut", "slice::chunks_exact")
def slice_chunks(m: Any, a: list, info: Any) -> Any:
    from .iter import PyIter
    s, k = self_slice(m, a, info), a[1]
    n = s.meta or 0
    exact = info.key.endswith("exact")
    out = [s.offset(i).with_meta(min(k, n - i)) for i in range(0, n, k) if not exact or n - i >= k]
    return PyIter(m, out)


@intrinsic("slice::join", "<slice as Join>::join", "slice::concat", "<slice as Concat>::concat")
def slice_join(m: Any, a: list, info: Any) -> Any:
    from ..values import new_string
    s = self_slice(m, a, info)
    et = elem_ty(info)
    sep = read_str(m, a[1]) if len(a) > 1 else ""
    parts = []
    for x in items(m, s):
        if isinstance(et, T.Ref):
            parts.append(read_str(m, x) if isinstance(et.inner, T.Str) else string_text(m, m.mem.load(x)))
        else:
            parts.append(string_text(m, x))
    return new_string(m, sep.join(parts))
