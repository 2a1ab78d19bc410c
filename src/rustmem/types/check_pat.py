"""Patterns: the `PatChecker` mixin of `FnCtxt`, with match ergonomics (RFC 2005).

A non-reference pattern (struct, tuple, variant, slice, literal) matched against a
reference peels the reference and switches the default binding mode to `ref`/`ref mut`;
the peeled reference types go to `pat_adjustments[pat]` and each binding's mode to
`pat_binding_modes[ident_pat]`.  `Pat.ty` is the type the pattern matches after peeling;
a binding's local has type `Pat.ty` (mode "value"), `&Pat.ty` ("ref") or `&mut Pat.ty` ("refmut").
"""
from __future__ import annotations

from typing import Any, Optional

from ..syntax import ast
from . import errors
from .ctxt import ConstDef, CtorDef
from .resolve import adt_ty, lookup, resolve_module_path
from .results import ConstRes, CtorRes, LocalRes
from .ty import ERASED, ERROR, STR, Adt, AdtDef, Array, ErrorTy, Infer, Ref, Slice, Tuple, Ty, erase_body_regions


class PatChecker:
    """Mixin: pattern checking for FnCtxt."""

    def check_pat_top(self: Any, pat: Any, expected: Ty, irrefutable: bool, origin: str = "local binding") -> None:
        """A whole pattern; an irrefutable one (let, parameter, for) is checked for refutability
        once types are known, origin naming the position as rustc's E0005 does."""
        self.check_pat(pat, expected, "value")
        if irrefutable:
            self.checker.refutability_checks.append((self, pat, origin))

    def check_pat(self: Any, pat: Any, expected: Ty, mode: str) -> None:
        if self.peels(pat, expected):
            peeled: list[Ty] = []
            t = self.shallow(expected)
            str_lit = isinstance(pat, ast.LitPat) and pat.lit.kind in ("str", "bytestr")
            while isinstance(t, Ref):
                if str_lit and not isinstance(self.shallow(t.inner), Ref):
                    break  # a string literal pattern is itself a reference
                peeled.append(t)
                mode = "ref" if not t.mutable or mode == "ref" else "refmut"
                t = self.shallow(t.inner)
            if peeled:
                self.results.pat_adjustments[pat] = peeled
            expected = t
        method = getattr(self, "pat_" + type(pat).__name__)
        method(pat, expected, mode)
        self.record(pat, expected)

    def peels(self: Any, pat: Any, expected: Ty) -> bool:
        if isinstance(pat, (ast.WildPat, ast.RefPat, ast.RestPat, ast.OrPat)):
            return False
        if isinstance(pat, ast.IdentPat):
            return self.ident_is_path(pat) is not None
        return isinstance(self.shallow(expected), Ref)

    def ident_is_path(self: Any, pat: ast.IdentPat) -> Any:
        """A lone identifier naming a unit struct/variant or a const is a path pattern."""
        if pat.by_ref or pat.mutable or pat.sub is not None:
            return None
        d = lookup(self.tables, self.module, pat.name, "values")
        if isinstance(d, CtorDef) and d.adt.variants[d.variant].kind == "unit":
            return d
        if isinstance(d, ConstDef) and not d.is_static:
            return d
        return None

    # ------------------------------------------------------------ bindings

    def pat_IdentPat(self: Any, pat: ast.IdentPat, expected: Ty, mode: str) -> None:
        d = self.ident_is_path(pat)
        if d is not None:
            self.path_pat_def(pat, d, expected, None)
            return
        if pat.by_ref:
            bm = "refmut" if pat.mutable else "ref"
        elif pat.mutable:
            bm = "value"
        else:
            bm = mode
        self.results.pat_binding_modes[pat] = bm
        ty = expected if bm == "value" else Ref(ERASED, bm == "refmut", expected)
        if pat.sub is not None:
            if isinstance(pat.sub, ast.RestPat):
                self.record(pat.sub, expected)
            else:
                self.check_pat(pat.sub, expected, mode)
        pat.res = LocalRes(pat, pat.name)
        alias = self.or_alias.get(pat.name) if getattr(self, "or_alias", None) else None
        if alias is not None:
            pat.res = LocalRes(alias, pat.name)
            if not self.infcx.unify(self.local_tys[alias], ty):
                self.error(errors.mismatched(pat.span, self.ty_str(self.local_tys[alias]), self.ty_str(ty)))
            return
        self.declare_local(pat.name, pat, ty)

    def pat_WildPat(self: Any, pat: ast.WildPat, expected: Ty, mode: str) -> None:
        pass

    def pat_RestPat(self: Any, pat: ast.RestPat, expected: Ty, mode: str) -> None:
        pass

    def pat_RefPat(self: Any, pat: ast.RefPat, expected: Ty, mode: str) -> None:
        t = self.shallow(expected)
        if isinstance(t, Infer):
            inner = self.infcx.new_var()
            self.infcx.unify(t, Ref(ERASED, pat.mutable, inner))
            t = self.shallow(t)
        if not isinstance(t, Ref) or t.mutable != pat.mutable:
            if not isinstance(t, ErrorTy):
                self.error(errors.mismatched(pat.span, self.ty_str(expected), ("&mut _" if pat.mutable else "&_")))
            self.check_pat(pat.pat, ERROR, "value")
            return
        self.check_pat(pat.pat, t.inner, "value")

    # ------------------------------------------------------------ literals and ranges

    def pat_LitPat(self: Any, pat: ast.LitPat, expected: Ty, mode: str) -> None:
        lt = self.check_expr(pat.lit, expected)
        if not self.infcx.unify(expected, lt):
            self.error(errors.mismatched(pat.span, self.ty_str(expected), self.ty_str(lt)))

    def pat_RangePat(self: Any, pat: ast.RangePat, expected: Ty, mode: str) -> None:
        for end in (pat.lo, pat.hi):
            if end is None:
                continue
            t = self.check_expr(end, expected)
            if not self.infcx.unify(expected, t):
                self.error(errors.mismatched(end.span, self.ty_str(expected), self.ty_str(t)))

    # ------------------------------------------------------------ compound patterns

    def pat_TuplePat(self: Any, pat: ast.TuplePat, expected: Ty, mode: str) -> None:
        t = self.shallow(expected)
        rest = [i for i, p in enumerate(pat.elems) if isinstance(p, ast.RestPat)]
        n = len(pat.elems) - len(rest)
        if isinstance(t, Infer) and not rest:
            t2 = Tuple(tuple(self.infcx.new_var() for _ in pat.elems))
            self.infcx.unify(t, t2)
            t = t2
        if not isinstance(t, Tuple) or (len(t.elems) != n if not rest else len(t.elems) < n):
            if not isinstance(t, ErrorTy):
                found = "(" + ", ".join("_" for _ in range(n)) + ("," if n == 1 else "") + ")"
                self.error(errors.mismatched(pat.span, self.ty_str(expected), found))
            for p in pat.elems:
                self.check_pat(p, ERROR, mode)
            return
        self.check_seq(pat.elems, list(t.elems), mode)

    def check_seq(self: Any, pats: list[Any], tys: list[Ty], mode: str) -> None:
        """Element patterns against element types, with at most one `..`."""
        rest = next((i for i, p in enumerate(pats) if isinstance(p, ast.RestPat)), None)
        if rest is None:
            for p, t in zip(pats, tys):
                self.check_pat(p, t, mode)
            for p in pats[len(tys):]:
                self.check_pat(p, ERROR, mode)
            return
        before, after = pats[:rest], pats[rest + 1:]
        for p, t in zip(before, tys):
            self.check_pat(p, t, mode)
        self.record(pats[rest], UNIT_T)
        for p, t in zip(after, tys[len(tys) - len(after):]):
            self.check_pat(p, t, mode)

    def pat_SlicePat(self: Any, pat: ast.SlicePat, expected: Ty, mode: str) -> None:
        t = self.shallow(expected)
        if not isinstance(t, (Array, Slice)):
            if not isinstance(t, ErrorTy):
                self.error(errors.mismatched(pat.span, self.ty_str(expected), "[_]"))
            return
        fixed = [p for p in pat.elems if not _is_rest(p)]
        for p in pat.elems:
            if _is_rest(p):
                if isinstance(p, ast.IdentPat):
                    sub_ty: Ty = Slice(t.elem) if isinstance(t, Slice) else Array(t.elem, t.length - len(fixed))
                    self.pat_IdentPat(p, sub_ty, mode)
                    self.record(p, sub_ty)
                else:
                    self.record(p, t)
            else:
                self.check_pat(p, t.elem, mode)

    def pat_OrPat(self: Any, pat: ast.OrPat, expected: Ty, mode: str) -> None:
        first = pat.alts[0]
        self.check_pat(first, expected, mode)
        names = {}
        _bindings(first, names)
        saved = getattr(self, "or_alias", None)
        self.or_alias = names
        for alt in pat.alts[1:]:
            self.check_pat(alt, expected, mode)
        self.or_alias = saved

    def pat_StructPat(self: Any, pat: ast.StructPat, expected: Ty, mode: str) -> None:
        found = self.resolve_struct_path(pat.path, pat.span)
        if found is None:
            for f in pat.fields:
                self.check_pat(f.pat, ERROR, mode)
            return
        adt_t, vidx = found
        if not self.infcx.unify(adt_t, expected):
            self.error(errors.mismatched(pat.span, self.ty_str(expected), self.ty_str(adt_t)))
        pat.path.res = CtorRes(adt_t.adt, vidx, adt_t.args)
        variant = adt_t.adt.variants[vidx]
        ftys = [self.normalize(erase_body_regions(t)) for t in self.tcx.field_tys(adt_t, vidx)]
        seen = set()
        shown = f"{adt_t.adt.name}::{variant.name}" if adt_t.adt.is_enum else adt_t.adt.name
        for f in pat.fields:
            idx = variant.field_index(f.name)
            if idx is None:
                self.error(errors.no_field_pat(f.span, "variant" if adt_t.adt.is_enum else "struct", shown, f.name))
                self.check_pat(f.pat, ERROR, mode)
                continue
            seen.add(f.name)
            self.check_pat(f.pat, ftys[idx], mode)
        missing = [fd.name for fd in variant.fields if fd.name not in seen]
        if missing and not pat.has_rest:
            self.error(errors.pat_missing_fields(pat.span, missing, shown))

    def pat_TupleStructPat(self: Any, pat: ast.TupleStructPat, expected: Ty, mode: str) -> None:
        d = self.resolve_ctor_path(pat.path, expected)
        if d is None:
            for p in pat.elems:
                self.check_pat(p, ERROR, mode)
            return
        adt_t, vidx = d
        if not self.infcx.unify(adt_t, expected):
            self.error(errors.mismatched(pat.span, self.ty_str(expected), self.ty_str(adt_t)))
        pat.path.res = CtorRes(adt_t.adt, vidx, adt_t.args)
        variant = adt_t.adt.variants[vidx]
        ftys = [self.normalize(erase_body_regions(t)) for t in self.tcx.field_tys(adt_t, vidx)]
        has_rest = any(isinstance(p, ast.RestPat) for p in pat.elems)
        n = len(pat.elems) - (1 if has_rest else 0)
        if n != len(ftys) and not (has_rest and n <= len(ftys)):
            kind = "tuple variant" if adt_t.adt.is_enum else "tuple struct"
            span = pat.elems[0].span.to(pat.elems[-1].span) if pat.elems else pat.span
            self.error(errors.tuple_pat_arity(span, len(ftys), n, kind, variant.name))
        self.check_seq(pat.elems, ftys, mode)

    def pat_PathPat(self: Any, pat: ast.PathPat, expected: Ty, mode: str) -> None:
        segs = pat.path.segments
        d: Any = None
        if segs[0].name == "Self" and isinstance(self.self_ty, Adt) and len(segs) == 2:
            for i, v in enumerate(self.self_ty.adt.variants):
                if v.name == segs[1].name:
                    d = CtorDef(self.self_ty.adt, i)
        if d is None:
            d, used = resolve_module_path(self.tables, self.module, self.checker.root, [s.name for s in segs], "values")
            if used != len(segs):
                d = None
        if d is None:
            self.error(errors.unresolved_value(pat.path.span, str(pat.path)))
            return
        self.path_pat_def(pat, d, expected, pat.path)

    def path_pat_def(self: Any, pat: Any, d: Any, expected: Ty, path: Optional[ast.Path]) -> None:
        if isinstance(d, CtorDef):
            adt_t = Adt(d.adt, tuple(self.infcx.new_var() for _ in d.adt.params))
            res: Any = CtorRes(d.adt, d.variant, adt_t.args)
            ty: Ty = adt_t
        elif isinstance(d, ConstDef):
            ty = erase_body_regions(d.ty) if d.ty is not None else ERROR
            res = ConstRes(d.ast, ty)
        else:
            self.error(errors.unresolved_value(pat.span, getattr(pat, "name", str(path))))
            return
        if not self.infcx.unify(ty, expected):
            self.error(errors.mismatched(pat.span, self.ty_str(expected), self.ty_str(ty)))
        if path is not None:
            path.res = res
        else:
            pat.res = res

    def resolve_ctor_path(self: Any, path: ast.Path, expected: Ty) -> Optional[tuple[Adt, int]]:
        segs = path.segments
        if segs[0].name == "Self" and isinstance(self.self_ty, Adt):
            base = self.self_ty
            if len(segs) == 1:
                return base, 0
            for i, v in enumerate(base.adt.variants):
                if v.name == segs[1].name:
                    return base, i
        d, used = resolve_module_path(self.tables, self.module, self.checker.root, [s.name for s in segs], "values")
        if isinstance(d, CtorDef) and used == len(segs):
            args = segs[-2].args if len(segs) > 1 and d.adt.is_enum else segs[-1].args
            return adt_ty(d.adt, args, self.lower_cx, path.span), d.variant
        self.error(errors.unresolved_struct(path.span, str(path)) if d is None else
                   errors.unresolved_value(path.span, str(path)))
        return None


def _is_rest(p: Any) -> bool:
    return isinstance(p, ast.RestPat) or isinstance(p, ast.IdentPat) and isinstance(p.sub, ast.RestPat)


def _bindings(pat: Any, out: dict[str, Any]) -> None:
    if isinstance(pat, ast.IdentPat) and isinstance(pat.res, LocalRes) and pat.res.binding is pat:
        out[pat.name] = pat
    for c in ast.children(pat):
        if isinstance(c, ast.Pat):
            _bindings(c, out)
        elif isinstance(c, ast.FieldPat):
            _bindings(c.pat, out)


UNIT_T = Tuple(())

__all__ = ["PatChecker", "AdtDef", "STR", "ErrorTy"]
