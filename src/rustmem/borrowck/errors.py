"""The one table of the borrow checker's wording, and the builders of its diagnostics.

The analyses decide *what* is wrong and hand structured facts here (places already named,
spans, the explanation of why a borrow is still live); only this module knows rustc's
sentences.  Each builder returns a `Diagnostic`.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional

from ..diagnostics import Diagnostic, Label, SubDiagnostic
from ..source import Span


def q(name: Optional[str]) -> str:
    """A place name in backquotes, or rustc's word for an unnamed value."""
    return f"`{name}`" if name else "value"


# ---------------------------------------------------------------- why a borrow is still needed

@dataclass
class Explanation:
    """Why a loan is live at a point: a later use (maybe in a later loop iteration), a later
    drop, or a region it must outlive (universal, with the constraint that requires it)."""

    kind: str  # "used-later", "used-later-in-loop", "dropped-later", "must-be-valid", "none"
    span: Optional[Span] = None
    category: str = ""
    region_name: str = ""  # for must-be-valid: `'a`, `'static`
    region_span: Optional[Span] = None  # where that lifetime is declared
    dropped: str = ""  # dropped-later: the variable and its type
    dropped_ty: str = ""
    dtor: bool = False  # the dropped type has its own `impl Drop`
    by_call: bool = False  # used-later: the use is the call the reference is the receiver of


MUST_BE_VALID_VERB = {"return": "returning this value", "argument": "argument", "assignment": "assignment",
                      "annotation": "type annotation", "call-return": "assignment", "closure": "closure",
                      "reborrow": "assignment", "boring": "assignment"}


def add_explanation(d: Diagnostic, e: Explanation, borrow_desc: str, place: Optional[str]) -> Diagnostic:
    """The label (and lifetime declaration) that says why the loan is still needed."""
    if e.kind == "used-later" and e.span is not None:
        d.with_label(e.span, f"{borrow_desc}borrow later used {'by call' if e.by_call else 'here'}")
    elif e.kind == "used-later-in-loop" and e.span is not None:
        d.with_label(e.span, f"{borrow_desc}borrow later used here, in later iteration of loop")
    elif e.kind == "dropped-later" and e.span is not None:
        what = "runs the `Drop` code" if e.dtor else "runs the destructor"
        d.with_label(e.span, f"{borrow_desc}borrow might be used here, when `{e.dropped}` is dropped and {what} "
                             f"for type `{e.dropped_ty}`")
    elif e.kind == "must-be-valid" and e.span is not None:
        if e.region_span is not None:
            d.with_label(e.region_span, f"lifetime `{e.region_name}` defined here")
        verb = MUST_BE_VALID_VERB.get(e.category, "assignment")
        d.with_label(e.span, f"{verb} requires that {q(place) if place else 'borrow'} is borrowed for `{e.region_name}`")
    return d


# ---------------------------------------------------------------- moves and initialisation

def use_of_moved(kind: str, place: Optional[str], use_span: Span, partial: bool, moves: list[tuple[Span, str]],
                 note_ty: Optional[tuple[Optional[str], str, Optional[Span]]], loop_span: Optional[Span],
                 extra: list[tuple[Span, str]] = (), notes: list[tuple[str, Optional[Span]]] = ()) -> Diagnostic:
    """E0382.  kind: "use", "borrow", "assign"; moves: (span, label) of each move site;
    note_ty: (moved place name, its type, declaration span or None for a partial move)."""
    partially = "partially " if partial else ""
    verb = {"use": "use of", "borrow": "borrow of", "assign": "assign to part of"}.get(kind, "use of")
    d = Diagnostic.error(f"{verb} {partially}moved value: {q(place)}", "E0382")
    after = "partial move" if partial else "move"
    primary = {"use": f"value used here after {after}", "borrow": f"value borrowed here after {after}",
               "assign": f"value partially assigned here after {after}"}.get(kind, f"value used here after {after}")
    if any(s == use_span for s, _ in moves):
        primary = next(label for s, label in moves if s == use_span)
    d.with_primary(use_span, primary)
    if note_ty is not None:
        name, ty, decl = note_ty
        if decl is not None and not partial:
            d.with_label(decl, f"move occurs because {q(name)} has type `{ty}`, which does not implement the `Copy` trait")
    if loop_span is not None:
        d.with_label(loop_span, "inside of this loop")
    for span, label in moves:
        if span != use_span:
            d.with_label(span, label)
    for span, label in extra:
        d.with_label(span, label)
    for message, span in notes:
        d.with_note(message, span)
    if note_ty is not None and (partial or note_ty[2] is None):
        name, ty, _ = note_ty
        what = "partial move" if partial else "move"
        d.with_note(f"{what} occurs because {q(name)} has type `{ty}`, which does not implement the `Copy` trait")
    return d


