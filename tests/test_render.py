"""Diagnostic rendering compared with rustc's own output.

`render_cases/NAME.rs` are programs rustc rejects; `render_cases/NAME.json` is what rustc
1.95 printed for them with `--error-format=json`, without macro expansion backtraces and
rustc's explanation texts.  Each rustc object is turned back into a `Diagnostic` (code
suggestions included) and must render to rustc's exact `rendered` text, and to the same
JSON.

`RUSTMEM_BLESS=1 pytest tests/test_render.py` rewrites the .json files from the installed
rustc; without it, a rustc on PATH is only used to check that they are still current.
"""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from rustmem.diagnostics import Diagnostic
from rustmem.render.diagnostics import json_object, render_human, render_json, render_summary
from rustmem.source import SourceFile
from uitest import blessing, diagnostic_from_rustc, rustc_errors

CASES = Path(__file__).parent / "render_cases"
CASE_NAMES = sorted(p.stem for p in CASES.glob("*.rs"))


# ---------------------------------------------------------------- rustc's output

def _fixture(name: str) -> list[dict]:
    return json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))


def _cases():
    for name in CASE_NAMES:
        if (CASES / f"{name}.json").exists():
            for i, _ in enumerate(_fixture(name)):
                yield pytest.param(name, i, id=f"{name}-{i}")


def _load(name: str, index: int) -> tuple[dict, Diagnostic]:
    rs = CASES / f"{name}.rs"
    obj = _fixture(name)[index]
    return obj, diagnostic_from_rustc(obj, SourceFile(rs.name, rs.read_text(encoding="utf-8")))


@pytest.mark.parametrize("name,index", list(_cases()))
def test_human_rendering_is_rustcs(name: str, index: int) -> None:
    obj, diag = _load(name, index)
    assert render_human(diag) == obj["rendered"]


@pytest.mark.parametrize("name,index", list(_cases()))
def test_json_is_rustcs(name: str, index: int) -> None:
    obj, diag = _load(name, index)
    ours = json_object(diag)
    assert ours["code"] is None or ours["code"]["explanation"]  # rustmem's own text
    if ours["code"]:
        ours["code"]["explanation"] = None
    assert ours == obj


@pytest.mark.parametrize("name", CASE_NAMES)
def test_fixtures_are_current_rustc_output(name: str) -> None:
    rustc = shutil.which("rustc")
    if rustc is None:
        pytest.skip("rustc is not installed: the recorded output is used as it is")
    objects = rustc_errors(CASES / f"{name}.rs", rustc)
    path = CASES / f"{name}.json"
    if not path.exists() or blessing():
        path.write_text(json.dumps(objects, indent=1, ensure_ascii=False) + "\n", "utf-8")
    assert objects == _fixture(name)


# ---------------------------------------------------------------- hand-built diagnostics

SOURCE = """fn main() {
    let s = String::from("hi");
    let t = s;
    println!("{}", s);
}
"""


def _file(text: str = SOURCE, name: str = "main.rs") -> SourceFile:
    return SourceFile(name, text)


def _span(file: SourceFile, line: int, needle: str, nth: int = 0):
    text = file.line_text(line)
    col = -1
    for _ in range(nth + 1):
        col = text.index(needle, col + 1)
    lo = file.line_starts[line - 1] + len(text[:col].encode())
    return file.span(lo, lo + len(needle.encode()))


def _moved_value() -> Diagnostic:
    f = _file()
    return (Diagnostic.error("borrow of moved value: `s`", "E0382")
            .with_primary(_span(f, 4, "s"), "value borrowed here after move")
            .with_label(_span(f, 2, "s"), "move occurs because `s` has type `String`, "
                        "which does not implement the `Copy` trait")
            .with_label(_span(f, 3, "s"), "value moved here"))


