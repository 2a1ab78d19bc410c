"""Why a loan is still live where it conflicts, and why a signature is violated — the
"borrow later used here" part of a diagnostic (rustc's `explain_borrow` and region-error
reporting).

A loan whose region holds the end of a universal region *must be valid for* that lifetime:
the blamed constraint on the path from the loan's region to it says why (returned, passed as
an argument, assigned).  Otherwise some region the loan's region must outlive is live at the
point because a local of that type is used (or dropped) later: the first such use found by a
forward search from the point is the later use.
"""
from __future__ import annotations

from collections import deque
from typing import TYPE_CHECKING, Any, Optional

from ..diagnostics import Diagnostic
from ..mir import ir
from ..source import Span
from ..types import ty as T
from . import errors
from .dataflow import Location
from .liveness import def_use
from .loans import Loan

if TYPE_CHECKING:
    from .check import BodyCheck


def explain(cx: "BodyCheck", loan: Loan, loc: Location) -> errors.Explanation:
    rcx = cx.rcx
    info = cx.info
    if rcx.ends[loan.region]:
        uni = [rcx.universal[i] for i in _bits(rcx.ends[loan.region])]
        target = set(uni)
        path = rcx.path(loan.region, lambda r: r in target)
        if path:
            blame = rcx.best_blame(path)
            end = path[-1].sub if path else loan.region
            if blame is not None:
                name = rcx.name(end)
                return errors.Explanation("must-be-valid", blame.span, blame.category,
                                          region_name=name if not name.startswith("'_") else "'1",
                                          region_span=lifetime_decl_span(cx, name))
    point = info.points.index(loc)
    # The region of a live local the loan flows into; a user variable's rather than a
    # temporary's when there is one (that is the use a reader recognises).
    named = {rcx.vid(r) for n, t in enumerate(info.local_tys) if info.local_name(n)
             for r in rcx.ty_regions(t) if r != T.ERASED}
    in_types = {rcx.vid(r) for t in info.local_tys for r in rcx.ty_regions(t) if r != T.ERASED}
    sub = rcx.path(loan.region, lambda r: r in named and bool(rcx.liveness[r] >> point & 1))
    if sub is None:
        sub = rcx.path(loan.region, lambda r: r in in_types and bool(rcx.liveness[r] >> point & 1))
    region = (sub[-1].sub if sub else loan.region) if sub is not None else loan.region
    found = _find_use(cx, region, loc)
    if found is None:
        return errors.Explanation("none")
    use_loc, local, kind, _ = found
    # A use that comes before the borrow on every path to it is one of the next iteration.
    looped = use_loc != loan.loc and info.points.dominates(use_loc, loan.loc)
    span = _use_span(cx, use_loc, local)
    if kind == "drop":
        ty = info.local_tys[local]
        dtor = isinstance(ty, T.Adt) and ty.adt.lang is None and info.has_dtor(ty.adt)
        return errors.Explanation("dropped-later", span, dropped=info.local_name(local) or "value",
                                  dropped_ty=info.ty_str(ty), dtor=dtor)
    elem = info.points.element(use_loc)
    if isinstance(elem, ir.Call) and elem.fn_span is not None and elem.fn_span != elem.span:
        # A call the user wrote (not an operator or a macro): rustc points at the callee.
        return errors.Explanation("used-later", _method_name(elem.fn_span), by_call=True)
    return errors.Explanation("used-later-in-loop" if looped else "used-later", span)


def _method_name(span: Span) -> Span:
    """The method's name at the start of a call's `name(args)` span."""
    text = span.text
    n = 0
    while n < len(text) and (text[n].isalnum() or text[n] == "_"):
        n += 1
    return Span(span.file, span.lo, span.lo + n) if n else span


def _bits(n: int):
    while n:
        low = n & -n
        yield low.bit_length() - 1
        n ^= low


