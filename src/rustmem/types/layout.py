"""Layouts: the size, alignment and field offsets of a type as rustc lays it out on x86_64.

`layout_of(ty, tcx) -> Layout` for any fully resolved, sized type.  `tcx` is anything with
`field_tys(adt_ty, variant) -> [Ty]` (the TyCtxt, or a test's stand-in).  This follows
`rustc_abi::layout` (rustc 1.95):

- scalars have the x86_64 sizes; `&T`, `Box<T>`, `Rc<T>` ... are one pointer, two (16
  bytes) when `T` is unsized (`&str`, `&[T]`, `Box<str>`);
- structs, tuples and closures are laid out by `univariant`: repr(Rust) fields are reordered
  (largest alignment first, the largest niche placed at the start, or at the end when that
  leaves more room in front), repr(C) keeps declaration order;
- enums take the smaller of a tagged layout (the smallest integer that holds the
  discriminants, widened to the first field's alignment) and a niche-filling one (the other
  variants' discriminants stored in invalid values of a field of the largest variant:
  `Option<Box<T>>`, `Option<bool>`, `Option<char>`, `Option<Vec<T>>`).

Niches come from the valid ranges of scalars: bool 0..=1, char 0..=0x10FFFF, references and
fn pointers non-zero, enum tags their discriminant range, and std types that say so with
`#[rustc_layout_scalar_valid_range_start/end]` (NonNull, Vec's capacity).  UnsafeCell and
MaybeUninit hide the niches of what they hold.
"""
from __future__ import annotations

import re
from ..records import field, record
from pathlib import Path
from typing import Any, Literal, Optional, Protocol

from .ty import (
    ERASED, Adt, Array, Bool, Char, ClosureTy, ErrorTy, Float, FnDefTy, FnPtr, Infer, Int, Never, Param, Projection,
    RawPtr, Ref, Slice, Str, Tuple, Ty, walk,
)

STD_DIR = Path(__file__).resolve().parent / "std"


class FieldTys(Protocol):
    def field_tys(self, ty: Ty, variant: int = 0) -> list[Ty]: ...


class LayoutError(Exception):
    """The type has no layout: it is unsized or not fully resolved (a generic parameter)."""


# ---------------------------------------------------------------- the result


@record(frozen=True, slots=False)
class Niche:
    """A scalar of `size` bytes at `offset` whose valid values are `start..=end` (wrapping
    around, as rustc's WrappingRange); every other value can encode something else."""

    offset: int
    size: int
    start: int
    end: int

    @property
    def available(self) -> int:
        """How many invalid values the scalar has."""
        mask = (1 << (8 * self.size)) - 1
        return (self.start - self.end - 1) & mask

    def reserve(self, count: int) -> Optional[tuple[int, "Niche"]]:
        """Take `count` invalid values: (the first one, the niche with them now valid), or None.
        Prefers the values nearest zero, so that `None` of an Option is 0 (rustc's rule)."""
        mask = (1 << (8 * self.size)) - 1
        if count > self.available:
            return None
        start, end = self.start, self.end

        def move_start() -> tuple[int, Niche]:
            new = (start - count) & mask
            return new, Niche(self.offset, self.size, new, end)

        def move_end() -> tuple[int, Niche]:
            return (end + 1) & mask, Niche(self.offset, self.size, start, (end + count) & mask)

        if start > end:  # the valid range wraps around: zero is taken
            return move_end()
        if start <= mask - end:
            return move_start() if count <= start else move_end()
        return move_start() if 1 <= (end + count) & mask <= end else move_end()

    def shifted(self, by: int) -> "Niche":
        return Niche(self.offset + by, self.size, self.start, self.end)


@record(frozen=True, slots=False)
class Tag:
    """Where an enum keeps which variant a value is.

    `encoding` "direct": the tag holds the discriminant (truncated to `size` bytes).
    `encoding` "niche": the variants `niche_variants[0]..=niche_variants[1]` other than
    `untagged_variant` are stored as `niche_start + (index - niche_variants[0])` in the
    niche scalar; a value outside those is `untagged_variant`."""

    offset: int
    size: int
    signed: bool
    encoding: Literal["direct", "niche"]
    untagged_variant: int = 0
    niche_variants: tuple[int, int] = (0, 0)
    niche_start: int = 0

    def value_of(self, variant: int, discriminant: int) -> Optional[int]:
        """The tag value stored for `variant`, or None when the variant stores nothing (the
        untagged variant of a niche layout)."""
        mask = (1 << (8 * self.size)) - 1
        if self.encoding == "direct":
            return discriminant & mask
        lo, hi = self.niche_variants
        if variant == self.untagged_variant or not lo <= variant <= hi:
            return None
        return (self.niche_start + variant - lo) & mask


