"""The machine's formatting runtime against what rustc 1.95 prints.

Each case is a format string, its arguments (the Rust expression and the machine's argument
object) and the output a real Rust program printed for it; `test_cases_match_rustc` rebuilds
that program and checks the recorded outputs are still rustc's.
"""
from __future__ import annotations

import shutil
import struct
import subprocess
from dataclasses import dataclass
from typing import Any

import pytest

from rustmem.machine.fmt import (
    FmtBool,
    FmtChar,
    FmtFloat,
    FmtInt,
    FmtList,
    FmtMap,
    FmtPointer,
    FmtSet,
    FmtStr,
    FmtStruct,
    FmtTuple,
    FmtUnit,
    FmtWith,
    Formatter,
    StringSink,
    fmt_option,
    format,
    to_string,
)
from rustmem.syntax.ast import FormatSpec

# ---------------------------------------------------------------- a format string, parsed

_TRAITS = {"": "Display", "?": "Debug", "x?": "Debug", "X?": "Debug", "x": "LowerHex", "X": "UpperHex", "b": "Binary",
           "o": "Octal", "e": "LowerExp", "E": "UpperExp", "p": "Pointer"}


def parse_format(template: str) -> list[Any]:
    """The pieces of a format string using positional arguments only (what the parser
    produces for the cases below, without needing the parser)."""
    pieces: list[Any] = []
    text = ""
    i = 0
    next_arg = 0
    while i < len(template):
        c = template[i]
        if c in "{}" and template[i + 1 : i + 2] == c:
            text += c
            i += 2
            continue
        if c != "{":
            text += c
            i += 1
            continue
        end = template.index("}", i)
        body = template[i + 1 : end]
        i = end + 1
        if text:
            pieces.append(text)
            text = ""
        arg_part, _, spec = body.partition(":")
        fs = FormatSpec(span=None, arg=-1)  # type: ignore[arg-type]
        j = 0
        if len(spec) >= 2 and spec[1] in "<>^":
            fs.fill, fs.align, j = spec[0], spec[1], 2
        elif spec[:1] in ("<", ">", "^"):
            fs.align, j = spec[0], 1
        if spec[j : j + 1] in ("+", "-"):
            fs.sign, j = spec[j], j + 1
        if spec[j : j + 1] == "#":
            fs.alternate, j = True, j + 1
        if spec[j : j + 1] == "0":
            fs.zero_pad, j = True, j + 1
        k = j
        while k < len(spec) and spec[k].isdigit():
            k += 1
        if k > j:
            if spec[k : k + 1] == "$":
                fs.width_arg, k = int(spec[j:k]), k + 1
            else:
                fs.width = int(spec[j:k])
        j = k
        if spec[j : j + 1] == ".":
            j += 1
            if spec[j] == "*":
                fs.precision_arg, j = next_arg, j + 1
                next_arg += 1
            else:
                k = j
                while k < len(spec) and spec[k].isdigit():
                    k += 1
                if spec[k : k + 1] == "$":
                    fs.precision_arg = int(spec[j:k])
                    k += 1
                else:
                    fs.precision = int(spec[j:k])
                j = k
        fs.trait = _TRAITS[spec[j:]]  # type: ignore[assignment]
        if spec[j:] in ("x?", "X?"):
            fs.debug_hex = spec[j]  # type: ignore[assignment]
        if arg_part:
            fs.arg = int(arg_part)
        else:
            fs.arg, next_arg = next_arg, next_arg + 1
        pieces.append(fs)
    if text:
        pieces.append(text)
    return pieces


# ---------------------------------------------------------------- arguments: Rust and machine


@dataclass
class Arg:
    rust: str
    value: Any


def rust_str(s: str, quote: str = '"') -> str:
    out = []
    for c in s:
        if " " <= c <= "~" and c not in "\\\"'":
            out.append(c)
        else:
            out.append("\\u{%x}" % ord(c))
    return quote + "".join(out) + quote


def I(v: int, ty: str = "i32") -> Arg:
    return Arg(f"{v}{ty}", FmtInt(v, ty))


