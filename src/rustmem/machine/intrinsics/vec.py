"""Vec<T>, slices ([T]) and arrays: growth with real reallocation, indexing with Rust's
panics, and the slice methods (a Vec derefs to its buffer as a slice)."""
from __future__ import annotations

from typing import Any

from ...types import ty as T
from ..errors import RustPanic
from ..memory import Ptr, copy_value
from ..values import DANGLING, buffer_list, grow, new_buffer, none, read_str, some
from . import intrinsic
from .traits import clone_value, eq_values


def vec_of(m: Any, p: Ptr) -> list:
    return m.mem.load(p)


def elem_ty(info: Any) -> Any:
    t = info.ty("T")
    if t is not None:
        return t
    a0 = info.arg_tys[0] if info.arg_tys else None
    while isinstance(a0, T.Ref):
        a0 = a0.inner
    if isinstance(a0, (T.Slice, T.Array)):
        return a0.elem
    if isinstance(a0, T.Adt) and a0.args:
        return a0.args[0]
    return T.U8


def slice_of(m: Any, v: Any, ty: Any) -> Ptr:
    """A slice pointer (element 0, meta = length) for a Vec / array / slice value or reference."""
    while isinstance(ty, T.Ref) and not isinstance(ty.inner, (T.Slice, T.Str)):
        if isinstance(ty.inner, T.Array):
            return Ptr(v.alloc, v.path + (0,), v.tag, ty.inner.length, True, v.delta)
        v, ty = m.mem.load(v), ty.inner
    if isinstance(ty, T.Adt) and ty.adt.lang in ("Vec", "String"):
        return v[0].with_meta(v[2])
    if isinstance(ty, T.Adt) and ty.adt.lang == "Box":
        return v
    return v


def self_slice(m: Any, a: list, info: Any) -> Ptr:
    return slice_of(m, a[0], info.arg_tys[0])


def items(m: Any, s: Ptr) -> list:
    """The element values of a slice (not copied)."""
    n = s.meta or 0
    if n == 0:
        return []
    load = m.mem.load
    return [load(s.offset(i)) for i in range(n)]


def index_panic(n: int, i: int) -> RustPanic:
    return RustPanic(f"index out of bounds: the len is {n} but the index is {i}")


def range_bounds(m: Any, r: Any, rty: Any, n: int, check: bool = True) -> tuple[int, int]:
    """start, end of a Range* value used as an index, with Rust's slice-index panics
    (check=False: the caller words its own, as str slicing does)."""
    lang = rty.adt.lang if isinstance(rty, T.Adt) else None
    if lang == "RangeFull" or r == () or r == []:
        start, end = 0, n
    elif lang == "Range":
        start, end = r[0], r[1]
    elif lang == "RangeFrom":
        start, end = r[0], n
    elif lang == "RangeTo":
        start, end = 0, r[0]
    elif lang == "RangeInclusive":
        start, end = r[0], r[1] + 1
    elif lang == "RangeToInclusive":
        start, end = 0, r[0] + 1
    else:
        start, end = r[0], r[1]
    if not check:
        return start, end
    if start > end:
        raise RustPanic(f"slice index starts at {start} but ends at {end}")
    if end > n:
        raise RustPanic(f"range end index {end} out of range for slice of length {n}")
    return start, end


def index_into(m: Any, s: Ptr, idx: Any, idx_ty: Any) -> Ptr:
    n = s.meta or 0
    if idx.__class__ is int:
        if idx >= n:
            raise index_panic(n, idx)
        return s.offset(idx).with_meta(None)
    start, end = range_bounds(m, idx, idx_ty, n)
    return s.offset(start).with_meta(end - start)


@intrinsic("<Vec as Index>::index", "<Vec as IndexMut>::index_mut", "<slice as Index>::index",
           "<slice as IndexMut>::index_mut", "<array as Index>::index", "<array as IndexMut>::index_mut")
def vec_index(m: Any, a: list, info: Any) -> Any:
    return index_into(m, self_slice(m, a, info), a[1], info.arg_tys[1])


# ---------------------------------------------------------------- construction

@intrinsic("Vec::new")
def vec_new(m: Any, a: list, info: Any) -> Any:
    return [DANGLING, 0, 0]


