"""The bodies of the std functions: Python intrinsics keyed as conventions.md says
(`Vec::push`, `<Vec as Clone>::clone`, `Iterator::map`, `mem::swap`, `fmt::print` ...).

An intrinsic is `fn(m: Machine, args: list, info: CallInfo) -> value`; `args` are the
machine values of the call's operands (a `&self` is a Ptr).  Register with `@intrinsic(key,
...)`.  `lookup` also finds the structural implementations of `#[derive(...)]` methods.
"""
from __future__ import annotations

from typing import Any, Callable

from ..errors import Unsupported

Intrinsic = Callable[[Any, list, Any], Any]
REGISTRY: dict[str, Intrinsic] = {}


def intrinsic(*keys: str) -> Callable[[Intrinsic], Intrinsic]:
    def register(fn: Intrinsic) -> Intrinsic:
        for k in keys:
            REGISTRY[k] = fn
        return fn
    return register


def lookup(m: Any, fn: Any, args: tuple) -> Intrinsic:
    """The intrinsic for a body-less FnDef; one that raises `Unsupported` when called if the
    machine has none (so a program only fails if it really reaches it)."""
    key = getattr(fn, "intrinsic", None) or getattr(fn, "path", str(fn))
    found = REGISTRY.get(key)
    if found is not None:
        return found
    trait = getattr(fn, "trait", None)
    impl = getattr(fn, "impl", None)
    trait_name = trait.name if trait is not None else (impl.trait.name if impl is not None and impl.trait is not None else None)
    if getattr(fn, "derived", False) and trait_name:
        found = REGISTRY.get(f"derive {trait_name}::{fn.name}")
    if found is None and trait_name:
        found = REGISTRY.get(f"{trait_name}::{fn.name}") or REGISTRY.get(f"<* as {trait_name}>::{fn.name}")
    if found is not None:
        return found

    def missing(m: Any, vals: list, info: Any) -> Any:
        raise Unsupported(f"the std function `{key}` is not implemented by rustmem's machine yet")
    missing.missing = True  # type: ignore[attr-defined]
    return missing


from . import cell, core, extra, iter, misc, num, option, slices, string, traits, vec  # noqa: E402,F401  (they register)
