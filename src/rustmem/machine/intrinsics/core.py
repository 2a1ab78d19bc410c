"""mem::*, ptr::*, raw pointer methods, Box, process::exit, and the formatting macros
(`fmt::print`, `fmt::format`, `fmt::panic`, `fmt::write`, `panic::assert_failed`)."""
from __future__ import annotations

from typing import Any

from ...types import ty as T
from .. import fmt as F
from ..errors import ProgramExit, RustPanic, UbClass, UndefinedBehavior
from ..fmtargs import ValueArg, format_args, make_args
from ..memory import NULL, UNINIT, Ptr, copy_value
from ..tys import is_scalar, pointee
from ..values import new_string, ok, read_str, some, none
from . import intrinsic


def arg_ty(info: Any, i: int, name: str = "T") -> Any:
    t = info.ty(name) if info is not None else None
    if t is None and info is not None and i < len(info.arg_tys):
        t = info.arg_tys[i]
    return t


def ptr_ty(info: Any, i: int = 0) -> Any:
    """The pointee type of the i-th argument (a reference or raw pointer)."""
    t = info.arg_tys[i] if info is not None and i < len(info.arg_tys) else None
    return pointee(t) if t is not None else None


def checked_read(m: Any, p: Ptr, ty: Any) -> Any:
    """A typed copy out of memory: scalars must be initialised (Miri's validity check)."""
    v = m.mem.load(p)
    if v is UNINIT and ty is not None and (is_scalar(ty) or isinstance(ty, T.Adt)):
        raise UndefinedBehavior(UbClass.UNINIT_READ, "using uninitialized data, but this operation requires initialized memory", (p.alloc,))
    return copy_value(v)


# ---------------------------------------------------------------- mem

@intrinsic("mem::drop")
def mem_drop(m: Any, a: list, info: Any) -> Any:
    m.drop_value(a[0], arg_ty(info, 0))
    _taken(m, a[0], arg_ty(info, 0))
    return ()


@intrinsic("mem::forget")
def mem_forget(m: Any, a: list, info: Any) -> Any:
    _taken(m, a[0], arg_ty(info, 0))
    return ()


def _taken(m: Any, v: Any, ty: Any) -> None:
    """A closure handed to a std function is dropped when the call returns, unless the
    function consumed it: `drop` and `forget` have already decided its fate."""
    if isinstance(ty, T.ClosureTy):
        m.consumed.add(id(v))


@intrinsic("mem::swap")
def mem_swap(m: Any, a: list, info: Any) -> Any:
    x, y = m.mem.load(a[0]), m.mem.load(a[1])
    m.mem.store(a[0], y)
    m.mem.store(a[1], x)
    return ()


@intrinsic("mem::replace")
def mem_replace(m: Any, a: list, info: Any) -> Any:
    old = m.mem.load(a[0])
    m.mem.store(a[0], a[1])
    return old


@intrinsic("mem::take")
def mem_take(m: Any, a: list, info: Any) -> Any:
    ty = arg_ty(info, 0) if info.ty("T") is not None else ptr_ty(info)
    old = m.mem.load(a[0])
    m.mem.store(a[0], default_value(m, ty))
    return old


def default_value(m: Any, ty: Any) -> Any:
    """`T::default()`."""
    if isinstance(ty, T.Int):
        return 0
    if isinstance(ty, T.Float):
        return 0.0
    if isinstance(ty, T.Bool):
        return False
    if isinstance(ty, T.Char):
        return "\0"
    if isinstance(ty, T.Tuple):
        return [default_value(m, e) for e in ty.elems] if ty.elems else ()
    if isinstance(ty, T.Adt):
        lang = ty.adt.lang
        if lang == "String":
            return new_string(m, "")
        if lang == "Vec":
            from ..values import DANGLING
            return [DANGLING, 0, 0]
        if lang == "Option":
            return none()
    return m.call_trait("Default", "default", ty, [])


@intrinsic("mem::size_of")
def mem_size_of(m: Any, a: list, info: Any) -> Any:
    return m.view.size_of(info.ty("T"))


@intrinsic("mem::size_of_val")
def mem_size_of_val(m: Any, a: list, info: Any) -> Any:
    ty = info.ty("T")
    if isinstance(ty, (T.Slice, T.Str)):
        return (a[0].meta or 0) * (m.view.size_of(ty.elem) if isinstance(ty, T.Slice) else 1)
    return m.view.size_of(ty)


@intrinsic("mem::align_of", "mem::align_of_val")
def mem_align_of(m: Any, a: list, info: Any) -> Any:
    try:
        return int(m.tcx.layout(info.ty("T")).align)
    except Exception:
        return min(8, max(1, m.view.size_of(info.ty("T"))))


