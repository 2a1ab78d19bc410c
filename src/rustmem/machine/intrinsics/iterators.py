"""The Python objects behind std's iterators and adapters (opaque machine values).

`next()` / `next_back()` return a machine value, or None when the iterator is exhausted;
`drop()` releases what the iterator owns (a vec::IntoIter's buffer).  `make_iter` turns any
iterable machine value into one of these."""
from __future__ import annotations

from typing import Any, Optional

from ...types import ty as T
from ..interp import PyIterBase
from ..memory import Ptr, copy_value
from .traits import clone_value


class PyIter(PyIterBase):
    """An iterator over a Python list of machine values (borrowed: dropping it frees nothing)."""

    def __init__(self, m: Any, vals: list) -> None:
        self.m = m
        self.vals = vals
        self.i = 0
        self.end = len(vals)

    def next(self) -> Any:
        if self.i >= self.end:
            return None
        self.i += 1
        return self.vals[self.i - 1]

    def next_back(self) -> Any:
        if self.i >= self.end:
            return None
        self.end -= 1
        return self.vals[self.end]

    def remaining(self) -> int:
        return self.end - self.i

    def clone(self) -> "PyIter":
        c = PyIter(self.m, self.vals)
        c.i, c.end = self.i, self.end
        return c

    def drop(self) -> None:
        return None


class ListIter(PyIter):
    """An iterator that owns its values (array::IntoIter, Drain, Option::into_iter)."""

    def __init__(self, m: Any, vals: list, elem_ty: Any) -> None:
        super().__init__(m, vals)
        self.elem_ty = elem_ty

    def drop(self) -> None:
        for x in self.vals[self.i:self.end]:
            self.m.drop_value(x, self.elem_ty)
        self.i = self.end


class SliceIter(PyIter):
    """slice::Iter / IterMut: yields references to the elements, computed lazily (so the
    buffer is checked when each reference is used)."""

    def __init__(self, m: Any, s: Ptr, i: int, end: int) -> None:
        self.m = m
        self.s = s
        self.i = i
        self.end = end

    def next(self) -> Any:
        if self.i >= self.end:
            return None
        self.i += 1
        return self.s.offset(self.i - 1).with_meta(None)

    def next_back(self) -> Any:
        if self.i >= self.end:
            return None
        self.end -= 1
        return self.s.offset(self.end).with_meta(None)

    def clone(self) -> "SliceIter":
        return SliceIter(self.m, self.s, self.i, self.end)


class VecIntoIter(PyIter):
    """vec::IntoIter: owns the buffer; frees it (and drops what was not taken) when dropped."""

    def __init__(self, m: Any, v: list, elem_ty: Any) -> None:
        self.m = m
        self.buf, self.cap = v[0], v[1]
        self.i, self.end = 0, v[2]
        self.elem_ty = elem_ty

    def _take(self, k: int) -> Any:
        return self.m.mem.load(self.buf.offset(k))  # a ptr::read: the bytes stay

    def next(self) -> Any:
        if self.i >= self.end:
            return None
        self.i += 1
        return self._take(self.i - 1)

    def next_back(self) -> Any:
        if self.i >= self.end:
            return None
        self.end -= 1
        return self._take(self.end)

    def drop(self) -> None:
        while self.i < self.end:
            self.m.drop_value(self.next(), self.elem_ty)
        if self.cap:
            self.m.mem.deallocate(self.buf, self.m.current_span())
            self.cap = 0


class RangeIter(PyIter):
    """A Range / RangeInclusive value ([start, end(, exhausted)]) iterated in place."""

    def __init__(self, m: Any, r: list, inclusive: bool) -> None:
        self.m = m
        self.r = r
        self.inclusive = inclusive

    def next(self) -> Any:
        return range_next(self.r, self.inclusive)

    def next_back(self) -> Any:
        return range_next_back(self.r, self.inclusive)

    def remaining(self) -> int:
        r = self.r
        lo, hi = _ord(r[0]), _ord(r[1])
        if self.inclusive:
            return 0 if r[2] or lo > hi else hi - lo + 1
        return max(0, hi - lo)

    def clone(self) -> "RangeIter":
        return RangeIter(self.m, list(self.r), self.inclusive)


