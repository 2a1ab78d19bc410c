"""Semantic types: what the type checker computes and every later stage reads.

Types are immutable and hashable (frozen records), so they can be compared with `==`
and used as keys.  Generic definitions use `Param` types (and named `Region`s) in their
field and signature types; `subst` instantiates them.  Inference variables (`Infer`) live
only inside the type checker: after type checking no `Infer` is left in the typed HIR.

Regions: the type checker works with regions erased except in signatures and ADT fields,
where named regions (`'a`, `'static`) are kept; `mir.build` gives every region in a body's
types a fresh variable (`Region.var`) for the borrow checker to infer, as rustc's
renumbering does.
"""
from __future__ import annotations

from ..records import field, record
from typing import Any, Literal, Optional, Union

frozen = record(frozen=True)


# ---------------------------------------------------------------- regions

@frozen
class Region:
    """'static, a named lifetime parameter ('a), an anonymous signature lifetime ('_#n from
    elision), an inference variable of the borrow checker (var), or erased (all None)."""

    name: Optional[str] = None  # "'static", "'a", "'_1"
    var: Optional[int] = None

    def __str__(self) -> str:
        if self.var is not None:
            return f"'?{self.var}"
        return self.name or "'_"


STATIC = Region("'static")
ERASED = Region()


# ---------------------------------------------------------------- types

class Ty:
    __slots__ = ()


IntKind = Literal["i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize"]


@frozen
class Int(Ty):
    kind: str  # IntKind

    @property
    def signed(self) -> bool:
        return self.kind[0] == "i"

    @property
    def bits(self) -> int:
        return 64 if self.kind.endswith("size") else int(self.kind[1:])

    def __str__(self) -> str:
        return self.kind


@frozen
class Float(Ty):
    kind: str  # "f32" | "f64"

    def __str__(self) -> str:
        return self.kind


@frozen
class Bool(Ty):
    def __str__(self) -> str:
        return "bool"


@frozen
class Char(Ty):
    def __str__(self) -> str:
        return "char"


@frozen
class Str(Ty):
    """The unsized `str`."""

    def __str__(self) -> str:
        return "str"


@frozen
class Never(Ty):
    def __str__(self) -> str:
        return "!"


@frozen
class Tuple(Ty):
    elems: tuple[Ty, ...] = ()

    def __str__(self) -> str:
        if len(self.elems) == 1:
            return f"({self.elems[0]},)"
        return "(" + ", ".join(map(str, self.elems)) + ")"


@frozen
class Array(Ty):
    elem: Ty
    length: int

    def __str__(self) -> str:
        return f"[{self.elem}; {self.length}]"


@frozen
class Slice(Ty):
    elem: Ty

    def __str__(self) -> str:
        return f"[{self.elem}]"


@frozen
class Ref(Ty):
    region: Region
    mutable: bool
    inner: Ty

    def __str__(self) -> str:
        r = "" if self.region == ERASED or self.region.var is not None else f"{self.region} "
        return f"&{r}{'mut ' if self.mutable else ''}{self.inner}"


@frozen
class RawPtr(Ty):
    mutable: bool
    inner: Ty

    def __str__(self) -> str:
        return f"*{'mut' if self.mutable else 'const'} {self.inner}"


@frozen
class Adt(Ty):
    """A struct or enum, user-defined or from the std stubs (String, Vec<T>, Box<T>, Option<T> ...).

    `args` are the type arguments, `regions` the lifetime arguments, both in declaration order."""

    adt: "AdtDef"
    args: tuple[Ty, ...] = ()
    regions: tuple[Region, ...] = ()

    def __str__(self) -> str:
        parts = [str(r) for r in self.regions if r != ERASED and r.var is None] + [str(a) for a in self.args]
        return self.adt.name + (f"<{', '.join(parts)}>" if parts else "")


