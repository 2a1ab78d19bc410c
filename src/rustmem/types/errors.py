"""The one table of the type checker's error wording, as rustc 1.95 writes it.

Every function returns a `Diagnostic` whose code, message and primary span match rustc's;
the checker never formats an error message anywhere else.
"""
from __future__ import annotations

from typing import Any

from ..diagnostics import Diagnostic


def _e(code: str | None, message: str, span: Any, label: str = "") -> Diagnostic:
    d = Diagnostic.error(message, code)
    if span is not None:
        d.with_primary(span, label)
    return d


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


# ---------------------------------------------------------------- names

def unresolved_value(span: Any, name: str, is_fn: bool = False) -> Diagnostic:
    if is_fn:  # rustc guesses from the case: `Point(..)` may be a tuple struct, `point(..)` not
        what = "function, tuple struct or tuple variant" if name[:1].isupper() else "function"
    else:
        what = "value"
    return _e("E0425", f"cannot find {what} `{name}` in this scope", span, "not found in this scope")


def unresolved_type(span: Any, name: str) -> Diagnostic:
    return _e("E0425", f"cannot find type `{name}` in this scope", span, "not found in this scope")


def unresolved_trait(span: Any, name: str) -> Diagnostic:
    return _e("E0405", f"cannot find trait `{name}` in this scope", span, "not found in this scope")


def unresolved_import(span: Any, path: str, last: str, parent: str = "the root") -> Diagnostic:
    return _e("E0432", f"unresolved import `{path}`", span, f"no `{last}` in {parent}")


def failed_to_resolve(span: Any, name: str) -> Diagnostic:
    """A path whose leading segment names nothing: a type (`Vector::new`) or a module (`m::f`)."""
    if name[:1].isupper():
        return _e("E0433", f"cannot find type `{name}` in this scope", span, f"use of undeclared type `{name}`")
    return _e("E0433", f"cannot find module or crate `{name}` in this scope", span,
              f"use of unresolved module or unlinked crate `{name}`")


def unresolved_assoc_type(span: Any, name: str, base: str) -> Diagnostic:
    return _e("E0220", f"associated type `{name}` not found for `{base}`", span)


def unresolved_struct(span: Any, name: str) -> Diagnostic:
    return _e("E0422", f"cannot find struct, variant or union type `{name}` in this scope", span,
              "not found in this scope")


def expected_fn_found(span: Any, what: str) -> Diagnostic:
    return _e("E0618", f"expected function, found {what}", span)


def placeholder_in_signature(span: Any) -> Diagnostic:
    return _e("E0121", "the placeholder `_` is not allowed within types on item signatures", span)


def unsupported_here(span: Any, what: str) -> Diagnostic:
    return _e(None, f"unsupported: {what}", span)


def missing_generics(span: Any, name: str, n: int) -> Diagnostic:
    return _e("E0107", f"missing generics for struct `{name}`", span)


# ---------------------------------------------------------------- types

def _kind(ty: str) -> str:
    """A type in a label: literals not yet typed are "integer" / "floating-point number"."""
    return {"{integer}": "integer", "{float}": "floating-point number"}.get(ty, f"`{ty}`")


def mismatched(span: Any, expected: str, found: str) -> Diagnostic:
    return _e("E0308", "mismatched types", span, f"expected {_kind(expected)}, found {_kind(found)}")


def missing_lifetime(span: Any) -> Diagnostic:
    return _e("E0106", "missing lifetime specifier", span, "expected named lifetime parameter")


def missing_lifetimes(spans: list[Any]) -> Diagnostic:
    """One E0106 for a signature's output, however many references in it lack a lifetime."""
    d = missing_lifetime(spans[0])
    if len(spans) > 1:
        d.message = "missing lifetime specifiers"
        for s in spans[1:]:
            d.with_primary(s, "expected named lifetime parameter")
        d.labels.sort(key=lambda lb: lb.span.lo)
    return d


def undeclared_lifetime(span: Any, name: str) -> Diagnostic:
    return _e("E0261", f"use of undeclared lifetime name `{name}`", span, "undeclared lifetime")


def duplicate_field(span: Any, first: Any, name: str) -> Diagnostic:
    return (_e("E0124", f"field `{name}` is already declared", span, "field already declared")
            .with_label(first, f"`{name}` first declared here"))