def F(v: float, ty: str = "f64") -> Arg:
    if ty == "f32":
        bits = struct.unpack("<I", struct.pack("<f", v))[0]
    else:
        bits = struct.unpack("<Q", struct.pack("<d", v))[0]
    return Arg(f"{ty}::from_bits({bits:#x})", FmtFloat(v, ty))


def S(s: str) -> Arg:
    return Arg(rust_str(s), FmtStr(s))


def C(c: str) -> Arg:
    return Arg(rust_str(c, "'"), FmtChar(c))


def B(b: bool) -> Arg:
    return Arg("true" if b else "false", FmtBool(b))


def point(x: int, y: int) -> Arg:
    return Arg(f"Point {{ x: {x}, y: {y} }}", FmtStruct("Point", [("x", FmtInt(x)), ("y", FmtInt(y))]))


def some(a: Arg) -> Arg:
    return Arg(f"Some({a.rust})", fmt_option(a.value))


def none(ty: str) -> Arg:
    return Arg(f"None::<{ty}>", fmt_option(None))


def vec(items: list[Arg], ty: str = "") -> Arg:
    rust = f"Vec::<{ty}>::new()" if ty else "vec![" + ", ".join(a.rust for a in items) + "]"
    return Arg(rust, FmtList([a.value for a in items]))


def tup(items: list[Arg]) -> Arg:
    rust = "(" + ", ".join(a.rust for a in items) + ("," if len(items) == 1 else "") + ")"
    return Arg(rust, FmtTuple("", [a.value for a in items]))


def line(a: Arg, b: Arg, tag: Arg) -> Arg:
    return Arg(f"Line {{ a: {a.rust}, b: {b.rust}, tag: {tag.rust} }}",
               FmtStruct("Line", [("a", a.value), ("b", b.value), ("tag", tag.value)]))


def pieces_arg(template: str, *args: Any) -> FmtWith:
    """A user fmt body that is `write!(f, template, args...)`."""
    return FmtWith(lambda trait, f: f.write_fmt(parse_format(template), list(args)))


def _pad_name(trait: str, f: Formatter) -> None:
    f.pad("ab")


def _map_body(trait: str, f: Formatter) -> None:
    f.debug_map().entry(FmtInt(1), FmtStr("a")).entry(FmtInt(2), fmt_option(FmtInt(3))).finish()


def _tuple_ne(trait: str, f: Formatter) -> None:
    f.debug_tuple("TN").field(FmtInt(1)).finish_non_exhaustive()


def _list_ne(trait: str, f: Formatter) -> None:
    f.debug_list().entry(FmtInt(1)).finish_non_exhaustive()


RUST_PRELUDE = r"""
use std::fmt;
#[derive(Debug)] struct Point { x: i32, y: i32 }
#[derive(Debug)] struct Line { a: Point, b: Point, tag: Option<String> }
#[derive(Debug)] #[allow(dead_code)] enum Shape { Circle { c: Point, r: f64 }, Poly(Vec<Point>), Empty }
#[derive(Debug)] struct Wrap(i32, &'static str);
#[derive(Debug)] struct Unit;
struct Name; impl fmt::Display for Name { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.pad("ab") } }
struct Pt(i32, i32);
impl fmt::Display for Pt { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "({}, {})", self.0, self.1) } }
struct Two; impl fmt::Debug for Two { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { write!(f, "a\nb{:?}", 'c') } }
struct NE(i32); impl fmt::Debug for NE { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.debug_struct("NE").field("a", &self.0).finish_non_exhaustive() } }
struct NE0; impl fmt::Debug for NE0 { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.debug_struct("NE0").finish_non_exhaustive() } }
struct TN; impl fmt::Debug for TN { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.debug_tuple("TN").field(&1).finish_non_exhaustive() } }
struct LN; impl fmt::Debug for LN { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.debug_list().entry(&1).finish_non_exhaustive() } }
struct M; impl fmt::Debug for M { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.debug_map().entry(&1, &"a").entry(&2, &Some(3)).finish() } }
struct St; impl fmt::Debug for St { fn fmt(&self, f: &mut fmt::Formatter) -> fmt::Result { f.debug_set().entries([3, 1].iter()).finish() } }
"""

