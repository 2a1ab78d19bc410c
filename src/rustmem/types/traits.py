"""Trait selection and projection normalisation, as rustc's trait solver does for this subset.

`SelectionCx` answers "does `ty: Trait<args>` hold, and by which impl?" against the impls of
std and the crate, the where-clauses in scope (the param env) and the builtin impls rustc
provides itself (Copy/Clone of tuples, arrays and closures, the Fn traits of closures and fn
items, Sized).  `normalize` replaces `<T as Trait>::Name` by the selected impl's associated
type.  The answers are "yes", "no" or "maybe" (not decidable until inference knows more).
"""
from __future__ import annotations

from ..records import field, record
from typing import Any, Callable, Optional

from .ctxt import ItemTables, Predicate, TyCtxt, head_key
from .infer import InferCtxt
from .resolve import trait_with_assoc
from .ty import (
    ERASED, Adt, Array, Bool, Char, ClosureTy, ErrorTy, Float, FnDef, FnDefTy, FnPtr, ImplDef, Infer,
    Int, Never, Param, Projection, RawPtr, Ref, Slice, Str, TraitDef, Tuple, Ty, erase_body_regions, fold, subst, walk,
)

YES, NO, MAYBE = "yes", "no", "maybe"
MAX_DEPTH = 12
FN_TRAITS = ("Fn", "FnMut", "FnOnce")
SCALARS = (Int, Float, Bool, Char, Never)
INT_KINDS = ("i8", "i16", "i32", "i64", "i128", "isize", "u8", "u16", "u32", "u64", "u128", "usize")


@record(slots=False)
class Candidate:
    kind: str  # "impl" | "param" | "builtin"
    impl: Optional[ImplDef] = None
    pred: Optional[Predicate] = None


@record(slots=False)
class Obligation:
    """`ty: trait<args>` that must hold; span and cause are for the error when it does not."""

    ty: Ty
    trait: TraitDef
    args: tuple[Ty, ...] = ()
    span: Any = None
    cause: str = "bound"
    bindings: dict[str, Ty] = field(default_factory=dict)
    watch: Optional[tuple[int, ...]] = None  # unbound variables it waited on when last undecided


def elaborate(tables: ItemTables, preds: list[Predicate]) -> list[Predicate]:
    """preds with every supertrait bound they imply (`T: Copy` implies `T: Clone`)."""
    out: list[Predicate] = []
    seen: set[tuple[int, Ty, tuple]] = set()
    stack = list(preds)
    while stack:
        p = stack.pop(0)
        key = (id(p.trait), p.ty, p.args)
        if key in seen:
            continue
        seen.add(key)
        out.append(p)
        types = {"Self": p.ty, **dict(zip(p.trait.params, p.args))}
        for s in tables.supertraits.get(p.trait, []):
            args = tuple(subst(a, types) for a in s.args)
            bindings = {k: v for k, v in p.bindings.items() if trait_with_assoc(s.trait, k) is not None}
            stack.append(Predicate(p.ty, s.trait, args, bindings))
    return out