def copy_impl_bad_fields(span: Any, field_spans: list[Any]) -> Diagnostic:
    d = _e("E0204", "the trait `Copy` cannot be implemented for this type", span)
    for s in field_spans:
        d.with_label(s, "this field does not implement `Copy`")
    return d


def arg_count(span: Any, expected: int, found: int, is_method: bool) -> Diagnostic:
    what = "method" if is_method else "function"
    were = "was" if found == 1 else "were"
    return _e("E0061", f"this {what} takes {plural(expected, 'argument')} but {plural(found, 'argument')} {were} supplied", span)


def ctor_arg_count(span: Any, kind: str, expected: int, found: int) -> Diagnostic:
    were = "was" if found == 1 else "were"
    return _e("E0061", f"this {kind} takes {plural(expected, 'argument')} but {plural(found, 'argument')} {were} supplied", span)


def describe_ty(ty: Any) -> str:
    """`struct `Point``, `enum `Option<i32>``, `reference `&str``, `type `i32`` as rustc says."""
    from .ty import Adt, Param, Ref
    if isinstance(ty, Param):
        return f"type parameter `{ty}`"
    if isinstance(ty, Adt):
        return f"{'enum' if ty.adt.is_enum else 'struct'} `{ty}`"
    if isinstance(ty, Ref):
        return f"reference `{ty}`"
    return f"type `{ty}`"


def no_method(span: Any, name: str, ty: Any) -> Diagnostic:
    return _e("E0599", f"no method named `{name}` found for {describe_ty(ty)} in the current scope", span,
              f"method not found in `{ty}`")


def no_assoc_item(span: Any, name: str, ty: Any) -> Diagnostic:
    return _e("E0599", f"no function or associated item named `{name}` found for {describe_ty(ty)} in the current scope",
              span, f"function or associated item not found in `{ty}`")


def no_variant(span: Any, name: str, ty: Any) -> Diagnostic:
    return _e("E0599", f"no variant or associated item named `{name}` found for enum `{ty}` in the current scope",
              span, f"variant or associated item not found in `{ty}`")


def ambiguous_numeric(span: Any, name: str, ty: str) -> Diagnostic:
    return _e("E0689", f"can't call method `{name}` on ambiguous numeric type `{ty}`", span)


def trait_not_satisfied(span: Any, ty: Any, trait: str) -> Diagnostic:
    return _e("E0277", f"the trait bound `{ty}: {trait}` is not satisfied", span,
              f"the trait `{trait}` is not implemented for `{ty}`")


def not_formattable(span: Any, ty: Any, trait: str) -> Diagnostic:
    if trait == "Display":
        return _e("E0277", f"`{ty}` doesn't implement `std::fmt::Display`", span,
                  f"`{ty}` cannot be formatted with the default formatter")
    return _e("E0277", f"`{ty}` doesn't implement `{trait}`", span,
              f"`{ty}` cannot be formatted using `{{:?}}`")


def bad_index(span: Any, ty: Any, idx: Any) -> Diagnostic:
    return _e("E0277", f"the type `{ty}` cannot be indexed by `{idx}`", span, "slice indices are of type `usize` or ranges of `usize`")


def cannot_index(span: Any, ty: Any) -> Diagnostic:
    return _e("E0608", f"cannot index into a value of type `{ty}`", span)


def not_iterator(span: Any, ty: Any) -> Diagnostic:
    return _e("E0277", f"`{ty}` is not an iterator", span, f"`{ty}` is not an iterator")


def not_sized_local(span: Any, ty: Any) -> Diagnostic:
    return _e("E0277", f"the size for values of type `{ty}` cannot be known at compilation time", span)


BINOP_VERBS = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide", "%": "calculate the remainder of"}


def binop(span: Any, op: str, lhs: Any, rhs: Any) -> Diagnostic:
    verb = BINOP_VERBS.get(op)
    if verb == "calculate the remainder of":
        return _e("E0369", f"cannot calculate the remainder of `{lhs}` divided by `{rhs}`", span)
    if verb == "add":
        return _e("E0369", f"cannot add `{rhs}` to `{lhs}`", span)
    if verb == "subtract":
        return _e("E0369", f"cannot subtract `{rhs}` from `{lhs}`", span)
    if verb is not None:
        return _e("E0369", f"cannot {verb} `{lhs}` by `{rhs}`", span)
    return _e("E0369", f"binary operation `{op}` cannot be applied to type `{lhs}`", span)