@intrinsic("mem::needs_drop")
def mem_needs_drop(m: Any, a: list, info: Any) -> Any:
    return m.view.needs_drop(info.ty("T"))


@intrinsic("mem::discriminant")
def mem_discriminant(m: Any, a: list, info: Any) -> Any:
    v = m.mem.load(a[0])
    return [v[0] if v.__class__ is list else 0, ()]


@intrinsic("<Discriminant as PartialEq>::eq")
def discriminant_eq(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0])[0] == m.mem.load(a[1])[0]


@intrinsic("MaybeUninit::uninit")
def maybe_uninit(m: Any, a: list, info: Any) -> Any:
    return [UNINIT]


@intrinsic("MaybeUninit::new")
def maybe_uninit_new(m: Any, a: list, info: Any) -> Any:
    return [a[0]]


@intrinsic("MaybeUninit::assume_init")
def assume_init(m: Any, a: list, info: Any) -> Any:
    v = a[0][0] if a[0].__class__ is list else a[0]
    ty = info.ty("T")
    if v is UNINIT:
        what = "an integer" if isinstance(ty, T.Int) else f"a value of type `{ty}`"
        raise UndefinedBehavior(UbClass.UNINIT_READ, f"constructing invalid value: encountered uninitialized memory, but expected {what}")
    return v


@intrinsic("MaybeUninit::write")
def maybe_uninit_write(m: Any, a: list, info: Any) -> Any:
    m.mem.store(a[0].project(0), a[1])
    return a[0].project(0)


@intrinsic("MaybeUninit::as_ptr", "MaybeUninit::as_mut_ptr")
def maybe_uninit_as_ptr(m: Any, a: list, info: Any) -> Any:
    return m.mem.retag(a[0].project(0), "raw")


@intrinsic("ManuallyDrop::new")
def manually_drop_new(m: Any, a: list, info: Any) -> Any:
    return [a[0]]


@intrinsic("ManuallyDrop::into_inner")
def manually_drop_into_inner(m: Any, a: list, info: Any) -> Any:
    return a[0][0]


@intrinsic("ManuallyDrop::drop")
def manually_drop_drop(m: Any, a: list, info: Any) -> Any:
    slot = m.mem.load(a[0])
    m.drop_value(slot[0], info.ty("T"))
    return ()


@intrinsic("<ManuallyDrop as Deref>::deref", "<ManuallyDrop as DerefMut>::deref_mut")
def manually_drop_deref(m: Any, a: list, info: Any) -> Any:
    return a[0].project(0)


# ---------------------------------------------------------------- ptr

@intrinsic("ptr::null", "ptr::null_mut")
def ptr_null(m: Any, a: list, info: Any) -> Any:
    return NULL


@intrinsic("ptr::dangling", "ptr::dangling_mut", "NonNull::dangling")
def ptr_dangling(m: Any, a: list, info: Any) -> Any:
    return Ptr(None, (), 0, None, False, 1)


@intrinsic("ptr::read", "ptr::read_unaligned", "*const::read", "*mut::read")
def ptr_read(m: Any, a: list, info: Any) -> Any:
    return checked_read(m, a[0], ptr_ty(info))


@intrinsic("ptr::write", "ptr::write_unaligned", "*mut::write")
def ptr_write(m: Any, a: list, info: Any) -> Any:
    m.mem.store(a[0], a[1])
    return ()


@intrinsic("ptr::replace", "*mut::replace")
def ptr_replace(m: Any, a: list, info: Any) -> Any:
    old = m.mem.load(a[0])
    m.mem.store(a[0], a[1])
    return old


@intrinsic("ptr::swap", "*mut::swap")
def ptr_swap(m: Any, a: list, info: Any) -> Any:
    return mem_swap(m, a, info)


@intrinsic("ptr::copy", "ptr::copy_nonoverlapping")
def ptr_copy(m: Any, a: list, info: Any) -> Any:
    src, dst, n = a
    vals = [copy_value(m.mem.load(src.offset(i))) for i in range(n)]
    for i, v in enumerate(vals):
        m.mem.store(dst.offset(i), v)
    return ()


@intrinsic("ptr::drop_in_place", "*mut::drop_in_place")
def ptr_drop_in_place(m: Any, a: list, info: Any) -> Any:
    # The bytes stay as they were (dropping twice is a double free, as in Miri).
    m.drop_value(m.mem.load(a[0]), ptr_ty(info))
    return ()


@intrinsic("ptr::eq", "ptr::addr_eq")
def ptr_eq(m: Any, a: list, info: Any) -> Any:
    return a[0] == a[1]