def _find_use(cx: "BodyCheck", region: int, start: Location) -> Optional[tuple[Location, int, str, bool]]:
    info, rcx = cx.info, cx.rcx
    pts = info.points
    region_of = [set(rcx.vid(r) for r in rcx.ty_regions(t) if r != T.ERASED) for t in info.local_tys]
    queue = deque([(start, False)])
    seen: set[Location] = set()
    while queue:
        loc, looped = queue.popleft()
        if not rcx.contains(region, pts.index(loc)) or loc in seen:
            continue
        seen.add(loc)
        result = None
        elem = pts.element(loc)
        for local, kind in ([] if isinstance(elem, (ir.StorageLive, ir.StorageDead)) else def_use(elem)):
            if region in region_of[local]:
                result = (local, kind)
                if kind != "def":
                    break
        if result is not None and result[1] != "def" and (loc != start or isinstance(elem, ir.Call)):
            return loc, result[0], result[1], looped
        if result is not None and result[1] == "def" and loc != start:
            continue
        b, i = loc
        if i < len(info.body.blocks[b].statements):
            queue.append(((b, i + 1), looped))
        else:
            queue.extend(((s, 0), looped or s <= b) for s in pts.succ[b])
    return None


def _use_span(cx: "BodyCheck", loc: Location, local: int) -> Span:
    """The span of the use of `local` at loc: the element's, except that a call of the
    local itself (a closure) points at the callee."""
    elem = cx.info.points.element(loc)
    span = elem.span
    name = cx.info.local_name(local)
    if isinstance(elem, ir.Call) and name and span.text.startswith(name):
        return Span(span.file, span.lo, span.lo + len(name.encode()))
    return span


