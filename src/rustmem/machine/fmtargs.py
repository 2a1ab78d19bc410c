"""The machine's values as `core::fmt` arguments (see fmt.py): one lazy `ValueArg` per
argument, which picks the impl when the format spec says which trait it wants.

Primitive and std types are formatted here with fmt.py's argument classes; a user impl
(`impl Display for Point`) runs the user's `fmt` on the machine with a Formatter value;
a `#[derive(Debug)]` impl is structural (FmtStruct / FmtTuple trees).
"""
from __future__ import annotations

from typing import Any, Optional

from ..types import ty as T
from . import fmt as F
from .errors import UbClass, UndefinedBehavior
from .interp import CallInfo
from .memory import UNINIT, Ptr
from .values import read_str, string_text


class ValueArg:
    """A value of type ty (and the pointer it was read through, when there is one)."""

    __slots__ = ("m", "v", "ty", "ptr")

    def __init__(self, m: Any, v: Any, ty: Any, ptr: Optional[Ptr] = None) -> None:
        self.m = m
        self.v = v
        self.ty = ty
        self.ptr = ptr

    def fmt(self, trait: str, f: F.Formatter) -> None:
        format_value(self.m, self.v, self.ty, trait, f, self.ptr)


def elem_args(m: Any, p: Ptr, n: int, elem_ty: Any) -> list:
    return [ValueArg(m, m.mem.load(q), elem_ty, q) for q in (p.offset(i) for i in range(n))]


def format_value(m: Any, v: Any, ty: Any, trait: str, f: F.Formatter, ptr: Optional[Ptr] = None) -> None:
    mem = m.mem
    while isinstance(ty, T.Ref) and not isinstance(ty.inner, (T.Str, T.Slice)):
        if trait == "Pointer":
            return F.FmtPointer(v.address()).fmt(trait, f)
        ptr, v, ty = v, mem.load(v), ty.inner
    if v is UNINIT:
        raise UndefinedBehavior(UbClass.UNINIT_READ, "using uninitialized data, but this operation requires initialized memory")
    if trait == "Pointer" and v.__class__ is Ptr:
        return F.FmtPointer(v.address()).fmt(trait, f)
    if isinstance(ty, T.Int):
        return F.FmtInt(v, ty.kind).fmt(trait, f)
    if isinstance(ty, T.Float):
        return F.FmtFloat(v, ty.kind).fmt(trait, f)
    if isinstance(ty, T.Bool):
        return F.FmtBool(v).fmt(trait, f)
    if isinstance(ty, T.Char):
        return F.FmtChar(v).fmt(trait, f)
    if isinstance(ty, T.Tuple):
        if not ty.elems:
            if v.__class__ in (bool, int, float, str):  # a value whose type was not recorded
                return _by_value(v).fmt(trait, f)
            return F.FmtUnit().fmt(trait, f)
        return F.FmtTuple("", [ValueArg(m, x, t) for x, t in zip(v, ty.elems)]).fmt(trait, f)
    if isinstance(ty, T.Ref):  # &str / &[T]
        if isinstance(ty.inner, T.Str):
            return F.FmtStr(read_str(m, v)).fmt(trait, f)
        return F.FmtList(elem_args(m, v, v.meta, ty.inner.elem)).fmt(trait, f)
    if isinstance(ty, T.Str):
        return F.FmtStr(read_str(m, ptr)).fmt(trait, f) if ptr is not None else None
    if isinstance(ty, T.Array):
        return F.FmtList([ValueArg(m, x, ty.elem) for x in v]).fmt(trait, f)
    if isinstance(ty, T.Slice):
        return F.FmtList(elem_args(m, ptr, ptr.meta, ty.elem)).fmt(trait, f) if ptr is not None else None
    if isinstance(ty, (T.RawPtr, T.FnPtr, T.FnDefTy)):
        return F.FmtPointer(v.address()).fmt("Pointer", f)
    if isinstance(ty, T.Adt):
        return _format_adt(m, v, ty, trait, f, ptr)
    raise NotImplementedError(f"formatting a value of type {ty}")


