"""Source files and spans: the one way every stage points at the user's text."""
from __future__ import annotations

import bisect

from .records import record


@record(frozen=True)
class Span:
    """A byte range in one source file, with 1-based line/column of both ends.

    Columns are 1-based character columns as rustc prints them (`-->` lines, JSON
    `column_start`/`column_end`, end exclusive)."""

    file: "SourceFile"
    lo: int
    hi: int

    @property
    def line(self) -> int:
        return self.file.line_col(self.lo)[0]

    @property
    def col(self) -> int:
        return self.file.line_col(self.lo)[1]

    @property
    def end_line(self) -> int:
        return self.file.line_col(self.hi)[0]

    @property
    def end_col(self) -> int:
        return self.file.line_col(self.hi)[1]

    @property
    def text(self) -> str:
        return self.file.data[self.lo:self.hi].decode("utf-8", "replace")

    def to(self, other: "Span") -> "Span":
        """The span covering self and other."""
        return Span(self.file, min(self.lo, other.lo), max(self.hi, other.hi))

    def shrink_to_lo(self) -> "Span":
        return Span(self.file, self.lo, self.lo)

    def shrink_to_hi(self) -> "Span":
        return Span(self.file, self.hi, self.hi)

    def __repr__(self) -> str:
        return f"{self.file.name}:{self.line}:{self.col}"


class SourceFile:
    """A file's name and UTF-8 bytes, with a line table for byte offset -> (line, col)."""

    def __init__(self, name: str, text: str) -> None:
        self.name = name
        self.text = text
        self.data = self.text.encode("utf-8")
        self.line_starts = [0]
        find, i = self.data.find, self.data.find(b"\n")
        while i >= 0:
            self.line_starts.append(i + 1)
            i = find(b"\n", i + 1)

    def __repr__(self) -> str:
        return f"SourceFile(name={self.name!r})"

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and 1-based character column of a byte offset."""
        i = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[i]
        col = len(self.data[start:offset].decode("utf-8", "replace")) + 1
        return i + 1, col

    def line_text(self, line: int) -> str:
        start = self.line_starts[line - 1]
        end = self.line_starts[line] - 1 if line < len(self.line_starts) else len(self.data)
        return self.data[start:end].decode("utf-8", "replace")

    def span(self, lo: int, hi: int) -> Span:
        return Span(self, lo, hi)

    @property
    def whole(self) -> Span:
        return Span(self, 0, len(self.data))
