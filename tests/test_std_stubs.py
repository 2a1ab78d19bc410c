"""The std stubs (src/rustmem/types/std/*.rs): they parse, they declare what programs call,
they follow the stub conventions, and — where rustc is installed — their signatures and
trait impls are those of the real std."""
from __future__ import annotations

import importlib.util
import json
import re
import subprocess
from pathlib import Path

import pytest

from rustmem.syntax import ast, parse_text
from rustmem.syntax.loader import rust_parser

REPO = Path(__file__).resolve().parents[1]
STD = REPO / "src" / "rustmem" / "types" / "std"
CORPUS = REPO.parent / "shared" / "corpus"
STUBS = sorted(STD.glob("*.rs"))


def parsed(path: Path) -> ast.Crate:
    return parse_text(path.read_text(), f"std/{path.name}")


def all_items(items: list) -> list:
    """Every item, descending into impls, traits and inline modules."""
    out = []
    for it in items:
        out.append(it)
        if isinstance(it, (ast.Impl, ast.Trait, ast.Mod)):
            out += all_items(it.items)
    return out


@pytest.fixture(scope="module")
def crates() -> dict[str, ast.Crate]:
    return {p.name: parsed(p) for p in STUBS}


# ---------------------------------------------------------------- shape


@pytest.mark.parametrize("path", STUBS, ids=lambda p: p.name)
def test_every_stub_parses_without_bodies(path: Path) -> None:
    crate = parsed(path)
    assert crate.items, f"{path.name} declares nothing"
    with_body = [it.name for it in all_items(crate.items) if isinstance(it, ast.Fn) and it.body is not None]
    assert with_body == [], f"std functions are intrinsics and have no body: {with_body}"


def test_prelude_names_what_every_program_sees(crates: dict[str, ast.Crate]) -> None:
    names = set()
    for item in crates["prelude.rs"].items:
        assert isinstance(item, ast.Use), "prelude.rs holds nothing but `pub use` lines"
        names |= {alias or str(path).split("::")[-1] for path, alias, _glob in item.entries}
    expected = {
        "Vec", "String", "Box", "Option", "Some", "None", "Result", "Ok", "Err", "Clone", "Copy", "Drop",
        "ToString", "Iterator", "IntoIterator", "drop", "PartialEq", "PartialOrd", "Eq", "Ord", "Default",
        "From", "Into", "AsRef", "AsMut", "Fn", "FnMut", "FnOnce", "Sized", "ToOwned", "Extend",
        "DoubleEndedIterator", "ExactSizeIterator", "FromIterator", "TryFrom", "TryInto",
    }
    assert names == expected


def test_lang_items_are_unique_and_complete(crates: dict[str, ast.Crate]) -> None:
    seen: dict[str, str] = {}
    for name, crate in crates.items():
        for it in all_items(crate.items):
            for attr in getattr(it, "attrs", []):
                if attr.name == "lang":
                    (value,) = attr.args
                    assert value not in seen, f"#[lang = {value!r}] in {seen.get(value)} and {name}"
                    seen[value] = name
    required = {
        "Vec", "String", "Box", "Option", "Result", "Rc", "Weak", "RefCell", "Cell", "UnsafeCell", "Ref", "RefMut",
        "NonNull", "ManuallyDrop", "MaybeUninit", "PhantomData", "Sized", "Copy", "Clone", "Drop", "Deref",
        "DerefMut", "Index", "IndexMut", "Iterator", "IntoIterator", "FromIterator", "DoubleEndedIterator", "Sum",
        "Fn", "FnMut", "FnOnce", "PartialEq", "Eq", "PartialOrd", "Ord", "Ordering", "Default", "Display", "Debug",
        "Formatter", "Arguments", "ToString", "Range", "RangeInclusive", "RangeFrom", "RangeTo", "RangeFull",
        "Add", "Sub", "Mul", "Div", "Rem", "Neg", "Not", "AddAssign", "From", "Into", "AsRef", "FromStr",
        "SliceIndex", "Step", "Hash",
    }
    assert required <= set(seen), f"missing lang items: {sorted(required - set(seen))}"


