"""A readable dump of the AST, one node per line with its source line:column.

`python -m rustmem.syntax FILE` prints it; a parser bug is found by reading this, not by stepping.
"""
from __future__ import annotations

from typing import Any

from ..source import Span

_SKIP = frozenset(("span", "name_span", "op_span", "ty", "res", "captures"))


def dump(n: Any) -> str:
    """The AST under n as indented text: `Kind @line:col field=value ...`, children below."""
    lines: list[str] = []
    _dump(n, 0, "", lines)
    return "\n".join(lines)


def _is_node(v: Any) -> bool:
    return hasattr(v, "__record_fields__") and not isinstance(v, Span)


def _dump(n: Any, depth: int, label: str, out: list[str]) -> None:
    pad = "  " * depth
    span = getattr(n, "span", None)
    where = f" @{span.line}:{span.col}" if isinstance(span, Span) else ""
    scalars: list[str] = []
    nested: list[tuple[str, Any]] = []
    for name in n.__record_fields__:
        if name in _SKIP:
            continue
        v = getattr(n, name)
        if _is_node(v) or (isinstance(v, (list, tuple)) and any(_is_node(x) or isinstance(x, tuple) for x in v)):
            nested.append((name, v))
        elif not (v is None or v is False or (isinstance(v, (list, str)) and not v)):
            scalars.append(f"{name}={v!r}")
    out.append(f"{pad}{label}{type(n).__name__}{where} {' '.join(scalars)}".rstrip())
    for name, v in nested:
        if _is_node(v):
            _dump(v, depth + 1, f"{name}: ", out)
            continue
        for x in v:
            if isinstance(x, tuple):  # use entries, bindings, vec![x; n]
                x = [y for y in x if _is_node(y)] or [x]
                for y in x:
                    if _is_node(y):
                        _dump(y, depth + 1, f"{name}: ", out)
                    else:
                        out.append(f"{pad}  {name}: {y!r}")
            elif _is_node(x):
                _dump(x, depth + 1, f"{name}: ", out)
            else:
                out.append(f"{pad}  {name}: {x!r}")