@frozen
class FnDefTy(Ty):
    """The zero-sized type of a named function or method, with its generic arguments."""

    fn: "FnDef"
    args: tuple[Ty, ...] = ()

    def __str__(self) -> str:
        return f"fn {self.fn.path}"


@frozen
class FnPtr(Ty):
    params: tuple[Ty, ...]
    ret: Ty

    def __str__(self) -> str:
        return f"fn({', '.join(map(str, self.params))}) -> {self.ret}"


@frozen
class ClosureTy(Ty):
    """A closure's unique type; its signature and captures are in the ClosureDef."""

    closure: "ClosureDef"
    args: tuple[Ty, ...] = ()  # the enclosing fn's generic args, if any

    def __str__(self) -> str:
        return f"{{closure@{self.closure.span!r}}}"


@frozen
class Param(Ty):
    """A generic type parameter `T` (or `Self` in a trait), by name and index in its generics."""

    name: str
    index: int = 0

    def __str__(self) -> str:
        return self.name


@frozen
class Projection(Ty):
    """`<self_ty as Trait>::name`, e.g. `<I as Iterator>::Item`, before it normalises."""

    trait: "TraitDef"
    self_ty: Ty
    name: str
    args: tuple[Ty, ...] = ()

    def __str__(self) -> str:
        return f"<{self.self_ty} as {self.trait.name}>::{self.name}"


@frozen
class Infer(Ty):
    """An inference variable of the type checker; `kind` narrows integer/float literals."""

    var: int
    kind: Literal["ty", "int", "float"] = "ty"

    def __str__(self) -> str:
        return {"ty": "_", "int": "{integer}", "float": "{float}"}[self.kind]


@frozen
class ErrorTy(Ty):
    """A type that could not be computed; an error has already been reported."""

    def __str__(self) -> str:
        return "{type error}"


UNIT = Tuple(())
BOOL = Bool()
CHAR = Char()
STR = Str()
NEVER = Never()
I32 = Int("i32")
USIZE = Int("usize")
U8 = Int("u8")
F64 = Float("f64")
ERROR = ErrorTy()


# ---------------------------------------------------------------- definitions

@record(eq=False, slots=False)
class FieldDef:
    name: str  # "0", "1" for tuple fields
    ty: Ty  # in terms of the ADT's Params / named Regions
    span: Any = None
    is_pub: bool = False


@record(eq=False, slots=False)
class VariantDef:
    name: str
    kind: Literal["named", "tuple", "unit"]
    fields: list[FieldDef]
    discriminant: int = 0
    span: Any = None

    def field_index(self, name: str) -> Optional[int]:
        for i, f in enumerate(self.fields):
            if f.name == name:
                return i
        return None


@record(eq=False, slots=False)
class AdtDef:
    """A struct (one variant) or an enum.  `lang` names the std types the machine implements
    natively ("Box", "Vec", "String", "Option", "Rc", ...), None for user types."""

    name: str
    kind: Literal["struct", "enum"]
    lifetimes: list[str]  # ["'a"]
    params: list[str]  # ["T"]
    variants: list[VariantDef]
    span: Any = None
    lang: Optional[str] = None
    derives: set[str] = field(default_factory=set)
    ast: Any = None
    path: str = ""  # "std::vec::Vec", or the user's name

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"AdtDef({self.name})"

    @property
    def is_enum(self) -> bool:
        return self.kind == "enum"

    @property
    def is_struct(self) -> bool:
        return self.kind == "struct"


@record(eq=False, slots=False)
class FnSig:
    """A function's signature in terms of its generics: inputs (self first for methods) and output.

    Lifetimes elided in the source are made explicit here, as fresh named regions ('_1, '_2 ...),
    so that the borrow checker reads every signature the same way."""

    inputs: list[Ty]
    output: Ty
    is_unsafe: bool = False
    c_variadic: bool = False