@record(frozen=True, slots=False)
class Layout:
    """size and align in bytes; `offsets[i]` is the offset of field i in declaration order
    (struct fields, tuple elements, closure captures; for an array the element stride is
    `stride`).  An enum with several variants has `tag` and one Layout per variant in
    `variants` (offsets there are from the start of the enum)."""

    size: int
    align: int
    offsets: tuple[int, ...] = ()
    variants: tuple["Layout", ...] = ()
    tag: Optional[Tag] = None
    niche: Optional[Niche] = None
    uninhabited: bool = False
    stride: int = 0

    @property
    def memory_order(self) -> tuple[int, ...]:
        """Field indices by increasing offset (ties in declaration order)."""
        return tuple(sorted(range(len(self.offsets)), key=lambda i: self.offsets[i]))

    @property
    def is_zst(self) -> bool:
        return self.size == 0


def make_niche(offset: int, size: int, start: int, end: int) -> Optional[Niche]:
    """A Niche, or None when every value of the scalar is valid (rustc's Niche::from_scalar)."""
    niche = Niche(offset, size, start, end)
    return niche if niche.available else None


def scalar(size: int, niche: Optional[tuple[int, int]] = None) -> Layout:
    """An integer-like scalar of `size` bytes, with a valid range when it has a niche."""
    return Layout(size, size, niche=make_niche(0, size, *niche) if niche else None)


UNIT = Layout(0, 1)
NEVER = Layout(0, 1, uninhabited=True)
MAX_U64 = (1 << 64) - 1
THIN_PTR = scalar(8)
THIN_REF = scalar(8, (1, MAX_U64))
FAT_PTR = Layout(16, 8, offsets=(0, 8))  # data pointer, then length
FAT_REF = Layout(16, 8, offsets=(0, 8), niche=Niche(0, 8, 1, MAX_U64))

INT_SIZES = {"i8": 1, "u8": 1, "i16": 2, "u16": 2, "i32": 4, "u32": 4, "i64": 8, "u64": 8,
             "i128": 16, "u128": 16, "isize": 8, "usize": 8}
INT_ALIGN = {16: 16}  # x86_64: i128/u128 are 16-aligned since rustc 1.77


# ---------------------------------------------------------------- the computation


