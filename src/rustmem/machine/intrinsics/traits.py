"""Clone, PartialEq, PartialOrd/Ord, Default, Hash on machine values, and the structural
bodies of `#[derive(...)]` methods.  User impls are called on the machine (static dispatch
through `Machine.call_trait`); std and primitive types are handled here."""
from __future__ import annotations

from typing import Any, Optional

from ...types import ty as T
from ..memory import UNINIT, Ptr, copy_value
from ..values import DANGLING, new_buffer, new_string, ordering, read_str, string_text, some, none
from . import intrinsic


def clone_value(m: Any, v: Any, ty: Any, ptr: Optional[Ptr] = None) -> Any:
    """`Clone::clone` of a value of type ty (ptr: where it lives, for a user impl's &self)."""
    if m.view.is_copy(ty):
        return copy_value(v)
    if isinstance(ty, T.Adt):
        lang = ty.adt.lang
        if lang == "String":
            return new_string(m, string_text(m, v))
        if lang == "Vec":
            elem = ty.args[0]
            items = [clone_value(m, m.mem.load(v[0].offset(i)), elem, v[0].offset(i)) for i in range(v[2])]
            return [new_buffer(m, elem, len(items), items), len(items), len(items)] if items else [DANGLING, 0, 0]
        if lang == "Box":
            inner_ty = ty.args[0]
            inner = clone_value(m, m.mem.load(v), inner_ty, v)
            return Ptr(m.mem.allocate("heap", inner_ty, m.view.size_of(inner_ty), inner, m.current_span()))
        if lang in ("Rc", "Weak"):
            if v.alloc is not None:
                box = m.mem.load(v)
                box[0 if lang == "Rc" else 1] += 1
            return v
        if lang in ("Option", "Result") or (ty.adt.lang is None and _derives(ty, "Clone")):
            return _structural_clone(m, v, ty)
        if lang in ("RefCell", "Cell"):
            return [0, clone_value(m, v[1], ty.args[0])] if lang == "RefCell" else [clone_value(m, v[0], ty.args[0])]
        if lang is None:
            return m.call_trait("Clone", "clone", ty, [ptr if ptr is not None else m.temp_ptr(v, ty)])
    if isinstance(ty, (T.Tuple, T.ClosureTy)):
        return [clone_value(m, x, t) for x, t in zip(v, m.view.field_tys(ty))]
    if isinstance(ty, T.Array):
        return [clone_value(m, x, ty.elem) for x in v]
    return copy_value(v)


def _derives(ty: Any, trait: str) -> bool:
    return trait in getattr(ty.adt, "derives", ())


def _structural_clone(m: Any, v: Any, ty: Any) -> Any:
    if v is UNINIT:
        return v
    if ty.adt.is_enum:
        tys = m.view.field_tys(ty, v[0])
        return [v[0]] + [clone_value(m, x, t) for x, t in zip(v[1:], tys)]
    return [clone_value(m, x, t) for x, t in zip(v, m.view.field_tys(ty))]


