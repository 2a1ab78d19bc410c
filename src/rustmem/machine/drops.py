"""Drop glue: what dropping a value of each type does, built once per type.

In: a type.  Out: a function `glue(value)` that runs the user's `Drop::drop` (on a
temporary place holding the value, so `&mut self` works), then drops the fields, and frees
what std types own (Box, Vec, String, Rc...) through `Memory.deallocate` — so a second free
of the same block is reported as a double free at the statement doing it.
"""
from __future__ import annotations

from typing import Any, Callable

from ..types import ty as T
from .memory import UNINIT, Ptr

Glue = Callable[[Any], None]


def _noop(v: Any) -> None:
    return None


def make_glue(m: Any, ty: Any) -> Glue:
    view = m.view
    if not view.needs_drop(ty):
        return _noop
    if isinstance(ty, T.Adt):
        lang = ty.adt.lang
        maker = STD_GLUE.get(lang) if lang else None
        if maker is not None:
            return maker(m, ty)
        return _adt_glue(m, ty)
    if isinstance(ty, (T.Tuple, T.ClosureTy)):
        return _fields_glue(m, view.field_tys(ty))
    if isinstance(ty, T.Array):
        inner = m.drop_glue(ty.elem)

        def array(v: Any) -> None:
            for x in v:
                if x is not UNINIT:
                    inner(x)
        return array
    return _object_glue


def _object_glue(v: Any) -> None:
    """Values the machine keeps as Python objects (std iterators) drop what they own."""
    drop = getattr(v, "drop", None)
    if drop is not None:
        drop()


def _fields_glue(m: Any, tys: list, offset: int = 0) -> Glue:
    glues = [(i + offset, m.drop_glue(t)) for i, t in enumerate(tys) if m.view.needs_drop(t)]

    def fields(v: Any) -> None:
        if v.__class__ is not list:
            return _object_glue(v)
        for i, g in glues:
            x = v[i]
            if x is not UNINIT:
                g(x)
    return fields


def _adt_glue(m: Any, ty: Any) -> Glue:
    view = m.view
    adt = ty.adt
    if adt.is_enum:
        per_variant = [_fields_glue(m, view.field_tys(ty, i), 1) for i in range(len(adt.variants))]

        def fields(v: Any) -> None:
            if v.__class__ is list:
                per_variant[v[0]](v)
            else:
                _object_glue(v)
    else:
        fields = _fields_glue(m, view.field_tys(ty))
    drop_fn = view.drop_impl(adt)
    if drop_fn is None:
        return fields

    def user_drop(v: Any) -> None:
        callee = m.callee(drop_fn, tuple(ty.args))
        if callee.kind != "body":  # a std type's Drop: the machine's own value knows what it owns
            if v.__class__ is not list:
                return _object_glue(v)
            return fields(v)
        a = m.mem.allocate("stack", ty, view.size_of(ty), v, None, "self")
        try:
            m.call_sync(callee, [m.mem.retag(Ptr(a), "mut")])
        finally:
            if a.live:
                m.mem.free(a, None)
        fields(a.value)
    return user_drop


# ---------------------------------------------------------------- std types

def _box_glue(m: Any, ty: Any) -> Glue:
    inner_ty = ty.args[0] if ty.args else T.UNIT
    mem = m.mem
    needs = m.view.needs_drop(inner_ty)

    elem = inner_ty.elem if isinstance(inner_ty, T.Slice) else (T.U8 if isinstance(inner_ty, T.Str) else None)
    elem_size = m.view.size_of(elem) if elem is not None else 0
    size = None if elem is not None else m.view.size_of(inner_ty)

    def box(v: Any) -> None:
        if needs:
            inner = mem.load(v)
            if inner is not UNINIT:
                m.drop_glue(inner_ty)(inner)
        mem.deallocate(v, None, size if elem is None else (v.meta or 0) * elem_size)
    return box


def _vec_glue(m: Any, ty: Any) -> Glue:
    elem_ty = ty.args[0] if ty.args else T.U8
    mem = m.mem
    needs = m.view.needs_drop(elem_ty)
    size = m.view.size_of(elem_ty)

    def vec(v: Any) -> None:
        ptr, cap, length = v[0], v[1], v[2]
        if needs:
            g = m.drop_glue(elem_ty)
            for i in range(length):
                x = mem.load(ptr.offset(i))
                if x is not UNINIT:
                    g(x)
        if cap:
            mem.deallocate(ptr, None, cap * size)
    return vec


def _string_glue(m: Any, ty: Any) -> Glue:
    mem = m.mem

    def string(v: Any) -> None:
        if v[1]:
            mem.deallocate(v[0], None, v[1])
    return string


def _rc_glue(m: Any, ty: Any) -> Glue:
    inner_ty = ty.args[0] if ty.args else T.UNIT
    mem = m.mem

    def rc(v: Any) -> None:
        box = mem.load(v)
        box[0] -= 1
        if m.tracer is not None:
            m.tracer.event("rc_dec", m.steps, alloc=v.alloc.id, strong=box[0])
        if box[0] == 0:
            value, box[2] = box[2], UNINIT
            m.drop_value(value, inner_ty)
            box[1] -= 1
            if box[1] == 0:
                mem.deallocate(Ptr(v.alloc), None)
    return rc


def _weak_glue(m: Any, ty: Any) -> Glue:
    mem = m.mem

    def weak(v: Any) -> None:
        if v.alloc is None:
            return
        box = mem.load(v)
        box[1] -= 1
        if box[1] == 0 and box[0] == 0:
            mem.deallocate(Ptr(v.alloc), None)
    return weak


def _cell_glue(m: Any, ty: Any) -> Glue:
    """Cell / UnsafeCell: [value]; RefCell: [flag, value]."""
    inner_ty = ty.args[0] if ty.args else T.UNIT
    index = 1 if ty.adt.lang == "RefCell" else 0

    def cell(v: Any) -> None:
        m.drop_value(v[index], inner_ty)
    return cell


def _guard_glue(m: Any, ty: Any) -> Glue:
    """Ref / RefMut: [value pointer, pointer to the RefCell]; dropping gives the borrow back."""
    mutable = ty.adt.lang == "RefMut"
    mem = m.mem

    def guard(v: Any) -> None:
        cell = mem.load(v[1])
        if mutable:
            cell[0] = 0
        else:
            cell[0] -= 1
    return guard


STD_GLUE: dict[str, Callable[[Any, Any], Glue]] = {
    "Box": _box_glue, "Vec": _vec_glue, "String": _string_glue, "Rc": _rc_glue, "Weak": _weak_glue,
    "Cell": _cell_glue, "UnsafeCell": _cell_glue, "RefCell": _cell_glue, "Ref": _guard_glue, "RefMut": _guard_glue,
    "ManuallyDrop": lambda m, ty: _noop, "MaybeUninit": lambda m, ty: _noop,
}
