"""NLL region inference: outlives constraints from the body, liveness, and their solution.

Every region in the body becomes a *region variable* (a vid).  Its value is a set of points
(bitset over `Points`) plus a set of *end markers* of universal regions (the signature's named
lifetimes, the elided ones the type checker named `'_1`..., and `'static`).  The constraints:

- liveness: a region in the type of a local that is live at P contains P (drop-live locals
  only the regions their destructor uses); a borrow's region contains the point it is taken;
- outlives `'sup: 'sub` from subtyping at assignments, calls (the callee's signature
  instantiated with fresh variables), aggregates and reborrows — each with the span and a
  *category* (return, argument, assignment ...) that diagnostics use to say why;
- universal regions contain every point and their own end; `'static` every end.

`solve` propagates values over the constraints (location-insensitively, as rustc's NLL).  A
universal region `'a` whose value ends up holding the end of `'b` without `'a: 'b` being known
from the signature is a "lifetime may not live long enough" error.
"""
from __future__ import annotations

from collections import deque
from dataclasses import dataclass
from typing import Any, Iterable, Optional

from ..mir import ir
from ..types import ty as T
from .dataflow import Location
from .places import BodyInfo, regions_in

CATEGORY_RANK = {"return": 0, "closure": 1, "argument": 2, "annotation": 3, "assignment": 4,
                 "call-return": 5, "reborrow": 6, "boring": 9}
INVARIANT_LANG = ("Cell", "RefCell", "UnsafeCell")


@dataclass(slots=True)
class Constraint:
    sup: int  # value(sup) ⊇ value(sub): 'sup outlives 'sub
    sub: int
    loc: Optional[Location]
    span: Any
    category: str
    note: str = ""  # why the relation is invariant, when it is ("a mutable reference to `T`")


