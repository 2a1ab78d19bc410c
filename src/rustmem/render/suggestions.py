"""Suggested code changes, shown as rustc shows them under `help:`.

    render_suggestion(out, width, parts)   append the changed line(s) of PARTS to OUT
    last_line(parts) -> int                the last line number the rendering shows

rustc picks one of three displays (`emit_suggestion_default`):
- underline: a one-line change is shown once, changed, with `+` under inserted text and
  `~` under replaced text;
- diff: a one-line change that deletes text is shown as `N - old` and `N + new`;
- whole lines: a change spanning lines shows each new line, marked `+` when it is all new,
  `~` when it changed, `|` when it did not.
"""
from __future__ import annotations

from ..diagnostics import Suggestion
from .snippet import TAB_WIDTH, display_col


def _as_insertion(old: str, new: str) -> tuple[int, str] | None:
    """When NEW is OLD with text added around it, (offset of the addition, the addition):
    rustc shows such a replacement as an insertion (`s` -> `s.clone()` inserts `.clone()`)."""
    prefix = 0
    while prefix < min(len(old), len(new)) and old[prefix] == new[prefix]:
        prefix += 1
    rest_old, rest_new = old[prefix:], new[prefix:]
    if not rest_new.endswith(rest_old):
        return None
    return prefix, rest_new[:len(rest_new) - len(rest_old)]


class _Part:
    """A suggestion part as rustc displays it: a replacement that only adds text around the
    old text becomes an insertion of the added text; then `+` marks an insertion, `~` a
    replacement, and the mark skips the new text's leading and trailing blanks."""

    def __init__(self, part: Suggestion) -> None:
        span, new = part.span, part.replacement
        old = span.text
        insertion = _as_insertion(old, new) if new and old else None
        if insertion is not None:
            offset, new = insertion
            lo = span.lo + len(old[:offset].encode())
            span = span.file.span(lo, lo)
            old = ""
        self.lo, self.hi, self.new = span.lo, span.hi, new
        self.deletes = bool(old.strip()) and not new.strip()
        replaces = bool(new) and bool(old.strip())
        self.destructive = replaces and _as_insertion(old.strip(), new.strip()) is None
        self.mark = "~" if old.strip() else "+"
        if new.strip():
            lead = len(new) - len(new.lstrip())
            self.highlight = (lead, lead + len(new.strip()))
        else:
            self.highlight = (0, len(new))


def _apply(parts: list[Suggestion]) -> tuple[int, str, str, list[tuple[int, int, str]]]:
    """(first line, old text, new text of the lines the parts touch, highlights in the new
    text as (start, end, mark) character offsets)."""
    parts = sorted(parts, key=lambda p: p.span.lo)
    file = parts[0].span.file
    first = parts[0].span.line
    last = max(p.span.end_line for p in parts)
    base = file.line_starts[first - 1]
    end = file.line_starts[last] - 1 if last < len(file.line_starts) else len(file.data)
    pieces: list[str] = []
    highlights = []
    cursor = base
    length = 0
    for part in map(_Part, parts):
        before = file.data[cursor:part.lo].decode("utf-8", "replace")
        pieces.append(before)
        length += len(before)
        start, stop = part.highlight
        if stop > start:
            highlights.append((length + start, length + stop, part.mark))
        pieces.append(part.new)
        length += len(part.new)
        cursor = part.hi
    pieces.append(file.data[cursor:end].decode("utf-8", "replace"))
    old = file.data[base:end].decode("utf-8", "replace")
    return first, old, "".join(pieces), highlights


def last_line(parts: list[Suggestion]) -> int:
    first, old, new, _ = _apply(parts)
    return first + max(old.count("\n"), new.count("\n"))


def _expand(text: str) -> str:
    return text.replace("\t", " " * TAB_WIDTH)


def render_suggestion(out: list[str], width: int, parts: list[Suggestion]) -> None:
    """Append the lines that show PARTS applied (after the `help:` header)."""
    placed = [_Part(p) for p in parts]
    first, old, new, highlights = _apply(parts)
    pad = " " * width
    new_lines = new.split("\n")
    out.append(f"{pad} |")
    if len(new_lines) == 1 and any(p.deletes or p.destructive for p in placed):
        for number, line in enumerate(old.split("\n"), start=first):
            out.append(f"{number:>{width}} - {_expand(line)}".rstrip())
        out.append(f"{first:>{width}} + {_expand(new)}".rstrip())
        out.append(f"{pad} |")
    elif len(new_lines) == 1 and (len(parts) > 1 or parts[0].replacement.strip() != new.strip()):
        out.append(f"{first:>{width}} | {_expand(new)}".rstrip())
        marks = [" "] * (display_col(new, len(new)) + 1)
        for start, stop, mark in highlights:
            for col in range(display_col(new, start), display_col(new, stop)):
                marks[col] = mark
        out.append(f"{pad} | {''.join(marks)}".rstrip())
    else:
        line_start = 0
        for number, line in enumerate(new_lines, start=first):
            line_end = line_start + len(line)
            touched = [(max(a, line_start), min(b, line_end)) for a, b, _ in highlights
                       if a < line_end and b > line_start]
            whole = touched == [(line_start, line_end)] and line
            gutter = "+" if whole else "~" if touched else "|"
            out.append(f"{number:>{width}} {gutter} {_expand(line)}".rstrip())
            line_start = line_end + 1
        out.append(f"{pad} |")
