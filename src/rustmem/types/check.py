"""Checking one body: `FnCtxt` holds inference state, scopes and obligations of a function
(its closures included), and checks statements, blocks and control flow.

Expressions are split over mixins: `check_expr.ExprChecker` (literals, paths, fields,
indexing, struct literals, `?`), `check_call.CallChecker` (calls, method calls),
`check_ops.OpsChecker` (operators, casts), `check_macros.MacroChecker`, `check_pat.PatChecker`
(patterns, match ergonomics) and `closure.ClosureChecker`.  Every expression gets `ty`
(possibly an inference variable until `writeback` resolves it); coercions are recorded as
adjustments; obligations (`ty: Trait`) wait in `obligations` until inference decides them.
"""
from __future__ import annotations

from ..records import record
from typing import TYPE_CHECKING, Any, Optional

from ..diagnostics import Diagnostic
from ..syntax import ast
from . import errors
from .check_call import CallChecker
from .check_expr import ExprChecker
from .check_macros import MacroChecker
from .check_ops import OpsChecker
from .check_pat import PatChecker
from .closure import ClosureChecker
from .ctxt import Predicate, TyCtxt
from .infer import InferCtxt
from .resolve import LowerCx, lower_ty
from .results import Borrow, Deref, MutToConstPointer, NeverToAny, ReifyFnPointer, ClosureFnPointer, Unsize
from .traits import MAYBE, NO, YES, Obligation, SelectionCx, elaborate, fold_projections
from .ty import (
    BOOL, ERASED, ERROR, NEVER, UNIT, Adt, Array, ClosureTy, ErrorTy, FnDefTy, FnPtr, Infer, Never,
    Projection, RawPtr, Ref, Slice, Ty, erase_regions, walk,
)

if TYPE_CHECKING:
    from .ctxt import Module


MAX_NORMALIZE_DEPTH = 24


@record(slots=False)
class LoopCx:
    label: Optional[str]
    kind: str  # "loop" | "while" | "for" | "block"
    break_ty: Optional[Ty] = None  # `loop`: the type of its break values
    broke: bool = False


@record(slots=False)
class CoerceMany:
    """The common type of several branches (if/else, match arms, break values)."""

    target: Ty
    all_diverge: bool = True
    pushed: int = 0