class RegionCx:
    """The region variables of one body, their constraints and (after `solve`) values."""

    FRESH_BASE = 1_000_000

    def __init__(self, info: BodyInfo) -> None:
        self.info = info
        self.vids: dict[T.Region, int] = {}
        self.regions: list[T.Region] = []
        self.universal: list[int] = []  # vids of checked universal regions, 'static first
        self.external: set[int] = set()  # closure bodies' free regions: every point, never checked
        self.constraints: list[Constraint] = []
        self.liveness: list[int] = []  # per vid: points where it is live (before propagation)
        self.values: list[int] = []
        self.ends: list[int] = []  # per vid: bitset over indexes into self.universal
        self.known: set[tuple[int, int]] = set()
        self.env_region: Optional[int] = None  # an `FnMut` closure's borrow of its environment
        self.normalized: set[T.Region] = set()  # regions a projection's normalisation made up
        self.projection_sources: dict[int, list[T.Region]] = {}  # per call: regions of projected self types
        self.type_arg_regions: dict[int, set[T.Region]] = {}  # per call: regions of its generic arguments
        self._fresh = self.FRESH_BASE
        self._cache: dict[Any, T.Ty] = {}
        self._closure_regions: dict[Any, T.Region] = {}
        self._variances: dict[Any, tuple[dict[str, int], dict[str, int]]] = {}
        self.static = self.vid(T.STATIC)
        self.universal.append(self.static)

    # ---------------------------------------------------------------- region variables

    def vid(self, region: T.Region) -> int:
        v = self.vids.get(region)
        if v is None:
            v = self.vids[region] = len(self.regions)
            self.regions.append(region)
            self.liveness.append(0)
        return v

    def fresh(self) -> T.Region:
        self._fresh += 1
        return T.Region(var=self._fresh)

    def renumber(self, ty: T.Ty, key: Any = None) -> T.Ty:
        """ty with every erased region replaced by a fresh variable (once per key)."""
        if key is not None and key in self._cache:
            return self._cache[key]
        out = T.fold(ty, lambda t: None, lambda r: self.fresh() if r == T.ERASED else r)
        if key is not None:
            self._cache[key] = out
        return out

    def closure_region(self, closure: Any) -> T.Region:
        """One region standing for everything a closure's captures borrow."""
        r = self._closure_regions.get(closure)
        if r is None:
            r = self._closure_regions[closure] = T.Region(var=-1 - len(self._closure_regions))
        return r

    def ty_regions(self, ty: T.Ty) -> list[T.Region]:
        out = regions_in(ty)
        for t in T.walk(ty):
            if isinstance(t, T.ClosureTy):
                out.append(self.closure_region(t.closure))
        return out

    def name(self, vid: int) -> str:
        r = self.regions[vid]
        return r.name if r.name is not None else f"'?{vid}"

    def vids_of_name(self, name: str) -> T.Region:
        return T.Region(name)

    def is_universal(self, vid: int) -> bool:
        return vid in self._universal_set

    # ---------------------------------------------------------------- constraints

    def outlives(self, sup: T.Region, sub: T.Region, loc: Optional[Location], span: Any, category: str,
                 note: str = "") -> None:
        if sup == T.ERASED or sub == T.ERASED or sup == sub:
            return
        self.constraints.append(Constraint(self.vid(sup), self.vid(sub), loc, span, category, note))

    def relate(self, sub: T.Ty, sup: T.Ty, variance: int, loc: Optional[Location], span: Any, category: str,
               note: str = "") -> None:
        """Constraints for `sub <: sup` (variance 1), `sup <: sub` (-1) or `sub == sup` (0)."""
        def regions(a: T.Region, b: T.Region, v: int) -> None:
            if v >= 0:
                self.outlives(a, b, loc, span, category, note)
            if v <= 0:
                self.outlives(b, a, loc, span, category, note)

        if isinstance(sub, T.Ref) and isinstance(sup, T.Ref):
            regions(sub.region, sup.region, variance)
            inner_note = note or (f"a mutable reference to `{self.info.ty_str(sub.inner)}`" if sub.mutable else "")
            self.relate(sub.inner, sup.inner, variance if not sub.mutable else 0, loc, span, category, inner_note)
        elif isinstance(sub, T.Adt) and isinstance(sup, T.Adt) and sub.adt is sup.adt:
            lts, params = self.variances(sub.adt)
            for name, a, b in zip(sub.adt.lifetimes, sub.regions, sup.regions):
                regions(a, b, variance * lts.get(name, 1))
            for name, a, b in zip(sub.adt.params, sub.args, sup.args):
                pv = params.get(name, 1)
                self.relate(a, b, variance * pv, loc, span, category, note)
        elif isinstance(sub, T.Tuple) and isinstance(sup, T.Tuple):
            for a, b in zip(sub.elems, sup.elems):
                self.relate(a, b, variance, loc, span, category, note)
        elif isinstance(sub, (T.Array, T.Slice)) and isinstance(sup, (T.Array, T.Slice)):
            self.relate(sub.elem, sup.elem, variance, loc, span, category, note)
        elif isinstance(sub, T.RawPtr) and isinstance(sup, T.RawPtr):
            self.relate(sub.inner, sup.inner, variance if not sub.mutable else 0, loc, span, category, note)
        elif isinstance(sub, T.FnPtr) and isinstance(sup, T.FnPtr):
            for a, b in zip(sub.params, sup.params):
                self.relate(a, b, -variance, loc, span, category, note)
            self.relate(sub.ret, sup.ret, variance, loc, span, category, note)

    def variances(self, adt: T.AdtDef) -> tuple[dict[str, int], dict[str, int]]:
        """Variance of each lifetime and type parameter of an ADT: 1 co, -1 contra, 0 in."""
        hit = self._variances.get(adt)
        if hit is not None:
            return hit
        lts: dict[str, int] = {}
        params: dict[str, int] = {}
        self._variances[adt] = (lts, params)  # cycles see "covariant"
        if adt.lang in INVARIANT_LANG:
            lts.update({n: 0 for n in adt.lifetimes})
            params.update({n: 0 for n in adt.params})
            return lts, params

        def mark(table: dict[str, int], name: str, v: int) -> None:
            old = table.get(name)
            table[name] = v if old is None or old == v else 0

        def walk(ty: T.Ty, v: int) -> None:
            if isinstance(ty, T.Param):
                mark(params, ty.name, v)
            elif isinstance(ty, T.Ref):
                if ty.region.name is not None:
                    mark(lts, ty.region.name, v)
                walk(ty.inner, 0 if ty.mutable else v)
            elif isinstance(ty, T.RawPtr):
                walk(ty.inner, 0 if ty.mutable else v)
            elif isinstance(ty, T.Adt):
                inner_lts, inner_params = self.variances(ty.adt)
                for name, r in zip(ty.adt.lifetimes, ty.regions):
                    if r.name is not None:
                        mark(lts, r.name, v * inner_lts.get(name, 1))
                for name, a in zip(ty.adt.params, ty.args):
                    walk(a, v * inner_params.get(name, 1))
            elif isinstance(ty, T.Tuple):
                for e in ty.elems:
                    walk(e, v)
            elif isinstance(ty, (T.Array, T.Slice)):
                walk(ty.elem, v)
            elif isinstance(ty, T.FnPtr):
                for p in ty.params:
                    walk(p, -v)
                walk(ty.ret, v)

        for variant in adt.variants:
            for f in variant.fields:
                walk(f.ty, 1)
        return lts, params

    # ---------------------------------------------------------------- solving

    def solve(self) -> None:
        pts = self.info.points.all
        n = len(self.regions)
        self._universal_set = set(self.universal)
        self.values = list(self.liveness)
        self.ends = [0] * n
        for i, u in enumerate(self.universal):
            self.values[u] = pts
            self.ends[u] |= 1 << i
        self.ends[self.static] = (1 << len(self.universal)) - 1
        for e in self.external:
            self.values[e] = pts
        by_sub: dict[int, list[Constraint]] = {}
        for c in self.constraints:
            by_sub.setdefault(c.sub, []).append(c)
        todo = deque(range(n))
        queued = set(todo)
        while todo:
            sub = todo.popleft()
            queued.discard(sub)
            for c in by_sub.get(sub, ()):
                v = self.values[c.sup] | self.values[sub]
                e = self.ends[c.sup] | self.ends[sub]
                if v != self.values[c.sup] or e != self.ends[c.sup]:
                    self.values[c.sup], self.ends[c.sup] = v, e
                    if c.sup not in queued:
                        queued.add(c.sup)
                        todo.append(c.sup)

    def contains(self, vid: int, point: int) -> bool:
        return bool(self.values[vid] >> point & 1)

    def outlives_known(self, a: int, b: int) -> bool:
        return a == b or a == self.static or (a, b) in self.known

    def universal_errors(self) -> list[tuple[int, int]]:
        """(longer, shorter) pairs: `longer` must outlive `shorter` but the signature does not
        say so.  One per longer region, as rustc reports."""
        out = []
        for u in self.universal:
            if u == self.static or u in self.external:
                continue
            for i in bits_of(self.ends[u]):
                v = self.universal[i]
                if not self.outlives_known(u, v):
                    out.append((u, v))
                    break
        return out

    # ---------------------------------------------------------------- blame

    def path(self, start: int, target) -> Optional[list[Constraint]]:
        """The constraints `start: x1`, `x1: x2`, ... to the first region where target(vid)."""
        prev: dict[int, Optional[Constraint]] = {start: None}
        by_sup: dict[int, list[Constraint]] = {}
        for c in self.constraints:
            by_sup.setdefault(c.sup, []).append(c)
        todo = deque([start])
        while todo:
            r = todo.popleft()
            if target(r):
                out: list[Constraint] = []
                while prev[r] is not None:
                    c = prev[r]
                    out.append(c)
                    r = c.sup
                return list(reversed(out))
            for c in by_sup.get(r, ()):
                if c.sub not in prev:
                    prev[c.sub] = c
                    todo.append(c.sub)
        return None

    @staticmethod
    def best_blame(path: list[Constraint]) -> Optional[Constraint]:
        """The constraint that best explains a path: the most telling category (a return
        before an argument before an assignment ...).  A blamed span that covers several
        lines (a coercion of a whole block's value) gives way to the last one-line span of
        the path inside it, which is the expression the value came from."""
        best = None
        for c in path:
            if c.span is None:
                continue
            if best is None or CATEGORY_RANK.get(c.category, 8) < CATEGORY_RANK.get(best.category, 8):
                best = c
        if best is not None and not best.note:
            noted = next((c for c in path if c.note and c.category == best.category), None)
            if noted is not None:  # the invariance that forced the requirement, for the note
                best = Constraint(best.sup, best.sub, best.loc, best.span, best.category, noted.note)
        if best is not None and best.span.line != best.span.end_line:
            inner = [c for c in path if c.span is not None and c.span.line == c.span.end_line
                     and best.span.lo <= c.span.lo and c.span.hi <= best.span.hi]
            if inner:
                narrowed = inner[-1]
                return Constraint(best.sup, best.sub, best.loc, narrowed.span, best.category, best.note)
        return best