P12, P34 = point(1, 2), point(3, 4)
NAME = Arg("Name", FmtWith(_pad_name))
PT = Arg("Pt(1, 2)", pieces_arg("({}, {})", FmtInt(1), FmtInt(2)))
TWO = Arg("Two", pieces_arg("a\nb{:?}", FmtChar("c")))
NE = Arg("NE(1)", FmtStruct("NE", [("a", FmtInt(1))], non_exhaustive=True))
NE0 = Arg("NE0", FmtStruct("NE0", [], non_exhaustive=True))
TN = Arg("TN", FmtWith(_tuple_ne))
LN = Arg("LN", FmtWith(_list_ne))
M = Arg("M", FmtWith(_map_body))
ST = Arg("St", FmtSet([FmtInt(3), FmtInt(1)]))
CIRCLE = Arg("Shape::Circle { c: Point { x: 1, y: 2 }, r: 1.5 }",
             FmtStruct("Circle", [("c", P12.value), ("r", FmtFloat(1.5))]))
POLY = Arg("Shape::Poly(vec![Point { x: 1, y: 2 }, Point { x: 3, y: 4 }])",
           FmtTuple("Poly", [FmtList([P12.value, P34.value])]))
POLY0 = Arg("Shape::Poly(vec![])", FmtTuple("Poly", [FmtList([])]))
EMPTY = Arg("Shape::Empty", FmtTuple("Empty", []))
WRAP = Arg('Wrap(3, "s")', FmtTuple("Wrap", [FmtInt(3), FmtStr("s")]))
UNIT_STRUCT = Arg("Unit", FmtTuple("Unit", []))
UNIT = Arg("()", FmtUnit())
LINE = line(P12, P34, some(Arg('String::from("x")', FmtStr("x"))))
LINE_NONE = line(P12, P34, none("String"))

