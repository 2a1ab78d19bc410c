"""rustc's first check, before any parsing: delimiters balance and literals and comments end.

rustc lexes the whole file into token trees first, so an unbalanced `(`, `[` or `{`, an
unterminated string or block comment is the first error it reports, whatever else is wrong.
tree-sitter's error recovery re-tokenises around the damage, so this pass reads the text
itself, with just enough of Rust's lexical grammar to skip comments, strings, raw strings,
char literals and lifetimes.
"""
from __future__ import annotations

import weakref
from typing import Optional

from ..diagnostics import CompileError, Diagnostic, Label
from ..source import SourceFile, Span
from .literals import decode_body

_OPEN = {ord("("): ord(")"), ord("["): ord("]"), ord("{"): ord("}")}
_CLOSE = {v: k for k, v in _OPEN.items()}
_QUOTE, _APOS, _SLASH, _STAR, _BACKSLASH, _HASH, _NL = (ord(c) for c in "\"'/*\\#\n")


def _is_ident(b: int) -> bool:
    return b == 0x5F or 0x30 <= b <= 0x39 or 0x41 <= b <= 0x5A or 0x61 <= b <= 0x7A or b >= 0x80


class _Lexer:
    def __init__(self, file: SourceFile) -> None:
        self.file = file
        self.data = file.data
        self.delims: list[tuple[int, int]] = []  # (byte, offset)
        self.early_errors: list[CompileError] = []  # not fatal: rustc reports them and goes on

    def error(self, lo: int, hi: int, message: str, code: Optional[str] = None, label: str = "") -> CompileError:
        return CompileError(Diagnostic.error(message, code).with_primary(Span(self.file, lo, hi), label))

    def run(self) -> None:
        data, n, i = self.data, len(self.data), 0
        while i < n:
            b = data[i]
            if b in _OPEN or b in _CLOSE:
                self.delims.append((b, i))
                i += 1
            elif b == _SLASH and i + 1 < n and data[i + 1] == _SLASH:
                j = data.find(b"\n", i)
                i = n if j < 0 else j
            elif b == _SLASH and i + 1 < n and data[i + 1] == _STAR:
                i = self.block_comment(i)
            elif b == _QUOTE:
                i = self.string(i, i + 1, byte=False)
            elif b == _APOS:
                i = self.char_or_lifetime(i)
            elif _is_ident(b):
                start = i
                while i < n and _is_ident(data[i]):
                    i += 1
                word = data[start:i]
                if word in (b"r", b"br", b"cr") and i < n and data[i] in (_QUOTE, _HASH):
                    i = self.raw_string(start, i)
                elif word in (b"b", b"c") and i < n and data[i] == _QUOTE:
                    i = self.string(start, i + 1, byte=word == b"b", check=word == b"b")
                elif word == b"b" and i < n and data[i] == _APOS:
                    i = self.char_or_lifetime(i)
                elif i < n and data[i] in (_QUOTE, _APOS, _HASH) and not (0x30 <= word[0] <= 0x39):
                    # Rust 2021 reserves `ident"..."`, `ident'...'` and `ident#` for future prefixes
                    self.early_errors.append(self.error(
                        start, i, f"prefix `{word.decode('utf-8', 'replace')}` is unknown", label="unknown prefix"))
            else:
                i += 1

    def block_comment(self, start: int) -> int:
        data, n, depth, i = self.data, len(self.data), 0, start
        while i < n:
            if data[i] == _SLASH and i + 1 < n and data[i + 1] == _STAR:
                depth, i = depth + 1, i + 2
            elif data[i] == _STAR and i + 1 < n and data[i + 1] == _SLASH:
                depth, i = depth - 1, i + 2
                if depth == 0:
                    return i
            else:
                i += 1
        raise self.error(start, start + 2, "unterminated block comment", "E0758")

    def string(self, start: int, i: int, byte: bool, check: bool = True) -> int:
        """Skip a string whose body starts at i; its escapes are checked as rustc's lexer does."""
        data, n, body = self.data, len(self.data), i
        while i < n:
            if data[i] == _BACKSLASH:
                i += 2
            elif data[i] == _QUOTE:
                if check:
                    self.check_escapes(body, i, byte)
                return i + 1
            else:
                i += 1
        raise self.error(start, start + 1, "unterminated double quote string", "E0765")

    def check_escapes(self, lo: int, hi: int, byte: bool) -> None:
        try:
            decode_body(self.file, lo, hi, raw=False, byte=byte)
        except CompileError as e:  # not fatal: rustc reports it and lexes on
            self.early_errors.append(e)

    def raw_string(self, start: int, i: int) -> int:
        data = self.data
        hashes = 0
        while i < len(data) and data[i] == _HASH:
            hashes, i = hashes + 1, i + 1
        if i >= len(data) or data[i] != _QUOTE:
            return i  # `r#ident`, a raw identifier
        end = data.find(b'"' + b"#" * hashes, i + 1)
        if end < 0:
            raise self.error(start, i + 1, "unterminated raw string", "E0748")
        return end + 1 + hashes

    def char_or_lifetime(self, i: int) -> int:
        """At a `'`: skip a char literal (`'x'`, `'\\n'`) or a lifetime/label (`'a`)."""
        data, n = self.data, len(self.data)
        if i + 1 < n and data[i + 1] == _BACKSLASH:
            j = i + 3  # past the backslash and the escaped character, which may be `'`
            while j < n and data[j] != _APOS and data[j] != _NL:
                j += 1
            self.check_escapes(i + 1, j, byte=i > 0 and data[i - 1] == ord("b"))
            return j + 1
        # one character (possibly several UTF-8 bytes) then a closing quote makes a char literal
        j = i + 2
        while j < n and 0x80 <= data[j] < 0xC0:
            j += 1
        if j < n and data[j] == _APOS:
            return j + 1
        if i + 1 < n and _is_ident(data[i + 1]) and not 0x30 <= data[i + 1] <= 0x39:
            # a lifetime or label; `'abc'` is a char literal with several characters
            j = i + 1
            while j < n and _is_ident(data[j]):
                j += 1
            if j < n and data[j] == _APOS:
                self.early_errors.append(self.error(i, j + 1, "character literal may only contain one codepoint"))
                return j + 1
            return j
        raise self.error(i, i + 1, "unterminated character literal", "E0762")


