"""Paths, types, generic arguments, bounds and generic parameters: CST -> AST."""
from __future__ import annotations

from typing import Optional

from . import ast
from .cst import ConverterBase, Node

# Node kinds that are one segment of a path.
_SEGMENT_KINDS = frozenset(("identifier", "type_identifier", "self", "super", "crate", "primitive_type",
                            "field_identifier", "metavariable"))


class TypesMixin(ConverterBase):
    # ------------------------------------------------------------ paths

    def path(self, n: Node) -> ast.Path:
        """A path from any path-like node: `a::b::<T>::c`, `Vec<i32>`, `Fn(A) -> B`, `Self`."""
        return self.qualified_path(n)[0]

    def qualified_path(self, n: Node) -> tuple[ast.Path, Optional[ast.TypeExpr]]:
        """A path and its `<T as Trait>` self type, if any (see `PathType.qself`).

        With a qself, the path's segments are the trait's followed by the rest
        (`<T as Iterator>::Item` -> Iterator::Item); without a trait (`<T>::f`) only the rest."""
        segments: list[ast.PathSegment] = []
        qself = self._collect_segments(n, segments)
        global_ = bool(segments) and segments[0].name == ""
        if global_:
            segments = segments[1:]
        return ast.Path(self.span(n), segments, global_=global_), qself

    def _collect_segments(self, n: Node, out: list[ast.PathSegment]) -> Optional[ast.TypeExpr]:
        kind = n.type
        if kind in _SEGMENT_KINDS:
            out.append(ast.PathSegment(self.span(n), self.ident(n)))
            return None
        if kind in ("scoped_identifier", "scoped_type_identifier"):
            prefix = n.child_by_field_name("path")
            qself = None
            if prefix is not None:
                qself = self._collect_segments(prefix, out)
            elif n.children and n.children[0].type == "::":
                out.append(ast.PathSegment(self.span(n.children[0]), ""))  # leading `::`
            name = n.child_by_field_name("name")
            out.append(ast.PathSegment(self.span(name), self.ident(name)))
            return qself
        if kind in ("generic_type", "generic_type_with_turbofish", "generic_function"):
            inner = n.child_by_field_name("type") or n.child_by_field_name("function")
            qself = self._collect_segments(inner, out)
            args = n.child_by_field_name("type_arguments")
            if args is not None and out:
                out[-1].args = self.generic_args(args)
            return qself
        if kind == "function_type" and n.child_by_field_name("trait") is not None:
            qself = self._collect_segments(n.child_by_field_name("trait"), out)
            out[-1].args = self.fn_sugar_args(n)
            return qself
        if kind == "bracketed_type":
            inner = self.named(n)[0]
            if inner.type == "qualified_type":
                qself_ty = self.ty(inner.child_by_field_name("type"))
                self._collect_segments(inner.child_by_field_name("alias"), out)
                return qself_ty
            return self.ty(inner)
        raise self.unsupported_node(n, "path")

    def generic_args(self, n: Node) -> ast.GenericArgs:
        """`<'a, T, Item = U, 3>`."""
        args = ast.GenericArgs(self.span(n))
        for c in self.named(n):
            kind = c.type
            if kind == "lifetime":
                args.lifetimes.append(self.lifetime(c))
            elif kind == "type_binding":
                name = c.child_by_field_name("name")
                args.bindings.append((self.text(name), self.ty(c.child_by_field_name("type"))))
            elif kind in self.TYPE:
                args.types.append(self.ty(c))
            elif kind == "block" or kind.endswith("_literal"):
                raise self.unsupported_node(c, "generic argument")
            else:
                args.types.append(self.ty(c))
        return args

    def fn_sugar_args(self, n: Node) -> ast.GenericArgs:
        """The `(A, B) -> C` of `Fn(A, B) -> C`."""
        params = n.child_by_field_name("parameters")
        ret = n.child_by_field_name("return_type")
        return ast.GenericArgs(
            self.span_between(params, ret if ret is not None else params),
            types=[self.ty(c) for c in self.named(params)],
            parenthesized=True,
            output=self.ty(ret) if ret is not None else None,
        )

    def lifetime(self, n: Node) -> ast.Lifetime:
        return ast.Lifetime(self.span(n), self.text(n))

    # ------------------------------------------------------------ types

    def _path_type(self, n: Node) -> ast.TypeExpr:
        p, qself = self.qualified_path(n)
        return ast.PathType(self.span(n), p, qself)

    ty_scoped_type_identifier = _path_type
    ty_generic_type = _path_type
    ty_scoped_identifier = _path_type
    ty_primitive_type = _path_type

    def ty_type_identifier(self, n: Node) -> ast.TypeExpr:
        if self.src[n.start_byte:n.end_byte] == b"_":
            return ast.InferType(self.span(n))
        return self._path_type(n)

    def ty_identifier(self, n: Node) -> ast.TypeExpr:
        return self.ty_type_identifier(n)

    def ty_reference_type(self, n: Node) -> ast.TypeExpr:
        lt = self.child_of_kind(n, "lifetime")
        return ast.RefType(
            self.span(n),
            self.lifetime(lt) if lt is not None else None,
            self.has_child(n, "mutable_specifier"),
            self.ty(n.child_by_field_name("type")),
        )

    def ty_pointer_type(self, n: Node) -> ast.TypeExpr:
        return ast.PtrType(self.span(n), self.has_child(n, "mutable_specifier"), self.ty(n.child_by_field_name("type")))

    def ty_tuple_type(self, n: Node) -> ast.TypeExpr:
        return ast.TupleType(self.span(n), [self.ty(c) for c in self.named(n)])

    def ty_unit_type(self, n: Node) -> ast.TypeExpr:
        return ast.TupleType(self.span(n), [])

    def ty_array_type(self, n: Node) -> ast.TypeExpr:
        elem = self.ty(n.child_by_field_name("element"))
        length = n.child_by_field_name("length")
        if length is None:
            return ast.SliceType(self.span(n), elem)
        return ast.ArrayType(self.span(n), elem, self.expr(length))

    def ty_never_type(self, n: Node) -> ast.TypeExpr:
        return ast.NeverType(self.span(n))

    def ty_function_type(self, n: Node) -> ast.TypeExpr:
        if n.child_by_field_name("trait") is not None:
            # a bare `Fn(A) -> B` in type position is a trait object written without `dyn`
            return self._path_type(n)
        if self.has_child(n, "function_modifiers"):
            raise self.unsupported_node(n.child_by_field_name("function_modifiers") or n, "function pointer type")
        params = n.child_by_field_name("parameters")
        ret = n.child_by_field_name("return_type")
        return ast.FnPtrType(self.span(n), [self.ty(self._param_type(c)) for c in self.named(params)],
                             self.ty(ret) if ret is not None else None)

    def _param_type(self, c: Node) -> Node:
        """A fn pointer parameter is a type, or `name: type`."""
        if c.type == "parameter":
            return c.child_by_field_name("type")
        return c

    def ty_abstract_type(self, n: Node) -> ast.TypeExpr:
        return ast.ImplTraitType(self.span(n), self.bounds_of_type(n.child_by_field_name("trait")))

    def ty_dynamic_type(self, n: Node) -> ast.TypeExpr:
        return ast.DynTraitType(self.span(n), self.bounds_of_type(n.child_by_field_name("trait")))

    def ty_bounded_type(self, n: Node) -> ast.TypeExpr:
        """`dyn A + 'a` / `impl A + B`: the first part's bounds plus the rest."""
        parts = self.named(n)
        first = self.ty(parts[0])
        extra = [b for p in parts[1:] for b in self.bounds_of_type(p)]
        if isinstance(first, (ast.DynTraitType, ast.ImplTraitType)):
            first.bounds.extend(extra)
            first.span = self.span(n)
            return first
        return ast.DynTraitType(self.span(n), self.bounds_of_type(parts[0]) + extra)

    def ty_parenthesized_type(self, n: Node) -> ast.TypeExpr:
        return self.ty(self.named(n)[0])

    # ------------------------------------------------------------ bounds and generics

    def bound(self, n: Node) -> ast.Bound:
        kind = n.type
        if kind == "lifetime":
            return ast.Bound(self.span(n), lifetime=self.lifetime(n))
        if kind == "removed_trait_bound":
            inner = self.bound(self.named(n)[0])
            inner.span, inner.maybe = self.span(n), True
            return inner
        if kind == "higher_ranked_trait_bound":
            # `for<'a> Fn(&'a T)`: the binder's lifetimes are left implicit (late-bound)
            inner = self.bound(n.child_by_field_name("type"))
            inner.span = self.span(n)
            return inner
        if kind == "parenthesized_type":
            return self.bound(self.named(n)[0])
        return ast.Bound(self.span(n), path=self.path(n))

    def bounds_of_type(self, n: Node) -> list[ast.Bound]:
        if n.type in ("bounded_type", "trait_bounds"):
            return [self.bound(c) for c in self.named(n)]
        return [self.bound(n)]

    def generics(self, params: Node | None, where: Node | None) -> ast.Generics:
        """Generic parameters `<'a, T: Clone, const N: usize>` and a `where` clause."""
        g = ast.Generics()
        if params is not None:
            g.span = self.span(params)
            for c in self.named(params):
                self._generic_param(c, g)
        if where is not None:
            for pred in self.named(where):
                g.where.append(self._where_predicate(pred))
        return g

    def _generic_param(self, c: Node, g: ast.Generics) -> None:
        kind = c.type
        if kind == "lifetime_parameter" or kind == "lifetime":
            name_node = c.child_by_field_name("name") or c
            bounds = c.child_by_field_name("bounds")
            g.lifetimes.append(ast.LifetimeParam(
                self.span(c), self.text(name_node),
                [self.lifetime(b) for b in self.named(bounds)] if bounds is not None else []))
        elif kind in ("type_parameter", "constrained_type_parameter", "optional_type_parameter"):
            name_node = c.child_by_field_name("name") or c.child_by_field_name("left") or self.named(c)[0]
            bounds = c.child_by_field_name("bounds")
            default = c.child_by_field_name("default_type")
            g.types.append(ast.TypeParam(
                self.span(c), self.text(name_node),
                self.bounds_of_type(bounds) if bounds is not None else [],
                self.ty(default) if default is not None else None))
        elif kind == "const_parameter":
            g.consts.append(ast.ConstParam(self.span(c), self.text(c.child_by_field_name("name")),
                                           self.ty(c.child_by_field_name("type"))))
        else:
            raise self.unsupported_node(c, "generic parameter")

    def _where_predicate(self, pred: Node) -> ast.WherePredicate:
        left = pred.child_by_field_name("left")
        bounds = pred.child_by_field_name("bounds")
        bound_list = self.bounds_of_type(bounds) if bounds is not None else []
        if left.type == "lifetime":
            return ast.WherePredicate(self.span(pred), None, self.lifetime(left), bound_list)
        if left.type == "higher_ranked_trait_bound":
            left = left.child_by_field_name("type")
        return ast.WherePredicate(self.span(pred), self.ty(left), None, bound_list)