def parameter_takes_ownership(d: Diagnostic, fn_name: str, ty_span: Span, name_span: Span) -> Diagnostic:
    d.children.append(SubDiagnostic(
        "note", f"consider changing this parameter type in function `{fn_name}` to borrow instead if owning "
                "the value isn't necessary",
        [Label(ty_span, "this parameter takes ownership of the value", True), Label(name_span, "in this function")]))
    return d


def move_label(partial: bool, in_loop: bool, closure: bool, method: bool, place: Optional[str]) -> str:
    if closure:
        return "value moved into closure here" + (", in previous iteration of loop" if in_loop else "")
    if method and place:
        return f"{q(place)} {'partially ' if partial else ''}moved due to this method call" + \
            (", in previous iteration of loop" if in_loop else "")
    base = "value partially moved here" if partial else "value moved here"
    return base + (", in previous iteration of loop" if in_loop else "")


def used_uninit(name: Optional[str], use_span: Span, decl_span: Optional[Span], possibly: bool,
                kind: str) -> Diagnostic:
    """E0381: a binding used (or borrowed) before it is (definitely) assigned."""
    state = "is possibly-uninitialized" if possibly else "isn't initialized"
    d = Diagnostic.error(f"used binding {q(name)} {state}", "E0381")
    verb = "borrowed" if kind == "borrow" and use_span.text.startswith("&") else "used"
    d.with_primary(use_span, f"{q(name)} {verb} here but it {state}")
    if decl_span is not None:
        d.with_label(decl_span, "binding declared here but left uninitialized")
    return d


def move_out_error(kind: str, place: Optional[str], span: Span, ty: str, base_ty: str) -> Diagnostic:
    """E0507 / E0508 / E0509: a move out of something that cannot be left empty."""
    because = f"move occurs because {q(place) if place else 'value'} has type `{ty}`, which does not implement the `Copy` trait"
    if kind == "array" or kind == "slice":
        d = Diagnostic.error(f"cannot move out of type `{base_ty}`, a non-copy {kind}", "E0508")
        d.with_primary(span, "cannot move out of here").with_label(span, because)
    elif kind == "dtor":
        d = Diagnostic.error(f"cannot move out of type `{base_ty}`, which implements the `Drop` trait", "E0509")
        d.with_primary(span, "cannot move out of here").with_label(span, because)
    elif kind == "index":
        d = Diagnostic.error(f"cannot move out of index of `{base_ty}`", "E0507")
        d.with_primary(span, f"move occurs because value has type `{ty}`, which does not implement the `Copy` trait")
    elif kind == "rc":
        d = Diagnostic.error("cannot move out of an `Rc`", "E0507")
        d.with_primary(span, f"move occurs because value has type `{ty}`, which does not implement the `Copy` trait")
    else:
        what = "a shared" if kind == "borrow" else "a mutable"
        d = Diagnostic.error(f"cannot move out of {q(place)} which is behind {what} reference", "E0507")
        d.with_primary(span, because)
    d.with_help("consider cloning the value if the performance cost is acceptable")
    return d


# ---------------------------------------------------------------- mutability

def assign_twice(name: Optional[str], span: Span, first: Optional[Span], is_arg: bool) -> Diagnostic:
    if is_arg:
        d = Diagnostic.error(f"cannot assign to immutable argument {q(name)}", "E0384")
        d.with_primary(span, "cannot assign to immutable argument")
    else:
        d = Diagnostic.error(f"cannot assign twice to immutable variable {q(name)}", "E0384")
        d.with_primary(span, "cannot assign twice to immutable variable")
        if first is not None:
            d.with_label(first, f"first assignment to {q(name)}")
    return d.with_help("consider making this binding mutable")


