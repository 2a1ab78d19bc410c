"""types: names, items, type inference, traits and method resolution -> the typed HIR.

`check_crate(crate, source) -> (TyCtxt, [Diagnostic])`: resolves every name of the parsed
crate against its items and the std stubs (`types/std/*.rs`), infers every expression's
type, resolves methods, operators and trait impls, and leaves on the AST the `ty`/`res`
slots and in `tcx.results` the side tables (adjustments, binding modes, closures) that
`mir.build` reads.
"""
from __future__ import annotations

from .checker import check_crate
from .ctxt import TyCtxt

__all__ = ["check_crate", "TyCtxt"]