class LayoutCx:
    """Computes and caches layouts for one `tcx`."""

    def __init__(self, tcx: FieldTys) -> None:
        self.tcx = tcx
        self.cache: dict[Ty, Layout] = {}

    def layout_of(self, ty: Ty) -> Layout:
        hit = self.cache.get(ty)
        if hit is None:
            hit = self.compute(ty)
            self.cache[ty] = hit
        return hit

    def compute(self, ty: Ty) -> Layout:
        if isinstance(ty, Int):
            size = INT_SIZES[ty.kind]
            return Layout(size, INT_ALIGN.get(size, size))
        if isinstance(ty, Float):
            return scalar(4 if ty.kind == "f32" else 8)
        if isinstance(ty, Bool):
            return scalar(1, (0, 1))
        if isinstance(ty, Char):
            return scalar(4, (0, 0x10FFFF))
        if isinstance(ty, Never):
            return NEVER
        if isinstance(ty, Tuple):
            # A tuple's last element may be unsized (`(u8, [u32])`), so rustc never moves it.
            return self.univariant([self.layout_of(e) for e in ty.elems], repr_c=False, fixed_tail=bool(ty.elems))
        if isinstance(ty, Array):
            elem = self.layout_of(ty.elem)
            return Layout(elem.size * ty.length, elem.align, stride=elem.size,
                          niche=elem.niche if ty.length else None, uninhabited=elem.uninhabited and ty.length > 0)
        if isinstance(ty, Ref):
            return THIN_REF if self.is_sized(ty.inner) else FAT_REF
        if isinstance(ty, RawPtr):
            return THIN_PTR if self.is_sized(ty.inner) else FAT_PTR
        if isinstance(ty, FnPtr):
            return THIN_REF
        if isinstance(ty, FnDefTy):
            return UNIT
        if isinstance(ty, ClosureTy):
            return self.univariant([self.layout_of(t) for t in closure_capture_tys(ty)], repr_c=False)
        if isinstance(ty, Adt):
            return self.adt(ty)
        if isinstance(ty, (Str, Slice)):
            raise LayoutError(f"`{ty}` is unsized: only a pointer to it has a layout")
        if isinstance(ty, (Param, Projection, Infer, ErrorTy)):
            raise LayoutError(f"`{ty}` is not a concrete type")
        raise LayoutError(f"no layout for `{ty}`")

    def field_tys(self, ty: Adt, variant: int) -> list[Ty]:
        """The instantiated field types, with projections (`<str as ToOwned>::Owned` in Cow)
        normalised when the tcx can."""
        tys = self.tcx.field_tys(ty, variant)
        normalize = getattr(self.tcx, "normalize", None)
        if normalize is not None and any(isinstance(t, Projection) for f in tys for t in walk(f)):
            tys = [normalize(t) for t in tys]
        return tys

    def is_sized(self, ty: Ty) -> bool:
        """Whether ty is sized (a pointer to it is thin): str, slices and structs ending in them are not."""
        if isinstance(ty, (Str, Slice)):
            return False
        if isinstance(ty, Tuple) and ty.elems:
            return self.is_sized(ty.elems[-1])
        if isinstance(ty, Adt) and ty.adt.is_struct:
            fields = self.field_tys(ty, 0)
            return self.is_sized(fields[-1]) if fields else True
        return True

    # ------------------------------------------------------------ ADTs

    def adt(self, ty: Adt) -> Layout:
        attrs = adt_attrs(ty.adt)
        variants = [[self.layout_of(t) for t in self.field_tys(ty, i)] for i in range(len(ty.adt.variants))]
        if ty.adt.is_struct:
            layout = self.univariant(variants[0], repr_c="C" in attrs.repr, pack=attrs.pack, min_align=attrs.align,
                                     fixed_tail=maybe_unsized_tail(ty.adt))
            if ty.adt.lang in ("UnsafeCell", "MaybeUninit"):
                return Layout(layout.size, layout.align, layout.offsets, uninhabited=layout.uninhabited)
            return with_valid_range(layout, attrs.valid_start, attrs.valid_end)
        return self.enum(ty, variants, attrs)

    def enum(self, ty: Adt, variants: list[list[Layout]], attrs: "ReprAttrs") -> Layout:
        def absent(fields: list[Layout]) -> bool:
            return any(f.uninhabited for f in fields) and all(f.is_zst for f in fields)

        present = [i for i, fields in enumerate(variants) if not absent(fields)]
        if not present:
            return NEVER
        discrs = [v.discriminant for v in ty.adt.variants]
        repr_inhibits = "C" in attrs.repr or attrs.int is not None
        if len(present) == 1 and not repr_inhibits:
            # One variant needs storage: it is laid out as a struct, with no tag (the others
            # are uninhabited and hold only zero-sized fields, all at offset 0).
            only = self.univariant(variants[present[0]], repr_c=False, min_align=attrs.align)
            per_variant = tuple(only if i == present[0] else Layout(0, 1, (0,) * len(fields), uninhabited=True)
                                for i, fields in enumerate(variants))
            return Layout(only.size, only.align, only.offsets, per_variant, niche=only.niche,
                          uninhabited=only.uninhabited)
        tagged = self.tagged_enum(variants, discrs, attrs)
        explicit = has_explicit_discriminants(ty.adt)
        niche = None if repr_inhibits or explicit else self.niche_filled_enum(variants, absent)
        if niche is None:
            return tagged
        tagged_niche = tagged.niche.available if tagged.niche else 0
        niche_niche = niche.niche.available if niche.niche else 0
        # Smaller wins; at equal size the larger niche wins; otherwise tagged (simpler code).
        if tagged.size > niche.size or (tagged.size == niche.size and tagged_niche < niche_niche):
            return niche
        return tagged

    def niche_filled_enum(self, variants: list[list[Layout]], absent: Any) -> Optional[Layout]:
        """Store the other variants in invalid values of a field of the largest one."""
        if len(variants) < 2:
            return None
        layouts = [self.univariant(fields, repr_c=False) for fields in variants]
        align = max(lay.align for lay in layouts)
        # The largest variant; of equal sizes the last, as Iterator::max_by_key picks.
        largest = max(range(len(layouts)), key=lambda i: (layouts[i].size, i))
        needs_tag = [i for i in range(len(variants)) if i != largest and not absent(variants[i])]
        if not needs_tag:
            return None
        lo, hi = needs_tag[0], needs_tag[-1]
        niche = layouts[largest].niche
        reserved = niche.reserve(hi - lo + 1) if niche else None
        if niche is None or reserved is None:
            return None
        niche_start, niche_after = reserved
        size = round_up(layouts[largest].size, align)
        placed = []
        for i, lay in enumerate(layouts):
            if i == largest or lay.size <= niche.offset:
                placed.append(Layout(lay.size, lay.align, lay.offsets, uninhabited=lay.uninhabited))
                continue
            # Does it fit after the niche?
            shift = round_up(niche.offset + niche.size, lay.align)
            if shift + lay.size > size:
                return None
            placed.append(Layout(lay.size + shift, lay.align, tuple(o + shift for o in lay.offsets),
                                 uninhabited=lay.uninhabited))
        tag = Tag(niche.offset, niche.size, False, "niche", largest, (lo, hi), niche_start)
        after = make_niche(niche_after.offset, niche_after.size, niche_after.start, niche_after.end)
        return Layout(size, align, (niche.offset,), tuple(placed), tag, after,
                      uninhabited=all(lay.uninhabited for lay in layouts))

    def tagged_enum(self, variants: list[list[Layout]], discrs: list[int], attrs: "ReprAttrs") -> Layout:
        """A tag at offset 0, then each variant's fields after it."""
        inhabited = [d for d, fields in zip(discrs, variants) if not any(f.uninhabited for f in fields)]
        lo, hi = (min(inhabited), max(inhabited)) if inhabited else (0, 0)
        min_size, signed = discriminant_int(lo, hi, attrs)
        repr_c = "C" in attrs.repr
        prefix_align = min_size
        if repr_c:
            prefix_align = max([prefix_align] + [f.align for fields in variants for f in fields])
        start_align = 256
        size, align = 0, 1
        layouts = []
        for fields in variants:
            # repr(C) and repr(u8)-like enums keep each variant's fields in declaration order.
            lay = self.univariant(fields, repr_c=repr_c or attrs.int is not None, prefix=(min_size, prefix_align),
                                  min_align=attrs.align)
            # The first field that cannot move decides how wide the tag may grow.
            first = next((i for i in lay.memory_order if not (fields[i].is_zst and fields[i].align == 1)), None)
            if first is not None:
                start_align = min(start_align, fields[first].align)
            size, align = max(size, lay.size), max(align, lay.align)
            layouts.append(lay)
        size = round_up(size, align)
        tag_size = min_size
        if not repr_c and attrs.int is None and start_align in (1, 2, 4, 8, 16) and start_align > min_size:
            tag_size = start_align
            layouts = [widen_tag(lay, min_size, tag_size) for lay in layouts]
        mask = (1 << (8 * tag_size)) - 1
        tag = Tag(0, tag_size, signed, "direct")
        return Layout(size, align, (0,), tuple(layouts), tag, make_niche(0, tag_size, lo & mask, hi & mask),
                      uninhabited=not inhabited)

    # ------------------------------------------------------------ structs, tuples, variants

    def univariant(self, fields: list[Layout], repr_c: bool, prefix: Optional[tuple[int, int]] = None,
                   pack: Optional[int] = None, min_align: int = 1, fixed_tail: bool = False) -> Layout:
        """Fields laid out one after another, reordered unless repr(C); `prefix` is an enum
        tag's (size, align) in front of a variant's fields; `fixed_tail` keeps the last field
        last (it may be unsized: rustc's StructKind::MaybeUnsized)."""
        layout = self.univariant_biased(fields, repr_c, prefix, pack, min_align, False, fixed_tail)
        niche = layout.niche
        if niche is not None and len(fields) > 1 and not fixed_tail:
            head = niche.offset
            tail = layout.size - head - niche.size
            if head != 0 and tail > 0:
                alt = self.univariant_biased(fields, repr_c, prefix, pack, min_align, True, fixed_tail)
                alt_head = alt.niche.offset if alt.niche else 0
                if alt_head > head and alt_head > tail:
                    return alt
        return layout

    def univariant_biased(self, fields: list[Layout], repr_c: bool, prefix: Optional[tuple[int, int]],
                          pack: Optional[int], min_align: int, niche_at_end: bool, fixed_tail: bool) -> Layout:
        order = list(range(len(fields)))
        if not repr_c and len(fields) > 1:
            movable = len(fields) - 1 if fixed_tail else len(fields)
            order = field_order(fields[:movable], prefix is not None, pack, niche_at_end) + order[movable:]
        offset, align = (round_up(prefix[0], prefix[1]), prefix[1]) if prefix else (0, 1)
        align = max(align, min_align)
        offsets = [0] * len(fields)
        best: Optional[Niche] = None
        best_available = 0
        for i in order:
            f = fields[i]
            f_align = min(f.align, pack) if pack else f.align
            offset = round_up(offset, f_align)
            align = max(align, f_align)
            offsets[i] = offset
            if f.niche is not None:
                available = f.niche.available
                if available > best_available or (niche_at_end and available >= best_available and available):
                    best, best_available = f.niche.shifted(offset), available
            offset += f.size
        return Layout(round_up(offset, align), align, tuple(offsets), niche=best,
                      uninhabited=any(f.uninhabited for f in fields))