def not_mutable(action: str, place: Optional[str], span: Span, blame: str, blame_name: Optional[str],
                closure_kind: str = "") -> Diagnostic:
    """E0596 (borrow as mutable) / E0594 (assign).  blame: "local" (not declared mut), "ref"
    (behind `&`), "ptr" (behind `*const`), "index" (an index of a shared container), "upvar"."""
    borrow = action == "borrow"
    code = "E0596" if borrow else "E0594"
    head = f"cannot borrow {q(place)} as mutable" if borrow else f"cannot assign to {q(place)}"
    if blame == "local":
        if place == blame_name:
            msg = f"{head}, as it is not declared as mutable"
        else:
            msg = f"{head}, as {q(blame_name)} is not declared as mutable"
        d = Diagnostic.error(msg, code).with_primary(span, "cannot borrow as mutable" if borrow else "cannot assign")
        return d.with_help("consider changing this to be mutable")
    if blame == "upvar":
        msg = f"{head}, as it is a captured variable in a `{closure_kind}` closure"
        return Diagnostic.error(msg, code).with_primary(span, "cannot borrow as mutable" if borrow else "cannot assign")
    if blame == "index":
        what = "borrow data in an index of" if borrow else "assign to data in an index of"
        d = Diagnostic.error(f"cannot {what} `{blame_name}`" + (" as mutable" if borrow else ""), code)
        return d.with_primary(span, "cannot borrow as mutable" if borrow else "cannot assign")
    ptr = "`*const` pointer" if blame == "ptr" else "`&` reference"
    d = Diagnostic.error(f"{head}, {'as it is' if borrow else 'which is'} behind a {ptr}", code)
    if blame_name:
        tail = "borrowed as mutable" if borrow else "written to"
        d.with_primary(span, f"{q(blame_name)} is a {ptr}, so it cannot be {tail}" if blame == "ref" else
                       f"{q(place)} is behind a {ptr}")
    else:
        d.with_primary(span)
    if blame == "ref":
        d.with_help("consider changing this to be a mutable reference")
    return d


# ---------------------------------------------------------------- conflicts between an access and a loan

def conflict(access: str, place: Optional[str], span: Span, loan_kind: str, loan_place: Optional[str],
             loan_span: Span, e: Explanation, access_closure_use: Optional[Span] = None,
             loan_closure_use: Optional[Span] = None,
             decl: Optional[tuple[Span, str]] = None, same_site: bool = False) -> Diagnostic:
    """The E0499 / E0502 / E0503 / E0505 / E0506 / E0500 / E0501 / E0524 family.
    access: "shared", "mut", "unique" (new borrows), "use", "move", "assign"; same_site: the loan was
    taken by this very statement, in an earlier iteration of a loop."""
    loan_mut = loan_kind in ("mut", "two-phase")
    if access == "unique" and loan_kind == "unique":
        d = Diagnostic.error(f"two closures require unique access to {q(place)} at the same time", "E0524")
        d.with_primary(span, "second closure is constructed here")
        d.with_label(loan_span, "first closure is constructed here")
        _closure_uses(d, loan_closure_use, access_closure_use, loan_place, place)
        return add_explanation(d, e, "first ", loan_place)
    if access == "unique":
        d = Diagnostic.error(f"closure requires unique access to {q(place)} but it is already borrowed", "E0500")
        d.with_primary(span, "closure construction occurs here").with_label(loan_span, "borrow occurs here")
        if access_closure_use is not None:
            d.with_label(access_closure_use, f"second borrow occurs due to use of {q(place)} in closure")
        return add_explanation(d, e, "first ", loan_place)
    if loan_kind == "unique" and access in ("shared", "mut"):
        how = "mutable" if access == "mut" else "immutable"
        d = Diagnostic.error(f"cannot borrow {q(place)} as {how} because previous closure requires unique access", "E0501")
        d.with_primary(span, f"{'second ' if access == 'mut' else ''}borrow occurs here")
        d.with_label(loan_span, "closure construction occurs here")
        if loan_closure_use is not None:
            d.with_label(loan_closure_use, f"first borrow occurs due to use of {q(loan_place)} in closure")
        return add_explanation(d, e, "first ", loan_place)
    if access == "mut" and loan_mut:
        d = Diagnostic.error(f"cannot borrow {q(place)} as mutable more than once at a time", "E0499")
        if same_site and e.kind in ("used-later-in-loop", "used-later"):
            d.with_primary(span, f"{q(place)} was mutably borrowed here in the previous iteration of the loop")
            if e.span is not None:
                d.with_label(e.span, "first borrow used here, in later iteration of loop")
            return d
        d.with_primary(span, "second mutable borrow occurs here")
        d.with_label(loan_span, "first mutable borrow occurs here")
        _closure_uses(d, loan_closure_use, access_closure_use, loan_place, place)
        return add_explanation(d, e, "first ", loan_place)
    if access in ("shared", "mut"):
        new, old = ("immutable", "mutable") if access == "shared" else ("mutable", "immutable")
        d = Diagnostic.error(f"cannot borrow {q(place)} as {new} because it is also borrowed as {old}", "E0502")
        d.with_primary(span, f"{new} borrow occurs here")
        d.with_label(loan_span, f"{old} borrow occurs here")
        _closure_uses(d, loan_closure_use, access_closure_use, loan_place, place)
        return add_explanation(d, e, f"{old} ", loan_place)
    if access == "use":
        d = Diagnostic.error(f"cannot use {q(place)} because it was mutably borrowed", "E0503")
        d.with_primary(span, f"use of borrowed {q(loan_place)}")
        d.with_label(loan_span, f"{q(loan_place)} is borrowed here")
        if loan_closure_use is not None:
            d.with_label(loan_closure_use, "borrow occurs due to use in closure")
        return add_explanation(d, e, "", loan_place)
    if access == "move":
        d = Diagnostic.error(f"cannot move out of {q(place)} because it is borrowed", "E0505")
        d.with_primary(span, f"move out of {q(place)} occurs here")
        if decl is not None:
            d.with_label(decl[0], f"binding `{decl[1]}` declared here")
        d.with_label(loan_span, f"borrow of {q(loan_place)} occurs here")
        if loan_closure_use is not None:
            d.with_label(loan_closure_use, "borrow occurs due to use in closure")
        return add_explanation(d, e, "", loan_place)
    d = Diagnostic.error(f"cannot assign to {q(place)} because it is borrowed", "E0506")
    d.with_primary(span, f"{q(place)} is assigned to here but it was already borrowed")
    d.with_label(loan_span, f"{q(loan_place)} is borrowed here")
    if loan_closure_use is not None:
        d.with_label(loan_closure_use, "borrow occurs due to use in closure")
    return add_explanation(d, e, "", loan_place)