def _indent(file: SourceFile, offset: int) -> int:
    line = file.line_text(file.line_col(offset)[0])
    return len(line) - len(line.lstrip())


def _span(file: SourceFile, at: int) -> Span:
    return Span(file, at, at + 1)


def _mismatch(file: SourceFile, mismatch: tuple[int, int, int, Optional[int]]) -> CompileError:
    b, at, unclosed_at, candidate_at = mismatch
    diag = Diagnostic.error(f"mismatched closing delimiter: `{chr(b)}`")
    diag.labels.append(Label(_span(file, at), "mismatched closing delimiter", True))
    if candidate_at is not None:
        diag.with_label(_span(file, candidate_at), "closing delimiter possibly meant for this")
    diag.labels.append(Label(_span(file, unclosed_at), "unclosed delimiter", True))
    return CompileError(diag)


def _unexpected_closer(file: SourceFile, b: int, at: int,
                       mismatches: list[tuple[int, int, int, Optional[int]]]) -> CompileError:
    """A closer with nothing open.  rustc folds the earlier `)`/`]` mismatches into this
    error as "missing open" labels; a `}` mismatch is still reported first, on its own."""
    braces = [m for m in mismatches if m[0] == ord("}")]
    if braces:
        return _mismatch(file, braces[0])
    diag = Diagnostic.error(f"unexpected closing delimiter: `{chr(b)}`")
    for closer, closer_at, unclosed_at, _ in mismatches:
        diag.with_label(_span(file, unclosed_at), "the nearest open delimiter")
        diag.with_label(_span(file, closer_at), f"missing open `{chr(_CLOSE[closer])}` for this delimiter")
    diag.labels.append(Label(_span(file, at), "unexpected closing delimiter", True))
    return CompileError(diag)


_CHECKED: "weakref.WeakKeyDictionary[SourceFile, Optional[CompileError]]" = weakref.WeakKeyDictionary()


def check_delimiters(file: SourceFile) -> Optional[CompileError]:
    """The first lexical error of the file, as rustc reports it, or None (computed once per file:
    every macro whose arguments fail to parse asks again)."""
    if file not in _CHECKED:
        _CHECKED[file] = _check(file)
    return _CHECKED[file]


def _check(file: SourceFile) -> Optional[CompileError]:
    """The first lexical error of the file, as rustc reports it, or None.

    As in rustc's token-tree reader, a closer that does not match the innermost opener closes
    it anyway (a mismatch is recorded) and is consumed unless an outer opener of its kind
    could use it; a closer with nothing open is "unexpected" and reported first."""
    lexer = _Lexer(file)
    try:
        lexer.run()
    except CompileError as e:
        return lexer.early_errors[0] if lexer.early_errors else e
    if lexer.early_errors:
        return lexer.early_errors[0]
    stack: list[tuple[int, int]] = []
    mismatches: list[tuple[int, int, int, Optional[int]]] = []  # closer, at, unclosed at, candidate at
    last_found = -1
    for b, at in lexer.delims:
        if b in _OPEN:
            stack.append((b, at))
            continue
        while True:
            if not stack:
                return _unexpected_closer(file, b, at, mismatches)
            open_b, open_at = stack[-1]
            if _OPEN[open_b] == b:
                stack.pop()
                break
            if last_found != at:  # one complaint per closer, however many openers it pops
                last_found = at
                candidate = None
                for other_b, other_at in stack:
                    if _OPEN[other_b] == b and _indent(file, other_at) == _indent(file, at):
                        candidate = other_at
                mismatches.append((b, at, open_at, candidate))
            stack.pop()
            if not any(_OPEN[k] == b for k, _ in stack):
                break  # consumed: no outer opener wants it
    if mismatches:
        return _mismatch(file, mismatches[0])
    if stack:
        # rustc points at the end of the last line, not past the final newline
        end = len(file.data)
        if end > 0 and file.data[end - 1] == _NL:
            end -= 1
        diag = Diagnostic.error("this file contains an unclosed delimiter").with_primary(Span(file, end, end))
        for _, open_at in stack:
            diag.with_label(_span(file, open_at), "unclosed delimiter")
        return CompileError(diag)
    return None
