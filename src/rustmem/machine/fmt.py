"""Rust's `core::fmt` at run time: `format!`/`println!`/`write!` over the machine's values.

In: the pieces of a parsed format string (`ast.FormatArgs.pieces`: literal text and
`ast.FormatSpec`) and one argument object per argument.  An argument is anything with
`fmt(trait, f)` — `trait` is the name of the formatting trait (`"Display"`, `"Debug"`,
`"LowerHex"`, ...) and `f` a `Formatter` it writes to.  Out: the text (`format`) or writes
into a sink (`format_into`).

The machine wraps its values in the argument classes below (`FmtInt`, `FmtFloat`, `FmtStr`,
..., and `FmtStruct`/`FmtTuple`/`FmtList`/... trees for derived and std `Debug`); a user
`impl Display` becomes an argument whose `fmt` runs the user's method with the Formatter
(`FmtWith`).  The Formatter's layout rules live in `fmt_core`, numbers in `fmt_num`,
escapes in `fmt_text`.
"""
from __future__ import annotations

from dataclasses import replace
from typing import Callable, Optional, Protocol, Sequence, Union

from ..syntax.ast import FormatSpec
from .fmt_core import (
    DebugList,
    DebugMap,
    DebugStruct,
    DebugTuple,
    Formatter,
    Options,
    PadAdapter,
    Sink,
    StringSink,
)
from .fmt_num import INT_BITS, fmt_float, fmt_int, to_f32
from .fmt_text import char_debug, escape_debug, str_debug

__all__ = [
    "DebugList", "DebugMap", "DebugStruct", "DebugTuple", "FmtArg", "FmtBool", "FmtChar",
    "FmtFloat", "FmtInt", "FmtList", "FmtMap", "FmtPointer", "FmtSet", "FmtStr", "FmtStruct",
    "FmtTuple", "FmtUnit", "FmtWith", "Formatter", "Options", "PadAdapter", "Sink",
    "StringSink", "escape_debug", "fmt_option", "format", "format_into", "to_string",
]


class FmtArg(Protocol):
    """A formatting argument: writes itself onto `f` as the trait named `trait` says."""

    def fmt(self, trait: str, f: Formatter) -> None: ...


Piece = Union[str, FormatSpec]


def _unsupported(value: object, trait: str) -> TypeError:
    # The type checker rejects `{:x}` of a struct and the like before the machine runs.
    return TypeError(f"{type(value).__name__} does not implement fmt::{trait}")


# ---------------------------------------------------------------- primitive arguments

class FmtInt:
    """An integer of a named type (`i32`, `u8`, `usize`, ...); value is the mathematical value."""

    __slots__ = ("value", "ty")

    def __init__(self, value: int, ty: str = "i32") -> None:
        if ty not in INT_BITS:
            raise ValueError(f"not an integer type: {ty}")
        self.value = value
        self.ty = ty

    def fmt(self, trait: str, f: Formatter) -> None:
        fmt_int(self.value, self.ty, trait, f)


class FmtFloat:
    """An `f64` or `f32` (an f32 value is rounded to f32 precision on construction)."""

    __slots__ = ("value", "ty")

    def __init__(self, value: float, ty: str = "f64") -> None:
        if ty not in ("f64", "f32"):
            raise ValueError(f"not a float type: {ty}")
        self.value = to_f32(value) if ty == "f32" else float(value)
        self.ty = ty

    def fmt(self, trait: str, f: Formatter) -> None:
        fmt_float(self.value, self.ty, trait, f)


class FmtStr:
    """A `str` / `String`: Display pads, Debug quotes and escapes."""

    __slots__ = ("s",)

    def __init__(self, s: str) -> None:
        self.s = s

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait == "Display":
            f.pad(self.s)
        elif trait == "Debug":
            str_debug(self.s, f)
        else:
            raise _unsupported(self, trait)


class FmtChar:
    """A `char`: Display pads, Debug quotes and escapes."""

    __slots__ = ("c",)

    def __init__(self, c: str) -> None:
        self.c = c

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait == "Display":
            f.pad(self.c)
        elif trait == "Debug":
            char_debug(self.c, f)
        else:
            raise _unsupported(self, trait)


class FmtBool:
    """A `bool`: `true` / `false`, padded, for Display and Debug alike."""

    __slots__ = ("b",)

    def __init__(self, b: bool) -> None:
        self.b = b

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait not in ("Display", "Debug"):
            raise _unsupported(self, trait)
        f.pad("true" if self.b else "false")


class FmtUnit:
    """`()`: Debug only, padded."""

    __slots__ = ()

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait != "Debug":
            raise _unsupported(self, trait)
        f.pad("()")


class FmtPointer:
    """`{:p}` of a pointer or reference: the address in hex; `#` zero-extends to 18 chars."""

    __slots__ = ("addr",)

    def __init__(self, addr: int) -> None:
        self.addr = addr

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait != "Pointer":
            raise _unsupported(self, trait)
        saved = f.options
        options = replace(saved)
        if saved.alternate:
            options.zero_pad = True
            if options.width is None:
                options.width = 64 // 4 + 2
        options.alternate = True
        f.options = options
        fmt_int(self.addr, "usize", "LowerHex", f)
        f.options = saved


