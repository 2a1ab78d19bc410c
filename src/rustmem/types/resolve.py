"""Names: module lookup, path resolution, and lowering of written types (`ast.TypeExpr`) to `Ty`.

A `LowerCx` says what is in scope while a type is lowered: the module, the generic
parameters, `Self`, the bounds (for `T::Item`), how a missing lifetime is filled in (fresh
signature regions, erased in bodies, or an E0106 error) and how `_` is filled in (inference
variables in bodies).
"""
from __future__ import annotations

from ..records import field, record
from typing import Any, Callable, Optional

from ..diagnostics import Diagnostic
from ..syntax import ast
from . import errors
from .ctxt import AliasDef, ConstDef, CtorDef, ItemTables, Module, PRIMITIVES, Predicate
from .infer import ANY_LEN
from .ty import (
    ERASED, ERROR, NEVER, STATIC, UNIT, Adt, AdtDef, Array, FnPtr, Param, Projection, RawPtr, Ref,
    Region, Slice, TraitDef, Tuple, Ty, subst,
)

STD_ROOTS = ("std", "core", "alloc")


# ---------------------------------------------------------------- module lookup

def lookup(tables: ItemTables, module: Module, name: str, ns: str) -> Any:
    """name in module's namespace ns ("types" or "values"), then globs, std and the prelude."""
    d = getattr(module, ns).get(name)
    if d is not None:
        return d
    for g in module.globs:
        d = member(tables, g, name, ns)
        if d is not None:
            return d
    entry = tables.prelude.get(name)
    if entry is not None:
        d = entry[0] if ns == "types" else entry[1]
        if d is not None:
            return d
    if module.is_std:  # the stubs name each other's items without imports
        d = getattr(tables.std_flat, ns).get(name)
        if d is not None:
            return d
    if ns == "types":
        if name in PRIMITIVES:
            return PRIMITIVES[name]
        if name in STD_ROOTS and tables.std_root is not None:
            return tables.std_root
    return None


def member(tables: ItemTables, base: Any, name: str, ns: str) -> Any:
    """The item `name` inside a module or an enum (its variants)."""
    if isinstance(base, Module):
        d = getattr(base, ns).get(name)
        if d is None:
            for g in base.globs:
                d = member(tables, g, name, ns)
                if d is not None:
                    break
        return d
    if isinstance(base, AdtDef) and base.is_enum:
        for i, v in enumerate(base.variants):
            if v.name == name:
                return CtorDef(base, i)
    return None


def resolve_module_path(tables: ItemTables, module: Module, crate_root: Module, segments: list[str],
                        ns: str) -> tuple[Any, int]:
    """Resolve as many leading segments as name items; returns (def, number of segments used).

    The last segment is looked up in ns, the others in the type namespace.  A result using
    fewer segments than given is a type whose remaining segments are associated items."""
    first = segments[0]
    start = 0
    cur: Any
    if first in STD_ROOTS and tables.std_root is not None and len(segments) > 1 and first not in module.types:
        cur, start = tables.std_root, 1
    elif first == "crate":  # the crate root: std's own root inside the stubs
        cur, start = (tables.std_root if module.is_std else crate_root), 1
    elif first == "self" and len(segments) > 1:
        cur, start = module, 1
    elif first == "super":
        cur, start = module, 0
        while start < len(segments) and segments[start] == "super":
            cur = cur.parent or cur
            start += 1
    else:
        cur = lookup(tables, module, first, "types" if len(segments) > 1 else ns)
        if cur is None and len(segments) == 1:
            return None, 0
        if cur is None:
            return None, 0
        start = 1
    i = start
    while i < len(segments):
        if not isinstance(cur, Module) and not (isinstance(cur, AdtDef) and cur.is_enum):
            return cur, i
        nxt = member(tables, cur, segments[i], ns if i == len(segments) - 1 else "types")
        if nxt is None and i == len(segments) - 1 and isinstance(cur, Module):
            nxt = member(tables, cur, segments[i], "types" if ns == "values" else "values")
            if nxt is not None and ns == "values" and not isinstance(nxt, CtorDef):
                nxt = None
        if nxt is None:
            if isinstance(cur, AdtDef):
                return cur, i  # an associated item of an enum
            return None, i
        cur = nxt
        i += 1
    return cur, i


# ---------------------------------------------------------------- type lowering

