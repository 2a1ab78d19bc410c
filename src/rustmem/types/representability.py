"""Representability (rustc's E0072): a struct or enum that contains itself by value, directly
or through other types, would have infinite size.

A field holds a type by value through tuples, arrays and the type parameters an ADT stores by
value (`Option<T>` stores its `T`, `Box<T>` and `Vec<T>` only point at it: their std stubs hold
a `NonNull<T>`).  References, raw pointers, slices behind pointers and function pointers are
indirection.  Each cycle among the crate's ADTs is one error, naming every type in it with the
field that leads on to the next one, as rustc reports it.
"""
from __future__ import annotations

from typing import Any, Iterator, Optional

from ..diagnostics import Diagnostic
from ..source import Span
from ..syntax import ast
from .ty import Adt, AdtDef, Array, Param, Tuple, Ty


class _Repr:
    def __init__(self) -> None:
        self.params: dict[AdtDef, frozenset[int]] = {}

    def params_in_repr(self, adt: AdtDef) -> frozenset[int]:
        """The indices of ADT's type parameters that its fields hold by value."""
        if adt in self.params:
            return self.params[adt]
        self.params[adt] = frozenset()  # a recursive ADT's own use adds nothing new
        found: set[int] = set()
        for variant in adt.variants:
            for f in variant.fields:
                found.update(p.index for p in self.by_value(f.ty) if isinstance(p, Param))
        self.params[adt] = frozenset(found)
        return self.params[adt]

    def by_value(self, ty: Ty) -> Iterator[Ty]:
        """The ADTs and parameters TY holds by value (ADTs are yielded as `Adt` types)."""
        if isinstance(ty, Param):
            yield ty
        elif isinstance(ty, Tuple):
            for e in ty.elems:
                yield from self.by_value(e)
        elif isinstance(ty, Array):
            yield from self.by_value(ty.elem)
        elif isinstance(ty, Adt):
            yield ty
            for i in sorted(self.params_in_repr(ty.adt)):
                if i < len(ty.args):
                    yield from self.by_value(ty.args[i])

    def edges(self, adt: AdtDef, nodes: set[AdtDef]) -> list[tuple[AdtDef, Any]]:
        """(crate ADT held by value, the field that holds it), in field order."""
        out = []
        for variant in adt.variants:
            for f in variant.fields:
                for t in self.by_value(f.ty):
                    if isinstance(t, Adt) and t.adt in nodes:
                        out.append((t.adt, f))
        return out


def check_representability(adts: list[AdtDef]) -> list[Diagnostic]:
    """One E0072 per cycle of by-value containment among ADTS (the crate's, in declaration order)."""
    repr_ = _Repr()
    nodes = set(adts)
    graph = {a: repr_.edges(a, nodes) for a in adts}
    order = {a: i for i, a in enumerate(adts)}
    reported: set[AdtDef] = set()
    diags = []
    for start in adts:
        if start in reported:
            continue
        cycle = _shortest_cycle(start, graph)
        if cycle is None or reported.intersection(a for a, _ in cycle):
            continue
        reported.update(a for a, _ in cycle)
        diags.append(_error(sorted(cycle, key=lambda c: order[c[0]])))
    return diags


def _shortest_cycle(start: AdtDef, graph: dict[AdtDef, list[tuple[AdtDef, Any]]]
                    ) -> Optional[list[tuple[AdtDef, tuple[Any, AdtDef]]]]:
    """The shortest path from START back to itself, as (ADT, (its field, the next ADT)) steps."""
    prev: dict[AdtDef, tuple[AdtDef, Any]] = {}
    frontier = [start]
    while frontier:
        nxt = []
        for a in frontier:
            for b, f in graph[a]:
                if b is start:
                    steps = [(a, (f, start))]
                    while a is not start:
                        p, pf = prev[a]
                        steps.append((p, (pf, a)))
                        a = p
                    return steps[::-1]
                if b not in prev:
                    prev[b] = (a, f)
                    nxt.append(b)
        frontier = nxt
    return None


def _error(cycle: list[tuple[AdtDef, tuple[Any, AdtDef]]]) -> Diagnostic:
    names = [f"`{a.name}`" for a, _ in cycle]
    if len(names) == 1:
        message = f"recursive type {names[0]} has infinite size"
    else:
        message = f"recursive types {', '.join(names[:-1])} and {names[-1]} have infinite size"
    d = Diagnostic.error(message, "E0072")
    parts = []
    for adt, (field, target) in cycle:
        item = adt.ast
        d.with_primary(Span(item.span.file, item.span.lo, item.name_span.hi))
        span = _type_span(_field_ast(item, field), field.ty, target)
        d.with_label(span, "recursive without indirection")
        parts += [(Span(span.file, span.lo, span.lo), "Box<"), (Span(span.file, span.hi, span.hi), ">")]
    d.labels.sort(key=lambda lb: lb.span.lo)
    return d.with_suggestion("insert some indirection (e.g., a `Box`, `Rc`, or `&`) to break the cycle",
                             *parts)


def _field_ast(item: Any, field: Any) -> ast.TypeExpr:
    variants = [item] if isinstance(item, ast.Struct) else item.variants
    for v in variants:
        for f in v.fields:
            if f.span == field.span:
                return f.ty
    raise LookupError(field.name)


def _type_span(texpr: ast.TypeExpr, ty: Ty, target: AdtDef) -> Span:
    """The span of the written type naming TARGET inside TEXPR (whose lowered type is TY), found
    by walking both together along the by-value positions; TEXPR's own span if they part."""
    found = _find(texpr, ty, target, _Repr())
    return found if found is not None else texpr.span


def _find(texpr: Any, ty: Ty, target: AdtDef, repr_: _Repr) -> Optional[Span]:
    if isinstance(ty, Adt) and isinstance(texpr, ast.PathType):
        if ty.adt is target:
            return texpr.span
        args = texpr.path.segments[-1].args
        written = args.types if args is not None else []
        for i in sorted(repr_.params_in_repr(ty.adt)):
            if i < len(written) and i < len(ty.args):
                hit = _find(written[i], ty.args[i], target, repr_)
                if hit is not None:
                    return hit
    elif isinstance(ty, Tuple) and isinstance(texpr, ast.TupleType):
        for e, t in zip(texpr.elems, ty.elems):
            hit = _find(e, t, target, repr_)
            if hit is not None:
                return hit
    elif isinstance(ty, Array) and isinstance(texpr, ast.ArrayType):
        return _find(texpr.elem, ty.elem, target, repr_)
    return None