def test_labels_are_drawn_in_line_order_whatever_their_order_in_the_diagnostic() -> None:
    assert render_human(_moved_value()) == """\
error[E0382]: borrow of moved value: `s`
 --> main.rs:4:20
  |
2 |     let s = String::from("hi");
  |         - move occurs because `s` has type `String`, which does not implement the `Copy` trait
3 |     let t = s;
  |             - value moved here
4 |     println!("{}", s);
  |                    ^ value borrowed here after move

"""


def test_notes_and_helps_without_spans_hang_under_the_snippet() -> None:
    diag = _moved_value().with_note("a note").with_help("a help\nover two lines")
    assert render_human(diag).endswith("""\
  |                    ^ value borrowed here after move
  |
  = note: a note
  = help: a help
          over two lines

""")


def test_a_note_with_a_span_gets_its_own_snippet() -> None:
    f = _file()
    diag = _moved_value().with_note("the value was created here", _span(f, 2, "String"))
    assert render_human(diag).endswith("""\
  |
note: the value was created here
 --> main.rs:2:13
  |
2 |     let s = String::from("hi");
  |             ^^^^^^

""")


def test_empty_span_is_one_column_wide_and_end_of_line_is_reachable() -> None:
    f = _file()
    end = f.line_starts[2] - 1  # the newline ending line 2
    diag = Diagnostic.error("expected `;`").with_primary(f.span(end, end), "here")
    assert render_human(diag) == """\
error: expected `;`
 --> main.rs:2:32
  |
2 |     let s = String::from("hi");
  |                                ^ here

"""


def test_line_numbers_are_right_aligned_to_the_widest() -> None:
    f = _file("\n" * 8 + "let a = 1;\nlet b = 2;\n")
    diag = (Diagnostic.error("two lines").with_primary(_span(f, 10, "b"), "second")
            .with_label(_span(f, 9, "a"), "first"))
    assert render_human(diag) == """\
error: two lines
  --> main.rs:10:5
   |
 9 | let a = 1;
   |     - first
10 | let b = 2;
   |     ^ second

"""


def test_distant_lines_are_elided_and_a_single_gap_line_is_shown() -> None:
    f = _file("let a = 1;\nlet b = 2;\nlet c = 3;\nlet d = 4;\nlet g = 5;\n")
    diag = (Diagnostic.error("gaps").with_primary(_span(f, 5, "g"))
            .with_label(_span(f, 1, "a"), "").with_label(_span(f, 3, "c"), ""))
    assert render_human(diag) == """\
error: gaps
 --> main.rs:5:5
  |
1 | let a = 1;
  |     -
2 | let b = 2;
3 | let c = 3;
  |     -
4 | let d = 4;
5 | let g = 5;
  |     ^

"""
    diag.labels.pop()
    assert "\n...\n5 | let g = 5;\n" in render_human(diag)


def test_tabs_are_shown_as_four_spaces() -> None:
    f = _file("fn main() {\n\tlet x = y;\n}\n")
    diag = Diagnostic.error("cannot find value `y` in this scope", "E0425").with_primary(
        _span(f, 2, "y"), "not found in this scope")
    assert render_human(diag).splitlines()[3:5] == [
        "2 |     let x = y;",
        "  |             ^ not found in this scope",
    ]


def test_label_in_another_file_gets_a_secondary_header() -> None:
    main, std = _file(), _file("pub fn drop<T>(_x: T) {}\n", "std/mem.rs")
    diag = (Diagnostic.error("x").with_primary(_span(main, 3, "s"), "here")
            .with_label(_span(std, 1, "drop"), "declared here"))
    assert render_human(diag).splitlines()[5:10] == [
        "  |",
        " ::: std/mem.rs:1:8",
        "  |",
        "1 | pub fn drop<T>(_x: T) {}",
        "  |        ---- declared here",
    ]


def test_diagnostic_without_span() -> None:
    diag = Diagnostic.error("couldn't read `x.rs`: No such file or directory (os error 2)")
    assert render_human(diag) == f"error: {diag.message}\n\n"


