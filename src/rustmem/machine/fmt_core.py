"""The `core::fmt::Formatter` of the machine: options, padding and the Debug builders.

A `Formatter` writes into a sink (anything with `write_str(str)`), carrying the options of
one `{...}` (fill, alignment, sign, `#`, `0`, width, precision).  Everything here follows
`library/core/src/fmt/{mod,builders}.rs` step for step, because the exact output — where
padding goes, when `0x` comes before the zeros, how `{:#?}` indents — is what users compare
against a real Rust binary.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Optional, Protocol

if TYPE_CHECKING:
    from .fmt import FmtArg


class Sink(Protocol):
    """Where formatted text goes: a `String`, stdout, or a `PadAdapter` around another sink."""

    def write_str(self, s: str) -> None: ...


class StringSink:
    """Collects text in a list; `text()` joins it (the `String` behind `format!`)."""

    __slots__ = ("parts",)

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write_str(self, s: str) -> None:
        self.parts.append(s)

    def text(self) -> str:
        return "".join(self.parts)


class _PadState:
    """Whether the next text starts a line; shared by a map's key and value, as in Rust."""

    __slots__ = ("on_newline",)

    def __init__(self) -> None:
        self.on_newline = True


class PadAdapter:
    """Indents by four spaces every line written through it (`{:#?}` nesting)."""

    __slots__ = ("inner", "state")

    def __init__(self, inner: Sink, state: Optional[_PadState] = None) -> None:
        self.inner = inner
        self.state = state if state is not None else _PadState()

    def write_str(self, s: str) -> None:
        # Rust splits inclusively on '\n' only (not on other line breaks).
        start = 0
        while start < len(s):
            end = s.find("\n", start)
            end = len(s) if end < 0 else end + 1
            if self.state.on_newline:
                self.inner.write_str("    ")
            chunk = s[start:end]
            self.state.on_newline = chunk.endswith("\n")
            self.inner.write_str(chunk)
            start = end


@dataclass(slots=True)
class Options:
    """`FormattingOptions`: the flags of one `{...}` as the argument's `fmt` sees them."""

    fill: str = " "
    align: Optional[str] = None  # "<", ">", "^" or None (the type's default)
    sign_plus: bool = False
    sign_minus: bool = False
    alternate: bool = False
    zero_pad: bool = False
    width: Optional[int] = None
    precision: Optional[int] = None
    debug_hex: Optional[str] = None  # "x" / "X" for `{:x?}` / `{:X?}`: Debug prints integers in hex