def test_std_adts_declare_the_fields_that_give_their_layout(crates: dict[str, ast.Crate]) -> None:
    adts = {}
    for crate in crates.values():
        for it in crate.items:
            if isinstance(it, (ast.Struct, ast.Enum)):
                adts[it.name] = it
    fields = {name: [f.name for f in adts[name].fields] for name in ("Vec", "String", "Box", "Rc", "RefCell", "Cell")}
    assert fields == {
        "Vec": ["ptr", "cap", "len"],
        "String": ["vec"],
        "Box": ["ptr"],
        "Rc": ["ptr"],
        "RefCell": ["borrow", "value"],
        "Cell": ["value"],
    }
    assert [v.name for v in adts["Option"].variants] == ["None", "Some"]
    assert [v.name for v in adts["Result"].variants] == ["Ok", "Err"]
    nonnull = {a.name: a.args for a in adts["NonNull"].attrs}
    assert nonnull["rustc_layout_scalar_valid_range_start"] == ["1"], "NonNull's niche comes from this attribute"


def test_trait_methods_are_marked_provided_except_the_required_ones(crates: dict[str, ast.Crate]) -> None:
    traits = {it.name: it for c in crates.values() for it in c.items if isinstance(it, ast.Trait)}

    def required(trait: str) -> list[str]:
        return [f.name for f in traits[trait].items
                if isinstance(f, ast.Fn) and not any(a.name == "provided" for a in f.attrs)]

    assert required("Iterator") == ["next"]
    assert required("PartialEq") == ["eq"]
    assert required("Clone") == ["clone"]
    assert required("Ord") == ["cmp"]
    assert required("Write") == ["write_str"]


def test_generated_stubs_are_current() -> None:
    spec = importlib.util.spec_from_file_location("gen_std_primitives", REPO / "tools" / "gen_std_primitives.py")
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    expected = {"num.rs": gen.gen_num(), "f32.rs": gen.gen_float("f32"), "f64.rs": gen.gen_float("f64"),
                "tuple.rs": gen.gen_tuple()}
    for name, text in expected.items():
        assert (STD / name).read_text() == text, f"{name} is stale: run tools/gen_std_primitives.py"


# ---------------------------------------------------------------- coverage of the corpus


def declared_fn_names(crates: dict[str, ast.Crate]) -> set[str]:
    return {it.name for c in crates.values() for it in all_items(c.items) if isinstance(it, ast.Fn)}


def called_names(source: str) -> tuple[set[str], set[str]]:
    """(names the program calls as methods or std paths, names it defines with `fn`)."""
    code = re.sub(r"//[^\n]*", "", source)
    code = re.sub(r'"(\\.|[^"\\])*"', '""', code)
    defined = set(re.findall(r"\bfn\s+(\w+)", code))
    calls = set(re.findall(r"\.\s*([a-z_][a-z0-9_]*)\s*(?:::<[^>]*>)?\s*\(", code))
    calls |= set(re.findall(r"\b[A-Z]\w*(?:::<[^>]*>)?::([a-z_][a-z0-9_]*)\s*(?:::<[^>]*>)?\(", code))
    calls |= set(re.findall(r"\b(?:mem|ptr)::([a-z_][a-z0-9_]*)", code))
    return calls, defined


def test_every_method_the_corpus_calls_is_declared(crates: dict[str, ast.Crate]) -> None:
    programs = sorted(CORPUS.rglob("*.rs"))
    if not programs:
        pytest.skip("the corpus is not beside the repository")
    declared = declared_fn_names(crates)
    missing: dict[str, list[str]] = {}
    for path in programs:
        calls, defined = called_names(path.read_text())
        for name in sorted(calls - defined - declared):
            missing.setdefault(name, []).append(path.name)
    assert missing == {}


def path_type_head(ty: ast.TypeExpr) -> str:
    """`Vec<T>` -> "Vec", `[T]` -> "slice", `&T` -> "&" (what `Type::name` calls name)."""
    if isinstance(ty, ast.PathType):
        return ty.path.name
    return {ast.SliceType: "slice", ast.ArrayType: "array", ast.RefType: "&", ast.PtrType: "*"}.get(type(ty), "?")


