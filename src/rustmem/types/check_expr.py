"""Expressions: the `ExprChecker` mixin of `FnCtxt` (see check.py).

`check_expr(e, expected)` types one expression; `expected` is a hint (as rustc's
Expectation), coercion to it is the caller's business (`check_coerce`).  Paths, fields,
indexing and struct literals record what they resolved to on the node (`res`) and the
implicit adjustments in `TypeckResults.adjustments`.
"""
from __future__ import annotations

from typing import Any, Optional

from ..syntax import ast
from . import errors
from .ctxt import AliasDef, ConstDef, CtorDef, PRIMITIVES
from .infer import ANY_LEN
from .method import autoderef_steps, probe_assoc, probe_method
from .resolve import adt_ty, eval_const_int, instantiate_type_def, resolve_module_path
from .results import (
    CtorRes, ConstRes, FieldRes, FnRes, ForRes, LocalRes, MethodRes, OverloadedOp, StaticRes, TryRes, Unsize,
)
from .traits import NO, Obligation
from .ty import (
    BOOL, CHAR, ERASED, ERROR, NEVER, STATIC, STR, U8, UNIT, USIZE, Adt, AdtDef, Array, Bool, Char, ErrorTy,
    Float, FnDef, FnDefTy, FnPtr, Infer, Int, Param, Projection, RawPtr, Ref, Slice, Str, TraitDef,
    Tuple, Ty, erase_body_regions,
)

ARITH = {"+": "Add", "-": "Sub", "*": "Mul", "/": "Div", "%": "Rem", "&": "BitAnd", "|": "BitOr", "^": "BitXor",
         "<<": "Shl", ">>": "Shr"}
CMP = {"==": ("PartialEq", "eq"), "!=": ("PartialEq", "ne"), "<": ("PartialOrd", "lt"), "<=": ("PartialOrd", "le"),
       ">": ("PartialOrd", "gt"), ">=": ("PartialOrd", "ge")}
FMT_TRAITS = {"Display", "Debug", "LowerHex", "UpperHex", "Binary", "Octal", "LowerExp", "UpperExp", "Pointer"}


def is_numeric(t: Ty) -> bool:
    return isinstance(t, (Int, Float)) or isinstance(t, Infer) and t.kind in ("int", "float")


def is_intlike(t: Ty) -> bool:
    return isinstance(t, Int) or isinstance(t, Infer) and t.kind == "int"

