"""Rust literal tokens -> Python values: integers, floats, chars, strings with their escapes.

String bodies are decoded into characters *with their byte offsets in the file*, because
format strings point their `{...}` spans and inline `{name}` arguments into the literal.
"""
from __future__ import annotations

from ..diagnostics import CompileError, Diagnostic
from ..source import SourceFile, Span

INT_SUFFIXES = ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")
FLOAT_SUFFIXES = ("f32", "f64")

_SIMPLE_ESCAPES = {"n": "\n", "r": "\r", "t": "\t", "\\": "\\", "0": "\0", "'": "'", '"': '"'}


def _error(file: SourceFile, lo: int, hi: int, message: str, label: str = "") -> CompileError:
    return CompileError(Diagnostic.error(message).with_primary(Span(file, lo, hi), label))


def suffix_error(span: Span, suffix: str, float_literal: bool) -> CompileError:
    """rustc's error for a number literal with an unknown suffix (`1u99`, `1.0u8`, `2xyz`)."""
    what = "float" if float_literal else "number"
    width = suffix[1:]
    if width.isdigit() and (suffix[0] == "f" if float_literal else suffix[0] in "iu"):
        kind = "float" if float_literal else "integer"
        note = "valid widths are 32 and 64" if float_literal else "valid widths are 8, 16, 32, 64 and 128"
        return CompileError(Diagnostic.error(f"invalid width `{width}` for {kind} literal").with_primary(span)
                            .with_help(note))
    return CompileError(Diagnostic.error(f"invalid suffix `{suffix}` for {what} literal")
                        .with_primary(span, f"invalid suffix `{suffix}`"))


def split_int(text: str) -> tuple[str, int, str | None]:
    """`0xffu8` -> ("ff", 16, "u8"); `1_000` -> ("1000", 10, None); `2f64` -> ("2", 10, "f64")."""
    text = text.replace("_", "")
    radix = 10
    if text[:2] in ("0x", "0o", "0b"):
        radix = {"x": 16, "o": 8, "b": 2}[text[1]]
        text = text[2:]
    if radix == 16:
        # hex digits include a-f, so only an i/u suffix can follow them
        for i, ch in enumerate(text):
            if ch in "iu":
                return text[:i], radix, text[i:]
        return text, radix, None
    for i, ch in enumerate(text):
        if ch.isalpha():
            return text[:i], radix, text[i:]
    return text, radix, None


def split_float(text: str) -> tuple[float, str | None]:
    """`1.5e3f64` -> (1500.0, "f64"); `2.` -> (2.0, None).  A suffix that is not f32/f64
    is returned as the second item with a NaN value, for the caller to report."""
    text = text.replace("_", "")
    for i, ch in enumerate(text):
        if ch.isalpha() and ch not in "eE":
            suffix = text[i:]
            if suffix not in FLOAT_SUFFIXES:
                return float("nan"), suffix
            return float(text[:i]), suffix
    return float(text), None


def decode_body(file: SourceFile, lo: int, hi: int, raw: bool, byte: bool = False) -> tuple[str, list[int]]:
    """Decode the body of a string literal occupying file bytes [lo, hi).

    Returns the string value and, parallel to its characters plus one end entry, the file
    byte offset where each character's source text starts (so a slice of characters maps
    back to a span).  Raw strings are taken verbatim; otherwise escapes are processed,
    including `\\u{..}` and line continuations (backslash-newline skips the following
    whitespace).  `byte`: the body of b"..." / b'.', where only ASCII may appear."""
    data = file.data
    body = data[lo:hi].decode("utf-8")
    if (raw or "\\" not in body) and "\r" not in body and body.isascii():
        return body, list(range(lo, hi + 1))
    chars: list[str] = []
    offsets: list[int] = []
    pos = lo
    i = 0
    n = len(body)
    while i < n:
        ch = body[i]
        if ch != "\\" or raw:
            width = len(ch.encode("utf-8"))
            if byte and width > 1:
                raise _error(file, pos, pos + width, "non-ASCII character in byte " +
                             ("literal" if data[lo - 1:lo] == b"'" else "string literal"), label="must be ASCII")
            if ch == "\r" and i + 1 < n and body[i + 1] == "\n":
                # CRLF in a literal is a newline, as rustc normalises it
                i, pos, width, ch = i + 1, pos + 1, 1, "\n"
            chars.append(ch)
            offsets.append(pos)
            i += 1
            pos += width
            continue
        if i + 1 < n and body[i + 1] in "\r\n":
            # a line continuation: the newline and the indentation after it are skipped
            i, pos = i + 1, pos + 1
            while i < n and body[i] in " \t\n\r":
                i, pos = i + 1, pos + 1
            continue
        value, length = _escape(file, body, i, pos, byte)
        chars.append(value)
        offsets.append(pos)
        i += length
        pos += len(body[i - length:i].encode("utf-8"))
    offsets.append(pos)
    return "".join(chars), offsets


