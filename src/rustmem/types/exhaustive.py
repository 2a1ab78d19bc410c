"""Exhaustiveness of `match` (E0004) and refutability of `let`/parameter patterns (E0005).

The usefulness algorithm of rustc's `rustc_pattern_analysis` (after Maranget, "Warnings for
pattern matching"), on the patterns of the subset: a match is exhaustive when the wildcard
row is not useful after its arms (guarded arms do not count).  Constructors are the
variants of an enum, `true`/`false`, one constructor for structs, tuples, references and
arrays, integer/char ranges split at the patterns' boundaries, and fixed lengths for
slices; literals of other types (strings, floats) never cover their type.  Runs after
writeback, on resolved types; references peeled by match ergonomics are transparent.
"""
from __future__ import annotations

from ..records import record
from typing import Any, Optional

from ..syntax import ast
from . import errors
from .ty import Adt, Array, Bool, Char, Int, Ref, Slice, Tuple, Ty, erase_regions

WILD = None  # a pattern that matches anything


@record(frozen=True, slots=False)
class Ctor:
    kind: str  # "variant" | "single" | "bool" | "range" | "opaque" | "slice"
    value: Any = None  # variant index, bool, (lo, hi), literal value, slice length


def check_refutability(checker: Any) -> None:
    """Report non-exhaustive matches and refutable patterns where a pattern must be irrefutable."""
    for fcx, match in checker.matches:
        if fcx.error_count:
            continue  # as rustc: a body with type errors is not checked for exhaustiveness
        arms = [a.pat for a in match.arms if a.guard is None]
        ty = match.scrutinee.ty
        w = Usefulness(fcx).witness([[p] for p in arms], [ty])
        if w is not None:
            fcx.diags.append(errors.non_exhaustive(match.scrutinee.span, [w[0]], ty)
                             .with_note(f"the matched value is of type `{erase_regions(ty)}`"))
    for fcx, pat, origin in checker.refutability_checks:
        ty = pat.ty
        if ty is None or fcx.error_count:
            continue
        w = Usefulness(fcx).witness([[pat]], [ty])
        if w is not None:
            fcx.diags.append(errors.refutable_pattern(pat.span, [w[0]], origin))