# (format string, arguments, rustc's output)
CASES: list[tuple[str, list[Arg], str]] = [
    # integers
    ("{}", [I(42)], "42"),
    ("{:5}|", [I(42)], "   42|"),
    ("{:<5}|", [I(42)], "42   |"),
    ("{:^5}|", [I(42)], " 42  |"),
    ("{:*^6}|", [I(-7)], "**-7**|"),
    ("{:+}", [I(5)], "+5"),
    ("{:05}", [I(-42)], "-0042"),
    ("{:<05}", [I(42)], "00042"),
    ("{:+05}", [I(42)], "+0042"),
    ("{:.3}", [I(5)], "5"),
    ("{:x}", [I(255)], "ff"),
    ("{:#x}", [I(255)], "0xff"),
    ("{:#010x}", [I(255)], "0x000000ff"),
    ("{:#10x}|", [I(255)], "      0xff|"),
    ("{:X}", [I(254, "u8")], "FE"),
    ("{:#X}", [I(254, "u8")], "0xFE"),
    ("{:#b}", [I(5)], "0b101"),
    ("{:08b}", [I(5, "u8")], "00000101"),
    ("{:o}", [I(8)], "10"),
    ("{:#o}", [I(8)], "0o10"),
    ("{:x}", [I(-1)], "ffffffff"),
    ("{:x}", [I(-1, "i8")], "ff"),
    ("{:b}", [I(-2, "i16")], "1111111111111110"),
    ("{:x}", [I(-(2**63), "i64")], "8000000000000000"),
    ("{:X}", [I(2**128 - 1, "u128")], "FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF"),
    ("{:o}", [I(-1, "isize")], "1777777777777777777777"),
    ("{}", [I(-(2**127), "i128")], "-170141183460469231731687303715884105728"),
    ("{}", [I(2**64 - 1, "u64")], "18446744073709551615"),
    ("{:?}", [I(7, "u64")], "7"),
    ("{:5?}|", [I(-3)], "   -3|"),
    ("{:e}", [I(1234)], "1.234e3"),
    ("{:E}", [I(1200)], "1.2E3"),
    ("{:e}", [I(0)], "0e0"),
    ("{:e}", [I(-5)], "-5e0"),
    ("{:.2e}", [I(125000)], "1.25e5"),
    ("{:.1e}", [I(125)], "1.2e2"),
    ("{:.1e}", [I(135)], "1.4e2"),
    ("{:.1e}", [I(1251)], "1.3e3"),
    ("{:.0e}", [I(999)], "1e3"),
    ("{:.4e}", [I(12)], "1.2000e1"),
    ("{:10e}|", [I(1234)], "   1.234e3|"),
    ("{:010e}|", [I(-1234)], "-001.234e3|"),
    ("{0} {0:?} {1}", [I(1), I(2)], "1 1 2"),
    ("{:1$}|", [I(7), I(5, "usize")], "    7|"),
    ("{:.*}|", [I(2, "usize"), F(1.23456)], "1.23|"),
    ("{:>1$.2$}|", [S("hello"), I(6, "usize"), I(3, "usize")], "   hel|"),
    ("{{}} {}", [I(1)], "{} 1"),
    # floats: Display
    ("{}", [F(1e21)], "1000000000000000000000"),
    ("{}", [F(0.1 + 0.2)], "0.30000000000000004"),
    ("{}", [F(1.0)], "1"),
    ("{}", [F(-0.0)], "-0"),
    ("{}", [F(float("nan"))], "NaN"),
    ("{}", [F(float("inf"))], "inf"),
    ("{}", [F(float("-inf"))], "-inf"),
    ("{}", [F(1e-7)], "0.0000001"),
    ("{}", [F(1.7976931348623157e308)], "179769313486231570000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000000"),
    ("{}", [F(5e-324)], "0." + "0" * 323 + "5"),
    ("{}", [F(1026260419402486.25)], "1026260419402486.3"),
    ("{}", [F(100.0)], "100"),
    ("{}", [F(0.001)], "0.001"),
    # floats: Debug
    ("{:?}", [F(1.0)], "1.0"),
    ("{:?}", [F(1e21)], "1e21"),
    ("{:?}", [F(1e-7)], "1e-7"),
    ("{:?}", [F(1e16)], "1e16"),
    ("{:?}", [F(1e15)], "1000000000000000.0"),
    ("{:?}", [F(1.5e300)], "1.5e300"),
    ("{:?}", [F(0.0001)], "0.0001"),
    ("{:?}", [F(0.00001)], "1e-5"),
    ("{:?}", [F(-0.0)], "-0.0"),
    ("{:?}", [F(0.0)], "0.0"),
    ("{:?}", [F(float("nan"))], "NaN"),
    ("{:?}", [F(float("-inf"))], "-inf"),
    ("{:?}", [F(123456.0)], "123456.0"),
    ("{:.3?}", [F(1.0)], "1.000"),
    ("{:10?}|", [F(1.5)], "       1.5|"),
    ("{:+?}", [F(2.0)], "+2.0"),
    # floats: precision rounds the exact binary value half-to-even
    ("{:.2}", [F(1.005)], "1.00"),
    ("{:.2}", [F(2.675)], "2.67"),
    ("{:.2}", [F(0.125)], "0.12"),
    ("{:.2}", [F(0.375)], "0.38"),
    ("{:.0}", [F(0.5)], "0"),
    ("{:.0}", [F(1.5)], "2"),
    ("{:.0}", [F(2.5)], "2"),
    ("{:.1}", [F(0.25)], "0.2"),
    ("{:.1}", [F(0.35)], "0.3"),
    ("{:.1}", [F(-0.04)], "-0.0"),
    ("{:.3}", [F(float("inf"))], "inf"),
    ("{:.2}", [F(1e300)], "1000000000000000052504760255204420248704468581108159154915854115511802457988908195786371375080447864043704443832883878176942523235360430575644792184786706982848387200926575803737830233794788090059368953234970799945081119038967640880074652742780142494579258788820056842838115669472196386865459400540160.00"),
    # floats: exponent form
    ("{:e}", [F(1234.5)], "1.2345e3"),
    ("{:e}", [F(0.0)], "0e0"),
    ("{:e}", [F(1e-7)], "1e-7"),
    ("{:e}", [F(-1.0)], "-1e0"),
    ("{:.2e}", [F(1234.5)], "1.23e3"),
    ("{:.2e}", [F(0.0)], "0.00e0"),
    ("{:.0e}", [F(2.5)], "2e0"),
    ("{:E}", [F(1e100)], "1E100"),
    ("{:e}", [F(float("nan"))], "NaN"),
    # floats: width, fill, sign, zero padding
    ("{:8.3}|", [F(3.14159)], "   3.142|"),
    ("{:<8.3}|", [F(3.14159)], "3.142   |"),
    ("{:^9.1}|", [F(3.14159)], "   3.1   |"),
    ("{:_>7}|", [F(-1.5)], "___-1.5|"),
    ("{:+}", [F(1.0)], "+1"),
    ("{:+}", [F(float("nan"))], "NaN"),
    ("{:08.2}", [F(-3.14159)], "-0003.14"),
    ("{:+08.2}", [F(3.14159)], "+0003.14"),
    ("{:<08.2}|", [F(3.14159)], "00003.14|"),
    ("{:08}", [F(float("nan"))], "00000NaN"),
    ("{:+08}", [F(float("-inf"))], "-0000inf"),
    # f32
    ("{:?}", [F(0.1, "f32")], "0.1"),
    ("{}", [F(16777216.0 * 1024, "f32")], "17179870000"),
    ("{:?}", [F(1e-5, "f32")], "1e-5"),
    ("{:?}", [F(3.4028234663852886e38, "f32")], "3.4028235e38"),
    ("{}", [F(1.1754943508222875e-38, "f32")], "0.000000000000000000000000000000000000011754944"),
    ("{}", [F(235497.625, "f32")], "235497.63"),
    ("{:e}", [F(0.1, "f32")], "1e-1"),
    ("{:.10}", [F(0.1, "f32")], "0.1000000015"),
    ("{:?}", [F(1e16, "f32")], "1e16"),
    ("{:?}", [F(9.999999e15, "f32")], "9999999000000000.0"),
    # str and char
    ("{}", [S("hi")], "hi"),
    ("{:5}|", [S("hi")], "hi   |"),
    ("{:>5}|", [S("hi")], "   hi|"),
    ("{:^6}|", [S("hi")], "  hi  |"),
    ("{:-^7}|", [S("ab")], "--ab---|"),
    ("{:.2}", [S("hello")], "he"),
    ("{:5.2}|", [S("hello")], "he   |"),
    ("{:>4}|", [S("日本")], "  日本|"),
    ("{:.1}|", [S("日本")], "日|"),
    ("{:?}", [S("a\"b'c\n\t\\")], "\"a\\\"b'c\\n\\t\\\\\""),
    ("{:?}", [S("\x1b[0m\0\r")], "\"\\u{1b}[0m\\0\\r\""),
    ("{:?}", [S("héllo ✓ 日本 🦀")], "\"héllo ✓ 日本 🦀\""),
    ("{:?}", [S("e\u0301\u200b\u00a0\u007f\u2028")], "\"e\\u{301}\\u{200b}\\u{a0}\\u{7f}\\u{2028}\""),
    ("{:10?}|", [S("a")], "\"a\"|"),
    ("{}", [C("x")], "x"),
    ("{:3}|", [C("x")], "x  |"),
    ("{:>3}|", [C("x")], "  x|"),
    ("{:.0}|", [C("x")], "|"),
    ("{:?}", [C("'")], "'\\''"),
    ("{:?}", [C('"')], "'\"'"),
    ("{:?}", [C("\n")], "'\\n'"),
    ("{:?}", [C("\x7f")], "'\\u{7f}'"),
    ("{:?}", [C("é")], "'é'"),
    ("{:?}", [C("\u0301")], "'\\u{301}'"),
    ("{:5?}|", [C("a")], "'a'|"),
    # bool and unit
    ("{}", [B(True)], "true"),
    ("{:6}|", [B(False)], "false |"),
    ("{:?}", [B(True)], "true"),
    ("{:>6?}|", [B(True)], "  true|"),
    ("{:?}", [UNIT], "()"),
    ("{:4?}|", [UNIT], "()  |"),
    # user impls: pad honours the flags, write! does not
    ("{:>8}|", [NAME], "      ab|"),
    ("{:.1}|", [NAME], "a|"),
    ("{:>10}|", [PT], "(1, 2)|"),
    ("{:#?}", [vec([TWO, TWO])], "[\n    a\n    b'c',\n    a\n    b'c',\n]"),
    # Debug of structs, enums, tuples and std containers
    ("{:?}", [P12], "Point { x: 1, y: 2 }"),
    ("{:#?}", [P12], "Point {\n    x: 1,\n    y: 2,\n}"),
    ("{:5?}|", [P12], "Point { x:     1, y:     2 }|"),
    ("{:?}", [LINE], 'Line { a: Point { x: 1, y: 2 }, b: Point { x: 3, y: 4 }, tag: Some("x") }'),
    ("{:#?}", [LINE], 'Line {\n    a: Point {\n        x: 1,\n        y: 2,\n    },\n    b: Point {\n        x: 3,\n        y: 4,\n    },\n    tag: Some(\n        "x",\n    ),\n}'),
    ("{:#?}", [LINE_NONE], "Line {\n    a: Point {\n        x: 1,\n        y: 2,\n    },\n    b: Point {\n        x: 3,\n        y: 4,\n    },\n    tag: None,\n}"),
    ("{:?}", [CIRCLE], "Circle { c: Point { x: 1, y: 2 }, r: 1.5 }"),
    ("{:#?}", [CIRCLE], "Circle {\n    c: Point {\n        x: 1,\n        y: 2,\n    },\n    r: 1.5,\n}"),
    ("{:?}", [POLY], "Poly([Point { x: 1, y: 2 }, Point { x: 3, y: 4 }])"),
    ("{:#?}", [POLY], "Poly(\n    [\n        Point {\n            x: 1,\n            y: 2,\n        },\n        Point {\n            x: 3,\n            y: 4,\n        },\n    ],\n)"),
    ("{:#?}", [POLY0], "Poly(\n    [],\n)"),
    ("{:?}", [EMPTY], "Empty"),
    ("{:>7?}|", [EMPTY], "Empty|"),
    ("{:?}", [WRAP], 'Wrap(3, "s")'),
    ("{:#?}", [WRAP], 'Wrap(\n    3,\n    "s",\n)'),
    ("{:?} {:#?}", [UNIT_STRUCT, UNIT_STRUCT], "Unit Unit"),
    ("{:?}", [vec([some(I(1)), none("i32")])], "[Some(1), None]"),
    ("{:#?}", [vec([some(I(1)), none("i32")])], "[\n    Some(\n        1,\n    ),\n    None,\n]"),
    ("{:?}", [vec([vec([I(1), I(2)]), vec([], "i32")])], "[[1, 2], []]"),
    ("{:#?}", [vec([vec([I(1)]), vec([], "i32")])], "[\n    [\n        1,\n    ],\n    [],\n]"),
    ("{:#?}", [vec([], "i32")], "[]"),
    ("{:?}", [some(some(I(3)))], "Some(Some(3))"),
    ("{:#?}", [some(P12)], "Some(\n    Point {\n        x: 1,\n        y: 2,\n    },\n)"),
    ("{:?}", [vec([F(1.0), F(2.5)])], "[1.0, 2.5]"),
    ("{:?}", [vec([S("a\n"), S("b")])], '["a\\n", "b"]'),
    ("{:?}", [tup([I(1), S("a"), C("c")])], "(1, \"a\", 'c')"),
    ("{:#?}", [tup([I(1), S("a")])], '(\n    1,\n    "a",\n)'),
    ("{:?}", [tup([I(1)])], "(1,)"),
    ("{:#?}", [tup([I(1)])], "(\n    1,\n)"),
    ("{:?}", [tup([UNIT, tup([I(1), I(2)])])], "((), (1, 2))"),
    ("{:.1?}", [vec([F(0.25), F(1.0)])], "[0.2, 1.0]"),
    ("{:02x}", [I(-1, "i8")], "ff"),
    ("{:x?}", [vec([I(255), I(-1)])], "[ff, ffffffff]"),
    ("{:#X?}", [some(I(255, "u8"))], "Some(\n    0xFF,\n)"),
    ("{:x?}", [F(1.5)], "1.5"),
    # the builders' other endings, maps and sets
    ("{:?}", [NE], "NE { a: 1, .. }"),
    ("{:#?}", [NE], "NE {\n    a: 1,\n    ..\n}"),
    ("{:?}", [NE0], "NE0 { .. }"),
    ("{:?} {:#?}", [TN, TN], "TN(1, ..) TN(\n    1,\n    ..\n)"),
    ("{:?} {:#?}", [LN, LN], "[1, ..] [\n    1,\n    ..\n]"),
    ("{:?}", [M], '{1: "a", 2: Some(3)}'),
    ("{:#?}", [M], '{\n    1: "a",\n    2: Some(\n        3,\n    ),\n}'),
    ("{:?} {:#?}", [ST, ST], "{3, 1} {\n    3,\n    1,\n}"),
]