def field_order(fields: list[Layout], prefixed: bool, pack: Optional[int], niche_at_end: bool) -> list[int]:
    """rustc's reordering of repr(Rust) fields (`univariant_biased`): by alignment group
    (descending; ascending behind an enum tag), then by niche size and position."""
    if not fields:
        return []
    max_align = max(f.align for f in fields)
    largest_niche = max((f.niche.available for f in fields if f.niche), default=0)

    def niche_size(f: Layout) -> int:
        return f.niche.available if f.niche else 0

    def alignment_group(f: Layout) -> int:
        if pack:
            return min(f.align, pack).bit_length() - 1
        size_as_align = trailing_zeros(max(f.align, f.size))
        if largest_niche == 0:
            return size_as_align
        if not niche_at_end:
            return min(trailing_zeros(max_align), size_as_align)
        return trailing_zeros(f.align) if niche_size(f) == largest_niche else size_as_align

    def key(i: int) -> tuple:
        f = fields[i]
        if prefixed:
            return (alignment_group(f), niche_size(f))
        if not niche_at_end:
            inner = f.niche.offset if f.niche else 0
            return (-alignment_group(f), -niche_size(f), inner)
        inner = MAX_U64 - (f.size - (f.niche.offset + f.niche.size)) if f.niche else 0
        return (-alignment_group(f), niche_size(f), inner)

    return sorted(range(len(fields)), key=key)  # stable, as sort_by_key