def _ord(x: Any) -> int:
    return ord(x) if isinstance(x, str) else x


def _step(x: Any, d: int) -> Any:
    return chr(ord(x) + d) if isinstance(x, str) else x + d


def range_next(r: list, inclusive: bool) -> Any:
    if inclusive:
        if r[2] or r[0] > r[1]:
            return None
        x = r[0]
        if x == r[1]:
            r[2] = True
        else:
            r[0] = _step(x, 1)
        return x
    if r[0] >= r[1]:
        return None
    x = r[0]
    r[0] = _step(x, 1)
    return x


def range_next_back(r: list, inclusive: bool) -> Any:
    if inclusive:
        if r[2] or r[0] > r[1]:
            return None
        x = r[1]
        if x == r[0]:
            r[2] = True
        else:
            r[1] = _step(x, -1)
        return x
    if r[0] >= r[1]:
        return None
    r[1] = _step(r[1], -1)
    return r[1]


class BorrowIter(PyIter):
    """`&mut I` used as an iterator: advances the iterator behind the pointer."""

    def __init__(self, m: Any, p: Ptr, ty: Any) -> None:
        self.m = m
        self.p = p
        self.ty = ty

    def next(self) -> Any:
        return next_of(self.m, self.p, self.ty, back=False)

    def next_back(self) -> Any:
        return next_of(self.m, self.p, self.ty, back=True)


class UserIter(BorrowIter):
    """A user type implementing Iterator, owned by an adapter (kept in its own slot)."""

    def __init__(self, m: Any, v: Any, ty: Any) -> None:
        super().__init__(m, m.temp_ptr(v, ty), ty)

    def drop(self) -> None:
        self.m.drop_value(self.m.mem.load(self.p), self.ty)


def next_of(m: Any, p: Ptr, ty: Any, back: bool = False) -> Any:
    """Advance the iterator stored at p (of type ty): Python value or None."""
    it = m.mem.load(p)
    if isinstance(it, PyIter):
        return it.next_back() if back else it.next()
    lang = ty.adt.lang if isinstance(ty, T.Adt) else None
    if lang in ("Range", "RangeInclusive", "RangeFrom"):
        if lang == "RangeFrom":
            x = it[0]
            it[0] = _step(x, 1)
            return x
        return (range_next_back if back else range_next)(it, lang == "RangeInclusive")
    if isinstance(ty, T.Ref):
        return next_of(m, it, ty.inner, back)
    r = m.call_trait("DoubleEndedIterator" if back else "Iterator", "next_back" if back else "next", ty, [p])
    return r[1] if r[0] == 1 else None


def make_iter(m: Any, v: Any, ty: Any) -> PyIter:
    """Any iterable machine value as a Python iterator (IntoIterator, for adapters)."""
    if isinstance(v, PyIter):
        return v
    if isinstance(ty, T.Ref):
        inner = ty.inner
        if isinstance(inner, T.Adt) and inner.adt.lang in ("Option", "Result"):
            # `&Option<T>` / `&Result<T, E>` iterate as `.iter()`: a reference to the payload.
            good = 1 if inner.adt.lang == "Option" else 0
            return PyIter(m, [v.project(1)] if m.mem.load(v)[0] == good else [])
        if ty.mutable and not isinstance(inner, (T.Slice, T.Array)) and not (isinstance(inner, T.Adt) and inner.adt.lang == "Vec"):
            return BorrowIter(m, v, inner)
        from .vec import slice_of
        s = slice_of(m, v, ty)
        return SliceIter(m, s, 0, s.meta or 0)
    lang = ty.adt.lang if isinstance(ty, T.Adt) else None
    if lang in ("Range", "RangeInclusive"):
        return RangeIter(m, v, lang == "RangeInclusive")
    if lang == "RangeFrom":
        return BorrowIter(m, m.temp_ptr(v, ty), ty)
    if lang == "Vec":
        return VecIntoIter(m, v, ty.args[0])
    if lang == "Option":
        return ListIter(m, [v[1]] if v[0] == 1 else [], ty.args[0])
    if lang == "Result":
        if v[0] == 0:
            return ListIter(m, [v[1]], ty.args[0])
        m.drop_value(v[1], ty.args[1])  # the iterator owned the Err and yields nothing
        return ListIter(m, [], ty.args[0])
    if isinstance(ty, T.Array):
        return ListIter(m, list(v), ty.elem)
    return UserIter(m, v, ty)