class ExprChecker:
    """Mixin: expression checking for FnCtxt."""

    def check_expr(self: Any, e: Any, expected: Optional[Ty] = None) -> Ty:
        method = getattr(self, "expr_" + type(e).__name__, None)
        if method is None:
            ty = self.error(errors.unsupported_here(e.span, f"this expression ({type(e).__name__})"))
        else:
            ty = method(e, expected)
        return self.record(e, ty)

    # ------------------------------------------------------------ literals and simple forms

    def expr_Lit(self: Any, e: ast.Lit, expected: Optional[Ty]) -> Ty:
        if e.kind == "int":
            if e.suffix:
                return PRIMITIVES[e.suffix]
            exp = self.shallow(expected) if expected is not None else None
            if exp is not None and (is_intlike(exp)):
                return exp
            return self.infcx.new_var("int")
        if e.kind == "float":
            if e.suffix:
                return PRIMITIVES[e.suffix]
            exp = self.shallow(expected) if expected is not None else None
            if exp is not None and (isinstance(exp, Float) or isinstance(exp, Infer) and exp.kind == "float"):
                return exp
            return self.infcx.new_var("float")
        if e.kind == "str":
            return Ref(STATIC, False, STR)
        if e.kind == "char":
            return CHAR
        if e.kind == "bool":
            return BOOL
        if e.kind == "byte":
            return U8
        if e.kind == "bytestr":
            return Ref(STATIC, False, Array(U8, len(e.value)))
        return ERROR

    def expr_Paren(self: Any, e: ast.Paren, expected: Optional[Ty]) -> Ty:
        return self.check_expr(e.inner, expected)

    def expr_Block(self: Any, e: ast.Block, expected: Optional[Ty]) -> Ty:
        return self.check_block(e, expected)

    def expr_If(self: Any, e: ast.If, expected: Optional[Ty]) -> Ty:
        return self.check_if(e, expected)

    def expr_While(self: Any, e: ast.While, expected: Optional[Ty]) -> Ty:
        return self.check_while(e)

    def expr_Loop(self: Any, e: ast.Loop, expected: Optional[Ty]) -> Ty:
        return self.check_loop(e, expected)

    def expr_For(self: Any, e: ast.For, expected: Optional[Ty]) -> Ty:
        return self.check_for(e)

    def expr_Match(self: Any, e: ast.Match, expected: Optional[Ty]) -> Ty:
        return self.check_match(e, expected)

    def expr_Break(self: Any, e: ast.Break, expected: Optional[Ty]) -> Ty:
        return self.check_break(e)

    def expr_Continue(self: Any, e: ast.Continue, expected: Optional[Ty]) -> Ty:
        self.find_loop(e.label, e.span, "continue")
        return NEVER

    def expr_Return(self: Any, e: ast.Return, expected: Optional[Ty]) -> Ty:
        return self.check_return(e)

    def expr_Let(self: Any, e: ast.Let, expected: Optional[Ty]) -> Ty:
        self.check_cond(e)
        return BOOL

    def expr_Tuple(self: Any, e: ast.Tuple, expected: Optional[Ty]) -> Ty:
        hard = expected is not None and expected is self.hard_expected
        exp = self.shallow(expected) if expected is not None else None
        hints = exp.elems if isinstance(exp, Tuple) and len(exp.elems) == len(e.elems) else (None,) * len(e.elems)
        tys = []
        for x, h in zip(e.elems, hints):
            if h is not None and hard:
                tys.append(self.check_coerce(x, h))  # the element is blamed, as rustc does
            elif h is not None:
                tys.append(self.check_coerce_soft(x, h))
            else:
                tys.append(self.check_expr(x, None))
        return Tuple(tuple(tys))

    def check_coerce_soft(self: Any, e: Any, hint: Ty) -> Ty:
        """Check e against a hint: coerce when it can, else keep e's own type."""
        ty = self.check_expr(e, hint)
        snap = self.infcx.snapshot()
        if self.coerce(e, ty, hint):
            return hint
        self.infcx.rollback_to(snap)
        self.results.adjustments.pop(e, None)
        return ty

    def expr_Array(self: Any, e: ast.Array, expected: Optional[Ty]) -> Ty:
        exp = self.shallow(expected) if expected is not None else None
        elem: Ty = exp.elem if isinstance(exp, (Array, Slice)) else self.infcx.new_var()
        from .check import CoerceMany
        cm = CoerceMany(elem)
        for x in e.elems:
            t = self.check_expr(x, cm.target)
            self.coerce_many_push(cm, x, t)
        return Array(cm.target, len(e.elems))

    def expr_ArrayRepeat(self: Any, e: ast.ArrayRepeat, expected: Optional[Ty]) -> Ty:
        exp = self.shallow(expected) if expected is not None else None
        elem = exp.elem if isinstance(exp, (Array, Slice)) else self.infcx.new_var()
        self.check_coerce(e.elem, elem)
        self.check_coerce(e.count, USIZE)
        n = eval_const_int(e.count, self.lower_cx)
        return Array(elem, ANY_LEN if n is None else n)

    def expr_Borrow(self: Any, e: ast.Borrow, expected: Optional[Ty]) -> Ty:
        exp = self.shallow(expected) if expected is not None else None
        hint = None
        if isinstance(exp, (Ref, RawPtr)):
            hint = self.shallow(exp.inner)
            if isinstance(hint, Slice) and isinstance(e.operand, ast.Array):
                hint = Array(hint.elem, len(e.operand.elems))
            elif isinstance(hint, (Str, Slice)):
                hint = None
        ty = self.check_expr(e.operand, hint)
        if e.mutable:
            self.convert_place_to_mutable(e.operand)
        if e.raw:
            return RawPtr(e.mutable, ty)
        return Ref(ERASED, e.mutable, ty)

    def expr_Range(self: Any, e: ast.Range, expected: Optional[Ty]) -> Ty:
        if e.lo is None and e.hi is None:
            adt = self.tcx.lang_adt("RangeFull")
            return Adt(adt, ()) if adt else ERROR
        name = {(True, True, False): "Range", (True, False, False): "RangeFrom", (False, True, False): "RangeTo",
                (True, True, True): "RangeInclusive", (False, True, True): "RangeToInclusive"}.get(
            (e.lo is not None, e.hi is not None, e.inclusive))
        adt = self.tcx.lang_adt(name) if name else None
        if adt is None:
            return self.error(errors.unsupported_here(e.span, "this range form"))
        exp = self.shallow(expected) if expected is not None else None
        idx = exp.args[0] if isinstance(exp, Adt) and exp.adt is adt and exp.args else self.infcx.new_var()
        for part in (e.lo, e.hi):
            if part is not None:
                self.check_coerce(part, idx)
        return Adt(adt, (idx,))

    # ------------------------------------------------------------ paths

    def expr_PathExpr(self: Any, e: ast.PathExpr, expected: Optional[Ty]) -> Ty:
        res, ty = self.resolve_value_path(e.path, e.span, getattr(e, "qself", None))
        e.res = res
        if isinstance(res, CtorRes):
            variant = res.adt.variants[res.variant]
            if variant.kind == "tuple":
                fields = self.tcx.field_tys(Adt(res.adt, res.args), res.variant)
                return FnPtr(tuple(erase_body_regions(f) for f in fields), Adt(res.adt, res.args))
            if variant.kind == "named":
                return self.error(errors.unresolved_value(e.span, str(e.path)))
        return ty

    def resolve_value_path(self: Any, path: ast.Path, span: Any, qself: Any = None, callee: bool = False) -> tuple[Any, Ty]:
        """A path in value position: (Res, its type)."""
        segs = path.segments
        if qself is not None:
            self_ty = self.lower(qself)
            trait_segs = segs[:-1]
            d, used = resolve_module_path(self.tables, self.module, self.checker.root, [s.name for s in trait_segs], "types")
            if isinstance(d, TraitDef) and segs[-1].name in d.methods:
                args = tuple(self.infcx.new_var() for _ in d.params)
                return self.fn_res(d.methods[segs[-1].name], (self_ty,) + args, segs[-1], span, d)
            found = probe_assoc(self, self_ty, segs[-1].name)
            if found is not None:
                return self.assoc_res(found, segs[-1], span)
            return None, self.error(errors.unresolved_value(span, str(path)))
        if len(segs) == 1 and not path.global_:
            name = segs[0].name
            b = self.lookup_local(name)
            if b is not None:
                return LocalRes(b, name), self.local_tys[b]
        first = segs[0].name
        if len(segs) >= 2 and (first in self.params or first == "Self" and self.self_ty is not None):
            base = self.params[first] if first in self.params else self.self_ty
            if isinstance(base, Param) or first in self.params or len(segs) > 2:
                return self.type_relative(base, segs[1], span)
            return self.type_relative_or_variant(base, segs[1], span)
        if len(segs) == 1 and first == "Self" and isinstance(self.self_ty, Adt):
            return self.ctor_value(CtorDef(self.self_ty.adt, 0), span, self.self_ty)
        names = [s.name for s in segs]
        d, used = resolve_module_path(self.tables, self.module, self.checker.root, names, "values")
        if d is None:
            if len(segs) == 1:
                return None, self.error(errors.unresolved_value(segs[0].span, first, is_fn=callee))
            bad = segs[used] if 0 < used < len(segs) else segs[0]
            return None, self.error(errors.failed_to_resolve(bad.span, bad.name))
        if used == len(segs):
            return self.value_def(d, segs[-1], span)
        if used == len(segs) - 1:
            if isinstance(d, TraitDef):
                m = d.methods.get(segs[-1].name)
                if m is None:
                    return None, self.error(errors.unresolved_value(span, str(path)))
                args = tuple(self.infcx.new_var() for _ in d.params)
                return self.fn_res(m, (self.infcx.new_var(),) + args, segs[-1], span, d)
            if isinstance(d, AdtDef) and d.is_enum:
                base = adt_ty(d, segs[-2].args, self.lower_cx, span)
                return self.type_relative_or_variant(base, segs[-1], span)
            base = instantiate_type_def(d, segs[-2], self.lower_cx) if not isinstance(d, Ty) else d
            if base is not None:
                return self.type_relative(base, segs[-1], span)
        bad = segs[used] if used < len(segs) else segs[-1]
        return None, self.error(errors.failed_to_resolve(bad.span, bad.name))

    def type_relative_or_variant(self: Any, base: Ty, seg: ast.PathSegment, span: Any) -> tuple[Any, Ty]:
        if isinstance(base, Adt) and base.adt.is_enum:
            for i, v in enumerate(base.adt.variants):
                if v.name == seg.name:
                    return self.ctor_value(CtorDef(base.adt, i), span, base)
        return self.type_relative(base, seg, span)

    def type_relative(self: Any, base: Ty, seg: ast.PathSegment, span: Any) -> tuple[Any, Ty]:
        if isinstance(base, ErrorTy):
            return None, ERROR
        found = probe_assoc(self, base, seg.name)
        if found is None:
            if isinstance(base, Adt) and base.adt.is_enum:
                return None, self.error(errors.no_variant(seg.span, seg.name, base))
            return None, self.error(errors.no_assoc_item(seg.span, seg.name, base))
        return self.assoc_res(found, seg, span)

    def assoc_res(self: Any, found: tuple, seg: ast.PathSegment, span: Any) -> tuple[Any, Ty]:
        kind, d, args, trait = found
        if kind == "fn":
            return self.fn_res(d, args, seg, span, trait)
        c: ConstDef = d
        if trait is not None:  # a trait's const on a type whose impl is not known here
            ty = self.normalize(self.scx.inst(c.ty, {"Self": args[0]})) if c.ty is not None else ERROR
            return ConstRes(c.ast, ty, trait, args[0]), ty
        substs = dict(zip(c.impl.params, args)) if c.impl is not None else {}
        ty = self.normalize(self.scx.inst(c.ty, substs)) if c.ty is not None else ERROR
        return ConstRes(c.ast, ty), ty

    def value_def(self: Any, d: Any, seg: ast.PathSegment, span: Any) -> tuple[Any, Ty]:
        if isinstance(d, ErrorTy):
            return None, ERROR
        if isinstance(d, FnDef):
            return self.fn_res(d, (), seg, span, None)
        if isinstance(d, CtorDef):
            return self.ctor_value(d, span, None, seg)
        if isinstance(d, ConstDef):
            ty = erase_body_regions(d.ty) if d.ty is not None else ERROR
            if d.is_static:
                if d.mutable and self.unsafe_depth == 0:
                    self.error(errors.unsafe_op(span, "static_mut"))
                return StaticRes(d.ast, ty, d.mutable), ty
            return ConstRes(d.ast, ty), ty
        return None, self.error(errors.unresolved_value(span, seg.name))

    def ctor_value(self: Any, d: CtorDef, span: Any, base: Optional[Ty], seg: Optional[ast.PathSegment] = None) -> tuple[Any, Ty]:
        if base is None:
            args_ast = seg.args if seg is not None else None
            base = adt_ty(d.adt, args_ast, self.lower_cx, span)
        assert isinstance(base, Adt)
        return CtorRes(d.adt, d.variant, base.args), Adt(d.adt, base.args)

    def fn_res(self: Any, fn: FnDef, parent_args: tuple[Ty, ...], seg: ast.PathSegment, span: Any,
               trait: Optional[TraitDef]) -> tuple[Any, Ty]:
        args = self.instantiate_fn(fn, parent_args, seg.args, span)
        return FnRes(fn, args), FnDefTy(fn, args)

    def instantiate_fn(self: Any, fn: FnDef, parent_args: tuple[Ty, ...], turbofish: Any, span: Any) -> tuple[Ty, ...]:
        """Generic arguments for a use of fn: the parent's (impl/trait) then its own, fresh or from `::<..>`;
        registers fn's where-clauses as obligations."""
        own = fn.params[len(parent_args):]
        given = [self.lower(t) for t in turbofish.types] if turbofish is not None and not turbofish.parenthesized else []
        args = list(parent_args)
        for i, _ in enumerate(own):
            args.append(given[i] if i < len(given) else self.infcx.new_var())
        substs = dict(zip(fn.params, args))
        self.checker.ensure_revealed(fn)
        self.register_predicates(self.tables.predicates.get(fn, []), substs, span)
        return tuple(args)

    def fn_sig_inst(self: Any, fn: FnDef, args: tuple[Ty, ...]) -> tuple[list[Ty], Ty]:
        substs = dict(zip(fn.params, args))
        inputs = [self.normalize(self.scx.inst(t, substs)) for t in fn.sig.inputs]
        return inputs, self.normalize(self.scx.inst(fn.sig.output, substs))

    # ------------------------------------------------------------ fields and indexing

    def expr_Field(self: Any, e: ast.Field, expected: Optional[Ty]) -> Ty:
        base = self.check_expr(e.operand, None)
        if self.infcx.is_unresolved(base):
            self.select_where_possible()
        steps = [s for s in autoderef_steps(self, base) if not isinstance(s.adjustment, Unsize)]
        private = None
        for i, step in enumerate(steps):
            s = self.shallow(step.ty)
            if isinstance(s, ErrorTy):
                return ERROR
            ty = None
            if isinstance(s, Adt) and s.adt.is_struct:
                idx = s.adt.variants[0].field_index(e.name)
                if idx is not None and not self.field_visible(s.adt, idx):
                    private = private or s
                    idx = None  # a std type's private field: autoderef goes on (RefMut -> T)
                if idx is not None:
                    e.res = FieldRes(idx)
                    ty = self.normalize(erase_body_regions(self.tcx.field_tys(s, 0)[idx]))
            elif isinstance(s, Tuple) and e.name.isdigit() and int(e.name) < len(s.elems):
                e.res = FieldRes(int(e.name))
                ty = s.elems[int(e.name)]
            if ty is not None:
                self.add_adjustments(e.operand, [st.adjustment for st in steps[1:i + 1]])
                return ty
        shown = self.shown(base)
        span = e.name_span or e.span
        if isinstance(shown, (Int, Float, Bool, Char)) or isinstance(shown, Infer) and shown.kind != "ty":
            return self.error(errors.primitive_field(span, shown))
        if private is not None:
            return self.error(errors.private_field(span, e.name, "struct", private.adt.name))
        if probe_method(self, base, e.name)[0] is not None:
            return self.error(errors.method_as_field(span, e.name, shown))
        return self.error(errors.no_field(span, e.name, shown))

    def field_visible(self: Any, adt: AdtDef, idx: int) -> bool:
        """Fields of the crate's own types are visible everywhere in it; std's only when `pub`."""
        return adt in self.checker.user_adt_set or adt.variants[0].fields[idx].is_pub

    def expr_Index(self: Any, e: ast.Index, expected: Optional[Ty]) -> Ty:
        base = self.check_expr(e.operand, None)
        idx = self.check_expr(e.index, None)
        if self.infcx.is_unresolved(base):
            self.select_where_possible()
        index_trait = self.tcx.lang_trait("Index")
        steps = autoderef_steps(self, base)
        for i, step in enumerate(steps):
            if isinstance(step.adjustment, Unsize):
                break
            s = self.shallow(step.ty)
            if isinstance(s, ErrorTy):
                return ERROR
            it = self.shallow(idx)
            if isinstance(s, (Array, Slice)) and is_intlike(it):
                if not self.infcx.unify(it, USIZE):
                    return self.error(errors.bad_index(e.index.span, self.shown(_slice_of(s)), it))
                self.add_adjustments(e.operand, [st.adjustment for st in steps[1:i + 1]])
                e.res = None
                return s.elem
            if index_trait is None:
                continue
            ob = Obligation(s, index_trait, (idx,), e.span)
            r = self.scx.evaluate(s, index_trait, (idx,))
            if r == NO:
                continue
            self.add_adjustments(e.operand, [st.adjustment for st in steps[1:i + 1]])
            self.register(ob)
            method = index_trait.methods["index"]
            e.res = OverloadedOp(method, (s, idx), True)
            return self.normalize(Projection(index_trait, s, "Output", (idx,)))
        b = self.shallow(base)
        peeled = b
        while isinstance(peeled, Ref):
            peeled = self.shallow(peeled.inner)
        if isinstance(peeled, (Array, Slice)) or isinstance(peeled, Adt) and peeled.adt.lang in ("Vec", "String"):
            return self.error(errors.bad_index(e.index.span, _slice_of(peeled), self.shown(idx)))
        if isinstance(peeled, Str):
            return self.error(errors.bad_index(e.index.span, "str", self.shown(idx)))
        brackets = type(e.span)(e.span.file, e.operand.span.hi, e.span.hi)
        return self.error(errors.cannot_index(brackets, self.shown(base)))

    def convert_place_to_mutable(self: Any, e: Any) -> None:
        """A place used mutably: its overloaded derefs and indexing become the `_mut` versions."""
        from .method import deref_mut_fn
        from .results import Deref
        cur = e
        while True:
            adjs = self.results.adjustments.get(cur)
            if adjs and cur is not e:
                prev = cur.ty
                new = []
                for a in adjs:
                    if isinstance(a, Deref) and a.overloaded is not None and not a.mutable:
                        new.append(Deref(a.target, deref_mut_fn(self, prev) or a.overloaded, True))
                    else:
                        new.append(a)
                    prev = getattr(a, "target", prev)
                self.results.adjustments[cur] = new
            if isinstance(cur, ast.Paren):
                cur = cur.inner
            elif isinstance(cur, ast.Field):
                self._mut_adjust(cur.operand)
                cur = cur.operand
            elif isinstance(cur, ast.Index):
                if isinstance(cur.res, OverloadedOp):
                    im = self.tcx.lang_trait("IndexMut")
                    if im is not None:
                        cur.res = OverloadedOp(im.methods["index_mut"], cur.res.args, True)
                        self.register(Obligation(cur.res.args[0], im, cur.res.args[1:], cur.span))
                self._mut_adjust(cur.operand)
                cur = cur.operand
            elif isinstance(cur, ast.Unary) and cur.op == "*":
                dm = self.tcx.lang_trait("DerefMut")
                if isinstance(cur.res, OverloadedOp) and dm is not None:
                    cur.res = OverloadedOp(dm.methods["deref_mut"], cur.res.args, True)
                    self.register(Obligation(cur.res.args[0], dm, (), cur.span))
                cur = cur.operand
            else:
                return

    def _mut_adjust(self: Any, operand: Any) -> None:
        from .method import deref_mut_fn
        from .results import Deref
        adjs = self.results.adjustments.get(operand)
        if not adjs:
            return
        prev = operand.ty
        new = []
        for a in adjs:
            if isinstance(a, Deref) and a.overloaded is not None and not a.mutable:
                new.append(Deref(a.target, deref_mut_fn(self, prev) or a.overloaded, True))
            else:
                new.append(a)
            prev = getattr(a, "target", prev)
        self.results.adjustments[operand] = new

    # ------------------------------------------------------------ struct literals

    def expr_StructLit(self: Any, e: ast.StructLit, expected: Optional[Ty]) -> Ty:
        found = self.resolve_struct_path(e.path, e.span)
        if found is None:
            for f in e.fields:
                self.check_expr(f.value, None)
            if e.base is not None:
                self.check_expr(e.base, None)
            return ERROR
        adt_t, vidx = found
        if expected is not None:
            exp = self.shallow(expected)
            if isinstance(exp, Adt) and exp.adt is adt_t.adt:
                self.infcx.unify(adt_t, exp)
        variant = adt_t.adt.variants[vidx]
        e.res = CtorRes(adt_t.adt, vidx, adt_t.args)
        ftys = [self.normalize(erase_body_regions(t)) for t in self.tcx.field_tys(adt_t, vidx)]
        seen = set()
        kind = "variant" if adt_t.adt.is_enum else "struct"
        shown = f"{adt_t.adt.name}::{variant.name}" if adt_t.adt.is_enum else adt_t.adt.name
        for f in e.fields:
            idx = variant.field_index(f.name)
            if idx is None:
                name_span = type(f.span)(f.span.file, f.span.lo, f.span.lo + len(f.name.encode()))
                self.error(errors.no_such_field_lit(name_span, kind, shown, f.name))
                self.check_expr(f.value, None)
                continue
            seen.add(f.name)
            self.check_coerce(f.value, ftys[idx])
        if e.base is not None:
            self.check_coerce(e.base, adt_t)
        else:
            missing = [fd.name for fd in variant.fields if fd.name not in seen]
            if missing:
                self.error(errors.missing_fields(e.path.span, missing, shown))
        return adt_t

    def resolve_struct_path(self: Any, path: ast.Path, span: Any) -> Optional[tuple[Adt, int]]:
        segs = path.segments
        if segs[0].name == "Self" and self.self_ty is not None:
            base = self.shallow(self.self_ty)
            if len(segs) == 1 and isinstance(base, Adt):
                return base, 0
            if len(segs) == 2 and isinstance(base, Adt) and base.adt.is_enum:
                for i, v in enumerate(base.adt.variants):
                    if v.name == segs[1].name:
                        return base, i
        d, used = resolve_module_path(self.tables, self.module, self.checker.root, [s.name for s in segs], "types")
        if isinstance(d, AdtDef) and used == len(segs) and d.is_struct:
            return adt_ty(d, segs[-1].args, self.lower_cx, span), 0
        if isinstance(d, CtorDef) and used == len(segs):
            return adt_ty(d.adt, segs[-2].args if len(segs) > 1 else None, self.lower_cx, span), d.variant
        if isinstance(d, AliasDef) and used == len(segs):
            t = instantiate_type_def(d, segs[-1], self.lower_cx)
            if isinstance(t, Adt):
                return t, 0
        if d is None or used != len(segs):
            self.error(errors.unresolved_struct(path.span, str(path)))
        else:
            self.error(errors.not_a_struct(path.span, str(path)))
        return None

    # ------------------------------------------------------------ `?`

    def expr_Try(self: Any, e: ast.Try, expected: Optional[Ty]) -> Ty:
        t = self.check_expr(e.operand, None)
        if self.infcx.is_unresolved(t):
            self.select_where_possible()
        s = self.shallow(t)
        ret = self.shallow(self.ret_stack[-1]) if self.ret_stack else UNIT
        if isinstance(s, ErrorTy):
            return ERROR
        if not isinstance(s, Adt) or s.adt.lang not in ("Option", "Result"):
            return self.error(errors.try_on_wrong_type(e.span, self.shown(t)))
        if isinstance(ret, Infer):
            self.infcx.unify(ret, Adt(s.adt, tuple(self.infcx.new_var() for _ in s.args)))
            ret = self.shallow(ret)
        if not isinstance(ret, Adt) or ret.adt is not s.adt:
            self.error(errors.try_in_wrong_fn(e.span))
            return s.args[0]
        if s.adt.lang == "Option":
            e.res = TryRes("option")
            return s.args[0]
        from_trait = self.tcx.lang_trait("From")
        err_from, err_to = s.args[1], ret.args[1]
        from_fn = None
        if from_trait is not None:
            self.register(Obligation(err_to, from_trait, (err_from,), e.span))
            from_fn = FnRes(from_trait.methods["from"], (err_to, err_from))
        e.res = TryRes("result", from_fn)
        return s.args[0]