@intrinsic("Vec::with_capacity")
def vec_with_capacity(m: Any, a: list, info: Any) -> Any:
    return [new_buffer(m, info.ty("T"), a[0], []), a[0], 0]


@intrinsic("vec::from_array")
def vec_from_array(m: Any, a: list, info: Any) -> Any:
    arr = a[0]
    et = info.arg_tys[0].elem if isinstance(info.arg_tys[0], T.Array) else elem_ty(info)
    return [new_buffer(m, et, len(arr), arr), len(arr), len(arr)] if arr else [DANGLING, 0, 0]


@intrinsic("vec::from_elem")
def vec_from_elem(m: Any, a: list, info: Any) -> Any:
    elem, n = a
    et = info.arg_tys[0]
    if n == 0:
        m.drop_value(elem, et)
        return [DANGLING, 0, 0]
    # Refuse a block over the heap limit before cloning n - 1 elements into it.
    m.mem.check_heap_room(n * m.view.size_of(et), n, m.current_span())
    if elem.__class__ in (int, float, bool, str):
        vals = [elem] * n  # an immutable scalar is its own copy
    else:
        vals = [clone_value(m, elem, et) for _ in range(n - 1)] + [elem]
    return [new_buffer(m, et, n, vals), n, n]


@intrinsic("<Vec as From>::from", "<slice as ToOwned>::to_owned", "slice::to_vec", "<Vec as FromIterator>::from_iter")
def vec_from(m: Any, a: list, info: Any) -> Any:
    src_ty = info.arg_tys[0]
    et = elem_ty(info) if info.ty("T") is not None else None
    if isinstance(src_ty, T.Ref) and isinstance(src_ty.inner, T.Str):
        data = list(read_str(m, a[0]).encode())
        return [new_buffer(m, T.U8, len(data), data), len(data), len(data)] if data else [DANGLING, 0, 0]
    if isinstance(src_ty, T.Adt) and src_ty.adt.lang == "String":
        return list(a[0])
    if isinstance(src_ty, T.Array):
        arr = a[0]
        return [new_buffer(m, src_ty.elem, len(arr), arr), len(arr), len(arr)] if arr else [DANGLING, 0, 0]
    if info.key.endswith("from_iter"):
        from .iter import collect_into_vec
        return collect_into_vec(m, a[0], src_ty, et)
    s = slice_of(m, a[0], src_ty)
    inner = src_ty
    while isinstance(inner, T.Ref):
        inner = inner.inner
    et = inner.elem if isinstance(inner, (T.Slice, T.Array)) else (et or T.U8)
    vals = [clone_value(m, x, et) for x in items(m, s)]
    return [new_buffer(m, et, len(vals), vals), len(vals), len(vals)] if vals else [DANGLING, 0, 0]


# ---------------------------------------------------------------- Vec methods

