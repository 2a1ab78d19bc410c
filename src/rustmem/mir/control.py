"""Blocks, statements, `let`, and the control-flow expressions: if, loops, break/continue/return, `?`.

Loops are rustc's: a loop head ending in `FalseUnwind` (so borrowck sees that any iteration
may unwind), the body, a jump back; `while` is `loop { if c { body } else { break } }`,
`while let` a match inside a loop, and `for` the desugaring
`match IntoIterator::into_iter(e) { mut iter => loop { match Iterator::next(&mut iter) {
None => break, Some(pat) => body } } }`.
"""
from __future__ import annotations

from typing import Any, Callable

from ..diagnostics import unsupported
from ..source import Span
from ..syntax import ast
from ..types import results as R
from ..types import ty as T
from . import ir
from .expr import unparen
from .matches import is_path_pat
from .scope import BreakableScope

UNIT_RVALUE = ir.Use(ir.Constant((), T.UNIT))
ISIZE = T.Int("isize")


def extended_temporaries(e: ast.Expr, out: set[int]) -> None:
    """Record (by id) the expressions whose temporary `let` extends to the enclosing block:
    the operand of an extending `&`, through tuples, arrays, struct literals, casts and block
    tails (the Rust Reference's "extending expressions")."""
    e = unparen(e)
    if isinstance(e, ast.Borrow):
        base = unparen(e.operand)
        while isinstance(base, (ast.Field, ast.Index)):  # `&temp().field` extends `temp()`
            out.add(id(base))
            base = unparen(base.operand)
        out.add(id(base))
        extended_temporaries(e.operand, out)
    elif isinstance(e, (ast.Tuple, ast.Array)):
        for x in e.elems:
            extended_temporaries(x, out)
    elif isinstance(e, ast.StructLit):
        for f in e.fields:
            extended_temporaries(f.value, out)
    elif isinstance(e, ast.Cast):
        extended_temporaries(e.operand, out)
    elif isinstance(e, ast.Block) and e.tail is not None:
        extended_temporaries(e.tail, out)


def variant_index(adt: T.AdtDef, name: str) -> int:
    for i, v in enumerate(adt.variants):
        if v.name == name:
            return i
    raise KeyError(name)