def eq_values(m: Any, a: Any, b: Any, ty: Any) -> bool:
    """`PartialEq::eq`."""
    if isinstance(ty, (T.Int, T.Float, T.Bool, T.Char)):
        return a == b
    if isinstance(ty, T.Ref):
        if isinstance(ty.inner, T.Str):
            return read_str(m, a) == read_str(m, b)
        if isinstance(ty.inner, T.Slice):
            return a.meta == b.meta and all(eq_values(m, m.mem.load(a.offset(i)), m.mem.load(b.offset(i)), ty.inner.elem) for i in range(a.meta))
        return eq_values(m, m.mem.load(a), m.mem.load(b), ty.inner)
    if isinstance(ty, T.Tuple):
        return all(eq_values(m, x, y, t) for x, y, t in zip(a, b, ty.elems))
    if isinstance(ty, T.Array):
        return all(eq_values(m, x, y, ty.elem) for x, y in zip(a, b))
    if isinstance(ty, T.Adt):
        lang = ty.adt.lang
        if lang == "String":
            return string_text(m, a) == string_text(m, b)
        if lang == "Vec":
            return a[2] == b[2] and all(eq_values(m, m.mem.load(a[0].offset(i)), m.mem.load(b[0].offset(i)), ty.args[0]) for i in range(a[2]))
        if lang in ("Box", "Rc"):
            x, y = m.mem.load(a), m.mem.load(b)
            if lang == "Rc":
                x, y = x[2], y[2]
            return eq_values(m, x, y, ty.args[0])
        if lang in ("Cell", "RefCell"):
            k = 1 if lang == "RefCell" else 0
            return eq_values(m, a[k], b[k], ty.args[0])
        if lang is not None or _derives(ty, "PartialEq"):
            return _structural_eq(m, a, b, ty)
        return bool(m.call_trait("PartialEq", "eq", ty, [m.temp_ptr(a, ty), m.temp_ptr(b, ty)], (ty,)))
    if isinstance(ty, T.Slice):
        return eq_values(m, a, b, T.Ref(T.ERASED, False, ty))
    return a == b


def _structural_eq(m: Any, a: Any, b: Any, ty: Any) -> bool:
    if ty.adt.is_enum:
        if a[0] != b[0]:
            return False
        return all(eq_values(m, x, y, t) for x, y, t in zip(a[1:], b[1:], m.view.field_tys(ty, a[0])))
    return all(eq_values(m, x, y, t) for x, y, t in zip(a, b, m.view.field_tys(ty)))


def cmp_values(m: Any, a: Any, b: Any, ty: Any) -> Optional[int]:
    """`PartialOrd::partial_cmp` as -1/0/1 (None for NaN)."""
    if isinstance(ty, (T.Int, T.Bool, T.Char, T.Float)):
        if a < b:
            return -1
        if a > b:
            return 1
        return 0 if a == b else None
    if isinstance(ty, T.Ref):
        if isinstance(ty.inner, T.Str):
            x, y = read_str(m, a).encode(), read_str(m, b).encode()
            return (x > y) - (x < y)
        if isinstance(ty.inner, T.Slice):
            return _cmp_seq(m, [m.mem.load(a.offset(i)) for i in range(a.meta)], [m.mem.load(b.offset(i)) for i in range(b.meta)], ty.inner.elem)
        return cmp_values(m, m.mem.load(a), m.mem.load(b), ty.inner)
    if isinstance(ty, T.Tuple):
        for x, y, t in zip(a, b, ty.elems):
            c = cmp_values(m, x, y, t)
            if c != 0:
                return c
        return 0
    if isinstance(ty, T.Array):
        return _cmp_seq(m, a, b, ty.elem)
    if isinstance(ty, T.Adt):
        lang = ty.adt.lang
        if lang == "String":
            x, y = string_text(m, a).encode(), string_text(m, b).encode()
            return (x > y) - (x < y)
        if lang == "Vec":
            return _cmp_seq(m, [m.mem.load(a[0].offset(i)) for i in range(a[2])], [m.mem.load(b[0].offset(i)) for i in range(b[2])], ty.args[0])
        if lang in ("Box",):
            return cmp_values(m, m.mem.load(a), m.mem.load(b), ty.args[0])
        if _is_reverse(ty):
            # `Reverse(x)` is a transparent wrapper whose order is the inner order flipped.
            c = cmp_values(m, a[0], b[0], ty.args[0])
            return None if c is None else -c
        if lang is not None or _derives(ty, "PartialOrd") or _derives(ty, "Ord"):
            if ty.adt.is_enum:
                if a[0] != b[0]:
                    return -1 if a[0] < b[0] else 1
                tys = m.view.field_tys(ty, a[0])
                return _cmp_fields(m, a[1:], b[1:], tys)
            return _cmp_fields(m, a, b, m.view.field_tys(ty))
        r = m.call_trait("PartialOrd", "partial_cmp", ty, [m.temp_ptr(a, ty), m.temp_ptr(b, ty)], (ty,))
        return None if r[0] == 0 else [-1, 0, 1][r[1][0]]
    return _cmp_by_value(m, a, b)


