"""The macros of the subset, lowered to calls of std intrinsics (keys documented in docs/mir.md).

- `println!`/`print!`/`eprintln!`/`eprint!`/`format!`/`panic!`/`unreachable!`/`todo!`/
  `unimplemented!`/`write!`/`writeln!`: `fmt::print | fmt::eprint | fmt::format | fmt::panic |
  fmt::write` called with (for write: the destination `&mut W` first) a `FormatTemplate`
  constant, then a shared reference to each argument — `format_args!` borrows them.
- `vec![a, b]` builds the array `[a, b]` and calls `vec::from_array`; `vec![e; n]` calls
  `vec::from_elem(e, n)`.
- `assert!(c, ..)` branches on c and calls `fmt::panic`; `assert_eq!`/`assert_ne!` borrow both
  sides, compare them (builtin `Eq` on scalars and `&str`, else `PartialEq::eq`) and call
  `panic::assert_failed` on failure.
"""
from __future__ import annotations

from ..records import record
from typing import Any, Optional

from ..diagnostics import unsupported
from ..source import Span
from ..syntax import ast
from ..types import ty as T
from . import ir

# macro name -> (intrinsic key, message prefix, append a newline)
FORMAT_MACROS = {
    "println": ("fmt::print", None, True),
    "print": ("fmt::print", None, False),
    "eprintln": ("fmt::eprint", None, True),
    "eprint": ("fmt::eprint", None, False),
    "format": ("fmt::format", None, False),
    "panic": ("fmt::panic", None, False),
    "unreachable": ("fmt::panic", "internal error: entered unreachable code", False),
    "todo": ("fmt::panic", "not yet implemented", False),
    "unimplemented": ("fmt::panic", "not implemented", False),
    "write": ("fmt::write", None, False),
    "writeln": ("fmt::write", None, True),
}


@record(frozen=True, slots=False)
class FormatTemplate:
    """The pieces of a format string: literal text (str) and `ast.FormatSpec`s whose `arg`
    indexes the reference operands that follow the template in the call."""

    pieces: tuple

    def __str__(self) -> str:
        out = []
        for p in self.pieces:
            out.append(p.replace("{", "{{").replace("}", "}}").replace("\n", "\\n") if isinstance(p, str) else "{" + str(p.arg) + spec_suffix(p) + "}")
        return '"' + "".join(out) + '"'


def spec_suffix(spec: Any) -> str:
    s = ""
    if spec.align:
        s += (spec.fill if spec.fill != " " else "") + spec.align
    s += spec.sign or ""
    s += "#" if spec.alternate else ""
    s += "0" if spec.zero_pad else ""
    if spec.width is not None:
        s += str(spec.width)
    elif spec.width_arg is not None:
        s += f"{spec.width_arg}$"
    if spec.precision is not None:
        s += f".{spec.precision}"
    elif spec.precision_arg is not None:
        s += f".{spec.precision_arg}$"
    trait = {"Display": "", "Debug": "?", "LowerHex": "x", "UpperHex": "X", "Binary": "b", "Octal": "o",
             "LowerExp": "e", "UpperExp": "E", "Pointer": "p"}.get(spec.trait, "")
    s += (getattr(spec, "debug_hex", None) or "") + trait
    return ":" + s if s else ""


def intrinsic_fn(key: str, inputs: list[T.Ty], output: T.Ty) -> T.FnDef:
    """A body-less FnDef for a macro intrinsic (its `intrinsic` key names the machine's code)."""
    module, _, name = key.partition("::")
    return T.FnDef(name, key, [], [], T.FnSig(list(inputs), output, c_variadic=True), intrinsic=key)


def operand_ty(builder: Any, op: ir.Operand) -> T.Ty:
    if isinstance(op, ir.Constant):
        return op.ty
    ty = builder.locals[op.place.local].ty
    for elem in op.place.projection:
        if isinstance(elem, ir.FieldProj):
            ty = elem.ty
        elif isinstance(elem, ir.Deref) and isinstance(ty, (T.Ref, T.RawPtr)):
            ty = ty.inner
    return ty


