"""Compile a MIR body instance into Python closures, once, so the step loop does little.

In: a `mir.ir.Body` and the generic arguments of one instance.  Out: a `CompiledBody`
whose `blocks[i](L)` runs basic block i over the frame's locals `L` and returns the next
block, or -1 when the frame stack changed (a call pushed a frame, a return popped one).

Hot path, written for speed on purpose: every place, operand and rvalue becomes a closure
specialised at compile time (a local without projections is a list index; a Copy of a
scalar type is not copied; a Move of an aggregate takes the list and leaves UNINIT, which
is also the local's drop flag).  Locals whose address is never taken are plain values in
`L`; the others ("addressable") are `Allocation`s, so a pointer to them can dangle.
"""
from __future__ import annotations


from typing import Any, Callable, Optional

from ..mir import ir
from ..types import ty as T
from .errors import MachineStop, RustPanic, UbClass, UndefinedBehavior
from .memory import UNINIT, Ptr, copy_value
from .tys import is_scalar, lang, pointee

Getter = Callable[[list], Any]
USE_CODEGEN = True  # blocks as generated Python source (codegen.py); False: closures only
Setter = Callable[[list, Any], None]

OVERFLOW_WORDS = {"Add": "add", "Sub": "subtract", "Mul": "multiply", "Div": "divide",
                  "Rem": "calculate the remainder", "Shl": "shift left", "Shr": "shift right",
                  "Neg": "negate"}


class CompiledBody:
    """One instance of a body, ready to run."""

    __slots__ = ("body", "name", "blocks", "counts", "unwind", "tys", "addressable", "stack_bytes",
                 "nlocals", "arg_count", "span", "subst", "local_names", "term_spans", "local_sizes")

    def __init__(self, body: ir.Body, subst: dict) -> None:
        self.body = body
        self.name = body.name
        self.span = body.span
        self.subst = subst
        self.blocks: list[Callable[[list], int]] = []
        self.counts: list[int] = []
        self.unwind: list[Optional[int]] = []
        self.tys: list[Any] = []
        self.addressable: tuple[int, ...] = ()
        self.stack_bytes = 0
        self.nlocals = len(body.locals)
        self.arg_count = body.arg_count
        self.local_names = [d.name for d in body.locals]
        self.term_spans = [bb.terminator.span if bb.terminator is not None else body.span for bb in body.blocks]


def addressable_locals(body: ir.Body) -> set[int]:
    """Locals that a reference or raw pointer is ever taken to (directly, not through a deref)."""
    out: set[int] = set()
    for bb in body.blocks:
        for st in bb.statements:
            if isinstance(st, ir.Assign) and isinstance(st.rvalue, (ir.Ref, ir.AddressOf)):
                place = st.rvalue.place
                if not any(isinstance(e, ir.Deref) for e in place.projection):
                    out.add(place.local)
    return out


def promotable_locals(body: ir.Body) -> set[int]:
    """Temporaries assigned once from constants only (`&DEFAULT`, `&[1, 2]`): rustc's promotion."""
    def const_only(rv: Any) -> bool:
        if isinstance(rv, ir.Use):
            return isinstance(rv.operand, ir.Constant)
        if isinstance(rv, ir.Aggregate):
            return rv.kind.kind in ("adt", "tuple", "array") and all(isinstance(o, ir.Constant) for o in rv.operands)
        return False
    counts: dict[int, int] = {}
    good: set[int] = set()
    for bb in body.blocks:
        for st in bb.statements:
            if isinstance(st, ir.Assign) and not st.place.projection:
                i = st.place.local
                counts[i] = counts.get(i, 0) + 1
                if const_only(st.rvalue):
                    good.add(i)
    return {i for i in good if counts.get(i) == 1 and not body.locals[i].is_user_var and body.locals[i].name is None}


