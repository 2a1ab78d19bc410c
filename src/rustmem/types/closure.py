"""Closures: their signature (from the expected `Fn` bound or from use), their captures and kind.

The signature is deduced as rustc does: from an expected `fn` pointer type, or from a
pending `?F: Fn<(A,)>` obligation / `<?F as FnOnce>::Output` projection on the closure's
type variable.  Captures are inferred once the body's types are known (after writeback),
as Rust 2021 does (RFC 2229): each place the body uses (`cy.user`, `*r.n`) is read (captured
by shared reference), mutated (by unique reference) or moved (by value), then truncated by
rustc's rules (at indexing, behind raw pointers and shared references, at the first deref
for by-value captures, at fields of types with a destructor); `move` closures capture by
value.  The closure kind is FnOnce if the body moves a captured value out, FnMut if it
mutates one, else Fn.
"""
from __future__ import annotations

from typing import Any, Optional

from ..syntax import ast
from .results import Borrow, Deref, FieldRes, LocalRes, MethodRes, OverloadedOp
from .ty import Adt, ClosureDef, ClosureTy, FnSig, Infer, FnPtr, Param, RawPtr, Ref, Ty, Tuple

RANK_KIND = {"Fn": 0, "FnMut": 1, "FnOnce": 2}


class ClosureChecker:
    """Mixin: closure expressions for FnCtxt."""

    def expr_Closure(self: Any, e: ast.Closure, expected: Optional[Ty]) -> Ty:
        from .check import LoopCx
        cdef = ClosureDef(e.span, e)
        self.results.closures[e] = cdef
        deduced = self.deduce_closure_sig(expected) if expected is not None else None
        if deduced is not None and deduced[2] is not None:
            # the expected bound fixes the kind (rustc's closure_kind_origin): a body that does
            # more than the bound allows is then the borrow checker's error (E0507), not E0525
            cdef.kind = deduced[2]
            self.closure_kind_fixed.add(cdef)
        inputs: list[Ty] = []
        for i, p in enumerate(e.params):
            hint = deduced[0][i] if deduced is not None and i < len(deduced[0]) else None
            if p.ty is not None:
                t = self.lower(p.ty)
                if hint is not None:
                    self.infcx.unify(t, hint)
            else:
                t = hint if hint is not None else self.infcx.new_var()
            inputs.append(t)
        if e.ret is not None:
            ret = self.lower(e.ret)
        elif deduced is not None:
            ret = deduced[1]
        else:
            ret = self.infcx.new_var()
        cdef.sig = FnSig(inputs, ret)
        self.push_scope()
        for p, t in zip(e.params, inputs):
            self.check_pat_top(p.pat, t, irrefutable=True, origin="function argument")
        self.ret_stack.append(ret)
        self.loops.append(LoopCx(None, "closure"))
        saved_unsafe, self.unsafe_depth = self.unsafe_depth, 0 if self.unsafe_depth == 0 else self.unsafe_depth
        body_ty = self.check_expr(e.body, ret)
        self.unsafe_depth = saved_unsafe
        if not self.coerce(e.body, body_ty, ret):
            from . import errors
            from .check import blame
            self.error(errors.mismatched(blame(e.body), self.ty_str(ret), self.ty_str(body_ty)))
        self.loops.pop()
        self.ret_stack.pop()
        self.pop_scope()
        self.closure_nodes.append(e)
        return ClosureTy(cdef)

    def deduce_closure_sig(self: Any, expected: Ty) -> Optional[tuple[list[Ty], Ty, Optional[str]]]:
        """(inputs, output, kind) from an expected fn pointer or a pending Fn-trait bound."""
        exp = self.shallow(expected)
        if isinstance(exp, FnPtr):
            return list(exp.params), exp.ret, None
        if not isinstance(exp, Infer) and not isinstance(exp, Param):
            return None
        inputs: Optional[list[Ty]] = None
        output: Optional[Ty] = None
        kind: Optional[str] = None
        for ob in self.obligations:
            if ob.trait.lang in ("Fn", "FnMut", "FnOnce") and self.shallow(ob.ty) == exp and ob.args:
                args = self.shallow(ob.args[0])
                if isinstance(args, Tuple):
                    inputs = list(args.elems)
                    if "Output" in ob.bindings:
                        output = ob.bindings["Output"]
                    if kind is None or RANK_KIND[ob.trait.lang] < RANK_KIND[kind]:
                        kind = ob.trait.lang
        for proj, var, _ in self.projections:
            if proj.trait.lang == "FnOnce" and proj.name == "Output" and self.shallow(proj.self_ty) == exp:
                output = var
        if inputs is None:
            return None
        return inputs, output if output is not None else self.infcx.new_var(), kind


