"""Pattern matching: `match`, `if let`, `while let`, `let` patterns and parameters.

Arms are tested in order, each pattern as a chain of tests on sub-places of the scrutinee
(`discriminant` + `switchInt` for variants, `switchInt` on the value for integer, char and bool
literals, comparisons for ranges, strings and floats, `Len` for slice patterns).  A failed test
goes to the next arm.  As rustc does for the borrow checker:
- the scrutinee is `FakeRead(ForMatchedPlace)` at the start (and in the unreachable
  "no arm matched" block);
- each arm is entered through `falseEdge -> [real: arm, imaginary: next arm]`, so borrowck
  assumes a later arm may be tried;
- a guard sees by-value bindings as shared references (`FakeRead(ForGuardBinding)`), the
  scrutinee is fake-borrowed (`&fake shallow`) across the guard (`FakeRead(ForMatchGuard)`),
  and by-value bindings are bound only once the guard holds.
Or-patterns try each alternative; all alternatives bind the same locals.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..diagnostics import unsupported
from ..source import Span
from ..syntax import ast
from ..types import results as R
from ..types import ty as T
from . import ir
from .expr import const_expr, lit_value

# (place, its type, the pattern matched against it)
Item = tuple[ir.Place, T.Ty, ast.Pat]
Binding = tuple[ast.IdentPat, ir.Place, T.Ty]
ArmSpec = tuple[ast.Pat, Optional[ast.Expr], Callable[[], None], Span]  # pattern, guard, body, span
ISIZE = T.Int("isize")


class MatchMixin:
    """The pattern half of `Builder`."""

    def into_Match(self, dest: ir.Place, e: ast.Match) -> None:
        arms = [(a.pat, a.guard, (lambda a=a: self.into(dest, a.body)), a.span) for a in e.arms]
        self.lower_match(e.scrutinee, arms, e.span)

    def lower_match(self, scrutinee: ast.Expr, arms: list[ArmSpec], span: Span) -> None:
        """Lower a match on `scrutinee`; each arm's body callback writes the destination."""
        place = self.as_place(scrutinee)
        ty = self.adjusted_ty(scrutinee)
        self.push(ir.FakeRead(scrutinee.span, "ForMatchedPlace", place))
        join, otherwise = self.new_block(), self.new_block()
        test = self.new_block()
        self.goto(test, span)
        for i, arm in enumerate(arms):
            self.cur = test
            test = self.new_block() if i + 1 < len(arms) else otherwise
            self.lower_arm(place, ty, arm, test, join)
        self.cur = otherwise
        self.push(ir.FakeRead(scrutinee.span, "ForMatchedPlace", place))
        self.terminate(ir.Unreachable(span))
        self.cur = join

    def lower_arm(self, place: ir.Place, ty: T.Ty, arm: ArmSpec, fail: ir.BasicBlock, join: ir.BasicBlock) -> None:
        pat, guard, body, span = arm
        canonical: dict[str, ir.Local] = {}
        guard_refs: dict[str, ir.Local] = {}
        body_bb = self.new_block()

        def on_match(bindings: list[Binding]) -> None:
            arm_bb = self.new_block()
            self.terminate(ir.FalseEdge(span, arm_bb, fail))
            self.cur = arm_bb
            if guard is None:
                self.bind_all(bindings, canonical)
            else:
                self.lower_guard(bindings, canonical, guard_refs, guard, (place, ty), pat, fail)
            self.goto(body_bb, span)

        self.match_pattern([(place, ty, pat)], fail, [], on_match)
        self.cur = body_bb
        with self.in_scope(span, temporaries=True):
            for local in guard_refs.values():
                self.schedule_storage(local, span)
            for local in canonical.values():
                self.schedule_storage(local, span)
                self.schedule_drop(local, span)
            body()
        self.goto(join, span)

    def lower_guard(self, bindings: list[Binding], canonical: dict, guard_refs: dict, guard: ast.Expr,
                    scrutinee: tuple[ir.Place, T.Ty], pat: ast.Pat, fail: ir.BasicBlock) -> None:
        by_value = [b for b in bindings if self.binding_mode(b[0]) == "value"]
        self.bind_all([b for b in bindings if self.binding_mode(b[0]) != "value"], canonical)
        names = {}
        for ident, place, pty in by_value:
            ref = guard_refs.get(ident.name)
            if ref is None:
                ref = guard_refs[ident.name] = self.new_local(T.Ref(T.ERASED, False, pty), ident.span, internal=True)
            self.push(ir.StorageLive(ident.span, ref))
            self.assign(ident.span, ir.Place(ref), ir.Ref(self.fresh_region(), "shared", place))
            names[ident.name] = ir.Place(ref).deref()
        fake = self.new_local(T.Ref(T.ERASED, False, scrutinee[1]), guard.span, internal=True)
        self.assign(guard.span, ir.Place(fake), ir.Ref(self.fresh_region(), "fake", scrutinee[0]))
        saved = dict(self.var_places)
        for ident in all_idents(pat):
            if ident.name in names:
                self.var_places[ident] = names[ident.name]
        flag = self.new_local(T.BOOL, guard.span)
        with self.in_scope(guard.span, temporaries=True):
            self.into(ir.Place(flag), guard)
        self.var_places = saved
        ok_bb, no_bb = self.new_block(), self.new_block()
        self.terminate(ir.SwitchInt(guard.span, ir.Move(ir.Place(flag)), [0], [no_bb], ok_bb))
        self.cur = no_bb
        for ident, _, _ in bindings:
            local = guard_refs.get(ident.name) if self.binding_mode(ident) == "value" else canonical.get(ident.name)
            if local is not None:
                self.push(ir.StorageDead(guard.span, local))
        self.goto(fail, guard.span)
        self.cur = ok_bb
        self.push(ir.FakeRead(guard.span, "ForMatchGuard", ir.Place(fake)))
        for ident, _, _ in by_value:
            self.push(ir.FakeRead(guard.span, "ForGuardBinding", ir.Place(guard_refs[ident.name])))
        self.bind_all(by_value, canonical)

    # ---------------------------------------------------------------- irrefutable patterns

    def bind_irrefutable(self, pat: ast.Pat, place: ir.Place, ty: T.Ty, scope: int) -> None:
        """Bind the variables of an irrefutable pattern (let, parameters, for) from place;
        they are dropped when `scope` ends."""
        dead = self.new_block()
        self.blocks[dead].terminator = ir.Unreachable(pat.span)
        self.schedule_bindings(self.bind_or_else(pat, place, ty, dead), pat.span, scope)

    def bind_let_else(self, pat: ast.Pat, place: ir.Place, ty: T.Ty, scope: int, else_block: ast.Block) -> None:
        else_bb = self.new_block()
        canonical = self.bind_or_else(pat, place, ty, else_bb)
        after = self.cur
        self.cur = else_bb
        with self.in_scope(else_block.span, temporaries=True):
            local = self.new_temp(else_block.ty or T.NEVER, else_block.span)
            self.into(ir.Place(local), else_block)
        self.terminate(ir.Unreachable(else_block.span))
        self.cur = after
        self.schedule_bindings(canonical, pat.span, scope)  # after the else block, which never binds

    def bind_or_else(self, pat: ast.Pat, place: ir.Place, ty: T.Ty, fail: ir.BasicBlock) -> dict[str, ir.Local]:
        """Test and bind pat from place, continuing in the current block; a failed test
        jumps to fail.  Returns the binding locals by name (not yet scheduled)."""
        canonical: dict[str, ir.Local] = {}
        join = self.new_block()

        def on_match(bindings: list[Binding]) -> None:
            self.bind_all(bindings, canonical)
            self.goto(join, pat.span)

        self.match_pattern([(place, ty, pat)], fail, [], on_match)
        self.cur = join
        return canonical

    def schedule_bindings(self, canonical: dict[str, ir.Local], span: Span, scope: int) -> None:
        for local in canonical.values():
            self.schedule_storage(local, span, scope)
            self.schedule_drop(local, span, scope)

    # ---------------------------------------------------------------- bindings

    def binding_mode(self, ident: ast.IdentPat) -> str:
        mode = self.results.pat_binding_modes.get(ident)
        if mode:
            return mode
        if ident.by_ref:
            return "refmut" if ident.mutable else "ref"
        return "value"

    def binding_local(self, ident: ast.IdentPat, place_ty: Optional[T.Ty], canonical: dict) -> ir.Local:
        """The local of a binding (shared by the alternatives of an or-pattern)."""
        local = canonical.get(ident.name)
        if local is None:
            mode = self.binding_mode(ident)
            ty = place_ty if place_ty is not None else ident.ty
            if mode != "value":
                ty = T.Ref(T.ERASED, mode == "refmut", ty)
            mutable = ident.mutable and not ident.by_ref
            local = self.new_local(ty, ident.span, ident.name, mutable, user=True, ref_binding=mode != "value")
            canonical[ident.name] = local
        self.var_locals[ident] = local
        return local

    def bind_all(self, bindings: list[Binding], canonical: dict) -> None:
        for ident, place, pty in bindings:
            local = self.binding_local(ident, pty, canonical)
            self.push(ir.StorageLive(ident.span, local))
            mode = self.binding_mode(ident)
            if mode == "value":
                rvalue: ir.Rvalue = ir.Use(self.consume(place, pty))
            else:
                rvalue = ir.Ref(self.fresh_region(), "mut" if mode == "refmut" else "shared", place)
            self.assign(ident.span, ir.Place(local), rvalue)

    # ---------------------------------------------------------------- tests

    def match_pattern(self, items: list[Item], fail: ir.BasicBlock, bindings: list[Binding],
                      k: Callable[[list[Binding]], None]) -> None:
        """Emit the tests of items in order from the current block; on success call k with
        the bindings collected (once per or-pattern alternative), on failure jump to fail."""
        while items:
            (place, ty, pat), items = items[0], items[1:]
            for _ in self.results.pat_adjustments.get(pat, ()):
                place = place.deref()
                ty = ty.inner if isinstance(ty, T.Ref) else ty
            if ty is None:
                ty = pat.ty
            if isinstance(pat, (ast.WildPat, ast.RestPat)):
                continue
            if isinstance(pat, ast.IdentPat):
                if is_path_pat(pat):
                    self.test_ctor(place, ty, pat, pat.res, fail)
                    continue
                bindings = bindings + [(pat, place, ty)]
                if pat.sub is not None:
                    items = [(place, ty, pat.sub)] + items
                continue
            if isinstance(pat, ast.RefPat):
                items = [(place.deref(), ty.inner if isinstance(ty, T.Ref) else None, pat.pat)] + items
            elif isinstance(pat, ast.TuplePat):
                elems = ty.elems if isinstance(ty, T.Tuple) else [None] * len(pat.elems)
                items = [(place.field(i, elems[i], str(i)), elems[i], p) for i, p in positional(pat.elems, len(elems))] + items
            elif isinstance(pat, ast.LitPat):
                self.test_literal(place, ty, lit_value(pat.lit), fail, pat.span)
            elif isinstance(pat, ast.RangePat):
                self.test_range(place, ty, pat, fail)
            elif isinstance(pat, (ast.PathPat, ast.TupleStructPat, ast.StructPat)):
                items = self.test_ctor(place, ty, pat, pat.path.res, fail) + items
            elif isinstance(pat, ast.SlicePat):
                items = self.test_slice(place, ty, pat, fail) + items
            elif isinstance(pat, ast.OrPat):
                for j, alt in enumerate(pat.alts):
                    last = j + 1 == len(pat.alts)
                    alt_fail = fail if last else self.new_block()
                    self.match_pattern([(place, ty, alt)] + items, alt_fail, bindings, k)
                    if not last:
                        self.cur = alt_fail
                return
            else:
                raise unsupported(pat.span, "this pattern")
        k(bindings)

    def switch_to(self, discr: ir.Operand, values: list[int], fail: ir.BasicBlock, span: Span) -> None:
        """switchInt: the listed values continue in a fresh current block, others fail."""
        ok = self.new_block()
        self.terminate(ir.SwitchInt(span, discr, values, [ok] * len(values), fail))
        self.cur = ok

    def test_bool(self, rvalue: ir.Rvalue, fail: ir.BasicBlock, span: Span) -> None:
        flag = self.new_local(T.BOOL, span)
        self.assign(span, ir.Place(flag), rvalue)
        ok = self.new_block()
        self.terminate(ir.SwitchInt(span, ir.Move(ir.Place(flag)), [0], [fail], ok))
        self.cur = ok

    def test_literal(self, place: ir.Place, ty: T.Ty, value: Any, fail: ir.BasicBlock, span: Span) -> None:
        if isinstance(ty, (T.Int, T.Char, T.Bool)) and not isinstance(value, float):
            self.switch_to(ir.Copy(place), [switch_value(value)], fail, span)
        else:
            self.test_bool(ir.BinaryOp("Eq", ir.Copy(place), ir.Constant(value, ty)), fail, span)

    def test_range(self, place: ir.Place, ty: T.Ty, pat: ast.RangePat, fail: ir.BasicBlock) -> None:
        if pat.lo is not None:
            lo = self.const_eval(pat.lo)
            self.test_bool(ir.BinaryOp("Le", ir.Constant(lo, ty), ir.Copy(place)), fail, pat.span)
        if pat.hi is not None:
            hi = self.const_eval(pat.hi)
            op = "Le" if pat.inclusive else "Lt"
            self.test_bool(ir.BinaryOp(op, ir.Copy(place), ir.Constant(hi, ty)), fail, pat.span)

    def test_ctor(self, place: ir.Place, ty: T.Ty, pat: ast.Pat, res: Any, fail: ir.BasicBlock) -> list[Item]:
        """Test a struct/variant/const pattern; return the items of its fields."""
        if isinstance(res, R.ConstRes):
            self.test_literal(place, ty, self.const_eval(const_expr(res.const)), fail, pat.span)
            return []
        if not isinstance(ty, T.Adt):
            raise unsupported(pat.span, f"this pattern on `{ty}`")
        adt = ty.adt
        variant = res.variant if isinstance(res, R.CtorRes) else self.variant_by_name(adt, pat)
        sub = place
        if adt.is_enum:
            vdef = adt.variants[variant]
            if len(adt.variants) > 1:
                d = self.new_local(ISIZE, pat.span)
                self.assign(pat.span, ir.Place(d), ir.Discriminant(place))
                self.switch_to(ir.Move(ir.Place(d)), [vdef.discriminant], fail, pat.span)
            sub = place.project(ir.Downcast(variant, vdef.name))
        vdef = adt.variants[variant]
        ftys = self.field_tys(ty, variant)
        if isinstance(pat, ast.TupleStructPat):
            return [(sub.field(i, ftys[i], str(i)), ftys[i], p) for i, p in positional(pat.elems, len(ftys))]
        if isinstance(pat, ast.StructPat):
            out = []
            for fp in pat.fields:
                i = vdef.field_index(fp.name)
                if i is None:
                    raise unsupported(fp.span, f"field `{fp.name}`")
                out.append((sub.field(i, ftys[i], fp.name), ftys[i], fp.pat))
            return out
        return []

    def variant_by_name(self, adt: T.AdtDef, pat: Any) -> int:
        if adt.is_struct:
            return 0
        name = pat.path.name if hasattr(pat, "path") else pat.name
        for i, v in enumerate(adt.variants):
            if v.name == name:
                return i
        raise unsupported(pat.span, f"the pattern `{name}`")

    def test_slice(self, place: ir.Place, ty: T.Ty, pat: ast.SlicePat, fail: ir.BasicBlock) -> list[Item]:
        """`[a, b, rest @ .., z]`: check the length (slices), then ConstantIndex / Subslice."""
        elem = ty.elem if isinstance(ty, (T.Array, T.Slice)) else None
        rest_at = next((i for i, p in enumerate(pat.elems) if is_rest(p)), None)
        prefix = pat.elems if rest_at is None else pat.elems[:rest_at]
        suffix = [] if rest_at is None else pat.elems[rest_at + 1:]
        min_len = len(prefix) + len(suffix)
        if isinstance(ty, T.Slice):
            length = self.new_local(T.USIZE, pat.span)
            self.assign(pat.span, ir.Place(length), ir.Len(place))
            op = "Eq" if rest_at is None else "Ge"
            self.test_bool(ir.BinaryOp(op, ir.Move(ir.Place(length)), ir.Constant(min_len, T.USIZE)), fail, pat.span)
        items: list[Item] = [(place.project(ir.ConstantIndex(i, min_len, False)), elem, p) for i, p in enumerate(prefix)]
        items += [(place.project(ir.ConstantIndex(len(suffix) - j, min_len, True)), elem, p) for j, p in enumerate(suffix)]
        if rest_at is not None and isinstance(pat.elems[rest_at], ast.IdentPat):
            if isinstance(ty, T.Array):
                sub_ty: T.Ty = T.Array(elem, ty.length - min_len)
                proj = ir.Subslice(len(prefix), ty.length - len(suffix), False)
            else:
                sub_ty, proj = T.Slice(elem), ir.Subslice(len(prefix), len(suffix), True)
            items.append((place.project(proj), sub_ty, pat.elems[rest_at]))  # `rest @ ..`
        return items