def _fmt_id(case: tuple[str, list[Arg], str]) -> str:
    return case[0] + " " + " ".join(a.rust[:24] for a in case[1])


@pytest.mark.parametrize("case", CASES, ids=[_fmt_id(c) for c in CASES])
def test_format_matches_recorded_rustc_output(case: tuple[str, list[Arg], str]) -> None:
    template, args, expected = case
    assert format(parse_format(template), [a.value for a in args]) == expected


def test_cases_match_rustc(tmp_path) -> None:
    if shutil.which("rustc") is None:
        pytest.skip("rustc is not installed")
    lines = [RUST_PRELUDE, "fn main() {", "    let outs: Vec<String> = vec!["]
    for template, args, _ in CASES:
        call_args = "".join(", " + a.rust for a in args)
        lines.append(f"        format!({rust_str(template)}{call_args}),")
    lines += ["    ];", '    for s in outs { print!("{}:{}", s.len(), s); }', "}"]
    src = tmp_path / "fmt_cases.rs"
    src.write_text("\n".join(lines))
    exe = tmp_path / "fmt_cases"
    subprocess.run(["rustc", "--edition", "2021", "-A", "warnings", "-o", str(exe), str(src)],
                   check=True, capture_output=True)
    out = subprocess.run([str(exe)], check=True, capture_output=True).stdout
    actual = []
    pos = 0
    while pos < len(out):
        colon = out.index(b":", pos)
        n = int(out[pos:colon])
        actual.append(out[colon + 1 : colon + 1 + n].decode())
        pos = colon + 1 + n
    mismatches = [(c[0], c[2], a) for c, a in zip(CASES, actual) if c[2] != a]
    assert len(actual) == len(CASES)
    assert mismatches == []


