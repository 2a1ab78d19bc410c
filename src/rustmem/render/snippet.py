"""Annotated source snippets, drawn as rustc's emitter (`rustc_errors::emitter`) draws them.

    render_snippet(out, width, labels)   append ` --> file:line:col`, the gutter, the source
                                         lines and their labelled underlines to OUT

Labels on one line are placed right to left; a label that would collide with another hangs
below its span on its own row; spans that cover several lines are drawn in a left margin
with `_` and `|`; lines between two annotated lines are shown (one line) or elided (`...`).
Columns are display columns: a tab is four, an East Asian wide character two.
"""
from __future__ import annotations

from ..diagnostics import Label
from ..source import SourceFile

TAB_WIDTH = 4  # rustc shows a tab as four spaces


# ---------------------------------------------------------------- annotations

# Plain classes rather than dataclasses: building a dataclass costs about a millisecond at
# import, and this module is on the start-up path of every `rustmem check`.

class _Ann:
    """One mark on one source line (rustc's `Annotation`), columns 0-based display columns."""

    __slots__ = ("start", "end", "primary", "label", "kind", "depth")

    def __init__(self, start: int, end: int, primary: bool, label: str | None,
                 kind: str = "single", depth: int = 0) -> None:
        self.start, self.end, self.primary, self.label = start, end, primary, label
        self.kind = kind  # single | start | end | line (the `|` of a multi-line span)
        self.depth = depth

    @property
    def has_label(self) -> bool:
        return bool(self.label)

    @property
    def takes_space(self) -> bool:
        return self.kind in ("start", "end")

    @property
    def width(self) -> int:
        return abs(self.end - self.start)


class _Multiline:
    """A span over several lines, before it is cut into per-line `_Ann`s."""

    __slots__ = ("line_start", "line_end", "start", "end", "primary", "label", "depth",
                 "overlaps_exactly")

    def __init__(self, line_start: int, line_end: int, start: int, end: int, primary: bool,
                 label: str | None) -> None:
        self.line_start, self.line_end, self.start, self.end = line_start, line_end, start, end
        self.primary, self.label = primary, label
        self.depth = 1
        self.overlaps_exactly = False

    def same_span(self, other: "_Multiline") -> bool:
        return (self.line_start, self.line_end, self.start, self.end) == (
            other.line_start, other.line_end, other.start, other.end)

    def as_start(self) -> _Ann:
        return _Ann(self.start, self.start + 1, self.primary, None, "start", self.depth)

    def as_end(self) -> _Ann:
        return _Ann(max(self.end - 1, 0), self.end, self.primary, self.label, "end", self.depth)

    def as_line(self) -> _Ann:
        return _Ann(0, 0, self.primary, None, "line", self.depth)


def char_width(c: str) -> int:
    """Terminal columns of C: 4 for a tab, 2 for East Asian wide, 0 for combining marks."""
    if c == "\t":
        return TAB_WIDTH
    if c < "\u0300":
        return 1
    import unicodedata  # only for lines that need it

    if unicodedata.combining(c):
        return 0
    return 2 if unicodedata.east_asian_width(c) in ("W", "F") else 1


def display_col(text: str, char_col: int) -> int:
    """0-based display column of the 0-based character column CHAR_COL of TEXT."""
    prefix = text[:char_col]
    if prefix.isascii() and "\t" not in prefix:
        return len(prefix)
    return sum(char_width(c) for c in prefix)


def _position(file: SourceFile, offset: int) -> tuple[int, int]:
    """(1-based line, 0-based display column) of a byte offset."""
    line, col = file.line_col(offset)
    return line, display_col(file.line_text(line), col - 1)


def _overlaps(a: _Ann, b: _Ann, padding: int) -> bool:
    return b.start <= a.start < b.end + padding or a.start <= b.start < a.end + padding