class BodyCompiler:
    """Turns one body instance into closures.  `m` is the Machine (memory, intrinsics, types)."""

    def __init__(self, m: Any, body: ir.Body, subst: dict) -> None:
        self.m = m
        self.mem = m.mem
        self.view = m.view
        self.body = body
        self.subst = subst
        self.tys = [self.sub(d.ty) for d in body.locals]
        self.addr = addressable_locals(body)
        self.promotable = promotable_locals(body)
        self.trace = m.tracer is not None

    # ------------------------------------------------------------ types

    def sub(self, ty: Any) -> Any:
        if self.subst:
            ty = T.subst(ty, self.subst)
        return self.view.normalize(ty)

    def proj_ty(self, ty: Any, elem: Any) -> Any:
        if isinstance(elem, ir.Deref):
            return pointee(ty)
        if isinstance(elem, ir.FieldProj):
            return self.sub(elem.ty)
        if isinstance(elem, (ir.IndexProj, ir.ConstantIndex)):
            return ty.elem
        if isinstance(elem, ir.Subslice) and isinstance(ty, T.Array):
            return T.Array(ty.elem, ty.length - elem.start - elem.end)
        return ty

    def place_ty(self, place: ir.Place) -> Any:
        ty = self.tys[place.local]
        for e in place.projection:
            ty = self.proj_ty(ty, e)
        return ty

    # ------------------------------------------------------------ the body

    def compile(self) -> CompiledBody:
        cb = CompiledBody(self.body, self.subst)
        cb.tys = self.tys
        cb.addressable = tuple(sorted(self.addr))
        cb.local_sizes = [self.view.size_of(t) for t in self.tys]
        cb.stack_bytes = sum(cb.local_sizes)
        for bb in self.body.blocks:
            cb.blocks.append(self.block(bb))
            cb.counts.append(len(bb.statements) + 1)
            cb.unwind.append(getattr(bb.terminator, "unwind", None))
        return cb

    def block(self, bb: ir.BasicBlockData) -> Callable[[list], int]:
        pairs = [(self.statement(st), st.span) for st in bb.statements]
        stmts = [s for s, _ in pairs if s is not None]
        spans = [span for s, span in pairs if s is not None]
        term = self.terminator(bb.terminator)
        # A panic inside a called std function is located at the method name, as #[track_caller].
        spans.append(getattr(bb.terminator, "fn_span", None) or bb.terminator.span)
        stmts_t = tuple(stmts)
        if USE_CODEGEN and not self.trace:
            from .codegen import generate_block
            return generate_block(self, bb, [s for s, _ in pairs], term, spans)

        if not stmts_t:
            def run_term(L: list) -> int:
                try:
                    return term(L)
                except MachineStop as e:
                    if e.span is None:
                        e.span = spans[0]
                    raise
            return run_term

        def run_block(L: list) -> int:
            i = 0
            try:
                for s in stmts_t:
                    s(L)
                    i += 1
                return term(L)
            except MachineStop as e:
                if e.span is None:
                    e.span = spans[i]
                raise
        return run_block

    # ------------------------------------------------------------ places

    def is_plain(self, local: int) -> bool:
        return local not in self.addr

    def local_get(self, i: int) -> Getter:
        if self.is_plain(i):
            return lambda L: L[i]
        return lambda L: L[i].value

    def local_set(self, i: int) -> Setter:
        if self.is_plain(i):
            def set_plain(L: list, v: Any) -> None:
                L[i] = v
            return set_plain

        def set_alloc(L: list, v: Any) -> None:
            L[i].value = v
        return set_alloc

    def static_steps(self, place: ir.Place) -> Optional[list]:
        """The projection as index steps (int, or ("local", j) for a dynamic index) when the
        place has no Deref; None otherwise."""
        steps: list = []
        ty = self.tys[place.local]
        downcast = False
        for e in place.projection:
            if isinstance(e, ir.Deref) or isinstance(e, ir.Subslice):
                return None
            if isinstance(e, ir.Downcast):
                downcast = True
            elif isinstance(e, ir.FieldProj):
                steps.append(e.index + (1 if downcast else 0))
                downcast = False
            elif isinstance(e, ir.IndexProj):
                steps.append(("local", e.local))
            elif isinstance(e, ir.ConstantIndex):
                if e.from_end:
                    if not isinstance(ty, T.Array):
                        return None
                    steps.append(ty.length - e.offset)
                else:
                    steps.append(e.offset)
            ty = self.proj_ty(ty, e)
        return steps

    def place_get(self, place: ir.Place) -> Getter:
        """A closure reading the place's value (not copied)."""
        base = self.local_get(place.local)
        if not place.projection:
            return base
        steps = self.static_steps(place)
        if steps is None:
            ptr = self.place_ptr(place)
            load = self.mem.load
            return lambda L: load(ptr(L))
        if all(isinstance(s, int) for s in steps):
            if len(steps) == 1:
                a = steps[0]
                return lambda L: base(L)[a]
            if len(steps) == 2:
                a, b = steps
                return lambda L: base(L)[a][b]
        dyn = [(s[1] if isinstance(s, tuple) else None, s if isinstance(s, int) else 0) for s in steps]
        getters = [self.local_get(j) if j is not None else None for j, _ in dyn]

        def get_path(L: list) -> Any:
            v = base(L)
            for (j, k), g in zip(dyn, getters):
                v = v[g(L) if g is not None else k]
            return v
        return get_path

    def place_set(self, place: ir.Place) -> Setter:
        """A closure writing a value into the place (materialising an uninitialised aggregate
        on the way, as a field-by-field initialisation does)."""
        if not place.projection:
            return self.local_set(place.local)
        steps = self.static_steps(place)
        if steps is None:
            ptr = self.place_ptr(place)
            store = self.mem.store
            return lambda L, v: store(ptr(L), v)
        base = self.local_get(place.local)
        set_base = self.local_set(place.local)
        skeletons = self.skeletons(place)
        keys = [(s[1] if isinstance(s, tuple) else None, s if isinstance(s, int) else 0) for s in steps]
        getters = [self.local_get(j) if j is not None else None for j, _ in keys]
        last = len(keys) - 1

        def set_path(L: list, v: Any) -> None:
            cur = base(L)
            if cur is UNINIT:
                cur = skeletons[0]()
                set_base(L, cur)
            for n, ((j, k), g) in enumerate(zip(keys, getters)):
                idx = g(L) if g is not None else k
                if n == last:
                    cur[idx] = v
                    return
                nxt = cur[idx]
                if nxt is UNINIT:
                    nxt = cur[idx] = skeletons[n + 1]()
                cur = nxt
        return set_path

    def skeletons(self, place: ir.Place) -> list[Callable[[], Any]]:
        """For each prefix of place (the local, then each projection), a maker of an
        uninitialised value of that type, used when a field is written into UNINIT."""
        out = []
        ty = self.tys[place.local]
        downcast: Optional[int] = None
        for e in place.projection:
            out.append(self.skeleton_of(ty, downcast))
            downcast = e.variant if isinstance(e, ir.Downcast) else None
            ty = self.proj_ty(ty, e)
        return out

    def skeleton_of(self, ty: Any, variant: Optional[int]) -> Callable[[], Any]:
        if isinstance(ty, T.Tuple):
            n = len(ty.elems)
            return lambda: [UNINIT] * n
        if isinstance(ty, T.Array):
            n = ty.length
            return lambda: [UNINIT] * n
        if isinstance(ty, T.ClosureTy):
            n = len(ty.closure.captures)
            return lambda: [UNINIT] * n
        if isinstance(ty, T.Adt) and ty.adt.lang not in ("Box", "NonNull", "Rc", "Weak"):
            if ty.adt.is_enum:
                v = variant or 0
                n = len(ty.adt.variants[v].fields)
                return lambda: [v] + [UNINIT] * n
            n = len(ty.adt.variants[0].fields)
            return lambda: [UNINIT] * n
        return lambda: UNINIT

    def place_ptr(self, place: ir.Place) -> Callable[[list], Ptr]:
        """A closure computing a pointer to the place (for borrows, and places behind a Deref)."""
        i = place.local
        if self.is_plain(i):
            # A plain local has no allocation; only places behind a Deref reach here for it.
            def base(L: list) -> Ptr:
                raise AssertionError("pointer to a plain local")
        else:
            def base(L: list) -> Ptr:
                return Ptr(L[i])
        cur: Callable[[list], Ptr] = base
        ty = self.tys[i]
        downcast = False
        prefix: list = []
        load = self.mem.load
        for e in place.projection:
            prev = cur
            if isinstance(e, ir.Deref):
                if all(not isinstance(x, ir.Deref) for x in prefix):
                    get = self.place_get(ir.Place(i, tuple(prefix)))
                    cur = self._deref_value(get)
                else:
                    cur = self._deref_value(lambda L, prev=prev: load(prev(L)))
            elif isinstance(e, ir.Downcast):
                downcast = True
            elif isinstance(e, ir.FieldProj):
                k = e.index + (1 if downcast else 0)
                downcast = False
                cur = (lambda prev, k: lambda L: prev(L).project(k))(prev, k)
            elif isinstance(e, ir.IndexProj):
                cur = self._index_ptr(prev, ty, self.local_get(e.local))
            elif isinstance(e, ir.ConstantIndex):
                cur = self._const_index_ptr(prev, ty, e)
            elif isinstance(e, ir.Subslice):
                cur = self._subslice_ptr(prev, ty, e)
            prefix.append(e)
            ty = self.proj_ty(ty, e)
        return cur

    def _deref_value(self, get: Getter) -> Callable[[list], Ptr]:
        def deref(L: list) -> Ptr:
            p = get(L)
            if p.__class__ is not Ptr:
                if p is UNINIT:
                    raise UndefinedBehavior(UbClass.UNINIT_READ, "using uninitialized data, but this operation requires initialized memory")
                raise UndefinedBehavior(UbClass.DANGLING_POINTER, "dereferencing a value that is not a pointer")
            return p
        return deref

    def _index_ptr(self, prev: Callable, ty: Any, idx: Getter) -> Callable[[list], Ptr]:
        if isinstance(ty, T.Array):
            return lambda L: prev(L).project(idx(L), True)
        return lambda L: prev(L).offset(idx(L))  # a slice place: prev points at element 0

    def _const_index_ptr(self, prev: Callable, ty: Any, e: ir.ConstantIndex) -> Callable[[list], Ptr]:
        if isinstance(ty, T.Array):
            k = ty.length - e.offset if e.from_end else e.offset
            return lambda L: prev(L).project(k, True)
        if e.from_end:
            def from_end(L: list) -> Ptr:
                p = prev(L)
                return p.offset(p.meta - e.offset)
            return from_end
        return lambda L: prev(L).offset(e.offset)

    def _subslice_ptr(self, prev: Callable, ty: Any, e: ir.Subslice) -> Callable[[list], Ptr]:
        def sub(L: list) -> Ptr:
            p = prev(L)
            if isinstance(ty, T.Array):
                n = ty.length
                q = p.project(e.start, True)
            else:
                n = p.meta
                q = p.offset(e.start)
            end = n - e.end if e.from_end else e.end
            return q.with_meta(end - e.start)
        return sub

    def _promoted(self, local: int) -> Getter:
        """`&CONST`: rustc promotes a borrow of a constant expression to static memory, so the
        reference lives forever (and freeing it is an invalid free of static memory)."""
        get, cell, mem, ty = self.local_get(local), [], self.mem, self.tys[local]
        size = self.view.size_of(ty)

        def promoted(L: list) -> Ptr:
            if not cell:
                a = mem.allocate("static", ty, size, copy_value(get(L)), None, "promoted constant")
                cell.append(Ptr(a))
            return cell[0]
        return promoted

    # ------------------------------------------------------------ operands

    def operand(self, op: ir.Operand) -> Getter:
        if isinstance(op, ir.Constant):
            v = self.m.const_value(op.value, self.sub(op.ty))
            if v.__class__ is list:
                return lambda L: copy_value(v)
            return lambda L: v
        place = op.place
        ty = self.place_ty(place)
        get = self.place_get(place)
        through_deref = any(isinstance(e, ir.Deref) for e in place.projection)
        if isinstance(op, ir.Copy) or self.view.is_copy(ty) or not self.m.moves_uninit:
            if is_scalar(ty) or isinstance(ty, T.Tuple) and not ty.elems:
                if through_deref and not isinstance(ty, (T.Ref, T.RawPtr)):
                    return self._checked_scalar(get, ty)
                return get
            return lambda L: copy_value(get(L))
        put = self.place_set(place)
        if self.trace:
            tracer, clock, local = self.m.tracer, self.m.clock, place.local

            def move_traced(L: list) -> Any:
                v = get(L)
                put(L, UNINIT)
                tracer.event("move", clock(), local=local, frame=self.body.name)
                return v
            return move_traced

        def move(L: list) -> Any:
            v = get(L)
            put(L, UNINIT)
            return v
        return move

    def _checked_scalar(self, get: Getter, ty: Any) -> Getter:
        """A scalar read through a pointer must be initialised (Miri's validity check)."""
        def read(L: list) -> Any:
            v = get(L)
            if v is UNINIT:
                raise UndefinedBehavior(UbClass.UNINIT_READ,
                                        f"constructing invalid value: encountered uninitialized memory, but expected {describe(ty)}")
            return v
        return read

    # ------------------------------------------------------------ statements

    def statement(self, st: ir.Statement) -> Optional[Callable[[list], None]]:
        if isinstance(st, ir.Assign):
            return self.assign(st)
        if isinstance(st, ir.StorageLive):
            return self.storage_live(st.local)
        if isinstance(st, ir.StorageDead):
            return self.storage_dead(st.local, st.span)
        if isinstance(st, ir.SetDiscriminant):
            get = self.place_get(st.place)
            put = self.place_set(st.place)
            variant = st.variant
            nfields = len(self.place_ty(st.place).adt.variants[variant].fields)

            def set_discr(L: list) -> None:
                v = get(L)
                if v is UNINIT:
                    put(L, [variant] + [UNINIT] * nfields)
                else:
                    v[0] = variant
            return set_discr
        return None  # FakeRead, Nop: nothing happens at run time

    def storage_live(self, i: int) -> Optional[Callable[[list], None]]:
        if self.is_plain(i):
            return None
        ty, size, name, span = self.tys[i], self.view.size_of(self.tys[i]), self.body.locals[i].name, self.body.locals[i].span
        allocate = self.mem.allocate

        def live(L: list) -> None:
            a = L[i]
            if a.escaped or not a.live:
                L[i] = allocate("stack", ty, size, UNINIT, span, name)
            else:
                a.value = UNINIT
        return live

    def storage_dead(self, i: int, span: Any) -> Optional[Callable[[list], None]]:
        if self.is_plain(i):
            return None
        free = self.mem.free

        def dead(L: list) -> None:
            a = L[i]
            if a.live:
                free(a, span)
        return dead

    def assign(self, st: ir.Assign) -> Callable[[list], None]:
        rv = self.rvalue(st.rvalue, st.place)
        place = st.place
        if not place.projection:
            i = place.local
            if self.is_plain(i):
                def assign_plain(L: list) -> None:
                    L[i] = rv(L)
                return assign_plain

            def assign_alloc(L: list) -> None:
                L[i].value = rv(L)
            return assign_alloc
        put = self.place_set(place)

        def assign_place(L: list) -> None:
            put(L, rv(L))
        return assign_place

    # ------------------------------------------------------------ rvalues

    def rvalue(self, rv: ir.Rvalue, dest: ir.Place) -> Getter:
        kind = type(rv).__name__
        return getattr(self, "rv_" + kind)(rv, dest)

    def rv_Use(self, rv: ir.Use, dest: ir.Place) -> Getter:
        return self.operand(rv.operand)

    def rv_Repeat(self, rv: ir.Repeat, dest: ir.Place) -> Getter:
        op, n = self.operand(rv.operand), rv.count
        return lambda L: [copy_value(x) for x in [op(L)] * n] if n else []

    def rv_Ref(self, rv: ir.Ref, dest: ir.Place) -> Getter:
        kind = {"mut": "mut", "two-phase": "two-phase"}.get(rv.kind, "shared")
        if isinstance(self.place_ty(dest), T.RawPtr):
            kind = "raw"  # `&mut x` coerced to `*mut T` in the same statement
        return self._borrow(rv.place, kind)

    def rv_AddressOf(self, rv: ir.AddressOf, dest: ir.Place) -> Getter:
        return self._borrow(rv.place, "raw")

    def _borrow(self, place: ir.Place, kind: str) -> Getter:
        if kind in ("shared", "raw") and not place.projection and place.local in self.promotable:
            return self._promoted(place.local)
        ptr = self.place_ptr(place)
        retag = self.mem.retag
        if self.is_plain(place.local) and not any(isinstance(e, ir.Deref) for e in place.projection):
            raise AssertionError("borrow of a plain local")
        return lambda L: retag(ptr(L), kind)

    def rv_Len(self, rv: ir.Len, dest: ir.Place) -> Getter:
        ty = self.place_ty(rv.place)
        if isinstance(ty, T.Array):
            n = ty.length
            return lambda L: n
        ptr = self.place_ptr(rv.place)
        return lambda L: ptr(L).meta

    def rv_Cast(self, rv: ir.Cast, dest: ir.Place) -> Getter:
        from .casts import compile_cast
        src_ty = self.operand_ty(rv.operand)
        return compile_cast(self, rv.kind, self.operand(rv.operand), src_ty, self.sub(rv.ty))

    def operand_ty(self, op: ir.Operand) -> Any:
        if isinstance(op, ir.Constant):
            return self.sub(op.ty)
        return self.place_ty(op.place)

    def binop_ty(self, rv: Any, dest: ir.Place) -> Any:
        """The operands' type (a constant may carry no type; the other side or the result says)."""
        for ty in (self.operand_ty(rv.lhs), self.operand_ty(rv.rhs)):
            if isinstance(ty, (T.Int, T.Float, T.Bool, T.Char, T.Ref, T.RawPtr)):
                return ty
        ty = self.place_ty(dest)
        return ty.elems[0] if isinstance(ty, T.Tuple) and ty.elems else ty

    def rv_BinaryOp(self, rv: ir.BinaryOp, dest: ir.Place) -> Getter:
        from .arith import binary_op
        lty = self.binop_ty(rv, dest)
        if isinstance(lty, T.Ref) and isinstance(lty.inner, T.Str) and rv.op in ("Eq", "Ne"):
            return self._str_compare(rv)
        return binary_op(rv.op, self.operand(rv.lhs), self.operand(rv.rhs), lty, lty)

    def _str_compare(self, rv: ir.BinaryOp) -> Getter:
        """`==` on &str compares the text (the MIR builder emits it as a builtin Eq)."""
        from .values import read_str
        a, b, m, want = self.operand(rv.lhs), self.operand(rv.rhs), self.m, rv.op == "Eq"
        return lambda L: (read_str(m, a(L)) == read_str(m, b(L))) == want

    def rv_CheckedBinaryOp(self, rv: ir.CheckedBinaryOp, dest: ir.Place) -> Getter:
        from .arith import checked_op
        return checked_op(rv.op, self.operand(rv.lhs), self.operand(rv.rhs), self.binop_ty(rv, dest))

    def rv_UnaryOp(self, rv: ir.UnaryOp, dest: ir.Place) -> Getter:
        from .arith import unary_op
        return unary_op(rv.op, self.operand(rv.operand), self.operand_ty(rv.operand))

    def rv_Discriminant(self, rv: ir.Discriminant, dest: ir.Place) -> Getter:
        get = self.place_get(rv.place)
        ty = self.place_ty(rv.place)
        if isinstance(ty, T.Adt) and ty.adt.is_enum:
            discrs = [v.discriminant for v in ty.adt.variants]
            if discrs == list(range(len(discrs))):
                return lambda L: get(L)[0]
            return lambda L: discrs[get(L)[0]]
        return lambda L: 0

    def rv_Aggregate(self, rv: ir.Aggregate, dest: ir.Place) -> Getter:
        ops = tuple(self.operand(o) for o in rv.operands)
        k = rv.kind
        if k.kind == "closure":
            self.m.note_closure(self.sub(k.ty), self.subst)
        if k.kind == "adt":
            ty = self.sub(k.ty)
            if lang(ty) in ("Box", "NonNull", "Rc", "Weak") and len(ops) == 1:
                only = ops[0]
                return only
            if ty.adt.is_enum:
                v = k.variant
                return lambda L: [v] + [o(L) for o in ops]
        if len(ops) == 2:
            a, b = ops
            return lambda L: [a(L), b(L)]
        return lambda L: [o(L) for o in ops]

    def rv_ShallowInitBox(self, rv: ir.ShallowInitBox, dest: ir.Place) -> Getter:
        return self.operand(rv.operand)

    # ------------------------------------------------------------ terminators

    def terminator(self, t: ir.Terminator) -> Callable[[list], int]:
        return getattr(self, "t_" + type(t).__name__)(t)

    def t_Goto(self, t: ir.Goto) -> Callable[[list], int]:
        target = t.target
        return lambda L: target

    def t_FalseEdge(self, t: ir.FalseEdge) -> Callable[[list], int]:
        target = t.real
        return lambda L: target

    def t_FalseUnwind(self, t: ir.FalseUnwind) -> Callable[[list], int]:
        target = t.real
        return lambda L: target

    def t_SwitchInt(self, t: ir.SwitchInt) -> Callable[[list], int]:
        discr = self.operand(t.discr)
        ty = self.operand_ty(t.discr)
        otherwise = t.otherwise
        if isinstance(ty, T.Char):
            table = {chr(v) if isinstance(v, int) else v: b for v, b in zip(t.values, t.targets)}
        else:
            table = dict(zip(t.values, t.targets))
        if isinstance(ty, T.Bool) and len(t.values) == 1 and t.values[0] in (0, False):
            if_false, if_true = t.targets[0], otherwise
            return lambda L: if_true if discr(L) else if_false
        get = table.get
        return lambda L: get(discr(L), otherwise)

    def t_Return(self, t: ir.Return) -> Callable[[list], int]:
        return self.m.return_from_frame

    def t_Unreachable(self, t: ir.Unreachable) -> Callable[[list], int]:
        def unreachable(L: list) -> int:
            raise UndefinedBehavior("unreachable", "entering unreachable code")
        return unreachable

    def t_UnwindResume(self, t: ir.UnwindResume) -> Callable[[list], int]:
        return self.m.resume_unwind

    def t_Assert(self, t: ir.Assert) -> Callable[[list], int]:
        cond, expected, target = self.operand(t.cond), t.expected, t.target
        msg = self.assert_message(t.msg)

        def check(L: list) -> int:
            if cond(L) == expected:
                return target
            raise RustPanic(msg(L))
        return check

    def assert_message(self, msg: tuple) -> Callable[[list], str]:
        kind = msg[0] if msg else "Overflow"
        rest = [self.operand(x) if isinstance(x, (ir.Copy, ir.Move, ir.Constant)) else (lambda L, x=x: x) for x in msg[2 if kind == "Overflow" else 1:]]
        if kind == "BoundsCheck":
            n, i = rest[0], rest[1]
            return lambda L: f"index out of bounds: the len is {n(L)} but the index is {i(L)}"
        if kind == "DivisionByZero":
            return lambda L: "attempt to divide by zero"
        if kind == "RemainderByZero":
            return lambda L: "attempt to calculate the remainder with a divisor of zero"
        if kind == "OverflowNeg":
            return lambda L: "attempt to negate with overflow"
        op = msg[1] if len(msg) > 1 else "Add"
        text = f"attempt to {OVERFLOW_WORDS.get(op, op.lower())} with overflow"
        return lambda L: text

    def t_Drop(self, t: ir.Drop) -> Callable[[list], int]:
        ty = self.place_ty(t.place)
        target = t.target
        if not self.view.needs_drop(ty) or not self.m.auto_drop:
            return lambda L: target
        get, put = self.place_get(t.place), self.place_set(t.place)
        glue = self.m.drop_glue(ty)
        tracer, clock = self.m.tracer, self.m.clock

        def drop(L: list) -> int:
            v = get(L)
            if v is not UNINIT:
                put(L, UNINIT)
                if tracer is not None:
                    tracer.event("drop", clock(), ty=str(ty))
                glue(v)
            return target
        return drop

    def t_Call(self, t: ir.Call) -> Callable[[list], int]:
        return self.m.compile_call(self, t)


def describe(ty: Any) -> str:
    if isinstance(ty, T.Int):
        return "an integer"
    if isinstance(ty, T.Float):
        return "a floating point number"
    if isinstance(ty, T.Bool):
        return "a boolean"
    if isinstance(ty, T.Char):
        return "a unicode scalar value"
    if isinstance(ty, (T.Ref,)):
        return "a reference"
    return "a raw pointer" if isinstance(ty, T.RawPtr) else f"a value of type `{ty}`"

