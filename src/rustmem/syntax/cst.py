"""The base of the CST -> AST converter: spans, text and dispatch over tree-sitter nodes.

A converter reads one buffer of Rust text (the file itself, or the re-parse of a macro's
arguments) and maps its byte offsets into the file by adding `delta`, so every span it makes
points at the user's text.  Node kinds are dispatched through per-category tables
(`EXPR`, `PAT`, `TYPE`, `ITEM`) filled from the converter's `expr_<kind>`, `pat_<kind>`,
`ty_<kind>` and `item_<kind>` methods.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..diagnostics import CompileError, Diagnostic, unsupported
from ..source import SourceFile, Span

Node = Any  # tree_sitter.Node; kept untyped so importing this module does not load tree-sitter

COMMENTS = frozenset(("line_comment", "block_comment"))

# Span is a frozen dataclass, whose __init__ goes through object.__setattr__ once per field;
# the converter makes one per AST node, so it fills the slots directly (about twice as fast).
_new_object = object.__new__
_set_file = Span.__dict__["file"].__set__
_set_lo = Span.__dict__["lo"].__set__
_set_hi = Span.__dict__["hi"].__set__


def make_span(file: SourceFile, lo: int, hi: int) -> Span:
    span = _new_object(Span)
    _set_file(span, file)
    _set_lo(span, lo)
    _set_hi(span, hi)
    return span

# What rustc calls the constructs outside the subset, for `error: unsupported: ...`.
UNSUPPORTED: dict[str, str] = {
    "macro_definition": "`macro_rules!` macro definitions",
    "union_item": "unions",
    "foreign_mod_item": "extern blocks",
    "extern_crate_declaration": "`extern crate`",
    "async_block": "async blocks",
    "await_expression": "`.await`",
    "yield_expression": "`yield`",
    "try_block": "`try` blocks",
    "gen_block": "`gen` blocks",
    "const_block": "inline `const` blocks",
    "let_chain": "`let` chains",
    "macro_invocation": "macro invocations in this position",
    "box_pattern": "`box` patterns",
    "generic_pattern": "generic arguments in patterns",
}


class ConverterBase:
    """State and helpers shared by the item, type, pattern, expression and macro converters."""

    EXPR: dict[str, Callable[[Any, Node], Any]] = {}
    PAT: dict[str, Callable[[Any, Node], Any]] = {}
    TYPE: dict[str, Callable[[Any, Node], Any]] = {}
    ITEM: dict[str, Callable[[Any, Node], Any]] = {}

    def __init__(self, file: SourceFile, src: bytes, delta: int = 0,
                 errors: Optional[list[Diagnostic]] = None) -> None:
        self.file = file
        self.src = src
        self.delta = delta
        # errors rustc reports and recovers from (a bad format string, a bad literal): the
        # whole file is read and they are raised together at the end, as rustc lists them all
        self.errors: list[Diagnostic] = errors if errors is not None else []

    def sub_converter(self, src: bytes, delta: int) -> "ConverterBase":
        """A converter for another buffer (a macro's re-parsed arguments) of the same file."""
        return type(self)(self.file, src, delta, self.errors)

    # -- positions and text

    def span(self, n: Node) -> Span:
        delta = self.delta
        return make_span(self.file, n.start_byte + delta, n.end_byte + delta)

    def span_between(self, a: Node, b: Node) -> Span:
        return make_span(self.file, a.start_byte + self.delta, b.end_byte + self.delta)

    def text(self, n: Node) -> str:
        return self.src[n.start_byte:n.end_byte].decode("utf-8")

    def ident(self, n: Node) -> str:
        """An identifier's name: `r#type` is `type`."""
        text = self.text(n)
        return text[2:] if text.startswith("r#") else text

    def named(self, n: Node) -> list[Node]:
        """The named children of n, comments left out."""
        return [c for c in n.named_children if c.type not in COMMENTS]

    def has_token(self, n: Node, token: str) -> bool:
        """Whether n has a direct anonymous child token `token` (e.g. `mut`, `move`, `..=`)."""
        for c in n.children:
            if c.type == token and not c.is_named:
                return True
        return False

    def has_child(self, n: Node, kind: str) -> bool:
        for c in n.children:
            if c.type == kind:
                return True
        return False

    def child_of_kind(self, n: Node, kind: str) -> Node | None:
        for c in n.children:
            if c.type == kind:
                return c
        return None

    # -- dispatch

    def unsupported_node(self, n: Node, category: str) -> CompileError:
        what = UNSUPPORTED.get(n.type)
        if what is None:
            what = f"this {category} (`{n.type.replace('_', ' ')}`)"
        return unsupported(self.span(n), what)

    def expr(self, n: Node) -> Any:
        f = self.EXPR.get(n.type)
        if f is None:
            raise self.unsupported_node(n, "expression")
        return f(self, n)

    def pat(self, n: Node) -> Any:
        f = self.PAT.get(n.type)
        if f is None:
            raise self.unsupported_node(n, "pattern")
        return f(self, n)

    def ty(self, n: Node) -> Any:
        f = self.TYPE.get(n.type)
        if f is None:
            raise self.unsupported_node(n, "type")
        return f(self, n)


def recoverable(placeholder: Callable[[Any, Node], Any]) -> Callable[[Callable[[Any, Node], Any]], Callable[[Any, Node], Any]]:
    """Make a conversion's CompileError non-fatal: it is recorded in `errors` and
    `placeholder(self, node)` stands in for the node (the file still fails to compile).
    An error marked `fatal` (rustc's lexer errors) still stops everything."""
    def wrap(method: Callable[[Any, Node], Any]) -> Callable[[Any, Node], Any]:
        def convert(self: Any, n: Node) -> Any:
            try:
                return method(self, n)
            except CompileError as e:
                if getattr(e, "fatal", False):
                    raise
                self.errors.extend(e.diagnostics)
                return placeholder(self, n)
        convert.__name__ = method.__name__
        convert.__doc__ = method.__doc__
        return convert
    return wrap


def build_dispatch(cls: type) -> None:
    """Fill cls's dispatch tables from its `expr_*`, `pat_*`, `ty_*`, `item_*` methods."""
    tables: dict[str, dict[str, Callable[[Any, Node], Any]]] = {"expr_": {}, "pat_": {}, "ty_": {}, "item_": {}}
    for name in dir(cls):
        for prefix, table in tables.items():
            if name.startswith(prefix):
                table[name[len(prefix):]] = getattr(cls, name)
    cls.EXPR, cls.PAT, cls.TYPE, cls.ITEM = tables["expr_"], tables["pat_"], tables["ty_"], tables["item_"]
