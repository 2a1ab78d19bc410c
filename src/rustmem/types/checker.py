"""The crate checker: collect the crate's items over std's, then check every body.

`check_crate(crate, source) -> (TyCtxt, diagnostics)` is the stage's entry point.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import CompileError, Diagnostic
from ..source import SourceFile
from ..syntax import ast
from .check import FnCtxt
from .collect import Collector, OpaqueTy
from .representability import check_representability
from .ctxt import ConstDef, Module, TyCtxt
from .std_env import std_tables
from . import errors
from .ty import Adt, FnDef, FnSig, Param, TraitDef, Ty, erase_body_regions, erase_regions
from .writeback import finish_body


class CrateChecker:
    def __init__(self, crate: ast.Crate) -> None:
        tables = std_tables().fork()
        self.tcx = TyCtxt(tables)
        self.diags: list[Diagnostic] = []
        self.root = Module("crate", "", None, False)
        self.tcx.crate_root = self.root
        self.refutability_checks: list[tuple[Any, Any, Any]] = []
        self.matches: list[tuple[Any, Any]] = []
        self.collector = Collector(tables, self.root, False, self.diags)
        self.collector.declare(self.root, crate.items, "")
        self.collector.resolve_uses()
        self.collector.lower_all()
        self.tcx.user_fns = list(self.collector.user_fns)
        self.tcx.user_adts = [adt for adt, _ in self.collector.adts]
        self.user_adt_set = set(self.tcx.user_adts)
        self.tcx.user_impls = list(self.collector.user_impls)
        self.tcx.consts = list(self.collector.consts)
        self.bodies = {fn: (fn, item, module, parent) for fn, item, module, parent in self.collector.bodies}
        self.traits_in_scope = {d for d, _ in tables.prelude.values() if isinstance(d, TraitDef)}
        for m in self.collector.modules:
            self.traits_in_scope.update(d for d in m.types.values() if isinstance(d, TraitDef))
        self.done: set[FnDef] = set()
        self.in_progress: set[FnDef] = set()

    def check(self) -> None:
        self.diags.extend(check_representability(self.tcx.user_adts))
        self.check_copy_impls()
        for fn in list(self.bodies):
            self.check_fn(fn)
        for c in self.collector.consts:
            self.check_const(c)
        from .exhaustive import check_refutability
        check_refutability(self)

    def check_copy_impls(self) -> None:
        """E0204: `Copy` (derived or written) on a type with a field that is not Copy."""
        from .traits import type_implements
        copy = self.tcx.lang_trait("Copy")
        for impl in self.tcx.user_impls if copy is not None else []:
            if impl.trait is not copy or not isinstance(impl.self_ty, Adt):
                continue
            adt = impl.self_ty.adt
            env = self.tcx.tables.predicates.get(impl, [])
            bad = []
            for v, variant in enumerate(adt.variants):
                for f, ty in zip(variant.fields, self.tcx.field_tys(impl.self_ty, v)):
                    if not type_implements(self.tcx, erase_regions(ty), copy, env=env):
                        bad.append(f)
            if bad:
                span = adt.span if impl.derived or impl.ast is None else impl.ast.self_ty.span
                self.diags.append(errors.copy_impl_bad_fields(span, [f.span for f in bad]))

    def ensure_revealed(self, fn: FnDef) -> None:
        """A function returning `impl Trait` is checked before its callers see its type."""
        if isinstance(fn.sig.output, OpaqueTy) and fn in self.bodies and fn not in self.in_progress:
            self.check_fn(fn)

    def check_fn(self, fn: FnDef) -> None:
        if fn in self.done or fn in self.in_progress:
            return
        self.in_progress.add(fn)
        _, item, module, parent = self.bodies[fn]
        params = {p: Param(p, i) for i, p in enumerate(fn.params)}
        env = list(self.tcx.tables.predicates.get(fn, []))
        fcx = FnCtxt(self, module, env, parent.self_ty if parent else None, params,
                     trait=parent.trait if parent else None,
                     impl_assoc=parent.impl_assoc if parent else None, is_unsafe_fn=fn.sig.is_unsafe)
        fcx.fn = fn
        if parent is not None:
            fcx.lower_cx.impl_trait_ref = parent.impl_trait_ref
            fcx.lower_cx.consts = set(parent.consts)
        inputs = [fcx.normalize(erase_body_regions(t)) for t in fn.sig.inputs]
        opaque = fn.sig.output if isinstance(fn.sig.output, OpaqueTy) else None
        if opaque is not None:
            output: Ty = fcx.infcx.new_var()
            fcx.register_predicates(list(opaque.bounds), {}, item.ret.span if item.ret else item.span)
            for ob in fcx.obligations[-len(opaque.bounds):] if opaque.bounds else []:
                ob.ty = output
        else:
            output = fcx.normalize(erase_body_regions(fn.sig.output))
        pats: list[tuple[Any, Ty]] = []
        rest = inputs
        if item.self_param is not None:
            pats.append((item.self_param, inputs[0]))
            rest = inputs[1:]
        pats.extend((p.pat, t) for p, t in zip(item.params, rest))
        fcx.check_body(pats, item.body, output)
        finish_body(fcx)
        if opaque is not None:
            fn.sig = FnSig(fn.sig.inputs, fcx.infcx.resolve(output), fn.sig.is_unsafe)
        self.in_progress.discard(fn)
        self.done.add(fn)

    def check_const(self, c: ConstDef) -> None:
        item = c.ast
        if item.value is None:
            return
        fcx = FnCtxt(self, c.module, [], c.self_ty, {})
        ty = erase_body_regions(c.ty) if c.ty is not None else fcx.infcx.new_var()
        fcx.ret_stack.append(ty)
        fcx.check_coerce(item.value, ty)
        finish_body(fcx)


def check_crate(crate: ast.Crate, source: Optional[SourceFile] = None) -> tuple[TyCtxt, list[Diagnostic]]:
    """Type-check a parsed crate: (the TyCtxt with the typed HIR's tables, the errors found)."""
    try:
        checker = CrateChecker(crate)
        checker.check()
    except CompileError as e:
        tcx = TyCtxt(std_tables().fork())
        return tcx, list(e.diagnostics)
    return checker.tcx, _dedup(checker.diags)


def _dedup(diags: list[Diagnostic]) -> list[Diagnostic]:
    seen = set()
    out = []
    for d in diags:
        p = d.primary
        key = (d.code, d.message, p.span.lo if p else None)
        if key not in seen:
            seen.add(key)
            out.append(d)
    return out