def next_item(m: Any, it: PyIter) -> Any:
    return it.next()


def item_ty(m: Any, iter_ty: Any) -> Any:
    """`<iter_ty as Iterator>::Item`, or None when the type checker cannot say."""
    tr = m.tcx.lang_trait("Iterator")
    if tr is None:
        return None
    ty = m.view.normalize(T.Projection(tr, iter_ty, "Item"))
    unknown = (T.Projection, T.Infer, T.ErrorTy, T.Param)
    return None if any(isinstance(t, unknown) for t in T.walk(ty)) else ty


def deref_all(m: Any, x: Any) -> Any:
    while x.__class__ is Ptr:
        x = m.mem.load(x)
    return x


# ---------------------------------------------------------------- adapters

class Map(PyIter):
    def __init__(self, m: Any, inner: PyIter, f: Any, fty: Any) -> None:
        self.m, self.inner, self.f, self.fty = m, inner, f, fty

    def next(self) -> Any:
        x = self.inner.next()
        return None if x is None else self.m.call_value(self.f, self.fty, [x])

    def next_back(self) -> Any:
        x = self.inner.next_back()
        return None if x is None else self.m.call_value(self.f, self.fty, [x])

    def remaining(self) -> int:
        return self.inner.remaining()

    def drop(self) -> None:
        self.inner.drop()
        if self.f is not None:
            self.m.drop_value(self.f, self.fty)
            self.f = None


class Filter(Map):
    def __init__(self, m: Any, inner: PyIter, f: Any, fty: Any, item: Any) -> None:
        super().__init__(m, inner, f, fty)
        self.item = item

    def _ok(self, x: Any) -> bool:
        return bool(self.m.call_value(self.f, self.fty, [self.m.temp_ptr(x, self.item)]))

    def next(self) -> Any:
        while True:
            x = self.inner.next()
            if x is None or self._ok(x):
                return x
            self.m.drop_value(x, self.item)

    def next_back(self) -> Any:
        while True:
            x = self.inner.next_back()
            if x is None or self._ok(x):
                return x


class FilterMap(Map):
    def next(self) -> Any:
        while True:
            x = self.inner.next()
            if x is None:
                return None
            r = self.m.call_value(self.f, self.fty, [x])
            if r[0] == 1:
                return r[1]


class Inspect(Filter):
    def next(self) -> Any:
        x = self.inner.next()
        if x is not None:
            self.m.call_value(self.f, self.fty, [self.m.temp_ptr(x, self.item)])
        return x


class TakeWhile(Filter):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.done = False

    def next(self) -> Any:
        if self.done:
            return None
        x = self.inner.next()
        if x is None or not self._ok(x):
            self.done = True
            return None
        return x


class SkipWhile(Filter):
    def __init__(self, *args: Any) -> None:
        super().__init__(*args)
        self.started = False

    def next(self) -> Any:
        while True:
            x = self.inner.next()
            if x is None or self.started or not self._ok(x):
                self.started = True
                return x


class Enumerate(PyIter):
    def __init__(self, m: Any, inner: PyIter) -> None:
        self.m, self.inner, self.n = m, inner, 0

    def next(self) -> Any:
        x = self.inner.next()
        if x is None:
            return None
        self.n += 1
        return [self.n - 1, x]

    def next_back(self) -> Any:
        k = self.inner.remaining()
        x = self.inner.next_back()
        return None if x is None else [self.n + k - 1, x]

    def remaining(self) -> int:
        return self.inner.remaining()

    def drop(self) -> None:
        self.inner.drop()


class Zip(PyIter):
    def __init__(self, m: Any, a: PyIter, b: PyIter) -> None:
        self.m, self.a, self.b = m, a, b

    def next(self) -> Any:
        x = self.a.next()
        if x is None:
            return None
        y = self.b.next()
        return None if y is None else [x, y]

    def remaining(self) -> int:
        return min(self.a.remaining(), self.b.remaining())

    def drop(self) -> None:
        self.a.drop()
        self.b.drop()


