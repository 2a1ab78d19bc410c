"""MIR: a function body as a control-flow graph of basic blocks, in rustc's vocabulary.

Built by `mir.build` from the typed HIR; read by `borrowck` (dataflow, NLL) and `machine`
(the interpreter).  Local 0 is the return place, locals 1..=arg_count the arguments.
Every statement and terminator carries the span it came from.
"""
from __future__ import annotations

from ..records import field, record
from typing import Any, Literal, Optional, Union

from ..source import Span
from ..types.ty import Region, Ty

frozen = record(frozen=True)
node = record(eq=False)

Local = int
BasicBlock = int
RETURN_PLACE: Local = 0


# ---------------------------------------------------------------- places

class ProjElem:
    __slots__ = ()


@frozen
class Deref(ProjElem):
    def __str__(self) -> str:
        return "*"


@frozen
class FieldProj(ProjElem):
    index: int
    ty: Ty  # the field's type (instantiated)
    name: str = ""  # for printing and diagnostics ("x", "0")


@frozen
class IndexProj(ProjElem):
    local: Local  # the index value lives in a local, as in rustc


@frozen
class ConstantIndex(ProjElem):
    """From slice patterns: element `offset` from the start (or end)."""

    offset: int
    min_length: int
    from_end: bool = False


@frozen
class Subslice(ProjElem):
    start: int
    end: int
    from_end: bool = True


@frozen
class Downcast(ProjElem):
    variant: int
    name: str = ""


@frozen
class Place:
    local: Local
    projection: tuple[ProjElem, ...] = ()

    def project(self, elem: ProjElem) -> "Place":
        return Place(self.local, self.projection + (elem,))

    def field(self, index: int, ty: Ty, name: str = "") -> "Place":
        return self.project(FieldProj(index, ty, name))

    def deref(self) -> "Place":
        return self.project(Deref())

    @property
    def is_local(self) -> bool:
        return not self.projection

    def prefixes(self):
        """self, then each shorter prefix down to the bare local."""
        for n in range(len(self.projection), -1, -1):
            yield Place(self.local, self.projection[:n])


# ---------------------------------------------------------------- operands and rvalues

@frozen
class Copy:
    place: Place


@frozen
class Move:
    place: Place


@frozen
class Constant:
    """A constant: an int/float/bool/char/str literal, unit, a fn item (value is the FnDef and
    ty a FnDefTy), or a const item's value after evaluation."""

    value: Any
    ty: Ty


@frozen
class Promoted:
    """The value of a `Constant` of type `&'static T` that rustc promotes (`&0`, `&-1`, `&'c'`,
    `&true`): `value` of type `ty` lives in static memory, the constant is a reference to it.
    A `static` item is one such allocation (its Constant is `*mut T` for `static mut`)."""

    value: Any
    ty: Ty
    static: str = ""  # a `static` item is one Promoted (one allocation) shared by every use: its name


Operand = Union[Copy, Move, Constant]


class Rvalue:
    __slots__ = ()


@frozen
class Use(Rvalue):
    operand: Operand


@frozen
class Repeat(Rvalue):
    operand: Operand
    count: int


BorrowKind = Literal["shared", "mut", "two-phase", "shallow", "fake"]


@frozen
class Ref(Rvalue):
    region: Region
    kind: str  # BorrowKind: "two-phase" is a mutable autoref that may be activated later
    place: Place


@frozen
class AddressOf(Rvalue):
    mutable: bool
    place: Place


@frozen
class Len(Rvalue):
    place: Place


@frozen
class Cast(Rvalue):
    kind: str  # "int-to-int", "int-to-float", "float-to-int", "ptr-to-ptr", "ref-to-ptr", "unsize", "fn-to-ptr", "closure-to-fn"
    operand: Operand
    ty: Ty


@frozen
class BinaryOp(Rvalue):
    op: str  # Add Sub Mul Div Rem BitAnd BitOr BitXor Shl Shr Eq Ne Lt Le Gt Ge Offset
    lhs: Operand
    rhs: Operand


@frozen
class CheckedBinaryOp(Rvalue):
    """(result, overflowed) as rustc does for + - * in debug builds; an Assert follows."""

    op: str
    lhs: Operand
    rhs: Operand


@frozen
class UnaryOp(Rvalue):
    op: str  # "Not" | "Neg"
    operand: Operand


@frozen
class Discriminant(Rvalue):
    place: Place


@frozen
class AggregateKind:
    kind: Literal["tuple", "array", "adt", "closure"]
    ty: Ty  # the aggregate's type
    variant: int = 0  # for enums
    field_names: tuple[str, ...] = ()


@frozen
class Aggregate(Rvalue):
    kind: AggregateKind
    operands: tuple[Operand, ...]


@frozen
class ShallowInitBox(Rvalue):
    operand: Operand
    ty: Ty


# ---------------------------------------------------------------- statements

class Statement:
    __slots__ = ()


@node
class Assign(Statement):
    span: Span
    place: Place
    rvalue: Rvalue


@node
class StorageLive(Statement):
    span: Span
    local: Local


@node
class StorageDead(Statement):
    span: Span
    local: Local