# ---------------------------------------------------------------- helpers


@record(slots=False)
class ReprAttrs:
    repr: set[str] = field(default_factory=set)
    int: Optional[str] = None  # repr(u8) ...
    pack: Optional[int] = None
    align: int = 1
    valid_start: Optional[int] = None
    valid_end: Optional[int] = None


def adt_attrs(adt: Any) -> ReprAttrs:
    """The layout attributes of an ADT's declaration (`#[repr(...)]`, valid-range attributes)."""
    out = ReprAttrs()
    for name, args in declared_attrs(adt):
        if name == "repr":
            for arg in args:
                if arg in INT_SIZES:
                    out.int = arg
                elif arg.startswith("packed"):
                    out.pack = int(arg[7:-1]) if "(" in arg else 1
                elif arg.startswith("align("):
                    out.align = int(arg[6:-1])
                else:
                    out.repr.add(arg)
        elif name == "rustc_layout_scalar_valid_range_start":
            out.valid_start = int(args[0].replace("_", ""))
        elif name == "rustc_layout_scalar_valid_range_end":
            out.valid_end = int(args[0].replace("_", ""))
    return out


def declared_attrs(adt: Any) -> list[tuple[str, list[str]]]:
    """(name, args) of each attribute on the ADT's declaration.  The type checker keeps the
    AST of user ADTs; for std ADTs, whose AST it drops after loading, the attributes are read
    back from the stub text (`adt.path` is `module::Name`)."""
    attrs = getattr(getattr(adt, "ast", None), "attrs", None)
    if attrs is not None:
        return [(a.name, [x.replace(" ", "") for x in a.args]) for a in attrs]
    return std_stub_attrs().get(adt.path, [])