class Usefulness:
    def __init__(self, fcx: Any) -> None:
        self.tcx = fcx.tcx

    # -- patterns to (constructor, fields)

    def expand_or(self, row: list[Any]) -> list[list[Any]]:
        head = row[0]
        if isinstance(head, ast.OrPat):
            out = []
            for alt in head.alts:
                out.extend(self.expand_or([alt] + row[1:]))
            return out
        return [row]

    def head(self, pat: Any, ty: Ty) -> tuple[Optional[Ctor], list[Any]]:
        """pat's constructor at type ty and its field patterns (None: a wildcard)."""
        if pat is WILD or isinstance(pat, (ast.WildPat, ast.RestPat)):
            return None, []
        from .results import ConstRes, CtorRes
        if isinstance(pat, ast.IdentPat) and not isinstance(pat.res, (CtorRes, ConstRes)):
            return self.head(pat.sub, ty) if pat.sub is not None else (None, [])
        if isinstance(ty, Ref):
            if isinstance(pat, ast.RefPat):
                return Ctor("single"), [pat.pat]
            return Ctor("single"), [pat]  # match ergonomics: the reference is peeled implicitly
        if isinstance(pat, ast.IdentPat):
            if isinstance(pat.res, CtorRes):
                return self.variant_ctor(pat.res.adt, pat.res.variant, ty), []
            return Ctor("opaque", id(pat)), []
        if isinstance(pat, ast.LitPat):
            v = pat.lit.value
            if isinstance(ty, Bool):
                return Ctor("bool", bool(v)), []
            if isinstance(ty, (Int, Char)):
                n = ord(v) if isinstance(v, str) else int(v)
                return Ctor("range", (n, n)), []
            return Ctor("opaque", ("lit", v)), []
        if isinstance(pat, ast.RangePat):
            lo, hi = _range_bounds(pat, ty)
            if lo is None:
                return Ctor("opaque", id(pat)), []
            return Ctor("range", (lo, hi)), []
        if isinstance(pat, ast.TuplePat):
            n = len(ty.elems) if isinstance(ty, Tuple) else len(pat.elems)
            return Ctor("single"), _with_rest(pat.elems, n)
        if isinstance(pat, ast.TupleStructPat):
            res = pat.path.res
            if res is None:
                return None, []
            n = len(res.adt.variants[res.variant].fields)
            return self.variant_ctor(res.adt, res.variant, ty), _with_rest(pat.elems, n)
        if isinstance(pat, ast.StructPat):
            res = pat.path.res
            if res is None:
                return None, []
            variant = res.adt.variants[res.variant]
            fields: list[Any] = [WILD] * len(variant.fields)
            for f in pat.fields:
                i = variant.field_index(f.name)
                if i is not None:
                    fields[i] = f.pat
            return self.variant_ctor(res.adt, res.variant, ty), fields
        if isinstance(pat, ast.PathPat):
            from .results import CtorRes
            res = pat.path.res
            if isinstance(res, CtorRes):
                return self.variant_ctor(res.adt, res.variant, ty), []
            return Ctor("opaque", id(pat)), []
        if isinstance(pat, ast.SlicePat):
            if isinstance(ty, Array):
                return Ctor("single"), _with_rest(pat.elems, ty.length)
            has_rest = any(_is_rest(p) for p in pat.elems)
            n = len(pat.elems) - (1 if has_rest else 0)
            return Ctor("slice", (n, has_rest)), list(pat.elems)
        return None, []

    def variant_ctor(self, adt: Any, variant: int, ty: Ty) -> Ctor:
        return Ctor("variant", variant) if adt.is_enum else Ctor("single")

    # -- the types' constructors

    def field_tys(self, c: Ctor, ty: Ty, fields_hint: int = 0) -> list[Ty]:
        if isinstance(ty, Ref):
            return [ty.inner]
        if isinstance(ty, Tuple):
            return list(ty.elems)
        if isinstance(ty, Adt):
            return list(self.tcx.field_tys(ty, c.value if c.kind == "variant" else 0))
        if isinstance(ty, Array):
            return [ty.elem] * max(ty.length, 0)
        if isinstance(ty, Slice) and c.kind == "slice":
            return [ty.elem] * c.value[0]
        return []

    def all_ctors(self, ty: Ty, used: list[Ctor]) -> Optional[list[Ctor]]:
        """Every constructor of ty (split against the used ones), or None when infinite."""
        if isinstance(ty, Bool):
            return [Ctor("bool", True), Ctor("bool", False)]
        if isinstance(ty, Adt) and ty.adt.is_enum:
            return [Ctor("variant", i) for i in range(len(ty.adt.variants))]
        if isinstance(ty, (Adt, Tuple, Ref, Array)):
            return [Ctor("single")]
        if isinstance(ty, (Int, Char)):
            lo, hi = _int_range(ty)
            points = {lo, hi + 1}
            for c in used:
                if c.kind == "range":
                    points.add(max(lo, c.value[0]))
                    points.add(min(hi, c.value[1]) + 1)
            cuts = sorted(p for p in points if lo <= p <= hi + 1)
            return [Ctor("range", (a, b - 1)) for a, b in zip(cuts, cuts[1:])]
        if isinstance(ty, Slice):
            lens = [c.value[0] for c in used if c.kind == "slice"]
            top = max(lens, default=0) + 1
            return [Ctor("slice", (n, False)) for n in range(top)] + [Ctor("slice", (top, True))]
        return None

    def covers(self, used: Ctor, c: Ctor) -> bool:
        if used.kind == "range" and c.kind == "range":
            return used.value[0] <= c.value[0] and c.value[1] <= used.value[1]
        if used.kind == "slice" and c.kind == "slice":
            n, rest = used.value
            m, c_rest = c.value
            return m >= n if rest else (m == n and not c_rest)
        return used == c

    # -- the algorithm

    def witness(self, rows: list[list[Any]], tys: list[Ty], depth: int = 0) -> Optional[list[str]]:
        """A value (as pattern text, one per column) that no row matches, or None."""
        if not tys:
            return None if rows else []
        if depth > 64:
            return None
        expanded: list[list[Any]] = []
        for r in rows:
            expanded.extend(self.expand_or(r))
        ty = tys[0]
        heads = [self.head(r[0], ty) for r in expanded]
        used = [h[0] for h in heads if h[0] is not None]
        ctors = self.all_ctors(ty, used)
        if ctors is not None and all(any(self.covers(u, c) for u in used) for c in ctors):
            for c in ctors:
                sub = self.field_tys(c, ty)
                spec = []
                for r, (h, fields) in zip(expanded, heads):
                    if h is None:
                        spec.append([WILD] * len(sub) + r[1:])
                    elif self.covers(h, c):
                        spec.append(self.slice_fields(h, fields, len(sub)) + r[1:])
                w = self.witness(spec, sub + tys[1:], depth + 1)
                if w is not None:
                    return [self.show(c, ty, w[:len(sub)])] + w[len(sub):]
            return None
        default = [r[1:] for r, (h, _) in zip(expanded, heads) if h is None]
        w = self.witness(default, tys[1:], depth + 1)
        if w is None:
            return None
        missing = None
        if ctors is not None:
            missing = next((c for c in ctors if not any(self.covers(u, c) for u in used)), None)
        text = self.show(missing, ty, ["_"] * len(self.field_tys(missing, ty))) if missing is not None else "_"
        return [text] + w

    def slice_fields(self, h: Ctor, fields: list[Any], n: int) -> list[Any]:
        if h.kind != "slice" or not h.value[1]:
            return fields[:n] + [WILD] * (n - len(fields))
        i = next(i for i, p in enumerate(fields) if _is_rest(p))
        before, after = fields[:i], fields[i + 1:]
        return before + [WILD] * (n - len(before) - len(after)) + after

    def show(self, c: Ctor, ty: Ty, args: list[str]) -> str:
        if isinstance(ty, Ref):
            return "&" + (args[0] if args else "_")
        if c.kind == "bool":
            return "true" if c.value else "false"
        if c.kind == "range":
            lo, hi = c.value
            if isinstance(ty, Char):
                return repr(chr(lo)) if lo == hi else f"{chr(lo)!r}..={chr(hi)!r}"
            lo_all, hi_all = _int_range(ty)
            if (lo, hi) == (lo_all, hi_all):
                return "_"
            lo_s = f"{ty}::MIN" if lo == lo_all and lo != 0 else f"{lo}_{ty}"
            hi_s = f"{ty}::MAX" if hi == hi_all else f"{hi}_{ty}"
            return lo_s if lo == hi else f"{lo_s}..={hi_s}"
        if isinstance(ty, Tuple):
            return "(" + ", ".join(args) + ("," if len(args) == 1 else "") + ")"
        if isinstance(ty, Adt):
            v = ty.adt.variants[c.value if c.kind == "variant" else 0]
            name = v.name if not ty.adt.is_enum or ty.adt.lang in ("Option", "Result") else f"{ty.adt.name}::{v.name}"
            if v.kind == "tuple":
                return f"{name}({', '.join(args)})"
            if v.kind == "named":
                return name + " { " + ", ".join(f"{f.name}: {a}" for f, a in zip(v.fields, args)) + " }"
            return name
        if c.kind == "slice" or isinstance(ty, Array):
            return "[" + ", ".join(args + ([".."] if c.kind == "slice" and c.value[1] else [])) + "]"
        return "_"


