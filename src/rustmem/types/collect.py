"""Item collection: ast items -> AdtDef / TraitDef / ImplDef / FnDef, modules and `use`s.

Collection runs in phases so that items can refer to each other in any order:
1. declare every item's name in its module (definitions are created empty);
2. resolve the `use` entries (to a fixpoint, since imports may go through imports);
3. lower the trait headers, then ADT fields, impls and function signatures; synthesise
   the impls of `#[derive(...)]`.
The same code collects the std stubs (once per process) and each user crate.
"""
from __future__ import annotations

from ..records import record
from typing import Any, Optional

from ..diagnostics import Diagnostic
from ..syntax import ast
from . import errors
from .ctxt import AliasDef, ConstDef, CtorDef, ItemTables, Module, Predicate, head_name
from .resolve import LowerCx, eval_const_int, lower_bound, lower_ty, resolve_module_path, trait_args
from .ty import (
    ERASED, ERROR, UNIT, Adt, AdtDef, FieldDef, FnDef, FnSig, ImplDef, Param, Ref, Region, TraitDef,
    Ty, VariantDef, subst,
)

DERIVABLE = ("Clone", "Copy", "Debug", "PartialEq", "Eq", "PartialOrd", "Ord", "Hash", "Default")


@record(frozen=True, eq=False, slots=False)
class OpaqueTy(Ty):
    """`impl Trait` in return position until the function's body reveals the hidden type."""

    fn_ast: Any
    bounds: tuple = ()

    def __str__(self) -> str:
        return "impl " + " + ".join(p.trait.name for p in self.bounds)

    def __hash__(self) -> int:
        return id(self)


def attr_value(attrs: list[ast.Attribute], name: str) -> Optional[str]:
    for a in attrs:
        if a.name == name and a.args:
            return a.args[0].strip().strip('"')
    return None


def has_attr(attrs: list[ast.Attribute], name: str) -> bool:
    return any(a.name == name for a in attrs)


@record(slots=False)
class _Parent:
    """The impl or trait a function is declared in."""

    params: list[str]
    lifetimes: list[str]
    self_ty: Optional[Ty]
    predicates: list[Predicate]
    impl: Optional[ImplDef] = None
    trait: Optional[TraitDef] = None
    impl_assoc: Optional[dict[str, Ty]] = None
    consts: tuple[str, ...] = ()
    impl_trait_ref: Optional[tuple[TraitDef, tuple]] = None


