"""str and char Debug: Rust's `char::escape_debug_ext` rules.

`\\0 \\t \\r \\n \\\\` always escape; `\\"` only inside a str, `\\'` only inside a char;
grapheme extenders and chars that are not printable (separators other than the space,
controls, format chars, private use, unassigned) become `\\u{hex}` — which chars those are
comes from rustc's own table (`fmt_unicode`).
"""
from __future__ import annotations

from .fmt_core import Formatter
from .fmt_unicode import is_unicode_escaped

_BACKSLASHED = {"\0": "\\0", "\t": "\\t", "\r": "\\r", "\n": "\\n", "\\": "\\\\"}


def escape_debug(c: str, in_str: bool) -> str:
    """The text `{:?}` shows for char c inside a str literal (`in_str`) or a char literal."""
    if c in _BACKSLASHED:
        return _BACKSLASHED[c]
    if c == '"':
        return '\\"' if in_str else c
    if c == "'":
        return c if in_str else "\\'"
    if " " <= c <= "~":
        return c
    if is_unicode_escaped(ord(c)):
        return "\\u{%x}" % ord(c)
    return c


def str_debug(s: str, f: Formatter) -> None:
    """`<str as Debug>::fmt`: quoted and escaped, ignoring width and precision."""
    f.write_str('"' + "".join([escape_debug(c, True) for c in s]) + '"')


def char_debug(c: str, f: Formatter) -> None:
    """`<char as Debug>::fmt`: single-quoted and escaped, ignoring width and precision."""
    f.write_str("'" + escape_debug(c, False) + "'")
