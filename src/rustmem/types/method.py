"""Method probing: autoderef, autoref and the choice between inherent and trait methods.

As rustc's `probe`: walk the receiver's autoderef steps (builtin derefs of references and
Box, overloaded `Deref` for Rc, String, Vec, Ref ...; finally unsize an array to a slice);
at each step try the receiver by value, then `&`, then `&mut`; at each of those prefer an
inherent method over a trait method.  The pick says how the receiver must be adjusted.
"""
from __future__ import annotations

from ..records import field, record
from typing import TYPE_CHECKING, Any, Optional

from .ctxt import head_key
from .results import Borrow, Deref, Unsize
from .traits import NO
from .ty import (
    ERASED, Adt, Array, ErrorTy, FnDef, ImplDef, Infer, Param, Projection, Ref, Slice,
    TraitDef, Ty,
)

if TYPE_CHECKING:
    from .check import FnCtxt


@record(slots=False)
class Step:
    ty: Ty
    adjustment: Any = None  # the Deref (or Unsize) that produced this step from the previous one


@record(slots=False)
class Pick:
    fn: FnDef
    args: tuple[Ty, ...]  # impl's then the method's own generic arguments; for a trait method (Self, trait args, own)
    self_ty: Ty  # the type the method's `Self` is
    step: int  # index of the autoderef step
    autoref: Optional[bool]  # None: by value; False: &; True: &mut
    trait: Optional[TraitDef] = None
    preds_substs: dict[str, Ty] = field(default_factory=dict)


def autoderef_steps(fcx: "FnCtxt", ty: Ty, overloaded: bool = True) -> list[Step]:
    """ty, *ty, **ty ... as far as dereferencing goes (at most 12 steps)."""
    steps = [Step(ty)]
    cur = ty
    for _ in range(12):
        s = fcx.infcx.shallow(cur)
        nxt: Optional[Step] = None
        if isinstance(s, Ref):
            nxt = Step(s.inner, Deref(s.inner))
        elif isinstance(s, Adt) and s.adt.lang == "Box" and s.args:
            nxt = Step(s.args[0], Deref(s.args[0]))
        elif overloaded and isinstance(s, (Adt, Param, Projection)):
            target = overloaded_deref_target(fcx, s)
            if target is not None:
                nxt = Step(target[0], Deref(target[0], target[1], False))
        if nxt is None:
            break
        steps.append(nxt)
        cur = nxt.ty
    last = fcx.infcx.shallow(steps[-1].ty)
    if isinstance(last, Array):
        steps.append(Step(Slice(last.elem), Unsize(Slice(last.elem))))
    return steps


def overloaded_deref_target(fcx: "FnCtxt", ty: Ty) -> Optional[tuple[Ty, Optional[FnDef]]]:
    """`<ty as Deref>::Target` and the deref method that produces it, if ty implements Deref."""
    deref = fcx.tcx.lang_trait("Deref")
    if deref is None:
        return None
    snap = fcx.infcx.snapshot()
    found = fcx.scx.select_impl(ty, deref, ())
    if found is None:
        fcx.infcx.rollback_to(snap)
        return None
    impl, substs = found
    target = impl.assoc_types.get("Target")
    if target is None:
        return None
    return fcx.normalize(fcx.scx.inst(target, substs)), impl.methods.get("deref")


def deref_mut_fn(fcx: "FnCtxt", ty: Ty) -> Optional[FnDef]:
    trait = fcx.tcx.lang_trait("DerefMut")
    if trait is None:
        return None
    found = fcx.infcx.probe(lambda: fcx.scx.select_impl(ty, trait, ()))
    return found[0].methods.get("deref_mut") if found else None


# ---------------------------------------------------------------- probing

def probe_method(fcx: "FnCtxt", recv_ty: Ty, name: str) -> tuple[Optional[Pick], list[Step]]:
    steps = autoderef_steps(fcx, recv_ty)
    for i, step in enumerate(steps):
        for autoref in (None, False, True):
            st = fcx.infcx.shallow(step.ty)
            if isinstance(st, Infer) and st.kind == "ty":
                return None, steps
            r = st if autoref is None else Ref(ERASED, autoref, st)
            pick = pick_at(fcx, r, name)
            if pick is not None:
                pick.step = i
                pick.autoref = autoref
                return pick, steps
    return None, steps