# ---------------------------------------------------------------- capture analysis (after writeback)

# A place the closure body uses, as rustc's HIR place: the variable (its binding and name)
# and its projections, each (elem, type before, type after) with elem "*" for a dereference
# or (field index, field name) for a field.
Proj = tuple[Any, Ty, Ty]
UsePlace = tuple[Any, str, tuple[Proj, ...]]

CAPTURE_RANK = {"ref": 0, "unique": 1, "refmut": 2, "move": 3}


def analyze_captures(fcx: Any, closure: ast.Closure) -> None:
    """Fill the ClosureDef's captures and kind from the places its body uses, as rustc's
    RFC 2229 analysis does: each use is truncated (at an index, at what lies behind a raw
    pointer, behind a shared reference, at the first deref for a by-value capture, at a field
    of a type with a destructor), a `move` closure takes everything by value, and a place
    whose ancestor is also captured merges into the ancestor."""
    cdef: ClosureDef = fcx.results.closures[closure]
    inner: set[int] = set()
    for p in closure.params:
        _collect_bindings(p.pat, inner)
    _collect_bindings(closure.body, inner)
    lists: dict[int, list[list[Any]]] = {}  # binding id -> [[place, mode]] (rustc's min captures)
    order: list[int] = []
    kind_rank = 0

    def use(place: UsePlace, mode: str) -> None:
        nonlocal kind_rank
        binding = place[0]
        if id(binding) in inner:
            return
        projs, mode = restrict_for_unsafe(list(place[2]), mode)
        projs, mode = truncate_at_index(projs, mode)
        projs, mode = truncate_behind_shared_ref(projs, mode)
        if mode == "move":
            kind_rank = 2
        elif mode in ("refmut", "unique"):
            kind_rank = max(kind_rank, 1)
        if closure.is_move:
            first = next((i for i, p in enumerate(projs) if p[0] == "*"), None)
            if first is not None:
                projs, mode = truncate(projs, mode, first)
            mode = "move"
        elif mode == "move":
            first = next((i for i, p in enumerate(projs) if p[0] == "*"), None)
            if first is not None:
                projs, mode = truncate(projs, mode, first)
        if mode == "move" and not fcx.tcx.is_copy(_place_ty(fcx, binding, projs)):
            for i, (_, before, _) in enumerate(projs):
                if isinstance(before, Adt) and fcx.tcx.drop_impl(before.adt) is not None:
                    projs, mode = truncate(projs, mode, i)
                    break
        if id(binding) not in lists:
            lists[id(binding)] = []
            order.append(id(binding))
        merge(lists[id(binding)], [(binding, place[1], tuple(projs)), mode])

    CaptureWalker(fcx, use).walk(closure.body, "move")
    captures = []
    places = []
    for key in order:
        for (binding, name, projs), mode in sorted(lists[key], key=lambda c: _field_key(c[0][2])):
            ty = _place_ty(fcx, binding, projs)
            if mode == "move" and ty is not None and fcx.tcx.is_copy(ty):
                mode = "copy" if closure.is_move else "ref"
            elif mode == "unique":
                mode = "refmut"
            if mode == "refmut" and len(projs) == 1 and projs[0][0] == "*" and _is_mut_ref(projs[0][1]) \
                    and not getattr(binding, "mutable", True):
                # `*x` through an immutable `x: &mut T` is borrowed uniquely (rustc's closure
                # capture borrow); the environment holds `&mut x`, which borrowck reads as that
                projs, ty = (), projs[0][1]
            captures.append((capture_name(name, projs), binding, mode, ty))
            places.append((binding, projs, mode, ty))
    cdef.captures = captures
    cdef.capture_places = places
    if cdef not in fcx.closure_kind_fixed:
        cdef.kind = ("Fn", "FnMut", "FnOnce")[kind_rank]
    closure.captures = [(c[0], c[2]) for c in captures]