def _is_reverse(ty: T.Adt) -> bool:
    """Whether ty is std's `cmp::Reverse` (a user type of that name is not)."""
    return ty.adt.path in ("cmp::Reverse", "std::cmp::Reverse", "core::cmp::Reverse")


def _cmp_by_value(m: Any, a: Any, b: Any) -> Optional[int]:
    """Compare values whose type is not known precisely (scalars, or references to them)."""
    while a.__class__ is Ptr and b.__class__ is Ptr:
        a, b = m.mem.load(a), m.mem.load(b)
    if a.__class__ in (int, float, str, bool) and b.__class__ in (int, float, str, bool):
        return (a > b) - (a < b)
    if a.__class__ is list and b.__class__ is list:
        for x, y in zip(a, b):
            c = _cmp_by_value(m, x, y)
            if c != 0:
                return c
        return (len(a) > len(b)) - (len(a) < len(b))
    return 0


def _cmp_fields(m: Any, a: list, b: list, tys: list) -> Optional[int]:
    for x, y, t in zip(a, b, tys):
        c = cmp_values(m, x, y, t)
        if c != 0:
            return c
    return 0


def _cmp_seq(m: Any, a: list, b: list, elem: Any) -> Optional[int]:
    for x, y in zip(a, b):
        c = cmp_values(m, x, y, elem)
        if c != 0:
            return c
    return (len(a) > len(b)) - (len(a) < len(b))


def self_ty(info: Any) -> Any:
    t = info.arg_tys[0] if info.arg_tys else None
    return t.inner if isinstance(t, T.Ref) else t


# ---------------------------------------------------------------- derives and std impls

@intrinsic("derive Clone::clone", "<String as Clone>::clone", "<Vec as Clone>::clone", "<Option as Clone>::clone",
           "<Result as Clone>::clone", "<Rc as Clone>::clone", "<Weak as Clone>::clone", "Clone::clone",
           "<RefCell as Clone>::clone", "<Cell as Clone>::clone", "<str as ToOwned>::to_owned")
def derive_clone(m: Any, a: list, info: Any) -> Any:
    ty = self_ty(info)
    if isinstance(ty, T.Str):
        return new_string(m, read_str(m, a[0]))
    return clone_value(m, m.mem.load(a[0]), ty, a[0])


@intrinsic("derive PartialEq::eq", "PartialEq::eq", "<String as PartialEq>::eq", "<Vec as PartialEq>::eq",
           "<Option as PartialEq>::eq", "<Result as PartialEq>::eq", "<str as PartialEq>::eq", "<Box as PartialEq>::eq",
           "<Rc as PartialEq>::eq", "<& as PartialEq>::eq", "<slice as PartialEq>::eq", "<Ordering as PartialEq>::eq",
           "<Cell as PartialEq>::eq", "<RefCell as PartialEq>::eq", "<array as PartialEq>::eq")
def derive_eq(m: Any, a: list, info: Any) -> Any:
    return _eq_refs(m, a, info)


def _eq_refs(m: Any, a: list, info: Any) -> bool:
    lt = info.arg_tys[0]
    rt = info.arg_tys[1] if len(info.arg_tys) > 1 else lt
    x, y = a[0], a[1]
    # Compare as the referents (`&str == String` and friends compare text).
    xs, ys = _text_of(m, x, lt), _text_of(m, y, rt)
    if xs is not None and ys is not None:
        return xs == ys
    ty = lt.inner if isinstance(lt, T.Ref) else lt
    if isinstance(ty, (T.Str, T.Slice)):
        return eq_values(m, x, y, lt)
    return eq_values(m, m.mem.load(x), m.mem.load(y), ty)


def _text_of(m: Any, p: Any, ty: Any) -> Optional[str]:
    """The text behind a reference to str / String / &str (any depth), else None."""
    while isinstance(ty, T.Ref):
        if isinstance(ty.inner, T.Str):
            return read_str(m, p)
        if isinstance(ty.inner, T.Adt) and ty.inner.adt.lang == "String":
            return string_text(m, m.mem.load(p))
        if not isinstance(ty.inner, T.Ref):
            return None
        p, ty = m.mem.load(p), ty.inner
    return None


