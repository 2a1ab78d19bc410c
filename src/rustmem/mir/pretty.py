"""MIR as text, in the spirit of rustc's `-Zunpretty=mir`, with each statement's source line.

    fn main() -> () {
        debug s => _1;
        let mut _0: ();
        let _1: String;
        ...
        bb0: {
            StorageLive(_1);                         // line 2
            _1 = String::from(const "hi") -> [return: bb1, unwind: bb4];   // line 2
        }
"""
from __future__ import annotations

import re
from typing import Any

from ..types import ty as T
from . import ir

COMMENT_COLUMN = 56
BINOP_NAMES = {"Add": "AddWithOverflow", "Sub": "SubWithOverflow", "Mul": "MulWithOverflow"}
ASSERT_MESSAGES = {
    "Add": "attempt to compute `{} + {}`, which would overflow",
    "Sub": "attempt to compute `{} - {}`, which would overflow",
    "Mul": "attempt to compute `{} * {}`, which would overflow",
    "Div": "attempt to compute `{} / {}`, which would overflow",
    "Rem": "attempt to compute the remainder of `{} % {}`, which would overflow",
}


def format_program(program: ir.Program) -> str:
    """Every body of the program: functions in source order, each followed by its closures."""
    bodies = list(program.bodies.values())
    ordered = []
    for fn in bodies:
        if not fn.is_closure:
            ordered.append(fn)
            prefix = fn.name + "::{closure#"
            ordered += sorted((b for b in bodies if b.is_closure and b.name.startswith(prefix)), key=lambda b: natural_key(b.name))
    ordered += [b for b in bodies if b not in ordered]
    return "\n".join(format_body(b) for b in ordered)


def natural_key(name: str) -> list:
    """`closure#2` before `closure#10`."""
    return [int(part) if part.isdigit() else part for part in re.split(r"(\d+)", name)]


def format_body(body: ir.Body) -> str:
    lines = [signature(body)]
    for decl_index in body.args():
        decl = body.locals[decl_index]
        if decl.name:
            lines.append(f"    debug {decl.name} => _{decl_index};")
    for i, decl in enumerate(body.locals):
        if i > body.arg_count and decl.name and decl.is_user_var:
            lines.append(f"    debug {decl.name} => _{i};")
    for i, (name, mode) in enumerate(body.upvars):
        env = "(*_1)" if isinstance(body.locals[1].ty, T.Ref) else "_1"
        path = f"({env}.{i})"
        lines.append(f"    debug {name} => {'(*' + path + ')' if mode in ('ref', 'refmut') else path};")
    for i, decl in enumerate(body.locals):
        if i == 0 or i > body.arg_count:
            mut = "mut " if decl.mutable else ""
            lines.append(f"    let {mut}_{i}: {decl.ty};")
    for b, data in enumerate(body.blocks):
        lines.append("")
        lines.append(f"    bb{b}{' (cleanup)' if data.is_cleanup else ''}: {{")
        for st in data.statements:
            lines.append(with_line(f"        {statement(st)};", st.span))
        if data.terminator is not None:
            lines.append(with_line(f"        {terminator(data.terminator, data.is_cleanup)};", data.terminator.span))
        lines.append("    }")
    lines.append("}")
    return "\n".join(lines) + "\n"


def signature(body: ir.Body) -> str:
    args = ", ".join(f"{'mut ' if body.locals[i].mutable and body.locals[i].name else ''}_{i}: {body.locals[i].ty}" for i in body.args())
    return f"fn {body.name}({args}) -> {body.return_ty} {{"


def with_line(text: str, span: Any) -> str:
    if span is None:
        return text
    pad = max(1, COMMENT_COLUMN - len(text))
    return f"{text}{' ' * pad}// line {span.line}"


# ---------------------------------------------------------------- places, operands, rvalues

def place(p: ir.Place) -> str:
    s = f"_{p.local}"
    for e in p.projection:
        if isinstance(e, ir.Deref):
            s = f"(*{s})"
        elif isinstance(e, ir.FieldProj):
            s = f"({s}.{e.index}: {e.ty})"
        elif isinstance(e, ir.Downcast):
            s = f"({s} as {e.name or e.variant})"
        elif isinstance(e, ir.IndexProj):
            s = f"{s}[_{e.local}]"
        elif isinstance(e, ir.ConstantIndex):
            s = f"{s}[{'-' if e.from_end else ''}{e.offset} of {e.min_length}]"
        elif isinstance(e, ir.Subslice):
            s = f"{s}[{e.start}:{'-' if e.from_end else ''}{e.end}]"
    return s