class ControlMixin:
    """The statement and control-flow half of `Builder`."""

    # ---------------------------------------------------------------- blocks and statements

    def into_Block(self, dest: ir.Place, e: ast.Block) -> None:
        exit_bb = None
        if e.label is not None:
            exit_bb = self.new_block()
            self.breakables.append(BreakableScope(e.label, len(self.scopes), exit_bb, dest))
        with self.in_scope(e.span) as block_scope:
            for stmt in e.stmts:
                self.lower_stmt(stmt, block_scope)
            if e.tail is not None:
                self.into(dest, e.tail)  # its temporaries belong to the enclosing statement
            elif not isinstance(e.ty, T.Never):
                self.assign(e.span.shrink_to_hi(), dest, UNIT_RVALUE)
        if exit_bb is not None:
            self.breakables.pop()
            self.goto(exit_bb, e.span)
            self.cur = exit_bb

    def lower_stmt(self, stmt: ast.Stmt, block_scope: int) -> None:
        if isinstance(stmt, ast.LetStmt):
            self.lower_let(stmt, block_scope)
            return
        if not isinstance(stmt, ast.ExprStmt):
            return  # items are bodies of their own; empty statements do nothing
        with self.in_scope(stmt.span, temporaries=True):
            e = unparen(stmt.expr)
            if isinstance(e, ast.Assign) and not self.adjustments(e):
                self.lower_assign(e)
            elif isinstance(e, ast.CompoundAssign) and not self.adjustments(e):
                self.lower_compound_assign(e)
            else:
                local = self.new_temp(self.adjusted_ty(stmt.expr), stmt.span)
                self.into(ir.Place(local), stmt.expr)
                self.schedule_drop(local, stmt.span)

    def lower_let(self, s: ast.LetStmt, block_scope: int) -> None:
        pat = s.pat
        if s.init is None:
            for ident in pattern_bindings(pat):
                local = self.binding_local(ident, ident.ty, {})
                self.push(ir.StorageLive(s.span, local))
                self.schedule_storage(local, s.span, block_scope)
                self.schedule_drop(local, s.span, block_scope)
            return
        with self.in_scope(s.span, temporaries=True):
            saved = self.extended, self.extend_scope
            self.extended = set(saved[0])
            extended_temporaries(s.init, self.extended)
            self.extend_scope = block_scope
            if s.else_block is None and self.is_simple_binding(pat):
                local = self.binding_local(pat, pat.ty or self.adjusted_ty(s.init), {})
                self.push(ir.StorageLive(pat.span, local))
                self.schedule_storage(local, pat.span, block_scope)
                self.into(ir.Place(local), s.init)
                self.push(ir.FakeRead(s.span, "ForLet", ir.Place(local)))
                self.schedule_drop(local, pat.span, block_scope)
            else:
                place = self.as_place(s.init)
                self.push(ir.FakeRead(s.span, "ForLet", place))
                ty = self.adjusted_ty(s.init)
                if s.else_block is None:
                    self.bind_irrefutable(pat, place, ty, block_scope)
                else:
                    self.bind_let_else(pat, place, ty, block_scope, s.else_block)
            self.extended, self.extend_scope = saved

    def is_simple_binding(self, pat: ast.Pat) -> bool:
        return (isinstance(pat, ast.IdentPat) and pat.sub is None and not is_path_pat(pat)
                and self.binding_mode(pat) == "value" and not self.results.pat_adjustments.get(pat))

    # ---------------------------------------------------------------- if

    def into_If(self, dest: ir.Place, e: ast.If) -> None:
        cond = unparen(e.cond)
        if isinstance(cond, ast.Let):
            els = e.else_
            arms = [(cond.pat, None, lambda: self.branch_into(dest, e.then), e.then.span),
                    (ast.WildPat(cond.span), None,
                     (lambda: self.branch_into(dest, els)) if els is not None else (lambda: self.assign(e.span, dest, UNIT_RVALUE)),
                     els.span if els is not None else e.span)]
            self.lower_match(cond.scrutinee, arms, e.span)
            return
        flag = self.eval_condition(e.cond)
        then_bb, else_bb, join = self.new_block(), self.new_block(), self.new_block()
        self.terminate(ir.SwitchInt(e.cond.span, ir.Move(ir.Place(flag)), [0], [else_bb], then_bb))
        self.cur = then_bb
        self.branch_into(dest, e.then)
        self.goto(join, e.span)
        self.cur = else_bb
        if e.else_ is not None:
            self.branch_into(dest, e.else_)
        else:
            self.assign(e.span, dest, UNIT_RVALUE)
        self.goto(join, e.span)
        self.cur = join

    def eval_condition(self, cond: ast.Expr) -> ir.Local:
        """A condition in its own temporary scope, into a bool local that outlives it."""
        flag = self.new_temp(T.BOOL, cond.span)
        with self.in_scope(cond.span, temporaries=True):
            self.into(ir.Place(flag), cond)
        return flag

    def branch_into(self, dest: ir.Place, e: ast.Expr) -> None:
        with self.in_scope(e.span, temporaries=True):
            self.into(dest, e)

    # ---------------------------------------------------------------- loops

    def lower_loop(self, dest: ir.Place, label: Any, span: Span, body: Callable[[], None]) -> None:
        head = self.new_block()
        self.goto(head, span)
        self.cur = head
        body_bb = self.new_block()
        self.terminate(ir.FalseUnwind(span, body_bb, self.unwind_target()))
        exit_bb = self.new_block()
        depth = len(self.scopes)
        self.breakables.append(BreakableScope(label, depth, exit_bb, dest, head, depth))
        self.cur = body_bb
        body()
        self.goto(head, span)
        self.breakables.pop()
        self.cur = exit_bb

    def loop_body(self, block: ast.Block) -> None:
        with self.in_scope(block.span, temporaries=True):
            local = self.new_temp(T.UNIT, block.span)
            self.into(ir.Place(local), block)

    def break_innermost(self, span: Span) -> None:
        bs = self.breakables[-1]
        self.goto_exit(bs.break_block, bs.depth, span)

    def into_Loop(self, dest: ir.Place, e: ast.Loop) -> None:
        self.lower_loop(dest, e.label, e.span, lambda: self.loop_body(e.body))

    def into_While(self, dest: ir.Place, e: ast.While) -> None:
        cond = unparen(e.cond)

        def iteration() -> None:
            if isinstance(cond, ast.Let):
                # `loop { match scrutinee { pat => body, _ => break } }`
                arms = [(cond.pat, None, lambda: self.loop_body(e.body), e.body.span),
                        (ast.WildPat(cond.span), None, lambda: self.break_innermost(cond.span), cond.span)]
                self.lower_match(cond.scrutinee, arms, e.span)
                return
            flag = self.eval_condition(e.cond)
            body_bb, exit_bb = self.new_block(), self.new_block()
            self.terminate(ir.SwitchInt(e.cond.span, ir.Move(ir.Place(flag)), [0], [exit_bb], body_bb))
            self.cur = exit_bb
            self.break_innermost(e.cond.span)
            self.cur = body_bb
            self.loop_body(e.body)

        def body() -> None:
            # one scope per iteration: the condition's flag and the scrutinee's temporaries
            # die with each iteration
            with self.in_scope(e.span, temporaries=True):
                iteration()

        self.lower_loop(dest, e.label, e.span, body)
        self.assign(e.span, dest, UNIT_RVALUE)

    def into_For(self, dest: ir.Place, e: ast.For) -> None:
        res = e.res
        if not isinstance(res, R.ForRes):
            raise unsupported(e.span, "this `for` loop")
        # rustc lowers `for` inside `{ let result = match ..; result }`: the head's
        # temporaries die when the loop ends, even when the loop is a block's tail
        with self.in_scope(e.span, temporaries=True):
            it = self.new_local(res.iter_ty, e.iter.span, "iter", True, internal=True)
            self.push(ir.StorageLive(e.iter.span, it))
            self.schedule_storage(it, e.iter.span)
            arg = self.as_operand(e.iter)
            into_iter = res.into_iter
            self.emit_call(ir.Place(it), self.fn_operand(into_iter.fn, into_iter.args, e.iter.span), [arg], e.iter.span, res.iter_ty)
            self.schedule_drop(it, e.iter.span)
            self.lower_loop(dest, e.label, e.span, lambda: self.for_iteration(e, res, it))
        self.assign(e.span, dest, UNIT_RVALUE)

    def for_iteration(self, e: ast.For, res: R.ForRes, it: ir.Local) -> None:
        span = e.iter.span
        with self.in_scope(e.span, temporaries=True):
            option = self.tcx.lang_adt("Option")
            opt_ty = T.Adt(option, (res.item_ty,))
            nxt = self.new_temp(opt_ty, span)
            recv = self.new_temp(T.Ref(T.ERASED, True, res.iter_ty), span)
            self.assign(span, ir.Place(recv), ir.Ref(self.fresh_region(), "mut", ir.Place(it)))
            self.emit_call(ir.Place(nxt), self.fn_operand(res.next.fn, res.next.args, span), [ir.Move(ir.Place(recv))], span, opt_ty)
            none_i, some_i = variant_index(option, "None"), variant_index(option, "Some")
            discr = self.new_local(ISIZE, span)
            self.assign(span, ir.Place(discr), ir.Discriminant(ir.Place(nxt)))
            none_bb, some_bb, bad_bb = self.new_block(), self.new_block(), self.new_block()
            values = [option.variants[none_i].discriminant, option.variants[some_i].discriminant]
            self.terminate(ir.SwitchInt(span, ir.Move(ir.Place(discr)), values, [none_bb, some_bb], bad_bb))
            self.blocks[bad_bb].terminator = ir.Unreachable(span)
            self.cur = none_bb
            self.break_innermost(span)
            self.cur = some_bb
            with self.in_scope(e.pat.span) as pat_scope:
                item = ir.Place(nxt).project(ir.Downcast(some_i, "Some")).field(0, res.item_ty, "0")
                self.bind_irrefutable(e.pat, item, res.item_ty, pat_scope)
                self.loop_body(e.body)

    # ---------------------------------------------------------------- jumps

    def into_Break(self, dest: ir.Place, e: ast.Break) -> None:
        bs = self.find_breakable(e.label, e.span, loop_only=False)
        if e.value is not None:
            self.into(bs.break_dest, e.value)
        elif bs.break_dest is not None:
            self.assign(e.span, bs.break_dest, UNIT_RVALUE)
        self.goto_exit(bs.break_block, bs.depth, e.span)

    def into_Continue(self, dest: ir.Place, e: ast.Continue) -> None:
        bs = self.find_breakable(e.label, e.span, loop_only=True)
        self.goto_exit(bs.continue_block, bs.continue_depth, e.span)

    def into_Return(self, dest: ir.Place, e: ast.Return) -> None:
        if e.value is not None:
            self.into(ir.Place(ir.RETURN_PLACE), e.value)
        else:
            self.assign(e.span, ir.Place(ir.RETURN_PLACE), UNIT_RVALUE)
        self.goto_exit(self.return_block, 0, e.span)

    def into_Try(self, dest: ir.Place, e: ast.Try) -> None:
        """`x?`: continue with the Some/Ok payload, or return None / Err(From::from(err))."""
        ty = self.adjusted_ty(e.operand)
        if not isinstance(ty, T.Adt):
            raise unsupported(e.span, f"`?` on `{ty}`")
        is_option = ty.adt.variants[0].name == "None" or (isinstance(e.res, R.TryRes) and e.res.kind == "option")
        ok_name, err_name = ("Some", "None") if is_option else ("Ok", "Err")
        val = self.new_temp(ty, e.span)
        self.into(ir.Place(val), e.operand)
        self.schedule_drop(val, e.span)
        ok_i, err_i = variant_index(ty.adt, ok_name), variant_index(ty.adt, err_name)
        discr = self.new_local(ISIZE, e.span)
        self.assign(e.span, ir.Place(discr), ir.Discriminant(ir.Place(val)))
        ok_bb, err_bb = self.new_block(), self.new_block()
        self.terminate(ir.SwitchInt(e.span, ir.Move(ir.Place(discr)), [ty.adt.variants[ok_i].discriminant], [ok_bb], err_bb))
        self.cur = err_bb
        with self.in_scope(e.span):
            self.try_return_residual(e, ty, val, err_i, err_name, is_option)
        self.cur = ok_bb
        ok_ty = self.field_tys(ty, ok_i)[0]
        payload = ir.Place(val).project(ir.Downcast(ok_i, ok_name)).field(0, ok_ty, "0")
        self.assign(e.span, dest, ir.Use(self.consume(payload, ok_ty)))

    def try_return_residual(self, e: ast.Try, ty: T.Adt, val: ir.Local, err_i: int, err_name: str, is_option: bool) -> None:
        """The early return of `?`: `_0 = None` / `_0 = Err(From::from(e))`, then leave."""
        ret_ty = self.locals[ir.RETURN_PLACE].ty
        if not isinstance(ret_ty, T.Adt):
            raise unsupported(e.span, f"`?` in a function returning `{ret_ty}`")
        ret_err = variant_index(ret_ty.adt, err_name)
        ops: tuple = ()
        if not is_option:
            err_ty = self.field_tys(ty, err_i)[0]
            err = ir.Move(ir.Place(val).project(ir.Downcast(err_i, err_name)).field(0, err_ty, "0"))
            from_fn = e.res.from_fn if isinstance(e.res, R.TryRes) else None
            if from_fn is not None:
                out_ty = self.field_tys(ret_ty, ret_err)[0]
                conv = self.new_temp(out_ty, e.span)
                self.emit_call(ir.Place(conv), self.fn_operand(from_fn.fn, from_fn.args, e.span), [err], e.span, out_ty)
                err = ir.Move(ir.Place(conv))
            ops = (err,)
        kind = ir.AggregateKind("adt", ret_ty, ret_err, tuple(f.name for f in ret_ty.adt.variants[ret_err].fields))
        self.assign(e.span, ir.Place(ir.RETURN_PLACE), ir.Aggregate(kind, ops))
        self.goto_exit(self.return_block, 0, e.span)


def pattern_bindings(pat: Any) -> list[ast.IdentPat]:
    """The binding IdentPats of a pattern (first alternative of or-patterns), in order."""
    out: list[ast.IdentPat] = []

    def walk(p: Any) -> None:
        if isinstance(p, ast.IdentPat):
            if not is_path_pat(p):
                out.append(p)
            if p.sub is not None:
                walk(p.sub)
        elif isinstance(p, ast.OrPat):
            walk(p.alts[0])
        elif isinstance(p, ast.FieldPat):
            walk(p.pat)
        elif isinstance(p, ast.Pat):
            for c in ast.children(p):
                walk(c)

    walk(pat)
    return out