@intrinsic("derive PartialEq::ne", "PartialEq::ne")
def derive_ne(m: Any, a: list, info: Any) -> Any:
    return not _eq_refs(m, a, info)


@intrinsic("derive PartialOrd::partial_cmp", "PartialOrd::partial_cmp", "<String as PartialOrd>::partial_cmp",
           "<str as PartialOrd>::partial_cmp", "<Reverse as PartialOrd>::partial_cmp")
def derive_partial_cmp(m: Any, a: list, info: Any) -> Any:
    c = _cmp_refs(m, a, info)
    return none() if c is None else some(ordering(c))


@intrinsic("derive Ord::cmp", "Ord::cmp", "<String as Ord>::cmp", "<str as Ord>::cmp", "<Reverse as Ord>::cmp")
def derive_cmp(m: Any, a: list, info: Any) -> Any:
    return ordering(_cmp_refs(m, a, info) or 0)


def _cmp_refs(m: Any, a: list, info: Any) -> Optional[int]:
    ty = info.arg_tys[0]
    xs, ys = _text_of(m, a[0], ty), _text_of(m, a[1], info.arg_tys[1] if len(info.arg_tys) > 1 else ty)
    if xs is not None and ys is not None:
        x, y = xs.encode(), ys.encode()
        return (x > y) - (x < y)
    inner = ty.inner if isinstance(ty, T.Ref) else ty
    if isinstance(inner, (T.Str, T.Slice)):
        return cmp_values(m, a[0], a[1], ty)
    return cmp_values(m, m.mem.load(a[0]), m.mem.load(a[1]), inner)


@intrinsic("PartialOrd::lt", "derive PartialOrd::lt")
def ord_lt(m: Any, a: list, info: Any) -> Any:
    return _cmp_refs(m, a, info) == -1


@intrinsic("PartialOrd::le", "derive PartialOrd::le")
def ord_le(m: Any, a: list, info: Any) -> Any:
    return _cmp_refs(m, a, info) in (-1, 0)


@intrinsic("PartialOrd::gt", "derive PartialOrd::gt")
def ord_gt(m: Any, a: list, info: Any) -> Any:
    return _cmp_refs(m, a, info) == 1


@intrinsic("PartialOrd::ge", "derive PartialOrd::ge")
def ord_ge(m: Any, a: list, info: Any) -> Any:
    return _cmp_refs(m, a, info) in (0, 1)


@intrinsic("Ord::max")
def ord_max(m: Any, a: list, info: Any) -> Any:
    ty = info.ty("Self") or info.arg_tys[0]
    return a[1] if cmp_values(m, a[0], a[1], ty) != 1 else a[0]


@intrinsic("Ord::min")
def ord_min(m: Any, a: list, info: Any) -> Any:
    ty = info.ty("Self") or info.arg_tys[0]
    return a[0] if cmp_values(m, a[0], a[1], ty) != 1 else a[1]


@intrinsic("derive Default::default", "Default::default")
def derive_default(m: Any, a: list, info: Any) -> Any:
    from .core import default_value
    ty = info.ty("Self") or info.ret_ty
    if isinstance(ty, T.Adt) and ty.adt.lang is None:
        return [default_value(m, t) for t in m.view.field_tys(ty)]
    return default_value(m, ty)


@intrinsic("derive Debug::fmt")
def derive_debug(m: Any, a: list, info: Any) -> Any:
    from ..fmtargs import structural_debug
    from .core import formatter
    ty = self_ty(info)
    structural_debug(m, m.mem.load(a[0]), ty).fmt("Debug", formatter(m, a[1]))
    return [0, ()]


@intrinsic("derive Hash::hash", "Hash::hash")
def derive_hash(m: Any, a: list, info: Any) -> Any:
    return ()
