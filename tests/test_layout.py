"""Layouts (types/layout.py) against rustc: sizes and alignments, field offsets and enum tag
values, recorded once from rustc 1.95 on x86_64 and re-checked against rustc when it is
installed."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest

from rustmem.source import SourceFile
from rustmem.syntax import parse
from rustmem.types import check_crate
from rustmem.types.layout import LayoutError, layout_of
from rustmem.types.ty import Slice, Str

# User types the tables refer to; the same text goes to rustmem and to rustc.
DECLS = """
use std::borrow::Cow;
use std::cell::{Cell, Ref, RefCell, RefMut};
use std::cmp::Ordering;
use std::mem::{ManuallyDrop, MaybeUninit};
use std::ops::{Range, RangeInclusive};
use std::ptr::NonNull;
use std::rc::{Rc, Weak};

struct Point { x: i32, y: i32 }
struct Mixed { a: u8, b: u32, c: u16 }
#[repr(C)]
struct CMixed { a: u8, b: u32, c: u16 }
struct WithBool { n: u64, flag: bool }
struct Node { value: i32, next: Option<Box<Node>> }
struct Unit;
struct Pair(u8, u64);
struct Tail { big: [u8; 16], small: u8, flag: bool }
#[repr(align(16))]
struct Aligned { x: u8 }
enum Color { Red, Green, Blue }
enum Shape { Circle(f64), Rect(f64, f64), Empty }
enum Msg { Quit, Move { x: i32, y: i32 }, Write(String), Paint(u8, u8, u8) }
enum List { Cons(i32, Box<List>), Nil }
enum Wide { A = 1, B = 300 }
enum Neg { A = -1, B = 0, C = 1 }
#[repr(u8)]
enum Small { A(u32), B }
#[repr(C)]
enum CEnum { A(u8), B(u64) }
#[repr(i32)]
enum IntTagged { V0, V1((f64, bool), String, i8), V2 }
#[repr(packed)]
struct Packed { a: u8, b: u32 }
#[repr(packed(2))]
struct Packed2 { a: u8, b: u32, c: u8, d: u64 }
#[repr(C, packed)]
struct CPacked { a: u8, b: u16, c: u8 }
#[repr(transparent)]
struct Wrapper(u64);
enum Token { Num(i64), Op(char), Word(String), End }
enum Tree { Leaf(u8), Node(Box<Tree>, Box<Tree>) }
enum BoolOrByte { B(bool), N(u8) }
enum Void {}
enum OneOfVoid { A(u16), B(Void) }
enum Packed3 { A(u8, bool, u8, u32), B(u16, u8) }
enum AfterNiche { A([u8; 7], bool), B(u32) }
enum CharOrSmall { A(char), B(u8), C(u16) }
enum OrdThen { A(Ordering, u16), B(u8) }
struct Inner { a: u8, b: (u8, bool), c: u16, d: u32 }
enum Holder { A(Inner), B(u8), C(u8, u8) }
enum Fields { A { x: u8, y: bool, z: u32 }, B { w: u64 } }
enum RcOr { A(Rc<u8>, bool), B(u8), C(u8), D }
struct Generic<T> { a: u8, t: T, b: u16 }
"""

# (type, size, align) as rustc 1.95 reports them on x86_64.
SIZES = [
    ("u8", 1, 1), ("i16", 2, 2), ("u32", 4, 4), ("i64", 8, 8), ("u128", 16, 16), ("usize", 8, 8),
    ("f32", 4, 4), ("f64", 8, 8), ("bool", 1, 1), ("char", 4, 4), ("()", 0, 1),
    ("&i32", 8, 8), ("&mut String", 8, 8), ("&str", 16, 8), ("&[i32]", 16, 8), ("*const u8", 8, 8),
    ("*mut str", 16, 8), ("fn(i32) -> i32", 8, 8),
    ("(u8, u32, u16)", 8, 4), ("(u8, u16, u8)", 4, 2), ("(bool, u64, bool)", 16, 8), ("((), u8)", 1, 1),
    ("[u8; 3]", 3, 1), ("[u16; 5]", 10, 2), ("[bool; 0]", 0, 1), ("[Point; 4]", 32, 4),
    ("Box<i32>", 8, 8), ("Box<str>", 16, 8), ("Box<[i32]>", 16, 8), ("Box<Node>", 8, 8),
    ("Vec<i32>", 24, 8), ("String", 24, 8), ("Rc<i32>", 8, 8), ("Weak<i32>", 8, 8), ("Rc<str>", 16, 8),
    ("RefCell<i32>", 16, 8), ("RefCell<Vec<i32>>", 32, 8), ("Cell<i32>", 4, 4), ("Cell<bool>", 1, 1),
    ("Ref<'static, i32>", 16, 8), ("RefMut<'static, String>", 16, 8), ("Rc<RefCell<Vec<u8>>>", 8, 8),
    ("NonNull<u8>", 8, 8), ("ManuallyDrop<String>", 24, 8), ("MaybeUninit<bool>", 1, 1),
    ("Option<u8>", 2, 1), ("Option<i32>", 8, 4), ("Option<u64>", 16, 8), ("Option<f64>", 16, 8),
    ("Option<()>", 1, 1), ("Option<bool>", 1, 1), ("Option<char>", 4, 4), ("Option<Option<bool>>", 1, 1),
    ("Option<Option<Option<bool>>>", 1, 1), ("Option<&i32>", 8, 8), ("Option<&str>", 16, 8),
    ("Option<Box<i32>>", 8, 8), ("Option<NonNull<u8>>", 8, 8), ("Option<Vec<i32>>", 24, 8),
    ("Option<String>", 24, 8), ("Option<Rc<i32>>", 8, 8), ("Option<Cell<bool>>", 2, 1),
    ("Option<MaybeUninit<bool>>", 2, 1), ("Option<RefCell<i32>>", 24, 8), ("Option<fn()>", 8, 8),
    ("Option<(u8, bool)>", 2, 1), ("Option<(bool, u32)>", 8, 4), ("Option<Ordering>", 1, 1),
    ("Option<Color>", 1, 1), ("Option<Point>", 12, 4), ("Option<Node>", 24, 8), ("Option<Option<String>>", 24, 8),
    ("Result<i32, String>", 24, 8), ("Result<u8, u8>", 2, 1), ("Result<(), Box<i32>>", 8, 8),
    ("Result<bool, ()>", 1, 1), ("Result<u32, Void>", 4, 4), ("Result<String, String>", 32, 8),
    ("Range<usize>", 16, 8), ("RangeInclusive<i32>", 12, 4), ("Ordering", 1, 1),
    ("Point", 8, 4), ("Mixed", 8, 4), ("CMixed", 12, 4), ("WithBool", 16, 8), ("Node", 16, 8), ("Unit", 0, 1),
    ("Pair", 16, 8), ("Tail", 18, 1), ("Aligned", 16, 16), ("Color", 1, 1), ("Shape", 24, 8), ("Msg", 24, 8),
    ("List", 16, 8), ("Wide", 2, 2), ("Neg", 1, 1), ("Small", 8, 4), ("CEnum", 16, 8), ("IntTagged", 56, 8),
    ("Packed", 5, 1), ("Packed2", 14, 2), ("CPacked", 4, 1), ("Wrapper", 8, 8), ("Option<Packed>", 6, 1), ("Token", 24, 8),
    ("Tree", 16, 8), ("BoolOrByte", 2, 1), ("Void", 0, 1), ("OneOfVoid", 2, 2),
    ("Packed3", 8, 4), ("AfterNiche", 8, 4), ("CharOrSmall", 8, 4), ("OrdThen", 4, 2), ("Inner", 12, 4),
    ("Holder", 12, 4), ("Fields", 16, 8), ("RcOr", 16, 8), ("Generic<bool>", 4, 2), ("Generic<u64>", 16, 8),
    ("Cow<'static, str>", 24, 8), ("Option<Cow<'static, [u8]>>", 24, 8), ("Option<(u32, Option<u8>)>", 8, 4), ("Option<Cell<Option<bool>>>", 2, 1), ("Result<bool, u64>", 16, 8),
]

# (type, field, offset): where rustc puts fields (offset_of!).
OFFSETS = [
    ("Mixed", "a", 6), ("Mixed", "b", 0), ("Mixed", "c", 4),
    ("CMixed", "a", 0), ("CMixed", "b", 4), ("CMixed", "c", 8),
    ("WithBool", "n", 0), ("WithBool", "flag", 8),
    ("Node", "value", 8), ("Node", "next", 0),
    ("Pair", "0", 8), ("Pair", "1", 0),
    ("Tail", "big", 1), ("Tail", "small", 17), ("Tail", "flag", 0),
    ("(u8, u32, u16)", "0", 4), ("(u8, u32, u16)", "1", 0), ("(u8, u32, u16)", "2", 6),
    ("(bool, u64, bool)", "0", 8), ("(bool, u64, bool)", "1", 0), ("(bool, u64, bool)", "2", 9),
]

# (type, value, expected tag value or None): the integer rustc stores in the tag bytes
# (read little-endian at the tag's offset); None when the variant stores no tag.
TAGS = [
    ("Option<bool>", "None", 2), ("Option<bool>", "Some(true)", None),
    ("Option<Option<bool>>", "Some(None)", None), ("Option<Option<bool>>", "None", 3),
    ("Option<char>", "None", 0x110000), ("Option<Box<i32>>", "None", 0), ("Option<u8>", "None", 0),
    ("Option<u8>", "Some(7)", 1), ("Option<Ordering>", "None", 2), ("Option<Color>", "None", 3),
    ("Option<String>", "None", 1 << 63), ("Msg", "Msg::Quit", (1 << 63)), ("Msg", "Msg::Paint(1, 2, 3)", (1 << 63) + 3),
    ("Color", "Color::Blue", 2), ("Neg", "Neg::A", 0xFF), ("Wide", "Wide::B", 300), ("Shape", "Shape::Empty", 2),
    ("List", "List::Nil", 1), ("Token", "Token::End", (1 << 63) + 3), ("Tree", "Tree::Leaf(5)", 0),
]


@pytest.fixture(scope="module")
def probe():
    """(tcx, {type text: Ty}) from one crate whose `probe` function takes one of each type."""
    names = list(dict.fromkeys([t for t, _, _ in SIZES] + [t for t, _, _ in OFFSETS] + [t for t, _, _ in TAGS]))
    params = ", ".join(f"a{i}: {t}" for i, t in enumerate(names))
    text = f"{DECLS}\nfn probe({params}) {{}}\nfn main() {{}}\n"
    source = SourceFile("layouts.rs", text)
    tcx, diags = check_crate(parse(source), source)
    assert not [d for d in diags if d.level == "error"], diags
    fn = next(f for f in tcx.user_fns if f.name == "probe")
    return tcx, dict(zip(names, fn.sig.inputs))


@pytest.mark.parametrize("ty,size,align", SIZES, ids=[t for t, _, _ in SIZES])
def test_size_and_align(probe, ty: str, size: int, align: int) -> None:
    tcx, types = probe
    layout = layout_of(types[ty], tcx)
    assert (layout.size, layout.align) == (size, align)


@pytest.mark.parametrize("ty,field,offset", OFFSETS, ids=[f"{t}.{f}" for t, f, _ in OFFSETS])
def test_field_offsets(probe, ty: str, field: str, offset: int) -> None:
    tcx, types = probe
    t = types[ty]
    names = [f.name for f in t.adt.variants[0].fields] if hasattr(t, "adt") else [str(i) for i in range(len(t.elems))]
    assert layout_of(t, tcx).offsets[names.index(field)] == offset


def variant_of(ty, value: str) -> int:
    """The variant index a value expression of TAGS names (`Msg::Quit`, `Some(true)`, `None`)."""
    head = value.split("(")[0].split("::")[-1].split(" ")[0]
    return [v.name for v in ty.adt.variants].index(head)


@pytest.mark.parametrize("ty,value,tag", TAGS, ids=[f"{t}={v}" for t, v, _ in TAGS])
def test_enum_tags(probe, ty: str, value: str, tag) -> None:
    tcx, types = probe
    t = types[ty]
    layout = layout_of(t, tcx)
    index = variant_of(t, value)
    assert layout.tag.value_of(index, t.adt.variants[index].discriminant) == tag


def test_niche_filling_places_small_variants_around_the_niche(probe) -> None:
    tcx, types = probe
    msg = layout_of(types["Msg"], tcx)
    assert msg.tag.encoding == "niche" and msg.tag.offset == 0 and msg.tag.size == 8
    move = msg.variants[1]
    assert move.offsets == (8, 12)  # after the String's capacity, where the niche is


def test_unsized_and_generic_types_have_no_layout(probe) -> None:
    tcx, _ = probe
    with pytest.raises(LayoutError):
        layout_of(Str(), tcx)
    with pytest.raises(LayoutError):
        layout_of(Slice(Str()), tcx)


# ---------------------------------------------------------------- the oracle


def rustc_program() -> str:
    lines = [DECLS, "#[allow(dead_code)]", "fn main() {", "    use std::mem::{align_of, size_of, offset_of};"]
    for ty, _, _ in SIZES:
        lines.append(f'    println!("S {{}} {{}}", size_of::<{ty}>(), align_of::<{ty}>());')
    for ty, fld, _ in OFFSETS:
        lines.append(f'    println!("O {{}}", offset_of!({ty}, {fld}));')
    for ty, value, _ in TAGS:
        lines.append(f"    {{ let v: {ty} = {value}; let p = &v as *const {ty} as *const u8;")
        lines.append(f"      let b = unsafe {{ std::slice::from_raw_parts(p, size_of::<{ty}>()) }};")
        lines.append(f'      println!("T {{:?}}", b); std::mem::forget(v); }}')
    lines.append("}")
    return "\n".join(lines) + "\n"


def test_tables_match_rustc(rustc: str, tmp_path: Path, probe) -> None:
    src = tmp_path / "layouts.rs"
    src.write_text(rustc_program())
    exe = tmp_path / "layouts"
    subprocess.run([rustc, "--edition", "2021", "-A", "warnings", "-o", str(exe), str(src)], check=True)
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout.splitlines()
    sizes = [tuple(map(int, ln.split()[1:])) for ln in out if ln.startswith("S ")]
    assert sizes == [(s, a) for _, s, a in SIZES]
    offsets = [int(ln.split()[1]) for ln in out if ln.startswith("O ")]
    assert offsets == [o for _, _, o in OFFSETS]
    # A tag's bytes in memory say which variant is stored; the table's value must be there
    # (for an untagged variant, the bytes hold a valid value of the niche field instead).
    tcx, types = probe
    dumps = [eval(ln[2:]) for ln in out if ln.startswith("T ")]
    for (ty, value, tag), raw in zip(TAGS, dumps):
        layout = layout_of(types[ty], tcx)
        stored = int.from_bytes(bytes(raw[layout.tag.offset:layout.tag.offset + layout.tag.size]), "little")
        if tag is not None:
            assert stored == tag, (ty, value)
        else:  # the untagged variant: the bytes decode to no other variant
            lo, hi = layout.tag.niche_variants
            decoded = lo + ((stored - layout.tag.niche_start) & ((1 << (8 * layout.tag.size)) - 1))
            assert not lo <= decoded <= hi, (ty, value)


def test_std_attributes_read_back_from_the_stubs_match_the_parser() -> None:
    """std ADTs lose their AST after loading; layout.py reads their attributes from the stub
    text instead, which must agree with what the parser sees."""
    from rustmem.syntax import ast, parse_text
    from rustmem.types.layout import STD_DIR, std_stub_attrs

    expected = {}
    for path in sorted(STD_DIR.glob("*.rs")):
        for item in parse_text(path.read_text(), path.name).items:
            if isinstance(item, (ast.Struct, ast.Enum)) and item.attrs:
                expected[f"{path.stem}::{item.name}"] = [(a.name, [x.replace(" ", "") for x in a.args])
                                                         for a in item.attrs]
    read = {k: v for k, v in std_stub_attrs().items() if v}
    assert read == expected


CLOSURES = """
fn main() {
    let a = 1u8;
    let s = String::new();
    let t = String::new();
    let n = 5u64;
    let f = 2.0f32;
    let c1 = move || { let _ = &s; a };
    let c2 = || n + 1;
    let c3 = || {};
    let c4 = move || (a, f);
    let c5 = || t.len() + n as usize;
    for (size, align) in [sz(&c1), sz(&c2), sz(&c3), sz(&c4), sz(&c5)] {
        println!("{} {}", size, align);
    }
}
fn sz<T>(x: &T) -> (usize, usize) { (std::mem::size_of_val(x), std::mem::align_of_val(x)) }
"""
# c1 holds a String and a u8, c2 a &u64, c3 nothing, c4 a u8 and an f32, c5 two references.
CLOSURE_SIZES = [(32, 8), (8, 8), (0, 1), (8, 4), (16, 8)]


def test_closures_hold_their_captures() -> None:
    source = SourceFile("closures.rs", CLOSURES)
    tcx, diags = check_crate(parse(source), source)
    assert not [d for d in diags if d.level == "error"], diags
    layouts = [layout_of(node.ty, tcx) for node in sorted(tcx.results.closures, key=lambda n: n.span.lo)]
    assert [(lay.size, lay.align) for lay in layouts] == CLOSURE_SIZES


def test_closure_sizes_match_rustc(rustc: str, tmp_path: Path) -> None:
    src = tmp_path / "closures.rs"
    src.write_text(CLOSURES)
    exe = tmp_path / "closures"
    subprocess.run([rustc, "--edition", "2021", "-A", "warnings", "-o", str(exe), str(src)], check=True)
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout.split()
    assert [(int(a), int(b)) for a, b in zip(out[::2], out[1::2])] == CLOSURE_SIZES


def test_memory_map_lists_fields_tag_and_padding_in_memory_order(probe) -> None:
    from rustmem.types.layout import memory_map

    tcx, types = probe

    def show(ty: str, variant=None) -> list[tuple[int, int, str]]:
        return [(s.offset, s.size, s.name or s.kind) for s in memory_map(types[ty], tcx, variant)]

    assert show("Mixed") == [(0, 4, "b"), (4, 2, "c"), (6, 1, "a"), (7, 1, "padding")]
    assert show("Msg", 1) == [(0, 8, "tag"), (8, 4, "x"), (12, 4, "y"), (16, 8, "padding")]
    assert show("Msg", 2) == [(0, 24, "0")]  # the untagged variant: its String holds the niche
    assert show("Shape", 2) == [(0, 8, "tag"), (8, 16, "padding")]
    assert show("[u16; 5]")[:2] == [(0, 2, "[0]"), (2, 2, "[1]")]
    assert show("(bool, u64, bool)") == [(0, 8, "1"), (8, 1, "0"), (9, 1, "2"), (10, 6, "padding")]


def random_decls(seed: int, count: int = 25) -> tuple[str, list[str]]:
    """Random structs and enums (nested, with repr attributes), and the types to measure."""
    import random

    rng = random.Random(seed)
    prims = ["u8", "u16", "u32", "u64", "i8", "i32", "bool", "char", "f32", "f64", "()", "u128"]
    std_tys = ["Box<u8>", "&'static str", "String", "Vec<u16>", "Option<bool>", "Option<Box<u8>>",
               "std::cmp::Ordering", "std::rc::Rc<u8>", "std::cell::Cell<bool>"]

    def leaf(names: list[str]) -> str:
        r = rng.random()
        if r < 0.45:
            return rng.choice(prims)
        if r < 0.55:
            return rng.choice(std_tys)
        if r < 0.7 and names:
            return rng.choice(names)
        if r < 0.8:
            return f"[{rng.choice(prims[:8])}; {rng.randint(0, 4)}]"
        if r < 0.9:
            return "(" + ", ".join(leaf(names) for _ in range(rng.randint(1, 3))) + ",)"
        return f"Option<{leaf(names)}>"

    decls: list[str] = []
    names: list[str] = []
    for i in range(count):
        if rng.random() < 0.5:
            fields = ", ".join(f"f{j}: {leaf(names)}" for j in range(rng.randint(0, 4)))
            decls.append(("#[repr(C)] " if rng.random() < 0.1 else "") + f"struct R{i} {{ {fields} }}")
        else:
            variants = [f"V{j}" if rng.random() < 0.3 else
                        f"V{j}(" + ", ".join(leaf(names) for _ in range(rng.randint(1, 3))) + ")"
                        for j in range(rng.randint(1, 5))]
            repr_ = rng.choice(["", "", "", "#[repr(u8)] ", "#[repr(C)] ", "#[repr(i32)] "])
            decls.append(f"{repr_}enum R{i} {{ {', '.join(variants)} }}")
        names.append(f"R{i}")
    return "\n".join(decls), names + [f"Option<{n}>" for n in names]


@pytest.mark.parametrize("seed", [4, 5])
def test_random_types_match_rustc(rustc: str, tmp_path: Path, seed: int) -> None:
    decls, types = random_decls(seed)
    params = ", ".join(f"a{i}: {t}" for i, t in enumerate(types))
    source = SourceFile("random.rs", f"{decls}\nfn probe({params}) {{}}\nfn main() {{}}\n")
    tcx, diags = check_crate(parse(source), source)
    assert not [d for d in diags if d.level == "error"], diags
    fn = next(f for f in tcx.user_fns if f.name == "probe")
    ours = [(layout_of(t, tcx).size, layout_of(t, tcx).align) for t in fn.sig.inputs]
    prints = "\n".join(f'println!("{{}} {{}}", std::mem::size_of::<{t}>(), std::mem::align_of::<{t}>());'
                       for t in types)
    src = tmp_path / "random.rs"
    src.write_text(f"#![allow(dead_code)]\n{decls}\nfn main() {{\n{prints}\n}}\n")
    exe = tmp_path / "random"
    subprocess.run([rustc, "--edition", "2021", "-A", "warnings", "-o", str(exe), str(src)], check=True)
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True).stdout.split()
    theirs = [(int(a), int(b)) for a, b in zip(out[::2], out[1::2])]
    assert [(t, o) for t, o, r in zip(types, ours, theirs) if o != r] == []
