"""Cell, RefCell (with its borrow flag and Rust's panics), the Ref/RefMut guards, and Rc/Weak
(counts in the heap block [strong, weak, value]; the strong owners hold one weak count)."""
from __future__ import annotations

from typing import Any

from ...types import ty as T
from ..errors import RustPanic
from ..memory import Ptr, copy_value
from ..values import err, none, ok, some
from . import intrinsic
from .core import default_value


def _inner(info: Any) -> Any:
    t = info.ty("T")
    if t is None:
        a0 = info.arg_tys[0] if info.arg_tys else None
        while isinstance(a0, T.Ref):
            a0 = a0.inner
        t = a0.args[0] if isinstance(a0, T.Adt) and a0.args else None
    return t


# ---------------------------------------------------------------- Cell

@intrinsic("Cell::new", "UnsafeCell::new")
def cell_new(m: Any, a: list, info: Any) -> Any:
    return [a[0]]


@intrinsic("Cell::get")
def cell_get(m: Any, a: list, info: Any) -> Any:
    return copy_value(m.mem.load(a[0])[0])


@intrinsic("Cell::set")
def cell_set(m: Any, a: list, info: Any) -> Any:
    c = m.mem.load(a[0])
    old, c[0] = c[0], a[1]
    m.drop_value(old, _inner(info))
    return ()


@intrinsic("Cell::replace")
def cell_replace(m: Any, a: list, info: Any) -> Any:
    c = m.mem.load(a[0])
    old, c[0] = c[0], a[1]
    return old


@intrinsic("Cell::take")
def cell_take(m: Any, a: list, info: Any) -> Any:
    c = m.mem.load(a[0])
    old, c[0] = c[0], default_value(m, _inner(info))
    return old


@intrinsic("Cell::into_inner", "UnsafeCell::into_inner")
def cell_into_inner(m: Any, a: list, info: Any) -> Any:
    return a[0][0]


@intrinsic("Cell::get_mut", "UnsafeCell::get_mut", "Cell::as_ptr", "UnsafeCell::get")
def cell_get_mut(m: Any, a: list, info: Any) -> Any:
    return a[0].project(0)


# ---------------------------------------------------------------- RefCell

@intrinsic("RefCell::new")
def refcell_new(m: Any, a: list, info: Any) -> Any:
    return [0, a[0]]


def _borrow(m: Any, p: Ptr) -> list:
    cell = m.mem.load(p)
    if cell[0] < 0:
        raise RustPanic("RefCell already mutably borrowed")
    cell[0] += 1
    return [p.project(1), p]


def _borrow_mut(m: Any, p: Ptr) -> list:
    cell = m.mem.load(p)
    if cell[0] != 0:
        raise RustPanic("RefCell already borrowed")
    cell[0] = -1
    return [p.project(1), p]


@intrinsic("RefCell::borrow")
def refcell_borrow(m: Any, a: list, info: Any) -> Any:
    return _borrow(m, a[0])


@intrinsic("RefCell::borrow_mut")
def refcell_borrow_mut(m: Any, a: list, info: Any) -> Any:
    return _borrow_mut(m, a[0])


@intrinsic("RefCell::try_borrow")
def refcell_try_borrow(m: Any, a: list, info: Any) -> Any:
    try:
        return ok(_borrow(m, a[0]))
    except RustPanic:
        return err([])  # BorrowError {}


@intrinsic("RefCell::try_borrow_mut")
def refcell_try_borrow_mut(m: Any, a: list, info: Any) -> Any:
    try:
        return ok(_borrow_mut(m, a[0]))
    except RustPanic:
        return err([])


@intrinsic("RefCell::into_inner")
def refcell_into_inner(m: Any, a: list, info: Any) -> Any:
    return a[0][1]


@intrinsic("RefCell::get_mut", "RefCell::as_ptr")
def refcell_get_mut(m: Any, a: list, info: Any) -> Any:
    return a[0].project(1)


@intrinsic("RefCell::replace")
def refcell_replace(m: Any, a: list, info: Any) -> Any:
    cell = m.mem.load(a[0])
    if cell[0] != 0:
        raise RustPanic("RefCell already borrowed")
    old, cell[1] = cell[1], a[1]
    return old


@intrinsic("RefCell::take")
def refcell_take(m: Any, a: list, info: Any) -> Any:
    cell = m.mem.load(a[0])
    if cell[0] != 0:
        raise RustPanic("RefCell already borrowed")
    old, cell[1] = cell[1], default_value(m, _inner(info))
    return old