def capture_name(var: str, projs: Any) -> str:
    """rustc's name for a captured place: `cy.user`, `*r`, `*r.f` (place_to_string_for_capture)."""
    out = var
    for elem, _, _ in projs:
        out = f"*{out}" if elem == "*" else f"{out}.{elem[1]}"
    return out


def _is_mut_ref(ty: Any) -> bool:
    return isinstance(ty, Ref) and ty.mutable


def _field_key(projs: Any) -> list[int]:
    return [elem[0] for elem, _, _ in projs if elem != "*"]


def _place_ty(fcx: Any, binding: Any, projs: Any) -> Any:
    if projs:
        return projs[-1][2]
    ty = fcx.local_tys.get(binding)
    return fcx.infcx.resolve(ty) if ty is not None else None


def truncate(projs: list[Proj], mode: str, n: int) -> tuple[list[Proj], str]:
    """The place cut to its first n projections; a mutable borrow through a cut-off `&mut`
    dereference becomes a unique immutable borrow (rustc's UniqueImmBorrow)."""
    if mode == "refmut" and any(e == "*" and isinstance(b, Ref) and b.mutable for e, b, _ in projs[n:]):
        mode = "unique"
    return projs[:n], mode


def restrict_for_unsafe(projs: list[Proj], mode: str) -> tuple[list[Proj], str]:
    """Nothing behind a raw pointer is captured precisely, and a borrow through one is shared."""
    for i, (elem, before, _) in enumerate(projs):
        if elem == "*" and isinstance(before, RawPtr):
            projs, mode = truncate(projs, mode, i)
            break
    return projs, mode


def truncate_at_index(projs: list[Proj], mode: str) -> tuple[list[Proj], str]:
    for i, (elem, _, _) in enumerate(projs):
        if elem == "[]":
            return truncate(projs, mode, i)
    return projs, mode


def truncate_behind_shared_ref(projs: list[Proj], mode: str) -> tuple[list[Proj], str]:
    """Fields behind the last dereference of a shared reference are not worth capturing apart."""
    last = max((i for i, p in enumerate(projs) if p[0] == "*"), default=None)
    if last is not None and isinstance(projs[last][1], Ref) and not projs[last][1].mutable:
        return truncate(projs, mode, last + 1)
    return projs, mode


def merge(found: list[list[Any]], new: list[Any]) -> None:
    """Add a captured place to its variable's list (rustc's compute_min_captures): an ancestor
    absorbs its descendants, taking the strongest mode."""
    projs = new[0][2]
    kept = []
    for old in found:
        other = old[0][2]
        if len(other) > len(projs) and _same_prefix(other, projs):
            _, m = truncate(list(other), old[1], len(projs))
            if CAPTURE_RANK[m] > CAPTURE_RANK[new[1]]:
                new[1] = m
        else:
            kept.append(old)
    if len(kept) != len(found):
        found[:] = kept
        found.append(new)
        return
    for old in found:
        other = old[0][2]
        if len(other) <= len(projs) and _same_prefix(projs, other):
            _, m = truncate(list(projs), new[1], len(other))
            if CAPTURE_RANK[m] > CAPTURE_RANK[old[1]]:
                old[1] = m
            return
    found.append(new)


def _same_prefix(longer: Any, shorter: Any) -> bool:
    return all(a[0] == b[0] for a, b in zip(longer, shorter))


def _collect_bindings(node: Any, out: set[int]) -> None:
    if isinstance(node, ast.IdentPat):
        out.add(id(node))
    for c in ast.children(node):
        _collect_bindings(c, out)


