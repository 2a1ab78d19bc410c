"""What the type checker leaves on the AST for `mir.build`: resolutions and adjustments.

This is rustmem's `TypeckResults`: every `Expr.ty` is filled with a fully resolved type
(no `Infer` left), and the records below say what each name, method call, operator, index,
field access and implicit coercion means.  The MIR builder reads only these and the
`TyCtxt` queries; it never re-runs inference.
"""
from __future__ import annotations

from ..records import field, record
from typing import Any, Literal, Optional, Union

from .ty import AdtDef, ClosureDef, FnDef, Ty

frozen = record(frozen=True)


# ---------------------------------------------------------------- name resolutions (PathExpr.res, IdentPat.res, Path.res)

@record(eq=False)
class LocalRes:
    """A local variable: `binding` is the IdentPat (or SelfParam) node that introduced it."""

    binding: Any
    name: str


@frozen
class FnRes:
    """A function item, with its generic arguments (impl's then the fn's own)."""

    fn: FnDef
    args: tuple[Ty, ...] = ()


@frozen
class CtorRes:
    """A tuple-struct/tuple-variant constructor used as a function or a unit struct/variant
    used as a value: `Some`, `Point`, `Color::Red`."""

    adt: AdtDef
    variant: int
    args: tuple[Ty, ...] = ()


@record(eq=False)
class ConstRes:
    const: Any  # ast.Const (its value is evaluated at MIR build time)
    ty: Ty = None  # type: ignore[assignment]
    # a trait's associated const used on a type parameter (`Self::SIDES` in a provided method):
    # the trait, and the type whose impl supplies the value (const is the trait's default, if any)
    trait: Any = None
    self_ty: Any = None


@record(eq=False)
class StaticRes:
    static: Any  # ast.Static
    ty: Ty = None  # type: ignore[assignment]
    mutable: bool = False


Res = Union[LocalRes, FnRes, CtorRes, ConstRes, StaticRes]


# ---------------------------------------------------------------- adjustments (implicit coercions), as rustc's

@frozen
class Deref:
    """One dereference step: builtin (`&T`, `&mut T`, `Box<T>`, raw) when overloaded is None,
    else a call of `Deref::deref` / `DerefMut::deref_mut` (overloaded = that FnDef, and
    mutable says which) whose result is then dereferenced."""

    target: Ty  # type after the step
    overloaded: Optional[FnDef] = None
    mutable: bool = False


@frozen
class Borrow:
    """Take a reference: kind "shared" or "mut" (a method autoref `&mut` is two-phase)."""

    target: Ty
    mutable: bool
    two_phase: bool = False


@frozen
class Unsize:
    """`&[T; N]` -> `&[T]`, `Box<[T; N]>` -> `Box<[T]>`."""

    target: Ty


@frozen
class NeverToAny:
    target: Ty


@frozen
class MutToConstPointer:
    target: Ty


@frozen
class ClosureFnPointer:
    target: Ty


@frozen
class ReifyFnPointer:
    target: Ty


Adjustment = Union[Deref, Borrow, Unsize, NeverToAny, MutToConstPointer, ClosureFnPointer, ReifyFnPointer]


# ---------------------------------------------------------------- per-expression records

@frozen
class MethodRes:
    """A resolved method call `recv.name(args)`: call `fn` with generic `args`; the receiver
    expression's adjustments (autoderef then autoref) are in TypeckResults.adjustments[receiver].

    For calls through a closure/fn-pointer value (`f(x)` where f: impl Fn), fn is the Fn trait's
    method (Fn::call / FnMut::call_mut / FnOnce::call_once) and `overloaded_call` is True."""

    fn: FnDef
    args: tuple[Ty, ...] = ()
    overloaded_call: bool = False


@frozen
class OverloadedOp:
    """An operator that calls a trait method: `a == b` on String (PartialEq::eq), `s + "x"`
    (Add::add), `v[i]` on Vec (Index::index / IndexMut::index_mut), `*rc` (Deref::deref)."""

    fn: FnDef
    args: tuple[Ty, ...] = ()
    by_ref: bool = False  # operands are passed by reference (comparison operators)


@frozen
class FieldRes:
    index: int  # field index in the variant (struct: variant 0)


@frozen
class ForRes:
    """`for pat in iter`: `into_iter(iter)` then loop on `next(&mut it)`."""

    into_iter: MethodRes
    next: MethodRes
    iter_ty: Ty  # the iterator's type after into_iter
    item_ty: Ty


@frozen
class TryRes:
    """`expr?` on Option or Result: branch on the variant; on the error path convert with
    From::from (identity for the same type) and return."""

    kind: Literal["option", "result"]
    from_fn: Optional[FnRes] = None


BindingMode = Literal["value", "ref", "refmut"]


@record(slots=False)
class TypeckResults:
    """Per-crate side tables keyed by AST node (nodes hash by identity)."""

    adjustments: dict[Any, list[Adjustment]] = field(default_factory=dict)  # Expr -> steps applied in order
    pat_binding_modes: dict[Any, BindingMode] = field(default_factory=dict)  # IdentPat -> mode (match ergonomics)
    pat_adjustments: dict[Any, list[Ty]] = field(default_factory=dict)  # Pat -> types of the references peeled before matching
    closures: dict[Any, ClosureDef] = field(default_factory=dict)  # ast.Closure -> ClosureDef
    node_args: dict[Any, tuple[Ty, ...]] = field(default_factory=dict)  # generic args for paths/calls
    macro_methods: dict[Any, "MethodRes"] = field(default_factory=dict)  # write!/writeln! -> dest.write_fmt

    def adjusted_ty(self, expr: Any) -> Ty:
        adj = self.adjustments.get(expr)
        return adj[-1].target if adj else expr.ty