def narrow_to_name(span: Span, name: Optional[str], anywhere: bool = False) -> Span:
    """`b` in `b[0]` / `cart` in `cart.total()`: an autoref's span is its receiver's; with
    anywhere, `n` in `n + 1` (a use inside an operator)."""
    if not name:
        return span
    text = span.text
    if text.startswith(name) and len(text) > len(name) and text[len(name)] in "[.":
        return Span(span.file, span.lo, span.lo + len(name.encode()))
    compound = any(op in text for op in ("+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "<<=", ">>="))
    if anywhere and not compound and text != name and _word_index(text, name) >= 0 and text.count(name) == 1 and \
            not any(c in text for c in "([{"):
        i = _word_index(text, name)
        lo = span.lo + len(text[:i].encode())
        return Span(span.file, lo, lo + len(name.encode()))
    return span


def _word_index(text: str, name: str) -> int:
    start = 0
    while True:
        i = text.find(name, start)
        if i < 0:
            return -1
        before = text[i - 1] if i > 0 else " "
        after = text[i + len(name)] if i + len(name) < len(text) else " "
        if not (before.isalnum() or before == "_") and not (after.isalnum() or after == "_"):
            return i
        start = i + 1


def closure_head(span: Span) -> Span:
    """`|a, b|` (or `move |..|`, `||`) of a closure expression's span."""
    text = span.text
    start = text.find("|")
    if start < 0:
        return span
    end = text.find("|", start + 1)
    if end < 0:
        return span
    lo = span.lo + len(text[:start].encode()) if not text.startswith("move") else span.lo
    return Span(span.file, lo, span.lo + len(text[:end + 1].encode()))


def closure_use_span(cx: "BodyCheck", loan: Loan) -> Optional[Span]:
    """Where the closure that captured the loan uses the captured variable."""
    if loan.closure is None:
        return None
    closure, _, index = loan.closure
    return capture_use(cx, closure, index)


def capture_use(cx: "BodyCheck", closure: Any, index: int) -> Optional[Span]:
    """The first place a closure's body mentions its capture number `index`."""
    program = cx.info.program
    body = program.closures.get(closure) if program is not None else None
    if body is None or index >= len(body.upvars):
        return None
    var = body.upvars[index][0]
    for bb in body.blocks:
        for elem in [*bb.statements, bb.terminator]:
            if elem is None or not _mentions_upvar(elem, index):
                continue
            text = elem.span.text
            i = _word_index(text, var)
            if i >= 0:
                lo = elem.span.lo + len(text[:i].encode())
                if i > 0 and text[i - 1] == "*" and body.upvars[index][1] == "refmut":
                    lo -= 1  # a unique capture of `*x` is shown as the dereference
                return Span(elem.span.file, lo, lo + len(var.encode()) + (1 if text[i - 1:i] == "*" else 0))
    return None


def _mentions_upvar(elem: Any, index: int) -> bool:
    for place in _places(elem):
        if place.local != 1:
            continue
        proj = place.projection
        if proj and isinstance(proj[0], ir.Deref):
            proj = proj[1:]
        if proj and isinstance(proj[0], ir.FieldProj) and proj[0].index == index:
            return True
    return False


def _places(elem: Any) -> list[ir.Place]:
    from .liveness import rvalue_places
    out: list[ir.Place] = []
    if isinstance(elem, ir.Assign):
        out = rvalue_places(elem.rvalue) + [elem.place]
    elif isinstance(elem, ir.Call):
        out = [op.place for op in [elem.func, *elem.args] if isinstance(op, (ir.Copy, ir.Move))]
    return out


def lifetime_decl_span(cx: "BodyCheck", name: str) -> Optional[Span]:
    fn = cx.info.body.fn_def
    ast = getattr(fn, "ast", None)
    generics = getattr(ast, "generics", None)
    for lp in getattr(generics, "lifetimes", []) or []:
        if lp.name == name:
            return lp.span
    return None


def _anon_param(cx: "BodyCheck", vid: int) -> Optional[tuple[str, Any]]:
    """If region vid is an elided lifetime of a parameter: (parameter name, its span)."""
    rcx = cx.rcx
    region = rcx.regions[vid]
    if region.name is None or not region.name.startswith("'_"):
        return None
    fn = cx.info.body.fn_def
    for local, ty in zip(cx.info.body.args(), fn.sig.inputs):
        if region in [r for r in _regions(ty)]:
            return cx.info.local_name(local) or "self", cx.info.body.locals[local].span
    return None


def _param_with(cx: "BodyCheck", vid: int) -> Optional[tuple[str, Any]]:
    region = cx.rcx.regions[vid]
    fn = cx.info.body.fn_def
    for local, ty in zip(cx.info.body.args(), fn.sig.inputs):
        if region in _regions(ty):
            return cx.info.local_name(local) or "self", cx.info.body.locals[local].span
    return None


def _regions(ty: T.Ty):
    from .places import regions_in
    return regions_in(ty)


def universal_error(cx: "BodyCheck", longer: int, shorter: int) -> Optional[Diagnostic]:
    rcx = cx.rcx
    path = rcx.path(longer, lambda r: r == shorter)
    blame = rcx.best_blame(path or [])
    span = blame.span if blame is not None else cx.info.body.span
    category = blame.category if blame is not None else "boring"
    lname, sname = rcx.name(longer), rcx.name(shorter)
    anon = _anon_param(cx, longer)
    if shorter == rcx.static and category in ("assignment", "argument", "call-return"):
        param = anon or _param_with(cx, longer)
        if param is not None:
            what = "method" if getattr(cx.info.body.fn_def, "self_kind", None) else "function"
            pat_span = param[1]
            cut = pat_span.text.find(":")
            if cut > 0:
                pat_span = Span(pat_span.file, pat_span.lo, pat_span.lo + len(pat_span.text[:cut].rstrip().encode()))
            anon_span = _param_ty_span(cx, rcx.regions[longer]) if lname.startswith("'_") else None
            return errors.escaping_data(what, param[0], pat_span, span, lname, blame.category if blame else "",
                                        anon_span, blame.note if blame else "")
    if anon is not None and not sname.startswith("'_") and shorter != rcx.static:
        return errors.explicit_lifetime_required(anon[0], span, sname)
    # Elided lifetimes are called '1, '2 ... in the order the message mentions them.
    shown: dict[str, str] = {}
    for name in (lname, sname):
        if name.startswith("'_"):
            shown[name] = f"'{len(shown) + 1}"
    decls = []
    for name in (sname, lname):
        s = lifetime_decl_span(cx, name)
        if s is not None:
            decls.append((s, f"lifetime `{name}` defined here"))
        elif name in shown:
            ty_span = _param_ty_span(cx, rcx.vids_of_name(name))
            if ty_span is not None:
                decls.append((ty_span, f"let's call the lifetime of this reference `{shown[name]}`"))
    note = blame.note if blame is not None else ""
    return errors.lifetime_may_not_live_long_enough(span, shown.get(lname, lname), shown.get(sname, sname),
                                                    category, decls, note)


def _param_ty_span(cx: "BodyCheck", region: T.Region) -> Optional[Span]:
    """The type (`&str`, `&self`) of the parameter whose type holds region."""
    fn = cx.info.body.fn_def
    ast = getattr(fn, "ast", None)
    if ast is None:
        return None
    params = ([ast.self_param] if ast.self_param is not None else []) + list(ast.params)
    for param, ty in zip(params, fn.sig.inputs):
        if region in _regions(ty):
            full = param.span if not hasattr(param, "pat") else param.ty.span
            return Span(full.file, full.lo, full.lo + 1)  # rustc points at the `&`
    return None
