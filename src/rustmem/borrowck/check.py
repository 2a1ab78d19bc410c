"""The borrow check of one body: every access, checked against initialisation, mutability
and the loans in scope — rustc's `MirBorrowckCtxt`.

`check_body` runs the analyses (move paths, maybe-(un)initialised, ever-initialised,
liveness, region inference, loans in scope), then visits each location once in order with
their states, classifies what the location does to each place (read, move, borrow, assign,
storage death, drop) and reports the first problem per access.  Diagnostics are built in
errors.py from the facts gathered here; `later_use.py` says why a loan is still live.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import Diagnostic
from ..mir import ir
from ..types import ty as T
from . import errors, regions
from .conflicts import places_conflict
from .dataflow import Location, bits, solve, state_table
from .init import EverInit, MaybeInit, MaybeUninit
from .check_moves import MoveChecks, _is_prefix
from .later_use import closure_head, closure_use_span, explain, narrow_to_name
from .liveness import compute as compute_liveness
from .loans import BorrowsInScope, Loan, LoanSet
from .move_paths import MoveData, rvalue_operands
from .places import BodyInfo


class BodyCheck(MoveChecks):
    def __init__(self, info: BodyInfo, polonius: bool = False) -> None:
        self.info = info
        self.diags: list[Diagnostic] = []
        self._subtrees: dict[int, int] = {}
        self.rcx = regions.build(info)
        self.md = MoveData(info)
        self.inits = state_table(solve(MaybeInit(self.md), info.points))
        self.uninits = state_table(solve(MaybeUninit(self.md), info.points))
        self.ever = state_table(solve(EverInit(self.md), info.points))
        self.use_live, self.drop_live = compute_liveness(info, self._maybe_init_local)
        regions.add_liveness(self.rcx, self.use_live, self.drop_live)
        self.rcx.solve()
        self.loans = LoanSet(info, self.rcx)
        if polonius:
            from .polonius import PoloniusScopes
            self.scopes: Any = PoloniusScopes(self)
        else:
            self.scopes = BorrowsInScope(info, self.rcx, self.loans)
        self.in_scope = self.scopes.in_scope_table()
        self._active: dict[int, int] = {}
        self.reported_moves: dict[tuple[int, ...], tuple[ir.Place, Diagnostic]] = {}
        self.reported_uninit: set[int] = set()
        self.reported_access: set[tuple[Optional[str], Any]] = set()
        self.reported_loans: set[int] = set()
        self.reported_mutability: set[tuple[Optional[str], Any]] = set()
        self.replaced_with_error: set[int] = set()  # blocks whose first assignment already has an E0506
        self.immutable_locals: dict[int, list[Any]] = {}  # local -> spans of its E0596s

    def _maybe_init_local(self, local: int, loc: Location) -> bool:
        return bool(self.inits.get(loc, 0) & self._subtree(local))

    def _subtree(self, path: int) -> int:
        mask = self._subtrees.get(path)
        if mask is None:
            mask = 0
            for p in self.md.descendants(path):
                mask |= 1 << p
            self._subtrees[path] = mask
        return mask

    # ---------------------------------------------------------------- the walk

    def run(self) -> list[Diagnostic]:
        for m in self.md.illegal:
            self._illegal_move(m)
        pts = self.info.points
        for b in pts.reverse_postorder():
            data = self.info.body.blocks[b]
            for i, stmt in enumerate(data.statements):
                self._statement(stmt, (b, i))
            if data.terminator is not None:
                self._terminator(data.terminator, (b, len(data.statements)))
        for longer, shorter in self.rcx.universal_errors():
            self._universal_error(longer, shorter)
        self._escaping_environment()
        self._merge_immutable_borrows()
        return self.diags

    def _merge_immutable_borrows(self) -> None:
        """Several `&mut` of one immutable variable: rustc reports them once, at the binding."""
        for local, found in self.immutable_locals.items():
            if len(found) < 2:
                continue
            decl = self.info.body.locals[local]
            for _, d in found:
                self.diags.remove(d)
            merged = Diagnostic.error(found[0][1].message, found[0][1].code).with_primary(decl.span, "not mutable")
            for span, _ in found:
                merged.with_label(span, "cannot borrow as mutable")
            self._emit(merged.with_help("consider changing this to be mutable"))

    def _escaping_environment(self) -> None:
        """An `FnMut` closure returning a reference into what it captured."""
        rcx = self.rcx
        if rcx.env_region is None:
            return
        returned = {rcx.vid(r) for r in rcx.ty_regions(self.info.local_tys[0]) if r != T.ERASED}
        path = rcx.path(rcx.env_region, lambda r: r in returned) if returned else None
        if path:
            blame = rcx.best_blame(path)
            self._emit(errors.escaping_fnmut(blame.span if blame is not None else self.info.body.span))

    def loans_at(self, loc: Location) -> int:
        return self.in_scope.get(loc, 0)

    def _statement(self, stmt: ir.Statement, loc: Location) -> None:
        if isinstance(stmt, ir.Assign):
            self._rvalue(stmt, loc)
            self._mutate(stmt.place, loc, stmt.span)
        elif isinstance(stmt, ir.FakeRead):
            self._init_check(stmt.place, loc, stmt.span, "use")
        elif isinstance(stmt, ir.StorageDead):
            self._access(ir.Place(stmt.local), loc, stmt.span, "shallow", "storage-dead")

    def _terminator(self, term: ir.Terminator, loc: Location) -> None:
        self._activations(loc, term.span)
        if isinstance(term, ir.Call):
            self._operand(term.func, loc, term.span)
            for a in term.args:
                self._operand(a, loc, term.span)
            self._mutate(term.destination, loc, term.span)
        elif isinstance(term, ir.SwitchInt):
            self._operand(term.discr, loc, term.span)
        elif isinstance(term, ir.Assert):
            self._operand(term.cond, loc, term.span)
        elif isinstance(term, ir.Drop):
            if self._is_replace(term):
                # drop-and-replace: one deep write, so a borrow through the old value conflicts (E0506)
                before = len(self.diags)
                self._access(term.place, loc, term.span, "drop", "assign")
                if len(self.diags) > before:
                    self.replaced_with_error.add(term.target)  # rustc reports no E0384 on top
                return
            if self.inits.get(loc, 0) & self._subtree(self.md.lookup(term.place)[0]):
                self._access(term.place, loc, term.span, "drop", "drop")
        elif isinstance(term, ir.Return):
            self._at_exit(loc, term.span)

    def _is_replace(self, term: ir.Drop) -> bool:
        """`x = v` on an initialised `x` that needs drop is built as `drop(x)` then the
        assignment, which rustc's borrowck sees as one write."""
        for stmt in self.info.body.blocks[term.target].statements:
            if isinstance(stmt, (ir.StorageLive, ir.StorageDead, ir.Nop)):
                continue
            return isinstance(stmt, ir.Assign) and stmt.place == term.place
        return False

    def _rvalue(self, stmt: ir.Assign, loc: Location) -> None:
        rv, span = stmt.rvalue, stmt.span
        self._activations(loc, span)
        if isinstance(rv, ir.Ref):
            loan_idx = self.loans.at.get(loc)
            loan = self.loans.loans[loan_idx] if loan_idx is not None else None
            kind = loan.kind if loan is not None else rv.kind
            if kind in ("shared", "shallow", "fake"):
                self._init_check(rv.place, loc, span, "borrow")
                self._access(rv.place, loc, span, "shallow" if kind != "shared" else "deep", "shared", loan)
            else:
                self._init_check(rv.place, loc, span, "borrow")
                if kind != "unique":
                    self._mutability(rv.place, loc, span, "borrow")
                access = "reserve" if kind == "two-phase" else ("unique" if kind == "unique" else "mut")
                self._access(loan.place if loan else rv.place, loc, span, "deep", access, loan)
        elif isinstance(rv, ir.AddressOf):
            self._init_check(rv.place, loc, span, "borrow")
        elif isinstance(rv, (ir.Len, ir.Discriminant)):
            self._init_check(rv.place, loc, span, "use")
            self._access(rv.place, loc, span, "shallow", "use")
        else:
            for op in rvalue_operands(rv):
                self._operand(op, loc, span)

    def _operand(self, op: Any, loc: Location, span: Any) -> None:
        if isinstance(op, ir.Constant):
            return
        place = op.place
        move = isinstance(op, ir.Move) and not self.info.is_copy(self.info.place_ty(place))
        self._init_check(place, loc, span, "use")
        self._access(place, loc, span, "deep", "move" if move else "use")

    def _mutate(self, place: ir.Place, loc: Location, span: Any) -> None:
        """An assignment to place: E0384 / E0594 and conflicts with loans (E0506)."""
        decl = self.info.body.locals[place.local]
        if place.is_local:
            if not decl.mutable and decl.name and not decl.internal:
                if loc[0] in self.replaced_with_error:
                    return
                if (self.info.describe(place), span) in self.reported_access:
                    # `x += 1` whose read of `x` was already reported (E0503): rustc reports
                    # nothing more for the same place and span
                    return
                ever = self.ever.get(loc, 0) & self.scopes_ever_mask(place.local)
                if ever:
                    first = next(bits(ever))
                    init = self.md.inits[first]
                    is_arg = init.kind == "arg"
                    same_line = init.span is not None and init.span.line == decl.span.line
                    first_span = decl.span if is_arg or same_line else init.span
                    self._emit(errors.assign_twice(decl.name, span, first_span if not is_arg else None, is_arg))
                    return
        else:
            self._assign_to_moved_part(place, loc, span)
            if self.info.needs_drop(self.info.place_ty(place)):
                span_m = self._assign_lhs_span(span, self.info.describe(place))  # drop-and-replace
            else:
                span_m = span
            self._mutability(place, loc, span_m, "assign")
        self._access(place, loc, span, "shallow", "assign")

    def scopes_ever_mask(self, local: int) -> int:
        mask = 0
        for i, init in enumerate(self.md.inits):
            if self.md.paths[init.path].place.local == local:
                mask |= 1 << i
        return mask

    # ---------------------------------------------------------------- mutability

    def _mutability(self, place: ir.Place, loc: Location, span: Any, action: str) -> None:
        info = self.info
        for n in range(len(place.projection) - 1, -1, -1):
            if not isinstance(place.projection[n], ir.Deref):
                continue
            base = ir.Place(place.local, place.projection[:n])
            bty = info.place_ty(base)
            if isinstance(bty, T.Ref):
                if bty.mutable:
                    return
                self._not_mutable(place, span, action, self._ref_blame(base), info.describe(base))
                return
            if isinstance(bty, T.RawPtr):
                if not bty.mutable:
                    self._not_mutable(place, span, action, "ptr", info.describe(base))
                return
        decl = info.body.locals[place.local]
        if decl.mutable or not decl.name or decl.internal:
            return
        if decl.is_ref_binding:
            return
        self._not_mutable(place, span, action, "local", decl.name)

    def _ref_blame(self, base: ir.Place) -> str:
        info = self.info
        if info.body.is_closure and base.local == 1 and not base.projection:
            return "upvar"
        origin = self.md.temp_origin.get(base.local) if base.is_local else None
        if origin is not None and getattr(getattr(origin.func, "value", None), "name", "") == "index":
            return "index"
        return "ref"

    def _not_mutable(self, place: ir.Place, span: Any, action: str, blame: str, blame_name: Optional[str]) -> None:
        name = self.info.describe(place)
        key = (name, span)
        if key in self.reported_mutability:
            return
        self.reported_mutability.add(key)
        closure_kind = getattr(self.info.body.fn_def, "kind", "Fn") if blame == "upvar" else ""
        if name and span.text.startswith(name) and len(span.text) > len(name) and \
                not (span.text[len(name)].isalnum() or span.text[len(name)] in "_.[") and action == "borrow":
            span = type(span)(span.file, span.lo, span.lo + len(name.encode()))  # `total` of `total += x`
        if blame == "index":
            origin = self.md.temp_origin.get(place.local)
            blame_name = self.info.ty_str(T.peel_refs(self.info.operand_ty(origin.args[0]))) if origin else "_"
        d = errors.not_mutable(action, name, span, blame, blame_name, closure_kind)
        self._emit(d)
        if blame == "local" and action == "borrow":
            self.immutable_locals.setdefault(place.local, []).append((span, d))

    # ---------------------------------------------------------------- loans

    def _activations(self, loc: Location, span: Any) -> None:
        for loan in self.loans.loans:
            if loc in loan.activations and self.loans_at(loc) >> loan.index & 1:
                self._access(loan.place, loc, loan.span, "deep", "mut", loan, activation=True)

    def _is_active(self, loan: Loan, loc: Location) -> bool:
        """A two-phase borrow is active from its first use on."""
        if loan.kind != "two-phase":
            return True
        active = self._active.get(loan.index)
        if active is None:
            pts = self.info.points
            active = 0
            todo = list(loan.activations)
            seen: set[Location] = set()
            while todo:
                cur = todo.pop()
                if cur in seen or cur == loan.loc:
                    continue
                seen.add(cur)
                active |= 1 << pts.index(cur)
                todo.extend(pts.successors(cur))
            self._active[loan.index] = active
        return bool(active >> self.info.points.index(loc) & 1)

    def _access(self, place: ir.Place, loc: Location, span: Any, depth: str, kind: str,
                own: Optional[Loan] = None, activation: bool = False) -> None:
        """kind: "use", "move", "shared", "mut", "unique" (borrows), "assign", "storage-dead", "drop"."""
        in_scope = self.loans_at(loc)
        if not in_scope:
            return
        write = kind not in ("use", "shared", "reserve")
        for i in bits(in_scope):
            loan = self.loans.loans[i]
            if activation and own is not None and loan.index == own.index:
                continue  # a loan activated is in scope itself; one taken again in a loop is not
            if kind == "reserve" and not loan.mutable:
                continue  # a two-phase borrow's reservation only reads, until it is used
            if not write and kind != "reserve" and (not loan.mutable or not self._is_active(loan, loc)):
                continue
            if not places_conflict(self.info, loan.place, place, depth):
                continue
            self._report_conflict(loan, place, loc, span, kind, own, activation)
            return

    def _report_conflict(self, loan: Loan, place: ir.Place, loc: Location, span: Any, kind: str,
                         own: Optional[Loan], activation: bool) -> None:
        info = self.info
        name = info.describe(place)
        key = (name, span)
        if key in self.reported_access:
            return
        self.reported_access.add(key)
        e = explain(self, loan, loc)
        if kind in ("storage-dead", "drop"):
            self._dead_while_borrowed(loan, place, loc, span, kind, e)
            return
        loan_name = info.describe(loan.place)
        loan_span = closure_head(loan.closure[1]) if loan.closure else loan.span
        loan_use = closure_use_span(self, loan) if loan.closure else None
        access = {"use": "use", "move": "move", "assign": "assign", "shared": "shared", "mut": "mut",
                  "unique": "unique", "reserve": "mut"}[kind]
        acc_span, acc_use = span, None
        if own is not None and own.closure is not None:
            acc_span = closure_head(own.closure[1])
            acc_use = closure_use_span(self, own)
        if kind == "assign" and info.needs_drop(info.place_ty(place)):
            acc_span = self._assign_lhs_span(span, name)  # a drop-and-replace points at the place
        elif kind in ("use", "shared", "mut") and own is None or (own is not None and own.closure is None):
            acc_span = narrow_to_name(acc_span, info.describe(place), anywhere=kind == "use")
        if loan.closure is None:
            loan_span = narrow_to_name(loan_span, loan_name)
        if own is not None and own.kind == "two-phase" and own.activations and activation:
            call = info.points.element(own.activations[0])
            if isinstance(call, ir.Call):
                acc_span = call.span
        decl = info.body.locals[place.local]
        decl_info = (decl.span, decl.name) if kind == "move" and decl.name and not decl.internal else None
        d = errors.conflict(access, name, acc_span, loan.kind, loan_name, loan_span, e, acc_use, loan_use,
                            decl_info, same_site=loan.loc == loc)
        self._emit(d)

    @staticmethod
    def _assign_lhs_span(span: Any, name: Optional[str]) -> Any:
        text = span.text
        if name and text.startswith(name) and "=" in text:
            return type(span)(span.file, span.lo, span.lo + len(name.encode()))
        return span

    def _dead_while_borrowed(self, loan: Loan, place: ir.Place, loc: Location, span: Any, kind: str,
                             e: errors.Explanation) -> None:
        info = self.info
        local = loan.place.local
        decl = info.body.locals[local]
        if loan.index in self.reported_loans:
            return
        self.reported_loans.add(loan.index)
        if kind == "drop" and not _is_prefix(loan.place, place):
            dtor_ty = self._dtor_on_path(loan.place)
            if dtor_ty is not None:
                self._emit(errors.borrow_in_destructor(loan.span, span, info.describe(place) or "value",
                                                       info.describe(loan.place), dtor_ty, e))
                return
        if loan.closure is not None and e.kind == "must-be-valid":
            name = info.describe(loan.place) or "value"
            self._emit(errors.closure_may_outlive(name.lstrip("*"), closure_head(loan.closure[1]),
                                                  closure_use_span(self, loan), e.span))
            return
        if e.kind == "must-be-valid" and e.category == "return":
            self._emit(self._cannot_return(loan, e))
            return
        drop_span = span.shrink_to_hi() if span.hi > span.lo else span
        drop_span = type(span)(span.file, max(span.hi - 1, span.lo), span.hi)
        if decl.name and not decl.internal:
            self._emit(errors.does_not_live_long_enough(decl.name, loan.span, drop_span, decl.span, e,
                                                        self._storing_collection(loan, span)))
        else:
            self._emit(errors.temporary_dropped(loan.span, drop_span, e))

    def _storing_collection(self, loan: Loan, drop_span: Any) -> Optional[tuple[str, Any]]:
        """A Vec of references, declared before the loop the borrowed value dies in, that a
        call stored the borrow into (`lines.push(&line)`)."""
        info = self.info
        if loan.temp is None:
            return None
        for b in info.points.blocks():
            call = info.body.blocks[b].terminator
            if not isinstance(call, ir.Call) or len(call.args) < 2:
                continue
            if not any(isinstance(a, (ir.Move, ir.Copy)) and a.place.local == loan.temp for a in call.args[1:]):
                continue
            recv = call.args[0]
            origin = self.loans.loans[self.loans.at[self._def_loc(recv.place.local)]] \
                if isinstance(recv, (ir.Move, ir.Copy)) and self._def_loc(recv.place.local) in self.loans.at else None
            if origin is None or not origin.place.is_local:
                continue
            vec = origin.place.local
            ty = info.local_tys[vec]
            decl = info.body.locals[vec]
            if isinstance(ty, T.Adt) and ty.adt.lang == "Vec" and ty.args and isinstance(ty.args[0], T.Ref) \
                    and decl.name and decl.span.lo < drop_span.lo and self._loop_head(call.span) is not None \
                    and self._loop_head(decl.span) is None:
                return decl.name, decl.span
        return None

    def _def_loc(self, local: int) -> Optional[Location]:
        for loc, idx in self.loans.at.items():
            if self.loans.loans[idx].temp == local:
                return loc
        return None

    def _cannot_return(self, loan: Loan, e: errors.Explanation) -> Diagnostic:
        info = self.info
        name = info.describe(loan.place)
        decl = info.body.locals[loan.place.local]
        if name and decl.name and not decl.internal:
            if loan.place.is_local:
                kind = "function parameter " if loan.place.local in info.body.args() else "local variable "
            else:
                kind = "local data "
            desc, note = f"{kind}`{name}`", f"`{name}` is borrowed here"
        else:
            desc, note = "temporary value", "temporary value created here"
        return errors.cannot_return_reference(desc, note, e.span, loan.span)

    def _dtor_on_path(self, place: ir.Place) -> Optional[str]:
        info = self.info
        for n, elem in enumerate(place.projection):
            if isinstance(elem, ir.FieldProj):
                base_ty = info.place_ty(ir.Place(place.local, place.projection[:n]))
                if isinstance(base_ty, T.Adt) and base_ty.adt.lang is None and info.has_dtor(base_ty.adt):
                    regs = "<'_>" if base_ty.adt.lifetimes else ""
                    return base_ty.adt.name + regs
        return None

    def _at_exit(self, loc: Location, span: Any) -> None:
        """Locals die when the function returns: a loan of one still in scope escapes."""
        in_scope = self.loans_at(loc)
        for i in bits(in_scope):
            loan = self.loans.loans[i]
            if loan.place.local == ir.RETURN_PLACE or loan.index in self.reported_loans:
                continue
            if places_conflict(self.info, loan.place, ir.Place(loan.place.local), "shallow"):
                e = explain(self, loan, loc)
                self._dead_while_borrowed(loan, ir.Place(loan.place.local), loc, span, "storage-dead", e)

    # ---------------------------------------------------------------- signatures

    def _universal_error(self, longer: int, shorter: int) -> None:
        from .later_use import universal_error
        d = universal_error(self, longer, shorter)
        if d is not None:
            self._emit(d)

    def _emit(self, d: Diagnostic) -> None:
        self.diags.append(d)

