"""The AST: Rust source as the project's own record classes, every node with a `span`.

Produced by `syntax.parser` from tree-sitter's CST; read by `types` (which fills the
`ty`/`res` slots that make it the typed HIR) and by `mir.build`.

Conventions:
- Nodes compare by identity (`eq=False`) so they can key side tables.
- Expression nodes carry `ty` (filled by the type checker, `None` before) and, where a name
  is resolved, `res`.  Patterns carry `ty` too.
- Macros of the subset are real nodes: `FormatMacro` (println!, format!, panic!, write! ...),
  `VecMacro`, `AssertMacro`.  Their argument spans point into the file.
"""
from __future__ import annotations

from ..records import field, record
from typing import Any, Literal, Optional, Union

from ..source import Span

node = record(eq=False)


# ---------------------------------------------------------------- paths and types

@node
class GenericArgs:
    """`<'a, T, Item = U>` or the parenthesised sugar `(A, B) -> C` of the Fn traits."""

    span: Span
    lifetimes: list["Lifetime"] = field(default_factory=list)
    types: list["TypeExpr"] = field(default_factory=list)
    bindings: list[tuple[str, "TypeExpr"]] = field(default_factory=list)  # Item = T
    parenthesized: bool = False  # Fn(A, B) -> C: types are the inputs
    output: Optional["TypeExpr"] = None


@node
class PathSegment:
    span: Span
    name: str  # identifier, or "self", "Self", "super", "crate"
    args: Optional[GenericArgs] = None


@node
class Path:
    span: Span
    segments: list[PathSegment]
    global_: bool = False  # leading `::`
    res: Any = None  # filled by name resolution

    @property
    def name(self) -> str:
        return self.segments[-1].name

    def __str__(self) -> str:
        return "::".join(s.name for s in self.segments)


@node
class Lifetime:
    span: Span
    name: str  # "'a", "'static", "'_"


class TypeExpr:
    __slots__ = ()


@node
class PathType(TypeExpr):
    span: Span
    path: Path
    qself: Optional["TypeExpr"] = None  # <T as Trait>::Name


@node
class RefType(TypeExpr):
    span: Span
    lifetime: Optional[Lifetime]
    mutable: bool
    inner: TypeExpr


@node
class PtrType(TypeExpr):
    span: Span
    mutable: bool
    inner: TypeExpr


@node
class TupleType(TypeExpr):
    span: Span
    elems: list[TypeExpr]  # [] is `()`


@node
class ArrayType(TypeExpr):
    span: Span
    elem: TypeExpr
    len: "Expr"


@node
class SliceType(TypeExpr):
    span: Span
    elem: TypeExpr


@node
class NeverType(TypeExpr):
    span: Span


@node
class InferType(TypeExpr):
    span: Span  # `_`


@node
class FnPtrType(TypeExpr):
    span: Span
    params: list[TypeExpr]
    ret: Optional[TypeExpr]


@node
class ImplTraitType(TypeExpr):
    span: Span
    bounds: list["Bound"]


@node
class DynTraitType(TypeExpr):
    span: Span
    bounds: list["Bound"]


@node
class Bound:
    """A trait bound `Trait<..>` / `?Sized` / `Fn(A) -> B`, or a lifetime bound `'a`."""

    span: Span
    path: Optional[Path] = None
    lifetime: Optional[Lifetime] = None
    maybe: bool = False  # ?Sized


# ---------------------------------------------------------------- generics and items

@node
class LifetimeParam:
    span: Span
    name: str
    bounds: list[Lifetime] = field(default_factory=list)


@node
class TypeParam:
    span: Span
    name: str
    bounds: list[Bound] = field(default_factory=list)
    default: Optional[TypeExpr] = None


@node
class ConstParam:
    span: Span
    name: str
    ty: TypeExpr


@node
class WherePredicate:
    span: Span
    bounded_ty: Optional[TypeExpr]  # T: Bound
    lifetime: Optional[Lifetime]  # 'a: 'b
    bounds: list[Bound]