@intrinsic("Vec::push")
def vec_push(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    if v[2] == v[1]:
        grow(m, v, info.ty("T"), v[2] + 1)
    m.mem.store(v[0].offset(v[2]), a[1])
    v[2] += 1
    return ()


@intrinsic("Vec::pop")
def vec_pop(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    if v[2] == 0:
        return none()
    v[2] -= 1
    # As ptr::read: the slot keeps its bytes (a stale pointer still reads them, as in Miri).
    return some(m.mem.load(v[0].offset(v[2])))


@intrinsic("Vec::len", "slice::len", "array::len", "String::len", "str::len")
def vec_len(m: Any, a: list, info: Any) -> Any:
    return self_slice(m, a, info).meta or 0


@intrinsic("Vec::is_empty", "slice::is_empty", "array::is_empty", "String::is_empty", "str::is_empty")
def vec_is_empty(m: Any, a: list, info: Any) -> Any:
    return not self_slice(m, a, info).meta


@intrinsic("Vec::capacity", "String::capacity")
def vec_capacity(m: Any, a: list, info: Any) -> Any:
    return vec_of(m, a[0])[1]


@intrinsic("Vec::reserve", "String::reserve")
def vec_reserve(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    grow(m, v, elem_ty(info) if info.ty("T") is not None else T.U8, v[2] + a[1])
    return ()


@intrinsic("Vec::reserve_exact", "String::reserve_exact")
def vec_reserve_exact(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    grow(m, v, elem_ty(info) if info.ty("T") is not None else T.U8, v[2] + a[1], exact=True)
    return ()


@intrinsic("Vec::shrink_to_fit", "String::shrink_to_fit")
def vec_shrink_to_fit(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    if v[1] > v[2]:
        et = info.ty("T") or T.U8
        old, n = v[0], v[2]
        vals = [m.mem.load(old.offset(i)) for i in range(n)]
        v[0] = new_buffer(m, et, n, vals) if n else DANGLING
        m.mem.deallocate(old, m.current_span())
        v[1] = n
    return ()


@intrinsic("Vec::clear")
def vec_clear(m: Any, a: list, info: Any) -> Any:
    return vec_truncate(m, [a[0], 0], info)


@intrinsic("Vec::truncate")
def vec_truncate(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    et = info.ty("T")
    n = a[1]
    while v[2] > n:
        v[2] -= 1
        m.drop_value(m.mem.load(v[0].offset(v[2])), et)
    return ()


@intrinsic("Vec::insert")
def vec_insert(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    i, x = a[1], a[2]
    if i > v[2]:
        raise RustPanic(f"insertion index (is {i}) should be <= len (is {v[2]})")
    if v[2] == v[1]:
        grow(m, v, info.ty("T"), v[2] + 1)
    buf, base = buffer_list(m, v)
    buf[base + i:base + v[2] + 1] = [x] + buf[base + i:base + v[2]]
    v[2] += 1
    return ()


@intrinsic("Vec::remove")
def vec_remove(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    i = a[1]
    if i >= v[2]:
        raise RustPanic(f"removal index (is {i}) should be < len (is {v[2]})")
    buf, base = buffer_list(m, v)
    x = buf[base + i]
    buf[base + i:base + v[2] - 1] = buf[base + i + 1:base + v[2]]  # a memmove: the last slot keeps its bytes
    v[2] -= 1
    return x


@intrinsic("Vec::swap_remove")
def vec_swap_remove(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    i = a[1]
    if i >= v[2]:
        raise RustPanic(f"swap_remove index (is {i}) should be < len (is {v[2]})")
    buf, base = buffer_list(m, v)
    x = buf[base + i]
    buf[base + i] = buf[base + v[2] - 1]
    v[2] -= 1
    return x


@intrinsic("Vec::as_ptr", "Vec::as_mut_ptr", "slice::as_ptr", "slice::as_mut_ptr", "String::as_ptr",
           "String::as_mut_ptr", "str::as_ptr", "str::as_mut_ptr", "array::as_ptr", "array::as_mut_ptr")
def vec_as_ptr(m: Any, a: list, info: Any) -> Any:
    ty = info.arg_tys[0]
    inner = ty.inner if isinstance(ty, T.Ref) else ty
    if isinstance(inner, T.Adt) and inner.adt.lang in ("Vec", "String"):
        v = m.mem.load(a[0])
        s = v[0].with_meta(v[1])  # the buffer's whole capacity, as the raw pointer's provenance
    else:
        s = self_slice(m, a, info)
    return m.mem.retag(s, "raw").with_meta(None)


@intrinsic("Vec::as_slice", "Vec::as_mut_slice", "<Vec as Deref>::deref", "<Vec as DerefMut>::deref_mut",
           "<Vec as AsRef>::as_ref", "<Vec as AsMut>::as_mut", "<Vec as Borrow>::borrow", "array::as_slice",
           "<slice as AsRef>::as_ref")
def vec_as_slice(m: Any, a: list, info: Any) -> Any:
    return self_slice(m, a, info)


@intrinsic("Vec::set_len")
def vec_set_len(m: Any, a: list, info: Any) -> Any:
    vec_of(m, a[0])[2] = a[1]
    return ()


@intrinsic("Vec::extend_from_slice")
def vec_extend_from_slice(m: Any, a: list, info: Any) -> Any:
    et = info.ty("T")
    vals = [clone_value(m, x, et) for x in items(m, slice_of(m, a[1], info.arg_tys[1]))]
    _append(m, vec_of(m, a[0]), vals, et)
    return ()


def _append(m: Any, v: list, vals: list, et: Any) -> None:
    if not vals:
        return
    if v[2] + len(vals) > v[1]:
        grow(m, v, et, v[2] + len(vals))
    buf, base = buffer_list(m, v)
    buf[base + v[2]:base + v[2] + len(vals)] = vals
    v[2] += len(vals)


@intrinsic("Vec::append")
def vec_append(m: Any, a: list, info: Any) -> Any:
    v, other = vec_of(m, a[0]), vec_of(m, a[1])
    vals = items(m, other[0].with_meta(other[2]))
    _append(m, v, vals, info.ty("T"))
    other[2] = 0
    return ()


@intrinsic("<Vec as Extend>::extend")
def vec_extend(m: Any, a: list, info: Any) -> Any:
    from .iter import make_iter, next_item
    v = vec_of(m, a[0])
    et = elem_ty(info)
    it = make_iter(m, a[1], info.arg_tys[1])
    vals = []
    while True:
        x = next_item(m, it)
        if x is None:
            break
        if x.__class__ is Ptr and not isinstance(et, (T.Ref, T.RawPtr)):
            x = copy_value(m.mem.load(x))
        vals.append(x)
    _append(m, v, vals, et)
    return ()


@intrinsic("Vec::resize")
def vec_resize(m: Any, a: list, info: Any) -> Any:
    v, n, x = vec_of(m, a[0]), a[1], a[2]
    et = info.ty("T")
    if n <= v[2]:
        vec_truncate(m, [a[0], n], info)
        m.drop_value(x, et)
    else:
        k = n - v[2]
        _append(m, v, [clone_value(m, x, et) for _ in range(k - 1)] + [x], et)
    return ()


@intrinsic("Vec::retain", "Vec::retain_mut")
def vec_retain(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    et, fty = info.ty("T"), info.ty("F")
    keep = []
    for i in range(v[2]):
        p = v[0].offset(i)
        x = m.mem.load(p)
        if m.call_value(a[1], fty, [p]):
            keep.append(x)
        else:
            m.drop_value(x, et)
    buf, base = buffer_list(m, v)
    buf[base:base + len(keep)] = keep
    v[2] = len(keep)
    return ()


@intrinsic("Vec::dedup")
def vec_dedup(m: Any, a: list, info: Any) -> Any:
    v = vec_of(m, a[0])
    et = info.ty("T")
    buf, base = buffer_list(m, v)
    out: list = []
    for x in buf[base:base + v[2]]:
        if out and eq_values(m, out[-1], x, et):
            m.drop_value(x, et)
        else:
            out.append(x)
    buf[base:base + len(out)] = out
    v[2] = len(out)
    return ()


@intrinsic("Vec::split_off")
def vec_split_off(m: Any, a: list, info: Any) -> Any:
    v, at = vec_of(m, a[0]), a[1]
    if at > v[2]:
        raise RustPanic(f"`at` split index (is {at}) should be <= len (is {v[2]})")
    buf, base = buffer_list(m, v)
    tail = buf[base + at:base + v[2]]
    v[2] = at
    return [new_buffer(m, info.ty("T"), len(tail), tail), len(tail), len(tail)] if tail else [DANGLING, 0, 0]


@intrinsic("Vec::drain")
def vec_drain(m: Any, a: list, info: Any) -> Any:
    from .iter import ListIter
    v = vec_of(m, a[0])
    start, end = range_bounds(m, a[1], info.arg_tys[1], v[2])
    buf, base = buffer_list(m, v)
    taken = buf[base + start:base + end]
    rest = buf[base + end:base + v[2]]
    buf[base + start:base + start + len(rest)] = rest
    v[2] -= len(taken)
    return ListIter(m, taken, info.ty("T"))


@intrinsic("<Vec as IntoIterator>::into_iter")
def vec_into_iter(m: Any, a: list, info: Any) -> Any:
    from .iter import VecIntoIter
    ty = info.arg_tys[0]
    if isinstance(ty, T.Ref):
        from .slices import slice_iter
        return slice_iter(m, [a[0]], info)
    return VecIntoIter(m, a[0], ty.args[0])


@intrinsic("Vec::leak")
def vec_leak(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    if v[0].alloc is not None:
        v[0].alloc.leaked = True
    return v[0].with_meta(v[2])


@intrinsic("Vec::into_boxed_slice")
def vec_into_boxed_slice(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    vec_shrink_to_fit(m, [m.temp_ptr(v, None)], info)
    return v[0].with_meta(v[2])