def bits_of(n: int) -> Iterable[int]:
    while n:
        low = n & -n
        yield low.bit_length() - 1
        n ^= low


# ---------------------------------------------------------------- building the constraints of a body

def build(info: BodyInfo) -> RegionCx:
    """The region context of a body, constraints collected (liveness is added by the caller)."""
    rcx = RegionCx(info)
    body = info.body
    info.local_tys = [rcx.renumber(d.ty) for d in body.locals]
    _universal_regions(rcx)
    for b in info.points.blocks():
        data = body.blocks[b]
        for i, stmt in enumerate(data.statements):
            if isinstance(stmt, ir.Assign):
                _assign(rcx, stmt, (b, i))
        if isinstance(data.terminator, ir.Call):
            _call(rcx, data.terminator, (b, len(data.statements)))
    return rcx


def _universal_regions(rcx: RegionCx) -> None:
    info = rcx.info
    body = info.body
    fn = body.fn_def
    sig = getattr(fn, "sig", None)
    if body.is_closure or sig is None or not isinstance(fn, T.FnDef):
        # A closure's free regions come from its creator: every point, never reported here.
        # Except an `FnMut` closure's borrow of its own environment, which lasts one call.
        env = info.local_tys[1] if body.is_closure and body.arg_count >= 1 else None
        own = env.region if isinstance(env, T.Ref) and getattr(fn, "kind", "") == "FnMut" else None
        for local in [0, *body.args()]:
            for r in rcx.ty_regions(info.local_tys[local]):
                if r != T.ERASED and r != own:
                    rcx.external.add(rcx.vid(r))
        if own is not None:
            rcx.env_region = rcx.vid(own)
        return
    named: list[T.Region] = [T.Region(n) for n in fn.lifetimes if n != "'static"]
    for ty in [*sig.inputs, sig.output]:
        for r in regions_in(ty):
            if r.name is not None and r.var is None and r != T.STATIC and r not in named:
                named.append(r)
    for r in named:
        rcx.universal.append(rcx.vid(r))
    for u in rcx.universal:
        rcx.known.add((u, u))
    for ty in sig.inputs:
        _implied_bounds(rcx, ty, 2)
    _close_known(rcx)
    span = body.span
    for local, ty in zip(body.args(), sig.inputs):
        rcx.relate(info.local_tys[local], ty, 0, None, body.locals[local].span, "boring")
    rcx.relate(info.local_tys[0], sig.output, 0, None, span, "boring")


