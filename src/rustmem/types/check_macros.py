"""The macros of the subset: the `MacroChecker` mixin of `FnCtxt` (see check.py).

`println!`/`format!`/`panic!`/`write!` arguments must implement the formatting trait their
`{}` names (E0277 otherwise); `write!` calls `write_fmt` on its destination (recorded in
`TypeckResults.macro_methods`); `vec!` is a `Vec<T>` of its elements' common type;
`assert_eq!` needs `PartialEq` and `Debug`.
"""
from __future__ import annotations

from typing import Any, Optional

from ..syntax import ast
from . import errors
from .method import probe_method, receiver_adjustments
from .results import MethodRes
from .traits import NO, Obligation
from .ty import BOOL, ERROR, NEVER, UNIT, USIZE, Adt, TraitDef, Ty


class MacroChecker:
    """Mixin: the formatting macros, `vec!` and the assertions."""

    def expr_FormatMacro(self: Any, e: ast.FormatMacro, expected: Optional[Ty]) -> Ty:
        result: Ty = UNIT
        if e.name == "format":
            string = self.tcx.lang_adt("String")
            result = Adt(string, ()) if string else ERROR
        elif e.name in ("panic", "unreachable", "todo", "unimplemented"):
            result = NEVER
        if e.dest is not None:
            dest = self.check_expr(e.dest, None)
            pick, steps = probe_method(self, dest, "write_fmt")
            if pick is None:
                self.error(errors.no_method(e.dest.span, "write_fmt", self.shown(dest)))
                result = ERROR
            else:
                self.add_adjustments(e.dest, receiver_adjustments(self, steps, pick))
                args = self.instantiate_fn(pick.fn, pick.args, None, e.span)
                _, result = self.fn_sig_inst(pick.fn, args)
                self.results.macro_methods[e] = MethodRes(pick.fn, args)
        if e.fmt is not None:
            self.check_format_args(e.fmt)
        return result

    def check_format_args(self: Any, fmt: ast.FormatArgs) -> None:
        tys = [self.check_expr(a, None) for a in fmt.args]
        for piece in fmt.pieces:
            if isinstance(piece, str):
                continue
            if piece.arg < len(tys):
                trait = self.fmt_trait(piece.trait)
                if trait is not None:
                    ty = tys[piece.arg]
                    self.register(Obligation(ty, trait, (), fmt.args[piece.arg].span, piece.trait))
            for extra in (piece.width_arg, piece.precision_arg):
                if extra is not None and extra < len(tys):
                    self.demand_eq(fmt.args[extra].span, USIZE, tys[extra])

    def fmt_trait(self: Any, name: str) -> Optional[TraitDef]:
        t = self.tcx.lang_trait(name)
        if t is not None:
            return t
        fmt_mod = self.tables.std_root.types.get("fmt") if self.tables.std_root else None
        d = fmt_mod.types.get(name) if fmt_mod is not None else None
        return d if isinstance(d, TraitDef) else None

    def expr_VecMacro(self: Any, e: ast.VecMacro, expected: Optional[Ty]) -> Ty:
        vec = self.tcx.lang_adt("Vec")
        if vec is None:
            return self.error(errors.unsupported_here(e.span, "vec! without std"))
        exp = self.shallow(expected) if expected is not None else None
        elem = exp.args[0] if isinstance(exp, Adt) and exp.adt is vec else self.infcx.new_var()
        if e.repeat is not None:
            self.check_coerce(e.repeat[0], elem)
            self.check_coerce(e.repeat[1], USIZE)
            clone = self.tcx.lang_trait("Clone")
            if clone is not None:
                self.register(Obligation(elem, clone, (), e.repeat[0].span))
        else:
            from .check import CoerceMany
            cm = CoerceMany(elem)
            for x in e.elems:
                self.coerce_many_push(cm, x, self.check_expr(x, cm.target))
        return Adt(vec, (elem,))

    def expr_AssertMacro(self: Any, e: ast.AssertMacro, expected: Optional[Ty]) -> Ty:
        if e.name in ("assert", "debug_assert"):
            if e.args:
                self.check_coerce(e.args[0], BOOL)
        else:
            lt = self.check_expr(e.args[0], None) if e.args else ERROR
            rt = self.check_expr(e.args[1], lt) if len(e.args) > 1 else ERROR
            peq = self.tcx.lang_trait("PartialEq")
            dbg = self.fmt_trait("Debug")
            if peq is not None and len(e.args) > 1:
                ob = Obligation(lt, peq, (rt,), e.span)
                if self.scx.evaluate(lt, peq, (rt,)) == NO:
                    self.infcx.unify(lt, rt)
                self.register(ob)
            if dbg is not None:
                for a, t in zip(e.args, (lt, rt)):
                    self.register(Obligation(t, dbg, (), a.span, "Debug"))
        if e.msg is not None:
            self.check_format_args(e.msg)
        return UNIT

    def expr_MacroExpr(self: Any, e: ast.MacroExpr, expected: Optional[Ty]) -> Ty:
        for a in e.args:
            self.check_expr(a, None)
        return self.error(errors.unsupported_here(e.span, f"the macro `{e.name}!`"))