@node
class Generics:
    span: Optional[Span] = None
    lifetimes: list[LifetimeParam] = field(default_factory=list)
    types: list[TypeParam] = field(default_factory=list)
    consts: list[ConstParam] = field(default_factory=list)
    where: list[WherePredicate] = field(default_factory=list)


@node
class Attribute:
    """`#[name(args)]` / `#![name(args)]`; args kept as the raw token text and as idents."""

    span: Span
    name: str
    args: list[str] = field(default_factory=list)  # e.g. derive(Debug, Clone) -> ["Debug", "Clone"]
    inner: bool = False


class Item:
    __slots__ = ()


@node
class SelfParam:
    span: Span
    kind: Literal["value", "ref", "refmut"]
    mutable: bool = False  # `mut self`
    lifetime: Optional[Lifetime] = None
    ty: Optional[TypeExpr] = None  # `self: Box<Self>` style


@node
class Param:
    span: Span
    pat: "Pat"
    ty: TypeExpr


@node
class Fn(Item):
    span: Span
    name: str
    name_span: Span
    generics: Generics
    self_param: Optional[SelfParam]
    params: list[Param]
    ret: Optional[TypeExpr]
    body: Optional["Block"]  # None in trait declarations and std stubs without bodies
    is_unsafe: bool = False
    is_const: bool = False
    attrs: list[Attribute] = field(default_factory=list)
    is_pub: bool = False


@node
class FieldDef:
    span: Span
    name: Optional[str]  # None for tuple fields
    ty: TypeExpr
    is_pub: bool = False


@node
class Struct(Item):
    span: Span
    name: str
    name_span: Span
    generics: Generics
    kind: Literal["named", "tuple", "unit"]
    fields: list[FieldDef]
    attrs: list[Attribute] = field(default_factory=list)


@node
class Variant:
    span: Span
    name: str
    kind: Literal["named", "tuple", "unit"]
    fields: list[FieldDef]
    discriminant: Optional["Expr"] = None


@node
class Enum(Item):
    span: Span
    name: str
    name_span: Span
    generics: Generics
    variants: list[Variant]
    attrs: list[Attribute] = field(default_factory=list)


@node
class AssocType(Item):
    span: Span
    name: str
    bounds: list[Bound] = field(default_factory=list)
    ty: Optional[TypeExpr] = None


@node
class Impl(Item):
    span: Span
    generics: Generics
    trait_: Optional[Path]  # impl Trait for Type
    self_ty: TypeExpr
    items: list[Item]  # Fn, Const, AssocType
    negative: bool = False
    is_unsafe: bool = False
    attrs: list[Attribute] = field(default_factory=list)


@node
class Trait(Item):
    span: Span
    name: str
    name_span: Span
    generics: Generics
    supertraits: list[Bound]
    items: list[Item]  # Fn (body optional), AssocType, Const
    attrs: list[Attribute] = field(default_factory=list)


@node
class Const(Item):
    span: Span
    name: str
    name_span: Span
    ty: Optional[TypeExpr]
    value: Optional["Expr"]


@node
class Static(Item):
    span: Span
    name: str
    name_span: Span
    ty: TypeExpr
    value: "Expr"
    mutable: bool = False


@node
class TypeAlias(Item):
    span: Span
    name: str
    generics: Generics
    ty: TypeExpr


@node
class Use(Item):
    """`use a::b::{c, d as e, f::*};` flattened: each entry is (path, alias or None, glob)."""

    span: Span
    entries: list[tuple[Path, Optional[str], bool]]


@node
class Mod(Item):
    span: Span
    name: str
    items: list[Item]


@node
class Crate:
    span: Span
    items: list[Item]
    attrs: list[Attribute] = field(default_factory=list)


# ---------------------------------------------------------------- patterns

class Pat:
    __slots__ = ()