class Collector:
    """Collects the items of one crate (or of std) into `tables`."""

    def __init__(self, tables: ItemTables, root: Module, is_std: bool, diags: list[Diagnostic]) -> None:
        self.tables = tables
        self.root = root
        self.is_std = is_std
        self.diags = diags
        self.fns: list[tuple[FnDef, ast.Fn, Module, Optional[_Parent]]] = []
        self.adts: list[tuple[AdtDef, Module]] = []
        self.traits: list[tuple[TraitDef, ast.Trait, Module]] = []
        self.impls: list[tuple[ast.Impl, Module]] = []
        self.consts: list[ConstDef] = []
        self.modules: list[Module] = []
        self.user_fns: list[FnDef] = []
        self.user_impls: list[ImplDef] = []
        self.bodies: list[tuple[FnDef, ast.Fn, Module, Optional[_Parent]]] = []

    # ------------------------------------------------------------ phase 1: declare

    def declare(self, module: Module, items: list[Any], prefix: str) -> None:
        self.modules.append(module)
        for item in items:
            self.declare_item(module, item, prefix)

    def declare_item(self, module: Module, item: Any, prefix: str) -> None:
        flat = self.tables.std_flat if self.is_std else None
        if isinstance(item, (ast.Struct, ast.Enum)):
            adt = self.adt_shell(item, prefix)
            module.types[item.name] = adt
            if flat is not None:
                flat.types.setdefault(item.name, adt)
            if isinstance(item, ast.Struct) and item.kind != "named":
                module.values[item.name] = CtorDef(adt, 0)
                if flat is not None:
                    flat.values.setdefault(item.name, module.values[item.name])
            self.adts.append((adt, module))
        elif isinstance(item, ast.Trait):
            trait = TraitDef(item.name, prefix + item.name, [p.name for p in item.generics.types], {},
                             [a.name for a in item.items if isinstance(a, ast.AssocType)],
                             span=item.name_span, ast=item)
            trait.lang = attr_value(item.attrs, "lang")
            module.types[item.name] = trait
            if flat is not None:
                flat.types.setdefault(item.name, trait)
            if trait.lang:
                self.tables.lang[trait.lang] = trait
            self.traits.append((trait, item, module))
        elif isinstance(item, ast.Fn):
            for nested in nested_items(item.body):
                self.declare_item(module, nested, prefix)
            fn = FnDef(item.name, prefix + item.name, [], [], FnSig([], UNIT), span=item.name_span, ast=item)
            module.values[item.name] = fn
            if flat is not None:
                flat.values.setdefault(item.name, fn)
            self.fns.append((fn, item, module, None))
        elif isinstance(item, (ast.Const, ast.Static)):
            c = ConstDef(item, module, prefix + item.name, is_static=isinstance(item, ast.Static),
                         mutable=getattr(item, "mutable", False))
            module.values[item.name] = c
            if flat is not None:
                flat.values.setdefault(item.name, c)
            self.consts.append(c)
        elif isinstance(item, ast.TypeAlias):
            module.types[item.name] = AliasDef(item, module)
            if flat is not None:
                flat.types.setdefault(item.name, module.types[item.name])
        elif isinstance(item, ast.Mod):
            child = Module(item.name, prefix + item.name, module, self.is_std)
            module.types[item.name] = child
            self.declare(child, item.items, prefix + item.name + "::")
        elif isinstance(item, ast.Use):
            for path, alias, glob in item.entries:
                module.uses.append((path, alias, glob, item.span))
        elif isinstance(item, ast.Impl):
            self.impls.append((item, module))
            for sub in item.items:
                if isinstance(sub, ast.Fn):
                    for nested in nested_items(sub.body):
                        self.declare_item(module, nested, prefix)

    def adt_shell(self, item: Any, prefix: str) -> AdtDef:
        kind = "enum" if isinstance(item, ast.Enum) else "struct"
        adt = AdtDef(item.name, kind, [lt.name for lt in item.generics.lifetimes],
                     [p.name for p in item.generics.types], [], span=item.name_span, ast=item,
                     path=prefix + item.name)
        # variant names exist from the start, so `use Enum::Variant` resolves before fields are lowered
        if isinstance(item, ast.Struct):
            adt.variants = [VariantDef(item.name, item.kind, [], 0, item.span)]
        else:
            adt.variants = [VariantDef(v.name, v.kind, [], 0, v.span) for v in item.variants]
        adt.lang = attr_value(item.attrs, "lang")
        for a in item.attrs:
            if a.name == "derive":
                adt.derives.update(x.strip().split("::")[-1] for x in a.args)
        if adt.lang:
            self.tables.lang[adt.lang] = adt
        return adt

    # ------------------------------------------------------------ phase 2: imports

    def resolve_uses(self) -> None:
        pending = [(m, u) for m in self.modules for u in m.uses]
        for _ in range(8):
            left = []
            for module, (path, alias, glob, span) in pending:
                if not self.resolve_use(module, path, alias, glob):
                    left.append((module, (path, alias, glob, span)))
            if len(left) == len(pending):
                break
            pending = left
        else:
            left = pending
        for module, (path, alias, glob, span) in left:
            if not self.is_std:
                parent = f"`{path.segments[-2].name}`" if len(path.segments) > 1 else "the root"
                self.diags.append(errors.unresolved_import(path.span, str(path), path.name, parent))
            if not glob:  # uses of the name are then errors already reported
                module.types.setdefault(alias or path.name, ERROR)
                module.values.setdefault(alias or path.name, ERROR)

    def resolve_use(self, module: Module, path: ast.Path, alias: Optional[str], glob: bool) -> bool:
        names = [s.name for s in path.segments]
        if glob:
            d, used = resolve_module_path(self.tables, module, self.root, names, "types")
            if d is None or used != len(names):
                return False
            module.globs.append(d)
            return True
        if names[-1] == "self":
            names = names[:-1]
        found = False
        for ns in ("types", "values"):
            d, used = resolve_module_path(self.tables, module, self.root, names, ns)
            if d is not None and used == len(names):
                if isinstance(d, Ty) and ns == "values":
                    continue
                getattr(module, ns)[alias or names[-1]] = d
                found = True
        return found

    # ------------------------------------------------------------ phase 3: lowering

    def lower_all(self) -> None:
        for trait, item, module in self.traits:
            self.lower_trait_header(trait, item, module)
        for adt, module in self.adts:
            self.lower_adt(adt, module)
        for trait, item, module in self.traits:
            self.lower_trait_items(trait, item, module)
        for item, module in self.impls:
            self.lower_impl(item, module)
        for adt, module in self.adts:
            self.derive_impls(adt, module)
        for fn, item, module, parent in list(self.fns):
            if parent is None:
                self.lower_fn(fn, item, module, None)
        for c in self.consts:
            self.lower_const(c)

    def cx(self, module: Module, params: list[str], self_ty: Optional[Ty] = None, **kw: Any) -> LowerCx:
        return LowerCx(self.tables, module, self.root, params={p: Param(p, i) for i, p in enumerate(params)},
                       self_ty=self_ty, diags=self.diags, **kw)

    def predicates_of(self, generics: ast.Generics, cx: LowerCx) -> list[Predicate]:
        preds: list[Predicate] = []
        for tp in generics.types:
            for b in tp.bounds:
                p = lower_bound(b, cx.params[tp.name], cx)
                if p is not None:
                    preds.append(p)
                    cx.predicates.append(p)
        # bounds on plain parameters first, so `U::Item` in another where-clause resolves
        simple = [w for w in generics.where if w.bounded_ty is not None and _is_param(w.bounded_ty, cx)]
        others = [w for w in generics.where if w.bounded_ty is not None and not _is_param(w.bounded_ty, cx)]
        for w in simple + others:
            ty = lower_ty(w.bounded_ty, cx)
            for b in w.bounds:
                p = lower_bound(b, ty, cx)
                if p is not None:
                    preds.append(p)
                    cx.predicates.append(p)
        return preds

    def lower_trait_header(self, trait: TraitDef, item: ast.Trait, module: Module) -> None:
        cx = self.cx(module, ["Self"] + trait.params, Param("Self", 0), trait=trait)
        supers = []
        for b in item.supertraits:
            p = lower_bound(b, Param("Self", 0), cx)
            if p is not None:
                trait.supertraits.append(p.trait)
                supers.append(p)
        self.tables.supertraits[trait] = supers

    def lower_trait_items(self, trait: TraitDef, item: ast.Trait, module: Module) -> None:
        params = ["Self"] + trait.params
        cx = self.cx(module, params, Param("Self", 0), trait=trait)
        self_pred = Predicate(Param("Self", 0), trait, tuple(Param(p, i + 1) for i, p in enumerate(trait.params)))
        preds = [self_pred] + self.predicates_of(item.generics, cx)
        self.tables.predicates[trait] = preds
        parent = _Parent(params, [lt.name for lt in item.generics.lifetimes], Param("Self", 0), preds, trait=trait)
        consts = self.tables.trait_consts.setdefault(trait, {})
        for sub in item.items:
            if isinstance(sub, ast.Const):
                c = ConstDef(sub, module, f"{trait.name}::{sub.name}", self_ty=Param("Self", 0), trait=trait)
                c.ty = lower_ty(sub.ty, cx) if sub.ty is not None else ERROR
                consts[sub.name] = c
                if not self.is_std and sub.value is not None:
                    self.consts.append(c)
            if isinstance(sub, ast.Fn):
                fn = FnDef(sub.name, f"{trait.name}::{sub.name}", [], [], FnSig([], UNIT), span=sub.name_span, ast=sub,
                           trait=trait)
                fn.provided = sub.body is not None or has_attr(sub.attrs, "provided")  # type: ignore[attr-defined]
                trait.methods[sub.name] = fn
                self.lower_fn(fn, sub, module, parent)
                if self.is_std and fn.provided and sub.body is None:  # type: ignore[attr-defined]
                    fn.intrinsic = attr_value(sub.attrs, "intrinsic") or f"{trait.name}::{sub.name}"
                    self.tables.std_fns[fn.intrinsic] = fn
                if not self.is_std and sub.body is not None:
                    self.user_fns.append(fn)
        self.tables.add_trait(trait)

    def lower_adt(self, adt: AdtDef, module: Module) -> None:
        cx = self.cx(module, adt.params, None,
                     region_for=lambda lt, span: self.field_region(lt, span, adt.lifetimes))
        item = adt.ast
        cx.consts = {c.name for c in item.generics.consts}
        cx.self_ty = Adt(adt, tuple(cx.params[p] for p in adt.params), tuple(Region(lt) for lt in adt.lifetimes))
        region_for, cx.region_for = cx.region_for, None
        self.tables.predicates[adt] = self.predicates_of(item.generics, cx)
        cx.region_for = region_for
        if isinstance(item, ast.Struct):
            adt.variants[0].fields = self.lower_fields(item.fields, cx)
        else:
            disc = 0
            for v, vd in zip(item.variants, adt.variants):
                if v.discriminant is not None:
                    value = eval_const_int(v.discriminant, cx)
                    disc = value if value is not None else disc
                vd.fields = self.lower_fields(v.fields, cx)
                vd.discriminant = disc
                disc += 1

    def field_region(self, lt: Optional[ast.Lifetime], span: Any, declared: list[str]) -> Region:
        if lt is None or lt.name == "'_":
            self.diags.append(errors.missing_lifetime(_amp_span(span)))
            return ERASED
        if lt.name not in declared:
            self.diags.append(errors.undeclared_lifetime(lt.span, lt.name))
        return Region(lt.name)

    def lower_fields(self, fields: list[ast.FieldDef], cx: LowerCx) -> list[FieldDef]:
        """The fields in order; a name declared twice is E0124 and keeps one field, at its first
        place with the last declaration's type (rustc's lookups by name find the last one), so
        later stages see each field name once."""
        lowered: list[FieldDef] = []
        first: dict[str, tuple[ast.FieldDef, FieldDef]] = {}
        for i, f in enumerate(fields):
            ty = lower_ty(f.ty, cx)
            if f.name is not None and f.name in first:
                self.diags.append(errors.duplicate_field(f.span, first[f.name][0].span, f.name))
                first[f.name][1].ty = ty
                continue
            lowered.append(FieldDef(f.name if f.name is not None else str(i), ty, f.span, f.is_pub))
            if f.name is not None:
                first[f.name] = (f, lowered[-1])
        return lowered

    def lower_impl(self, item: ast.Impl, module: Module) -> None:
        params = [p.name for p in item.generics.types]
        lifetimes = [lt.name for lt in item.generics.lifetimes]
        counter = [0]

        def impl_region(lt: Optional[ast.Lifetime], span: Any) -> Region:
            if lt is not None and lt.name != "'_":
                return Region(lt.name)
            counter[0] += 1
            name = f"'_impl{counter[0]}"
            lifetimes.append(name)
            return Region(name)

        cx = self.cx(module, params, None, region_for=impl_region)
        cx.consts = {c.name for c in item.generics.consts}
        self_ty = lower_ty(item.self_ty, cx)
        cx.self_ty = self_ty
        cx.region_for = None
        trait: Optional[TraitDef] = None
        targs: tuple[Ty, ...] = ()
        if item.trait_ is not None:
            d, used = resolve_module_path(self.tables, module, self.root, [s.name for s in item.trait_.segments], "types")
            if not isinstance(d, TraitDef) or used != len(item.trait_.segments):
                self.diags.append(errors.unresolved_trait(item.trait_.span, str(item.trait_)))
                return
            trait = d
            targs, _ = trait_args(trait, item.trait_.segments[-1].args, self_ty, cx)
        impl = ImplDef(params, lifetimes, self_ty, trait, targs, span=item.span, ast=item)
        if trait is not None:
            cx.impl_trait_ref = (trait, targs)
        preds = self.predicates_of(item.generics, cx)
        self.tables.predicates[impl] = preds
        cx.impl_assoc = impl.assoc_types
        for sub in item.items:
            if isinstance(sub, ast.AssocType) and sub.ty is not None:
                impl.assoc_types[sub.name] = lower_ty(sub.ty, cx)
        parent = _Parent(params, lifetimes, self_ty, preds, impl=impl, impl_assoc=impl.assoc_types,
                         consts=tuple(cx.consts), impl_trait_ref=cx.impl_trait_ref)
        head = head_name(self_ty)
        for sub in item.items:
            if isinstance(sub, ast.Fn):
                path = f"<{head} as {trait.name}>::{sub.name}" if trait else f"{head}::{sub.name}"
                fn = FnDef(sub.name, path, [], [], FnSig([], UNIT), span=sub.name_span, ast=sub, impl=impl)
                impl.methods[sub.name] = fn
                self.lower_fn(fn, sub, module, parent)
            elif isinstance(sub, ast.Const):
                c = ConstDef(sub, module, f"{head}::{sub.name}", self_ty=self_ty, impl=impl)
                if sub.ty is not None:
                    c.ty = lower_ty(sub.ty, cx)
                elif trait is not None and sub.name in self.tables.trait_consts.get(trait, {}):
                    c.ty = subst(self.tables.trait_consts[trait][sub.name].ty or ERROR, {"Self": self_ty})
                impl.consts[sub.name] = c
                if not self.is_std:
                    self.consts.append(c)
        self.tables.add_impl(impl)
        if not self.is_std:
            self.user_impls.append(impl)

    def lower_fn(self, fn: FnDef, item: ast.Fn, module: Module, parent: Optional[_Parent]) -> None:
        """Fill fn's generics, bounds and signature (elided lifetimes made explicit)."""
        params = (list(parent.params) if parent else []) + [p.name for p in item.generics.types]
        lifetimes = (list(parent.lifetimes) if parent else []) + [lt.name for lt in item.generics.lifetimes]
        elided: list[Region] = []
        inputs_regions: list[Region] = []
        counter = [0]
        self_region: list[Region] = []
        in_output = [False]
        anon: list[tuple[str, ast.ImplTraitType]] = []
        missing: list[Any] = []  # elided output lifetimes elision cannot fill (one E0106 for all)

        declared = set(lifetimes)

        def region_for(lt: Optional[ast.Lifetime], span: Any) -> Region:
            if lt is not None and lt.name != "'_":
                if lt.name not in declared and not self.is_std:
                    self.diags.append(errors.undeclared_lifetime(lt.span, lt.name))
                r = Region(lt.name)
                if not in_output[0]:
                    inputs_regions.append(r)
                return r
            if in_output[0]:
                if self_region:
                    return self_region[0]
                if len(set(inputs_regions)) == 1:
                    return inputs_regions[0]
                missing.append(_amp_span(span))
                return ERASED
            counter[0] += 1
            r = Region(f"'_{counter[0]}")
            lifetimes.append(r.name)  # type: ignore[arg-type]
            elided.append(r)
            inputs_regions.append(r)
            return r

        cx = self.cx(module, params, parent.self_ty if parent else None, region_for=region_for,
                     trait=parent.trait if parent else None)
        cx.predicates = list(parent.predicates) if parent else []
        cx.impl_assoc = (parent.impl_assoc or {}) if parent else {}
        cx.consts = set(parent.consts if parent else ()) | {c.name for c in item.generics.consts}
        cx.impl_trait_ref = parent.impl_trait_ref if parent else None

        def impl_trait_arg(t: ast.ImplTraitType) -> Ty:
            name = f"impl#{len(anon)}"
            anon.append((name, t))
            p = Param(name, len(params))
            params.append(name)
            cx.params[name] = p
            for b in t.bounds:
                pred = lower_bound(b, p, cx)
                if pred is not None:
                    cx.predicates.append(pred)
            return p

        region_saved = cx.region_for
        cx.region_for = None
        self.predicates_of(item.generics, cx)  # into cx.predicates, with the parent's
        cx.region_for = region_saved
        cx.impl_trait = impl_trait_arg
        inputs: list[Ty] = []
        sp = item.self_param
        if sp is not None:
            self_ty = parent.self_ty if parent and parent.self_ty is not None else ERROR
            if sp.ty is not None:
                inputs.append(lower_ty(sp.ty, cx))
                fn.self_kind = "value"
                if isinstance(inputs[-1], Ref):
                    fn.self_kind = "refmut" if inputs[-1].mutable else "ref"
                    self_region.append(inputs[-1].region)
            elif sp.kind == "value":
                inputs.append(self_ty)
                fn.self_kind = "value"
            else:
                r = region_for(sp.lifetime, sp.span)
                self_region.append(r)
                inputs.append(Ref(r, sp.kind == "refmut", self_ty))
                fn.self_kind = sp.kind
        for p in item.params:
            inputs.append(lower_ty(p.ty, cx))
        in_output[0] = True
        cx.impl_trait = lambda t: self.opaque(t, cx, item)
        output = lower_ty(item.ret, cx) if item.ret is not None else UNIT
        if missing:
            self.diags.append(errors.missing_lifetimes(missing))
        fn.params = params
        fn.lifetimes = lifetimes
        fn.sig = FnSig(inputs, output, item.is_unsafe)
        preds = cx.predicates
        fn.bounds = [(p.ty, p.trait, p.args) for p in preds]
        self.tables.predicates[fn] = list(preds)
        if self.is_std and item.body is None and (parent is None or parent.trait is None):
            fn.intrinsic = attr_value(item.attrs, "intrinsic") or self.intrinsic_key(fn, module, parent)
            self.tables.std_fns[fn.intrinsic] = fn
        lang = attr_value(item.attrs, "lang")
        if lang:
            self.tables.lang[lang] = fn
        if not self.is_std and item.body is not None and (parent is None or parent.trait is None):
            self.user_fns.append(fn)
        if not self.is_std and item.body is not None:
            self.bodies.append((fn, item, module, parent))

    def opaque(self, t: ast.ImplTraitType, cx: LowerCx, item: ast.Fn) -> Ty:
        preds = []
        placeholder = OpaqueTy(item)
        for b in t.bounds:
            p = lower_bound(b, placeholder, cx)
            if p is not None:
                preds.append(p)
        object.__setattr__(placeholder, "bounds", tuple(preds))
        return placeholder

    def intrinsic_key(self, fn: FnDef, module: Module, parent: Optional[_Parent]) -> str:
        if parent is None:
            return f"{module.name}::{fn.name}"
        impl = parent.impl
        assert impl is not None
        head = head_name(impl.self_ty)
        if impl.trait is not None:
            return f"<{head} as {impl.trait.name}>::{fn.name}"
        return f"{head}::{fn.name}"

    def lower_const(self, c: ConstDef) -> None:
        item = c.ast
        if item.ty is not None and c.ty is None:
            cx = self.cx(c.module, [], region_for=lambda lt, span: Region(lt.name) if lt and lt.name != "'_" else Region("'static"))
            c.ty = lower_ty(item.ty, cx)

    # ------------------------------------------------------------ derives

    def derive_impls(self, adt: AdtDef, module: Module) -> None:
        for name in sorted(adt.derives):
            trait = self.tables.lang.get(name)
            if not isinstance(trait, TraitDef):
                continue
            params = list(adt.params)
            self_ty = Adt(adt, tuple(Param(p, i) for i, p in enumerate(params)), tuple(Region(lt) for lt in adt.lifetimes))
            targs = tuple(self_ty for _ in trait.params)  # PartialEq<Rhs = Self>
            impl = ImplDef(params, list(adt.lifetimes), self_ty, trait, targs, span=adt.span)
            impl.derived = True  # type: ignore[attr-defined]
            self.tables.predicates[impl] = [Predicate(Param(p, i), trait, tuple(Param(p, i) for _ in trait.params))
                                            for i, p in enumerate(params)]
            types = {"Self": self_ty, **{p: self_ty for p in trait.params}}
            for mname, tfn in trait.methods.items():
                if getattr(tfn, "provided", False):
                    continue
                key = f"<{adt.name} as {trait.name}>::{mname}"
                own = tfn.params[1 + len(trait.params):]
                fn = FnDef(mname, key, list(tfn.lifetimes), params + own,
                           FnSig([subst(t, types) for t in tfn.sig.inputs], subst(tfn.sig.output, types)),
                           span=adt.span, self_kind=tfn.self_kind, impl=impl, intrinsic=key)
                fn.derived = True  # type: ignore[attr-defined]
                impl.methods[mname] = fn
                if self.is_std:
                    self.tables.std_fns.setdefault(key, fn)
            self.tables.add_impl(impl)
            if not self.is_std:
                self.user_impls.append(impl)


def nested_items(body: Any) -> list[Any]:
    """Items declared inside a function body (hoisted to the enclosing module)."""
    if body is None:
        return []
    out: list[Any] = []

    def walk(n: Any) -> None:
        if isinstance(n, ast.ItemStmt):
            out.append(n.item)
            return
        for c in ast.children(n):
            walk(c)
    walk(body)
    return out


def _is_param(t: Any, cx: LowerCx) -> bool:
    return (isinstance(t, ast.PathType) and t.qself is None and len(t.path.segments) == 1
            and t.path.segments[0].name in cx.params)


def _amp_span(span: Any) -> Any:
    """The `&` of a reference type, where rustc points a missing lifetime."""
    if span is None:
        return None
    return type(span)(span.file, span.lo, span.lo + 1)
