"""Syntax errors, worded and placed as rustc reports them.

rustc's lexical pass speaks first (`delimiters.py`).  Then: tree-sitter recovers from errors
by wrapping what it could not place in an ERROR node or by inserting a zero-width MISSING
token; rustc stops at the first token it did not expect.  The first such node in document
order is where the two agree best (the same line in nearly every case); the message is
chosen from the tokens around it.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import CompileError, Diagnostic
from ..source import Span
from .delimiters import check_delimiters
from .literals import suffix_error

Node = Any

KEYWORDS = frozenset((
    "as", "break", "const", "continue", "crate", "else", "enum", "extern", "false", "fn", "for", "if", "impl",
    "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref", "return", "self", "Self", "static",
    "struct", "super", "trait", "true", "type", "unsafe", "use", "where", "while", "async", "await", "dyn",
))


def _first_problem(root: Node) -> Optional[Node]:
    """The first ERROR or MISSING node in document order (by start byte, outermost first)."""
    best: Optional[Node] = None
    stack = [root]
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
    """The tokens under n in order, comments left out."""
    out: list[Node] = []
    stack = [n]
    while stack:
        x = stack.pop()
        if x.type in ("line_comment", "block_comment"):
            continue
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


# Tokens after which rustc wants an expression.
_WANTS_EXPR = frozenset(("=", "==", "!=", "<", "<=", ">", ">=", "+", "-", "*", "/", "%", "&&", "||", "&", "|", "^",
                         "<<", ">>", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>=", "=>", "in",
                         "return", "!"))


# Tokens that can end an expression statement.
_EXPR_ENDS = frozenset((")", "]", "?", "identifier", "integer_literal", "float_literal", "string_content", '"',
                        "char_literal", "true", "false", "self"))


def _expected(conv: Any, what: str, found: Optional[Node], at: Span) -> CompileError:
    return CompileError(Diagnostic.error(f"expected {what}, found {describe(conv, found)}").with_primary(at, f"expected {what}"))


def _bad_suffix(conv: Any, first: Optional[Node], nxt: Optional[Node], prev: Optional[Node]) -> Optional[CompileError]:
    """`1u99` / `1.5x`: tree-sitter splits a number with an unknown suffix into a literal and
    an identifier; rustc reads one token with an invalid suffix."""
    for number, word in ((first, nxt), (prev, first)):
        if number is None or word is None or number.end_byte != word.start_byte:
            continue
        if number.type in ("integer_literal", "float_literal") and word.type == "identifier":
            return suffix_error(conv.span(number).to(conv.span(word)), conv.text(word),
                                float_literal=number.type == "float_literal")
    return None


def check_syntax(conv: Any, root: Node, whole_file: bool = True) -> CompileError:
    """The CompileError for the first syntax error under root (which has_error).

    For a whole file, rustc's lexical errors (delimiters, unterminated literals) come first;
    a macro's re-parsed arguments are balanced already."""
    if whole_file:
        lexical = check_delimiters(conv.file)
        if lexical is not None:
            return lexical
    bad = _first_problem(root)
    if bad is None:
        return CompileError(Diagnostic.error("expected item").with_primary(conv.span(root)))
    if bad.is_missing:
        return _missing_token(conv, bad)
    return _unexpected_tokens(conv, root, bad)


def _missing_token(conv: Any, bad: Node) -> CompileError:
    """A token tree-sitter inserted: rustc points just after the token before it."""
    nxt, prev = _next_leaf(bad), _prev_leaf(bad)
    at = conv.span(prev).shrink_to_hi() if prev is not None else conv.span(bad)
    what = f"`{bad.type}`" if not bad.is_named else bad.type.replace("_", " ")
    err = _expected(conv, what, nxt, at)
    if bad.type == ";":
        err.diagnostics[0].labels[0].text = "help: add `;` here"
    if nxt is not None:
        err.diagnostics[0].with_label(conv.span(nxt), "unexpected token")
    return err


def _unexpected_tokens(conv: Any, root: Node, bad: Node) -> CompileError:
    """Tokens tree-sitter could not place: what rustc expected there, judged by the neighbours."""
    nxt, prev = _next_leaf(bad), _prev_leaf(bad)
    leaves = [x for x in _leaves(bad) if x.type not in ("line_comment", "block_comment") and not x.is_missing]
    first = leaves[0] if leaves else nxt
    last = leaves[-1] if leaves else None
    first_span: Span = conv.span(first) if first is not None else conv.span(bad)
    next_span: Span = conv.span(nxt) if nxt is not None else conv.span(root).shrink_to_hi()
    parent = bad.parent.type if bad.parent is not None else "source_file"  # the root itself may be ERROR
    suffix = _bad_suffix(conv, first, nxt, prev)
    if suffix is not None:
        return suffix
    if prev is not None and prev.type == "let":
        return _expected(conv, "pattern", first, first_span)
    if last is not None and last.type == "else":
        return _expected(conv, "`{`", nxt, next_span)
    if last is not None and last.type in ("->", "as"):
        return _expected(conv, "type", nxt, next_span)
    if last is not None and last.type in _WANTS_EXPR and len(leaves) == 1:
        return _expected(conv, "expression", nxt, next_span)
    if parent in ("source_file", "declaration_list"):
        if len(leaves) == 1 and first is not None and first.type == "identifier":
            return _expected(conv, "one of `!` or `::`", nxt, next_span)
        return _expected(conv, "item", first, first_span)
    after_prev = conv.span(prev).shrink_to_hi() if prev is not None else first_span
    if parent in ("field_declaration_list", "enum_variant_list", "field_initializer_list"):
        if prev is not None and prev.type in (",", "{"):
            return _expected(conv, "identifier", first, first_span)
        return CompileError(Diagnostic.error(f"expected `,`, or `}}`, found {describe(conv, first)}")
                            .with_primary(after_prev, "help: try adding a comma: `,`"))
    if (prev is not None and first is not None and prev.type in _EXPR_ENDS
            and conv.span(first).line > conv.span(prev).line and first.type in ("identifier", "self")):
        # a statement on the next line after an expression: the `;` between them is missing
        err = _expected(conv, "`;`", first, after_prev)
        err.diagnostics[0].labels[0].text = "help: add `;` here"
        return err
    return _expected(conv, "expression", first, first_span)