def binop_operands(span: Any, op: str, lhs: str, rhs: str) -> Diagnostic:
    """E0277 at the operator of a builtin operation whose operands differ (`1u8 + 2u32`)."""
    def show(t: str) -> str:
        return {"{integer}": "an integer", "{float}": "a float"}.get(t, f"`{t}`")
    if op in ("==", "!=", "<", "<=", ">", ">="):
        msg = f"can't compare `{lhs}` with `{rhs}`"
    elif lhs in ("{integer}", "{float}") and rhs in ("{integer}", "{float}"):
        verb = {"+": "add", "-": "subtract", "*": "multiply", "/": "divide"}.get(op)
        prep = {"add": "to", "subtract": "from", "multiply": "by", "divide": "by"}.get(verb or "", "to")
        msg = (f"cannot {verb} {show(rhs)} {prep} {show(lhs)}" if verb in ("add", "subtract")
               else f"cannot {verb} {show(lhs)} {prep} {show(rhs)}" if verb else
               f"no implementation for `{lhs} {op} {rhs}`")
    else:
        msg = binop(span, op, lhs, rhs).message
    flipped = {"<": ">", ">": "<", "<=": ">=", ">=": "<="}.get(op)
    label = f"no implementation for `{lhs} {op} {rhs}`"
    if flipped:
        label += f" and `{lhs} {flipped} {rhs}`"
    return _e("E0277", msg, span, label)


def break_with_value(span: Any, kind: str) -> Diagnostic:
    return _e("E0571", f"`break` with value from a `{kind}` loop", span, "can only break with a value inside `loop` or breakable block")


def if_without_else(span: Any, expected: str) -> Diagnostic:
    return _e("E0317", "`if` may be missing an `else` clause", span, f"expected `{expected}`, found `()`")


def primitive_field(span: Any, ty: Any) -> Diagnostic:
    return _e("E0610", f"`{ty}` is a primitive type and therefore doesn't have fields", span)


def closure_arg_count(span: Any, expected: int, found: int) -> Diagnostic:
    were = "was" if found == 1 else "were"
    return _e("E0057", f"this function takes {plural(expected, 'argument')} but {plural(found, 'argument')} {were} supplied", span)


def binop_assign(span: Any, op: str, lhs: Any) -> Diagnostic:
    return _e("E0368", f"binary assignment operation `{op}=` cannot be applied to type `{lhs}`", span)


def cannot_deref(span: Any, ty: Any) -> Diagnostic:
    return _e("E0614", f"type `{ty}` cannot be dereferenced", span)


def cannot_negate(span: Any, op: str, ty: Any) -> Diagnostic:
    verb = "negate" if op == "-" else "apply unary operator `!` to"
    return _e("E0600", f"cannot {verb} type `{ty}`", span)


def bad_cast(span: Any, src: Any, dst: Any) -> Diagnostic:
    """An invalid `as`, with the code rustc picks for the pair of types."""
    from .ty import Bool, Char, Float, Int, RawPtr, Ref
    if isinstance(dst, Char) and isinstance(src, (Int, Float)):
        return _e("E0604", f"only `u8` can be cast as `char`, not `{src}`", span, "invalid cast")
    if isinstance(dst, Bool) and isinstance(src, (Int, Float)):
        return _e("E0054", f"cannot cast `{src}` as `bool`", span)
    if isinstance(src, (Ref, RawPtr)) and isinstance(dst, (Int, Float, Char, Bool)) or (
            isinstance(src, (Int, Float, Bool, Char)) and isinstance(dst, Ref)):
        return _e("E0606", f"casting `{src}` as `{dst}` is invalid", span)
    return _e("E0605", f"non-primitive cast: `{src}` as `{dst}`", span, "an `as` expression can only be used to convert between primitive types or to coerce to a specific trait object")


def private_field(span: Any, name: str, kind: str, adt: str) -> Diagnostic:
    return _e("E0616", f"field `{name}` of {kind} `{adt}` is private", span, "private field")