def _closure_uses(d: Diagnostic, first: Optional[Span], second: Optional[Span], first_place: Optional[str],
                  second_place: Optional[str]) -> None:
    if first is not None:
        d.with_label(first, f"first borrow occurs due to use of {q(first_place)} in closure")
    if second is not None:
        d.with_label(second, f"second borrow occurs due to use of {q(second_place)} in closure")


# ---------------------------------------------------------------- borrowed values that die

def does_not_live_long_enough(name: str, borrow_span: Span, drop_span: Span, decl_span: Optional[Span],
                              e: Explanation, collection: Optional[tuple[str, Span]] = None) -> Diagnostic:
    """E0597; collection: (name, declaration) of a collection of references the borrow was
    stored in, declared outside the loop whose body the borrowed value dies in."""
    d = Diagnostic.error(f"`{name}` does not live long enough", "E0597")
    d.with_primary(borrow_span, "borrowed value does not live long enough")
    if collection is not None:
        d.with_label(collection[1], f"variable `{collection[0]}` declared here")
    if decl_span is not None:
        d.with_label(decl_span, f"binding `{name}` declared here")
    d.with_label(drop_span, f"`{name}` dropped here while still borrowed")
    add_explanation(d, e, "", name)
    if collection is not None:
        d.with_note(f"`{collection[0]}` is a collection that stores borrowed references, but `{name}` does not "
                    f"live long enough to be stored in it")
        d.with_help("buffer reuse with borrowed references requires unsafe code or restructuring")
    return d


def temporary_dropped(borrow_span: Span, drop_span: Span, e: Explanation) -> Diagnostic:
    d = Diagnostic.error("temporary value dropped while borrowed", "E0716")
    d.with_primary(borrow_span, "creates a temporary value which is freed while still in use")
    d.with_label(drop_span, "temporary value is freed at the end of this statement")
    add_explanation(d, e, "", None)
    advice = "consider using a `let` binding to create a longer lived value"
    if "!(" in borrow_span.text:  # made by a macro: no code to suggest, so a note
        return d.with_note(advice)
    return d.with_help(advice)