class CaptureWalker:
    """Walks a closure body finding, for each use of a local, the place used and whether it is
    read (`ref`), mutated or uniquely borrowed (`refmut`) or moved (`move`) — rustc's
    ExprUseVisitor feeding the capture analysis."""

    def __init__(self, fcx: Any, use: Any) -> None:
        self.fcx = fcx
        self.use = use

    def is_copy(self, ty: Any) -> bool:
        return ty is None or self.fcx.tcx.is_copy(ty)

    def report(self, place: UsePlace, mode: str) -> None:
        """A use of a place: a Copy value used by value is only read; nothing is mutated
        through a raw pointer's target in the capture (it is borrowed shared)."""
        ty = place[2][-1][2] if place[2] else self.fcx.local_tys.get(place[0])
        if ty is not None and not place[2]:
            ty = self.fcx.infcx.resolve(ty)
        if mode == "move" and self.is_copy(ty):
            mode = "ref"
        if mode == "refmut" and any(e == "*" and isinstance(b, RawPtr) for e, b, _ in place[2]):
            mode = "ref"
        self.use(place, mode)

    def walk(self, e: Any, mode: str) -> None:
        """mode: how the value of e is used: "move" (by value), "ref" or "refmut" (as a place)."""
        if e is None:
            return
        adjs = self.fcx.results.adjustments.get(e) or []
        inner = mode
        if any(isinstance(a, Borrow) and a.mutable or isinstance(a, Deref) and a.mutable for a in adjs):
            inner = "refmut"
        elif any(isinstance(a, (Borrow, Deref)) for a in adjs):
            inner = "ref"
        place = self.place(e, inner)
        if place is None:
            return
        ty = e.ty
        for a in adjs:
            if isinstance(a, Deref) and a.overloaded is None:
                place = (place[0], place[1], place[2] + (("*", ty, a.target),))
            elif isinstance(a, (Deref, Borrow)):
                self.report(place, "refmut" if a.mutable else "ref")
                return
            else:
                self.report(place, mode)
                return
            ty = a.target
        self.report(place, mode)

    def place(self, e: Any, mode: str) -> Optional[UsePlace]:
        """The place e denotes (before its adjustments), or None when e is a value — whose
        parts are then walked."""
        if isinstance(e, ast.PathExpr):
            if isinstance(e.res, LocalRes):
                return (e.res.binding, e.res.name, ())
            return None
        if isinstance(e, ast.Paren):
            return self.sub_place(e.inner, mode)
        if isinstance(e, ast.Field):
            base = self.sub_place(e.operand, mode)
            if base is None:
                return None
            before = self.adjusted_ty(e.operand)
            return (base[0], base[1], base[2] + (((self.field_index(e, before), e.name), before, e.ty),))
        if isinstance(e, ast.Index):
            self.walk(e.index, "move")
            if isinstance(e.res, OverloadedOp):
                self.walk(e.operand, "refmut" if mode == "refmut" else "ref")
                return None
            base = self.sub_place(e.operand, mode)
            if base is None:
                return None
            return (base[0], base[1], base[2] + (("[]", self.adjusted_ty(e.operand), e.ty),))
        if isinstance(e, ast.Unary) and e.op == "*":
            if isinstance(e.res, OverloadedOp):
                self.walk(e.operand, "refmut" if mode == "refmut" else "ref")
                return None
            base = self.sub_place(e.operand, mode)
            if base is None:
                return None
            return (base[0], base[1], base[2] + (("*", self.adjusted_ty(e.operand), e.ty),))
        self.walk_value(e)
        return None

    def sub_place(self, e: Any, mode: str) -> Optional[UsePlace]:
        """The place of a projection's base, after its (autoderef) adjustments."""
        adjs = self.fcx.results.adjustments.get(e) or []
        base_mode = "refmut" if mode == "refmut" or any(isinstance(a, Deref) and a.mutable for a in adjs) else "ref"
        place = self.place(e, base_mode)
        ty = e.ty
        for a in adjs:
            if place is None:
                return None
            if isinstance(a, Deref) and a.overloaded is None:
                place = (place[0], place[1], place[2] + (("*", ty, a.target),))
            elif isinstance(a, (Deref, Borrow)):
                self.report(place, "refmut" if a.mutable else "ref")
                return None
            ty = a.target
        return place

    def adjusted_ty(self, e: Any) -> Any:
        adjs = self.fcx.results.adjustments.get(e) or []
        return adjs[-1].target if adjs else e.ty

    def field_index(self, e: ast.Field, base_ty: Any) -> int:
        if isinstance(e.res, FieldRes):
            return e.res.index
        if e.name.isdigit():
            return int(e.name)
        if isinstance(base_ty, Adt):
            idx = base_ty.adt.variants[0].field_index(e.name)
            if idx is not None:
                return idx
        return 0

    def walk_value(self, e: Any) -> None:
        """The parts of an expression that is not a place."""
        if isinstance(e, ast.Borrow):
            self.walk(e.operand, "refmut" if e.mutable else "ref")
        elif isinstance(e, (ast.Assign, ast.CompoundAssign)):
            self.walk(e.lhs, "refmut")
            self.walk(e.rhs, "move")
        elif isinstance(e, ast.MethodCall):
            self.walk(e.receiver, "move")
            for a in e.args:
                self.walk(a, "move")
        elif isinstance(e, ast.Call):
            if isinstance(e.res, MethodRes) or isinstance(e.res, tuple):
                self.walk(e.func, self.callee_mode(e))
            else:
                self.walk(e.func, "ref")
            for a in e.args:
                self.walk(a, "move")
        elif isinstance(e, ast.Match):
            self.walk_matched(e.scrutinee, [a.pat for a in e.arms])
            for a in e.arms:
                self.walk(a.guard, "move")
                self.walk(a.body, "move")
        elif isinstance(e, ast.Let):
            self.walk_matched(e.scrutinee, [e.pat])
        elif isinstance(e, ast.Block):
            for s in e.stmts:
                if isinstance(s, ast.LetStmt):
                    if s.init is not None:
                        self.walk_matched(s.init, [s.pat])
                    if s.else_block is not None:
                        self.walk(s.else_block, "move")
                elif isinstance(s, ast.ExprStmt):
                    self.walk(s.expr, "move")
            self.walk(e.tail, "move")
        elif isinstance(e, ast.FormatMacro):
            if e.dest is not None:
                self.walk(e.dest, "refmut")
            if e.fmt is not None:
                for a in e.fmt.args:
                    self.walk(a, "ref")
        elif isinstance(e, ast.AssertMacro):
            for a in e.args:
                self.walk(a, "ref" if e.name != "assert" else "move")
            if e.msg is not None:
                for a in e.msg.args:
                    self.walk(a, "ref")
        elif isinstance(e, ast.Closure):
            cdef = self.fcx.results.closures.get(e)
            for binding, projs, cmode, _ in (cdef.capture_places if cdef else []):
                name = getattr(binding, "name", None) or "self"
                m = {"ref": "ref", "refmut": "refmut", "move": "move", "copy": "move"}[cmode]
                self.report((binding, name, projs), m)
        else:
            for c in ast.children(e):
                if isinstance(c, (ast.Expr,)):
                    self.walk(c, "move")
                elif isinstance(c, ast.Arm):
                    self.walk(c.guard, "move")
                    self.walk(c.body, "move")
                elif isinstance(c, (ast.Stmt, ast.FormatArgs)):
                    for cc in ast.children(c):
                        if isinstance(cc, ast.Expr):
                            self.walk(cc, "move")

    def callee_mode(self, e: ast.Call) -> str:
        res = e.res
        fn = res.fn if isinstance(res, MethodRes) else None
        if fn is not None and fn.trait is not None:
            return {"Fn": "ref", "FnMut": "refmut", "FnOnce": "move"}.get(fn.trait.lang or "", "ref")
        return "ref"

    def walk_matched(self, scrutinee: Any, pats: list[Any]) -> None:
        """A value matched against patterns: when it is a place, each binding uses its own
        part of it (`let S { a, .. } = s` moves only `s.a`), a literal or an enum variant
        reads the place it tests, `_` and `..` use nothing (rustc's walk_pat)."""
        mode = self.pattern_mode(pats, scrutinee)
        place = self.sub_place(scrutinee, mode)
        if place is None:
            return
        for p in pats:
            self.walk_pat(place, p, mode)

    def walk_pat(self, place: UsePlace, pat: Any, mode: str) -> None:
        for ref_ty in self.fcx.results.pat_adjustments.get(pat) or []:
            place = _project(place, "*", ref_ty, ref_ty.inner if isinstance(ref_ty, Ref) else None)
        ty = pat.ty
        if isinstance(pat, ast.IdentPat):
            if pat.res is not None and not isinstance(pat.res, LocalRes):  # a unit struct, unit variant or const
                self.report(place, "ref")
                return
            bm = self.fcx.results.pat_binding_modes.get(pat, "value")
            self.report(place, {"value": "move", "ref": "ref", "refmut": "refmut"}.get(bm, "ref"))
            if pat.sub is not None:
                self.walk_pat(place, pat.sub, mode)
        elif isinstance(pat, (ast.WildPat, ast.RestPat)):
            return
        elif isinstance(pat, ast.OrPat):
            for alt in pat.alts:
                self.walk_pat(place, alt, mode)
        elif isinstance(pat, ast.RefPat):
            self.walk_pat(_project(place, "*", ty, _pat_ty(self.fcx, pat.pat)), pat.pat, mode)
        elif isinstance(pat, ast.TuplePat) and isinstance(ty, Tuple):
            rest = next((i for i, q in enumerate(pat.elems) if isinstance(q, ast.RestPat)), len(pat.elems))
            for i, q in enumerate(pat.elems):
                index = i if i < rest else len(ty.elems) - (len(pat.elems) - i)
                if 0 <= index < len(ty.elems):
                    self.walk_pat(_project(place, (index, str(index)), ty, _pat_ty(self.fcx, q)), q, mode)
        elif isinstance(pat, (ast.StructPat, ast.TupleStructPat)) and isinstance(ty, Adt) and not ty.adt.is_enum:
            variant = ty.adt.variants[0]
            subs = [(f.name, f.pat) for f in pat.fields] if isinstance(pat, ast.StructPat) \
                else [(str(i), q) for i, q in enumerate(pat.elems)]
            for name, q in subs:
                index = int(name) if name.isdigit() else variant.field_index(name)
                if isinstance(q, ast.RestPat) or index is None:
                    continue
                self.walk_pat(_project(place, (index, name), ty, _pat_ty(self.fcx, q)), q, mode)
        else:
            # a literal, a range, an enum variant, a slice: the whole place is tested, and
            # what the bindings inside take decides the capture of the place as a whole
            self.report(place, self.pattern_mode([pat], None))

    def pattern_mode(self, pats: list[Any], scrutinee: Any) -> str:
        mode = "ref"
        for p in pats:
            for b in _ident_pats(p):
                bm = self.fcx.results.pat_binding_modes.get(b, "value")
                if bm == "refmut":
                    mode = "refmut" if mode != "move" else mode
                elif bm == "value" and not self.is_copy(b.ty):
                    mode = "move"
        return mode


def _project(place: UsePlace, elem: Any, before: Any, after: Any) -> UsePlace:
    return (place[0], place[1], place[2] + ((elem, before, after),))


def _pat_ty(fcx: Any, pat: Any) -> Any:
    """The type of the place a pattern matches (before match ergonomics peels references)."""
    peeled = fcx.results.pat_adjustments.get(pat)
    return peeled[0] if peeled else pat.ty


def _ident_pats(p: Any) -> list[Any]:
    out = []
    if isinstance(p, ast.IdentPat):
        out.append(p)
    for c in ast.children(p):
        if isinstance(c, (ast.Pat, ast.FieldPat)):
            out.extend(_ident_pats(c.pat if isinstance(c, ast.FieldPat) else c))
    return out