def test_every_path_call_of_the_corpus_names_a_declared_item(crates: dict[str, ast.Crate]) -> None:
    """`Rc::strong_count(..)`, `Box::from_raw(..)`, `mem::swap(..)`: the item exists on that
    type (an inherent or trait-impl method) or in that module."""
    programs = sorted(CORPUS.rglob("*.rs"))
    if not programs:
        pytest.skip("the corpus is not beside the repository")
    on_type: dict[str, set[str]] = {}
    in_module: dict[str, set[str]] = {}
    for file, crate in crates.items():
        for it in crate.items:
            if isinstance(it, ast.Impl):
                names = {f.name for f in it.items if isinstance(f, ast.Fn)}
                on_type.setdefault(path_type_head(it.self_ty), set()).update(names)
            elif isinstance(it, ast.Fn):
                in_module.setdefault(file[:-3], set()).add(it.name)
    missing = []
    for path in programs:
        code = re.sub(r"//[^\n]*", "", path.read_text())
        for head, name in re.findall(r"\b([A-Za-z]\w*)(?:::<[^>]*>)?::([a-z_]\w*)\s*(?:::<[^>]*>)?\(", code):
            known = on_type.get(head) if head in on_type else in_module.get(head)
            if known is not None and name not in known and not re.search(rf"\bfn\s+{name}\b", code):
                missing.append(f"{path.name}: {head}::{name}")
    assert missing == []


# ---------------------------------------------------------------- agreement with the real std (rustc)
#
# Each declaration is turned into a Rust expression that only type-checks if real std has it:
# an inherent method without type parameters is coerced to the fn-pointer type its stub
# signature spells (`let _: fn(&str) -> &str = <str>::trim;`), a trait impl becomes a bound
# `b::<Vec<i32>>()` with `fn b<X: Clone>()`.  Generic parameters are instantiated with i32.

PARAMS = re.compile(r"\b([A-L]|Idx|S|T|U|V|W)\b")
# Types private to std (their impls cannot be named) and traits that cannot be checked this way.
PRIVATE = {"BorrowRef", "BorrowRefMut", "SplitInternal", "RcBox", "Error", "Arguments", "FromFn", "Successors"}
UNNAMEABLE_TRAITS = {"Step", "Pattern", "SliceIndex", "Concat", "Join", "Fn", "FnMut", "FnOnce"}
ITER_ADAPTERS = re.compile(r"(Zip|Chain|Rev|Take|Skip|Enumerate|Cloned|Copied|StepBy|Peekable|Cycle|Box)<")
COMMON_USES = (
    "use std::fmt; use std::fmt::{Debug, Display, Formatter, Pointer, LowerHex, UpperHex, Octal, Binary, "
    "LowerExp, UpperExp, Write}; use std::ops::*; use std::cmp::*; use std::iter::*; use std::hash::*; "
    "use std::borrow::*; use std::str::FromStr; use std::convert::Infallible; use std::cell::*; use std::rc::*; "
    "use std::ptr::NonNull; use std::mem::*; use std::num::*; use std::marker::PhantomData;"
)
MODULES_WITH_GLOB = {"str", "string", "vec", "slice", "option", "result", "array", "char", "iter", "cell", "rc",
                     "ptr", "mem", "num", "cmp", "fmt", "process", "convert", "ops", "error", "borrow", "any"}


def instantiate(text: str, lifetimes: str = "'static") -> str:
    text = re.sub(r"'[a-z]\w*", lifetimes, text).replace("'_", lifetimes)
    text = re.sub(r"\bconst N: usize\b", "", text)
    text = re.sub(r"\bN\b", "3", text)
    return PARAMS.sub("i32", text)


# Bounds a method type parameter may have and still be instantiated with i32.
PLAIN_BOUNDS = {"Ord", "PartialOrd", "PartialEq", "Eq", "Clone", "Copy", "Default", "Debug", "Display", "Hash",
                "?Sized", "Sized"}


def concrete_for(bounds: list[str]) -> str | None:
    """A type meeting a method type parameter's bounds: a closure bound `F: FnMut(A) -> B`
    becomes the fn pointer `fn(A) -> B`, `P: Pattern` a char; None when there is no simple one."""
    choice = "i32"
    for bound in bounds:
        closure = re.fullmatch(r"(?:Fn|FnMut|FnOnce)\((.*)\)(?:\s*->\s*(.+))?", bound.strip())
        if closure:
            choice = f"fn({closure.group(1)})" + (f" -> {closure.group(2)}" if closure.group(2) else "")
        elif bound.split("<")[0].strip() == "Pattern":
            choice = "char"
        elif bound.strip() == "RangeBounds<usize>":
            choice = "std::ops::Range<usize>"
        elif bound.strip() not in PLAIN_BOUNDS and not bound.startswith("'"):
            return None
    return choice