@node
class IdentPat(Pat):
    span: Span
    name: str
    by_ref: bool = False
    mutable: bool = False
    sub: Optional[Pat] = None  # x @ pat
    ty: Any = None
    res: Any = None  # when the name is a unit struct/variant/const, the resolver sets this


@node
class WildPat(Pat):
    span: Span
    ty: Any = None


@node
class RestPat(Pat):
    span: Span  # `..` inside tuple/slice patterns
    ty: Any = None


@node
class LitPat(Pat):
    span: Span
    lit: "Lit"  # a negative number is a Lit with negative value
    ty: Any = None


@node
class RangePat(Pat):
    span: Span
    lo: Optional["Expr"]
    hi: Optional["Expr"]
    inclusive: bool
    ty: Any = None


@node
class TuplePat(Pat):
    span: Span
    elems: list[Pat]
    ty: Any = None


@node
class FieldPat:
    span: Span
    name: str  # field name (or index as a string for tuple structs)
    pat: Pat  # for shorthand `x` it is IdentPat("x")
    shorthand: bool = False


@node
class StructPat(Pat):
    span: Span
    path: Path
    fields: list[FieldPat]
    has_rest: bool = False
    ty: Any = None


@node
class TupleStructPat(Pat):
    span: Span
    path: Path
    elems: list[Pat]
    ty: Any = None


@node
class PathPat(Pat):
    span: Span
    path: Path  # unit variant / unit struct / const: None, Color::Red
    ty: Any = None


@node
class RefPat(Pat):
    span: Span
    pat: Pat
    mutable: bool = False
    ty: Any = None


@node
class SlicePat(Pat):
    span: Span
    elems: list[Pat]
    ty: Any = None


@node
class OrPat(Pat):
    span: Span
    alts: list[Pat]
    ty: Any = None


# ---------------------------------------------------------------- expressions

class Expr:
    __slots__ = ()


@node
class Lit(Expr):
    span: Span
    kind: Literal["int", "float", "str", "char", "bool", "byte", "bytestr"]
    value: Any  # int, float, str, bool, bytes
    suffix: Optional[str] = None  # "u8", "i64", "f64", "usize" ...
    ty: Any = None


@node
class PathExpr(Expr):
    span: Span
    path: Path
    ty: Any = None
    res: Any = None
    qself: Optional[TypeExpr] = None  # <T as Trait>::f, with the same convention as PathType


@node
class Unary(Expr):
    span: Span
    op: Literal["-", "!", "*"]
    operand: Expr
    ty: Any = None
    res: Any = None  # OverloadedOp for `*rc`, `-money` ... (types.check); None when builtin


@node
class Binary(Expr):
    span: Span
    op: str  # + - * / % & | ^ << >> == != < <= > >= && ||
    lhs: Expr
    rhs: Expr
    op_span: Optional[Span] = None
    ty: Any = None
    res: Any = None  # OverloadedOp for `a == b` on String, `s + "x"` ... (types.check); None when builtin


@node
class Assign(Expr):
    span: Span
    lhs: Expr
    rhs: Expr
    ty: Any = None


@node
class CompoundAssign(Expr):
    span: Span
    op: str  # "+" for +=, ...
    lhs: Expr
    rhs: Expr
    ty: Any = None
    res: Any = None  # OverloadedOp for `s += "x"` on String (types.check); None when builtin


@node
class Borrow(Expr):
    span: Span
    mutable: bool
    operand: Expr
    raw: bool = False  # &raw const / &raw mut / ptr::addr_of!
    ty: Any = None


@node
class Call(Expr):
    span: Span
    func: Expr
    args: list[Expr]
    ty: Any = None
    res: Any = None


@node
class MethodCall(Expr):
    span: Span
    receiver: Expr
    name: str
    name_span: Span
    args: list[Expr]
    generic_args: Optional[GenericArgs] = None
    ty: Any = None
    res: Any = None  # the resolved method and receiver adjustments (types.check)


@node
class Field(Expr):
    span: Span
    operand: Expr
    name: str  # "x", or "0" for tuple fields
    name_span: Optional[Span] = None
    ty: Any = None
    res: Any = None