class Formatter:
    """`core::fmt::Formatter`: a sink plus the options of the `{...}` being formatted."""

    __slots__ = ("out", "options")

    def __init__(self, out: Sink, options: Optional[Options] = None) -> None:
        self.out = out
        self.options = options if options is not None else Options()

    # -- the accessors user code can call ------------------------------------------
    def width(self) -> Optional[int]:
        return self.options.width

    def precision(self) -> Optional[int]:
        return self.options.precision

    def fill(self) -> str:
        return self.options.fill

    def align(self) -> Optional[str]:
        return self.options.align

    def alternate(self) -> bool:
        return self.options.alternate

    def sign_plus(self) -> bool:
        return self.options.sign_plus

    def sign_minus(self) -> bool:
        return self.options.sign_minus

    def sign_aware_zero_pad(self) -> bool:
        return self.options.zero_pad

    def debug_lower_hex(self) -> bool:
        return self.options.debug_hex == "x"

    def debug_upper_hex(self) -> bool:
        return self.options.debug_hex == "X"

    # -- writing -------------------------------------------------------------------
    def write_str(self, s: str) -> None:
        self.out.write_str(s)

    def write_char(self, c: str) -> None:
        self.out.write_str(c)

    def write_fmt(self, pieces: list, args: "list[FmtArg]") -> None:
        """`write!(f, ...)`: the new `{...}`s carry their own options, the sink is shared."""
        from .fmt import format_into  # here, not at the top: fmt imports this module

        format_into(self.out, pieces, args)

    def padding(self, count: int, default_align: str) -> int:
        """Write the fill before the text; return how many fills go after it."""
        align = self.options.align or default_align
        if align == "<":
            before = 0
        elif align == ">":
            before = count
        else:
            before = count // 2
        if before:
            self.out.write_str(self.options.fill * before)
        return count - before

    def post_padding(self, count: int) -> None:
        if count:
            self.out.write_str(self.options.fill * count)

    def pad(self, s: str) -> None:
        """`Formatter::pad`: precision truncates to that many chars, width pads (left-aligned)."""
        opts = self.options
        if opts.width is None and opts.precision is None:
            self.out.write_str(s)
            return
        if opts.precision is not None and len(s) > opts.precision:
            s = s[: opts.precision]
        if opts.width is not None and len(s) < opts.width:
            after = self.padding(opts.width - len(s), "<")
            self.out.write_str(s)
            self.post_padding(after)
        else:
            self.out.write_str(s)

    def pad_integral(self, is_nonnegative: bool, prefix: str, digits: str) -> None:
        """`Formatter::pad_integral`: sign, `#` prefix, then zero or fill padding."""
        opts = self.options
        width = len(digits)
        sign = ""
        if not is_nonnegative:
            sign = "-"
        elif opts.sign_plus:
            sign = "+"
        width += len(sign)
        if not opts.alternate:
            prefix = ""
        width += len(prefix)
        min_width = opts.width or 0
        if width >= min_width:
            self.out.write_str(sign + prefix + digits)
        elif opts.zero_pad:
            # The sign and prefix go before the zeros, whatever the requested alignment.
            saved = self.options
            self.options = replace(saved, fill="0", align=">")
            self.out.write_str(sign + prefix)
            after = self.padding(min_width - width, ">")
            self.out.write_str(digits)
            self.post_padding(after)
            self.options = saved
        else:
            after = self.padding(min_width - width, ">")
            self.out.write_str(sign + prefix + digits)
            self.post_padding(after)

    def pad_formatted_parts(self, sign: str, body: str) -> None:
        """`Formatter::pad_formatted_parts` for floats: `body` is the text after the sign."""
        opts = self.options
        if not opts.width:
            self.out.write_str(sign + body)
            return
        width = opts.width
        saved = self.options
        if opts.zero_pad:
            self.out.write_str(sign)
            width = max(0, width - len(sign))
            sign = ""
            self.options = replace(saved, fill="0", align=">")
        length = len(sign) + len(body)
        if width <= length:
            self.out.write_str(sign + body)
        else:
            after = self.padding(width - length, ">")
            self.out.write_str(sign + body)
            self.post_padding(after)
        self.options = saved

    # -- the Debug builders ----------------------------------------------------------
    def wrap(self, state: Optional[_PadState] = None) -> "Formatter":
        """A formatter with the same options that indents what it writes (PadAdapter::wrap)."""
        return Formatter(PadAdapter(self.out, state), replace(self.options))

    def debug_struct(self, name: str) -> "DebugStruct":
        return DebugStruct(self, name)

    def debug_tuple(self, name: str) -> "DebugTuple":
        return DebugTuple(self, name)

    def debug_list(self) -> "DebugList":
        return DebugList(self, "[", "]")

    def debug_set(self) -> "DebugList":
        return DebugList(self, "{", "}")

    def debug_map(self) -> "DebugMap":
        return DebugMap(self)


class DebugStruct:
    """`f.debug_struct(name).field(n, v).finish()`: `Name { a: 1, b: 2 }`."""

    __slots__ = ("f", "has_fields")

    def __init__(self, f: Formatter, name: str) -> None:
        self.f = f
        self.has_fields = False
        f.write_str(name)

    def field(self, name: str, value: "FmtArg") -> "DebugStruct":
        f = self.f
        if f.alternate():
            if not self.has_fields:
                f.write_str(" {\n")
            inner = f.wrap()
            inner.write_str(name + ": ")
            value.fmt("Debug", inner)
            inner.write_str(",\n")
        else:
            f.write_str((", " if self.has_fields else " { ") + name + ": ")
            value.fmt("Debug", f)
        self.has_fields = True
        return self

    def finish_non_exhaustive(self) -> None:
        f = self.f
        if not self.has_fields:
            f.write_str(" { .. }")
        elif f.alternate():
            f.wrap().write_str("..\n")
            f.write_str("}")
        else:
            f.write_str(", .. }")

    def finish(self) -> None:
        if self.has_fields:
            self.f.write_str("}" if self.f.alternate() else " }")