def method_generics(src: bytes, fn) -> tuple[list[str], list[str], dict[str, str]] | None:
    """(lifetime parameters, type parameters in order, a concrete type for each), or None."""
    def text(n) -> str:
        return src[n.start_byte:n.end_byte].decode()
    lifetimes: list[str] = []
    bounds: dict[str, list[str]] = {}
    generics = fn.child_by_field_name("type_parameters")
    for p in generics.named_children if generics is not None else []:
        if p.type in ("lifetime_parameter", "lifetime"):
            lifetimes.append(text(p).split(":")[0].strip())
        elif p.type == "type_parameter":
            found = p.child_by_field_name("bounds")
            bounds[text(p.child_by_field_name("name"))] = [text(b) for b in found.named_children] if found else []
        else:
            return None
    where = next((c for c in fn.named_children if c.type == "where_clause"), None)
    for pred in where.named_children if where is not None else []:
        left, found = pred.child_by_field_name("left"), pred.child_by_field_name("bounds")
        if left is not None and text(left) in bounds and found is not None:
            bounds[text(left)] += [text(b) for b in found.named_children]
    concrete = {}
    for name, bs in bounds.items():
        choice = concrete_for(bs)
        if choice is None:
            return None
        concrete[name] = choice
    order = list(bounds)
    if order:  # `F: FnOnce(T) -> U`: U inside F's fn pointer is U's own choice
        names = re.compile(r"\b(" + "|".join(order) + r")\b")
        concrete = {n: names.sub(lambda m: concrete[m.group(1)], c) for n, c in concrete.items()}
    return lifetimes, order, concrete


def fn_pointer(src: bytes, fn, self_ty: str) -> tuple[str, str] | None:
    """(the fn-pointer type of the signature, the turbofish that instantiates its type
    parameters), or None when it cannot be spelled."""
    def text(n) -> str:
        return src[n.start_byte:n.end_byte].decode()
    generics = method_generics(src, fn)
    if generics is None:
        return None
    lifetimes, order, concrete = generics
    params = []
    for p in fn.child_by_field_name("parameters").named_children:
        if p.type == "self_parameter":
            kinds = {"self": self_ty, "mut self": self_ty, "&self": f"&{self_ty}", "&mut self": f"&mut {self_ty}"}
            if text(p) not in kinds:
                return None
            params.append(kinds[text(p)])
        elif p.type == "parameter":
            ty = text(p.child_by_field_name("type"))
            if ty.startswith("impl "):  # `f: impl FnOnce(T) -> bool`: inferred from a fn pointer
                ty = concrete_for([ty[5:]]) or ""
                if not ty.startswith("fn("):
                    return None
            params.append(ty)
        else:
            return None
    ret = fn.child_by_field_name("return_type")
    sig = f"fn({', '.join(params)})" + (f" -> {text(ret)}" if ret is not None else "")
    if text(fn).split("fn ")[0].strip().endswith("unsafe"):
        sig = "unsafe " + sig
    if lifetimes:
        sig = f"for<{', '.join(lifetimes)}> {sig}"
    if order:
        sig = re.sub(r"\b(" + "|".join(order) + r")\b", lambda m: concrete[m.group(1)], sig)
    turbofish = f"::<{', '.join(concrete[n] for n in order)}>" if order else ""

    def finish(t: str) -> str:
        return PARAMS.sub("i32", re.sub(r"\bN\b", "3", re.sub(r"\bSelf\b", self_ty, t)))
    return finish(sig), finish(turbofish)


# A type implementing the trait, with `Self::Item` = i32 for the iterator traits.
TRAIT_WITNESS = {"Iterator": "std::ops::Range<i32>", "DoubleEndedIterator": "std::ops::Range<i32>",
                 "PartialEq": "i32", "PartialOrd": "i32", "Ord": "i32", "Clone": "i32"}


