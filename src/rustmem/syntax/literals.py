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


def _error(file: SourceFile, lo: int, hi: int, message: str) -> CompileError:
    return CompileError(Diagnostic.error(message).with_primary(Span(file, lo, hi)))


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
    whitespace)."""
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
        start = pos
        if ch != "\\" or raw:
            if ch == "\r" and i + 1 < n and body[i + 1] == "\n":
                # CRLF in a literal is a newline, as rustc normalises it
                i += 1
                pos += 1
                ch = "\n"
            chars.append(ch)
            offsets.append(start)
            i += 1
            pos += len(ch.encode("utf-8")) if ch != "\n" else 1
            continue
        if i + 1 >= n:
            raise _error(file, start, start + 1, "unterminated character escape")
        esc = body[i + 1]
        if esc in _SIMPLE_ESCAPES:
            chars.append(_SIMPLE_ESCAPES[esc])
            offsets.append(start)
            i += 2
            pos += 2
        elif esc == "\n" or esc == "\r":
            i += 1
            pos += 1
            while i < n and body[i] in " \t\n\r":
                i += 1
                pos += 1
        elif esc == "x":
            digits = body[i + 2:i + 4]
            if len(digits) != 2 or not all(c in "0123456789abcdefABCDEF" for c in digits):
                raise _error(file, start, start + 2 + len(digits), "numeric character escape is too short")
            value = int(digits, 16)
            if value > 0x7F and not byte:
                raise _error(file, start, start + 4, "out of range hex escape")
            chars.append(chr(value))
            offsets.append(start)
            i += 4
            pos += 4
        elif esc == "u":
            end = body.find("}", i)
            if body[i + 2:i + 3] != "{" or end < 0:
                raise _error(file, start, start + 2, "incorrect unicode escape sequence")
            digits = body[i + 3:end].replace("_", "")
            try:
                chars.append(chr(int(digits, 16)))
            except (ValueError, OverflowError):
                raise _error(file, start, start + end + 1 - i, "invalid unicode character escape") from None
            offsets.append(start)
            pos += len(body[i:end + 1].encode("utf-8"))
            i = end + 1
        else:
            raise _error(file, start, start + 2, f"unknown character escape: `{esc}`")
    offsets.append(pos)
    return "".join(chars), offsets


def decode_char(file: SourceFile, lo: int, hi: int, byte: bool = False) -> str:
    """The character of a char literal whose quotes span file bytes [lo, hi) (`byte`: of b'x')."""
    value, _ = decode_body(file, lo + 1, hi - 1, raw=False, byte=byte)
    if not value:
        raise _error(file, lo, hi, "empty character literal")
    if len(value) != 1:
        raise _error(file, lo, hi, "character literal may only contain one codepoint")
    return value