def _is_rest(p: Any) -> bool:
    return isinstance(p, ast.RestPat) or isinstance(p, ast.IdentPat) and isinstance(p.sub, ast.RestPat)


def _with_rest(elems: list[Any], n: int) -> list[Any]:
    """Element patterns with `..` replaced by as many wildcards as it stands for."""
    for i, p in enumerate(elems):
        if _is_rest(p):
            before, after = elems[:i], elems[i + 1:]
            return before + [WILD] * (n - len(before) - len(after)) + after
    return list(elems)


def _int_range(ty: Ty) -> tuple[int, int]:
    if isinstance(ty, Char):
        return 0, 0x10FFFF
    assert isinstance(ty, Int)
    bits = ty.bits
    if ty.signed:
        return -(1 << (bits - 1)), (1 << (bits - 1)) - 1
    return 0, (1 << bits) - 1


def _range_bounds(pat: ast.RangePat, ty: Ty) -> tuple[Optional[int], Optional[int]]:
    if not isinstance(ty, (Int, Char)):
        return None, None
    lo_all, hi_all = _int_range(ty)

    def value(e: Any) -> Optional[int]:
        if isinstance(e, ast.Lit):
            return ord(e.value) if isinstance(e.value, str) else int(e.value)
        if isinstance(e, ast.Unary) and e.op == "-" and isinstance(e.operand, ast.Lit):
            return -int(e.operand.value)
        return None
    lo = value(pat.lo) if pat.lo is not None else lo_all
    hi = value(pat.hi) if pat.hi is not None else hi_all
    if lo is None or hi is None:
        return None, None
    if pat.hi is not None and not pat.inclusive:
        hi -= 1
    return lo, hi
