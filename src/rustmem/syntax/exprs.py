"""Expressions, statements and blocks: CST -> AST."""
from __future__ import annotations

from typing import Optional

from ..diagnostics import CompileError, Diagnostic
from . import ast
from .cst import COMMENTS, ConverterBase, Node, recoverable
from .literals import FLOAT_SUFFIXES, INT_SUFFIXES, decode_body, decode_char, split_float, split_int, suffix_error

# Statement-level nodes that declare items.
ITEM_KINDS = frozenset((
    "function_item", "function_signature_item", "struct_item", "enum_item", "impl_item", "trait_item",
    "const_item", "static_item", "type_item", "use_declaration", "mod_item", "macro_definition",
    "union_item", "foreign_mod_item", "extern_crate_declaration", "associated_type",
))


def _zero(conv: ConverterBase, n: Node) -> ast.Expr:
    """What stands in for a literal rustc rejected (the error is already recorded)."""
    return ast.Lit(conv.span(n), "int", 0)


_BLOCK_PUNCT = frozenset(("{", "}", "unsafe", "label", ":", "async", "move", "const", "try")) | COMMENTS


class ExprsMixin(ConverterBase):
    # ------------------------------------------------------------ names and literals

    def _path_expr(self, n: Node) -> ast.Expr:
        p, qself = self.qualified_path(n)
        e = ast.PathExpr(self.span(n), p)
        if qself is not None:
            e.qself = qself
        return e

    expr_identifier = _path_expr
    expr_self = _path_expr
    expr_scoped_identifier = _path_expr
    expr_generic_function = _path_expr
    expr_generic_type = _path_expr
    expr_generic_type_with_turbofish = _path_expr
    expr_type_identifier = _path_expr
    expr_primitive_type = _path_expr
    expr_crate = _path_expr
    expr_super = _path_expr

    @recoverable(_zero)
    def expr_integer_literal(self, n: Node) -> ast.Expr:
        digits, radix, suffix = split_int(self.text(n))
        if suffix in FLOAT_SUFFIXES and radix == 10:
            return ast.Lit(self.span(n), "float", float(digits), suffix)
        if suffix is not None and suffix not in INT_SUFFIXES:
            raise suffix_error(self.span(n), suffix, float_literal=False)
        return ast.Lit(self.span(n), "int", int(digits, radix), suffix)

    @recoverable(_zero)
    def expr_float_literal(self, n: Node) -> ast.Expr:
        value, suffix = split_float(self.text(n))
        if suffix is not None and suffix not in FLOAT_SUFFIXES:
            raise suffix_error(self.span(n), suffix, float_literal=True)
        return ast.Lit(self.span(n), "float", value, suffix)

    def expr_boolean_literal(self, n: Node) -> ast.Expr:
        return ast.Lit(self.span(n), "bool", self.src[n.start_byte:n.end_byte] == b"true")

    @recoverable(_zero)
    def expr_char_literal(self, n: Node) -> ast.Expr:
        span = self.span(n)
        if self.src[n.start_byte:n.start_byte + 1] == b"b":
            return ast.Lit(span, "byte", ord(decode_char(self.file, span.lo + 1, span.hi, byte=True)))
        return ast.Lit(span, "char", decode_char(self.file, span.lo, span.hi))

    def string_value(self, n: Node) -> tuple[str, list[int], bool]:
        """A string literal's value, the file offset of each character (plus the end), and
        whether it is a byte string."""
        text = self.text(n)
        span = self.span(n)
        prefix = text[:text.index('"')]
        if "c" in prefix:
            raise self.unsupported_node(n, "C string literal")
        raw = "r" in prefix
        hashes = prefix.count("#") if raw else 0
        lo = span.lo + len(prefix) + 1
        hi = span.hi - 1 - hashes
        value, offsets = decode_body(self.file, lo, hi, raw, byte="b" in prefix)
        return value, offsets, "b" in prefix

    @recoverable(_zero)
    def expr_string_literal(self, n: Node) -> ast.Expr:
        value, _, is_bytes = self.string_value(n)
        if is_bytes:
            return ast.Lit(self.span(n), "bytestr", value.encode("latin-1"))
        return ast.Lit(self.span(n), "str", value)

    expr_raw_string_literal = expr_string_literal

    # ------------------------------------------------------------ operators

    def expr_unary_expression(self, n: Node) -> ast.Expr:
        op = n.children[0].type
        return ast.Unary(self.span(n), op, self.expr(self.named(n)[0]))

    def expr_binary_expression(self, n: Node) -> ast.Expr:
        op = n.child_by_field_name("operator")
        return ast.Binary(self.span(n), op.type, self.expr(n.child_by_field_name("left")),
                          self.expr(n.child_by_field_name("right")), op_span=self.span(op))

    def expr_assignment_expression(self, n: Node) -> ast.Expr:
        return ast.Assign(self.span(n), self.expr(n.child_by_field_name("left")),
                          self.expr(n.child_by_field_name("right")))

    def expr_compound_assignment_expr(self, n: Node) -> ast.Expr:
        op = n.child_by_field_name("operator").type[:-1]
        return ast.CompoundAssign(self.span(n), op, self.expr(n.child_by_field_name("left")),
                                  self.expr(n.child_by_field_name("right")))

    def expr_reference_expression(self, n: Node) -> ast.Expr:
        raw = self.has_token(n, "raw")
        mutable = self.has_child(n, "mutable_specifier")
        return ast.Borrow(self.span(n), mutable, self.expr(n.child_by_field_name("value")), raw=raw)

    def expr_type_cast_expression(self, n: Node) -> ast.Expr:
        return ast.Cast(self.span(n), self.expr(n.child_by_field_name("value")),
                        self.ty(n.child_by_field_name("type")))

    def expr_try_expression(self, n: Node) -> ast.Expr:
        return ast.Try(self.span(n), self.expr(self.named(n)[0]))

    def expr_range_expression(self, n: Node) -> ast.Expr:
        lo: Optional[ast.Expr] = None
        hi: Optional[ast.Expr] = None
        seen_op = False
        for c in n.children:
            if c.type in ("..", "..=", "..."):
                seen_op = True
            elif c.is_named and c.type not in COMMENTS:
                if seen_op:
                    hi = self.expr(c)
                else:
                    lo = self.expr(c)
        inclusive = self.has_token(n, "..=") or self.has_token(n, "...")
        return ast.Range(self.span(n), lo, hi, inclusive)

    def expr_parenthesized_expression(self, n: Node) -> ast.Expr:
        return ast.Paren(self.span(n), self.expr(self.named(n)[0]))

    # ------------------------------------------------------------ calls, fields, indexing

    def expr_call_expression(self, n: Node) -> ast.Expr:
        func = n.child_by_field_name("function")
        args = [self.expr(c) for c in self.named(n.child_by_field_name("arguments")) if c.type != "attribute_item"]
        method = func
        generic_args = None
        if func.type == "generic_function" and func.child_by_field_name("function").type == "field_expression":
            method = func.child_by_field_name("function")
            generic_args = self.generic_args(func.child_by_field_name("type_arguments"))
        if method.type == "field_expression":
            name = method.child_by_field_name("field")
            if name.type == "field_identifier":
                receiver = self.expr(method.child_by_field_name("value"))
                return ast.MethodCall(self.span(n), receiver, self.ident(name), self.span(name), args,
                                      generic_args)
        return ast.Call(self.span(n), self.expr(func), args)

    def expr_field_expression(self, n: Node) -> ast.Expr:
        name = n.child_by_field_name("field")
        text = self.text(name)
        if name.type == "float_literal":
            raise self.unsupported_node(name, "field access")
        return ast.Field(self.span(n), self.expr(n.child_by_field_name("value")), text, self.span(name))

    def expr_index_expression(self, n: Node) -> ast.Expr:
        operand, index = self.named(n)[:2]
        return ast.Index(self.span(n), self.expr(operand), self.expr(index))

    # ------------------------------------------------------------ aggregates

    def expr_tuple_expression(self, n: Node) -> ast.Expr:
        return ast.Tuple(self.span(n), [self.expr(c) for c in self.named(n) if c.type != "attribute_item"])

    def expr_unit_expression(self, n: Node) -> ast.Expr:
        return ast.Tuple(self.span(n), [])

    def expr_array_expression(self, n: Node) -> ast.Expr:
        length = n.child_by_field_name("length")
        elems = [c for c in self.named(n) if c.type != "attribute_item"]
        if length is not None:
            return ast.ArrayRepeat(self.span(n), self.expr(elems[0]), self.expr(length))
        return ast.Array(self.span(n), [self.expr(c) for c in elems])

    def expr_struct_expression(self, n: Node) -> ast.Expr:
        path = self.path(n.child_by_field_name("name"))
        fields: list[ast.FieldInit] = []
        base = None
        for c in self.named(n.child_by_field_name("body")):
            kind = c.type
            if kind == "shorthand_field_initializer":
                ident = self.named(c)[0]
                fields.append(ast.FieldInit(self.span(c), self.ident(ident),
                                            ast.PathExpr(self.span(ident), self.path(ident)), shorthand=True))
            elif kind == "field_initializer":
                name = c.child_by_field_name("field")
                fields.append(ast.FieldInit(self.span(c), self.ident(name), self.expr(c.child_by_field_name("value"))))
            elif kind == "base_field_initializer":
                base = self.expr(self.named(c)[0])
        return ast.StructLit(self.span(n), path, fields, base)

    # ------------------------------------------------------------ blocks and statements

    def block(self, n: Node, label: Optional[str] = None, unsafe: bool = False) -> ast.Block:
        """A `{ ... }` block: statements, then the trailing expression if there is one."""
        stmts: list[ast.Stmt] = []
        tail: Optional[ast.Expr] = None
        pending_attrs: list[ast.Attribute] = []
        for c in n.children:
            kind = c.type
            if kind in _BLOCK_PUNCT or not c.is_named:
                continue
            if tail is not None:
                # an expression followed by more statements needed a `;`
                stmts.append(ast.ExprStmt(tail.span, tail, False))
                tail = None
            if kind == "let_declaration":
                stmts.append(self.let_stmt(c))
            elif kind == "expression_statement":
                stmts.append(self.expr_stmt(c))
            elif kind == "empty_statement":
                stmts.append(ast.EmptyStmt(self.span(c)))
            elif kind == "attribute_item":
                pending_attrs.append(self.attribute(c))
                continue
            elif kind == "inner_attribute_item":
                continue  # `#![allow(...)]` inside a body: accepted and ignored
            elif kind in ITEM_KINDS:
                item = self.item(c, pending_attrs)
                if item is not None:
                    stmts.append(ast.ItemStmt(self.span(c), item))
            else:
                tail = self.expr(c)
            pending_attrs = []
        if tail is None and stmts:
            last = stmts[-1]
            if isinstance(last, ast.ExprStmt) and not last.semi:
                # a block-like expression statement at the end is the block's value
                stmts.pop()
                tail = last.expr
        return ast.Block(self.span(n), stmts, tail, unsafe, label)

    def let_stmt(self, n: Node) -> ast.Stmt:
        pat = self.pat_any(n.child_by_field_name("pattern"))
        if self.has_child(n, "mutable_specifier") and isinstance(pat, ast.IdentPat):
            pat.mutable = True
            pat.span = self.span_between(self.child_of_kind(n, "mutable_specifier"), n.child_by_field_name("pattern"))
        ty = n.child_by_field_name("type")
        value = n.child_by_field_name("value")
        alt = n.child_by_field_name("alternative")
        return ast.LetStmt(self.span(n), pat, self.ty(ty) if ty is not None else None,
                           self.expr(value) if value is not None else None,
                           self.block(alt) if alt is not None else None)

    def expr_stmt(self, n: Node) -> ast.Stmt:
        inner = self.named(n)[0]
        return ast.ExprStmt(self.span(n), self.expr(inner), self.has_token(n, ";"))

    def _label(self, n: Node) -> Optional[str]:
        label = self.child_of_kind(n, "label")
        return self.text(label) if label is not None else None

    def expr_block(self, n: Node) -> ast.Expr:
        return self.block(n, label=self._label(n))

    def expr_unsafe_block(self, n: Node) -> ast.Expr:
        block = self.block(self.child_of_kind(n, "block"), unsafe=True)
        block.span = self.span(n)  # `unsafe { ... }`, as rustc spans it
        return block

    # ------------------------------------------------------------ control flow

    @recoverable(_zero)
    def condition(self, n: Node) -> ast.Expr:
        if n.type == "let_chain":
            first_let = self.child_of_kind(n, "let_condition")
            raise CompileError(Diagnostic.error("let chains are only allowed in Rust 2024 or later")
                               .with_primary(self.span(first_let if first_let is not None else n)))
        if n.type == "let_condition":
            return ast.Let(self.span(n), self.pat_any(n.child_by_field_name("pattern")),
                           self.expr(n.child_by_field_name("value")))
        return self.expr(n)

    def expr_if_expression(self, n: Node) -> ast.Expr:
        cond = self.condition(n.child_by_field_name("condition"))
        then = self.block(n.child_by_field_name("consequence"))
        else_: Optional[ast.Expr] = None
        alt = n.child_by_field_name("alternative")
        if alt is not None:
            else_ = self.expr(self.named(alt)[0])
        return ast.If(self.span(n), cond, then, else_)

    def expr_while_expression(self, n: Node) -> ast.Expr:
        return ast.While(self.span(n), self.condition(n.child_by_field_name("condition")),
                         self.block(n.child_by_field_name("body")), self._label(n))

    def expr_loop_expression(self, n: Node) -> ast.Expr:
        return ast.Loop(self.span(n), self.block(n.child_by_field_name("body")), self._label(n))

    def expr_for_expression(self, n: Node) -> ast.Expr:
        return ast.For(self.span(n), self.pat_any(n.child_by_field_name("pattern")),
                       self.expr(n.child_by_field_name("value")), self.block(n.child_by_field_name("body")),
                       self._label(n))

    def expr_match_expression(self, n: Node) -> ast.Expr:
        arms = [self.arm(c) for c in self.named(n.child_by_field_name("body")) if c.type == "match_arm"]
        return ast.Match(self.span(n), self.expr(n.child_by_field_name("value")), arms)

    def arm(self, n: Node) -> ast.Arm:
        mp = n.child_by_field_name("pattern")
        guard = mp.child_by_field_name("condition")
        pat_nodes = [c for c in mp.children if (c.is_named or c.type == "_") and c.type not in COMMENTS
                     and (guard is None or c.id != guard.id)]
        value = n.child_by_field_name("value")
        # the arm ends with its value, not with the `,` that tree-sitter includes
        return ast.Arm(self.span_between(n, value), self.pat_any(pat_nodes[0]),
                       self.condition(guard) if guard is not None else None, self.expr(value))

    def expr_break_expression(self, n: Node) -> ast.Expr:
        value = [c for c in self.named(n) if c.type != "label"]
        return ast.Break(self.span(n), self._label(n), self.expr(value[0]) if value else None)

    def expr_continue_expression(self, n: Node) -> ast.Expr:
        return ast.Continue(self.span(n), self._label(n))

    def expr_return_expression(self, n: Node) -> ast.Expr:
        value = self.named(n)
        return ast.Return(self.span(n), self.expr(value[0]) if value else None)

    def expr_closure_expression(self, n: Node) -> ast.Expr:
        if self.has_token(n, "async") or self.has_token(n, "static"):
            raise self.unsupported_node(n, "closure")
        params: list[ast.ClosureParam] = []
        for c in self.pattern_elems(n.child_by_field_name("parameters")):
            if c.type == "parameter":
                pat = self.pat_any(c.child_by_field_name("pattern"))
                if self.has_child(c, "mutable_specifier") and isinstance(pat, ast.IdentPat):
                    pat.mutable = True
                    pat.span = self.span_between(self.child_of_kind(c, "mutable_specifier"),
                                                 c.child_by_field_name("pattern"))
                ty = c.child_by_field_name("type")
                params.append(ast.ClosureParam(self.span(c), pat, self.ty(ty) if ty is not None else None))
            else:
                params.append(ast.ClosureParam(self.span(c), self.pat_any(c)))
        ret = n.child_by_field_name("return_type")
        return ast.Closure(self.span(n), params, self.ty(ret) if ret is not None else None,
                           self.expr(n.child_by_field_name("body")), is_move=self.has_token(n, "move"))
