"""The macros of the subset, as real AST nodes.

tree-sitter leaves a macro's arguments as a flat token tree.  Each macro here has a known
grammar, so its token tree is re-parsed as ordinary Rust inside a small wrapper function: the
arguments of `println!(...)` as the arguments of a call `__f(...)`, those of `vec![...]` as
an array expression, and so on.  The wrapper keeps the argument text byte for byte in place
(only the delimiters may be swapped, one byte for one byte), so one offset maps every node of
the re-parse back into the file.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..diagnostics import CompileError, Diagnostic, unsupported
from ..source import Span
from . import ast
from .cst import ConverterBase, Node, recoverable
from .fmtstr import ExplicitArg, build_format_args
from .loader import rust_parser

FORMAT_MACROS = frozenset(("println", "print", "eprintln", "eprint", "format", "panic", "unreachable", "todo",
                           "unimplemented", "write", "writeln"))
ASSERT_MACROS = frozenset(("assert", "assert_eq", "assert_ne", "debug_assert", "debug_assert_eq", "debug_assert_ne"))
# Macros that may be called with no arguments at all (no format string).
_BARE_OK = frozenset(("println", "eprintln", "panic", "unreachable", "todo", "unimplemented", "writeln"))

# The macros std defines with macro_rules!, whose errors rustc words as "no rules expected ...".
_RULE_MACROS = frozenset(("vec", "assert_eq", "assert_ne", "debug_assert_eq", "debug_assert_ne", "matches",
                          "addr_of", "addr_of_mut", "debug_assert", "todo", "unimplemented", "unreachable"))

_PREFIX = b"fn __m() { "
_SUFFIX = b"; }"


def _unexpanded(conv: ConverterBase, n: Node) -> ast.Expr:
    """What stands in for a macro call rustc rejected (the error is already recorded)."""
    return ast.MacroExpr(conv.span(n), conv.text(n.child_by_field_name("macro")), [])


class MacrosMixin(ConverterBase):
    @recoverable(_unexpanded)
    def expr_macro_invocation(self, n: Node) -> ast.Expr:
        mac = n.child_by_field_name("macro")
        name = self.text(mac).rsplit("::", 1)[-1].strip()
        handler = _HANDLERS.get(name)
        if handler is None:
            raise unsupported(self.span(n), f"the macro `{name}!`")
        tt = self.child_of_kind(n, "token_tree")
        if tt is None:
            raise unsupported(self.span(n), f"the macro `{name}!` with these arguments")
        return handler(self, n, name, tt)

    # ------------------------------------------------------------ re-parsing

    def reparse(self, name: str, tt: Node, head: bytes, open_: bytes, body: bytes, close: bytes,
                tail: bytes) -> tuple[Any, Node]:
        """Parse `fn __m() { HEAD OPEN BODY CLOSE TAIL; }` where OPEN sits where tt's opening
        delimiter was; return a converter for it and the wrapper's expression node."""
        text = _PREFIX + head + open_ + body + close + tail + _SUFFIX
        delta = self.delta + tt.start_byte - len(_PREFIX) - len(head)
        sub = self.sub_converter(text, delta)
        root = rust_parser().parse(text).root_node
        if root.has_error:
            raise self._macro_syntax_error(name, sub, root, tt)
        block = root.named_children[0].child_by_field_name("body")
        stmt = [c for c in block.named_children if c.type not in ("line_comment", "block_comment", "empty_statement")]
        if len(stmt) != 1:
            raise self._macro_syntax_error(name, sub, root, tt)
        expr = stmt[0].named_children[0] if stmt[0].type == "expression_statement" else stmt[0]
        return sub, expr

    def tt_body(self, tt: Node) -> bytes:
        return self.src[tt.start_byte + 1:tt.end_byte - 1]

    def _macro_syntax_error(self, name: str, sub: Any, root: Node, tt: Node) -> CompileError:
        """The syntax error of a macro's arguments, worded as rustc words it for that macro."""
        from .delimiters import check_delimiters  # loaded only for programs with syntax errors
        from .errors import check_syntax

        lexical = check_delimiters(self.file)  # inside a token tree too, rustc's lexer speaks first
        if lexical is not None:
            lexical.fatal = True  # type: ignore[attr-defined]
            return lexical
        err = check_syntax(sub, root, whole_file=False)
        lo, hi = self.span(tt).lo, self.span(tt).hi
        diag = err.diagnostics[0]
        for label in diag.labels:
            if not lo <= label.span.lo < hi:
                # a token the wrapper added: point at the macro's closing delimiter instead
                label.span = Span(self.file, hi - 1, hi)
        primary = diag.primary
        at_end = primary is not None and primary.span.lo == hi - 1
        found = diag.message.rpartition(", found ")[2]
        if name in _RULE_MACROS and primary is not None:
            if at_end:
                err = CompileError(Diagnostic.error("unexpected end of macro invocation")
                                   .with_primary(primary.span, "missing tokens in macro arguments"))
            else:
                err = CompileError(Diagnostic.error(f"no rules expected {found.removeprefix('keyword ')}")
                                   .with_primary(primary.span, "no rules expected this token in macro call"))
        elif at_end and ", found " in diag.message:
            diag.message = diag.message.rpartition(", found ")[0] + ", found end of macro arguments"
        return err

    def call_args(self, name: str, tt: Node) -> tuple[Any, list[Node]]:
        """Re-parse `(a, b, c)` as call arguments; the converter and the argument nodes."""
        sub, call = self.reparse(name, tt, b"__f", b"(", self.tt_body(tt), b")", b"")
        args = call.child_by_field_name("arguments")
        return sub, [c for c in args.named_children if c.type not in ("line_comment", "block_comment")]

    # ------------------------------------------------------------ println!, format!, write!, panic!, ...

    def format_macro(self, n: Node, name: str, tt: Node) -> ast.Expr:
        sub, args = self.call_args(name, tt)
        dest: Optional[ast.Expr] = None
        if name in ("write", "writeln"):
            if not args or (name == "write" and len(args) == 1):
                raise CompileError(Diagnostic.error(
                    f'requires a destination and format arguments, like `{name}!(dest, "format string", args...)`')
                    .with_primary(self.span(n)))
            dest = sub.expr(args[0])
            args = args[1:]
        if not args:
            if name not in _BARE_OK:
                raise CompileError(Diagnostic.error("requires at least a format string argument")
                                   .with_primary(self.span(n)))
            return ast.FormatMacro(self.span(n), name, None, dest)
        fmt = sub.format_args(args, self.span(n))
        return ast.FormatMacro(self.span(n), name, fmt, dest)

    def format_args(self, args: list[Node], whole: Span) -> ast.FormatArgs:
        """`"template", a, name = b` (nodes of this converter) -> FormatArgs."""
        lit = args[0]
        if lit.type not in ("string_literal", "raw_string_literal"):
            raise CompileError(Diagnostic.error("format argument must be a string literal")
                               .with_primary(self.span(lit))
                               .with_help("you might be missing a string literal to format with"))
        value, offsets, _ = self.string_value(lit)
        explicit: list[ExplicitArg] = []
        named_at: Optional[Span] = None
        for a in args[1:]:
            left = a.child_by_field_name("left") if a.type == "assignment_expression" else None
            if left is not None and left.type == "identifier":
                name = self.ident(left)
                earlier = next((e for e in explicit if e.name == name), None)
                if earlier is not None:
                    raise CompileError(Diagnostic.error(f"duplicate argument named `{name}`")
                                       .with_primary(self.span(left), "duplicate argument")
                                       .with_label(earlier.span, "previously here"))
                explicit.append(ExplicitArg(self.expr(a.child_by_field_name("right")), name, self.span(a)))
                named_at = named_at or self.span(a)
            else:
                if named_at is not None:
                    raise CompileError(Diagnostic.error("positional arguments cannot follow named arguments")
                                       .with_primary(self.span(a), "positional arguments must be before named arguments")
                                       .with_label(named_at, "named argument"))
                explicit.append(ExplicitArg(self.expr(a), None, self.span(a)))
        return build_format_args(value, offsets, self.span(lit), explicit, whole)

    # ------------------------------------------------------------ vec!, assert!, matches!, addr_of!

    def vec_macro(self, n: Node, name: str, tt: Node) -> ast.Expr:
        sub, array = self.reparse(name, tt, b"", b"[", self.tt_body(tt), b"]", b"")
        if array.type != "array_expression":
            raise unsupported(self.span(n), "this form of `vec!`")
        converted = sub.expr(array)
        if isinstance(converted, ast.ArrayRepeat):
            return ast.VecMacro(self.span(n), [], (converted.elem, converted.count))
        return ast.VecMacro(self.span(n), converted.elems)

    def assert_macro(self, n: Node, name: str, tt: Node) -> ast.Expr:
        sub, args = self.call_args(name, tt)
        base = name.removeprefix("debug_")
        arity = 1 if base == "assert" else 2
        if not args and arity == 1:
            raise CompileError(Diagnostic.error("macro requires a boolean expression as an argument")
                               .with_primary(self.span(n), "boolean expression required"))
        if len(args) < arity:
            raise self._end_of_macro(tt)
        exprs = [sub.expr(a) for a in args[:arity]]
        msg = sub.format_args(args[arity:], self.span(n)) if len(args) > arity else None
        return ast.AssertMacro(self.span(n), base, exprs, msg)

    def matches_macro(self, n: Node, name: str, tt: Node) -> ast.Expr:
        """`matches!(e, pat if guard)` is `match e { pat if guard => true, _ => false }`."""
        body = bytearray(self.tt_body(tt))
        tokens = tt.children[1:-1]
        comma = next((c for c in tokens if c.type == ","), None)
        if comma is None or comma is tokens[-1]:
            raise self._end_of_macro(tt)
        body[comma.start_byte - tt.start_byte - 1] = ord("{")
        if tokens[-1].type == ",":
            body[tokens[-1].start_byte - tt.start_byte - 1] = ord(" ")  # `matches!(x, P,)`
        sub, match = self.reparse(name, tt, b"match", b" ", bytes(body), b"=", b"> true, _ => false }")
        arm = [c for c in match.child_by_field_name("body").named_children if c.type == "match_arm"][0]
        converted = sub.arm(arm)
        span = self.span(n)
        arms = [ast.Arm(converted.pat.span, converted.pat, converted.guard, ast.Lit(span, "bool", True)),
                ast.Arm(span, ast.WildPat(span), None, ast.Lit(span, "bool", False))]
        return ast.Match(span, sub.expr(match.child_by_field_name("value")), arms)

    def _end_of_macro(self, tt: Node) -> CompileError:
        """rustc's error for a macro_rules! macro given too few arguments."""
        close = self.span(tt.children[-1])
        return CompileError(Diagnostic.error("unexpected end of macro invocation")
                            .with_primary(close, "missing tokens in macro arguments"))

    def addr_of_macro(self, n: Node, name: str, tt: Node) -> ast.Expr:
        sub, paren = self.reparse(name, tt, b"", b"(", self.tt_body(tt), b")", b"")
        inner = sub.expr(paren)
        if isinstance(inner, ast.Paren):
            inner = inner.inner
        return ast.Borrow(self.span(n), name == "addr_of_mut", inner, raw=True)


_HANDLERS: dict[str, Callable[[Any, Node, str, Node], ast.Expr]] = {}
_HANDLERS.update({m: MacrosMixin.format_macro for m in FORMAT_MACROS})
_HANDLERS.update({m: MacrosMixin.assert_macro for m in ASSERT_MACROS})
_HANDLERS["vec"] = MacrosMixin.vec_macro
_HANDLERS["matches"] = MacrosMixin.matches_macro
_HANDLERS["addr_of"] = MacrosMixin.addr_of_macro
_HANDLERS["addr_of_mut"] = MacrosMixin.addr_of_macro