@intrinsic("<Ref as Deref>::deref", "<RefMut as Deref>::deref", "<RefMut as DerefMut>::deref_mut")
def ref_deref(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0])[0]


@intrinsic("Ref::clone")
def ref_clone(m: Any, a: list, info: Any) -> Any:
    g = m.mem.load(a[0])
    m.mem.load(g[1])[0] += 1
    return list(g)


@intrinsic("Ref::map", "RefMut::map")
def ref_map(m: Any, a: list, info: Any) -> Any:
    g = a[0]
    return [m.call_value(a[1], info.arg_tys[1], [g[0]]), g[1]]


# ---------------------------------------------------------------- Rc / Weak

@intrinsic("Rc::new")
def rc_new(m: Any, a: list, info: Any) -> Any:
    ty = info.ty("T")
    alloc = m.mem.allocate("heap", ty, 16 + m.view.size_of(ty), [1, 1, a[0]], m.current_span(), "RcBox")
    return Ptr(alloc)


def _rc(m: Any, a: list) -> tuple[Ptr, list]:
    p = m.mem.load(a[0])
    return p, m.mem.load(p)


@intrinsic("Rc::clone", "<Rc as Clone>::clone")
def rc_clone(m: Any, a: list, info: Any) -> Any:
    p, box = _rc(m, a)
    box[0] += 1
    if m.tracer is not None:
        m.tracer.event("rc_inc", m.steps, alloc=p.alloc.id, strong=box[0])
    return p


@intrinsic("Rc::strong_count")
def rc_strong_count(m: Any, a: list, info: Any) -> Any:
    return _rc(m, a)[1][0]


@intrinsic("Rc::weak_count")
def rc_weak_count(m: Any, a: list, info: Any) -> Any:
    box = _rc(m, a)[1]
    return box[1] - (1 if box[0] > 0 else 0)


@intrinsic("Rc::downgrade")
def rc_downgrade(m: Any, a: list, info: Any) -> Any:
    p, box = _rc(m, a)
    box[1] += 1
    return p


@intrinsic("Rc::ptr_eq", "Weak::ptr_eq")
def rc_ptr_eq(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0]).alloc is m.mem.load(a[1]).alloc


@intrinsic("Rc::as_ptr")
def rc_as_ptr(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0]).project(2)


@intrinsic("<Rc as Deref>::deref", "<Rc as AsRef>::as_ref", "<Rc as Borrow>::borrow")
def rc_deref(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0]).project(2)


@intrinsic("Rc::get_mut")
def rc_get_mut(m: Any, a: list, info: Any) -> Any:
    p, box = _rc(m, a)
    return some(p.project(2)) if box[0] == 1 and box[1] == 1 else none()


@intrinsic("Rc::try_unwrap", "Rc::into_inner")
def rc_try_unwrap(m: Any, a: list, info: Any) -> Any:
    p = a[0]
    box = m.mem.load(p)
    if box[0] != 1:
        if info.key.endswith("into_inner"):
            m.drop_glue(info.arg_tys[0])(p)
            return none()
        return err(p)
    value = box[2]
    box[0] = 0
    box[1] -= 1
    if box[1] == 0:
        m.mem.deallocate(Ptr(p.alloc), m.current_span())
    return ok(value) if info.key.endswith("try_unwrap") else some(value)


@intrinsic("Weak::new")
def weak_new(m: Any, a: list, info: Any) -> Any:
    return Ptr(None, (), 0, None, False, 1)


@intrinsic("Weak::upgrade")
def weak_upgrade(m: Any, a: list, info: Any) -> Any:
    p = m.mem.load(a[0])
    if p.alloc is None:
        return none()
    box = m.mem.load(p)
    if box[0] == 0:
        return none()
    box[0] += 1
    return some(p)


@intrinsic("Weak::strong_count")
def weak_strong_count(m: Any, a: list, info: Any) -> Any:
    p = m.mem.load(a[0])
    return 0 if p.alloc is None else m.mem.load(p)[0]


@intrinsic("Weak::weak_count")
def weak_weak_count(m: Any, a: list, info: Any) -> Any:
    p = m.mem.load(a[0])
    if p.alloc is None:
        return 0
    box = m.mem.load(p)
    return 0 if box[0] == 0 else box[1] - 1


@intrinsic("<Weak as Clone>::clone")
def weak_clone(m: Any, a: list, info: Any) -> Any:
    p = m.mem.load(a[0])
    if p.alloc is not None:
        m.mem.load(p)[1] += 1
    return p