# ---------------------------------------------------------------- API details


def test_formatter_accessors_reflect_the_spec() -> None:
    seen = {}

    def record(trait: str, f: Formatter) -> None:
        seen.update(width=f.width(), precision=f.precision(), alternate=f.alternate(),
                    plus=f.sign_plus(), zero=f.sign_aware_zero_pad(), fill=f.fill(), align=f.align())

    format(parse_format("{:*<+#08.3?}"), [FmtWith(record)])
    assert seen == {"width": 8, "precision": 3, "alternate": True, "plus": True, "zero": True,
                    "fill": "*", "align": "<"}


def test_to_string_and_pointer() -> None:
    assert to_string(FmtInt(-12, "i64")) == "-12"
    assert to_string(FmtFloat(0.1, "f32")) == "0.1"
    assert format(parse_format("{:p}"), [FmtPointer(0x1000)]) == "0x1000"
    assert format(parse_format("{:#p}"), [FmtPointer(0x1000)]) == "0x0000000000001000"


def test_map_entry_shares_indentation_between_key_and_value() -> None:
    sink = StringSink()
    f = Formatter(sink)
    f.options.alternate = True
    FmtMap([(FmtTuple("", [FmtInt(1), FmtInt(2)]), FmtInt(3))]).fmt("Debug", f)
    assert sink.text() == "{\n    (\n        1,\n        2,\n    ): 3,\n}"


