"""The MIR builder: one `Builder` per function or closure body, as rustc_mir_build.

The builder keeps a *current block* (`cur`): statements are pushed onto it, and a terminator
ends it (the caller then moves `cur` to a successor).  After a diverging construct (`return`,
`break`, a call returning `!`) `cur` is a fresh block with no predecessor; `finish` removes such
unreachable blocks.

The builder is split like rustc's: this module holds the state, bodies, blocks and statements;
`scope.py` drop scopes and unwinding; `expr.py` expressions (place / operand / rvalue / into a
destination); `control.py` the control-flow expressions; `matches.py` patterns; `macros.py`
the format, vec and assert macros.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import unsupported
from ..source import Span
from ..syntax import ast
from ..types import results as R
from ..types import ty as T
from . import ir
from .calls import CallMixin
from .captures import resolve_captures
from .control import ControlMixin
from .expr import ExprMixin
from .macros import MacroMixin
from .matches import MatchMixin
from .ops import OpsMixin
from .matches import is_path_pat
from .scope import BreakableScope, Scope, ScopeMixin, end_span


class ProgramContext:
    """What all bodies of one program share: the type context and the bodies built so far."""

    def __init__(self, tcx: Any) -> None:
        self.tcx = tcx
        self.results = tcx.results
        self.program = ir.Program(bodies={}, tcx=tcx)
        self._copy_cache: dict[T.Ty, bool] = {}
        self._drop_cache: dict[T.Ty, bool] = {}
        self.statics: dict[int, ir.Promoted] = {}  # id(ast.Static) -> its one static allocation
        self.ctors: dict[tuple[int, int], T.FnDef] = {}  # (id(AdtDef), variant) -> constructor fn

    def is_copy(self, ty: T.Ty) -> bool:
        if isinstance(ty, (T.Int, T.Float, T.Bool, T.Char, T.RawPtr, T.FnDefTy, T.FnPtr, T.Never)):
            return True
        if isinstance(ty, T.Ref):
            return not ty.mutable
        r = self._copy_cache.get(ty)
        if r is None:
            r = self._copy_cache[ty] = bool(self.tcx.is_copy(ty))
        return r

    def needs_drop(self, ty: T.Ty) -> bool:
        if isinstance(ty, (T.Int, T.Float, T.Bool, T.Char, T.RawPtr, T.Ref, T.FnDefTy, T.FnPtr, T.Never, T.Str)):
            return False
        r = self._drop_cache.get(ty)
        if r is None:
            r = self._drop_cache[ty] = bool(self.tcx.needs_drop(ty))
        return r

    def add_body(self, body: ir.Body, key: Any, closure: bool) -> None:
        base, n = body.name, 1
        while body.name in self.program.bodies:  # e.g. `Foo::x` of `impl Foo<i32>` and `impl Foo<u8>`
            n += 1
            body.name = f"{base}#{n}"
        self.program.bodies[body.name] = body
        if closure:
            self.program.closures[key] = body
        elif key is not None:
            self.program.fn_bodies[key] = body


class Builder(ScopeMixin, ExprMixin, OpsMixin, CallMixin, ControlMixin, MatchMixin, MacroMixin):
    """Builds one `ir.Body`; see the module docstring for the current-block discipline."""

    def __init__(self, cx: ProgramContext, name: str, span: Span) -> None:
        self.cx = cx
        self.tcx = cx.tcx
        self.results = cx.results
        self.name = name
        self.body_span = span
        self.locals: list[ir.LocalDecl] = []
        self.blocks: list[ir.BasicBlockData] = []
        self.scopes: list[Scope] = []
        self.temp_scopes: list[int] = []
        self.breakables: list[BreakableScope] = []
        self.cleanup_cache: dict[tuple[int, int], int] = {}
        self.resume: Optional[int] = None
        self.var_locals: dict[Any, ir.Local] = {}  # binding node (IdentPat/SelfParam) -> local
        self.var_places: dict[Any, ir.Place] = {}  # captured variables, guard bindings
        self.extended: set[int] = set()  # id() of expressions whose temporary is lifetime-extended
        self.extend_scope = 0
        self.closure_count = 0
        self.method_receiver: Optional[ast.Expr] = None
        self.env_fn: Optional[T.FnDef] = None  # whose where-clauses are in scope
        self.cur = self.new_block()
        self.return_block = self.new_block()

    # ---------------------------------------------------------------- locals and blocks

    def new_local(self, ty: T.Ty, span: Span, name: Optional[str] = None, mutable: bool = True,
                  user: bool = False, ref_binding: bool = False, internal: bool = False) -> ir.Local:
        self.locals.append(ir.LocalDecl(ty, span, name, mutable, user, ref_binding, internal))
        return len(self.locals) - 1

    def new_temp(self, ty: T.Ty, span: Span) -> ir.Local:
        """A temporary that lives until the innermost scope ends (StorageLive now)."""
        local = self.new_local(ty, span)
        self.push(ir.StorageLive(span, local))
        self.schedule_storage(local, span)
        return local

    def new_block(self, cleanup: bool = False) -> ir.BasicBlock:
        self.blocks.append(ir.BasicBlockData(is_cleanup=cleanup))
        return len(self.blocks) - 1

    def push(self, stmt: ir.Statement) -> None:
        block = self.blocks[self.cur]
        assert block.terminator is None, "a statement after the block's terminator"
        block.statements.append(stmt)

    def assign(self, span: Span, place: ir.Place, rvalue: ir.Rvalue) -> None:
        self.push(ir.Assign(span, place, rvalue))

    def terminate(self, term: ir.Terminator) -> None:
        block = self.blocks[self.cur]
        if block.terminator is None:
            block.terminator = term

    def goto(self, target: ir.BasicBlock, span: Span) -> None:
        self.terminate(ir.Goto(span, target))

    def is_copy(self, ty: T.Ty) -> bool:
        if isinstance(ty, T.Param):
            return self.param_bound(ty, "Copy")
        return self.cx.is_copy(ty)

    def tcx_needs_drop(self, ty: T.Ty) -> bool:
        if isinstance(ty, T.Param):
            return not self.param_bound(ty, "Copy")
        return self.cx.needs_drop(ty)

    def param_bound(self, ty: T.Param, lang: str) -> bool:
        """Whether the where-clauses of the body's fn (a closure: its enclosing fn's) say
        `ty: <lang trait>` — a generic `T: Copy` is copied, not moved."""
        for bty, trait, _ in getattr(self.env_fn, "bounds", None) or ():
            if bty == ty and (trait.lang == lang or trait.name == lang):
                return True
        return False

    def fresh_region(self) -> T.Region:
        # Numbered once the body is complete (see `renumber_regions`); erased meanwhile.
        return T.ERASED

    def var_place(self, binding: Any, span: Span) -> ir.Place:
        place = self.var_places.get(binding)
        if place is not None:
            return place
        local = self.var_locals.get(binding)
        if local is None:
            raise unsupported(span, "a variable this body cannot reach (a nested fn using an outer local?)")
        return ir.Place(local)

    # ---------------------------------------------------------------- whole bodies

    def declare_arg(self, ty: T.Ty, pat: Any, span: Span) -> tuple[ir.Local, bool]:
        """An argument local, and whether it is the user variable itself (a plain `x` /
        `mut x` / `self` parameter) rather than a value a pattern destructures."""
        if isinstance(pat, ast.SelfParam):
            local = self.new_local(ty, span, "self", pat.mutable, user=True)
            self.var_locals[pat] = local
            return local, True
        if isinstance(pat, ast.IdentPat) and pat.sub is None and self.binding_mode(pat) == "value" and not is_path_pat(pat):
            local = self.new_local(ty, span, pat.name, pat.mutable, user=True)
            self.var_locals[pat] = local
            return local, True
        return self.new_local(ty, span), False

    def build_args(self, params: list[tuple[Any, T.Ty, Span]]) -> None:
        """Declare args _1.._n, schedule their drops in the outermost scope and bind the
        parameters that are patterns."""
        args = [self.declare_arg(ty, pat, span) for pat, ty, span in params]
        for (pat, ty, span), (local, _) in zip(params, args):
            self.schedule_drop(local, span)
        for (pat, ty, span), (local, plain) in zip(params, args):
            if not plain:
                self.bind_irrefutable(pat, ir.Place(local), ty, len(self.scopes) - 1)

    def finish_body(self, body_expr: ast.Expr, arg_count: int, span: Span) -> ir.Body:
        self.into(ir.Place(ir.RETURN_PLACE), body_expr)
        end = end_span(span)
        self.pop_scope(end)
        self.goto(self.return_block, end)
        self.blocks[self.return_block].terminator = ir.Return(end)
        for bb in self.blocks:
            if bb.terminator is None:
                bb.terminator = ir.Unreachable(span)
        return ir.Body(self.name, span, self.locals, self.blocks, arg_count)


def build_fn(cx: ProgramContext, fn: T.FnDef) -> ir.Body:
    """The MIR of a user function or method (fn.ast has a body)."""
    node = fn.ast
    b = Builder(cx, fn.path, node.span)
    b.env_fn = fn
    b.new_local(fn.sig.output, node.span, mutable=True)
    params: list[tuple[Any, T.Ty, Span]] = []
    inputs = list(fn.sig.inputs)
    if node.self_param is not None:
        params.append((node.self_param, inputs.pop(0), node.self_param.span))
    for p, ty in zip(node.params, inputs):
        params.append((p.pat, ty, p.span))
    outer = b.push_scope(node.span)
    b.temp_scopes.append(outer)
    b.build_args(params)
    body = b.finish_body(node.body, len(params), node.span)
    body.fn_def = fn
    cx.add_body(body, fn, closure=False)
    return body


def build_closure(parent: Builder, expr: ast.Closure, cdef: T.ClosureDef) -> ir.Body:
    """The MIR of a closure: _1 is the environment (`&Closure`, `&mut Closure` or `Closure` by
    the closure's kind), the captured places are its fields."""
    name = f"{parent.name}::{{closure#{parent.closure_count}}}"
    parent.closure_count += 1
    b = Builder(parent.cx, name, expr.span)
    b.env_fn = parent.env_fn
    sig = cdef.sig
    output = sig.output if sig is not None else expr.body.ty
    b.new_local(output, expr.span)
    env_ty: T.Ty = expr.ty
    if cdef.kind == "Fn":
        env_ty = T.Ref(T.ERASED, False, expr.ty)
    elif cdef.kind == "FnMut":
        env_ty = T.Ref(T.ERASED, True, expr.ty)
    env = b.new_local(env_ty, expr.span)
    env_place = ir.Place(env).deref() if isinstance(env_ty, T.Ref) else ir.Place(env)
    inputs = list(sig.inputs) if sig is not None else [p.pat.ty for p in expr.params]
    params = [(p.pat, ty, p.span) for p, ty in zip(expr.params, inputs)]
    outer = b.push_scope(expr.span)
    b.temp_scopes.append(outer)
    if cdef.kind == "FnOnce":
        b.schedule_drop(env, expr.span)
    b.build_args(params)
    # Each captured variable is first a stand-in local; once the body is built, every place
    # rooted at one is rewritten onto the environment field of the captured place it lies in.
    stand_ins: dict[ir.Local, list[tuple[tuple[ir.ProjElem, ...], ir.Place]]] = {}
    upvars = []
    for i, (binding, projs, mode, pty) in enumerate(cdef.capture_places):
        vname = cdef.captures[i][0]
        place = env_place.field(i, capture_field_ty(mode, pty), vname)
        if binding not in b.var_places:
            var_ty = projs[0][1] if projs else pty
            var = b.new_local(var_ty, expr.span, getattr(binding, "name", None) or "self")
            b.var_places[binding] = ir.Place(var)
        stand_ins.setdefault(b.var_places[binding].local, []).append(
            (capture_projection(projs), place.deref() if mode in ("ref", "refmut") else place))
        upvars.append((written_name(binding, projs), mode))
    for binding, ty in _outer_variables(parent, expr.body):
        # named but not captured (`let _ = x;`): only a FakeRead may mention it, and goes
        if binding not in b.var_places:
            var = b.new_local(ty, expr.span, getattr(binding, "name", None) or "self")
            b.var_places[binding] = ir.Place(var)
            stand_ins[var] = []
    body = b.finish_body(expr.body, len(params) + 1, expr.span)
    resolve_captures(body, stand_ins)
    body.fn_def = cdef
    body.is_closure = True
    body.upvars = upvars
    parent.cx.add_body(body, cdef, closure=True)
    return body


def capture_projection(projs: Any) -> tuple[ir.ProjElem, ...]:
    """The MIR projections of a captured place's path (see `ClosureDef.capture_places`)."""
    return tuple(ir.Deref() if elem == "*" else ir.FieldProj(elem[0], after, elem[1]) for elem, _, after in projs)


def _outer_variables(parent: Builder, node: Any) -> list[tuple[Any, T.Ty]]:
    """The variables of the enclosing body that node names, with their types."""
    out = []
    if isinstance(node, ast.PathExpr) and isinstance(node.res, R.LocalRes):
        binding = node.res.binding
        if (binding in parent.var_locals or binding in parent.var_places) and node.ty is not None:
            out.append((binding, node.ty))
    for child in ast.children(node):
        out.extend(_outer_variables(parent, child))
    return out


def written_name(binding: Any, projs: Any) -> str:
    """A captured place as the body writes it (`r.n` for the captured `*r.n`): the name
    borrowck looks for in the body's source to point at the closure's use of a capture."""
    var = getattr(binding, "name", None) or "self"
    return ".".join([var] + [elem[1] for elem, _, _ in projs if elem != "*"])


def capture_field_ty(mode: str, ty: T.Ty) -> T.Ty:
    """The type of a closure's field for a place of type ty captured in `mode`."""
    if mode == "ref":
        return T.Ref(T.ERASED, False, ty)
    if mode == "refmut":
        return T.Ref(T.ERASED, True, ty)
    return ty



def ctor_fn(cx: ProgramContext, adt: T.AdtDef, variant: int) -> T.FnDef:
    """The constructor of a tuple struct or tuple variant as a function (`Some`, `Wrapper`),
    generic over the ADT's parameters, with its MIR body `_0 = Adt::Variant(move _1, ..)`."""
    key = (id(adt), variant)
    fn = cx.ctors.get(key)
    if fn is not None:
        return fn
    vdef = adt.variants[variant]
    params = tuple(T.Param(p, i) for i, p in enumerate(adt.params))
    ret = T.Adt(adt, params)
    path = f"{adt.name}::{vdef.name}" if adt.is_enum else adt.name
    inputs = [f.ty for f in vdef.fields]
    fn = cx.ctors[key] = T.FnDef(vdef.name, path, list(adt.lifetimes), list(adt.params), T.FnSig(inputs, ret), span=vdef.span)
    span = vdef.span if vdef.span is not None else adt.span
    locals_ = [ir.LocalDecl(ret, span, mutable=True)] + [ir.LocalDecl(t, span) for t in inputs]
    ops = tuple(ir.Move(ir.Place(i + 1)) for i in range(len(inputs)))
    kind = ir.AggregateKind("adt", ret, variant, tuple(f.name for f in vdef.fields))
    block = ir.BasicBlockData([ir.Assign(span, ir.Place(ir.RETURN_PLACE), ir.Aggregate(kind, ops))], ir.Return(span))
    body = ir.Body(path, span, locals_, [block], len(inputs), fn_def=fn)
    cx.add_body(body, fn, closure=False)
    return fn