def trait_method_lines(trait_src: str, file: str, line: int) -> list[str]:
    """`<Range<i32> as Iterator>::map::<i32, fn(i32) -> i32>` for each method of a trait the
    witness type implements (methods whose bounds have no simple instance are left out)."""
    name = re.search(r"trait\s+(\w+)", trait_src).group(1)
    witness = TRAIT_WITNESS.get(name)
    if witness is None:
        return []
    header, body = trait_src.split("{", 1)
    body = body.rsplit("}", 1)[0].replace("Self::Item", "i32").replace("Rhs", "Self")
    snippet = ("impl X {" + body + "}").encode()
    impl = rust_parser().parse(snippet).root_node.children[0]
    out = []
    for fn in impl.child_by_field_name("body").named_children:
        fn_text = snippet[fn.start_byte:fn.end_byte].decode()
        # a bound on the item type (`i32: IntoIterator`) or on Self's item (`Item = &'a T`)
        # that the witness does not meet
        if re.search(r"\bi32: (?!Ord|PartialOrd|PartialEq)", fn_text) or "Item = &" in fn_text:
            continue
        found = fn_pointer(snippet, fn, witness) if fn.type == "function_signature_item" else None
        if found is None or "::" in (found[0] + found[1][2:]).replace("std::ops::Range", ""):
            continue
        method = snippet[fn.child_by_field_name("name").start_byte:fn.child_by_field_name("name").end_byte].decode()
        where = line + header.count("\n") + snippet[:fn.start_byte].count(b"\n")
        out.append(f"let _: {found[0]} = <{witness} as {name}>::{method}{found[1]}; // {file}:{where}")
    return out