def cannot_return_reference(desc: str, note: str, return_span: Span, borrow_span: Span) -> Diagnostic:
    """E0515.  desc: "local variable `x`", "temporary value", "local data `x.f`", "function parameter `x`"."""
    reference = "reference to" if return_span == borrow_span else "value referencing"
    d = Diagnostic.error(f"cannot return {reference} {desc}", "E0515")
    d.with_primary(return_span, f"returns a {reference} data owned by the current function")
    if return_span != borrow_span:
        d.with_label(borrow_span, note)
    return d


def borrow_in_destructor(borrow_span: Span, drop_span: Span, dropped: str, place: Optional[str], ty: str,
                         e: Explanation) -> Diagnostic:
    d = Diagnostic.error("borrow may still be in use when destructor runs", "E0713")
    d.with_primary(borrow_span)
    add_explanation(d, e, "", place)
    d.with_label(drop_span, f"here, drop of `{dropped}` needs exclusive access to {q(place)}, because the type "
                            f"`{ty}` implements the `Drop` trait")
    return d


def closure_may_outlive(name: str, closure_span: Span, use_span: Optional[Span], return_span: Optional[Span]) -> Diagnostic:
    d = Diagnostic.error(f"closure may outlive the current function, but it borrows `{name}`, which is owned by the "
                         f"current function", "E0373")
    d.with_primary(closure_span, f"may outlive borrowed value `{name}`")
    if use_span is not None:
        d.with_label(use_span, f"`{name}` is borrowed here")
    if return_span is not None:
        d.with_note("closure is returned here", return_span)
    return d.with_help(f"to force the closure to take ownership of `{name}` (and any other referenced variables), "
                       f"use the `move` keyword")


# ---------------------------------------------------------------- universal regions

def lifetime_may_not_live_long_enough(span: Span, longer: str, shorter: str, category: str,
                                      decls: list[tuple[Span, str]], note: str) -> Diagnostic:
    d = Diagnostic.error("lifetime may not live long enough")
    named = not longer[1:].isdigit() and not shorter[1:].isdigit()
    if category == "return" and named and shorter != "'static":
        label = (f"function was supposed to return data with lifetime `{shorter}` but it is returning data "
                 f"with lifetime `{longer}`")
    else:
        verb = {"return": "returning this value", "argument": "argument", "annotation": "type annotation"}.get(
            category, "assignment")
        label = f"{verb} requires that `{longer}` must outlive `{shorter}`"
    d.with_primary(span, label)
    for s, text in decls:
        d.with_label(s, text)
    if named and shorter != "'static":
        d.with_help(f"consider adding the following bound: `{longer}: {shorter}`")
    if note:
        d.with_note(f"requirement occurs because of {note}")
        d.with_note("mutable references are invariant over their type parameter")
        d.with_help("see <https://doc.rust-lang.org/nomicon/subtyping.html> for more information about variance")
    return d


def explicit_lifetime_required(param: str, span: Span, region: str) -> Diagnostic:
    d = Diagnostic.error(f"explicit lifetime required in the type of `{param}`", "E0621")
    d.with_primary(span, f"lifetime `{region}` required")
    return d.with_help(f"add explicit lifetime `{region}` to the type of `{param}`")


def escaping_data(what: str, param: str, param_span: Span, span: Span, region: str, category: str,
                  anon_span: Optional[Span] = None, note: str = "") -> Diagnostic:
    """E0521: a parameter's borrow must outlive `'static` (stored somewhere global)."""
    d = Diagnostic.error(f"borrowed data escapes outside of {what}", "E0521")
    d.with_primary(span, f"`{param}` escapes the {what} body here")
    d.with_label(param_span, f"`{param}` is a reference that is only valid in the {what} body")
    name = region if not region.startswith("'_") else "'1"
    if anon_span is not None:
        d.with_label(anon_span, f"let's call the lifetime of this reference `{name}`")
    verb = {"argument": "argument"}.get(category, "assignment")
    d.with_label(span, f"{verb} requires that `{name}` must outlive `'static`")
    if note:
        d.with_note(f"requirement occurs because of {note}")
        d.with_note("mutable references are invariant over their type parameter")
        d.with_help("see <https://doc.rust-lang.org/nomicon/subtyping.html> for more information about variance")
    return d


def escaping_fnmut(span: Span) -> Diagnostic:
    d = Diagnostic.error("captured variable cannot escape `FnMut` closure body")
    d.with_primary(span, "returns a reference to a captured variable which escapes the closure body")
    d.with_note("`FnMut` closures only have access to their captured variables while they are executing...")
    d.with_note("...therefore, they cannot allow references to captured variables to escape")
    return d

