"""Syntax errors: the first ERROR or MISSING node of tree-sitter's tree, worded as rustc words it.

tree-sitter recovers from errors by wrapping what it could not place in an ERROR node or by
inserting a zero-width MISSING token; rustc stops at the first token it did not expect.  The
first such node in document order is where the two agree best.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import CompileError, Diagnostic
from ..source import Span

Node = Any

KEYWORDS = frozenset((
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
    "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
    "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
))


def _first_problem(root: Node) -> Optional[Node]:
    """The first ERROR or MISSING node in document order (by start byte, outermost first)."""
    cursor = root.walk()
    best: Optional[Node] = None
    stack = [root]
    del cursor
    while stack:
        n = stack.pop()
        if n.is_missing or n.type == "ERROR":
            if best is None or n.start_byte < best.start_byte:
                best = n
            continue
        if n.has_error:
            stack.extend(reversed(n.children))
    return best


def _leaves(n: Node) -> list[Node]:
    out: list[Node] = []
    stack = [n]
    while stack:
        x = stack.pop()
        if x.child_count == 0:
            out.append(x)
        else:
            stack.extend(reversed(x.children))
    return out


def _next_leaf(n: Node) -> Optional[Node]:
    """The first token after n in the tree, skipping comments."""
    while n is not None:
        sib = n.next_sibling
        while sib is not None:
            if sib.type not in ("line_comment", "block_comment"):
                leaves = _leaves(sib)
                if leaves:
                    return leaves[0]
            sib = sib.next_sibling
        n = n.parent
    return None


def _prev_leaf(n: Node) -> Optional[Node]:
    while n is not None:
        sib = n.prev_sibling
        while sib is not None:
            if sib.type not in ("line_comment", "block_comment") and not sib.is_missing:
                leaves = _leaves(sib)
                if leaves:
                    return leaves[-1]
            sib = sib.prev_sibling
        n = n.parent
    return None


def describe(conv: Any, tok: Optional[Node]) -> str:
    """rustc's name for a token in `found ...`: "keyword `let`", "`}`", "`<eof>`"."""
    if tok is None:
        return "`<eof>`"
    text = conv.text(tok)
    if text in KEYWORDS:
        return f"keyword `{text}`"
    return f"`{text}`"


def check_syntax(conv: Any, root: Node) -> CompileError:
    """The CompileError for the first syntax error under root (which has_error)."""
    bad = _first_problem(root)
    if bad is None:
        return CompileError(Diagnostic.error("expected item").with_primary(conv.span(root)))
    if bad.is_missing:
        expected = bad.type
        found = _next_leaf(bad)
        prev = _prev_leaf(bad)
        at = conv.span(prev).shrink_to_hi() if prev is not None else conv.span(bad)
        what = f"`{expected}`" if not bad.is_named else expected.replace("_", " ")
        diag = Diagnostic.error(f"expected {what}, found {describe(conv, found)}").with_primary(at, f"expected {what}")
        if found is not None:
            diag.with_label(conv.span(found), "unexpected token")
        return CompileError(diag)
    leaves = [x for x in _leaves(bad) if x.type not in ("line_comment", "block_comment")]
    tok = leaves[0] if leaves else _next_leaf(bad)
    span: Span = conv.span(tok) if tok is not None else conv.span(bad)
    if bad.parent is not None and bad.parent.type in ("source_file", "declaration_list"):
        message = f"expected item, found {describe(conv, tok)}"
        label = "expected item"
    else:
        message = f"expected expression, found {describe(conv, tok)}"
        label = "expected expression"
    return CompileError(Diagnostic.error(message).with_primary(span, label))