class Chain(Zip):
    def next(self) -> Any:
        x = self.a.next()
        return x if x is not None else self.b.next()

    def next_back(self) -> Any:
        x = self.b.next_back()
        return x if x is not None else self.a.next_back()

    def remaining(self) -> int:
        return self.a.remaining() + self.b.remaining()


class Rev(PyIter):
    def __init__(self, m: Any, inner: PyIter) -> None:
        self.m, self.inner = m, inner

    def next(self) -> Any:
        return self.inner.next_back()

    def next_back(self) -> Any:
        return self.inner.next()

    def remaining(self) -> int:
        return self.inner.remaining()

    def drop(self) -> None:
        self.inner.drop()


class Take(Rev):
    def __init__(self, m: Any, inner: PyIter, n: int) -> None:
        super().__init__(m, inner)
        self.n = n

    def next(self) -> Any:
        if self.n <= 0:
            return None
        self.n -= 1
        return self.inner.next()

    def remaining(self) -> int:
        return min(self.n, self.inner.remaining())


class Skip(Rev):
    def __init__(self, m: Any, inner: PyIter, n: int) -> None:
        super().__init__(m, inner)
        self.n = n

    def next(self) -> Any:
        while self.n > 0:
            self.n -= 1
            if self.inner.next() is None:
                return None
        return self.inner.next()

    def next_back(self) -> Any:
        if self.remaining() <= 0:
            return None
        return self.inner.next_back()

    def remaining(self) -> int:
        return max(0, self.inner.remaining() - self.n)


class StepBy(Rev):
    def __init__(self, m: Any, inner: PyIter, n: int) -> None:
        super().__init__(m, inner)
        self.n, self.first = n, True

    def next(self) -> Any:
        if self.first:
            self.first = False
            return self.inner.next()
        for _ in range(self.n - 1):
            if self.inner.next() is None:
                return None
        return self.inner.next()


class Copied(Rev):
    def __init__(self, m: Any, inner: PyIter, ty: Any) -> None:
        super().__init__(m, inner)
        self.ty = ty

    def _c(self, x: Any) -> Any:
        if x is None:
            return None
        v = self.m.mem.load(x)
        return clone_value(self.m, v, self.ty, x) if self.ty is not None else copy_value(v)

    def next(self) -> Any:
        return self._c(self.inner.next())

    def next_back(self) -> Any:
        return self._c(self.inner.next_back())


class Peekable(Rev):
    """Peekable: the peeked item waits in its own slot, so `peek_mut` can change it."""

    def __init__(self, m: Any, inner: PyIter) -> None:
        super().__init__(m, inner)
        self.slot: Any = None
        self.has = False

    def next(self) -> Any:
        if self.has:
            self.has = False
            return self.slot.value if self.slot is not None else None
        return self.inner.next()

    def peek(self) -> Any:
        slot = self.peek_slot()
        return None if slot is None else slot.value

    def peek_slot(self) -> Any:
        """The slot holding the next item (None at the end), filling it on first use."""
        if not self.has:
            v = self.inner.next()
            self.slot = None if v is None else self.m.mem.allocate("stack", None, 0, v, None, "peeked")
            self.has = True
        return self.slot


class FlatMap(Map):
    def __init__(self, m: Any, inner: PyIter, f: Any, fty: Any, out_ty: Any) -> None:
        super().__init__(m, inner, f, fty)
        self.cur: Optional[PyIter] = None
        self.out_ty = out_ty

    def next(self) -> Any:
        while True:
            if self.cur is not None:
                x = self.cur.next()
                if x is not None:
                    return x
            y = self.inner.next()
            if y is None:
                return None
            v = self.m.call_value(self.f, self.fty, [y]) if self.f is not None else y
            self.cur = make_iter(self.m, v, self.out_ty)


class Scan(Map):
    def __init__(self, m: Any, inner: PyIter, state_p: Ptr, f: Any, fty: Any) -> None:
        super().__init__(m, inner, f, fty)
        self.state_p = state_p

    def next(self) -> Any:
        x = self.inner.next()
        if x is None:
            return None
        r = self.m.call_value(self.f, self.fty, [self.state_p, x])
        return r[1] if r[0] == 1 else None