@intrinsic("*const::is_null", "*mut::is_null")
def ptr_is_null(m: Any, a: list, info: Any) -> Any:
    return a[0].is_null


@intrinsic("*const::add", "*mut::add", "*const::offset", "*mut::offset", "*const::wrapping_add",
           "*mut::wrapping_add", "*const::wrapping_offset", "*mut::wrapping_offset")
def ptr_add(m: Any, a: list, info: Any) -> Any:
    return a[0].offset(a[1])


@intrinsic("*const::sub", "*mut::sub", "*const::wrapping_sub", "*mut::wrapping_sub")
def ptr_sub(m: Any, a: list, info: Any) -> Any:
    return a[0].offset(-a[1])


@intrinsic("*const::offset_from", "*mut::offset_from")
def ptr_offset_from(m: Any, a: list, info: Any) -> Any:
    p, q = a
    if p.alloc is not q.alloc:
        raise UndefinedBehavior(UbClass.OUT_OF_BOUNDS, "`offset_from` called on pointers into different allocations")
    return (p.path[-1] if p.elem else 0) + p.delta - (q.path[-1] if q.elem else 0) - q.delta


@intrinsic("*const::cast", "*mut::cast", "*const::cast_mut", "*mut::cast_const", "NonNull::as_ptr")
def ptr_cast(m: Any, a: list, info: Any) -> Any:
    return a[0]


@intrinsic("*const::addr", "*mut::addr")
def ptr_addr(m: Any, a: list, info: Any) -> Any:
    return a[0].address()


@intrinsic("*const::as_ref", "*mut::as_ref", "*mut::as_mut")
def ptr_as_ref(m: Any, a: list, info: Any) -> Any:
    return none() if a[0].is_null else some(a[0])


@intrinsic("NonNull::new")
def nonnull_new(m: Any, a: list, info: Any) -> Any:
    return none() if a[0].is_null else some(a[0])


@intrinsic("NonNull::new_unchecked", "NonNull::from")
def nonnull_from(m: Any, a: list, info: Any) -> Any:
    return a[0]


# ---------------------------------------------------------------- Box

@intrinsic("Box::new")
def box_new(m: Any, a: list, info: Any) -> Any:
    ty = info.ty("T")
    alloc = m.mem.allocate("heap", ty, m.view.size_of(ty), a[0], m.current_span())
    return Ptr(alloc)


@intrinsic("Box::into_raw", "Box::into_non_null")
def box_into_raw(m: Any, a: list, info: Any) -> Any:
    return m.mem.retag(a[0], "raw")


@intrinsic("Box::from_raw", "Box::from_non_null")
def box_from_raw(m: Any, a: list, info: Any) -> Any:
    return a[0]


@intrinsic("Box::leak")
def box_leak(m: Any, a: list, info: Any) -> Any:
    if a[0].alloc is not None:
        a[0].alloc.leaked = True
    return a[0]


@intrinsic("Box::into_inner")
def box_into_inner(m: Any, a: list, info: Any) -> Any:
    v = m.mem.load(a[0])
    m.mem.deallocate(a[0], m.current_span())
    return v


@intrinsic("<Box as Deref>::deref", "<Box as DerefMut>::deref_mut", "<Box as AsRef>::as_ref",
           "<Box as AsMut>::as_mut", "<Box as Borrow>::borrow")
def box_deref(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0])


@intrinsic("<Box as Clone>::clone")
def box_clone(m: Any, a: list, info: Any) -> Any:
    from .traits import clone_value
    ty = info.ty("T")
    p = m.mem.load(a[0])
    v = clone_value(m, m.mem.load(p), ty, p)
    alloc = m.mem.allocate("heap", ty, m.view.size_of(ty), v, m.current_span())
    return Ptr(alloc)


def call_fn_pointer(m: Any, a: list, info: Any) -> Any:
    """`Fn::call(&f, (args,))` where f is a fn pointer value."""
    f = a[0]
    if f.__class__ is Ptr:
        f = m.mem.load(f)
    args = list(a[1]) if len(a) > 1 and a[1] != () else []
    return m.call_sync(m.callee_of_value(f, None), args)


# ---------------------------------------------------------------- process

@intrinsic("process::exit")
def process_exit(m: Any, a: list, info: Any) -> Any:
    raise ProgramExit(a[0])


@intrinsic("process::abort")
def process_abort(m: Any, a: list, info: Any) -> Any:
    raise ProgramExit(134)


# ---------------------------------------------------------------- formatting macros

def _format(m: Any, a: list, info: Any, first: int = 0) -> str:
    template = a[first]
    return format_args(m, template, a[first + 1:], info.arg_tys[first + 1:])


@intrinsic("fmt::print")
def fmt_print(m: Any, a: list, info: Any) -> Any:
    m.write_stdout(_format(m, a, info))
    return ()