@node
class FakeRead(Statement):
    span: Span
    cause: str  # "ForMatchedPlace", "ForLet", "ForMatchGuard", "ForGuardBinding", "ForIndex"
    place: Place


@node
class SetDiscriminant(Statement):
    span: Span
    place: Place
    variant: int


@node
class Nop(Statement):
    span: Span


# ---------------------------------------------------------------- terminators

class Terminator:
    __slots__ = ()

    def successors(self) -> list[BasicBlock]:
        raise NotImplementedError


@node
class Goto(Terminator):
    span: Span
    target: BasicBlock

    def successors(self):
        return [self.target]


@node
class SwitchInt(Terminator):
    span: Span
    discr: Operand
    values: list[int]
    targets: list[BasicBlock]  # one per value
    otherwise: BasicBlock

    def successors(self):
        return [*self.targets, self.otherwise]


@node
class Return(Terminator):
    span: Span

    def successors(self):
        return []


@node
class Unreachable(Terminator):
    span: Span

    def successors(self):
        return []


@node
class UnwindResume(Terminator):
    span: Span

    def successors(self):
        return []


@node
class Drop(Terminator):
    """Run the drop glue of `place` (if it is initialised: drop elaboration decides statically
    where it can, the machine checks the drop flag where it cannot)."""

    span: Span
    place: Place
    target: BasicBlock
    unwind: Optional[BasicBlock] = None
    replace: bool = False  # the drop of `place = value` (rustc's drop-and-replace): borrowck treats it as the assignment

    def successors(self):
        return [self.target] + ([self.unwind] if self.unwind is not None else [])


@node
class Call(Terminator):
    span: Span
    func: Operand  # Constant(FnDef) for direct calls, Copy/Move of a fn ptr or closure otherwise
    args: list[Operand]
    destination: Place
    target: Optional[BasicBlock]  # None for diverging calls
    unwind: Optional[BasicBlock] = None
    fn_span: Optional[Span] = None

    def successors(self):
        return ([self.target] if self.target is not None else []) + ([self.unwind] if self.unwind is not None else [])


@node
class Assert(Terminator):
    span: Span
    cond: Operand
    expected: bool
    msg: tuple  # ("Overflow", op, lhs, rhs) | ("BoundsCheck", len, index) | ("DivisionByZero", ..) | ("RemainderByZero", ..) | ("OverflowNeg", ..)
    target: BasicBlock
    unwind: Optional[BasicBlock] = None

    def successors(self):
        return [self.target] + ([self.unwind] if self.unwind is not None else [])


@node
class FalseEdge(Terminator):
    """A real edge to `real` and an imaginary one to `imaginary` (match arms), for borrowck only."""

    span: Span
    real: BasicBlock
    imaginary: BasicBlock

    def successors(self):
        return [self.real, self.imaginary]


@node
class FalseUnwind(Terminator):
    """Loop heads: a real edge to `real` and, for borrowck, a possible unwind."""

    span: Span
    real: BasicBlock
    unwind: Optional[BasicBlock] = None

    def successors(self):
        return [self.real] + ([self.unwind] if self.unwind is not None else [])


# ---------------------------------------------------------------- bodies

@node
class LocalDecl:
    ty: Ty
    span: Span
    name: Optional[str] = None  # user variables have a name; temporaries None
    mutable: bool = False
    is_user_var: bool = False
    is_ref_binding: bool = False  # `ref x` bindings
    internal: bool = False  # compiler-introduced (e.g. for-loop iterator), never reported by name


@node
class BasicBlockData:
    statements: list[Statement] = field(default_factory=list)
    terminator: Optional[Terminator] = None
    is_cleanup: bool = False


@node
class Body:
    """One function or closure body."""

    name: str  # "main", "Point::new", "main::{closure#0}"
    span: Span
    locals: list[LocalDecl]
    blocks: list[BasicBlockData]
    arg_count: int
    fn_def: Any = None  # types.FnDef, or types.ClosureDef for closures
    is_closure: bool = False
    upvars: list[tuple[str, str]] = field(default_factory=list)  # closures: (name, mode) per captured field of arg 1
    universal_regions: list[Region] = field(default_factory=list)  # named regions of the signature
    extra: dict = field(default_factory=dict)  # per-stage annotations (e.g. region facts)

    @property
    def return_ty(self) -> Ty:
        return self.locals[0].ty

    def args(self) -> range:
        return range(1, self.arg_count + 1)

    def predecessors(self) -> list[list[BasicBlock]]:
        preds: list[list[BasicBlock]] = [[] for _ in self.blocks]
        for i, bb in enumerate(self.blocks):
            if bb.terminator is not None:
                for s in bb.terminator.successors():
                    preds[s].append(i)
        return preds


@record(eq=False, slots=False)
class Program:
    """All MIR of a crate: user bodies by path, plus the typed program they came from."""

    bodies: dict[str, Body]
    tcx: Any  # types.TyCtxt: ADTs, traits, impls, layouts, std
    closures: dict[Any, Body] = field(default_factory=dict)  # ClosureDef -> its body
    fn_bodies: dict[Any, Body] = field(default_factory=dict)  # FnDef -> its body