def _format_adt(m: Any, v: Any, ty: Any, trait: str, f: F.Formatter, ptr: Optional[Ptr]) -> None:
    lang = ty.adt.lang
    mem = m.mem
    if lang == "String":
        return F.FmtStr(string_text(m, v)).fmt(trait, f)
    if lang == "Vec":
        return F.FmtList(elem_args(m, v[0], v[2], ty.args[0])).fmt(trait, f)
    if lang in ("Box", "NonNull"):
        inner = ty.args[0]
        if trait == "Pointer":
            return F.FmtPointer(v.address()).fmt(trait, f)
        if isinstance(inner, T.Str):
            return F.FmtStr(read_str(m, v)).fmt(trait, f)
        if isinstance(inner, T.Slice):
            return F.FmtList(elem_args(m, v, v.meta, inner.elem)).fmt(trait, f)
        return format_value(m, mem.load(v), inner, trait, f, v)
    if lang == "Rc":
        if trait == "Pointer":
            return F.FmtPointer(v.address()).fmt(trait, f)
        return format_value(m, mem.load(v)[2], ty.args[0], trait, f, v.project(2))
    if lang == "Weak":
        return F.FmtStr("(Weak)").fmt("Display", f)
    if lang in ("Ref", "RefMut"):
        return format_value(m, mem.load(v[0]), ty.args[0], trait, f, v[0])
    if lang == "RefCell" and trait == "Debug":
        if v[0] < 0:
            return F.FmtStruct("RefCell", [("value", _Borrowed())]).fmt(trait, f)
        return F.FmtStruct("RefCell", [("value", ValueArg(m, v[1], ty.args[0]))]).fmt(trait, f)
    if lang in ("Cell", "UnsafeCell") and trait == "Debug":
        return F.FmtStruct(ty.adt.name, [("value", ValueArg(m, v[0], ty.args[0]))]).fmt(trait, f)
    if lang in ("Range", "RangeInclusive") and trait == "Debug":
        sep = ".." if lang == "Range" else "..="
        ValueArg(m, v[0], ty.args[0]).fmt(trait, f)
        f.write_str(sep)
        return ValueArg(m, v[1], ty.args[0]).fmt(trait, f)
    callee = user_impl(m, trait, ty)
    if callee is not None:
        return call_user_fmt(m, callee, v, ty, f, ptr)
    if trait == "Debug":
        return structural_debug(m, v, ty).fmt(trait, f)
    std = std_impl(m, trait, ty)
    if std is not None:  # a std type's own impl (ParseIntError's Display, ...)
        self_ptr = ptr if ptr is not None else m.temp_ptr(v, ty)
        return m.call_sync(std, [self_ptr, m.temp_ptr(f, None)], CallInfo(std.fn, (), [T.Ref(T.ERASED, False, ty)], None, None))
    raise NotImplementedError(f"`{ty}` does not implement {trait} in the machine")


def _by_value(v: Any) -> Any:
    if v.__class__ is bool:
        return F.FmtBool(v)
    if v.__class__ is int:
        return F.FmtInt(v, "i64")
    if v.__class__ is float:
        return F.FmtFloat(v)
    return F.FmtChar(v)


class _Borrowed:
    def fmt(self, trait: str, f: F.Formatter) -> None:
        f.write_str("<borrowed>")


def structural_debug(m: Any, v: Any, ty: Any) -> Any:
    """Debug as `#[derive(Debug)]` writes it."""
    adt = ty.adt
    variant = v[0] if adt.is_enum else 0
    vdef = adt.variants[variant]
    values = v[1:] if adt.is_enum else v
    tys = m.view.field_tys(ty, variant)
    args = [ValueArg(m, x, t) for x, t in zip(values, tys)]
    if vdef.kind == "named":
        return F.FmtStruct(vdef.name if adt.is_enum else adt.name, list(zip([fd.name for fd in vdef.fields], args)))
    return F.FmtTuple(vdef.name if adt.is_enum else adt.name, args)


def find_trait(m: Any, name: str) -> Any:
    tcx = m.tcx
    t = tcx.lang_trait(name) if hasattr(tcx, "lang_trait") else None
    return t


def user_impl(m: Any, trait: str, ty: Any) -> Any:
    """The callee of `<ty as trait>::fmt` when it has a MIR body (a user impl), else None."""
    tr = find_trait(m, trait)
    if tr is None or "fmt" not in tr.methods:
        return None
    callee = m.callee(tr.methods["fmt"], (ty,))
    return callee if callee.kind == "body" else None


def std_impl(m: Any, trait: str, ty: Any) -> Any:
    """The callee of a std type's `<ty as trait>::fmt` intrinsic, or None."""
    tr = find_trait(m, trait)
    if tr is None or "fmt" not in tr.methods:
        return None
    callee = m.callee(tr.methods["fmt"], (ty,))
    if callee.kind != "intrinsic" or getattr(callee.intrinsic, "missing", False):
        return None
    return callee


def call_user_fmt(m: Any, callee: Any, v: Any, ty: Any, f: F.Formatter, ptr: Optional[Ptr]) -> None:
    self_ptr = ptr if ptr is not None else m.temp_ptr(v, ty)
    m.call_sync(callee, [self_ptr, m.temp_ptr(f, None)])


def make_args(m: Any, template: Any, refs: list, ref_tys: list) -> list:
    """One argument per reference; those used as `width$` / `.prec$` counts become ints."""
    args: list = [ValueArg(m, r, t) for r, t in zip(refs, ref_tys)]
    for piece in template.pieces:
        for k in (getattr(piece, "width_arg", None), getattr(piece, "precision_arg", None)):
            if k is not None and isinstance(args[k], ValueArg):
                v = refs[k]
                while v.__class__ is Ptr:
                    v = m.mem.load(v)
                args[k] = F.FmtInt(v, "usize")  # a count, and still printable as itself
    return args


def format_args(m: Any, template: Any, refs: list, ref_tys: list) -> str:
    """Run a FormatTemplate over the argument references: the formatted text."""
    return F.format(template.pieces, make_args(m, template, refs, ref_tys))


def write_args(m: Any, f: F.Formatter, template: Any, refs: list, ref_tys: list) -> None:
    args = [ValueArg(m, r, t) for r, t in zip(refs, ref_tys)]
    F.format_into(f.out if hasattr(f, "out") else f, template.pieces, args)


def display_text(m: Any, v: Any, ty: Any, trait: str = "Display") -> str:
    sink = F.StringSink()
    ValueArg(m, v, ty).fmt(trait, F.Formatter(sink))
    return sink.text()