class SelectionCx:
    def __init__(self, tcx: TyCtxt, infcx: InferCtxt, env: list[Predicate]) -> None:
        self.tcx = tcx
        self.tables = tcx.tables
        self.infcx = infcx
        self.env = env
        self.index = _impl_index(tcx)
        # answers about types without inference variables never change: remembered
        self.eval_cache: dict[tuple, str] = {}
        self.project_cache: dict[Projection, Ty] = {}
        self.collect_nested = False  # set by project_confirm for its one top-level projection
        self.nested_out: list[Obligation] = []

    # -- instantiation

    def fresh_substs(self, params: list[str]) -> dict[str, Ty]:
        return {p: self.infcx.new_var() for p in params}

    def inst(self, ty: Ty, substs: dict[str, Ty]) -> Ty:
        """A definition's type with its parameters replaced, regions as a body sees them."""
        return inst(ty, substs)

    # -- candidate assembly

    def candidates(self, ty: Ty, trait: TraitDef, args: tuple[Ty, ...], depth: int) -> Optional[list[Candidate]]:
        """The ways ty: trait<args> may hold; None when ty is still an unknown variable."""
        ty = self.infcx.shallow(ty)
        if isinstance(ty, Infer) and ty.kind == "ty":
            return None
        if isinstance(ty, ErrorTy):
            return [Candidate("builtin")]
        out: list[Candidate] = []
        for p in self.env:
            if p.trait is trait and self.infcx.probe(lambda p=p: self.infcx.unify(p.ty, ty) and self._unify_args(p.args, args)):
                return [Candidate("param", pred=p)]
        b = self.builtin(ty, trait, args)
        if b == YES:
            return [Candidate("builtin")]
        if b == MAYBE:
            return None
        impls = self.index.get(trait, {})
        if isinstance(ty, Infer):
            # an integer/float literal: it picks the one numeric impl that fits, if only one does
            keys = INT_KINDS if ty.kind == "int" else ("f32", "f64")
            for k in keys + (None,):
                for impl in impls.get(k, []):
                    if self.infcx.probe(lambda impl=impl: self._match_impl(impl, ty, args, depth)):
                        out.append(Candidate("impl", impl=impl))
                        if len(out) > 1:
                            return None
            return out
        key = head_key(ty)
        for impl in impls.get(key, []) + impls.get(None, []):
            if self.infcx.probe(lambda impl=impl: self._match_impl(impl, ty, args, depth)):
                out.append(Candidate("impl", impl=impl))
        return out

    def _unify_args(self, a: tuple[Ty, ...], b: tuple[Ty, ...]) -> bool:
        return all(self.infcx.unify(x, y) for x, y in zip(a, b))

    def _match_impl(self, impl: ImplDef, ty: Ty, args: tuple[Ty, ...], depth: int) -> bool:
        substs = self.fresh_substs(impl.params)
        if not self.infcx.unify(self.inst(impl.self_ty, substs), ty):
            return False
        if not self._unify_args(tuple(self.inst(a, substs) for a in impl.trait_args), args):
            return False
        if depth >= MAX_DEPTH:
            return True
        for p in self.tables.predicates.get(impl, []):
            ty = self.normalize(self.inst(p.ty, substs))
            args = tuple(self.normalize(self.inst(a, substs)) for a in p.args)
            r = self.evaluate(ty, p.trait, args, depth + 1)
            if r == NO:
                return False
        return True

    def normalize(self, ty: Ty) -> Ty:
        """ty with the projections that can be resolved now replaced (others left as they are)."""
        if not any(isinstance(t, Projection) for t in walk(ty)):
            return ty

        return fold_projections(ty, self.project, MAX_DEPTH * 2)

    def builtin(self, ty: Ty, trait: TraitDef, args: tuple[Ty, ...]) -> Optional[str]:
        lang = trait.lang
        if lang == "Sized":
            return NO if isinstance(ty, (Str, Slice)) else YES
        if lang in ("Copy", "Clone"):
            if isinstance(ty, SCALARS) or isinstance(ty, (FnDefTy, FnPtr, RawPtr)):
                return YES
            if isinstance(ty, Infer):
                return YES
            if isinstance(ty, Ref) and not ty.mutable:
                return YES
            if isinstance(ty, Tuple):
                return self._all(ty.elems, trait)
            if isinstance(ty, Array):
                return self._all((ty.elem,), trait)
            if isinstance(ty, ClosureTy):
                caps = [c[3] for c in ty.closure.captures]
                if any(c[2] == "refmut" for c in ty.closure.captures):
                    return NO
                return self._all(tuple(caps), trait) if caps else YES
            return None
        if lang in FN_TRAITS:
            sig = callable_sig(self, ty)
            if sig is None:
                return None
            inputs, _ = sig
            if args and not self.infcx.unify(args[0], Tuple(tuple(inputs))):
                if any(isinstance(t, Projection) for t in walk(self.infcx.resolve(args[0]))):
                    return MAYBE
                return NO
            return YES
        return None

    def _all(self, tys: tuple[Ty, ...], trait: TraitDef) -> str:
        results = [self.evaluate(t, trait, (), 1) for t in tys]
        if NO in results:
            return NO
        return MAYBE if MAYBE in results else YES

    # -- evaluation and confirmation

    def evaluate(self, ty: Ty, trait: TraitDef, args: tuple[Ty, ...], depth: int = 0) -> str:
        """YES / NO / MAYBE, leaving no unification behind."""
        ty = self.infcx.resolve(ty)
        args = tuple(self.infcx.resolve(a) for a in args)
        key = (ty, trait, args)
        hit = self.eval_cache.get(key)
        if hit is not None:
            return hit
        r = self.infcx.probe(lambda: self._evaluate(ty, trait, args, depth))
        if r != MAYBE and not _has_infer(key[0], args):
            self.eval_cache[key] = r
        return r

    def _evaluate(self, ty: Ty, trait: TraitDef, args: tuple[Ty, ...], depth: int) -> str:
        cands = self.candidates(ty, trait, args, depth)
        if cands is None:
            return MAYBE
        if not cands:
            return NO
        if len(cands) > 1:
            return MAYBE
        return YES

    def select(self, ob: Obligation) -> tuple[str, list[Obligation]]:
        """Try to prove ob: (YES, nested obligations) with its unifications kept, MAYBE or NO."""
        cands = self.candidates(ob.ty, ob.trait, ob.args, 0)
        if cands is None:
            return MAYBE, []
        if not cands:
            return NO, []
        if len(cands) > 1:
            return MAYBE, []
        return YES, self.confirm(cands[0], ob)

    def confirm(self, c: Candidate, ob: Obligation) -> list[Obligation]:
        if c.kind == "param":
            assert c.pred is not None
            self.infcx.unify(c.pred.ty, ob.ty)
            self._unify_args(c.pred.args, ob.args)
            return []
        if c.kind == "builtin":
            self.builtin(self.infcx.shallow(ob.ty), ob.trait, ob.args)
            return []
        impl = c.impl
        assert impl is not None
        substs = self.fresh_substs(impl.params)
        self.infcx.unify(self.inst(impl.self_ty, substs), ob.ty)
        self._unify_args(tuple(self.inst(a, substs) for a in impl.trait_args), ob.args)
        return [Obligation(self.inst(p.ty, substs), p.trait, tuple(self.inst(a, substs) for a in p.args), ob.span,
                           ob.cause, {k: self.inst(v, substs) for k, v in p.bindings.items()})
                for p in self.tables.predicates.get(impl, [])]

    def select_impl(self, ty: Ty, trait: TraitDef, args: tuple[Ty, ...]) -> Optional[tuple[ImplDef, dict[str, Ty]]]:
        """The one impl that applies (unifications kept), with its instantiated parameters."""
        cands = self.candidates(ty, trait, args, 0)
        if not cands or len(cands) != 1 or cands[0].kind != "impl":
            return None
        impl = cands[0].impl
        assert impl is not None
        substs = self.fresh_substs(impl.params)
        self.infcx.unify(self.inst(impl.self_ty, substs), ty)
        self._unify_args(tuple(self.inst(a, substs) for a in impl.trait_args), args)
        return impl, substs

    # -- projections

    def project(self, proj: Projection) -> Optional[Ty]:
        """The type `<self as Trait>::Name` stands for, or None when it cannot be known yet.
        A projection on a type parameter with no binding in scope is returned as is (rigid)."""
        collect, self.collect_nested = self.collect_nested, False  # only this call, not nested ones
        proj = self.infcx.resolve(proj)  # type: ignore[assignment]
        hit = self.project_cache.get(proj)
        if hit is not None and not collect:
            return hit
        r = self._project(proj, collect)
        if r is not None and not _has_infer(proj, ()) and not _has_infer(self.infcx.resolve(r), ()):
            self.project_cache[proj] = self.infcx.resolve(r)
        return r

    def _project(self, proj: Projection, collect: bool) -> Optional[Ty]:
        self_ty = self.infcx.shallow(proj.self_ty)
        if isinstance(self_ty, Infer) and self_ty.kind == "ty":
            return None
        for p in self.env:
            if proj.name in p.bindings and trait_with_assoc(p.trait, proj.name) is proj.trait:
                if self.infcx.probe(lambda p=p: self.infcx.unify(p.ty, self_ty)):
                    self.infcx.unify(p.ty, self_ty)
                    return p.bindings[proj.name]
        if proj.trait.lang == "FnOnce" and proj.name == "Output":
            sig = callable_sig(self, self_ty)
            if sig is not None:
                return sig[1]
        cands = self.candidates(self_ty, proj.trait, proj.args, 0)
        if cands is None or len(cands) > 1:
            return None
        if not cands:
            if _is_rigid(self_ty):
                return Projection(proj.trait, self_ty, proj.name, proj.args)
            return None
        c = cands[0]
        if c.kind == "param":
            return Projection(proj.trait, self_ty, proj.name, proj.args)
        if c.kind != "impl" or c.impl is None:
            return None
        impl = c.impl
        substs = self.fresh_substs(impl.params)
        self.infcx.unify(self.inst(impl.self_ty, substs), self_ty)
        self._unify_args(tuple(self.inst(a, substs) for a in impl.trait_args), proj.args)
        assoc = impl.assoc_types.get(proj.name)
        if assoc is None:
            return None
        if collect:
            # the impl's where-clauses tie its parameters down (`F: FnMut(I::Item) -> B` makes
            # Map's Item the closure's output): the caller must prove them
            self.nested_out.extend(
                Obligation(self.inst(p.ty, substs), p.trait, tuple(self.inst(a, substs) for a in p.args), None,
                           "nested", {k: self.inst(v, substs) for k, v in p.bindings.items()})
                for p in self.tables.predicates.get(impl, []))
        return self.inst(assoc, substs)

    def project_confirm(self, proj: Projection) -> tuple[Optional[Ty], list[Obligation]]:
        """project, plus the obligations of the impl that answered (for a body's inference)."""
        self.collect_nested = True
        self.nested_out = []
        try:
            r = self.project(proj)
        finally:
            self.collect_nested = False
        nested, self.nested_out = self.nested_out, []
        return r, nested


