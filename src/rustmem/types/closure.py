"""Closures: their signature (from the expected `Fn` bound or from use), their captures and kind.

The signature is deduced as rustc does: from an expected `fn` pointer type, or from a
pending `?F: Fn<(A,)>` obligation / `<?F as FnOnce>::Output` projection on the closure's
type variable.  Captures are inferred by use once the body's types are known (after
writeback): a variable only read is captured by shared reference, one mutated (assigned,
`&mut`-borrowed, called with `&mut self`) by unique reference, one moved (used by value
and not Copy) by value; `move` closures capture everything by value.  The closure kind is
FnOnce if the body moves a captured value out, FnMut if it mutates one, else Fn.
"""
from __future__ import annotations

from typing import Any, Optional

from ..syntax import ast
from .results import Borrow, Deref, LocalRes, MethodRes
from .ty import ClosureDef, ClosureTy, FnSig, Infer, FnPtr, Param, Ty, Tuple

RANK = {"ref": 0, "refmut": 1, "move": 2}
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

def analyze_captures(fcx: Any, closure: ast.Closure) -> None:
    """Fill the ClosureDef's captures and kind from how its body uses outer variables."""
    cdef: ClosureDef = fcx.results.closures[closure]
    inner: set[int] = set()
    for p in closure.params:
        _collect_bindings(p.pat, inner)
    _collect_bindings(closure.body, inner)
    uses: dict[int, list[Any]] = {}  # binding id -> [binding, name, mode]
    order: list[int] = []
    kind_rank = 0

    def use(binding: Any, name: str, mode: str, moves: bool) -> None:
        nonlocal kind_rank
        if id(binding) in inner:
            return
        if id(binding) not in uses:
            uses[id(binding)] = [binding, name, mode]
            order.append(id(binding))
        elif RANK[mode] > RANK[uses[id(binding)][2]]:
            uses[id(binding)][2] = mode
        if mode == "refmut":
            kind_rank = max(kind_rank, 1)
        if mode == "move" and moves:
            kind_rank = 2

    CaptureWalker(fcx, use).walk(closure.body, "move")
    captures = []
    for key in order:
        binding, name, mode = uses[key]
        ty = fcx.local_tys.get(binding)
        ty = fcx.infcx.resolve(ty) if ty is not None else None
        copy = ty is not None and fcx.tcx.is_copy(ty) if ty is not None else False
        if closure.is_move:
            mode = "copy" if copy else "move"
        elif mode == "move" and copy:
            mode = "ref"
        captures.append((name, binding, mode, ty))
    cdef.captures = captures
    if cdef not in fcx.closure_kind_fixed:
        cdef.kind = ("Fn", "FnMut", "FnOnce")[kind_rank]
    closure.captures = [(c[0], c[2]) for c in captures]


def _collect_bindings(node: Any, out: set[int]) -> None:
    if isinstance(node, ast.IdentPat):
        out.add(id(node))
    for c in ast.children(node):
        _collect_bindings(c, out)