class MacroMixin:
    """The macro half of `Builder`."""

    def call_intrinsic(self, dest: ir.Place, key: str, args: list[ir.Operand], ret_ty: T.Ty, span: Span) -> None:
        fn = intrinsic_fn(key, [operand_ty(self, a) for a in args], ret_ty)
        self.emit_call(dest, ir.Constant(fn, T.FnDefTy(fn)), args, span, ret_ty, span)

    def ref_to(self, e: ast.Expr, mutable: bool = False) -> ir.Operand:
        """`&e` (or `&mut e`; a `&mut` reference is reborrowed) as a call operand."""
        place = self.as_place(e, mutable)
        ty = self.adjusted_ty(e)
        if mutable and isinstance(ty, T.Ref):
            place, ty = place.deref(), ty.inner
        local = self.new_temp(T.Ref(T.ERASED, mutable, ty), e.span)
        self.assign(e.span, ir.Place(local), ir.Ref(self.fresh_region(), "mut" if mutable else "shared", place))
        return ir.Move(ir.Place(local))

    def format_operands(self, fmt: Optional[ast.FormatArgs], prefix: Optional[str], newline: bool, default: str = "") -> list[ir.Operand]:
        pieces: list = list(fmt.pieces) if fmt is not None else []
        if prefix is not None:
            pieces = [prefix + (": " if pieces else "")] + pieces
        if not pieces and default:
            pieces = [default]
        if newline:
            pieces.append("\n")
        merged: list = []
        for p in pieces:
            if isinstance(p, str) and merged and isinstance(merged[-1], str):
                merged[-1] += p
            elif p != "":
                merged.append(p)
        template = ir.Constant(FormatTemplate(tuple(merged)), T.UNIT)
        refs = [self.ref_to(a) for a in fmt.args] if fmt is not None else []
        return [template] + refs

    def into_FormatMacro(self, dest: ir.Place, e: ast.FormatMacro) -> None:
        spec = FORMAT_MACROS.get(e.name)
        if spec is None:
            raise unsupported(e.span, f"the macro `{e.name}!`")
        key, prefix, newline = spec
        args: list[ir.Operand] = []
        if key == "fmt::write":
            if e.dest is None:
                raise unsupported(e.span, f"`{e.name}!` without a destination")
            # the type checker records `write_fmt`'s receiver autoref on the destination
            args.append(self.as_operand(e.dest) if self.adjustments(e.dest) else self.ref_to(e.dest, mutable=True))
        args += self.format_operands(e.fmt, prefix, newline, "explicit panic" if e.name == "panic" else "")
        ret_ty = T.NEVER if key == "fmt::panic" else self.expr_ty(e)
        self.call_intrinsic(dest, key, args, ret_ty, e.span)

    def into_VecMacro(self, dest: ir.Place, e: ast.VecMacro) -> None:
        ty = self.expr_ty(e)
        elem_ty = ty.args[0] if isinstance(ty, T.Adt) and ty.args else T.ERROR
        if e.repeat is not None:
            elem, count = e.repeat
            args = [self.as_call_operand(elem), self.as_operand(count)]
            self.call_intrinsic(dest, "vec::from_elem", args, ty, e.span)
            return
        arr_ty = T.Array(elem_ty, len(e.elems))
        ops = tuple(self.as_call_operand(x) for x in e.elems)
        arr = self.new_temp(arr_ty, e.span)
        self.assign(e.span, ir.Place(arr), ir.Aggregate(ir.AggregateKind("array", arr_ty), ops))
        self.call_intrinsic(dest, "vec::from_array", [ir.Move(ir.Place(arr))], ty, e.span)

    def into_AssertMacro(self, dest: ir.Place, e: ast.AssertMacro) -> None:
        name = e.name.removeprefix("debug_")
        ok_bb, fail_bb = self.new_block(), self.new_block()
        if name == "assert":
            flag = self.eval_condition(e.args[0])
            self.terminate(ir.SwitchInt(e.span, ir.Move(ir.Place(flag)), [0], [fail_bb], ok_bb))
            self.cur = fail_bb
            with self.in_scope(e.span, temporaries=True):  # the message exists on this path only
                default = "assertion failed: " + e.args[0].span.text
                args = self.format_operands(e.msg, None, False, default)
                self.call_intrinsic(ir.Place(self.new_temp(T.NEVER, e.span)), "fmt::panic", args, T.NEVER, e.span)
        elif name in ("assert_eq", "assert_ne"):
            left, right = self.ref_to(e.args[0]), self.ref_to(e.args[1])
            ty = self.adjusted_ty(e.args[0])
            flag = self.new_temp(T.BOOL, e.span)
            lp, rp = left.place, right.place
            if is_scalar(ty):
                self.assign(e.span, ir.Place(flag), ir.BinaryOp("Eq", ir.Copy(lp.deref()), ir.Copy(rp.deref())))
            else:
                eq = self.trait_method("PartialEq", "eq")
                if eq is None:
                    raise unsupported(e.span, f"`{name}!` on `{ty}`")
                self.emit_call(ir.Place(flag), self.fn_operand(eq, (ty, self.adjusted_ty(e.args[1])), e.span), [ir.Copy(lp), ir.Copy(rp)], e.span, T.BOOL)
            values = [0] if name == "assert_eq" else [1]
            self.terminate(ir.SwitchInt(e.span, ir.Move(ir.Place(flag)), values, [fail_bb], ok_bb))
            self.cur = fail_bb
            with self.in_scope(e.span, temporaries=True):
                kind = ir.Constant("==" if name == "assert_eq" else "!=", T.Ref(T.STATIC, False, T.STR))
                args = [kind, ir.Copy(lp), ir.Copy(rp)]
                if e.msg is not None:
                    args += self.format_operands(e.msg, None, False)
                self.call_intrinsic(ir.Place(self.new_temp(T.NEVER, e.span)), "panic::assert_failed", args, T.NEVER, e.span)
        else:
            raise unsupported(e.span, f"the macro `{e.name}!`")
        self.cur = ok_bb
        self.assign(e.span, dest, ir.Use(ir.Constant((), T.UNIT)))

    def into_MacroExpr(self, dest: ir.Place, e: ast.MacroExpr) -> None:
        raise unsupported(e.span, f"the macro `{e.name}!`")

    def into_Let(self, dest: ir.Place, e: ast.Let) -> None:
        raise unsupported(e.span, "`let` in this position")


def is_scalar(ty: T.Ty) -> bool:
    if isinstance(ty, T.Ref):
        return isinstance(ty.inner, T.Str)
    return isinstance(ty, (T.Int, T.Float, T.Bool, T.Char))