_HEX = frozenset("0123456789abcdefABCDEF")


def _escape(file: SourceFile, body: str, i: int, pos: int, byte: bool) -> tuple[str, int]:
    """The character of the escape at body[i] (a backslash, at file offset pos) and how many
    characters of body it spans; rustc's error for a bad one."""
    esc = body[i + 1] if i + 1 < len(body) else ""
    if esc in _SIMPLE_ESCAPES:
        return _SIMPLE_ESCAPES[esc], 2
    if esc == "x":
        digits = body[i + 2:i + 4]
        if len(digits) != 2 or not all(c in _HEX for c in digits):
            short = len(digits) if all(c in _HEX for c in digits) else 0
            raise _error(file, pos, pos + 2 + short, "numeric character escape is too short")
        value = int(digits, 16)
        if value > 0x7F and not byte:
            raise _error(file, pos, pos + 4, "out of range hex escape",
                         label="must be a character in the range [\\x00-\\x7f]")
        return chr(value), 4
    if esc == "u":
        return _unicode_escape(file, body, i, pos, byte)
    if not esc:
        raise _error(file, pos, pos + 1, "unterminated character escape")
    width = len(esc.encode("utf-8"))
    raise _error(file, pos + 1, pos + 1 + width, f"unknown character escape: `{esc}`", label="unknown character escape")


def _unicode_escape(file: SourceFile, body: str, i: int, pos: int, byte: bool) -> tuple[str, int]:
    """`\\u{1F600}` at body[i]."""
    if body[i + 2:i + 3] != "{":
        raise _error(file, pos, pos + min(3, len(body) - i), "incorrect unicode escape sequence")
    end = body.find("}", i)
    if end < 0:
        raise _error(file, pos, pos + len(body[i:].encode("utf-8")), "unterminated unicode escape")
    whole = (pos, pos + len(body[i:end + 1].encode("utf-8")))
    if byte:
        raise _error(file, *whole, "unicode escape in byte string", label="unicode escape in byte string")
    digits = body[i + 3:end]
    for k, c in enumerate(digits):
        if c not in _HEX and c != "_":
            at = pos + 3 + len(digits[:k].encode("utf-8"))
            raise _error(file, at, at + len(c.encode("utf-8")), f"invalid character in unicode escape: `{c}`",
                         label="invalid character in unicode escape")
    digits = digits.replace("_", "")
    if not digits:
        raise _error(file, *whole, "empty unicode escape", label="this escape must have at least 1 hex digit")
    if len(digits) > 6:
        raise _error(file, *whole, "overlong unicode escape", label="must have at most 6 hex digits")
    value = int(digits, 16)
    if value > 0x10FFFF or 0xD800 <= value <= 0xDFFF:
        raise _error(file, *whole, "invalid unicode character escape", label="invalid escape")
    return chr(value), end + 1 - i


def decode_char(file: SourceFile, lo: int, hi: int, byte: bool = False) -> str:
    """The character of a char literal whose quotes span file bytes [lo, hi) (`byte`: of b'x')."""
    value, _ = decode_body(file, lo + 1, hi - 1, raw=False, byte=byte)
    if not value:
        raise _error(file, lo + 1, lo + 1, "empty character literal", label="empty character literal")
    if len(value) != 1:
        raise _error(file, lo, hi, "character literal may only contain one codepoint")
    return value