def _implied_bounds(rcx: RegionCx, ty: T.Ty, depth: int) -> None:
    """`&'a T` in an argument implies every region of T outlives 'a (and so for fields)."""
    for t in T.walk(ty):
        if isinstance(t, T.Ref):
            outer = rcx.vid(t.region)
            for r in regions_in(t.inner):
                rcx.known.add((rcx.vid(r), outer))
        elif isinstance(t, T.Adt) and depth > 0 and t.regions:
            types = dict(zip(t.adt.params, t.args))
            regs = dict(zip(t.adt.lifetimes, t.regions))
            for v in t.adt.variants:
                for f in v.fields:
                    _implied_bounds(rcx, T.subst(f.ty, types, regs), depth - 1)


def _close_known(rcx: RegionCx) -> None:
    changed = True
    while changed:
        changed = False
        for (a, b) in list(rcx.known):
            for (c, d) in list(rcx.known):
                if b == c and (a, d) not in rcx.known:
                    rcx.known.add((a, d))
                    changed = True


def _category(place: ir.Place, default: str) -> str:
    return "return" if place.local == ir.RETURN_PLACE else default


def _assign(rcx: RegionCx, stmt: ir.Assign, loc: Location) -> None:
    info = rcx.info
    dest = info.place_ty(stmt.place)
    cat = _category(stmt.place, "assignment")
    rv = stmt.rvalue
    span = stmt.span
    if isinstance(rv, ir.Use):
        rcx.relate(_operand_ty(rcx, rv.operand, stmt), dest, 1, loc, span, cat)
    elif isinstance(rv, ir.Ref):
        region = ref_region(rcx, stmt)
        rcx.liveness[rcx.vid(region)] |= 1 << info.points.index(loc)
        ty = T.Ref(region, rv.kind not in ("shared", "shallow", "fake"), info.place_ty(rv.place))
        _reborrow(rcx, rv.place, region, loc, span)
        rcx.relate(ty, dest, 1, loc, span, cat)
    elif isinstance(rv, ir.Aggregate):
        _aggregate(rcx, stmt, rv, dest, loc, cat)
    elif isinstance(rv, ir.Cast):
        target = rcx.renumber(rv.ty, (id(stmt), "cast"))
        rcx.relate(_operand_ty(rcx, rv.operand, stmt), target, 1, loc, span, cat)
        rcx.relate(target, dest, 1, loc, span, cat)
    elif isinstance(rv, ir.Repeat) and isinstance(dest, T.Array):
        rcx.relate(_operand_ty(rcx, rv.operand, stmt), dest.elem, 1, loc, span, cat)
    if isinstance(rv, (ir.Use, ir.Aggregate)) and stmt.place.local == ir.RETURN_PLACE:
        for t in T.walk(dest):
            if isinstance(t, T.ClosureTy):  # an escaping closure (`impl Fn`) captures nothing local
                rcx.outlives(rcx.closure_region(t.closure), T.STATIC, loc, span, "return")