def _body_region(r: Any) -> Any:
    return r if r.name == "'static" else ERASED


_LEAVES = (Int, Float, Bool, Char, Str, Never, ErrorTy, Infer)


def inst(ty: Ty, substs: dict[str, Ty]) -> Ty:
    """subst + the body's view of regions in one pass that rebuilds only what changes.
    Hot (every impl tried in selection instantiates its types): written for speed."""
    c = type(ty)
    if c is Param:
        return substs.get(ty.name, ty)  # type: ignore[attr-defined]
    if c in _LEAVES:
        return ty
    if c is Ref:
        inner = inst(ty.inner, substs)  # type: ignore[attr-defined]
        region = _body_region(ty.region)  # type: ignore[attr-defined]
        if inner is ty.inner and region is ty.region:  # type: ignore[attr-defined]
            return ty
        return Ref(region, ty.mutable, inner)  # type: ignore[attr-defined]
    if c is Adt:
        args = tuple(inst(a, substs) for a in ty.args)  # type: ignore[attr-defined]
        regions = tuple(_body_region(r) for r in ty.regions)  # type: ignore[attr-defined]
        if all(a is b for a, b in zip(args, ty.args)) and all(a is b for a, b in zip(regions, ty.regions)):  # type: ignore[attr-defined]
            return ty
        return Adt(ty.adt, args, regions)  # type: ignore[attr-defined]
    if c is Tuple:
        elems = tuple(inst(e, substs) for e in ty.elems)  # type: ignore[attr-defined]
        return ty if all(a is b for a, b in zip(elems, ty.elems)) else Tuple(elems)  # type: ignore[attr-defined]
    if c is Slice:
        e = inst(ty.elem, substs)  # type: ignore[attr-defined]
        return ty if e is ty.elem else Slice(e)  # type: ignore[attr-defined]
    return fold(ty, lambda t: substs.get(t.name, t) if isinstance(t, Param) else None, _body_region)


