"""The move and initialisation half of the borrow check (E0381, E0382, E0507-E0509).

A use of a place whose closest move path (or one of its own sub-paths) may be uninitialised
is an error: E0382 when some move reaches the use (found backwards as rustc's
`get_moved_indexes`, with loops considered only when nothing else reaches), E0381 when none
does.  rustc keeps one E0382 per set of moves, for the longest place used.  A move with no
move path (out of a reference, an index, an `Rc`, a type with `impl Drop`) is E0507-E0509.
"""
from __future__ import annotations

from typing import Any, Optional

from ..diagnostics import Diagnostic
from ..mir import ir
from ..types import ty as T
from . import errors
from .dataflow import Location
from .later_use import capture_use, closure_head, narrow_to_name


class MoveChecks:
    """Mixed into `BodyCheck` (check.py), whose analyses' results it reads."""

    def _init_check(self, place: ir.Place, loc: Location, span: Any, kind: str) -> None:
        """rustc's check_if_path_or_child_is_moved: the place's closest move path, or else
        one of the place's own sub-paths, may be uninitialised here."""
        path, exact = self.md.lookup(place)
        uninit = self.uninits.get(loc, 0)
        if uninit >> path & 1:
            mpi = path
        elif exact and uninit & self._subtree(path):
            mpi = next(p for p in self.md.descendants(path) if uninit >> p & 1)
        else:
            return
        sites = self._moved_indexes(loc, mpi)
        if kind == "use":
            span = narrow_to_name(span, self.info.describe(place), anywhere=True)  # `*b` of `*b + 1`
        if not sites:
            self._report_uninit(place, loc, span, kind)
            return
        key = tuple(sorted(m for m, _ in sites))
        old = self.reported_moves.get(key)
        if old is not None:
            if _is_prefix(place, old[0]):
                return  # reported already for this place or a longer one
            self.diags.remove(old[1])
        self._report_moved(place, path, loc, span, kind, sites)
        self.reported_moves[key] = (place, self.diags[-1])

    def _through_deref(self, place: ir.Place, path: int) -> bool:
        n = len(self.md.paths[path].place.projection)
        return any(isinstance(e, ir.Deref) for e in place.projection[n:])

    def _assign_to_moved_part(self, place: ir.Place, loc: Location, span: Any) -> None:
        path, exact = self.md.lookup(place)
        if self._through_deref(place, path):
            return
        uninit = self.uninits.get(loc, 0)
        parents = self.md.ancestors(path)[1:] if exact else self.md.ancestors(path)
        hit = [p for p in parents if uninit >> p & 1]
        if not hit:
            return
        moves = self._moved_indexes(loc, hit[0])
        if moves:
            key = tuple(sorted(m for m, _ in moves))
            if key not in self.reported_moves:
                self._report_moved(ir.Place(place.local), self.md.lookup(ir.Place(place.local))[0], loc, span,
                                   "assign", moves)
                self.reported_moves[key] = (place, self.diags[-1])
        elif place.local not in self.reported_uninit:
            self.reported_uninit.add(place.local)
            name = self.info.local_name(place.local)
            d = Diagnostic.error(f"partially assigned binding `{name}` isn't fully initialized", "E0381")
            d.with_primary(span, f"`{self.info.describe(place)}` partially assigned here but it isn't fully initialized")
            self._emit(d)

    def _moved_indexes(self, loc: Location, mpi: int) -> list[tuple[int, bool]]:
        """rustc's get_moved_indexes: the moves of mpi or a parent that reach loc, each with
        whether it was found around a loop.  The search goes backwards and stops at a move or
        a re-initialisation; edges around a loop are followed only when nothing was found
        otherwise and the path is initialised on entry."""
        pts = self.info.points
        mpis = set(self.md.ancestors(mpi))
        is_argument = any(self.md.path_map.get(ir.Place(a)) in mpis for a in self.info.body.args())
        stack: list[Location] = []
        back: list[Location] = []
        for p in pts.predecessors(loc):
            (back if pts.dominates(loc, p) else stack).append(p)
        visited: set[Location] = set()
        result: list[tuple[int, bool]] = []
        reached_start = False

        def visit(cur: Location, around: bool) -> bool:
            if cur in visited:
                return True
            visited.add(cur)
            for m in self.md.moves_at.get(cur, ()):
                mv = self.md.moves[m]
                if mv.kind == "move" and mv.path in mpis:
                    result.append((m, around))
                    return True
            for i in self.md.inits_at.get(cur, ()):
                if self.md.inits[i].path in mpis and self.md.inits[i].kind != "arg":
                    return True
            return False

        while stack:
            cur = stack.pop()
            if visit(cur, False):
                continue
            preds = pts.predecessors(cur)
            if not preds:
                reached_start = True
            for p in preds:
                (back if pts.dominates(cur, p) else stack).append(p)
        if (is_argument or not reached_start) and not result:
            while back:
                cur = back.pop()
                if visit(cur, True):
                    continue
                back.extend(pts.predecessors(cur))
        return result

    def _report_uninit(self, place: ir.Place, loc: Location, span: Any, kind: str) -> None:
        if place.local in self.reported_uninit:
            return
        self.reported_uninit.add(place.local)
        path = self.md.path_map[ir.Place(place.local)]
        possibly = bool(self.inits.get(loc, 0) & self._subtree(path))
        decl = self.info.body.locals[place.local]
        name = self.info.local_name(place.local) or self.info.describe(place)
        d = errors.used_uninit(name, span, decl.span if decl.name else None, possibly, kind)
        inits = [i.span for i in self.md.inits
                 if i.kind == "assign" and self.md.paths[i.path].place.local == place.local and i.span is not None]
        if_without_else = self._if_without_else(inits, span)
        if if_without_else is not None:
            cond, end = if_without_else
            d.with_label(cond, f"if this `if` condition is `false`, {errors.q(name)} is not initialized")
            d.with_label(end, f"an `else` arm might be missing here, initializing {errors.q(name)}")
        for init in self.md.inits:
            if init.kind == "assign" and self.md.paths[init.path].place.local == place.local:
                head = self._loop_head(init.span)
                if head is not None and head.text.startswith("for ") and not (head.lo <= span.lo < head.hi):
                    loop = self._loop_head(span)
                    if loop is None or loop.lo != head.lo:  # the use is after the loop
                        cut = head.text.find(" in ")
                        if cut > 0:  # rustc points at the iterator expression
                            lo = head.lo + len(head.text[:cut + 4].encode())
                            head = type(head)(head.file, lo, head.hi)
                        d.with_label(head, f"if the `for` loop runs 0 times, {errors.q(name)} is not initialized")
                        break
        self._emit(d)

    def _report_moved(self, place: ir.Place, path: int, loc: Location, span: Any, kind: str,
                      moves: list[tuple[int, bool]]) -> None:
        info = self.info
        name = info.describe(self.md.paths[path].place)  # rustc names the closest move path
        sites, extra, notes = [], [], []
        partial = False
        note_ty = None
        loop_span = None
        param_note = None
        for m, around in moves:
            mv = self.md.moves[m]
            moved_place = self.md.paths[mv.path].place
            is_partial = len(moved_place.projection) > len(self.md.paths[path].place.projection)
            partial = partial or is_partial
            in_loop = mv.loc == loc or around
            if in_loop and loop_span is None:
                loop_span = self._loop_head(mv.span)
            if param_note is None and not method_call(self, mv.loc, moved_place):
                param_note = self._taking_parameter(mv.loc, moved_place)
            elem = info.points.element(mv.loc)
            moved_name = info.describe(moved_place)
            site = mv.span
            closure = self._closure_move(elem, moved_place)
            call, index = self._call_of_move(mv.loc, moved_place)
            method = call is not None and index == 0 and \
                getattr(getattr(getattr(call.func, "ty", None), "fn", None), "self_kind", None) == "value"
            if method:
                elem = call
            if closure is not None:
                site = closure[0]
                if closure[1] is not None:
                    extra.append((closure[1], "variable moved due to use in closure"))
            elif method and elem.fn_span is not None:
                site = type(elem.span)(elem.span.file, elem.fn_span.lo, elem.span.hi)  # `submit()`
                fn = elem.func.ty.fn
                self_span = getattr(getattr(fn.ast, "self_param", None), "span", None)
                notes.append((f"`{fn.path}` takes ownership of the receiver `self`, which moves {errors.q(moved_name)}",
                              self_span))
            label = errors.move_label(is_partial, in_loop, closure is not None, method, moved_name)
            sites.append((site, label))
            if note_ty is None:
                ty = info.ty_str(info.place_ty(moved_place))
                decl = info.body.locals[moved_place.local]
                note_ty = (moved_name, ty, decl.span if not is_partial and decl.name else None)
        d = errors.use_of_moved(kind, name, span, partial, sites, note_ty, loop_span, extra, notes)
        if param_note is not None:
            errors.parameter_takes_ownership(d, *param_note)
        self._emit(d)

    def _if_without_else(self, inits: list, use: Any) -> Optional[tuple[Any, Any]]:
        """(condition, end) of an `if` with no `else` that holds every assignment, before use."""
        from ..syntax import ast
        root = getattr(getattr(self.info.body.fn_def, "ast", None), "body", None)
        if root is None or not inits:
            return None
        todo = [root]
        while todo:
            n = todo.pop()
            if isinstance(n, ast.If) and n.else_ is None and n.span.hi <= use.lo and \
                    all(n.then.span.lo <= s.lo and s.hi <= n.then.span.hi for s in inits):
                end = n.span.hi
                return n.cond.span, type(use)(use.file, end, end)
            todo.extend(c for c in ast.children(n) if c is not None and hasattr(c, "span"))
        return None

    def _loop_head(self, span: Any) -> Optional[Any]:
        """`for x in it` / `while c` / `loop` of the innermost loop around span."""
        best = None
        for data in self.info.body.blocks:
            term = data.terminator
            if isinstance(term, ir.FalseUnwind) and term.span is not None and \
                    term.span.lo <= span.lo and span.hi <= term.span.hi:
                if best is None or term.span.hi - term.span.lo < best.hi - best.lo:
                    best = term.span
        if best is None:
            return None
        text = best.text
        cut = text.find("{")
        head = text[:cut].rstrip() if cut > 0 else text
        return type(best)(best.file, best.lo, best.lo + len(head.encode()))

    def _call_of_move(self, loc: Location, moved: ir.Place) -> tuple[Optional[ir.Call], Optional[int]]:
        """The call a move feeds, directly or through the argument's temporary, and the
        argument's index."""
        pts = self.info.points
        elem = pts.element(loc)
        operand_place = moved
        if isinstance(elem, ir.Assign) and elem.place.is_local:  # moved into the argument's temporary
            operand_place = elem.place
            elem = pts.element((loc[0], len(self.info.body.blocks[loc[0]].statements)))
        if not isinstance(elem, ir.Call):
            return None, None
        index = next((i for i, a in enumerate(elem.args) if isinstance(a, ir.Move) and a.place == operand_place), None)
        return (elem, index) if index is not None else (None, None)

    def _taking_parameter(self, loc: Location, moved: ir.Place) -> Optional[tuple[str, Any, Any]]:
        """When a move is into an argument of a user function: (its name, the parameter's
        type span, the function's name span)."""
        call, index = self._call_of_move(loc, moved)
        if call is None or index is None:
            return None
        fn = getattr(getattr(call.func, "ty", None), "fn", None)
        ast = getattr(fn, "ast", None)
        if ast is None or getattr(ast, "body", None) is None:
            return None
        if ast.self_param is not None:
            index -= 1
        if not 0 <= index < len(ast.params):
            return None
        return ast.name, ast.params[index].ty.span, ast.name_span

    def _closure_move(self, elem: Any, moved: ir.Place) -> Optional[tuple[Any, Any]]:
        """For a move into a closure: (the closure's head span, where its body uses the value)."""
        if not (isinstance(elem, ir.Assign) and isinstance(elem.rvalue, ir.Aggregate)
                and elem.rvalue.kind.kind == "closure"):
            return None
        index = next((i for i, op in enumerate(elem.rvalue.operands)
                      if isinstance(op, ir.Move) and op.place == moved), None)
        closure = getattr(elem.rvalue.kind.ty, "closure", None)
        use = capture_use(self, closure, index) if index is not None else None
        return closure_head(elem.span), use


    def _illegal_move(self, m: Any) -> None:
        info = self.info
        ty = info.ty_str(info.place_ty(m.place))
        name = info.describe(m.place)
        if m.kind in ("array", "slice"):
            idx = next(i for i, e in enumerate(m.place.projection) if isinstance(e, (ir.IndexProj, ir.ConstantIndex, ir.Subslice)))
            name = info.describe(ir.Place(m.place.local, m.place.projection[:idx + 1]))
            if name and "[" in name:
                name = name[:name.index("[")] + "[_]"
        if m.kind == "borrow":
            base = info.place_ty(ir.Place(m.place.local, m.place.projection[:self._last_deref(m.place)]))
            kind = "borrow" if not (isinstance(base, T.Ref) and base.mutable) else "mut-borrow"
        else:
            kind = m.kind
        key = (name, m.span)
        if key in self.reported_access:
            return
        self.reported_access.add(key)
        self._emit(errors.move_out_error(kind, name, m.span, ty, info.ty_str(m.base_ty)))

    @staticmethod
    def _last_deref(place: ir.Place) -> int:
        for i, e in enumerate(place.projection):
            if isinstance(e, ir.Deref):
                return i
        return 0



def _is_prefix(prefix: ir.Place, place: ir.Place) -> bool:
    return prefix.local == place.local and place.projection[:len(prefix.projection)] == prefix.projection


def method_call(cx: MoveChecks, loc: Location, moved: ir.Place) -> bool:
    """Whether the move at loc is the receiver of a method taking `self`."""
    call, index = cx._call_of_move(loc, moved)
    fn = getattr(getattr(call.func, "ty", None), "fn", None) if call is not None else None
    return index == 0 and getattr(fn, "self_kind", None) == "value"