def pick_at(fcx: "FnCtxt", recv: Ty, name: str) -> Optional[Pick]:
    inner = recv.inner if isinstance(recv, Ref) else None
    if isinstance(recv, Adt) and recv.adt.lang in ("Box", "Rc") and recv.args:
        inner = recv.args[0]  # `self: Box<Self>` / `self: Rc<Self>` methods of the inner type
    for self_ty in ([recv] + ([inner] if inner is not None else [])):
        for impl in inherent_impls(fcx, self_ty):
            m = impl.methods.get(name)
            if m is None or m.self_kind is None:
                continue
            pick = fcx.infcx.probe(lambda impl=impl, m=m: _try_inherent(fcx, impl, m, recv))
            if pick:
                return _confirm_inherent(fcx, impl, m, recv)
    best: Optional[Pick] = None
    for trait in fcx.tables.methods_by_name.get(name, []):
        m = trait.methods[name]
        if m.self_kind is None:
            continue
        self_ty = _trait_self(fcx, m, recv)
        if self_ty is None:
            continue
        args = tuple(fcx.infcx.new_var() for _ in trait.params)
        r = fcx.scx.evaluate(self_ty, trait, args)
        if r == NO:
            continue
        if not fcx.trait_in_scope(trait):
            continue
        if r == "yes":
            return Pick(m, (self_ty,) + args, self_ty, 0, None, trait)
        if best is None:
            best = Pick(m, (self_ty,) + args, self_ty, 0, None, trait)
    return best


def _trait_self(fcx: "FnCtxt", m: FnDef, recv: Ty) -> Optional[Ty]:
    """The `Self` a trait method sees when called on receiver type recv (None: it cannot be)."""
    first = m.sig.inputs[0] if m.sig.inputs else None
    if m.self_kind == "value":
        if isinstance(first, Param) and first.name == "Self":
            return recv
        if first is None:
            return None
        # `self: Box<Self>`, `self: Rc<Self>`: Self is what makes the declared type the receiver's
        var = fcx.infcx.new_var()
        want = fcx.scx.inst(first, {"Self": var})
        if not fcx.infcx.probe(lambda: fcx.infcx.unify(want, recv)):
            return None
        fcx.infcx.unify(want, recv)
        found = fcx.infcx.shallow(var)
        return None if isinstance(found, Infer) else found
    if not isinstance(recv, Ref) or recv.mutable != (m.self_kind == "refmut"):
        return None
    return recv.inner


def inherent_impls(fcx: "FnCtxt", ty: Ty) -> list[ImplDef]:
    s = fcx.infcx.shallow(ty)
    if isinstance(s, (Infer, ErrorTy)):
        return []
    return fcx.tables.inherent.get(head_key(s), [])


def _try_inherent(fcx: "FnCtxt", impl: ImplDef, m: FnDef, recv: Ty) -> bool:
    substs = fcx.scx.fresh_substs(impl.params)
    want = fcx.scx.inst(m.sig.inputs[0], substs)
    return fcx.infcx.unify(want, recv)


def _confirm_inherent(fcx: "FnCtxt", impl: ImplDef, m: FnDef, recv: Ty) -> Pick:
    substs = fcx.scx.fresh_substs(impl.params)
    fcx.infcx.unify(fcx.scx.inst(m.sig.inputs[0], substs), recv)
    args = tuple(substs[p] for p in impl.params)
    return Pick(m, args, fcx.scx.inst(impl.self_ty, substs), 0, None, None)