def operand(op: ir.Operand) -> str:
    if isinstance(op, ir.Copy):
        return f"copy {place(op.place)}"
    if isinstance(op, ir.Move):
        return f"move {place(op.place)}"
    return f"const {constant(op)}"


def constant(c: ir.Constant) -> str:
    v = c.value
    if isinstance(v, ir.Promoted):
        if v.static:
            return f"{{&raw mut {v.static}}}" if isinstance(c.ty, T.RawPtr) else f"{{&{v.static}}}"
        return "&" + constant(ir.Constant(v.value, v.ty))
    if isinstance(c.ty, T.FnDefTy):
        return fn_path(c.ty)
    if v == () and isinstance(c.ty, T.Tuple):
        return "()"
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, str):
        if isinstance(c.ty, T.Char):
            return repr(v)
        return '"' + v.encode("unicode_escape").decode("ascii").replace('"', '\\"') + '"'
    if isinstance(v, int) and isinstance(c.ty, (T.Int, T.Float)):
        return f"{v}_{c.ty}"
    if isinstance(v, float):
        return f"{v!r}_{c.ty}" if isinstance(c.ty, T.Float) else repr(v)
    return str(v)


def fn_path(ty: T.FnDefTy) -> str:
    fn = ty.fn
    if not ty.args:
        return fn.path
    if fn.trait is not None and fn.impl is None:
        # a trait method with Self known: `<String as From<&str>>::from`
        n = len(fn.trait.params)
        params, own = ty.args[1:1 + n], ty.args[1 + n:]
        trait = fn.trait.name + (f"<{', '.join(map(str, params))}>" if params else "")
        return f"<{ty.args[0]} as {trait}>::{fn.name}" + (f"::<{', '.join(map(str, own))}>" if own else "")
    args = ", ".join(map(str, ty.args))
    head, sep, name = fn.path.rpartition("::")
    if sep and not head.startswith("<"):
        return f"{head}::<{args}>::{name}" if fn.impl is not None else f"{fn.path}::<{args}>"
    return fn.path


def rvalue(rv: ir.Rvalue) -> str:
    if isinstance(rv, ir.Use):
        return operand(rv.operand)
    if isinstance(rv, ir.Ref):
        kind = {"shared": "", "mut": "mut ", "two-phase": "mut ", "shallow": "fake shallow ", "fake": "fake shallow "}[rv.kind]
        note = "/*two-phase*/ " if rv.kind == "two-phase" else ""
        return f"&{kind}{note}{place(rv.place)}"
    if isinstance(rv, ir.AddressOf):
        return f"&raw {'mut' if rv.mutable else 'const'} {place(rv.place)}"
    if isinstance(rv, ir.Len):
        return f"Len({place(rv.place)})"
    if isinstance(rv, ir.Cast):
        return f"{operand(rv.operand)} as {rv.ty} ({cast_name(rv.kind)})"
    if isinstance(rv, ir.BinaryOp):
        return f"{rv.op}({operand(rv.lhs)}, {operand(rv.rhs)})"
    if isinstance(rv, ir.CheckedBinaryOp):
        return f"{BINOP_NAMES.get(rv.op, rv.op + 'WithOverflow')}({operand(rv.lhs)}, {operand(rv.rhs)})"
    if isinstance(rv, ir.UnaryOp):
        return f"{rv.op}({operand(rv.operand)})"
    if isinstance(rv, ir.Discriminant):
        return f"discriminant({place(rv.place)})"
    if isinstance(rv, ir.Repeat):
        return f"[{operand(rv.operand)}; {rv.count}]"
    if isinstance(rv, ir.Aggregate):
        return aggregate(rv)
    if isinstance(rv, ir.ShallowInitBox):
        return f"ShallowInitBox({operand(rv.operand)}, {rv.ty})"
    return repr(rv)


def cast_name(kind: str) -> str:
    return "".join(w.capitalize() for w in kind.replace("-to-", "-To-").split("-"))


