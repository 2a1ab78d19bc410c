"""Property: whatever a program is mutated into, parsing returns a Crate or raises CompileError.

Corpus programs are damaged the way editing damages code — tokens and lines deleted,
duplicated or swapped, the file cut short — and the parser must answer with a diagnostic,
never with a Python exception of another kind."""
from __future__ import annotations

import pathlib
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from rustmem.diagnostics import CompileError
from rustmem.syntax import ast, parse_text

CORPUS = pathlib.Path("/work/shared/corpus")
_FALLBACK = '''
#[derive(Debug, Clone)]
struct Point { x: i32, y: i32 }
fn main() {
    let mut v: Vec<Point> = vec![Point { x: 1, y: 2 }; 3];
    for (i, p) in v.iter_mut().enumerate() { p.x += i as i32; }
    let s = match v.first() { Some(Point { x, .. }) if *x > 0 => "pos", _ => "other" };
    println!("{s} {:>4} {:?}", v.len(), v[0]);
    assert_eq!(v.len(), 3, "len {}", v.len());
}
'''
_TOKEN = re.compile(r"\s+|\w+|'\w+|\"(?:\\.|[^\"\\])*\"|.", re.S)


def _programs() -> list[str]:
    files = sorted(CORPUS.rglob("*.rs"))[::12] if CORPUS.exists() else []
    return [f.read_text() for f in files] or [_FALLBACK]


PROGRAMS = _programs()


def _mutate(text: str, ops: list[tuple[int, int, int]]) -> str:
    for op, a, b in ops:
        if op < 3:  # token level
            toks = _TOKEN.findall(text)
            if not toks:
                continue
            i, j = a % len(toks), b % len(toks)
            if op == 0:
                del toks[i]
            elif op == 1:
                toks.insert(i, toks[j])
            else:
                toks[i], toks[j] = toks[j], toks[i]
            text = "".join(toks)
        elif op < 6:  # line level
            lines = text.split("\n")
            i, j = a % len(lines), b % len(lines)
            if op == 3:
                del lines[i]
            elif op == 4:
                lines.insert(i, lines[j])
            else:
                lines[i], lines[j] = lines[j], lines[i]
            text = "\n".join(lines)
        else:  # truncate
            text = text[:a % (len(text) + 1)]
    return text


@settings(max_examples=60, deadline=None, suppress_health_check=list(HealthCheck), database=None)
@given(
    which=st.integers(min_value=0, max_value=len(PROGRAMS) - 1),
    ops=st.lists(st.tuples(st.integers(0, 6), st.integers(0, 10**6), st.integers(0, 10**6)), min_size=1, max_size=4),
)
def test_mutated_programs_parse_or_report(which: int, ops: list[tuple[int, int, int]]) -> None:
    text = _mutate(PROGRAMS[which], ops)
    try:
        result = parse_text(text, "mutant.rs")
    except CompileError as e:
        assert e.diagnostics and e.diagnostics[0].message
        primary = e.diagnostics[0].primary
        if primary is not None:
            assert 0 <= primary.span.lo <= primary.span.hi <= len(text.encode())
        return
    assert isinstance(result, ast.Crate)


@pytest.mark.parametrize("text", [
    "", "fn", "fn main(", "}", "{", 'fn main() { println!("{", ); }', "fn main() { vec![; }",
    "fn main() { matches!(x); }", "fn main() { let x = 'a; }", "fn main() { \"\\u{zz}\"; }",
    "fn main() { write!(); }", "fn main() { assert!(); }", "fn main() { 1u99; }", "impl",
    "fn main() { x.0.1.2; }", "fn main() { let (a) = 1; let [] = []; }", "\u00e9 fn main() {}",
])
def test_edge_inputs_parse_or_report(text: str) -> None:
    try:
        assert isinstance(parse_text(text, "edge.rs"), ast.Crate)
    except CompileError as e:
        assert e.diagnostics[0].message