@record(slots=False)
class LowerCx:
    tables: ItemTables
    module: Module
    crate_root: Module
    params: dict[str, Ty] = field(default_factory=dict)
    lifetimes: set[str] = field(default_factory=set)
    self_ty: Optional[Ty] = None
    trait: Optional[TraitDef] = None  # inside a trait declaration
    impl_assoc: dict[str, Ty] = field(default_factory=dict)  # inside an impl: Self::Name
    predicates: list[Predicate] = field(default_factory=list)
    region_for: Optional[Callable[[Optional[ast.Lifetime], Any], Region]] = None
    infer: Optional[Callable[[], Ty]] = None
    impl_trait: Optional[Callable[[ast.ImplTraitType], Ty]] = None
    diags: list[Diagnostic] = field(default_factory=list)
    consts: set[str] = field(default_factory=set)  # const generic parameters in scope
    impl_trait_ref: Optional[tuple[TraitDef, tuple[Ty, ...]]] = None  # inside `impl Trait<args> for T`

    def region(self, lt: Optional[ast.Lifetime], span: Any) -> Region:
        if lt is not None and lt.name == "'static":
            return STATIC
        if lt is not None and lt.name != "'_" and self.region_for is None:
            return Region(lt.name)
        if self.region_for is None:
            return ERASED
        return self.region_for(lt, span)

    def error(self, diag: Diagnostic) -> Ty:
        self.diags.append(diag)
        return ERROR


def lower_ty(t: ast.TypeExpr, cx: LowerCx) -> Ty:
    """The semantic type of a written type."""
    if isinstance(t, ast.PathType):
        return lower_path_type(t, cx)
    if isinstance(t, ast.RefType):
        region = cx.region(t.lifetime, t.span)
        return Ref(region, t.mutable, lower_ty(t.inner, cx))
    if isinstance(t, ast.PtrType):
        return RawPtr(t.mutable, lower_ty(t.inner, cx))
    if isinstance(t, ast.TupleType):
        return Tuple(tuple(lower_ty(e, cx) for e in t.elems))
    if isinstance(t, ast.SliceType):
        return Slice(lower_ty(t.elem, cx))
    if isinstance(t, ast.ArrayType):
        n = eval_const_int(t.len, cx)
        return Array(lower_ty(t.elem, cx), ANY_LEN if n is None else n)
    if isinstance(t, ast.NeverType):
        return NEVER
    if isinstance(t, ast.InferType):
        if cx.infer is not None:
            return cx.infer()
        return cx.error(errors.placeholder_in_signature(t.span))
    if isinstance(t, ast.FnPtrType):
        return FnPtr(tuple(lower_ty(p, cx) for p in t.params), lower_ty(t.ret, cx) if t.ret else UNIT)
    if isinstance(t, ast.ImplTraitType):
        if cx.impl_trait is not None:
            return cx.impl_trait(t)
        return cx.error(errors.unsupported_here(t.span, "`impl Trait` in this position"))
    if isinstance(t, ast.DynTraitType):
        return cx.error(errors.unsupported_here(t.span, "trait objects are not supported yet"))
    return cx.error(errors.unsupported_here(getattr(t, "span", None), "this kind of type"))


def lower_path_type(t: ast.PathType, cx: LowerCx) -> Ty:
    path = t.path
    if t.qself is not None:
        self_ty = lower_ty(t.qself, cx)
        trait_seg = path.segments[:-1]
        d, used = resolve_module_path(cx.tables, cx.module, cx.crate_root, [s.name for s in trait_seg], "types")
        if not isinstance(d, TraitDef) or used != len(trait_seg):
            return cx.error(errors.unresolved_type(path.span, str(path)))
        args, _ = trait_args(d, trait_seg[-1].args, self_ty, cx)
        return Projection(d, self_ty, path.name, args)
    segs = path.segments
    first = segs[0].name
    base: Optional[Ty] = None
    used = 1
    if first in cx.params and not path.global_:
        base = cx.params[first]
    elif first == "Self" and cx.self_ty is not None:
        base = cx.self_ty
    if base is None:
        d, used = resolve_module_path(cx.tables, cx.module, cx.crate_root, [s.name for s in segs], "types")
        if d is None:
            return cx.error(errors.unresolved_type(segs[max(used, 0) if used < len(segs) else -1].span, segs[min(used, len(segs) - 1)].name))
        base = instantiate_type_def(d, segs[used - 1], cx)
        if base is None:
            return cx.error(errors.unresolved_type(path.span, str(path)))
    via_self = first == "Self"
    for seg in segs[used:]:
        base = assoc_type(base, seg.name, seg.span, cx, via_self)
        via_self = False
    return base