class DebugTuple:
    """`f.debug_tuple(name)`: `Name(1, 2)`; with an empty name a tuple, `(1,)` for one field."""

    __slots__ = ("f", "fields", "empty_name")

    def __init__(self, f: Formatter, name: str) -> None:
        self.f = f
        self.fields = 0
        self.empty_name = name == ""
        f.write_str(name)

    def field(self, value: "FmtArg") -> "DebugTuple":
        f = self.f
        if f.alternate():
            if self.fields == 0:
                f.write_str("(\n")
            inner = f.wrap()
            value.fmt("Debug", inner)
            inner.write_str(",\n")
        else:
            f.write_str("(" if self.fields == 0 else ", ")
            value.fmt("Debug", f)
        self.fields += 1
        return self

    def finish_non_exhaustive(self) -> None:
        f = self.f
        if self.fields == 0:
            f.write_str("(..)")
        elif f.alternate():
            f.wrap().write_str("..\n")
            f.write_str(")")
        else:
            f.write_str(", ..)")

    def finish(self) -> None:
        if self.fields:
            if self.fields == 1 and self.empty_name and not self.f.alternate():
                self.f.write_str(",")
            self.f.write_str(")")


class DebugList:
    """`f.debug_list()` (`[1, 2]`) and `f.debug_set()` (`{1, 2}`): Rust's DebugInner."""

    __slots__ = ("f", "has_fields", "close")

    def __init__(self, f: Formatter, open_: str, close: str) -> None:
        self.f = f
        self.has_fields = False
        self.close = close
        f.write_str(open_)

    def entry(self, value: "FmtArg") -> "DebugList":
        f = self.f
        if f.alternate():
            if not self.has_fields:
                f.write_str("\n")
            inner = f.wrap()
            value.fmt("Debug", inner)
            inner.write_str(",\n")
        else:
            if self.has_fields:
                f.write_str(", ")
            value.fmt("Debug", f)
        self.has_fields = True
        return self

    def entries(self, values: "list[FmtArg]") -> "DebugList":
        for value in values:
            self.entry(value)
        return self

    def finish_non_exhaustive(self) -> None:
        f = self.f
        if not self.has_fields:
            f.write_str(".." + self.close)
        elif f.alternate():
            f.wrap().write_str("..\n")
            f.write_str(self.close)
        else:
            f.write_str(", .." + self.close)

    def finish(self) -> None:
        self.f.write_str(self.close)


class DebugMap:
    """`f.debug_map()`: `{k: v, ...}`; in pretty mode a key and its value share one indent state."""

    __slots__ = ("f", "has_fields", "state")

    def __init__(self, f: Formatter) -> None:
        self.f = f
        self.has_fields = False
        self.state = _PadState()
        f.write_str("{")

    def key(self, key: "FmtArg") -> "DebugMap":
        f = self.f
        if f.alternate():
            if not self.has_fields:
                f.write_str("\n")
            self.state = _PadState()
            inner = f.wrap(self.state)
            key.fmt("Debug", inner)
            inner.write_str(": ")
        else:
            if self.has_fields:
                f.write_str(", ")
            key.fmt("Debug", f)
            f.write_str(": ")
        return self

    def value(self, value: "FmtArg") -> "DebugMap":
        f = self.f
        if f.alternate():
            inner = f.wrap(self.state)
            value.fmt("Debug", inner)
            inner.write_str(",\n")
        else:
            value.fmt("Debug", f)
        self.has_fields = True
        return self

    def entry(self, key: "FmtArg", value: "FmtArg") -> "DebugMap":
        return self.key(key).value(value)

    def finish_non_exhaustive(self) -> None:
        f = self.f
        if not self.has_fields:
            f.write_str("..}")
        elif f.alternate():
            f.wrap().write_str("..\n")
            f.write_str("}")
        else:
            f.write_str(", ..}")

    def finish(self) -> None:
        self.f.write_str("}")