class FnCtxt(ExprChecker, CallChecker, OpsChecker, MacroChecker, PatChecker, ClosureChecker):
    """The state of checking one function body."""

    def __init__(self, checker: Any, module: "Module", env: list[Predicate], self_ty: Optional[Ty],
                 params: dict[str, Ty], trait: Any = None, impl_assoc: Optional[dict[str, Ty]] = None,
                 is_unsafe_fn: bool = False) -> None:
        self.checker = checker
        self.tcx: TyCtxt = checker.tcx
        self.tables = self.tcx.tables
        self.results = self.tcx.results
        self.module = module
        self.infcx = InferCtxt()
        self.env = elaborate(self.tables, env)
        self.scx = SelectionCx(self.tcx, self.infcx, self.env)
        self.self_ty = self_ty
        self.params = params
        self.diags: list[Diagnostic] = checker.diags
        self.obligations: list[Obligation] = []
        self.projections: list[tuple[Projection, Ty, Any]] = []  # (projection, its variable, watched vars)
        self.scopes: list[dict[str, Any]] = [{}]
        self.local_tys: dict[Any, Ty] = {}
        self.ret_stack: list[Ty] = []
        self.loops: list[LoopCx] = []
        self.unsafe_depth = 1 if is_unsafe_fn else 0
        self.closure_nodes: list[ast.Closure] = []
        self.nodes: list[Any] = []  # every expression and pattern given a type, for writeback
        self.deferred_calls: list[Any] = []
        self.closure_kind_checks: list[tuple[Any, str, Any]] = []  # (ClosureDef, required Fn trait, span)
        self.closure_kind_fixed: set[Any] = set()  # closures whose kind an expected bound decided
        self.error_count = 0
        self.last_span: Any = None  # for obligations that arise while normalising
        self.seen_undo = 0  # how much of the inference undo log select_where_possible has seen
        self.hard_expected: Optional[Ty] = None  # the type a coercion site demands (rustc's ExpectHasType)
        self.lower_cx = LowerCx(self.tables, module, checker.root, params=dict(params), self_ty=self_ty,
                                trait=trait, impl_assoc=impl_assoc or {}, predicates=list(env),
                                infer=lambda: self.infcx.new_var(), diags=self.diags)
        self.lower_cx.region_for = lambda lt, span: ERASED

    # ------------------------------------------------------------ errors and types

    def error(self, diag: Diagnostic) -> Ty:
        self.diags.append(diag)
        self.error_count += 1
        return ERROR

    def ty_str(self, ty: Ty) -> str:
        """ty as an error message shows it (inference variables resolved, regions not shown)."""
        return str(self.shown(ty))

    def shown(self, ty: Ty) -> Ty:
        return erase_regions(self.infcx.resolve(ty))

    def lower(self, t: ast.TypeExpr) -> Ty:
        return self.normalize(lower_ty(t, self.lower_cx))

    def record(self, node: Any, ty: Ty) -> Ty:
        node.ty = ty
        self.nodes.append(node)
        return ty

    def shallow(self, ty: Ty) -> Ty:
        s = self.infcx.shallow(ty)
        if isinstance(s, Projection):
            n = self.normalize(s)
            return self.infcx.shallow(n)
        return s

    def trait_in_scope(self, trait: Any) -> bool:
        """Methods of a trait are found only when it is in scope: the prelude's, the crate's own
        and imported ones, and those bounding a type parameter here."""
        if trait in self.checker.traits_in_scope:
            return True
        return any(p.trait is trait for p in self.env)

    # ------------------------------------------------------------ obligations

    def register(self, ob: Obligation) -> None:
        self.obligations.append(ob)

    def register_predicates(self, preds: list[Predicate], substs: dict[str, Ty], span: Any, cause: str = "bound") -> None:
        for p in preds:
            ty = self.normalize(self.scx.inst(p.ty, substs))
            args = tuple(self.normalize(self.scx.inst(a, substs)) for a in p.args)
            self.register(Obligation(ty, p.trait, args, span, cause,
                                     {k: self.scx.inst(v, substs) for k, v in p.bindings.items()}))

    def normalize(self, ty: Ty) -> Ty:
        """ty with projections replaced by their types, or by variables to be solved later."""
        return fold_projections(ty, self.project, MAX_NORMALIZE_DEPTH, self._pending_projection)

    def _pending_projection(self, proj: Projection) -> Ty:
        var = self.infcx.new_var()
        self.projections.append((proj, var, None))
        return var

    def select_where_possible(self) -> None:
        """Prove what can be proved; unifications made by selecting impls drive inference."""
        progress = True
        while progress:
            progress = False
            undo = self.infcx.undo
            # the variables bound since the last pass: only what waits on them can move on
            changed = {u[0] for u in undo[self.seen_undo:]} if len(undo) >= self.seen_undo else None
            self.seen_undo = len(undo)
            left: list[Obligation] = []
            for ob in self.obligations:
                if ob.watch is not None and changed is not None and changed.isdisjoint(ob.watch):
                    left.append(ob)  # no variable it waits on was bound since: still undecided
                    continue
                r, nested = self.scx.select(ob)
                if r == YES:
                    progress = True
                    self._bindings(ob)
                    if ob.trait.lang in ("Fn", "FnMut", "FnOnce"):
                        callee = self.infcx.shallow(ob.ty)
                        if isinstance(callee, ClosureTy):
                            self.closure_kind_checks.append((callee.closure, ob.trait.lang, ob.span))
                    for n in nested:
                        n.ty = self.normalize(n.ty)
                        n.args = tuple(self.normalize(a) for a in n.args)
                        n.cause = "nested" if ob.cause not in ("Display", "Debug") else ob.cause
                    left.extend(nested)
                elif r == NO:
                    self.report_unsatisfied(ob)
                else:
                    ob.watch = self.watch_vars((ob.ty,) + ob.args)
                    left.append(ob)
            self.obligations = left
            proj_left = []
            for proj, var, watch in self.projections:
                if watch is not None and changed is not None and changed.isdisjoint(watch):
                    proj_left.append((proj, var, watch))
                    continue
                r = self.project(proj)
                if r is None:
                    proj_left.append((proj, var, self.watch_vars((proj.self_ty,) + proj.args)))
                    continue
                progress = True
                self.infcx.unify(var, self.normalize(r))
            self.projections = proj_left

    def project(self, proj: Projection) -> Optional[Ty]:
        """A projection's type; the where-clauses of the impl that gives it become obligations."""
        r, nested = self.scx.project_confirm(proj)
        for ob in nested:
            ob.span = ob.span or self.last_span
            ob.ty = self.normalize(ob.ty)
            ob.args = tuple(self.normalize(a) for a in ob.args)
            self.obligations.append(ob)
        return r

    def watch_vars(self, tys: tuple[Ty, ...]) -> tuple[int, ...]:
        """The unbound variables in tys: an undecided obligation is retried once one is bound.
        (Selection only depends on them, so this keeps re-selection linear, not quadratic.)"""
        out: list[int] = []
        for t in tys:
            for x in walk(self.infcx.resolve(t)):
                if isinstance(x, Infer):
                    out.append(x.var)
        return tuple(out)


    def _bindings(self, ob: Obligation) -> None:
        for name, ty in ob.bindings.items():
            from .resolve import trait_with_assoc
            trait = trait_with_assoc(ob.trait, name)
            if trait is None:
                continue
            args = ob.args if trait is ob.trait else self._super_args(ob, trait)
            proj = Projection(trait, ob.ty, name, args)
            var = self.infcx.new_var()
            self.projections.append((proj, var, None))
            self.infcx.unify(var, ty)

    def _super_args(self, ob: Obligation, trait: Any) -> tuple[Ty, ...]:
        # FnOnce<Args> for Fn<Args>: the Fn traits pass their argument tuple on
        if ob.args and len(trait.params) == len(ob.args):
            return ob.args
        return tuple(self.infcx.new_var() for _ in trait.params)

    def report_unsatisfied(self, ob: Obligation) -> None:
        ty = self.shown(ob.ty)
        if isinstance(ty, ErrorTy) or self.error_count and ob.cause == "nested":
            return
        trait = ob.trait
        if ob.cause in ("Display", "Debug"):
            self.error(errors.not_formattable(ob.span, ty, ob.cause))
            return
        name = trait.name
        if trait.params and ob.args:
            name += "<" + ", ".join(self.ty_str(a) for a in ob.args) + ">"
        if trait.lang in ("Fn", "FnMut", "FnOnce") and ob.args:
            name = f"{trait.name}{self.ty_str(ob.args[0])}"
        self.error(errors.trait_not_satisfied(ob.span, ty, name))

    def holds(self, ty: Ty, trait_lang: str, args: tuple[Ty, ...] = ()) -> str:
        trait = self.tcx.lang_trait(trait_lang)
        if trait is None:
            return MAYBE
        return self.scx.evaluate(ty, trait, args)

    def is_copy(self, ty: Ty) -> bool:
        return self.holds(ty, "Copy") == YES

    # ------------------------------------------------------------ coercion

    def demand_eq(self, span: Any, expected: Ty, actual: Ty) -> None:
        if not self.infcx.unify(expected, actual):
            self.error(errors.mismatched(span, self.ty_str(expected), self.ty_str(actual)))

    def check_coerce(self, e: Any, expected: Ty) -> Ty:
        """Check e where a value of type expected is wanted (a coercion site)."""
        saved, self.hard_expected = self.hard_expected, expected
        ty = self.check_expr(e, expected)
        self.hard_expected = saved
        if not self.coerce(e, ty, expected):
            self.error(errors.mismatched(blame(e), self.ty_str(expected), self.ty_str(ty)))
        return expected

    def coerce(self, e: Any, actual: Ty, expected: Ty) -> bool:
        """Make actual fit expected, recording the adjustments on e; False when impossible."""
        a = self.shallow(actual)
        b = self.shallow(expected)
        if isinstance(a, Never):
            if not isinstance(b, Never):
                self.add_adjustments(e, [NeverToAny(b)])
            return True
        if isinstance(a, Ref) and isinstance(b, Ref):
            return self.coerce_refs(e, a, b)
        if isinstance(b, RawPtr):
            if isinstance(a, Ref) and (a.mutable or not b.mutable) and self.infcx.try_unify(a.inner, b.inner):
                self.add_adjustments(e, [Deref(a.inner), Borrow(RawPtr(b.mutable, a.inner), b.mutable)])
                return True
            if isinstance(a, RawPtr) and a.mutable and not b.mutable and self.infcx.try_unify(a.inner, b.inner):
                self.add_adjustments(e, [MutToConstPointer(b)])
                return True
        if isinstance(b, FnPtr):
            if isinstance(a, FnDefTy):
                sig = self.tcx.fn_sig(a.fn, a.args)
                ptr = FnPtr(tuple(self.erase(t) for t in sig.inputs), self.erase(sig.output))
                if self.infcx.try_unify(ptr, b):
                    self.add_adjustments(e, [ReifyFnPointer(b)])
                    return True
            if isinstance(a, ClosureTy) and a.closure.sig is not None:
                ptr = FnPtr(tuple(a.closure.sig.inputs), a.closure.sig.output)
                if self.infcx.try_unify(ptr, b):
                    self.add_adjustments(e, [ClosureFnPointer(b)])
                    return True
        if isinstance(a, Adt) and isinstance(b, Adt) and a.adt is b.adt and a.adt.lang == "Box" and a.args and b.args:
            ai, bi = self.shallow(a.args[0]), self.shallow(b.args[0])
            if isinstance(ai, Array) and isinstance(bi, Slice) and self.infcx.try_unify(ai.elem, bi.elem):
                self.add_adjustments(e, [Unsize(b)])
                return True
        return self.infcx.unify(actual, expected)

    def coerce_refs(self, e: Any, a: Ref, b: Ref) -> bool:
        if b.mutable and not a.mutable:
            return self.infcx.try_unify(a, b)
        if self.infcx.try_unify(a.inner, b.inner):
            if a.mutable:  # `&mut` is reborrowed (`&mut *r` / `&*r`), never moved, at a coercion site
                self.add_adjustments(e, [Deref(a.inner), Borrow(Ref(ERASED, b.mutable, a.inner), b.mutable)])
            return True
        target = self.shallow(b.inner)
        if isinstance(target, Infer):
            return self.infcx.unify(a, b)
        from .method import autoderef_steps
        steps = autoderef_steps(self, a)
        adjs: list[Any] = []
        for i, step in enumerate(steps[1:], 1):
            if isinstance(step.adjustment, Unsize):
                if self.infcx.try_unify(step.ty, target):
                    adjs.append(Borrow(Ref(ERASED, b.mutable, steps[i - 1].ty), b.mutable))
                    adjs.append(Unsize(Ref(ERASED, b.mutable, step.ty)))
                    self.add_adjustments(e, adjs)
                    return True
                break
            adjs.append(step.adjustment)
            if self.infcx.try_unify(step.ty, target):
                adjs.append(Borrow(Ref(ERASED, b.mutable, step.ty), b.mutable))
                if b.mutable:
                    from .method import make_derefs_mutable
                    adjs = make_derefs_mutable(self, steps, adjs)
                self.add_adjustments(e, adjs)
                return True
        return self.infcx.unify(a, b)

    def add_adjustments(self, e: Any, adjs: list[Any]) -> None:
        if adjs:
            self.results.adjustments.setdefault(e, []).extend(adjs)

    def erase(self, ty: Ty) -> Ty:
        from .ty import erase_body_regions
        return erase_body_regions(ty)

    def coerce_many_push(self, cm: CoerceMany, e: Any, ty: Ty) -> None:
        cm.pushed += 1
        if isinstance(self.shallow(ty), Never):
            self.coerce(e, ty, cm.target)
            return
        cm.all_diverge = False
        if not self.coerce(e, ty, cm.target):
            self.error(errors.mismatched(blame(e), self.ty_str(cm.target), self.ty_str(ty)))

    def coerce_many_result(self, cm: CoerceMany) -> Ty:
        if cm.pushed and cm.all_diverge and isinstance(self.shallow(cm.target), Infer):
            return NEVER
        return cm.target

    # ------------------------------------------------------------ scopes

    def push_scope(self) -> None:
        self.scopes.append({})

    def pop_scope(self) -> None:
        self.scopes.pop()

    def declare_local(self, name: str, binding: Any, ty: Ty) -> None:
        self.scopes[-1][name] = binding
        self.local_tys[binding] = ty

    def lookup_local(self, name: str) -> Any:
        for scope in reversed(self.scopes):
            b = scope.get(name)
            if b is not None:
                return b
        return None

    # ------------------------------------------------------------ bodies

    def check_body(self, params: list[tuple[Any, Ty]], body: ast.Block, ret: Ty) -> None:
        """Check a function body: params are (pattern or SelfParam, type)."""
        for pat, ty in params:
            if isinstance(pat, ast.SelfParam):
                self.declare_local("self", pat, ty)
            else:
                self.check_pat_top(pat, ty, irrefutable=True, origin="function argument")
        self.ret_stack.append(ret)
        ty = self.check_block(body, ret)
        self.ret_stack.pop()
        if not self.coerce(body, ty, ret):
            span = body.tail.span if body.tail is not None else body.span
            self.error(errors.mismatched(span, self.ty_str(ret), self.ty_str(ty)))

    def check_block(self, b: ast.Block, expected: Optional[Ty]) -> Ty:
        if b.unsafe:
            self.unsafe_depth += 1
        if b.label is not None:
            self.loops.append(LoopCx(b.label, "block", expected or self.infcx.new_var()))
        self.push_scope()
        diverges = False
        for s in b.stmts:
            if self.check_stmt(s):
                diverges = True
        if b.tail is not None:
            ty = self.check_expr(b.tail, expected)
        else:
            ty = NEVER if diverges else UNIT
        self.pop_scope()
        if b.label is not None:
            cx = self.loops.pop()
            if cx.broke:
                assert cx.break_ty is not None
                if not self.coerce(b.tail or b, ty, cx.break_ty):
                    self.error(errors.mismatched(b.span, self.ty_str(cx.break_ty), self.ty_str(ty)))
                ty = cx.break_ty
        if b.unsafe:
            self.unsafe_depth -= 1
        return self.record(b, ty)

    def check_stmt(self, s: Any) -> bool:
        """Check a statement; True when it diverges."""
        if isinstance(s, ast.LetStmt):
            return self.check_let_stmt(s)
        if isinstance(s, ast.ExprStmt):
            # a block-like expression statement without `;` must be `()`
            expected = None if s.semi else UNIT
            ty = self.check_expr(s.expr, expected)
            if not s.semi and expected is not None and not isinstance(self.shallow(ty), Never):
                if not self.coerce(s.expr, ty, UNIT):
                    self.error(errors.mismatched(s.expr.span, "()", self.ty_str(ty)))
            return isinstance(self.shallow(ty), Never)
        return False

    def check_let_stmt(self, s: ast.LetStmt) -> bool:
        declared = self.lower(s.ty) if s.ty is not None else None
        ty = declared
        diverges = False
        if s.init is not None:
            if declared is not None:
                self.check_coerce(s.init, declared)
            else:
                ty = self.check_expr(s.init, None)
            diverges = isinstance(self.shallow(s.init.ty), Never)
        if ty is None:
            ty = self.infcx.new_var()
        if s.else_block is not None:
            et = self.check_block(s.else_block, None)
            if not isinstance(self.shallow(et), Never):
                self.error(errors.mismatched(s.else_block.span, "!", self.ty_str(et)))
        self.check_pat_top(s.pat, ty, irrefutable=s.else_block is None, origin="local binding")
        return diverges

    # ------------------------------------------------------------ control flow

    def check_if(self, e: ast.If, expected: Optional[Ty]) -> Ty:
        self.push_scope()
        self.check_cond(e.cond)
        if e.else_ is None:
            t = self.check_block(e.then, UNIT)
            if not isinstance(self.shallow(t), Never) and not self.coerce(e.then, t, UNIT):
                span = e.then.tail.span if e.then.tail is not None else e.then.span
                if expected is not None and self.infcx.try_unify(t, expected):
                    self.error(errors.if_without_else(e.span, self.ty_str(t)))
                    self.pop_scope()
                    return ERROR
                self.error(errors.mismatched(span, "()", self.ty_str(t)))
            self.pop_scope()
            return UNIT
        cm = CoerceMany(expected if expected is not None and not self.infcx.is_unresolved(expected) else self.infcx.new_var())
        t = self.check_block(e.then, cm.target)
        self.pop_scope()
        self.coerce_many_push(cm, e.then, t)
        et = self.check_expr(e.else_, cm.target)
        self.coerce_many_push(cm, e.else_, et)
        return self.coerce_many_result(cm)

    def check_cond(self, cond: Any) -> None:
        if isinstance(cond, ast.Let):
            st = self.check_expr(cond.scrutinee, None)
            self.check_pat_top(cond.pat, st, irrefutable=False)
            self.record(cond, BOOL)
        elif isinstance(cond, ast.Binary) and cond.op == "&&" and _has_let(cond):
            self.check_cond(cond.lhs)
            self.check_cond(cond.rhs)
            self.record(cond, BOOL)
        else:
            self.check_coerce(cond, BOOL)

    def check_while(self, e: ast.While) -> Ty:
        self.push_scope()
        self.check_cond(e.cond)
        self.loops.append(LoopCx(e.label, "while"))
        self.check_block_unit(e.body)
        self.loops.pop()
        self.pop_scope()
        return UNIT

    def check_block_unit(self, b: ast.Block) -> None:
        t = self.check_block(b, UNIT)
        if not isinstance(self.shallow(t), Never) and not self.coerce(b, t, UNIT):
            span = b.tail.span if b.tail is not None else b.span
            self.error(errors.mismatched(span, "()", self.ty_str(t)))

    def check_loop(self, e: ast.Loop, expected: Optional[Ty]) -> Ty:
        cx = LoopCx(e.label, "loop", expected if expected is not None else self.infcx.new_var())
        self.loops.append(cx)
        self.check_block_unit(e.body)
        self.loops.pop()
        if not cx.broke:
            return NEVER
        assert cx.break_ty is not None
        return cx.break_ty

    def find_loop(self, label: Optional[str], span: Any, what: str) -> Optional[LoopCx]:
        for cx in reversed(self.loops):
            if cx.kind == "closure":
                break
            if label is None and cx.kind != "block" or label is not None and cx.label == label:
                return cx
        self.error(errors.break_outside_loop(span, what))
        return None

    def check_break(self, e: ast.Break) -> Ty:
        cx = self.find_loop(e.label, e.span, "break")
        if cx is None:
            if e.value is not None:
                self.check_expr(e.value, None)
            return NEVER
        cx.broke = True
        if cx.kind in ("loop", "block"):
            assert cx.break_ty is not None
            if e.value is not None:
                self.check_coerce(e.value, cx.break_ty)
            else:
                self.demand_eq(e.span, cx.break_ty, UNIT)
        elif e.value is not None:
            self.check_expr(e.value, None)
            self.error(errors.break_with_value(e.span, cx.kind))
        return NEVER

    def check_return(self, e: ast.Return) -> Ty:
        ret = self.ret_stack[-1] if self.ret_stack else UNIT
        if e.value is not None:
            self.check_coerce(e.value, ret)
        elif not self.infcx.try_unify(ret, UNIT):
            self.error(errors.mismatched(e.span, self.ty_str(ret), "()"))
        return NEVER

    def check_match(self, e: ast.Match, expected: Optional[Ty]) -> Ty:
        st = self.check_expr(e.scrutinee, None)
        cm = CoerceMany(expected if expected is not None and not self.infcx.is_unresolved(expected) else self.infcx.new_var())
        for arm in e.arms:
            self.push_scope()
            self.check_pat_top(arm.pat, st, irrefutable=False)
            if arm.guard is not None:
                self.check_cond(arm.guard)
            t = self.check_expr(arm.body, cm.target)
            self.coerce_many_push(cm, arm.body, t)
            self.pop_scope()
        self.checker.matches.append((self, e))
        if not e.arms:
            return NEVER
        return self.coerce_many_result(cm)

    def check_for(self, e: ast.For) -> Ty:
        from .check_expr import for_loop_res
        it = self.check_expr(e.iter, None)
        item = for_loop_res(self, e, it)
        self.push_scope()
        self.check_pat_top(e.pat, item, irrefutable=True, origin="`for` loop binding")
        self.loops.append(LoopCx(e.label, "for"))
        self.check_block_unit(e.body)
        self.loops.pop()
        self.pop_scope()
        return UNIT


def blame(e: Any) -> Any:
    """Where a mismatch in e's value is reported: a block's tail expression, as rustc does."""
    while isinstance(e, ast.Block) and e.tail is not None:
        e = e.tail
    return e.span


def _has_let(e: Any) -> bool:
    if isinstance(e, ast.Let):
        return True
    if isinstance(e, ast.Binary) and e.op == "&&":
        return _has_let(e.lhs) or _has_let(e.rhs)
    return False