def ref_region(rcx: RegionCx, stmt: ir.Assign) -> T.Region:
    region = stmt.rvalue.region
    if region == T.ERASED:
        key = (id(stmt), "ref")
        hit = rcx._cache.get(key)
        if hit is None:
            hit = rcx._cache[key] = T.Ref(rcx.fresh(), False, T.UNIT)
        region = hit.region
    return region


def _operand_ty(rcx: RegionCx, op: Any, stmt: Any) -> T.Ty:
    if isinstance(op, ir.Constant):
        ty = op.ty
        if isinstance(ty, T.Ref) and ty.region == T.ERASED and isinstance(op.value, str):
            return T.Ref(T.STATIC, ty.mutable, ty.inner)  # a string literal
        return rcx.renumber(ty, (id(op), id(stmt)))
    return rcx.info.place_ty(op.place)


def _reborrow(rcx: RegionCx, place: ir.Place, region: T.Region, loc: Location, span: Any) -> None:
    """Borrowing through `*r` requires r's referent region to outlive the new borrow; through a
    shared reference the chain stops (what it points to is already frozen)."""
    info = rcx.info
    for n in range(len(place.projection) - 1, -1, -1):
        if not isinstance(place.projection[n], ir.Deref):
            continue
        base_ty = info.place_ty(ir.Place(place.local, place.projection[:n]))
        if isinstance(base_ty, T.Ref):
            rcx.outlives(base_ty.region, region, loc, span, "reborrow")
            if not base_ty.mutable:
                break
        elif isinstance(base_ty, T.RawPtr):
            break