@record(eq=False, slots=False)
class FnDef:
    """A free function, an associated function/method (impl or trait), or a std function.

    `intrinsic` names the Python implementation for std bodies (e.g. "Vec::push"); user
    functions have an AST body instead."""

    name: str
    path: str  # "main", "Point::new", "Vec::push", "<Point as Display>::fmt"
    lifetimes: list[str]
    params: list[str]  # type parameter names, including those of the impl/trait, impl's first
    sig: FnSig
    span: Any = None
    ast: Any = None  # ast.Fn
    self_kind: Optional[Literal["value", "ref", "refmut"]] = None
    impl: Any = None  # the ImplDef it belongs to
    trait: Optional["TraitDef"] = None  # the trait declaring it (for trait methods)
    intrinsic: Optional[str] = None
    bounds: list[tuple[Ty, "TraitDef", tuple[Ty, ...]]] = field(default_factory=list)  # where-clauses
    provided: bool = False  # a trait method with a default body (`#[provided]` in the std stubs)
    derived: bool = False  # synthesised by `#[derive(...)]`: the machine implements it structurally

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"FnDef({self.path})"


@record(eq=False, slots=False)
class TraitDef:
    name: str
    path: str
    params: list[str]  # besides Self
    methods: dict[str, FnDef]
    assoc_types: list[str]
    supertraits: list["TraitDef"] = field(default_factory=list)
    lang: Optional[str] = None  # "Copy", "Clone", "Drop", "Iterator", "Fn", "FnMut", "FnOnce", "Display" ...
    span: Any = None
    ast: Any = None

    def __hash__(self) -> int:
        return id(self)

    def __repr__(self) -> str:
        return f"TraitDef({self.name})"


@record(eq=False, slots=False)
class ImplDef:
    """`impl<generics> [Trait for] SelfTy { ... }`."""

    params: list[str]
    lifetimes: list[str]
    self_ty: Ty
    trait: Optional[TraitDef]
    trait_args: tuple[Ty, ...] = ()
    methods: dict[str, FnDef] = field(default_factory=dict)
    assoc_types: dict[str, Ty] = field(default_factory=dict)
    span: Any = None
    ast: Any = None
    consts: dict[str, Any] = field(default_factory=dict)  # associated consts (types.ctxt.ConstDef)
    derived: bool = False  # synthesised by `#[derive(...)]`

    def __hash__(self) -> int:
        return id(self)


@record(eq=False, slots=False)
class ClosureDef:
    """A closure expression: its signature, its captures and which Fn trait it implements.

    captures: one entry per captured place, which is one field of the closure, in field order:
    (rustc's name for the place — `x`, `cy.user`, `*r` —, the variable's binding, mode, the
    place's type) with mode "ref", "refmut" or "move"/"copy" (by value).
    capture_places: the same places as (binding, projections, mode, type), each projection
    (elem, type before, type after) with elem "*" for a dereference or (field index, field
    name) for a field."""

    span: Any
    ast: Any
    sig: Optional[FnSig] = None
    kind: Literal["Fn", "FnMut", "FnOnce"] = "Fn"
    captures: list[tuple[str, Any, str, Ty]] = field(default_factory=list)  # (var name, binding id, mode, ty)
    capture_places: list[tuple[Any, tuple, str, Ty]] = field(default_factory=list)

    def __hash__(self) -> int:
        return id(self)


# ---------------------------------------------------------------- helpers

def walk(ty: Ty):
    """ty and every type inside it, outermost first."""
    yield ty
    if isinstance(ty, (Tuple,)):
        for e in ty.elems:
            yield from walk(e)
    elif isinstance(ty, (Array, Slice)):
        yield from walk(ty.elem)
    elif isinstance(ty, (Ref, RawPtr)):
        yield from walk(ty.inner)
    elif isinstance(ty, (Adt, FnDefTy, ClosureTy)):
        for a in ty.args:
            yield from walk(a)
    elif isinstance(ty, FnPtr):
        for p in ty.params:
            yield from walk(p)
        yield from walk(ty.ret)
    elif isinstance(ty, Projection):
        yield from walk(ty.self_ty)
        for a in ty.args:
            yield from walk(a)