@node
class Index(Expr):
    span: Span
    operand: Expr
    index: Expr
    ty: Any = None
    res: Any = None


@node
class Tuple(Expr):
    span: Span
    elems: list[Expr]  # [] is `()`
    ty: Any = None


@node
class Array(Expr):
    span: Span
    elems: list[Expr]
    ty: Any = None


@node
class ArrayRepeat(Expr):
    span: Span
    elem: Expr
    count: Expr
    ty: Any = None


@node
class FieldInit:
    span: Span
    name: str
    value: Expr
    shorthand: bool = False


@node
class StructLit(Expr):
    span: Span
    path: Path
    fields: list[FieldInit]
    base: Optional[Expr] = None  # ..base
    ty: Any = None
    res: Any = None


class Stmt:
    __slots__ = ()


@node
class LetStmt(Stmt):
    span: Span
    pat: Pat
    ty: Optional[TypeExpr]
    init: Optional[Expr]
    else_block: Optional["Block"] = None


@node
class ExprStmt(Stmt):
    span: Span
    expr: Expr
    semi: bool


@node
class ItemStmt(Stmt):
    span: Span
    item: Item


@node
class EmptyStmt(Stmt):
    span: Span


@node
class Block(Expr):
    span: Span
    stmts: list[Stmt]
    tail: Optional[Expr]
    unsafe: bool = False
    label: Optional[str] = None
    ty: Any = None


@node
class Let(Expr):
    """`let PAT = EXPR` as the condition of `if let` / `while let`."""

    span: Span
    pat: Pat
    scrutinee: Expr
    ty: Any = None


@node
class If(Expr):
    span: Span
    cond: Expr  # a Let for `if let`
    then: Block
    else_: Optional[Expr] = None  # Block or If
    ty: Any = None


@node
class While(Expr):
    span: Span
    cond: Expr  # a Let for `while let`
    body: Block
    label: Optional[str] = None
    ty: Any = None


@node
class Loop(Expr):
    span: Span
    body: Block
    label: Optional[str] = None
    ty: Any = None


@node
class For(Expr):
    span: Span
    pat: Pat
    iter: Expr
    body: Block
    label: Optional[str] = None
    ty: Any = None
    res: Any = None  # IntoIterator::into_iter / Iterator::next resolution


@node
class Arm:
    span: Span
    pat: Pat
    guard: Optional[Expr]
    body: Expr


@node
class Match(Expr):
    span: Span
    scrutinee: Expr
    arms: list[Arm]
    ty: Any = None


@node
class Break(Expr):
    span: Span
    label: Optional[str] = None
    value: Optional[Expr] = None
    ty: Any = None


@node
class Continue(Expr):
    span: Span
    label: Optional[str] = None
    ty: Any = None


@node
class Return(Expr):
    span: Span
    value: Optional[Expr] = None
    ty: Any = None


@node
class ClosureParam:
    span: Span
    pat: Pat
    ty: Optional[TypeExpr] = None


@node
class Closure(Expr):
    span: Span
    params: list[ClosureParam]
    ret: Optional[TypeExpr]
    body: Expr
    is_move: bool = False
    ty: Any = None
    captures: Any = None  # filled by the type checker: list of (place path, capture kind)


@node
class Range(Expr):
    span: Span
    lo: Optional[Expr]
    hi: Optional[Expr]
    inclusive: bool = False
    ty: Any = None


@node
class Cast(Expr):
    span: Span
    operand: Expr
    target: TypeExpr
    ty: Any = None


@node
class Try(Expr):
    span: Span
    operand: Expr  # expr?
    ty: Any = None
    res: Any = None


@node
class Paren(Expr):
    """Kept so spans and `(a.b)()` read as written; transparent to every later stage."""

    span: Span
    inner: Expr
    ty: Any = None


# ---------------------------------------------------------------- macros of the subset