def _aggregate(rcx: RegionCx, stmt: ir.Assign, rv: ir.Aggregate, dest: T.Ty, loc: Location, cat: str) -> None:
    kind = rv.kind
    ops = [_operand_ty(rcx, op, stmt) for op in rv.operands]
    span = stmt.span
    if kind.kind == "closure" and isinstance(kind.ty, T.ClosureTy):
        clo = rcx.closure_region(kind.ty.closure)
        for ty in ops:
            for r in rcx.ty_regions(ty):
                rcx.outlives(r, clo, loc, span, "closure")
        return
    if kind.kind == "tuple":
        rcx.relate(T.Tuple(tuple(ops)), dest, 1, loc, span, cat)
        return
    if kind.kind == "array":
        elem = dest.elem if isinstance(dest, (T.Array, T.Slice)) else None
        for ty in ops:
            if elem is not None:
                rcx.relate(ty, elem, 1, loc, span, cat)
        return
    agg_ty = rcx.renumber(kind.ty, (id(stmt), "agg"))
    if isinstance(agg_ty, T.Adt) and kind.variant < len(agg_ty.adt.variants):
        types = dict(zip(agg_ty.adt.params, agg_ty.args))
        regs = dict(zip(agg_ty.adt.lifetimes, agg_ty.regions)) if agg_ty.regions else None
        fields = agg_ty.adt.variants[kind.variant].fields
        for f, ty in zip(fields, ops):
            rcx.relate(ty, T.subst(f.ty, types, regs), 1, loc, span, cat)
    rcx.relate(agg_ty, dest, 1, loc, span, cat)


# ---------------------------------------------------------------- calls

def _call(rcx: RegionCx, call: ir.Call, loc: Location) -> None:
    info = rcx.info
    span = call.span
    args = [_operand_ty(rcx, a, call) for a in call.args]
    dest = info.place_ty(call.destination)
    ret_cat = _category(call.destination, "call-return")
    sig = _instantiate(rcx, call)
    if sig is not None:
        inputs, output = sig
        for a, p in zip(args, inputs):
            rcx.relate(a, p, 1, loc, span, "argument")
        rcx.relate(output, dest, 1, loc, span, ret_cat)
        _orphans(rcx, call, args, inputs, output, loc, span, ret_cat)
        made_up = [r for r in rcx.ty_regions(output) if r in rcx.normalized]
        if not _has_projection(output) and not made_up:
            return
        if made_up and not _has_projection(output):
            # `<&'a Vec<T> as IntoIterator>::IntoIter` came back as `Iter<'?, T>`: the new
            # region may hold anything the projection's self type borrows.
            for r in rcx.projection_sources.get(id(call), []):
                for o in made_up:
                    rcx.outlives(r, o, loc, span, ret_cat)
            return
    # Unknown callee (a closure call, an unnormalised projection): assume the result may
    # borrow from anything the arguments borrow.
    outs = rcx.ty_regions(dest)
    func_ty = _operand_ty(rcx, call.func, call) if not isinstance(call.func, ir.Constant) else None
    for ty in args + ([func_ty] if func_ty is not None else []):
        for r in _fallback_input_regions(rcx, ty):
            for o in outs:
                rcx.outlives(r, o, loc, span, ret_cat)


def _orphans(rcx: RegionCx, call: ir.Call, args: list[T.Ty], inputs: list[T.Ty], output: T.Ty,
             loc: Location, span: Any, category: str) -> None:
    """A result region that only a type argument mentions (`collect::<Vec<&str>>()`) is tied
    to the inputs by a trait bound rustmem does not read: assume it may borrow from them."""
    from_args = rcx.type_arg_regions.get(id(call), set())
    in_inputs = {r for t in inputs for r in rcx.ty_regions(t)}
    orphans = [r for r in rcx.ty_regions(output) if r in from_args and r not in in_inputs]
    for o in orphans:
        for ty in args:
            for r in _fallback_input_regions(rcx, ty):
                rcx.outlives(r, o, loc, span, category)