def test_summary_for_one_code() -> None:
    assert render_summary([_moved_value()]) == (
        "error: aborting due to 1 previous error\n\n"
        "For more information about this error, try `rustmem check --explain E0382`.\n")


def test_summary_for_several_codes_lists_them_sorted() -> None:
    other = Diagnostic.error("cannot assign twice to immutable variable `x`", "E0384")
    plain = Diagnostic.error("unsupported: trait objects")
    warning = Diagnostic("warning", "unused variable")
    assert render_summary([_moved_value(), other, plain, warning]) == (
        "error: aborting due to 3 previous errors; 1 warning emitted\n\n"
        "Some errors have detailed explanations: E0382, E0384.\n"
        "For more information about an error, try `rustmem check --explain E0382`.\n")


def test_summary_without_codes_or_errors() -> None:
    assert render_summary([Diagnostic.error("unsupported: x")]) == (
        "error: aborting due to 1 previous error\n\n")
    assert render_summary([Diagnostic("warning", "w")] * 2) == "warning: 2 warnings emitted\n\n"
    assert render_summary([]) == ""


def test_json_is_one_line_with_rustcs_fields() -> None:
    line = render_json(_moved_value())
    assert "\n" not in line
    obj = json.loads(line)
    assert list(obj) == ["$message_type", "message", "code", "level", "spans", "children",
                         "rendered"]
    assert obj["code"]["code"] == "E0382" and "moved" in obj["code"]["explanation"]
    primary = obj["spans"][0]
    assert (primary["is_primary"], primary["line_start"], primary["column_start"],
            primary["column_end"], primary["byte_start"]) == (True, 4, 20, 21, 78)
    assert primary["text"] == [{"text": '    println!("{}", s);', "highlight_start": 20,
                                "highlight_end": 21}]
    assert obj["rendered"] == render_human(_moved_value())


def test_json_of_a_codeless_error_has_null_code() -> None:
    obj = json.loads(render_json(Diagnostic.error("unsupported: x")))
    assert obj["code"] is None and obj["spans"] == []


def test_lint_names_stay_out_of_the_header() -> None:
    diag = Diagnostic("warning", "unused variable: `x`", "unused_variables")
    assert render_human(diag) == "warning: unused variable: `x`\n\n"
    assert json.loads(render_json(diag))["code"] == {"code": "unused_variables",
                                                      "explanation": None}


def test_a_suggestion_shows_the_fixed_line() -> None:
    f = _file()
    s = _span(f, 3, "s")
    diag = _moved_value().with_suggestion(
        "consider cloning the value if the performance cost is acceptable",
        (s.shrink_to_hi(), ".clone()"))
    assert render_human(diag).endswith("""\
  |                    ^ value borrowed here after move
  |
help: consider cloning the value if the performance cost is acceptable
  |
3 |     let t = s.clone();
  |              ++++++++

""")
    child = json.loads(render_json(diag))["children"][0]
    assert child["spans"][0]["suggested_replacement"] == ".clone()"
    assert child["spans"][0]["suggestion_applicability"] == "MachineApplicable"


def test_a_short_non_verbose_suggestion_becomes_a_label() -> None:
    f = _file()
    semicolon = f.span(f.line_starts[3] - 2, f.line_starts[3] - 1)  # the `;` ending line 3
    diag = (Diagnostic.error("x").with_primary(_span(f, 4, "s"), "here")
            .with_suggestion("remove this semicolon", (semicolon, ""), verbose=False))
    assert render_human(diag) == """\
error: x
 --> main.rs:4:20
  |
3 |     let t = s;
  |              - help: remove this semicolon
4 |     println!("{}", s);
  |                    ^ here

"""
    verbose = Diagnostic.error("x").with_suggestion("remove this semicolon", (semicolon, ""))
    assert "3 -     let t = s;\n3 +     let t = s\n" in render_human(verbose)