_STD_ATTRS: Optional[dict[str, list[tuple[str, list[str]]]]] = None
_DECL = re.compile(r"((?:#\[[^\]]*\]\s*)+)(?:pub(?:\([a-z]+\))?\s+)?(?:struct|enum)\s+(\w+)")
_ATTR = re.compile(r"#\[\s*(\w+)\s*(?:\((.*?)\)|=\s*\"([^\"]*)\")?\s*\]")


def std_stub_attrs() -> dict[str, list[tuple[str, list[str]]]]:
    """The attributes of every ADT declared in the std stubs, by `module::Name` (read once)."""
    global _STD_ATTRS
    if _STD_ATTRS is None:
        _STD_ATTRS = {}
        for path in sorted(STD_DIR.glob("*.rs")):
            for block, name in _DECL.findall(path.read_text(encoding="utf-8")):
                attrs = []
                for attr, inner, value in _ATTR.findall(block):
                    args = [value] if value else [a.replace(" ", "") for a in inner.split(",") if a.strip()]
                    attrs.append((attr, args))
                _STD_ATTRS[f"{path.stem}::{name}"] = attrs
    return _STD_ATTRS


def with_valid_range(layout: Layout, start: Optional[int], end: Optional[int]) -> Layout:
    """A struct whose first scalar (a pointer, an integer) is restricted to start..=end."""
    if start is None and end is None:
        return layout
    size = 8 if layout.size >= 8 else layout.size
    niche = make_niche(0, size, start if start is not None else 0, end if end is not None else (1 << (8 * size)) - 1)
    return Layout(layout.size, layout.align, layout.offsets, niche=niche, uninhabited=layout.uninhabited)


def maybe_unsized_tail(adt: Any) -> bool:
    """Whether a struct's last field, as declared, may be unsized (`value: T` with `T: ?Sized`,
    `data: [u8]`): rustc then keeps that field last in every instance."""
    fields = adt.variants[0].fields if adt.variants else []
    if not fields:
        return False
    last = fields[-1].ty
    if isinstance(last, (Str, Slice)):
        return True
    if isinstance(last, Param):
        decl = getattr(adt, "ast", None)
        params = decl.generics.types if decl is not None else []
        return any(p.name == last.name and any(b.maybe for b in p.bounds) for p in params)
    return False


def has_explicit_discriminants(adt: Any) -> bool:
    """`enum E { A = 1, B }`: rustc does not niche-optimise such enums."""
    decl = getattr(adt, "ast", None)
    if decl is not None and hasattr(decl, "variants"):
        return any(v.discriminant is not None for v in decl.variants)
    return any(v.discriminant != i for i, v in enumerate(adt.variants))


def discriminant_int(lo: int, hi: int, attrs: ReprAttrs) -> tuple[int, bool]:
    """(size in bytes, signed) of the smallest integer holding lo..=hi (at least i32 for repr(C))."""
    if attrs.int is not None:
        return INT_SIZES[attrs.int], attrs.int.startswith("i")
    at_least = 4 if "C" in attrs.repr else 1
    for size in (1, 2, 4, 8, 16):
        if size < at_least:
            continue
        bits = 8 * size
        if lo >= 0 and hi < (1 << bits):
            return size, False
        if lo < 0 and -(1 << (bits - 1)) <= lo and hi < (1 << (bits - 1)):
            return size, True
    return 16, lo < 0