def instantiate_type_def(d: Any, seg: ast.PathSegment, cx: LowerCx) -> Optional[Ty]:
    """The type named by a resolved definition with the segment's generic arguments."""
    if isinstance(d, Ty):
        return d
    if isinstance(d, AdtDef):
        return adt_ty(d, seg.args, cx, seg.span)
    if isinstance(d, AliasDef):
        alias = d.ast
        sub = LowerCx(cx.tables, d.module, cx.crate_root, region_for=cx.region_for, infer=cx.infer, diags=cx.diags)
        body = lower_ty(alias.ty, sub)
        names = [p.name for p in alias.generics.types]
        given = [lower_ty(a, cx) for a in seg.args.types] if seg.args else []
        return subst(body, dict(zip(names, given)))
    return None


def adt_ty(adt: AdtDef, args: Optional[ast.GenericArgs], cx: LowerCx, span: Any) -> Ty:
    given_lts = args.lifetimes if args else []
    regions = []
    for i, _ in enumerate(adt.lifetimes):
        regions.append(cx.region(given_lts[i] if i < len(given_lts) else None, span))
    given = [lower_ty(a, cx) for a in args.types if not is_const_arg(a, cx)] if args else []
    tys: list[Ty] = []
    defaults = adt_defaults(adt)
    for i, name in enumerate(adt.params):
        if i < len(given):
            tys.append(given[i])
        elif defaults.get(name) is not None:
            sub = LowerCx(cx.tables, cx.module, cx.crate_root, diags=cx.diags)
            tys.append(subst(lower_ty(defaults[name], sub), dict(zip(adt.params, tys))))
        elif cx.infer is not None:
            tys.append(cx.infer())
        else:
            tys.append(cx.error(errors.missing_generics(span, adt.name, len(adt.params))))
    return Adt(adt, tuple(tys), tuple(regions))


def is_const_arg(t: Any, cx: LowerCx) -> bool:
    """A const generic argument (`N` of `IntoIter<T, N>`), which types leave out."""
    return (isinstance(t, ast.PathType) and t.qself is None and len(t.path.segments) == 1
            and t.path.segments[0].name in cx.consts)


def adt_defaults(adt: AdtDef) -> dict[str, Any]:
    generics = getattr(adt.ast, "generics", None)
    if generics is None:
        return {}
    return {p.name: p.default for p in generics.types if p.default is not None}


def assoc_type(base: Ty, name: str, span: Any, cx: LowerCx, via_self: bool = True) -> Ty:
    """`Base::Name`: `Self::Name` of the impl being declared, or a projection through a bound
    (`I::Item` with `I: Iterator` names Iterator's Item, whatever impl it is written in)."""
    if via_self and cx.self_ty is not None and base == cx.self_ty and name in cx.impl_assoc:
        return cx.impl_assoc[name]
    if via_self and cx.self_ty is not None and base == cx.self_ty and cx.impl_trait_ref is not None:
        trait = trait_with_assoc(cx.impl_trait_ref[0], name)
        if trait is not None:
            return Projection(trait, base, name, cx.impl_trait_ref[1] if trait.params else ())
    if isinstance(base, Param) and base.name == "Self" and cx.trait is not None:
        trait = trait_with_assoc(cx.trait, name)
        if trait is not None:
            return Projection(trait, base, name, ())
    for p in cx.predicates:
        if p.ty == base:
            trait = trait_with_assoc(p.trait, name)
            if trait is not None:
                args = p.args if trait is p.trait else ()
                return Projection(trait, base, name, args)
    return cx.error(errors.unresolved_assoc_type(span, name, str(base)))


def trait_with_assoc(trait: TraitDef, name: str) -> Optional[TraitDef]:
    """The trait (trait itself or a supertrait) declaring associated type name."""
    if name in trait.assoc_types:
        return trait
    for s in trait.supertraits:
        t = trait_with_assoc(s, name)
        if t is not None:
            return t
    return None