@intrinsic("fmt::eprint")
def fmt_eprint(m: Any, a: list, info: Any) -> Any:
    m.write_stderr(_format(m, a, info))
    return ()


@intrinsic("fmt::format")
def fmt_format(m: Any, a: list, info: Any) -> Any:
    return new_string(m, _format(m, a, info))


@intrinsic("fmt::panic")
def fmt_panic(m: Any, a: list, info: Any) -> Any:
    raise RustPanic(_format(m, a, info))


@intrinsic("fmt::write")
def fmt_write(m: Any, a: list, info: Any) -> Any:
    dest = m.mem.load(a[0])
    template, refs, tys = a[1], a[2:], info.arg_tys[2:]
    args = make_args(m, template, refs, tys)
    if isinstance(dest, F.Formatter):
        dest.write_fmt(list(template.pieces), args)
    elif dest.__class__ is Ptr and isinstance(m.mem.load(dest), F.Formatter):
        m.mem.load(dest).write_fmt(list(template.pieces), args)
    else:  # a String through fmt::Write
        from .string import push_str
        push_str(m, dest, F.format(template.pieces, args))
    return ok(())


@intrinsic("panic::assert_failed")
def assert_failed(m: Any, a: list, info: Any) -> Any:
    kind = read_str(m, a[0])
    left = _debug(m, a[1], info.arg_tys[1])
    right = _debug(m, a[2], info.arg_tys[2])
    msg = f"assertion `left {kind} right` failed"
    if len(a) > 3:
        msg += ": " + _format(m, a, info, 3)
    raise RustPanic(f"{msg}\n  left: {left}\n right: {right}")


def _debug(m: Any, v: Any, ty: Any) -> str:
    sink = F.StringSink()
    ValueArg(m, v, ty).fmt("Debug", F.Formatter(sink))
    return sink.text()


# ---------------------------------------------------------------- Formatter methods

def formatter(m: Any, p: Ptr) -> F.Formatter:
    f = m.mem.load(p)
    while f.__class__ is Ptr:
        f = m.mem.load(f)
    return f


@intrinsic("Formatter::write_str", "<Formatter as Write>::write_str")
def formatter_write_str(m: Any, a: list, info: Any) -> Any:
    formatter(m, a[0]).write_str(read_str(m, a[1]))
    return ok(())


@intrinsic("Formatter::pad")
def formatter_pad(m: Any, a: list, info: Any) -> Any:
    formatter(m, a[0]).pad(read_str(m, a[1]))
    return ok(())


@intrinsic("Formatter::width")
def formatter_width(m: Any, a: list, info: Any) -> Any:
    w = formatter(m, a[0]).width()
    return none() if w is None else some(w)


@intrinsic("Formatter::precision")
def formatter_precision(m: Any, a: list, info: Any) -> Any:
    p = formatter(m, a[0]).precision()
    return none() if p is None else some(p)


@intrinsic("Formatter::alternate")
def formatter_alternate(m: Any, a: list, info: Any) -> Any:
    return formatter(m, a[0]).alternate()


@intrinsic("Formatter::write_char", "<Formatter as Write>::write_char")
def formatter_write_char(m: Any, a: list, info: Any) -> Any:
    formatter(m, a[0]).write_str(a[1])
    return ok(())


# ---------------------------------------------------------------- raw parts

@intrinsic("slice::from_raw_parts", "slice::from_raw_parts_mut")
def slice_from_raw_parts(m: Any, a: list, info: Any) -> Any:
    p = a[0]
    if not p.elem and p.alloc is not None:  # a pointer to one value: a one-element slice over it
        return Ptr(p.alloc, p.path, p.tag, a[1], False, p.delta)
    return p.with_meta(a[1])


@intrinsic("Vec::from_raw_parts", "String::from_raw_parts")
def vec_from_raw_parts(m: Any, a: list, info: Any) -> Any:
    return [a[0], a[2], a[1]]


@intrinsic("mem::transmute")
def mem_transmute(m: Any, a: list, info: Any) -> Any:
    return a[0]


@intrinsic("mem::zeroed", "MaybeUninit::zeroed")
def mem_zeroed(m: Any, a: list, info: Any) -> Any:
    v = default_value(m, info.ty("T"))
    return [v] if info.key.startswith("MaybeUninit") else v


@intrinsic("MaybeUninit::assume_init_read", "MaybeUninit::assume_init_ref", "MaybeUninit::assume_init_mut")
def assume_init_ref(m: Any, a: list, info: Any) -> Any:
    if info.key.endswith("read"):
        return assume_init(m, [m.mem.load(a[0])], info)
    return a[0].project(0)
