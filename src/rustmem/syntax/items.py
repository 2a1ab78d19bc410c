"""Items, attributes and `use` trees: CST -> AST."""
from __future__ import annotations

from typing import Optional

from ..diagnostics import CompileError, Diagnostic, unsupported
from . import ast
from .cst import ConverterBase, Node


class ItemsMixin(ConverterBase):
    def items(self, n: Node) -> tuple[list[ast.Item], list[ast.Attribute]]:
        """The items of a file or a `{ ... }` item list, and its inner attributes."""
        items: list[ast.Item] = []
        inner: list[ast.Attribute] = []
        pending: list[ast.Attribute] = []
        for c in n.children:
            kind = c.type
            if not c.is_named or kind in ("line_comment", "block_comment"):
                continue
            if kind == "attribute_item":
                pending.append(self.attribute(c))
            elif kind == "inner_attribute_item":
                inner.append(self.attribute(c, inner=True))
            elif kind in ("empty_statement", "shebang"):
                continue  # `;` between items, `#!/usr/bin/env ...` on the first line
            else:
                item = self.item(c, pending)
                if item is not None:
                    items.append(item)
                pending = []
        return items, inner

    def item(self, n: Node, attrs: list[ast.Attribute]) -> Optional[ast.Item]:
        """One item with the outer attributes before it; None when `#[cfg(test)]` or `#[test]`
        removes it (rustmem builds programs as `rustc` does without `--test`)."""
        if any(a.name == "test" or (a.name == "cfg" and a.args == ["test"]) for a in attrs):
            return None
        f = self.ITEM.get(n.type)
        if f is None:
            if n.type == "macro_invocation":
                name = self.text(n.child_by_field_name("macro"))
                raise unsupported(self.span(n), f"the macro `{name}!` in item position")
            raise self.unsupported_node(n, "item")
        item = f(self, n)
        if hasattr(item, "attrs"):
            item.attrs = list(attrs)
        return item

    # ------------------------------------------------------------ attributes

    def attribute(self, n: Node, inner: bool = False) -> ast.Attribute:
        """`#[derive(Debug, Clone)]` -> name "derive", args ["Debug", "Clone"];
        `#[lang = "Vec"]` -> name "lang", args ["Vec"]."""
        attr = self.child_of_kind(n, "attribute")
        parts = self.named(attr)
        name = self.text(parts[0])
        args: list[str] = []
        value = attr.child_by_field_name("value")
        tokens = attr.child_by_field_name("arguments")
        if value is not None:
            if value.type in ("string_literal", "raw_string_literal"):
                args = [self.string_value(value)[0]]
            else:
                args = [self.text(value)]
        elif tokens is not None:
            args = self._attr_args(tokens)
        return ast.Attribute(self.span(n), name, args, inner)

    def _attr_args(self, tokens: Node) -> list[str]:
        """The top-level comma-separated pieces of an attribute's token tree, as text."""
        args: list[str] = []
        start: Optional[int] = None
        end = 0
        for c in tokens.children[1:-1]:
            if c.type == ",":
                if start is not None:
                    args.append(self.src[start:end].decode("utf-8"))
                start = None
            else:
                if start is None:
                    start = c.start_byte
                end = c.end_byte
        if start is not None:
            args.append(self.src[start:end].decode("utf-8"))
        return args

    def is_pub(self, n: Node) -> bool:
        return self.has_child(n, "visibility_modifier")

    # ------------------------------------------------------------ functions

    def _fn(self, n: Node) -> ast.Item:
        name = n.child_by_field_name("name")
        is_unsafe = is_const = False
        modifiers = self.child_of_kind(n, "function_modifiers")
        if modifiers is not None:
            for m in modifiers.children:
                if m.type == "unsafe":
                    is_unsafe = True
                elif m.type == "const":
                    is_const = True
                elif m.type == "default":
                    continue
                else:
                    raise unsupported(self.span(m), f"`{self.text(m)}` functions")
        self_param, params = self.fn_params(n.child_by_field_name("parameters"))
        ret = n.child_by_field_name("return_type")
        body = n.child_by_field_name("body")
        return ast.Fn(
            self.span(n), self.ident(name), self.span(name),
            self.generics(n.child_by_field_name("type_parameters"), self.child_of_kind(n, "where_clause")),
            self_param, params,
            self.ty(ret) if ret is not None else None,
            self.block(body) if body is not None else None,
            is_unsafe=is_unsafe, is_const=is_const, is_pub=self.is_pub(n),
        )

    item_function_item = _fn
    item_function_signature_item = _fn

    def fn_params(self, n: Node) -> tuple[Optional[ast.SelfParam], list[ast.Param]]:
        self_param: Optional[ast.SelfParam] = None
        params: list[ast.Param] = []
        for c in self.named(n):
            kind = c.type
            if kind == "self_parameter":
                lt = self.child_of_kind(c, "lifetime")
                is_ref = self.has_token(c, "&")
                mutable = self.has_child(c, "mutable_specifier")
                self_param = ast.SelfParam(
                    self.span(c), ("refmut" if mutable else "ref") if is_ref else "value",
                    mutable=mutable and not is_ref, lifetime=self.lifetime(lt) if lt is not None else None)
            elif kind == "parameter":
                pat_node = c.child_by_field_name("pattern")
                ty = self.ty(c.child_by_field_name("type"))
                mutable = self.has_child(c, "mutable_specifier")
                if pat_node.type == "self":
                    self_param = ast.SelfParam(self.span(c), "value", mutable=mutable, ty=ty)
                    continue
                pat = self.pat_any(pat_node)
                if mutable and isinstance(pat, ast.IdentPat):
                    pat.mutable = True
                    pat.span = self.span_between(self.child_of_kind(c, "mutable_specifier"), pat_node)
                params.append(ast.Param(self.span(c), pat, ty))
            elif kind == "attribute_item":
                continue
            elif kind in self.TYPE:
                # `fn f(i32)`: an anonymous parameter (Rust 2015), which rustc 2021 rejects
                nxt = c.next_sibling
                at = self.span(nxt) if nxt is not None else self.span(c).shrink_to_hi()
                found = self.text(nxt) if nxt is not None else ""
                raise CompileError(Diagnostic.error(f"expected one of `:`, `@`, or `|`, found `{found}`")
                                   .with_primary(at, "expected one of `:`, `@`, or `|`"))
            else:
                raise self.unsupported_node(c, "parameter")
        return self_param, params

    # ------------------------------------------------------------ data types

    def fields(self, body: Optional[Node]) -> tuple[str, list[ast.FieldDef]]:
        """The kind ("named", "tuple", "unit") and fields of a struct or variant body."""
        if body is None:
            return "unit", []
        fields: list[ast.FieldDef] = []
        if body.type == "field_declaration_list":
            for c in self.named(body):
                if c.type == "field_declaration":
                    fields.append(ast.FieldDef(self.span(c), self.ident(c.child_by_field_name("name")),
                                               self.ty(c.child_by_field_name("type")), self.is_pub(c)))
            return "named", fields
        # ordered_field_declaration_list: `pub` modifiers sit between the types
        is_pub = False
        start: Optional[Node] = None
        for c in self.named(body):
            if c.type == "visibility_modifier":
                is_pub, start = True, c
            elif c.type != "attribute_item":
                span = self.span_between(start, c) if start is not None else self.span(c)
                fields.append(ast.FieldDef(span, None, self.ty(c), is_pub))
                is_pub, start = False, None
        return "tuple", fields

    def item_struct_item(self, n: Node) -> ast.Item:
        name = n.child_by_field_name("name")
        kind, fields = self.fields(n.child_by_field_name("body"))
        return ast.Struct(self.span(n), self.ident(name), self.span(name),
                          self.generics(n.child_by_field_name("type_parameters"), self.child_of_kind(n, "where_clause")),
                          kind, fields)

    def item_enum_item(self, n: Node) -> ast.Item:
        name = n.child_by_field_name("name")
        variants: list[ast.Variant] = []
        for c in self.named(n.child_by_field_name("body")):
            if c.type != "enum_variant":
                continue
            vname = c.child_by_field_name("name")
            kind, fields = self.fields(c.child_by_field_name("body"))
            value = c.child_by_field_name("value")
            variants.append(ast.Variant(self.span(c), self.ident(vname), kind, fields,
                                        self.expr(value) if value is not None else None))
        return ast.Enum(self.span(n), self.ident(name), self.span(name),
                        self.generics(n.child_by_field_name("type_parameters"), self.child_of_kind(n, "where_clause")),
                        variants)

    # ------------------------------------------------------------ impls and traits

    def assoc_items(self, body: Optional[Node]) -> list[ast.Item]:
        if body is None:
            return []
        return self.items(body)[0]

    def item_impl_item(self, n: Node) -> ast.Item:
        trait = n.child_by_field_name("trait")
        return ast.Impl(
            self.span(n),
            self.generics(n.child_by_field_name("type_parameters"), self.child_of_kind(n, "where_clause")),
            self.path(trait) if trait is not None else None,
            self.ty(n.child_by_field_name("type")),
            self.assoc_items(n.child_by_field_name("body")),
            negative=self.has_token(n, "!"), is_unsafe=self.has_token(n, "unsafe"),
        )

    def item_trait_item(self, n: Node) -> ast.Item:
        if self.has_token(n, "unsafe"):
            raise unsupported(self.span(n), "unsafe traits")
        name = n.child_by_field_name("name")
        bounds = n.child_by_field_name("bounds")
        return ast.Trait(
            self.span(n), self.ident(name), self.span(name),
            self.generics(n.child_by_field_name("type_parameters"), self.child_of_kind(n, "where_clause")),
            self.bounds_of_type(bounds) if bounds is not None else [],
            self.assoc_items(n.child_by_field_name("body")),
        )

    def item_associated_type(self, n: Node) -> ast.Item:
        """`type Item: Bound;` in a trait."""
        bounds = n.child_by_field_name("bounds")
        default = n.child_by_field_name("default_type")
        return ast.AssocType(self.span(n), self.ident(n.child_by_field_name("name")),
                             self.bounds_of_type(bounds) if bounds is not None else [],
                             self.ty(default) if default is not None else None)

    def item_type_item(self, n: Node) -> ast.Item:
        """`type A<T> = ...;` — an alias, or an associated type's value inside an impl."""
        name = n.child_by_field_name("name")
        generics = self.generics(n.child_by_field_name("type_parameters"), self.child_of_kind(n, "where_clause"))
        ty = self.ty(n.child_by_field_name("type"))
        if n.parent is not None and n.parent.type == "declaration_list" and n.parent.parent is not None \
                and n.parent.parent.type == "impl_item":
            return ast.AssocType(self.span(n), self.ident(name), [], ty)
        return ast.TypeAlias(self.span(n), self.ident(name), generics, ty)

    # ------------------------------------------------------------ values

    def item_const_item(self, n: Node) -> ast.Item:
        name = n.child_by_field_name("name")
        ty = n.child_by_field_name("type")
        value = n.child_by_field_name("value")
        return ast.Const(self.span(n), self.ident(name), self.span(name),
                         self.ty(ty) if ty is not None else None,
                         self.expr(value) if value is not None else None)

    def item_static_item(self, n: Node) -> ast.Item:
        name = n.child_by_field_name("name")
        value = n.child_by_field_name("value")
        if value is None:
            raise unsupported(self.span(n), "statics without a value")
        return ast.Static(self.span(n), self.ident(name), self.span(name), self.ty(n.child_by_field_name("type")),
                          self.expr(value), mutable=self.has_child(n, "mutable_specifier"))

    # ------------------------------------------------------------ modules and use

    def item_mod_item(self, n: Node) -> ast.Item:
        body = n.child_by_field_name("body")
        if body is None:
            raise unsupported(self.span(n), "modules in other files (`mod name;`)")
        return ast.Mod(self.span(n), self.ident(n.child_by_field_name("name")), self.items(body)[0])

    def item_use_declaration(self, n: Node) -> ast.Item:
        entries: list[tuple[ast.Path, Optional[str], bool]] = []
        self._use_tree(n.child_by_field_name("argument"), [], entries)
        return ast.Use(self.span(n), entries)

    def _use_tree(self, n: Node, prefix: list[ast.PathSegment],
                  out: list[tuple[ast.Path, Optional[str], bool]]) -> None:
        """Flatten a use tree: `a::{b, c::d as e, f::*}` -> (a::b), (a::c::d as e), (a::f, glob)."""
        kind = n.type
        if kind == "scoped_use_list":
            inner = n.child_by_field_name("path")
            here = prefix + (self.path(inner).segments if inner is not None else [])
            self._use_tree(n.child_by_field_name("list"), here, out)
        elif kind == "use_list":
            for c in self.named(n):
                self._use_tree(c, prefix, out)
        elif kind == "use_as_clause":
            p = self._use_path(n.child_by_field_name("path"), prefix)
            out.append((p, self.text(n.child_by_field_name("alias")), False))
        elif kind == "use_wildcard":
            inner = self.named(n)
            segments = prefix + (self.path(inner[0]).segments if inner else [])
            out.append((ast.Path(self.span(n), segments), None, True))
        else:
            out.append((self._use_path(n, prefix), None, False))

    def _use_path(self, n: Node, prefix: list[ast.PathSegment]) -> ast.Path:
        p = self.path(n)
        if n.type == "self" and prefix:
            # `use a::{self}` names `a` itself
            return ast.Path(self.span(n), list(prefix))
        return ast.Path(p.span, prefix + p.segments, p.global_)