def trait_args(trait: TraitDef, args: Optional[ast.GenericArgs], self_ty: Ty, cx: LowerCx) -> tuple[tuple[Ty, ...], dict[str, Ty]]:
    """A trait reference's generic arguments (defaults filled in) and its `Name = T` bindings."""
    bindings: dict[str, Ty] = {}
    given: list[Ty] = []
    if args is not None:
        if args.parenthesized:
            given = [Tuple(tuple(lower_ty(a, cx) for a in args.types))]
            bindings["Output"] = lower_ty(args.output, cx) if args.output is not None else UNIT
        else:
            given = [lower_ty(a, cx) for a in args.types]
            for name, ty in args.bindings:
                bindings[name] = lower_ty(ty, cx)
    out: list[Ty] = []
    defaults = {}
    generics = getattr(trait.ast, "generics", None)
    if generics is not None:
        defaults = {p.name: p.default for p in generics.types if p.default is not None}
    for i, name in enumerate(trait.params):
        if i < len(given):
            out.append(given[i])
        elif name in defaults:
            d = defaults[name]
            if isinstance(d, ast.PathType) and d.path.name == "Self" and len(d.path.segments) == 1:
                out.append(self_ty)
            else:
                sub = LowerCx(cx.tables, cx.module, cx.crate_root, diags=cx.diags)
                out.append(lower_ty(d, sub))
        elif cx.infer is not None:
            out.append(cx.infer())
        else:
            out.append(ERROR)
    return tuple(out), bindings


def lower_bound(bound: ast.Bound, self_ty: Ty, cx: LowerCx) -> Optional[Predicate]:
    """A trait bound on self_ty as a Predicate; None for `?Sized` and lifetime bounds."""
    if bound.maybe or bound.path is None:
        return None
    d, used = resolve_module_path(cx.tables, cx.module, cx.crate_root, [s.name for s in bound.path.segments], "types")
    if not isinstance(d, TraitDef) or used != len(bound.path.segments):
        cx.diags.append(errors.unresolved_trait(bound.path.span, str(bound.path)))
        return None
    args, bindings = trait_args(d, bound.path.segments[-1].args, self_ty, cx)
    return Predicate(self_ty, d, args, bindings)


# ---------------------------------------------------------------- constant integers (array lengths)

def eval_const_int(e: Any, cx: LowerCx) -> Optional[int]:
    """The value of a constant integer expression, or None (unknown, e.g. a const parameter)."""
    if isinstance(e, ast.Lit) and e.kind == "int":
        return int(e.value)
    if isinstance(e, ast.Paren):
        return eval_const_int(e.inner, cx)
    if isinstance(e, ast.Block) and not e.stmts and e.tail is not None:
        return eval_const_int(e.tail, cx)
    if isinstance(e, ast.Cast):
        return eval_const_int(e.operand, cx)
    if isinstance(e, ast.Unary) and e.op == "-":
        v = eval_const_int(e.operand, cx)
        return None if v is None else -v
    if isinstance(e, ast.Binary):
        a, b = eval_const_int(e.lhs, cx), eval_const_int(e.rhs, cx)
        if a is None or b is None:
            return None
        ops = {"+": lambda: a + b, "-": lambda: a - b, "*": lambda: a * b,
               "/": lambda: a // b if b else None, "%": lambda: a % b if b else None,
               "<<": lambda: a << b, ">>": lambda: a >> b}
        f = ops.get(e.op)
        return f() if f else None
    if isinstance(e, ast.PathExpr):
        names = [s.name for s in e.path.segments]
        d, used = resolve_module_path(cx.tables, cx.module, cx.crate_root, names, "values")
        if isinstance(d, ConstDef) and used == len(names) and d.ast.value is not None:
            return eval_const_int(d.ast.value, LowerCx(cx.tables, d.module, cx.crate_root))
        base: Any = cx.self_ty if names[0] == "Self" and len(names) == 2 else (
            Adt(d, ()) if isinstance(d, AdtDef) and used == len(names) - 1 else None)
        if isinstance(base, Adt):  # `Type::CONST` / `Self::CONST` of an inherent impl
            from .ctxt import head_key
            for impl in cx.tables.inherent.get(head_key(base), []):
                c = impl.consts.get(names[-1])
                if c is not None and c.ast.value is not None:
                    return eval_const_int(c.ast.value, LowerCx(cx.tables, c.module, cx.crate_root, self_ty=impl.self_ty))
    return None