def _has_infer(ty: Ty, args: tuple[Ty, ...]) -> bool:
    """Whether an answer about these types may still change (a closure's signature may too)."""
    for t in (ty,) + args:
        for x in walk(t):
            if isinstance(x, (Infer, ClosureTy)):
                return True
    return False


def _is_rigid(ty: Ty) -> bool:
    return isinstance(ty, (Param, Projection))


def callable_sig(scx: SelectionCx, ty: Ty) -> Optional[tuple[list[Ty], Ty]]:
    """The (inputs, output) of a closure, fn item or fn pointer type."""
    if isinstance(ty, ClosureTy):
        sig = ty.closure.sig
        return (list(sig.inputs), sig.output) if sig is not None else None
    if isinstance(ty, FnDefTy):
        sig = scx.tcx.fn_sig(ty.fn, ty.args)
        return [erase_body_regions(t) for t in sig.inputs], erase_body_regions(sig.output)
    if isinstance(ty, FnPtr):
        return list(ty.params), ty.ret
    return None


def _impl_index(tcx: TyCtxt) -> dict[TraitDef, dict[Any, list[ImplDef]]]:
    """Impls per trait per self-type head (None for blanket impls on a parameter)."""
    idx = getattr(tcx, "_impl_index", None)
    if idx is not None and getattr(tcx, "_impl_index_n", -1) == sum(len(v) for v in tcx.tables.trait_impls.values()):
        return idx
    idx = {}
    for trait, impls in tcx.tables.trait_impls.items():
        d: dict[Any, list[ImplDef]] = {}
        for impl in impls:
            key = None if isinstance(impl.self_ty, Param) else head_key(impl.self_ty)
            d.setdefault(key, []).append(impl)
        idx[trait] = d
    tcx._impl_index = idx  # type: ignore[attr-defined]
    tcx._impl_index_n = sum(len(v) for v in tcx.tables.trait_impls.values())  # type: ignore[attr-defined]
    return idx