def receiver_adjustments(fcx: "FnCtxt", steps: list[Step], pick: Pick) -> list[Any]:
    """The receiver's adjustments for a pick: the derefs to its step, then the autoref."""
    adjs: list[Any] = []
    unsize = None
    for s in steps[1:pick.step + 1]:
        if isinstance(s.adjustment, Unsize):
            unsize = s.adjustment
        else:
            adjs.append(s.adjustment)
    base = steps[pick.step - 1].ty if unsize is not None else steps[pick.step].ty
    step_ty = fcx.infcx.shallow(base)
    if pick.autoref is None and isinstance(step_ty, Ref):
        # a by-value `&mut self`/`&self` receiver is reborrowed (`&mut *r`), not moved, as rustc does
        adjs.append(Deref(step_ty.inner))
        adjs.append(Borrow(Ref(ERASED, step_ty.mutable, step_ty.inner), step_ty.mutable, step_ty.mutable))
    elif pick.autoref is not None:
        adjs.append(Borrow(Ref(ERASED, pick.autoref, base), pick.autoref, pick.autoref))
        if unsize is not None:
            adjs.append(Unsize(Ref(ERASED, pick.autoref, unsize.target)))
    if pick.autoref:
        adjs = make_derefs_mutable(fcx, steps, adjs)
    return adjs


def make_derefs_mutable(fcx: "FnCtxt", steps: list[Step], adjs: list[Any]) -> list[Any]:
    """A `&mut` autoref through overloaded derefs needs `DerefMut::deref_mut` for each of them."""
    out = []
    prev = steps[0].ty
    for a in adjs:
        if isinstance(a, Deref) and a.overloaded is not None:
            m = deref_mut_fn(fcx, prev)
            out.append(Deref(a.target, m or a.overloaded, True))
        else:
            out.append(a)
        if isinstance(a, Deref):
            prev = a.target
    return out


# ---------------------------------------------------------------- associated items: `Type::name`

def probe_assoc(fcx: "FnCtxt", self_ty: Ty, name: str) -> Any:
    """`Type::name` for a function or const: ("fn", FnDef, args, trait) / ("const", ConstDef, impl args) / None."""
    s = fcx.infcx.shallow(self_ty)
    for impl in inherent_impls(fcx, s):
        if name not in impl.methods and name not in impl.consts:
            continue
        ok = fcx.infcx.probe(lambda impl=impl: fcx.infcx.unify(fcx.scx.inst(impl.self_ty, fcx.scx.fresh_substs(impl.params)), s))
        if not ok:
            continue
        substs = fcx.scx.fresh_substs(impl.params)
        fcx.infcx.unify(fcx.scx.inst(impl.self_ty, substs), s)
        args = tuple(substs[p] for p in impl.params)
        if name in impl.methods:
            return ("fn", impl.methods[name], args, None)
        return ("const", impl.consts[name], args, None)
    for trait in fcx.tables.methods_by_name.get(name, []):
        args = tuple(fcx.infcx.new_var() for _ in trait.params)
        if isinstance(s, Infer) and s.kind != "ty" or fcx.scx.evaluate(s, trait, args) != NO:
            return ("fn", trait.methods[name], (s,) + args, trait)
    for trait, consts in fcx.tables.trait_consts.items():
        if name in consts and fcx.scx.evaluate(s, trait, tuple(fcx.infcx.new_var() for _ in trait.params)) != NO:
            return trait_const(fcx, s, trait, consts[name])
    return None


def trait_const(fcx: "FnCtxt", self_ty: Ty, trait: TraitDef, const: Any) -> Any:
    """`T::NAME` of a trait: the impl's const when the impl is known, else the trait's (the
    ConstRes then says which trait and type pick the value at run time)."""
    snap = fcx.infcx.snapshot()
    found = fcx.scx.select_impl(self_ty, trait, tuple(fcx.infcx.new_var() for _ in trait.params))
    if found is not None and const.ast.name in found[0].consts:
        impl, substs = found
        return ("const", impl.consts[const.ast.name], tuple(substs[p] for p in impl.params), None)
    fcx.infcx.rollback_to(snap)
    return ("const", const, (self_ty,), trait)


def numeric_kinds_with(fcx: "FnCtxt", ty: Ty, name: str) -> bool:
    """Whether an integer/float type has an inherent method name (for E0689 on `{integer}`)."""
    s = fcx.infcx.shallow(ty)
    kinds = ("i32", "i64", "u32", "usize", "u8") if isinstance(s, Infer) and s.kind == "int" else ("f64", "f32")
    return any(name in impl.methods for k in kinds for impl in fcx.tables.inherent.get(k, []))