def test_wrong_trait_is_an_internal_error() -> None:
    with pytest.raises(TypeError):
        format(parse_format("{:x}"), [FmtStr("s")])


def test_runtime_reads_the_parsers_format_args() -> None:
    """The pieces the real parser makes (`.*`, `name$`, `{0}`, captures) drive the runtime."""
    from rustmem import syntax
    from rustmem.source import SourceFile
    from rustmem.syntax import ast

    src = 'fn main() { let w = 7; println!("{:>w$.*}|{0:#x?}|{x}", 2, 1.23456, x = 5); }'
    found: list[ast.FormatMacro] = []

    def walk(node: Any) -> None:
        if isinstance(node, ast.FormatMacro):
            found.append(node)
        for name in getattr(node, "__slots__", ()):
            value = getattr(node, name, None)
            for child in value if isinstance(value, list) else [value]:
                if hasattr(child, "__slots__"):
                    walk(child)

    walk(syntax.parse(SourceFile("a.rs", src)))
    fmt_args = found[0].fmt
    values = {0: FmtInt(2, "usize"), 1: FmtFloat(1.23456), 2: FmtInt(5), 3: FmtInt(7, "usize")}
    assert fmt_args.arg_names == [None, None, "x", "w"]
    assert format(fmt_args.pieces, [values[i] for i in range(4)]) == "   1.23|0x2|5"  # rustc 1.95