# ---------------------------------------------------------------- queries on concrete types

def type_implements(tcx: TyCtxt, ty: Ty, trait: TraitDef, args: tuple[Ty, ...] = (),
                    env: Optional[list[Predicate]] = None) -> bool:
    scx = SelectionCx(tcx, InferCtxt(), elaborate(tcx.tables, env or []))
    return _holds(scx, ty, trait, args, 0)


def _holds(scx: SelectionCx, ty: Ty, trait: TraitDef, args: tuple[Ty, ...], depth: int) -> bool:
    """Whether ty: trait<args> holds, nested obligations included (concrete types)."""
    if depth > MAX_DEPTH:
        return True
    ob = Obligation(ty, trait, args)
    r, nested = scx.select(ob)
    if r != YES:
        return False
    return all(_holds(scx, scx.infcx.resolve(n.ty), n.trait, tuple(scx.infcx.resolve(a) for a in n.args), depth + 1)
               for n in nested)


def normalize_concrete(tcx: TyCtxt, ty: Ty, env: Optional[list[Predicate]] = None) -> Ty:
    scx = SelectionCx(tcx, InferCtxt(), elaborate(tcx.tables, env or []))
    return fold_projections(ty, scx.project, MAX_DEPTH * 2, after=scx.infcx.resolve)


def fold_projections(ty: Ty, project: Callable[[Projection], Optional[Ty]], max_depth: int,
                     unresolved: Optional[Callable[[Projection], Ty]] = None,
                     after: Optional[Callable[[Ty], Ty]] = None) -> Ty:
    """ty with each projection replaced by what `project` answers for it, normalised again in
    turn (to max_depth, against cycles in the impls).  A projection `project` cannot answer yet
    becomes `unresolved(projection)` (default: stays as it is); `after` post-processes answers."""
    depth = 0

    def f(t: Ty) -> Optional[Ty]:
        nonlocal depth
        if not isinstance(t, Projection):
            return None
        inner = Projection(t.trait, fold(t.self_ty, f), t.name, tuple(fold(a, f) for a in t.args))
        r = project(inner)
        if r is None:
            return unresolved(inner) if unresolved is not None else inner
        if r == inner or depth > max_depth:  # rigid, or a cycle in the impls
            return inner
        depth += 1
        try:
            return fold(after(r) if after is not None else r, f)
        finally:
            depth -= 1
    return fold(ty, f)


def resolve_instance(tcx: TyCtxt, fn: FnDef, args: tuple[Ty, ...]) -> tuple[FnDef, tuple[Ty, ...]]:
    if fn.trait is None or fn.impl is not None or not args:
        return fn, args
    trait = fn.trait
    n = len(trait.params)
    self_ty, targs, own = args[0], args[1:1 + n], args[1 + n:]
    scx = SelectionCx(tcx, InferCtxt(), [])
    found = scx.select_impl(self_ty, trait, tuple(targs))
    if found is None:
        return fn, args
    impl, substs = found
    method = impl.methods.get(fn.name)
    if method is None:
        return fn, args
    impl_args = tuple(scx.infcx.resolve(substs[p]) for p in impl.params)
    return method, impl_args + tuple(own)
