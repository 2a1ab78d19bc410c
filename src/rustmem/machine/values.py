"""Helpers for the std values the intrinsics build and read: strings, Vec buffers, Option,
Result, Ordering.  Representations (see memory.py):

  Vec<T>, String   [buffer Ptr (element 0 of a heap array, or dangling), capacity, length]
  Box<T>, Rc<T>    a Ptr (Rc's block holds [strong, weak, value])
  Option<T>        [0] (None) / [1, value] (Some); Result: [0, ok] / [1, err]
  Ordering         [0] Less, [1] Equal, [2] Greater (discriminants -1, 0, 1)
  &str, &[T]       a Ptr to the first element with meta = length
"""
from __future__ import annotations

from typing import Any

from ..types import ty as T
from .errors import UbClass, UndefinedBehavior
from .memory import UNINIT, Ptr

DANGLING = Ptr(None, (), 0, 0, True, 0)


def none() -> list:
    return [0]


def some(v: Any) -> list:
    return [1, v]


def ok(v: Any) -> list:
    return [0, v]


def err(v: Any) -> list:
    return [1, v]


def ordering(c: int) -> list:
    return [0 if c < 0 else (1 if c == 0 else 2)]


def read_bytes(m: Any, p: Ptr, n: int) -> list:
    """n elements starting at element pointer p (checked: live, in bounds, initialised)."""
    if n == 0:
        return []
    a = m.mem.check(p, False)
    container = a.value
    for k in p.path[:-1]:
        container = container[k]
    start = p.path[-1] if p.elem else 0
    if not p.elem:
        container = [container]
    if start + n > len(container):
        m.mem.out_of_bounds(p.offset(len(container) - start))
    out = container[start:start + n]
    if UNINIT in out:
        raise UndefinedBehavior(UbClass.UNINIT_READ, "using uninitialized data, but this operation requires initialized memory", (a,))
    return out


def read_str(m: Any, p: Ptr) -> str:
    """The text of a &str (a Ptr with meta = byte length)."""
    return bytes(read_bytes(m, p, p.meta or 0)).decode("utf-8", "replace")


def string_text(m: Any, s: list) -> str:
    """The text of a String value [ptr, cap, len]."""
    return bytes(read_bytes(m, s[0], s[2])).decode("utf-8", "replace")


def str_of(m: Any, v: Any, ty: Any) -> str:
    """Text of a &str, &String, String, or Box<str> value, by type."""
    while isinstance(ty, T.Ref) and not isinstance(ty.inner, T.Str):
        v = m.mem.load(v)
        ty = ty.inner
    if isinstance(ty, T.Adt):
        return string_text(m, v)
    return read_str(m, v)


def new_buffer(m: Any, elem_ty: Any, cap: int, items: list, span: Any = None) -> Ptr:
    """A heap array of cap elements holding items (the rest uninitialised)."""
    if cap == 0:
        return DANGLING
    size = cap * m.view.size_of(elem_ty)
    span = span or m.current_span()
    m.mem.check_heap_room(size, cap, span)
    value = list(items) + [UNINIT] * (cap - len(items))
    a = m.mem.allocate("heap", T.Array(elem_ty, cap), size, value, span, None)
    return Ptr(a, (0,), 0, None, True)


def new_string(m: Any, text: str, cap: int = -1) -> list:
    data = list(text.encode("utf-8"))
    if cap < len(data):
        cap = len(data)
    return [new_buffer(m, T.U8, cap, data), cap, len(data)]


def str_ptr(m: Any, s: list) -> Ptr:
    """A &str covering the String s."""
    return s[0].with_meta(s[2])


def min_non_zero_cap(elem_size: int) -> int:
    return 8 if elem_size == 1 else (4 if elem_size <= 1024 else 1)


def grow(m: Any, v: list, elem_ty: Any, needed: int, exact: bool = False) -> None:
    """Reserve room for `needed` elements as RawVec does: a new heap block (amortised
    doubling), the elements moved over, the old block freed — pointers into it now dangle."""
    ptr, cap, length = v
    if needed <= cap:
        return
    size = m.view.size_of(elem_ty)
    new_cap = needed if exact else max(cap * 2, needed, min_non_zero_cap(size))
    items = read_bytes_raw(m, ptr, length) if length else []
    new = new_buffer(m, elem_ty, new_cap, items)
    if cap:
        m.mem.deallocate(ptr, m.current_span())
    v[0], v[1] = new, new_cap


def read_bytes_raw(m: Any, p: Ptr, n: int) -> list:
    """Elements of a buffer, allowing uninitialised ones (a memcpy)."""
    a = m.mem.check(p, False)
    start = p.path[-1]
    return a.value[start:start + n]


def buffer_list(m: Any, v: list) -> tuple[list, int]:
    """The live heap list of a Vec's buffer and the index of element 0 (checked)."""
    p = v[0]
    if v[1] == 0 and v[2] == 0:
        return [], 0
    a = m.mem.check(p, False)
    return a.value, p.path[-1]