def test_random_floats_match_rustc(tmp_path) -> None:
    """Shortest digits, ties, exact rounding and exponent switches on random bit patterns."""
    if shutil.which("rustc") is None:
        pytest.skip("rustc is not installed")
    import random

    rng = random.Random(1995)
    f64_bits = [rng.getrandbits(64) for _ in range(600)] + [(rng.getrandbits(12) << 52) | rng.getrandbits(20) for _ in range(200)]
    f32_bits = [rng.getrandbits(32) for _ in range(600)] + [(rng.getrandbits(9) << 23) | rng.getrandbits(8) for _ in range(200)]
    specs = "{} {:?} {:e} {:.3} {:.1e} {:+10.2}"
    src = tmp_path / "floats.rs"
    src.write_text(
        "fn main() {\n"
        f"    for b in [{', '.join(f'{b:#x}u64' for b in f64_bits)}] {{ let x = f64::from_bits(b); println!(\"{specs}\", x, x, x, x, x, x); }}\n"
        f"    for b in [{', '.join(f'{b:#x}u32' for b in f32_bits)}] {{ let x = f32::from_bits(b); println!(\"{specs}\", x, x, x, x, x, x); }}\n"
        "}\n")
    exe = tmp_path / "floats"
    subprocess.run(["rustc", "--edition", "2021", "-o", str(exe), str(src)], check=True, capture_output=True)
    expected = subprocess.run([str(exe)], check=True, capture_output=True, text=True).stdout.splitlines()
    pieces = parse_format(specs)
    values = [FmtFloat(struct.unpack("<d", struct.pack("<Q", b))[0], "f64") for b in f64_bits]
    values += [FmtFloat(struct.unpack("<f", struct.pack("<I", b))[0], "f32") for b in f32_bits]
    actual = [format(pieces, [v] * 6) for v in values]
    assert [(i, e) for i, (a, e) in enumerate(zip(actual, expected)) if a != e] == []
