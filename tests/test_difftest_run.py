"""The differential tester: its program generator, its verdicts and its shrinker."""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tools"))

from difftest_gen import Node, Program, generate  # noqa: E402
from difftest_run import Outcome, disagreement, kind_family, native, shrink  # noqa: E402
from difftest_values import Val, int_binop, wrap_int  # noqa: E402


def test_generation_is_deterministic_and_varied() -> None:
    assert generate(7).render() == generate(7).render()
    assert len({generate(s).render() for s in range(5)}) == 5
    text = generate(3).render()
    assert "fn main() {" in text and text.count("{") == text.count("}")


def test_generated_programs_use_the_features_under_test() -> None:
    text = "".join(generate(s).render() for s in range(30))
    for feature in ["Vec<i32>", "Box::new", "Some(", "match ", "for ", "while ", "loop {", "|x: i32|",
                    ".iter()", "{:#?}", "{:.2}", "#[derive(Debug", "impl Drop", "drop(", ".collect"]:
        assert feature in text, feature


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_generated_programs_build_and_run_natively(seed: int, tmp_path: Path) -> None:
    if shutil.which("rustc") is None:
        pytest.skip("rustc is not installed")
    src = tmp_path / "p.rs"
    src.write_text(generate(seed).render())
    build = subprocess.run(["rustc", "--edition", "2021", "-o", str(tmp_path / "p"), str(src)],
                           capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    run = subprocess.run([str(tmp_path / "p")], capture_output=True, timeout=10)
    assert run.returncode in (0, 101)  # a panic (overflow, unwrap, index) is a legitimate outcome


def test_native_results_are_cached(tmp_path: Path) -> None:
    if shutil.which("rustc") is None:
        pytest.skip("rustc is not installed")
    source = 'fn main() { println!("hi {}", 1 + 2); }\n'
    first = native(source, tmp_path)
    assert first == Outcome("hi 3\n", 0, "")
    assert native(source, tmp_path) == first
    assert native("fn main() { let x: i32 = \"s\"; }\n", tmp_path) is None


def test_rustc_constant_overflow_is_never_generated() -> None:
    # Both sides known: computed here, rejected when Rust would panic.
    assert int_binop("+", Val.known(200), Val.known(55), "u8") == Val.known(255)
    assert int_binop("+", Val.known(200), Val.known(56), "u8") is None
    assert int_binop("-", Val.known(1), Val.known(2), "usize") is None
    assert int_binop("/", Val.known(-7), Val.known(2), "i32") == Val.known(-3)
    assert int_binop("%", Val.known(-7), Val.known(2), "i32") == Val.known(-1)
    # A constant zero divisor or a too-long shift is rejected whatever the other side is.
    assert int_binop("/", Val.opaque(), Val.known(0), "i32") is None
    assert int_binop("<<", Val.opaque(), Val.known(32), "i32") is None
    # Opaque values may overflow at run time; values rustc might know are not risked.
    assert int_binop("*", Val.opaque(), Val.known(1000), "i32") == Val.opaque()
    assert int_binop("*", Val.maybe(), Val.known(1000), "i32") is None
    assert wrap_int(300, "u8") == 44 and wrap_int(255, "i8") == -1


def test_disagreement_kinds() -> None:
    ok = Outcome("a\n", 0)
    assert disagreement(ok, Outcome("a\n", 0, "warning")) is None
    assert disagreement(ok, Outcome("", 1, "error: unsupported: trait `Foo` at 3:4\n")) == \
        "rustmem rejects: error: unsupported: trait `Foo` at N:N"
    assert disagreement(ok, Outcome("", 1, "error[E0381]: binding `v12` isn't initialized\n")) == \
        "rustmem rejects: error[EN]: binding `_` isn't initialized"
    crash = Outcome("", 1, "Traceback (most recent call last):\n  ...\nKeyError: 'x'\n")
    assert disagreement(ok, crash) == "rustmem crashed: KeyError: 'x'"
    ice = Outcome("", 1, "error: internal compiler error: AttributeError: 'C' has no 'm'\n")
    assert disagreement(ok, ice) == "rustmem crashed: AttributeError: 'C' has no 'm'"
    assert disagreement(ok, Outcome("a\n", 101, "thread 'main' panicked")).startswith("exit 0 vs rustmem 101")
    kind = disagreement(ok, Outcome("b\n", 0))
    assert kind == "stdout differs: line 1: 'a' vs 'b'"
    assert kind_family(kind) == "stdout differs"
    assert disagreement(ok, Outcome("", -9, "timeout")) == "rustmem timed out"


def test_shrink_keeps_only_what_the_failure_needs() -> None:
    body = [Node("helper();"), Node.block("if c {", [Node("let b = 2;"), Node("boom();")]),
            Node("let d = 3;")]
    program = Program([Node("fn helper() {}"), Node.block("fn main() {", body)])

    def still_fails(src: str) -> bool:  # "compiles" (helper is defined where called) and fails
        compiles = "fn main" in src and ("helper();" not in src or "fn helper" in src)
        return compiles and "boom();" in src

    # helper can only go once its call is gone: shrinking repeats until nothing changes.
    assert shrink(program, still_fails).render() == "fn main() {\n    boom();\n}\n"