def widen_tag(layout: Layout, old: int, new: int) -> Layout:
    """Move fields that sat right after an `old`-byte tag behind a `new`-byte one."""
    offsets = tuple(new if o <= old else o for o in layout.offsets)
    return Layout(max(layout.size, new), layout.align, offsets, uninhabited=layout.uninhabited)


def closure_capture_tys(ty: ClosureTy) -> list[Ty]:
    """What a closure value holds: a reference per by-ref capture, the value per by-move one."""
    out: list[Ty] = []
    for _name, _binding, mode, captured in ty.closure.captures:
        if mode == "ref":
            out.append(Ref(ERASED, False, captured))
        elif mode == "refmut":
            out.append(Ref(ERASED, True, captured))
        else:
            out.append(captured)
    return out


def round_up(n: int, align: int) -> int:
    return (n + align - 1) // align * align


def trailing_zeros(n: int) -> int:
    return (n & -n).bit_length() - 1 if n else 64


def layout_of(ty: Ty, tcx: FieldTys) -> Layout:
    """The layout of a concrete sized type; raises LayoutError otherwise.  Layouts are cached
    per tcx (on the tcx object when it allows it)."""
    return layout_cx(tcx).layout_of(ty)


# ---------------------------------------------------------------- memory maps (for pictures)


@record(frozen=True, slots=False)
class Segment:
    """One stretch of a value's bytes: a field (by name), the enum tag, or padding."""

    offset: int
    size: int
    kind: Literal["field", "tag", "padding"]
    name: str = ""
    ty: Optional[Ty] = None


def memory_map(ty: Ty, tcx: FieldTys, variant: Optional[int] = None) -> list[Segment]:
    """ty's bytes in memory order: its fields (for an enum, the tag and the fields of
    `variant`), with the padding between and after them.  A scalar is one field."""
    layout = layout_of(ty, tcx)
    fields: list[tuple[str, Ty, int]] = []
    segments: list[Segment] = []
    if isinstance(ty, Adt) and ty.adt.is_enum:
        if variant is not None:
            names = [f.name for f in ty.adt.variants[variant].fields]
            tys = layout_cx(tcx).field_tys(ty, variant)
            offsets = layout.variants[variant].offsets if layout.variants else layout.offsets
            fields = list(zip(names, tys, offsets))
        if layout.tag is not None and (layout.tag.encoding == "direct" or variant != layout.tag.untagged_variant):
            segments.append(Segment(layout.tag.offset, layout.tag.size, "tag", "tag"))
    elif isinstance(ty, Adt):
        names = [f.name for f in ty.adt.variants[0].fields]
        fields = list(zip(names, layout_cx(tcx).field_tys(ty, 0), layout.offsets))
    elif isinstance(ty, Tuple):
        fields = [(str(i), t, o) for i, (t, o) in enumerate(zip(ty.elems, layout.offsets))]
    elif isinstance(ty, Array):
        fields = [(f"[{i}]", ty.elem, i * layout.stride) for i in range(ty.length)]
    elif isinstance(ty, ClosureTy):
        names = [c[0] for c in ty.closure.captures]
        fields = list(zip(names, closure_capture_tys(ty), layout.offsets))
    else:
        fields = [("", ty, 0)] if layout.size else []
    for name, fty, offset in fields:
        size = layout_of(fty, tcx).size
        if size:
            segments.append(Segment(offset, size, "field", name, fty))
    segments.sort(key=lambda s: s.offset)
    out: list[Segment] = []
    end = 0
    for seg in segments:
        if seg.offset > end:
            out.append(Segment(end, seg.offset - end, "padding"))
        if seg.kind == "tag" and out and out[-1].kind == "field" and seg.offset < end:
            continue  # a niche tag lives inside a field already listed
        out.append(seg)
        end = max(end, seg.offset + seg.size)
    if end < layout.size:
        out.append(Segment(end, layout.size - end, "padding"))
    return out


def layout_cx(tcx: FieldTys) -> LayoutCx:
    """The LayoutCx cached on tcx (made on first use)."""
    cx = getattr(tcx, "_layout_cx", None)
    if cx is None:
        cx = LayoutCx(tcx)
        try:
            tcx._layout_cx = cx  # type: ignore[attr-defined]
        except AttributeError:
            pass
    return cx
