"""Basic blocks as generated Python source: the fast path of `compile.py`.

In: a basic block and the BodyCompiler that knows its types.  Out: one Python function
`bb(L) -> next block` whose statements are inlined as source where they are simple
(copies between plain locals, constants, comparisons, integer arithmetic with Rust's
wrapping and overflow flags, switches and asserts) and call the compiled closure otherwise.
Each statement that can raise records its index, so an error still gets its exact span.
Written for speed on purpose: this is where a run spends its time.
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..mir import ir
from ..types import ty as T
from .arith import int_div, int_rem
from .errors import MachineStop, RustPanic
from .memory import UNINIT, copy_value
from .tys import INT_RANGES, is_scalar

CMP = {"Eq": "==", "Ne": "!=", "Lt": "<", "Le": "<=", "Gt": ">", "Ge": ">="}
BITS = {"BitAnd": "&", "BitOr": "|", "BitXor": "^"}
ARITH = {"Add": "+", "Sub": "-", "Mul": "*"}


class BlockGen:
    """Generates the source of one block; `ns` collects the objects the source refers to."""

    def __init__(self, c: Any) -> None:
        self.c = c
        self.ns: dict[str, Any] = {"UNINIT": UNINIT, "RustPanic": RustPanic, "MachineStop": MachineStop,
                                   "copy_value": copy_value, "int_div": int_div, "int_rem": int_rem}
        self.lines: list[str] = []
        self.n = 0

    def name(self, obj: Any, prefix: str = "k") -> str:
        self.n += 1
        key = f"{prefix}{self.n}"
        self.ns[key] = obj
        return key

    def emit(self, line: str) -> None:
        self.lines.append("        " + line)

    # ------------------------------------------------------------ operands

    def operand(self, op: ir.Operand) -> tuple[str, bool]:
        """(expression, simple): simple expressions are side-effect free reads."""
        c = self.c
        if isinstance(op, ir.Constant):
            v = c.m.const_value(op.value, c.sub(op.ty))
            if v.__class__ is list:
                return f"copy_value({self.name(v)})", True
            if isinstance(v, (int, float)) and not isinstance(v, bool) and v == v and abs(v) != float("inf"):
                return repr(v), True
            if isinstance(v, bool) or v is None:
                return repr(v), True
            return self.name(v), True
        place = op.place
        ty = c.place_ty(place)
        copy = isinstance(op, ir.Copy) or c.view.is_copy(ty) or not c.m.moves_uninit
        if copy and (is_scalar(ty) or isinstance(ty, T.Tuple) and not ty.elems):
            steps = c.static_steps(place)
            if steps is not None and all(isinstance(s, int) for s in steps):
                base = f"L[{place.local}]" if c.is_plain(place.local) else f"L[{place.local}].value"
                return base + "".join(f"[{s}]" for s in steps), True
        if c.is_plain(place.local) and not place.projection and not copy:
            return f"_mv(L, {place.local})", False
        return f"{self.name(c.operand(op), 'o')}(L)", False

    # ------------------------------------------------------------ statements

    def statement(self, st: ir.Statement, index: int, fallback: Optional[Callable]) -> None:
        if fallback is None:
            return
        if st.__class__.__name__ == "InlineAssert":
            expr, simple = self.operand(st.term.cond)
            if simple:
                msg = self.name(self.c.assert_message(st.term.msg), "msg")
                self.emit(f"_i = {index}")
                self.emit(f"if bool({expr}) != {bool(st.term.expected)}: raise RustPanic({msg}(L))")
                return
        if isinstance(st, ir.Assign) and not st.place.projection:
            expr = self.rvalue(st.rvalue, st.place)
            if expr is not None:
                target = f"L[{st.place.local}]" + ("" if self.c.is_plain(st.place.local) else ".value")
                if isinstance(expr, list):  # multi-line: the last line yields the value in `r`
                    self.emit(f"_i = {index}")
                    for line in expr:
                        self.emit(line)
                    self.emit(f"{target} = r")
                else:
                    self.emit(f"{target} = {expr}")
                return
        self.emit(f"_i = {index}")
        self.emit(f"{self.name(fallback, 's')}(L)")

    def rvalue(self, rv: ir.Rvalue, dest: ir.Place) -> Any:
        c = self.c
        if isinstance(rv, ir.Use):
            expr, simple = self.operand(rv.operand)
            return expr if simple else None
        if isinstance(rv, (ir.BinaryOp, ir.CheckedBinaryOp)):
            ty = c.binop_ty(rv, dest)
            a, sa = self.operand(rv.lhs)
            b, sb = self.operand(rv.rhs)
            if not (sa and sb):
                return None
            if isinstance(rv, ir.BinaryOp):
                if rv.op in CMP and (isinstance(ty, (T.Int, T.Float, T.Bool, T.Char))):
                    return f"({a} {CMP[rv.op]} {b})"
                if isinstance(ty, T.Int):
                    return self.int_binop(rv.op, a, b, ty.kind)
                return None
            if isinstance(ty, T.Int) and rv.op in ARITH:
                lo, hi = INT_RANGES[ty.kind]
                return [f"r = {a} {ARITH[rv.op]} {b}",
                        f"r = (r, False) if {lo} <= r <= {hi} else ((r - {lo}) % {hi - lo + 1} + {lo}, True)"]
        return None

    def int_binop(self, op: str, a: str, b: str, kind: str) -> Any:
        lo, hi = INT_RANGES[kind]
        if op in BITS:
            return f"({a} {BITS[op]} {b})"
        if op in ARITH:
            return [f"r = {a} {ARITH[op]} {b}", f"if not {lo} <= r <= {hi}: r = (r - {lo}) % {hi - lo + 1} + {lo}"]
        if op in ("Div", "Rem") and lo == 0:
            return [f"r = {a} {'//' if op == 'Div' else '%'} {b}"]
        if op in ("Div", "Rem"):
            return [f"r = {'int_div' if op == 'Div' else 'int_rem'}({a}, {b})",
                    f"if not {lo} <= r <= {hi}: r = (r - {lo}) % {hi - lo + 1} + {lo}"]
        return None

    def direct_call(self, t: ir.Call, index: int) -> bool:
        """A call of a user function with simple arguments: push its frame right here."""
        callee = _callee_of(self.c, t)
        if callee is None:
            return False
        args = [self.operand(a) for a in t.args]
        if not all(simple for _, simple in args):
            return False
        dest = self.name(self.c.place_set(t.destination), "dest")
        code = self.name(callee.code, "code")
        enter = self.name(self.c.m.enter, "enter")
        self.emit(f"_i = {index}")
        self.emit(f"return {enter}({code}(), [{', '.join(e for e, _ in args)}], {dest}, L, {t.target})")
        return True

    # ------------------------------------------------------------ terminators

    def terminator(self, t: ir.Terminator, index: int, fallback: Callable) -> None:
        c = self.c
        if isinstance(t, ir.Goto):
            self.emit(f"return {t.target}")
            return
        if isinstance(t, (ir.FalseEdge,)):
            self.emit(f"return {t.real}")
            return
        if isinstance(t, ir.FalseUnwind):
            self.emit(f"return {t.real}")
            return
        if isinstance(t, ir.SwitchInt):
            ty = c.operand_ty(t.discr)
            expr, simple = self.operand(t.discr)
            if simple and isinstance(ty, T.Bool) and len(t.values) == 1 and t.values[0] in (0, False):
                self.emit(f"return {t.otherwise} if {expr} else {t.targets[0]}")
                return
            if simple and isinstance(ty, T.Int):
                table = self.name(dict(zip(t.values, t.targets)), "tbl")
                self.emit(f"return {table}.get({expr}, {t.otherwise})")
                return
        if isinstance(t, ir.Call) and t.target is not None and self.direct_call(t, index):
            return
        if isinstance(t, ir.Assert):
            expr, simple = self.operand(t.cond)
            if simple:
                msg = self.name(c.assert_message(t.msg), "msg")
                self.emit(f"_i = {index}")
                self.emit(f"if bool({expr}) != {bool(t.expected)}: raise RustPanic({msg}(L))")
                self.emit(f"return {t.target}")
                return
        self.emit(f"_i = {index}")
        self.emit(f"return {self.name(fallback, 't')}(L)")


def _callee_of(c: Any, t: ir.Call) -> Any:
    func = t.func
    if not (isinstance(func, ir.Constant) and isinstance(func.ty, T.FnDefTy)):
        return None
    fty = c.sub(func.ty)
    callee = c.m.callee(fty.fn, tuple(c.sub(a) for a in fty.args))
    if callee.kind != "body" or callee.untuple or callee.env_derefs != 0:
        return None
    return callee


def move_out(L: list, i: int) -> Any:
    v = L[i]
    L[i] = UNINIT
    return v


def generate_block(c: Any, bb: ir.BasicBlockData, stmt_closures: list, term_closure: Callable,
                   spans: list) -> Callable[[list], int]:
    """The block as one generated function (same behaviour as the closure version)."""
    g = BlockGen(c)
    g.ns["_mv"] = move_out
    g.ns["_spans"] = spans
    index = 0
    for st, fallback in zip(bb.statements, stmt_closures):
        g.statement(st, index, fallback)
        if fallback is not None:
            index += 1
    g.terminator(bb.terminator, index, term_closure)
    src = ["def block(L):", "    _i = 0", "    try:"] + g.lines + [
        "    except MachineStop as e:",
        "        if e.span is None:",
        "            e.span = _spans[_i]",
        "        raise",
    ]
    exec("\n".join(src), g.ns)  # noqa: S102 - the source is generated from MIR above, nothing else
    return g.ns["block"]