def for_loop_res(fcx: Any, e: ast.For, it: Ty) -> Ty:
    """Resolve `for` over it: IntoIterator::into_iter, then Iterator::next; returns the item type."""
    into = fcx.tcx.lang_trait("IntoIterator")
    iterator = fcx.tcx.lang_trait("Iterator")
    if into is None or iterator is None:
        return fcx.error(errors.unsupported_here(e.span, "for loops without std"))
    if fcx.infcx.is_unresolved(it):
        fcx.select_where_possible()
    s = fcx.shallow(it)
    if isinstance(s, ErrorTy):
        return ERROR
    if fcx.scx.evaluate(s, into, ()) == NO:
        return fcx.error(errors.not_iterator(e.iter.span, fcx.shown(it)))
    fcx.register(Obligation(s, into, (), e.iter.span))
    iter_ty = fcx.normalize(Projection(into, s, "IntoIter", ()))
    item = fcx.normalize(Projection(iterator, iter_ty, "Item", ()))
    e.res = ForRes(MethodRes(into.methods["into_iter"], (s,)), MethodRes(iterator.methods["next"], (iter_ty,)),
                   iter_ty, item)
    return item


def _strip_paren(e: Any) -> Any:
    while isinstance(e, ast.Paren):
        e = e.inner
    return e


def _slice_of(t: Ty) -> Any:
    if isinstance(t, Array):
        return Slice(t.elem)
    if isinstance(t, Adt) and t.adt.lang == "Vec" and t.args:
        return t
    return t


def _fn_display(fn: FnDef) -> str:
    """How rustc names a function in E0133: `std::ptr::read` for a std free function."""
    if fn.intrinsic and fn.impl is None and fn.trait is None:
        return "std::" + fn.intrinsic
    return fn.intrinsic or fn.path