class CaptureWalker:
    """Walks a closure body deciding, for each use of a local, whether it reads, mutates or moves it."""

    def __init__(self, fcx: Any, use: Any) -> None:
        self.fcx = fcx
        self.use = use

    def is_copy(self, ty: Any) -> bool:
        return ty is None or self.fcx.tcx.is_copy(ty)

    def walk(self, e: Any, mode: str) -> None:
        """mode: how the value of e is used: "move" (by value), "ref" or "refmut" (as a place)."""
        if e is None:
            return
        if isinstance(e, ast.PathExpr):
            if isinstance(e.res, LocalRes):
                adjs = self.fcx.results.adjustments.get(e) or []
                m = self.adjusted_mode(e, mode, adjs)
                self.use(e.res.binding, e.res.name, m, m == "move")
            return
        if isinstance(e, ast.Paren):
            self.walk(e.inner, mode)
        elif isinstance(e, ast.Field):
            base_mode = mode
            if mode == "move" and self.is_copy(e.ty):
                base_mode = "ref"
            self.walk_place(e.operand, base_mode)
        elif isinstance(e, ast.Index):
            m = "refmut" if mode == "refmut" else "ref"
            if mode == "move" and not self.is_copy(e.ty):
                m = "move"
            self.walk_place(e.operand, m)
            self.walk(e.index, "move")
        elif isinstance(e, ast.Unary) and e.op == "*":
            self.walk_place(e.operand, "refmut" if mode == "refmut" else "ref", through_deref=True)
        elif isinstance(e, ast.Borrow):
            self.walk(e.operand, "refmut" if e.mutable else "ref")
        elif isinstance(e, (ast.Assign, ast.CompoundAssign)):
            self.walk(e.lhs, "refmut")
            self.walk(e.rhs, "move")
        elif isinstance(e, ast.MethodCall):
            self.walk(e.receiver, self.receiver_mode(e.receiver))
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
            self.walk(e.scrutinee, self.pattern_mode([a.pat for a in e.arms], e.scrutinee))
            for a in e.arms:
                self.walk(a.guard, "move")
                self.walk(a.body, "move")
        elif isinstance(e, ast.Let):
            self.walk(e.scrutinee, self.pattern_mode([e.pat], e.scrutinee))
        elif isinstance(e, ast.Block):
            for s in e.stmts:
                if isinstance(s, ast.LetStmt):
                    if s.init is not None:
                        self.walk(s.init, self.pattern_mode([s.pat], s.init))
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
            for name, binding, cmode, _ in (cdef.captures if cdef else []):
                m = {"ref": "ref", "refmut": "refmut", "move": "move", "copy": "ref"}[cmode]
                self.use(binding, name, m, cmode == "move")
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

    def walk_place(self, e: Any, mode: str, through_deref: bool = False) -> None:
        """e is the base of a place projection; moving out through a reference is only a read."""
        if mode == "move" and through_deref:
            mode = "ref"
        adjs = self.fcx.results.adjustments.get(e) or []
        if mode == "move" and any(isinstance(a, Deref) for a in adjs):
            mode = "ref"
        self.walk(e, mode)

    def adjusted_mode(self, e: Any, mode: str, adjs: list[Any]) -> str:
        """How a variable is used once its adjustments apply: an autoref or reborrow decides
        (`&mut *r` mutates through r: unique access), a deref alone only reads."""
        borrows = [a for a in adjs if isinstance(a, Borrow)]
        if borrows:
            return "refmut" if borrows[-1].mutable or mode == "refmut" else "ref"
        if any(isinstance(a, Deref) for a in adjs):
            return "refmut" if mode == "refmut" or any(a.mutable for a in adjs if isinstance(a, Deref)) else "ref"
        if mode == "move" and self.is_copy(e.ty):
            return "ref"
        return mode

    def receiver_mode(self, recv: Any) -> str:
        adjs = self.fcx.results.adjustments.get(recv) or []
        for a in reversed(adjs):
            if isinstance(a, Borrow):
                return "refmut" if a.mutable else "ref"
        if adjs:
            return "ref"
        return "move"

    def callee_mode(self, e: ast.Call) -> str:
        res = e.res
        fn = res.fn if isinstance(res, MethodRes) else None
        if fn is not None and fn.trait is not None:
            return {"Fn": "ref", "FnMut": "refmut", "FnOnce": "move"}.get(fn.trait.lang or "", "ref")
        return "ref"

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


def _ident_pats(p: Any) -> list[Any]:
    out = []
    if isinstance(p, ast.IdentPat):
        out.append(p)
    for c in ast.children(p):
        if isinstance(c, (ast.Pat, ast.FieldPat)):
            out.extend(_ident_pats(c.pat if isinstance(c, ast.FieldPat) else c))
    return out