def _lines_overlap(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return b_start <= a_start < b_end + 1 or a_start <= b_start < a_end + 1


def _is_filler(text: str) -> bool:
    """Lines rustc does not bother to show inside a long multi-line span."""
    s = text.strip()
    is_comment = s.startswith("//") and not s.startswith(("///", "//!"))
    return is_comment or s in ("", "{", "}", "(", ")", "[", "]")


def _collect(file: SourceFile, labels: list[Label]) -> tuple[dict[int, list[_Ann]], int]:
    """The annotations of each line of FILE, and the deepest multi-line nesting."""
    lines: dict[int, list[_Ann]] = {}
    multis: list[_Multiline] = []
    for label in labels:
        lo_line, lo = _position(file, label.span.lo)
        hi_line, hi = _position(file, label.span.hi)
        text = label.text or None
        if lo_line == hi_line:
            if hi <= lo:
                hi = lo + 1  # an empty span is shown as one column wide
            lines.setdefault(lo_line, []).append(_Ann(lo, hi, label.primary, text))
        else:
            multis.append(_Multiline(lo_line, hi_line, lo, hi, label.primary, text))

    # Overlapping multi-line spans get distinct depths (columns of the left margin).
    multis.sort(key=lambda m: (m.line_start, -m.line_end))
    for ann in list(multis):
        for other in multis:
            if not ann.same_span(other) and _lines_overlap(
                    ann.line_start, ann.line_end, other.line_start, other.line_end):
                other.depth += 1
            elif ann.same_span(other) and ann is not other:
                other.overlaps_exactly = True
            else:
                break
    max_depth = max((m.depth for m in multis), default=0)

    for m in multis:
        end = m.as_end()
        if m.overlaps_exactly:
            end.kind = "single"
        else:
            lines.setdefault(m.line_start, []).append(m.as_start())
            # Show up to four lines after the start, not counting trailing filler lines.
            middle = min(m.line_start + 4, m.line_end)
            until = m.line_start
            for line in range(middle - 1, m.line_start - 1, -1):
                if not _is_filler(file.line_text(line)):
                    until = line + 1
                    break
            for line in range(m.line_start + 1, until):
                lines.setdefault(line, []).append(m.as_line())
            before_end = m.line_end - 1
            if middle < before_end and not _is_filler(file.line_text(before_end)):
                lines.setdefault(before_end, []).append(m.as_line())
        lines.setdefault(m.line_end, []).append(end)
    return lines, max_depth


# ---------------------------------------------------------------- the character grid

class _Grid:
    """Rows of characters written at (row, column), like rustc's `StyledBuffer`."""

    def __init__(self) -> None:
        self.rows: list[list[str]] = []

    def putc(self, row: int, col: int, ch: str) -> None:
        while len(self.rows) <= row:
            self.rows.append([])
        line = self.rows[row]
        if len(line) <= col:
            line.extend(" " * (col - len(line) + 1))
        line[col] = ch

    def puts(self, row: int, col: int, text: str) -> None:
        for i, ch in enumerate(text):
            self.putc(row, col + i, ch)

    def put_source(self, row: int, col: int, text: str) -> None:
        """Source text, each character taking as many cells as it takes columns."""
        for ch in text:
            width = char_width(ch)
            if ch == "\t":
                self.puts(row, col, " " * TAB_WIDTH)
            elif width == 0 and col > 0:
                self.rows[row][col - 1] += ch
            else:
                self.putc(row, col, ch)
                for extra in range(1, width):
                    self.putc(row, col + extra, "")  # the right half of a wide character
            col += width

    def text_lines(self) -> list[str]:
        return ["".join(row).rstrip() for row in self.rows]


class _Layout:
    """Where the gutter ends and the code starts."""

    __slots__ = ("line_num_width", "max_depth")

    def __init__(self, line_num_width: int, max_depth: int) -> None:
        self.line_num_width, self.max_depth = line_num_width, max_depth

    @property
    def width_offset(self) -> int:
        return self.line_num_width + 3

    @property
    def code_offset(self) -> int:
        if self.max_depth == 0:
            return self.width_offset
        return self.width_offset + self.max_depth + 1


def _place_labels(anns: list[_Ann]) -> tuple[list[tuple[int, _Ann]], int]:
    """Which row below the underline each annotation's label goes to (0: on the underline
    row itself), right to left, and how many rows that takes (rustc's placement)."""
    ordered = sorted(anns, key=lambda a: -a.start)  # stable: equal starts keep label order
    positions: list[tuple[int, _Ann]] = []
    line_len = 0
    p = 0
    for i, ann in enumerate(ordered):
        for nxt in ordered[i + 1:]:
            if _overlaps(nxt, ann, 0) and ann.has_label and p == 0:
                if nxt.start == ann.start and nxt.end == ann.end and not nxt.has_label:
                    continue
                p += 1
                break
        positions.append((p, ann))
        for nxt in ordered[i + 1:]:
            pad = len(nxt.label) + 2 if nxt.label else 0
            if ((_overlaps(nxt, ann, pad) and ann.has_label and nxt.has_label)
                    or (ann.takes_space and nxt.has_label)
                    or (ann.has_label and nxt.takes_space)
                    or (ann.takes_space and nxt.takes_space)
                    or (_overlaps(nxt, ann, pad) and nxt.end <= ann.end and nxt.has_label
                        and p == 0)):
                p += 1
                break
        line_len = max(line_len, p)
    if line_len:
        line_len += 1

    if all(a.kind == "start" for _, a in positions):
        # Only starts of multi-line spans: draw the outermost lowest, saving a row.
        top = max(pos for pos, _ in positions)
        positions = [(top - pos, a) for pos, a in positions]
        line_len = max(line_len - 1, 0)
    return positions, line_len


def _render_source_line(grid: _Grid, layout: _Layout, file: SourceFile, line_no: int,
                        anns: list[_Ann]) -> list[int]:
    """Draw one source line and its annotation rows; return the depths of the multi-line
    spans that start or end here (rustc's `render_source_line`)."""
    w_off, c_off = layout.width_offset, layout.code_offset
    row0 = len(grid.rows)
    source = file.line_text(line_no)
    grid.puts(row0, 0, str(line_no).rjust(layout.line_num_width))
    grid.putc(row0, w_off - 2, "|")
    grid.put_source(row0, c_off, source)

    # A multi-line span that starts a line's code is drawn as `/` in the margin.
    if all(a.kind in ("start", "line") for a in anns) and any(a.kind == "start" for a in anns):
        indent = len(source) - len(source.lstrip())
        starts = [a for a in anns if a.kind == "start"]
        if all(display_col(source, indent) >= a.start for a in starts):
            for a in starts:
                grid.putc(row0, w_off + a.depth - 1, "/")
            return [a.depth for a in starts]
    if all(a.kind == "line" for a in anns):
        return []

    positions, line_len = _place_labels(anns)
    for pos in range(line_len + 1):
        grid.putc(row0 + pos + 1, w_off - 2, "|")

    # Horizontal `_` runs joining a multi-line span to the margin.
    for pos, ann in positions:
        if ann.kind in ("start", "end"):
            for col in range(w_off + ann.depth, c_off + ann.start):
                grid.putc(row0 + pos + 1, col, "_")

    # Vertical connectors from an underline down to a hanging label, and the margin lines.
    for pos, ann in positions:
        pos += 1
        if pos > 1 and (ann.has_label or ann.takes_space):
            for row in range(row0 + 1, row0 + pos + 1):
                grid.putc(row, c_off + ann.start, "|")
        if ann.kind == "start":
            for row in range(row0 + pos + 1, row0 + line_len + 2):
                grid.putc(row, w_off + ann.depth - 1, "|")
        elif ann.kind == "end":
            for row in range(row0, row0 + pos + 1):
                grid.putc(row, w_off + ann.depth - 1, "|")

    for pos, ann in positions:
        if pos == 0:
            row, col = row0 + 1, ann.end + (2 if ann.end == 0 else 1)
        else:
            row, col = row0 + pos + 2, ann.start
        if ann.label:
            grid.puts(row, c_off + col, ann.label)

    # Underlines: longer first, so shorter and primary marks are drawn over them.
    for _, ann in sorted(positions, key=lambda pa: (-pa[1].width, pa[1].primary)):
        mark = "^" if ann.primary else "-"
        for col in range(ann.start, ann.end):
            grid.putc(row0 + 1, c_off + col, mark)

    return [a.depth for _, a in positions if a.kind in ("start", "end")]


def _render_file(lines_out: list[str], layout: _Layout, file: SourceFile,
                 labels: list[Label]) -> None:
    """Append the annotated snippet of FILE (source lines, underlines, labels)."""
    per_line, _ = _collect(file, labels)
    grid = _Grid()
    w_off = layout.width_offset
    open_depths: set[int] = set()
    line_nos = sorted(per_line)
    for i, line_no in enumerate(line_nos):
        first_row = len(grid.rows)
        depths = _render_source_line(grid, layout, file, line_no, per_line[line_no])
        new_depths = set()
        for depth in depths:
            if depth in open_depths:
                open_depths.discard(depth)
            else:
                new_depths.add(depth)
        for depth in open_depths:
            for row in range(first_row, len(grid.rows)):
                grid.putc(row, w_off + depth - 1, "|")
        open_depths |= new_depths
        if i + 1 < len(line_nos):
            gap = line_nos[i + 1] - line_no
            if gap > 2:
                row = len(grid.rows)
                grid.puts(row, 0, "...")
                for depth in open_depths:
                    grid.putc(row, w_off + depth - 1, "|")
            elif gap == 2:
                row = len(grid.rows)
                between = line_no + 1
                grid.puts(row, 0, str(between).rjust(layout.line_num_width))
                grid.putc(row, w_off - 2, "|")
                grid.put_source(row, layout.code_offset, file.line_text(between))
                for depth in open_depths:
                    grid.putc(row, w_off + depth - 1, "|")
    lines_out.extend(grid.text_lines())


# ---------------------------------------------------------------- the snippet

def _by_file(labels: list[Label]) -> list[tuple[SourceFile, list[Label]]]:
    """Labels grouped per file, the file of the primary label first."""
    groups: dict[int, tuple[SourceFile, list[Label]]] = {}
    for label in sorted(labels, key=lambda lb: not lb.primary):
        groups.setdefault(id(label.span.file), (label.span.file, []))[1].append(label)
    for file, group in groups.values():
        group.sort(key=labels.index)  # back to the diagnostic's own order
    return list(groups.values())


def _max_line(labels: list[Label]) -> int:
    return max((lb.span.end_line for lb in labels), default=0)


def _location(label: Label) -> str:
    span = label.span
    return f"{span.file.name}:{span.line}:{span.col}"


def render_snippet(out: list[str], width: int, labels: list[Label]) -> None:
    """Append the snippet of LABELS to OUT, line numbers WIDTH digits wide."""
    pad = " " * width
    for i, (file, group) in enumerate(_by_file(labels)):
        primary = next((lb for lb in group if lb.primary), group[0])
        if i == 0:
            out.append(f"{pad}--> {_location(primary)}")
        else:
            out.append(f"{pad} |")
            out.append(f"{pad}::: {_location(primary)}")
        out.append(f"{pad} |")
        file_layout = _Layout(width, _collect(file, group)[1])
        _render_file(out, file_layout, file, group)