def aggregate(rv: ir.Aggregate) -> str:
    k = rv.kind
    ops = [operand(o) for o in rv.operands]
    if k.kind == "tuple":
        return "(" + ", ".join(ops) + ("," if len(ops) == 1 else "") + ")"
    if k.kind == "array":
        return "[" + ", ".join(ops) + "]"
    if k.kind == "closure":
        fields = ", ".join(f"{n}: {o}" for n, o in zip(k.field_names, ops))
        return f"{k.ty} {{ {fields} }}" if fields else str(k.ty)
    ty = k.ty
    name = str(ty)
    if isinstance(ty, T.Adt):
        if ty.adt.is_enum:
            name = f"{name.split('<')[0]}{'::<' + ', '.join(map(str, ty.args)) + '>' if ty.args else ''}::{ty.adt.variants[k.variant].name}"
        variant = ty.adt.variants[k.variant]
        if variant.kind == "named":
            return f"{name} {{ " + ", ".join(f"{f.name}: {o}" for f, o in zip(variant.fields, ops)) + " }"
    return f"{name}({', '.join(ops)})" if ops else name


# ---------------------------------------------------------------- statements and terminators

def statement(st: ir.Statement) -> str:
    if isinstance(st, ir.Assign):
        return f"{place(st.place)} = {rvalue(st.rvalue)}"
    if isinstance(st, ir.StorageLive):
        return f"StorageLive(_{st.local})"
    if isinstance(st, ir.StorageDead):
        return f"StorageDead(_{st.local})"
    if isinstance(st, ir.FakeRead):
        return f"FakeRead({st.cause}, {place(st.place)})"
    if isinstance(st, ir.SetDiscriminant):
        return f"discriminant({place(st.place)}) = {st.variant}"
    return "nop"


def unwind(u: Any, cleanup: bool) -> str:
    if u is not None:
        return f"unwind: bb{u}"
    return "unwind terminate(cleanup)" if cleanup else "unwind continue"


def terminator(t: ir.Terminator, cleanup: bool = False) -> str:
    if isinstance(t, ir.Goto):
        return f"goto -> bb{t.target}"
    if isinstance(t, ir.SwitchInt):
        arms = ", ".join(f"{v}: bb{b}" for v, b in zip(t.values, t.targets))
        return f"switchInt({operand(t.discr)}) -> [{arms + ', ' if arms else ''}otherwise: bb{t.otherwise}]"
    if isinstance(t, ir.Return):
        return "return"
    if isinstance(t, ir.Unreachable):
        return "unreachable"
    if isinstance(t, ir.UnwindResume):
        return "resume"
    if isinstance(t, ir.Drop):
        return f"drop({place(t.place)}) -> [return: bb{t.target}, {unwind(t.unwind, cleanup)}]"
    if isinstance(t, ir.Call):
        func = fn_path(t.func.ty) if isinstance(t.func, ir.Constant) and isinstance(t.func.ty, T.FnDefTy) else operand(t.func)
        call = f"{place(t.destination)} = {func}({', '.join(operand(a) for a in t.args)})"
        if t.target is None:
            return f"{call} -> {unwind(t.unwind, cleanup)}"
        return f"{call} -> [return: bb{t.target}, {unwind(t.unwind, cleanup)}]"
    if isinstance(t, ir.Assert):
        cond = ("" if t.expected else "!") + operand(t.cond)
        return f"assert({cond}, {assert_message(t.msg)}) -> [success: bb{t.target}, {unwind(t.unwind, cleanup)}]"
    if isinstance(t, ir.FalseEdge):
        return f"falseEdge -> [real: bb{t.real}, imaginary: bb{t.imaginary}]"
    if isinstance(t, ir.FalseUnwind):
        return f"falseUnwind -> [real: bb{t.real}, {unwind(t.unwind, cleanup)}]"
    return repr(t)


def assert_message(msg: tuple) -> str:
    kind, *args = msg
    ops = [operand(a) for a in args if not isinstance(a, str)]
    if kind == "Overflow" and args[0] in ("Shl", "Shr"):
        text = f"attempt to shift {'left' if args[0] == 'Shl' else 'right'} by `{{}}`, which would overflow"
        ops = ops[1:]
    elif kind == "Overflow":
        text = ASSERT_MESSAGES.get(args[0], "attempt to compute `{} op {}`, which would overflow")
    elif kind == "BoundsCheck":
        text = "index out of bounds: the length is {} but the index is {}"
    elif kind == "DivisionByZero":
        text = "attempt to divide `{}` by zero"
    elif kind == "RemainderByZero":
        text = "attempt to calculate the remainder of `{}` with a divisor of zero"
    elif kind == "OverflowNeg":
        text = "attempt to negate `{}`, which would overflow"
    else:
        text = kind
    return '"' + text + '", ' + ", ".join(ops) if ops else '"' + text + '"'