def non_exhaustive(span: Any, witnesses: list[str], ty: Any) -> Diagnostic:
    if len(witnesses) == 1:
        pats = f"`{witnesses[0]}`"
    elif len(witnesses) <= 3:
        pats = ", ".join(f"`{w}`" for w in witnesses[:-1]) + f" and `{witnesses[-1]}`"
    else:
        pats = ", ".join(f"`{w}`" for w in witnesses[:3]) + f" and {len(witnesses) - 3} more"
    return _e("E0004", f"non-exhaustive patterns: {pats} not covered", span,
              f"pattern{'s' if len(witnesses) > 1 else ''} {pats} not covered")


def refutable_pattern(span: Any, witnesses: list[str], origin: str) -> Diagnostic:
    pats = ", ".join(f"`{w}`" for w in witnesses)
    return _e("E0005", f"refutable pattern in {origin}", span, f"pattern{'s' if len(witnesses) > 1 else ''} {pats} not covered")


UNSAFE_OPS = {
    "deref": "dereference of raw pointer",
    "static_mut": "use of mutable static",
    "union": "access to union field",
}


def unsafe_op(span: Any, what: str, fn_name: str | None = None) -> Diagnostic:
    if what == "call":
        msg = f"call to unsafe function `{fn_name}` is unsafe and requires unsafe function or block"
        label = "call to unsafe function"
    else:
        msg = f"{UNSAFE_OPS[what]} is unsafe and requires unsafe function or block"
        label = UNSAFE_OPS[what]
    return _e("E0133", msg, span, label)


def missing_fields(span: Any, names: list[str], struct: str) -> Diagnostic:
    quoted = [f"`{n}`" for n in names]
    if len(quoted) == 1:
        msg = f"missing field {quoted[0]} in initializer of `{struct}`"
    elif len(quoted) <= 3:
        msg = f"missing fields {', '.join(quoted[:-1])} and {quoted[-1]} in initializer of `{struct}`"
    else:
        msg = f"missing fields {', '.join(quoted[:3])} and {len(quoted) - 3} other fields in initializer of `{struct}`"
    return _e("E0063", msg, span, "missing " + ", ".join(quoted))


def no_such_field_lit(span: Any, kind: str, struct: str, name: str) -> Diagnostic:
    return _e("E0560", f"{kind} `{struct}` has no field named `{name}`", span, f"`{struct}` does not have this field")


def no_field(span: Any, name: str, ty: Any) -> Diagnostic:
    return _e("E0609", f"no field `{name}` on type `{ty}`", span, "unknown field")


def method_as_field(span: Any, name: str, ty: Any) -> Diagnostic:
    return _e("E0615", f"attempted to take value of method `{name}` on type `{ty}`", span, "method, not a field")


def no_field_pat(span: Any, kind: str, struct: str, name: str) -> Diagnostic:
    return _e("E0026", f"{kind} `{struct}` does not have a field named `{name}`", span)


def pat_missing_fields(span: Any, names: list[str], struct: str) -> Diagnostic:
    quoted = ", ".join(f"`{n}`" for n in names)
    return _e("E0027", f"pattern does not mention field{'s' if len(names) > 1 else ''} {quoted}", span)


def tuple_pat_arity(span: Any, expected: int, found: int, kind: str, name: str) -> Diagnostic:
    return _e("E0023", f"this pattern has {plural(found, 'field')}, but the corresponding {kind} has {plural(expected, 'field')}", span)


def type_annotations_needed(span: Any) -> Diagnostic:
    return _e("E0282", "type annotations needed", span)


def break_outside_loop(span: Any, what: str) -> Diagnostic:
    return _e("E0268", f"`{what}` outside of a loop", span)


def try_in_wrong_fn(span: Any) -> Diagnostic:
    return _e("E0277", "the `?` operator can only be used in a function that returns `Result` or `Option` (or another type that implements `FromResidual`)", span)


def try_on_wrong_type(span: Any, ty: Any) -> Diagnostic:
    return _e("E0277", "the `?` operator can only be applied to values that implement `Try`", span)


def assign_to_rvalue(span: Any) -> Diagnostic:
    return _e("E0070", "invalid left-hand side of assignment", span)


def wrong_closure_kind(span: Any, kind: str, required: str) -> Diagnostic:
    return _e("E0525", f"expected a closure that implements the `{required}` trait, but this closure only implements `{kind}`", span)


def not_a_struct(span: Any, path: str) -> Diagnostic:
    return _e("E0574", f"expected struct, variant or union type, found `{path}`", span)


def ctor_is_private(span: Any, name: str) -> Diagnostic:
    return _e("E0603", f"`{name}` is private", span)