# ---------------------------------------------------------------- Debug trees

class FmtStruct:
    """Derived Debug of a struct or struct-like variant: `Name { field: value, .. }`."""

    __slots__ = ("name", "fields", "non_exhaustive")

    def __init__(self, name: str, fields: Sequence[tuple[str, FmtArg]], non_exhaustive: bool = False) -> None:
        self.name = name
        self.fields = fields
        self.non_exhaustive = non_exhaustive

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait != "Debug":
            raise _unsupported(self, trait)
        builder = f.debug_struct(self.name)
        for name, value in self.fields:
            builder.field(name, value)
        if self.non_exhaustive:
            builder.finish_non_exhaustive()
        else:
            builder.finish()


class FmtTuple:
    """Derived Debug of a tuple struct / tuple variant (`Some(1)`), a unit struct or variant
    (`None`: no fields), or a tuple (empty name: `(1, 2)`, `(1,)`)."""

    __slots__ = ("name", "items")

    def __init__(self, name: str, items: Sequence[FmtArg]) -> None:
        self.name = name
        self.items = items

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait != "Debug":
            raise _unsupported(self, trait)
        if not self.items and not self.name:
            f.pad("()")
            return
        builder = f.debug_tuple(self.name)
        for item in self.items:
            builder.field(item)
        builder.finish()


class FmtList:
    """Debug of a Vec, slice or array: `[1, 2, 3]`."""

    __slots__ = ("items",)
    open_close = "[]"

    def __init__(self, items: Sequence[FmtArg]) -> None:
        self.items = items

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait != "Debug":
            raise _unsupported(self, trait)
        builder = DebugList(f, self.open_close[0], self.open_close[1])
        builder.entries(list(self.items))
        builder.finish()


class FmtSet(FmtList):
    """Debug of a set: `{1, 2}`."""

    __slots__ = ()
    open_close = "{}"


class FmtMap:
    """Debug of a map: `{k: v, ...}`."""

    __slots__ = ("pairs",)

    def __init__(self, pairs: Sequence[tuple[FmtArg, FmtArg]]) -> None:
        self.pairs = pairs

    def fmt(self, trait: str, f: Formatter) -> None:
        if trait != "Debug":
            raise _unsupported(self, trait)
        builder = f.debug_map()
        for key, value in self.pairs:
            builder.entry(key, value)
        builder.finish()


class FmtWith:
    """An argument whose formatting is a callback `(trait, f) -> None`, such as a user's
    `impl Display` run by the machine."""

    __slots__ = ("callback",)

    def __init__(self, callback: Callable[[str, Formatter], None]) -> None:
        self.callback = callback

    def fmt(self, trait: str, f: Formatter) -> None:
        self.callback(trait, f)


def fmt_option(value: Optional[FmtArg]) -> FmtArg:
    """Debug of an `Option`: `Some(value)`, or `None` when value is None."""
    return FmtTuple("None", []) if value is None else FmtTuple("Some", [value])


# ---------------------------------------------------------------- format! itself

def _count_arg(arg: Union[FmtArg, int]) -> int:
    """The usize behind a `width$` / `.*` argument."""
    if isinstance(arg, int):
        return arg
    if isinstance(arg, FmtInt):
        return arg.value
    raise TypeError("a width or precision argument must be a usize")


def spec_options(spec: FormatSpec, args: Sequence[Union[FmtArg, int]]) -> Options:
    """The Formatter options of one `{...}`, with `width$`/`.*` read from args."""
    width = _count_arg(args[spec.width_arg]) if spec.width_arg is not None else spec.width
    precision = spec.precision
    if spec.precision_arg is not None:
        precision = _count_arg(args[spec.precision_arg])
    return Options(
        fill=spec.fill,
        align=spec.align,
        sign_plus=spec.sign == "+",
        sign_minus=spec.sign == "-",
        alternate=spec.alternate,
        zero_pad=spec.zero_pad,
        width=width,
        precision=precision,
        debug_hex=spec.debug_hex,
    )


def format_into(out: Sink, pieces: Sequence[Piece], args: Sequence[FmtArg]) -> None:
    """Write the formatted pieces into `out` (what `write!`/`println!` do)."""
    for piece in pieces:
        if isinstance(piece, str):
            out.write_str(piece)
        else:
            args[piece.arg].fmt(piece.trait, Formatter(out, spec_options(piece, args)))


def format(pieces: Sequence[Piece], args: Sequence[FmtArg]) -> str:  # noqa: A001 - Rust's name
    """`format!`: the formatted pieces as a string."""
    sink = StringSink()
    format_into(sink, pieces, args)
    return sink.text()


def to_string(arg: FmtArg) -> str:
    """`ToString::to_string`: Display with default options."""
    sink = StringSink()
    arg.fmt("Display", Formatter(sink))
    return sink.text()