def is_path_pat(p: ast.IdentPat) -> bool:
    """An identifier pattern that names a unit struct, unit variant or const (`None`, `MAX`)
    rather than introducing a binding."""
    return isinstance(p.res, (R.CtorRes, R.ConstRes))


def is_rest(p: ast.Pat) -> bool:
    return isinstance(p, ast.RestPat) or (isinstance(p, ast.IdentPat) and isinstance(p.sub, ast.RestPat))


def positional(elems: list[ast.Pat], n: int) -> list[tuple[int, ast.Pat]]:
    """(field index, pattern) for tuple-like patterns with an optional `..`."""
    out = []
    rest = next((i for i, p in enumerate(elems) if isinstance(p, ast.RestPat)), None)
    for i, p in enumerate(elems):
        if rest is None or i < rest:
            out.append((i, p))
        elif i > rest:
            out.append((n - (len(elems) - i), p))
    return out


def switch_value(value: Any) -> int:
    if isinstance(value, str):
        return ord(value)
    return int(value)


def all_idents(pat: Any) -> list[ast.IdentPat]:
    """Every binding IdentPat of a pattern, in all or-pattern alternatives."""
    out: list[ast.IdentPat] = []

    def walk(p: Any) -> None:
        if isinstance(p, ast.IdentPat) and not is_path_pat(p):
            out.append(p)
        for c in ast.children(p):
            walk(c)

    walk(pat)
    return out
