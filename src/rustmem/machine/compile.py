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
from .errors import MachineStop, UbClass, UndefinedBehavior
from .memory import UNINIT, copy_value
from .places import PlaceCompiler
from .terminators import TerminatorCompiler
from .tys import is_scalar, lang, pointee

Getter = Callable[[list], Any]
USE_CODEGEN = True  # blocks as generated Python source (codegen.py); False: closures only
Setter = Callable[[list, Any], None]


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


def superblocks(body: ir.Body) -> dict[int, list[int]]:
    """Chains of blocks joined by a jump to a block with no other predecessor: each chain runs
    as one generated function (fewer trips through the step loop).  Only jumps that cannot
    unwind are followed, so the chain's unwind edge is its last terminator's."""
    preds = body.predecessors()
    chains: dict[int, list[int]] = {}
    taken: set[int] = set()
    for head, bb in enumerate(body.blocks):
        if bb.is_cleanup or head in taken:
            continue
        chain = [head]
        cur = bb
        unwind = getattr(bb.terminator, "unwind", None) if isinstance(bb.terminator, ir.Assert) else None
        while True:
            t = cur.terminator
            nxt = None
            if isinstance(t, ir.Goto):
                nxt = t.target
            elif isinstance(t, ir.FalseUnwind):
                nxt = t.real
            elif isinstance(t, ir.Assert) and (unwind is None or t.unwind == unwind):
                nxt, unwind = t.target, t.unwind
            if (nxt is None or nxt == 0 or nxt in chain or len(preds[nxt]) != 1 or nxt in taken
                    or body.blocks[nxt].is_cleanup or len(chain) >= 16):
                break
            last = body.blocks[nxt].terminator
            if unwind is not None and getattr(last, "unwind", unwind) not in (unwind, None) and not isinstance(last, (ir.Goto, ir.FalseUnwind, ir.Assert)):
                break  # the chain's unwind edge must be one: its asserts' and its last terminator's
            chain.append(nxt)
            cur = body.blocks[nxt]
        while len(chain) > 1 and unwind is not None and not _same_unwind(body.blocks[chain[-1]].terminator, unwind):
            chain.pop()
        if len(chain) > 1:
            chains[head] = chain
            taken.update(chain[1:])
    # A block absorbed into a chain may itself have started a chain before: drop those.
    return {h: c for h, c in chains.items() if h not in taken}


def _same_unwind(t: Any, unwind: Any) -> bool:
    """A chain may end in t when t cannot unwind elsewhere than the chain's asserts do."""
    if isinstance(t, (ir.Goto, ir.FalseUnwind, ir.SwitchInt, ir.Return, ir.FalseEdge, ir.Unreachable)):
        return True
    return getattr(t, "unwind", None) == unwind


class InlineAssert:
    """A passing Assert inside a superblock: check it, then fall through to the next block."""

    __slots__ = ("term", "span")

    def __init__(self, term: ir.Assert) -> None:
        self.term = term
        self.span = term.span


def _never_entered(L: list) -> int:
    raise AssertionError("a block merged into its predecessor's superblock was entered")


class BodyCompiler(PlaceCompiler, TerminatorCompiler):
    """Turns one body instance into closures.  `m` is the Machine (memory, intrinsics, types);
    places are compiled by PlaceCompiler (places.py), terminators by TerminatorCompiler
    (terminators.py)."""

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
            if any(isinstance(t, T.ClosureTy) and not t.args for t in T.walk(ty)):
                ty = T.fold(ty, self._instantiate_closure)
        return self.view.normalize(ty)

    def _instantiate_closure(self, t: Any) -> Any:
        """A closure made in a generic instance carries that instance's arguments in its type
        (the type checker leaves them out), so its body is compiled per instance too."""
        if isinstance(t, T.ClosureTy) and not t.args:
            names = sorted(self.subst)
            self.m.closure_params[t.closure] = names
            return T.ClosureTy(t.closure, tuple(self.subst[n] for n in names))
        return None

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
        chains = superblocks(self.body) if USE_CODEGEN and not self.trace else {}
        absorbed = {b for chain in chains.values() for b in chain[1:]}
        for i, bb in enumerate(self.body.blocks):
            chain = chains.get(i)
            if i in absorbed and chain is None:
                cb.blocks.append(_never_entered)
                cb.counts.append(len(bb.statements) + 1)
                cb.unwind.append(getattr(bb.terminator, "unwind", None))
                continue
            if chain is not None:
                parts = [self.body.blocks[b] for b in chain]
                stmts: list = []
                for part in parts[:-1]:
                    stmts.extend(part.statements)
                    if isinstance(part.terminator, ir.Assert):
                        stmts.append(InlineAssert(part.terminator))
                stmts.extend(parts[-1].statements)
                merged = ir.BasicBlockData(stmts, parts[-1].terminator)
                cb.blocks.append(self.block(merged))
                cb.counts.append(sum(len(part.statements) + 1 for part in parts))
                unwinds = [p.terminator.unwind for p in parts if isinstance(p.terminator, ir.Assert)]
                cb.unwind.append(getattr(parts[-1].terminator, "unwind", None) or (unwinds[0] if unwinds else None))
                continue
            cb.blocks.append(self.block(bb))
            cb.counts.append(len(bb.statements) + 1)
            cb.unwind.append(getattr(bb.terminator, "unwind", None))
        cb.term_spans = [cb.term_spans[chains[i][-1]] if i in chains else span for i, span in enumerate(cb.term_spans)]
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

        if not place.projection and not self.is_plain(place.local):
            return self._move_addressable(place.local)

        def move(L: list) -> Any:
            v = get(L)
            put(L, UNINIT)
            return v
        return move

    def _move_addressable(self, i: int) -> Getter:
        """Move out of a local whose address was taken.  As in Miri, a move copies the bytes
        and leaves them: a raw pointer to the local still reads the old value.  The local
        itself becomes uninitialised (its drop flag), so the old bytes move to a shadow slot
        that dies with the local."""
        allocate = self.mem.allocate
        tracer, clock, frame = self.m.tracer, self.m.clock, self.body.name

        def move(L: list) -> Any:
            a = L[i]
            v = a.value
            if tracer is not None:
                tracer.event("move", clock(), local=i, frame=frame, alloc=a.id)
            if a.escaped and v is not UNINIT:
                n = allocate("stack", a.ty, a.size, UNINIT, a.span, a.name)
                n.shadow = a
                n.escaped = True
                a.value = copy_value(v)
                L[i] = n
            else:
                a.value = UNINIT
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
        if isinstance(st, InlineAssert):
            check = self.t_Assert(st.term)

            def inline_assert(L: list) -> None:
                check(L)  # panics when it fails; its target is the next statement
            return inline_assert
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

