"""Patterns: CST -> AST."""
from __future__ import annotations

from . import ast
from .cst import COMMENTS, ConverterBase, Node

# Punctuation between the elements of tuple, slice and struct patterns.
_PUNCT = frozenset(("(", ")", "[", "]", "{", "}", ",", "|", "&", "ref", "mut", "@", "::")) | COMMENTS


class PatternsMixin(ConverterBase):
    def pattern_elems(self, n: Node) -> list[Node]:
        """The element patterns of a compound pattern, including the anonymous `_` token."""
        return [c for c in n.children if c.type not in _PUNCT and (c.is_named or c.type == "_")]

    def pat_any(self, n: Node) -> ast.Pat:
        """A pattern node, where `_` may be an anonymous token."""
        if n.type == "_":
            return ast.WildPat(self.span(n))
        return self.pat(n)

    def pat__(self, n: Node) -> ast.Pat:
        return ast.WildPat(self.span(n))

    def pat_identifier(self, n: Node) -> ast.Pat:
        return ast.IdentPat(self.span(n), self.ident(n))

    def pat_self(self, n: Node) -> ast.Pat:
        return ast.IdentPat(self.span(n), "self")

    def pat_mut_pattern(self, n: Node) -> ast.Pat:
        inner = self.pat_any(self.pattern_elems(n)[-1])
        if not isinstance(inner, ast.IdentPat):
            raise self.unsupported_node(n, "pattern")
        inner.mutable = True
        inner.span = self.span(n)
        return inner

    def pat_ref_pattern(self, n: Node) -> ast.Pat:
        inner = self.pat_any(self.pattern_elems(n)[-1])
        if not isinstance(inner, ast.IdentPat):
            raise self.unsupported_node(n, "pattern")
        inner.by_ref = True
        inner.span = self.span(n)
        return inner

    def pat_captured_pattern(self, n: Node) -> ast.Pat:
        name, sub = self.pattern_elems(n)[0], self.pattern_elems(n)[-1]
        return ast.IdentPat(self.span(n), self.ident(name), sub=self.pat_any(sub))

    def pat_reference_pattern(self, n: Node) -> ast.Pat:
        inner = self.pattern_elems(n)[-1]
        if inner.type == "mutable_specifier":
            raise self.unsupported_node(n, "pattern")
        return ast.RefPat(self.span(n), self.pat_any(inner), self.has_child(n, "mutable_specifier"))

    def pat_tuple_pattern(self, n: Node) -> ast.Pat:
        elems = [self.pat_any(c) for c in self.pattern_elems(n) if c.type != "mutable_specifier"]
        if len(elems) == 1 and not self.has_token(n, ",") and not isinstance(elems[0], ast.RestPat):
            return elems[0]  # `(p)` is p in parentheses
        return ast.TuplePat(self.span(n), elems)

    def pat_remaining_field_pattern(self, n: Node) -> ast.Pat:
        return ast.RestPat(self.span(n))

    def pat_slice_pattern(self, n: Node) -> ast.Pat:
        return ast.SlicePat(self.span(n), [self.pat_any(c) for c in self.pattern_elems(n)])

    def pat_tuple_struct_pattern(self, n: Node) -> ast.Pat:
        path_node = n.child_by_field_name("type")
        elems = [self.pat_any(c) for c in self.pattern_elems(n) if c.id != path_node.id]
        return ast.TupleStructPat(self.span(n), self.path(path_node), elems)

    def pat_struct_pattern(self, n: Node) -> ast.Pat:
        path_node = n.child_by_field_name("type")
        fields: list[ast.FieldPat] = []
        has_rest = False
        for c in self.named(n):
            if c.type == "field_pattern":
                fields.append(self._field_pattern(c))
            elif c.type == "remaining_field_pattern":
                has_rest = True
        return ast.StructPat(self.span(n), self.path(path_node), fields, has_rest)

    def _field_pattern(self, c: Node) -> ast.FieldPat:
        name = c.child_by_field_name("name")
        sub = c.child_by_field_name("pattern")
        if sub is not None:
            return ast.FieldPat(self.span(c), self.ident(name), self.pat_any(sub))
        # shorthand `x`, `ref x`, `mut x`, `ref mut x`
        ident = ast.IdentPat(self.span(c), self.ident(name), by_ref=self.has_token(c, "ref"),
                             mutable=self.has_child(c, "mutable_specifier"))
        return ast.FieldPat(self.span(c), self.ident(name), ident, shorthand=True)

    def pat_or_pattern(self, n: Node) -> ast.Pat:
        alts: list[ast.Pat] = []
        for c in self.pattern_elems(n):
            p = self.pat_any(c)
            alts.extend(p.alts if isinstance(p, ast.OrPat) else [p])
        return ast.OrPat(self.span(n), alts)

    def pat_range_pattern(self, n: Node) -> ast.Pat:
        lo = n.child_by_field_name("left")
        hi = n.child_by_field_name("right")
        if lo is None and hi is None:
            ends = self.named(n)
            lo = ends[0] if ends else None
            hi = ends[1] if len(ends) > 1 else None
        inclusive = self.has_token(n, "..=") or self.has_token(n, "...")
        return ast.RangePat(self.span(n), self._range_end(lo), self._range_end(hi), inclusive)

    def _range_end(self, n: Node | None) -> ast.Expr | None:
        if n is None:
            return None
        if n.type == "negative_literal":
            lit = self._negative_lit(n)
            return lit
        return self.expr(n)

    def _literal_pat(self, n: Node) -> ast.Pat:
        return ast.LitPat(self.span(n), self.expr(n))

    pat_integer_literal = _literal_pat
    pat_float_literal = _literal_pat
    pat_string_literal = _literal_pat
    pat_raw_string_literal = _literal_pat
    pat_char_literal = _literal_pat
    pat_boolean_literal = _literal_pat

    def pat_negative_literal(self, n: Node) -> ast.Pat:
        return ast.LitPat(self.span(n), self._negative_lit(n))

    def _negative_lit(self, n: Node) -> ast.Lit:
        lit = self.expr(self.named(n)[0])
        lit.value = -lit.value
        lit.span = self.span(n)
        return lit

    def _path_pat(self, n: Node) -> ast.Pat:
        return ast.PathPat(self.span(n), self.path(n))

    pat_scoped_identifier = _path_pat
    pat_generic_type = _path_pat