@node
class FormatSpec:
    """One `{...}` of a format string: which argument, which trait, and how to lay it out."""

    span: Span  # inside the string literal
    arg: int  # index into FormatArgs.args
    trait: Literal["Display", "Debug", "LowerHex", "UpperHex", "Binary", "Octal", "LowerExp", "UpperExp", "Pointer"] = "Display"
    fill: str = " "
    align: Optional[Literal["<", ">", "^"]] = None
    sign: Optional[Literal["+", "-"]] = None
    alternate: bool = False  # '#'
    zero_pad: bool = False
    width: Optional[int] = None  # literal width
    width_arg: Optional[int] = None  # width$ / * : index into args
    precision: Optional[int] = None
    precision_arg: Optional[int] = None
    debug_hex: Optional[Literal["x", "X"]] = None  # {:x?} / {:X?}: Debug with hex integers


@node
class FormatArgs:
    """A parsed format string and its arguments.

    pieces alternates literal text (str, escapes already processed) and FormatSpec.
    args holds the explicit positional and named arguments, then the implicit ones from
    inline `{name}` (as PathExpr nodes whose span lies inside the literal)."""

    span: Span
    template: str
    pieces: list[Union[str, FormatSpec]]
    args: list[Expr]
    arg_names: list[Optional[str]] = field(default_factory=list)  # parallel to args


@node
class FormatMacro(Expr):
    """println!, print!, eprintln!, eprint!, format!, panic!, unreachable!, todo!,
    unimplemented!, write!, writeln!.  `fmt` is None for a bare `println!()`/`panic!()`."""

    span: Span
    name: str
    fmt: Optional[FormatArgs]
    dest: Optional[Expr] = None  # write!(dest, ...)
    ty: Any = None


@node
class VecMacro(Expr):
    span: Span
    elems: list[Expr]
    repeat: Optional[tuple[Expr, Expr]] = None  # vec![elem; count]
    ty: Any = None


@node
class AssertMacro(Expr):
    """assert!(cond, msg...), assert_eq!(a, b, msg...), assert_ne!(a, b, msg...), debug_ variants."""

    span: Span
    name: str  # "assert", "assert_eq", "assert_ne"
    args: list[Expr]  # [cond] or [left, right]
    msg: Optional[FormatArgs] = None
    ty: Any = None


@node
class MacroExpr(Expr):
    """Another macro the subset knows by name with plain expression arguments
    (`matches!` is parsed as a Match; `ptr::addr_of!(x)` as a raw Borrow); kept for the
    checker to report as unsupported where it is not."""

    span: Span
    name: str
    args: list[Expr]
    ty: Any = None


# ---------------------------------------------------------------- traversal

class Visitor:
    """Walks every child node; override `visit_<ClassName>` to intercept one kind.

    `generic_visit` visits the fields that hold nodes or lists of nodes, in declaration order."""

    def visit(self, n: Any) -> Any:
        method = getattr(self, "visit_" + type(n).__name__, None)
        if method is not None:
            return method(n)
        return self.generic_visit(n)

    def generic_visit(self, n: Any) -> None:
        for child in children(n):
            self.visit(child)


_NODE_FIELDS: dict[type, tuple[str, ...]] = {}


def children(n: Any):
    """The child nodes of n, in source order."""
    cls = type(n)
    names = _NODE_FIELDS.get(cls)
    if names is None:
        names = tuple(f for f in getattr(cls, "__record_fields__", ()) if f not in ("span", "ty", "res", "name_span", "op_span", "captures"))
        _NODE_FIELDS[cls] = names
    for name in names:
        v = getattr(n, name)
        if isinstance(v, list):
            for x in v:
                if isinstance(x, tuple):
                    for y in x:
                        if hasattr(y, "__record_fields__"):
                            yield y
                elif hasattr(x, "__record_fields__"):
                    yield x
        elif isinstance(v, tuple):
            for y in v:
                if hasattr(y, "__record_fields__"):
                    yield y
        elif hasattr(v, "__record_fields__"):
            yield v