def _fallback_input_regions(rcx: RegionCx, ty: T.Ty) -> list[T.Region]:
    # The autoref of `&mut self` is not what the result borrows when the receiver has its own
    # regions (an iterator's `next`): skip that outer region then.
    if isinstance(ty, T.Ref) and rcx.ty_regions(ty.inner):
        return rcx.ty_regions(ty.inner)
    return rcx.ty_regions(ty)


def _has_projection(ty: T.Ty) -> bool:
    return any(isinstance(t, (T.Projection, T.Param)) for t in T.walk(ty))


def _instantiate(rcx: RegionCx, call: ir.Call) -> Optional[tuple[list[T.Ty], T.Ty]]:
    """The callee's signature with fresh region variables for its lifetimes (per call site)."""
    func = call.func
    if not isinstance(func, ir.Constant) or not isinstance(func.ty, T.FnDefTy):
        return None
    fn = func.ty.fn
    sig = getattr(fn, "sig", None)
    if sig is None:
        return None
    key = (id(call), "sig")
    if key in rcx._cache:
        cached = rcx._cache[key]
        return list(cached.elems[:-1]), cached.elems[-1]
    args = [rcx.renumber(a) for a in func.ty.args]
    rcx.type_arg_regions[id(call)] = {r for a in args for r in rcx.ty_regions(a)}
    types = dict(zip(fn.params, args))
    fresh: dict[str, T.Region] = {}

    def region(r: T.Region) -> T.Region:
        if r == T.STATIC or r.var is not None:
            return r
        if r == T.ERASED:
            return rcx.fresh()
        if r.name not in fresh:
            fresh[r.name] = rcx.fresh()
        return fresh[r.name]

    sources = rcx.projection_sources.setdefault(id(call), [])

    def inst(ty: T.Ty) -> T.Ty:
        ty = T.fold(ty, lambda t: types.get(t.name) if isinstance(t, T.Param) and t.name in types else None, region)
        projections = [t for t in T.walk(ty) if isinstance(t, T.Projection)]
        if projections:
            for p in projections:
                sources.extend(rcx.ty_regions(p.self_ty))
            ty = _normalize(rcx, ty)
        return ty

    inputs = [inst(t) for t in sig.inputs]
    output = inst(sig.output)
    rcx._cache[key] = T.Tuple(tuple(inputs + [output]))
    return inputs, output


def _normalize(rcx: RegionCx, ty: T.Ty) -> T.Ty:
    tcx = rcx.info.tcx
    if tcx is None or not hasattr(tcx, "normalize"):
        return ty
    try:
        out = tcx.normalize(ty)
    except Exception:  # the type checker could not resolve it: keep the projection
        return ty
    if out is None:
        return ty
    out = rcx.renumber(out)
    rcx.normalized.update(r for r in rcx.ty_regions(out) if r.var is not None and r.var > rcx.FRESH_BASE)
    return out


def add_liveness(rcx: RegionCx, use_live: dict[Location, int], drop_live: dict[Location, int]) -> None:
    """Regions of live locals contain the points where the locals are live."""
    from .liveness import drop_regions
    info = rcx.info
    local_regions = [[rcx.vid(r) for r in rcx.ty_regions(ty) if r != T.ERASED] for ty in info.local_tys]
    drop_cache: dict[int, list[int]] = {}
    for loc, live in use_live.items():
        p = 1 << info.points.index(loc)
        for local in bits_of(live):
            for v in local_regions[local]:
                rcx.liveness[v] |= p
        for local in bits_of(drop_live.get(loc, 0) & ~live):
            vs = drop_cache.get(local)
            if vs is None:
                vs = drop_cache[local] = [rcx.vid(r) for r in drop_regions(info, info.local_tys[local]) if r != T.ERASED]
            for v in vs:
                rcx.liveness[v] |= p
