"""TyCtxt: every definition of std and the crate, and the queries later stages ask of them.

The std stubs are collected once per process into an `ItemTables`; each checked crate gets
a `TyCtxt` that starts from a cheap copy of those tables and adds the crate's own items, so
the crate's impls (`impl Display for Point`, derives) never leak into the next crate.
"""
from __future__ import annotations

from ..records import field, record
from typing import Any, Optional

from .results import TypeckResults
from .ty import (
    Adt, AdtDef, Array, Bool, Char, ClosureTy, ErrorTy, Float, FnDef, FnDefTy, FnPtr, FnSig,
    ImplDef, Infer, Int, Never, Param, Projection, RawPtr, Ref, Slice, Str, TraitDef,
    Tuple, Ty, subst,
)

PRIMITIVES: dict[str, Ty] = {
    **{k: Int(k) for k in ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")},
    "f32": Float("f32"), "f64": Float("f64"), "bool": Bool(), "char": Char(), "str": Str(),
}


# ---------------------------------------------------------------- definitions besides those of ty.py

@record(eq=False, slots=False)
class CtorDef:
    """A struct or variant constructor in the value namespace (`Some`, `Point`, `Color::Red`)."""

    adt: AdtDef
    variant: int

    def __hash__(self) -> int:
        return id(self)


@record(eq=False, slots=False)
class ConstDef:
    """A `const` or `static` item (or an associated const); `ty` is lowered at collection."""

    ast: Any
    module: "Module"
    path: str
    ty: Optional[Ty] = None
    is_static: bool = False
    mutable: bool = False
    self_ty: Optional[Ty] = None  # for associated consts: the impl's self type
    impl: Any = None  # for associated consts: the ImplDef (None for a trait's own)
    trait: Any = None  # for a trait's associated const: the TraitDef

    def __hash__(self) -> int:
        return id(self)


@record(eq=False, slots=False)
class AliasDef:
    """`type Name<T> = ...;` — lowered on use."""

    ast: Any
    module: "Module"

    def __hash__(self) -> int:
        return id(self)


@record(eq=False, slots=False)
class Predicate:
    """`ty: Trait<args, Name = binding>` from a bound or where-clause."""

    ty: Ty
    trait: TraitDef
    args: tuple[Ty, ...] = ()
    bindings: dict[str, Ty] = field(default_factory=dict)


class Module:
    """A module's two namespaces.  `uses` are the `use` entries still to resolve."""

    def __init__(self, name: str, path: str, parent: Optional["Module"], is_std: bool) -> None:
        self.name = name
        self.path = path
        self.parent = parent
        self.is_std = is_std
        self.types: dict[str, Any] = {}
        self.values: dict[str, Any] = {}
        self.uses: list[tuple[Any, Optional[str], bool, Any]] = []  # (path, alias, glob, span)
        self.globs: list[Any] = []  # modules/enums whose names are glob-imported

    def __repr__(self) -> str:
        return f"Module({self.path})"


# ---------------------------------------------------------------- the tables

@record(slots=False)
class ItemTables:
    """Everything collected from items: shared by std (once) and extended by each crate."""

    std_root: Optional[Module] = None
    prelude: dict[str, tuple[Optional[Any], Optional[Any]]] = field(default_factory=dict)  # name -> (type, value)
    std_flat: Module = field(default_factory=lambda: Module("std", "std", None, True))
    lang: dict[str, Any] = field(default_factory=dict)
    traits: list[TraitDef] = field(default_factory=list)
    trait_impls: dict[TraitDef, list[ImplDef]] = field(default_factory=dict)
    inherent: dict[Any, list[ImplDef]] = field(default_factory=dict)  # head key -> impls
    predicates: dict[Any, list[Predicate]] = field(default_factory=dict)  # FnDef/ImplDef/TraitDef -> bounds
    std_fns: dict[str, FnDef] = field(default_factory=dict)  # "mem::swap", "Vec::push" -> FnDef
    methods_by_name: dict[str, list[TraitDef]] = field(default_factory=dict)  # trait methods by name
    supertraits: dict[TraitDef, list[Predicate]] = field(default_factory=dict)  # `Self: Super<..>` per trait
    trait_consts: dict[TraitDef, dict[str, "ConstDef"]] = field(default_factory=dict)  # associated consts

    def fork(self) -> "ItemTables":
        """A copy whose lists can grow without touching self."""
        return ItemTables(
            std_root=self.std_root, prelude=self.prelude, std_flat=self.std_flat, lang=dict(self.lang),
            traits=list(self.traits),
            trait_impls={k: list(v) for k, v in self.trait_impls.items()},
            inherent={k: list(v) for k, v in self.inherent.items()},
            predicates=dict(self.predicates), std_fns=self.std_fns,
            methods_by_name={k: list(v) for k, v in self.methods_by_name.items()},
            supertraits=dict(self.supertraits), trait_consts=dict(self.trait_consts),
        )

    def add_impl(self, impl: ImplDef) -> None:
        if impl.trait is not None:
            self.trait_impls.setdefault(impl.trait, []).append(impl)
        else:
            self.inherent.setdefault(head_key(impl.self_ty), []).append(impl)

    def add_trait(self, trait: TraitDef) -> None:
        self.traits.append(trait)
        for name in trait.methods:
            self.methods_by_name.setdefault(name, []).append(trait)


def head_key(ty: Ty) -> Any:
    """The key inherent impls are indexed by: the ADT, or the primitive's kind."""
    if isinstance(ty, Adt):
        return ty.adt
    if isinstance(ty, (Int, Float)):
        return ty.kind
    if isinstance(ty, Ref):
        return "&"
    if isinstance(ty, RawPtr):
        return "*mut" if ty.mutable else "*const"
    return type(ty).__name__


def head_name(ty: Ty) -> str:
    """The self type's name in an intrinsic key: `Vec`, `str`, `slice`, `array`, `&`, `*const`."""
    if isinstance(ty, Adt):
        return ty.adt.name
    if isinstance(ty, (Int, Float)):
        return ty.kind
    if isinstance(ty, Bool):
        return "bool"
    if isinstance(ty, Char):
        return "char"
    if isinstance(ty, Str):
        return "str"
    if isinstance(ty, Slice):
        return "slice"
    if isinstance(ty, Array):
        return "array"
    if isinstance(ty, Ref):
        return "&mut" if ty.mutable else "&"
    if isinstance(ty, RawPtr):
        return "*mut" if ty.mutable else "*const"
    if isinstance(ty, Tuple):
        return "tuple" if ty.elems else "()"
    if isinstance(ty, Never):
        return "!"
    if isinstance(ty, Param):
        return ty.name
    if isinstance(ty, (FnPtr, FnDefTy)):
        return "fn"
    if isinstance(ty, ClosureTy):
        return "closure"
    return str(ty)


# ---------------------------------------------------------------- TyCtxt

class TyCtxt:
    """The type context of one crate: its items, std's, the typeck results and the queries."""

    def __init__(self, tables: ItemTables) -> None:
        self.tables = tables
        self.results = TypeckResults()
        self.crate_root: Optional[Module] = None
        self.user_fns: list[FnDef] = []
        self.user_adts: list[AdtDef] = []
        self.user_impls: list[ImplDef] = []
        self.consts: list[ConstDef] = []
        self._copy_cache: dict[Ty, bool] = {}
        self._drop_cache: dict[Ty, bool] = {}

    # -- lookups

    def lang_adt(self, name: str) -> Optional[AdtDef]:
        d = self.tables.lang.get(name)
        return d if isinstance(d, AdtDef) else None

    def lang_trait(self, name: str) -> Optional[TraitDef]:
        d = self.tables.lang.get(name)
        return d if isinstance(d, TraitDef) else None

    def lang_item(self, name: str) -> Any:
        return self.tables.lang.get(name)

    def std_fn(self, path: str) -> Optional[FnDef]:
        """A std function by its intrinsic key: `mem::swap`, `Vec::push`, `<Vec as Clone>::clone`."""
        return self.tables.std_fns.get(path)

    # -- queries

    def is_copy(self, ty: Ty, fn: Any = None) -> bool:
        """Whether values of ty are copied, not moved (ty fully resolved).  Inside a generic
        function pass it as fn: its bounds (`T: Copy`) decide for its type parameters."""
        env = self.param_env(fn) if fn is not None and _has_param(ty) else None
        key = (ty, id(fn)) if env else ty
        hit = self._copy_cache.get(key)
        if hit is None:
            from .traits import type_implements
            copy = self.lang_trait("Copy")
            hit = copy is not None and type_implements(self, ty, copy, env=env)
            self._copy_cache[key] = hit
        return hit

    def param_env(self, fn: Any) -> list[Any]:
        """The bounds in scope in fn's body (its where-clauses and its impl's or trait's)."""
        return list(self.tables.predicates.get(fn, []))

    def needs_drop(self, ty: Ty, fn: Any = None) -> bool:
        """Whether dropping a value of ty runs code (a Drop impl, or a field that needs drop).
        A type parameter needs drop unless fn's bounds make it Copy."""
        if fn is not None and isinstance(ty, Param):
            return not self.is_copy(ty, fn)
        hit = self._drop_cache.get(ty)
        if hit is None:
            self._drop_cache[ty] = False  # cycles through Box<Self> end here
            hit = self._compute_needs_drop(ty)
            self._drop_cache[ty] = hit
        return hit

    def _compute_needs_drop(self, ty: Ty) -> bool:
        if isinstance(ty, (Int, Float, Bool, Char, Str, Never, Ref, RawPtr, FnDefTy, FnPtr, ErrorTy)):
            return False
        if isinstance(ty, Param):
            return True
        if isinstance(ty, Tuple):
            return any(self.needs_drop(e) for e in ty.elems)
        if isinstance(ty, (Array, Slice)):
            return self.needs_drop(ty.elem)
        if isinstance(ty, ClosureTy):
            return any(self.needs_drop(c[3]) for c in ty.closure.captures if c[2] in ("move", "copy"))
        if isinstance(ty, Adt):
            if ty.adt.lang in ("Box", "Vec", "String", "Rc", "Weak", "Arc", "HashMap", "VecDeque", "BTreeMap", "HashSet"):
                return True
            if self.drop_impl(ty.adt) is not None:
                return True
            return any(self.needs_drop(t) for v in range(len(ty.adt.variants)) for t in self.field_tys(ty, v))
        return False

    def drop_impl(self, adt: AdtDef) -> Optional[FnDef]:
        """The `drop` method of the ADT's `impl Drop`, or None."""
        trait = self.lang_trait("Drop")
        for impl in self.tables.trait_impls.get(trait, []) if trait else []:
            if isinstance(impl.self_ty, Adt) and impl.self_ty.adt is adt:
                return impl.methods.get("drop")
        return None

    def field_tys(self, ty: Ty, variant: int = 0) -> list[Ty]:
        """The field types of variant `variant` of an ADT (or a tuple's elements), instantiated."""
        if isinstance(ty, Tuple):
            return list(ty.elems)
        if not isinstance(ty, Adt):
            return []
        types = dict(zip(ty.adt.params, ty.args))
        regions = dict(zip(ty.adt.lifetimes, ty.regions)) if ty.regions else None
        return [subst(f.ty, types, regions) for f in ty.adt.variants[variant].fields]

    def fn_sig(self, fn: FnDef, args: tuple[Ty, ...] = ()) -> FnSig:
        """fn's signature with its generic parameters replaced by args (regions kept)."""
        if not args:
            return fn.sig
        types = dict(zip(fn.params, args))
        return FnSig([subst(t, types) for t in fn.sig.inputs], subst(fn.sig.output, types),
                     fn.sig.is_unsafe, fn.sig.c_variadic)

    def resolve_instance(self, fn: FnDef, args: tuple[Ty, ...]) -> tuple[FnDef, tuple[Ty, ...]]:
        """A trait method with concrete types to the impl's method (static dispatch); any other
        function to itself.  A provided method the impl does not override stays the trait's."""
        from .traits import resolve_instance
        return resolve_instance(self, fn, args)

    def normalize(self, ty: Ty) -> Ty:
        """ty with every projection (`<I as Iterator>::Item`) replaced by its concrete type."""
        from .traits import normalize_concrete
        return normalize_concrete(self, ty)

    def layout(self, ty: Ty) -> Any:
        from .layout import layout_of  # type: ignore[import-not-found]
        return layout_of(ty, self)

    def all_impls(self) -> list[ImplDef]:
        out: list[ImplDef] = []
        for impls in self.tables.trait_impls.values():
            out.extend(impls)
        for impls in self.tables.inherent.values():
            out.extend(impls)
        return out


def _has_param(ty: Ty) -> bool:
    from .ty import walk
    return any(isinstance(t, Param) for t in walk(ty))


def is_unresolved_ty(ty: Ty) -> bool:
    return isinstance(ty, (Infer, Projection))