def oracle_program() -> str:
    """One module per stub file, one checked line per declaration, each ending `// file:line`."""
    parser = rust_parser()
    out = ["#![allow(unused, deprecated)]", "fn a<X: ?Sized, F: Fn()>(f: F) {}"]
    for path in STUBS:
        if path.stem == "prelude":
            continue
        src = path.read_bytes()
        root = parser.parse(src).root_node

        def text(n) -> str:
            return src[n.start_byte:n.end_byte].decode()
        lines = []
        for item in root.children:
            where = f"// {path.name}:{item.start_point[0] + 1}"
            if item.type == "function_signature_item":
                found = fn_pointer(src, item, "()")
                name = text(item.child_by_field_name("name"))
                # transmute is a compiler intrinsic: it has no fn-pointer value to compare
                if found is not None and "::" not in found[0] and name != "transmute":
                    lines.append(f"let _: {found[0]} = std::{path.stem}::{name}{found[1]}; {where}")
            if item.type == "trait_item":
                lines += trait_method_lines(text(item), path.name, item.start_point[0] + 1)
            if item.type != "impl_item":
                continue
            self_raw = text(item.child_by_field_name("type"))
            trait = item.child_by_field_name("trait")
            generics = item.child_by_field_name("type_parameters")
            generics_text = text(generics) if generics is not None else ""
            if re.match(r"\w+", self_raw) and re.match(r"\w+", self_raw).group(0) in PRIVATE:
                continue
            if trait is None:
                if "&" in self_raw or re.search(r"\bI\s*[:,>]", generics_text):
                    continue  # a fn pointer cannot spell `Option<&T>`'s fixed lifetime; I is an iterator
                self_ty = instantiate(self_raw)
                for fn in item.child_by_field_name("body").named_children:
                    found = fn_pointer(src, fn, self_ty) if fn.type == "function_signature_item" else None
                    if found is None:
                        continue
                    sig, turbofish = found
                    # With a lifetime in the self type, elision in a fn-pointer type is ambiguous.
                    ambiguous = "'static" in self_ty and "->" in sig and "&" in sig.split("->")[1]
                    if "::" not in sig + turbofish[2:].replace("std::ops::Range", "") and not ambiguous:
                        for lt in re.findall(r"'[a-z]\w*", generics_text):
                            sig = sig.replace(lt, "'static")
                        name = text(fn.child_by_field_name("name"))
                        lines.append(f"let _: {sig} = <{self_ty}>::{name}{turbofish}; // {path.name}:{fn.start_point[0] + 1}")
                continue
            trait_text = text(trait)
            if trait_text.split("<")[0].split("::")[-1] in UNNAMEABLE_TRAITS:
                continue
            if re.fullmatch(r"&?(mut )?[A-Z]", self_raw) or re.search(r"\b(I|F|P|St)\s*[:,>]", generics_text):
                continue  # blanket impls and impls over iterators/closures
            trait_ty = re.sub(r"&(?!')", "&'static ", instantiate(trait_text)).replace("'static  ", "'static ")
            self_ty = re.sub(r"&(?!')", "&'static ", instantiate(self_raw)).replace("'static  ", "'static ")
            if trait_ty == "Error":  # `impl<T: Error> Error for Box<T>`: instantiate with an error type
                self_ty = self_ty.replace("i32", "std::fmt::Error")
            if ITER_ADAPTERS.match(self_ty) and re.match(r"(DoubleEnded|ExactSize)?Iterator\b", trait_ty):
                self_ty = self_ty.replace("i32", "std::slice::Iter<'static, i32>")
            if self_ty == "!" or "FromIterator<Option" in trait_ty or "FromIterator<Result" in trait_ty:
                continue  # `!` is unstable to name; FromIterator<Option<A>> needs A != V
            unsized = re.fullmatch(r"&?(mut )?(str|\[[^;]*\])", self_ty) is not None
            bound = ("?Sized + " if unsized else "") + trait_ty
            lines.append(f"a::<{self_ty}, _>(|| {{ fn b<X: {bound}>() {{}} b::<{self_ty}>(); }}); {where}")
            # ... and its methods have the stub's signatures (`<&i32 as Add<i32>>::add`).
            for fn in item.child_by_field_name("body").named_children:
                found = fn_pointer(src, fn, self_ty) if fn.type == "function_signature_item" else None
                if found is None or found[1] or "::" in found[0] or found[0].startswith("for<"):
                    continue  # generic trait-impl methods are checked through their trait
                sig = found[0]
                # every lifetime 'static: a fn item coerces to any instance of its signature
                sig = re.sub(r"&(?!')", "&'static ", instantiate(sig)).replace("'static  ", "'static ")
                name = text(fn.child_by_field_name("name"))
                lines.append(f"let _: {sig} = <{self_ty} as {trait_ty}>::{name}; // {path.name}:{fn.start_point[0] + 1}")
        glob = f"use std::{path.stem}::*;" if path.stem in MODULES_WITH_GLOB else ""
        uses = " ".join(text(n) for n in root.children if n.type == "use_declaration")
        # The stub's own `use` lines go inside the function, where they shadow the common ones.
        out += [f"mod m_{path.stem} {{", f"    use super::a; {COMMON_USES} {glob}", f"    pub fn check() {{ {uses}"]
        out += ["        " + line for line in lines]
        out += ["    }", "}"]
    out.append("fn main() {}")
    return "\n".join(out) + "\n"


# What the encoding cannot express, not a difference from std: calling the Fn traits'
# methods and `Drop::drop` by path is forbidden, `fn(...) -> &'a T` with a lifetime only in
# the output is not a type.
ORACLE_NOISE = {"E0658", "E0040", "E0581"}


def test_stub_signatures_and_impls_match_real_std(rustc: str, tmp_path: Path) -> None:
    program = oracle_program()
    source = tmp_path / "oracle.rs"
    source.write_text(program)
    lines = program.splitlines()
    result = subprocess.run([rustc, "--edition", "2021", "--error-format=json", "--emit=metadata",
                             "-o", str(tmp_path / "oracle.rmeta"), str(source)], capture_output=True, text=True)
    differences = []
    for line in result.stderr.splitlines():
        d = json.loads(line)
        code = (d.get("code") or {}).get("code")
        spans = [s for s in d["spans"] if s["is_primary"]]
        if d["level"] != "error" or code is None or code in ORACLE_NOISE or not spans:
            continue
        text = lines[spans[0]["line_start"] - 1]
        where = text.rsplit("// ", 1)[-1] if "// " in text else "?"
        differences.append(f"{where}: {code} {d['message']}")
    assert len([ln for ln in lines if ln.strip().startswith(("let _:", "a::<"))]) > 2500
    assert differences == []