def fold(ty: Ty, f_ty, f_region=None) -> Ty:
    """Rebuild ty bottom-up: f_ty(t) may return a replacement for any type (or None to recurse);
    f_region maps every region (default: unchanged)."""
    r = f_ty(ty)
    if r is not None:
        return r
    # a type whose parts come back unchanged is returned as it is: no rebuilding (and types
    # keep their identity, which makes later comparisons cheap)
    rec = lambda t: fold(t, f_ty, f_region)  # noqa: E731
    if isinstance(ty, Tuple):
        if not ty.elems:
            return ty
        elems = tuple(rec(e) for e in ty.elems)
        return ty if _same(elems, ty.elems) else Tuple(elems)
    if isinstance(ty, Ref):
        region = f_region(ty.region) if f_region else ty.region  # before inner: f_region may number regions
        inner = rec(ty.inner)
        return ty if inner is ty.inner and region is ty.region else Ref(region, ty.mutable, inner)
    if isinstance(ty, Adt):
        if not ty.args and not ty.regions:
            return ty
        args = tuple(rec(a) for a in ty.args)
        regions = tuple(f_region(r) for r in ty.regions) if f_region else ty.regions
        if _same(args, ty.args) and _same(regions, ty.regions):
            return ty
        return Adt(ty.adt, args, regions)
    if isinstance(ty, Array):
        elem = rec(ty.elem)
        return ty if elem is ty.elem else Array(elem, ty.length)
    if isinstance(ty, Slice):
        elem = rec(ty.elem)
        return ty if elem is ty.elem else Slice(elem)
    if isinstance(ty, RawPtr):
        inner = rec(ty.inner)
        return ty if inner is ty.inner else RawPtr(ty.mutable, inner)
    if isinstance(ty, FnDefTy):
        args = tuple(rec(a) for a in ty.args)
        return ty if _same(args, ty.args) else FnDefTy(ty.fn, args)
    if isinstance(ty, ClosureTy):
        args = tuple(rec(a) for a in ty.args)
        return ty if _same(args, ty.args) else ClosureTy(ty.closure, args)
    if isinstance(ty, FnPtr):
        params = tuple(rec(p) for p in ty.params)
        ret = rec(ty.ret)
        return ty if ret is ty.ret and _same(params, ty.params) else FnPtr(params, ret)
    if isinstance(ty, Projection):
        self_ty = rec(ty.self_ty)
        args = tuple(rec(a) for a in ty.args)
        if self_ty is ty.self_ty and _same(args, ty.args):
            return ty
        return Projection(ty.trait, self_ty, ty.name, args)
    return ty


def _same(new: tuple, old: tuple) -> bool:
    """Whether fold gave back every part of OLD itself."""
    return all(a is b for a, b in zip(new, old))


def subst(ty: Ty, types: dict[str, Ty], regions: Optional[dict[str, Region]] = None) -> Ty:
    """Replace Param types by name (and named regions) — instantiating a generic definition."""
    def f_ty(t: Ty):
        if isinstance(t, Param):
            return types.get(t.name, t)
        return None

    def f_region(r: Region) -> Region:
        if regions and r.name is not None and r.name in regions:
            return regions[r.name]
        return r

    return fold(ty, f_ty, f_region)


def erase_regions(ty: Ty) -> Ty:
    return fold(ty, lambda t: None, lambda r: ERASED)


def is_integral(ty: Ty) -> bool:
    return isinstance(ty, Int) or (isinstance(ty, Infer) and ty.kind == "int")


def peel_refs(ty: Ty) -> Ty:
    while isinstance(ty, Ref):
        ty = ty.inner
    return ty


def erase_body_regions(ty: Ty) -> Ty:
    """The regions of ty as a body's types carry them: erased, except `'static`, which is a
    fact of the type (a string literal, a `&'static str` field) and not left to inference."""
    return fold(ty, lambda t: None, lambda r: r if r == STATIC else ERASED)
