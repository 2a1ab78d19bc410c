"""The `rustmem` command: exit statuses, output formats, help, explanations, bad input."""
from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from conftest import REPO, run_rustmem
from rustmem import api, cli
from rustmem.explain import codes, explanation

EXAMPLES = REPO / "src" / "rustmem" / "examples"

# Every error code rustmem's stages emit; each must have an explanation.
EMITTED_CODES = """E0004 E0061 E0063 E0106 E0133 E0277 E0308 E0369 E0381 E0382 E0384 E0425
E0499 E0500 E0501 E0502 E0503 E0505 E0506 E0507 E0508 E0509 E0515 E0521 E0524 E0560 E0594
E0596 E0597 E0599 E0601 E0609 E0615 E0621 E0713 E0716 E0373""".split()

SYNTAX_ERROR = "fn main() {\n    let x = ;\n}\n"


@pytest.fixture
def write(tmp_path):
    def write(text: str | bytes, name: str = "main.rs") -> str:
        path = tmp_path / name
        if isinstance(text, bytes):
            path.write_bytes(text)
        else:
            path.write_text(text, encoding="utf-8")
        return str(path)
    return write


# ---------------------------------------------------------------- help

@pytest.mark.parametrize("command,options", [
    ([], ["check", "run", "mir", "facts", "--version"]),
    (["check"], ["--error-format", "--polonius", "--explain", "FILE"]),
    (["run"], ["--memory", "--aliasing", "--report", "--max-steps", "--max-stack",
               "--max-heap", "ownership", "manual", "rc", "gc", "stacked", "tree", "101"]),
    (["mir"], ["FILE"]),
    (["facts"], ["FILE"]),
])
def test_help_names_every_option(command, options, capsys) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli.main([*command, "--help"])
    assert exit_.value.code == 0
    out = capsys.readouterr().out
    for option in options:
        assert option in out


def test_docs_describe_every_option_the_parser_has() -> None:
    doc = (REPO / "docs" / "cli.md").read_text(encoding="utf-8")
    parser = cli.build_parser()
    subparsers = next(a for a in parser._actions if a.dest == "command").choices
    for name, sub in subparsers.items():
        assert f"rustmem {name}" in doc
        for action in sub._actions:
            for flag in action.option_strings:
                if flag not in ("-h", "--help"):
                    assert flag in doc, f"docs/cli.md does not mention {name} {flag}"


def test_usage_errors_exit_1_not_2_which_means_ub(cli) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("run", "x.rs", "--memory", "nonsense")
    assert exit_.value.code == 1
    status, _, err = cli()
    assert status == 1 and "usage" in err


# ---------------------------------------------------------------- --explain

def test_every_emitted_code_has_an_explanation() -> None:
    """The codes listed above, and every `"E0123"` literal in rustmem's source."""
    in_source = set()
    for path in (REPO / "src" / "rustmem").rglob("*.py"):
        in_source |= set(re.findall(r'"(E0\d{3})"', path.read_text(encoding="utf-8")))
    missing = (set(EMITTED_CODES) | in_source) - set(codes())
    assert not missing, f"no explanation in src/rustmem/explain/ for {sorted(missing)}"


def test_explain_prints_the_explanation(cli) -> None:
    status, out, _ = cli("check", "--explain", "E0502")
    assert status == 0
    assert out.startswith("# E0502") and "```rust" in out
    assert cli("check", "--explain", "502")[1] == out  # rustc's short spellings work too


def test_explain_of_an_unknown_code_fails(cli) -> None:
    status, out, err = cli("check", "--explain", "E9999")
    assert status == 1 and out == "" and "E9999" in err


def test_explanation_examples_are_rejected_and_fixed_as_they_say(rustc, tmp_path) -> None:
    """The first example of each explanation fails with its code, the second compiles."""
    for code in codes():
        blocks = re.findall(r"```rust\n(.*?)```", explanation(code), re.S)
        assert len(blocks) == 2, code
        for index, block in enumerate(blocks):
            src = tmp_path / "x.rs"
            src.write_text(block, encoding="utf-8")
            is_library = "fn main" not in block and code != "E0601"
            crate_type = ["--crate-type", "lib"] if is_library else []
            out = subprocess.run(
                [rustc, "--edition", "2021", "--error-format=json", "--emit=metadata",
                 "-o", str(tmp_path / "x.rmeta"), *crate_type, str(src)],
                capture_output=True, text=True)
            found = {(json.loads(line).get("code") or {}).get("code")
                     for line in out.stderr.splitlines() if '"level":"error"' in line}
            if index == 0:
                assert code in found, f"{code}: rustc reports {found} for the rejected example"
            else:
                assert out.returncode == 0, f"{code}: the fixed example fails: {found}"


# ---------------------------------------------------------------- check

def test_check_json_is_one_rustc_object_per_line(cli, write) -> None:
    status, out, err = cli("check", "--error-format", "json", write(SYNTAX_ERROR))
    assert status == 1 and err == ""
    objects = [json.loads(line) for line in out.splitlines()]
    assert objects and all(o["level"] == "error" for o in objects)
    first = objects[0]
    assert set(first) >= {"message", "code", "level", "spans", "children", "rendered"}
    span = first["spans"][0]
    assert set(span) >= {"file_name", "byte_start", "byte_end", "line_start", "line_end",
                         "column_start", "column_end", "is_primary", "label", "text"}
    assert span["line_start"] == 2 and span["file_name"].endswith("main.rs")


def test_check_human_goes_to_stderr_like_rustc(cli, write) -> None:
    status, out, err = cli("check", write(SYNTAX_ERROR))
    assert status == 1 and out == ""
    assert err.startswith("error") and "--> " in err and "2 |     let x = ;" in err
    assert "aborting due to" in err


def test_check_without_file_or_explain_is_an_error(cli) -> None:
    status, _, err = cli("check")
    assert status == 1 and "FILE" in err


@pytest.mark.parametrize("content,needle", [
    ("", None),
    (b"\xff\xfe\x00\x01garbage\x80", "valid UTF-8"),
    ("\x00\x01\x02 not rust at all {{{", None),
])
def test_bad_input_is_an_error_not_a_traceback(content, needle, write) -> None:
    result = run_rustmem("check", write(content))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and result.stderr.startswith("error")
    if needle:
        assert needle in result.stderr


@pytest.mark.parametrize("command", ["check", "run", "mir", "facts"])
def test_missing_file_and_directory_are_errors(command, tmp_path, cli) -> None:
    status, _, err = cli(command, str(tmp_path / "missing.rs"))
    assert status == 1 and "couldn't read" in err and "os error 2" in err
    status, _, err = cli(command, str(tmp_path))
    assert status == 1 and "couldn't read" in err


def test_missing_file_in_json_mode_is_json(cli, tmp_path) -> None:
    status, out, _ = cli("check", "--error-format=json", str(tmp_path / "missing.rs"))
    assert status == 1 and json.loads(out)["message"].startswith("couldn't read")


# ---------------------------------------------------------------- internal errors

def _broken_parser(source):
    raise KeyError("no such node kind")


def test_internal_error_is_an_ice_diagnostic_not_a_traceback(cli, write, monkeypatch) -> None:
    real_stage = api.stage
    monkeypatch.setattr(api, "stage",
                        lambda name: _broken_parser if name == "parse" else real_stage(name))
    monkeypatch.delenv("RUSTMEM_BACKTRACE", raising=False)
    status, out, err = cli("check", write("fn main() {}\n"))
    assert status == 1
    assert err.startswith("error: internal compiler error: KeyError: 'no such node kind'")
    assert "raised at rustmem/" in err and "RUSTMEM_BACKTRACE=1" in err
    assert "Traceback" not in err
    monkeypatch.setenv("RUSTMEM_BACKTRACE", "1")
    with pytest.raises(KeyError):
        cli("check", write("fn main() {}\n"))


def test_missing_stage_is_reported_clearly(monkeypatch, write, cli) -> None:
    monkeypatch.setitem(api._STAGES, "typeck", ("types", "no_such_function", "the checker"))
    status, _, err = cli("check", write("fn main() {}\n"))
    assert status == 1
    assert "rustmem cannot do this yet: the checker is not available" in err
    assert "Traceback" not in err


# ---------------------------------------------------------------- run

def test_run_of_a_program_that_does_not_compile(cli, write, tmp_path) -> None:
    report = tmp_path / "report.json"
    status, out, err = cli("run", write(SYNTAX_ERROR), "--report", str(report))
    assert status == 1 and out == "" and err.startswith("error")
    data = json.loads(report.read_text())
    assert data["outcome"] == "compile-error" and data["diagnostics"]


def test_unimplemented_memory_discipline_is_a_clear_error(cli, write) -> None:
    try:
        api.memory_strategy("gc")
    except api.StageMissing:
        pass
    else:
        pytest.skip("the gc discipline exists")
    status, out, err = cli("run", write("fn main() {}\n"), "--memory", "gc")
    assert status == 1 and out == ""
    assert "the `gc` memory discipline is not available" in err and "Traceback" not in err


LOOP = """fn step(x: u64) -> u64 {
    x + 1
}

fn main() {
    let mut i = 0;
    while i < 1_000_000_000 {
        i = step(i);
    }
    println!("{}", i);
}
"""


def test_step_limit_ends_the_run_with_status_3(cli, write, tmp_path) -> None:
    report = tmp_path / "report.json"
    status, out, err = cli("run", write(LOOP), "--max-steps", "1000", "--report", str(report))
    assert (status, out) == (3, "")
    assert err.startswith("error") and err.endswith("\n") and "Traceback" not in err
    assert json.loads(report.read_text())["outcome"] == "limit"


def test_run_limits_must_be_positive(cli) -> None:
    with pytest.raises(SystemExit) as exit_:
        cli("run", "x.rs", "--max-steps", "0")
    assert exit_.value.code == 1


def test_miri_style_problem_from_a_report() -> None:
    source = "fn main() {\n    let v = 1;\n    unsafe { read(p) };\n}\n"
    data = {"outcome": "ub", "ub": {"class": "use-after-free", "line": 3,
                                   "message": "memory access failed: alloc7 has been freed"}}
    diag = cli._problem(data, source, "main.rs", "")
    from rustmem.render.diagnostics import render_human

    assert render_human(diag) == """\
error: Undefined Behavior: memory access failed: alloc7 has been freed
 --> main.rs:3:5
  |
3 |     unsafe { read(p) };
  |     ^^^^^^^^^^^^^^^^^^^ Undefined Behavior occurred here
  |
  = help: this indicates a bug in the program: it performed an invalid operation, and caused Undefined Behavior

"""
    limit = cli._problem({"outcome": "limit", "limit": "step limit of 10 reached"},
                         source, "main.rs", "")
    assert limit.message == "resource limit reached: step limit of 10 reached"
    assert cli._problem({"outcome": "ok"}, source, "main.rs", "") is None


# ---------------------------------------------------------------- start-up

def test_check_does_not_import_the_machine_rich_or_json(write) -> None:
    path = write("fn main() {}\n")
    code = ("import sys; from rustmem.cli import main; main(['check', sys.argv[1]]);"
            "print(' '.join(sorted(sys.modules)), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", code, path], capture_output=True, text=True)
    modules = result.stderr.split()
    assert not [m for m in modules if m in ("rich", "json") or m.startswith(
        ("rich.", "rustmem.machine", "rustmem.memory"))]
    assert not [m for m in modules if m.startswith("rustmem.render.")
                and m != "rustmem.render.diagnostics"]


# ---------------------------------------------------------------- the bundled examples

EXAMPLE_FILES = sorted(EXAMPLES.glob("*.rs"))


@pytest.mark.parametrize("path", EXAMPLE_FILES, ids=lambda p: p.name)
def test_examples_behave_as_their_header_says(path: Path) -> None:
    from uitest import assert_errors, expectations

    import rustmem

    expected = expectations(path)
    diags = rustmem.check(path.read_text(encoding="utf-8"), path.name)
    assert_errors(path, diags)
    if expected.directive == "check-fail":
        return
    report = rustmem.run(path.read_text(encoding="utf-8"), path.name)
    if expected.directive == "run-pass":
        assert report.outcome == "ok", report.to_json()
    elif expected.directive == "run-ub":
        assert report.outcome == "ub" and report.ub.cls == expected.ub[1]


@pytest.mark.parametrize("path", [p for p in EXAMPLE_FILES if "run-" in p.read_text()],
                         ids=lambda p: p.name)
def test_examples_print_what_the_native_build_prints(path: Path, rustc) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        binary = os.path.join(tmp, "example")
        subprocess.run([rustc, "--edition", "2021", "-o", binary, str(path)], check=True,
                       capture_output=True)
        native = subprocess.run([binary], capture_output=True, text=True).stdout
    import rustmem

    assert rustmem.run(path.read_text(encoding="utf-8"), path.name).stdout == native


# ---------------------------------------------------------------- the benchmark programs

def _generated(lines: int) -> str:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from gen_program import generate
    finally:
        sys.path.pop(0)
    return generate(lines)


def test_generated_benchmark_program_is_valid_rust(rustc, tmp_path) -> None:
    src = tmp_path / "generated.rs"
    src.write_text(_generated(300), encoding="utf-8")
    out = subprocess.run([rustc, "--edition", "2021", "--emit=metadata", "-o",
                          str(tmp_path / "g.rmeta"), str(src)], capture_output=True, text=True)
    assert out.returncode == 0 and "warning" not in out.stderr, out.stderr


def test_generated_benchmark_program_is_accepted(tmp_path) -> None:
    import rustmem

    text = _generated(300)
    assert 250 <= text.count("\n") <= 350
    from uitest import human_output

    diags = rustmem.check(text, "generated.rs")
    assert not diags, human_output(diags)


def test_no_second_report_when_the_machine_already_wrote_one() -> None:
    data = {"outcome": "ub", "ub": {"class": "leak", "line": 1, "message": "memory leaked"}}
    stderr = "error: memory leaked: alloc6 (Rust heap, size: 4), allocated here:\n"
    assert cli._problem(data, "fn main() {}\n", "main.rs", stderr) is None
    panic = {"outcome": "panic", "panic": {"message": "boom", "line": 1}}
    assert cli._problem(panic, "", "main.rs", "thread 'main' panicked at main.rs:1:5:\n") is None
    assert cli._problem(panic, "", "main.rs", "").message.endswith("line 1: boom")


@pytest.mark.parametrize("source,status,outcome", [
    ('fn main() {\n    println!("hi");\n}\n', 0, "ok"),
    ('fn main() {\n    let v: Vec<i32> = Vec::new();\n    println!("{}", v[3]);\n}\n',
     101, "panic"),
    ("fn main() {\n    let p = Box::into_raw(Box::new(5));\n"
     "    unsafe { drop(Box::from_raw(p)); }\n    let x = unsafe { *p };\n"
     '    println!("{}", x);\n}\n', 2, "ub"),
])
def test_run_exit_status_follows_the_outcome(source, status, outcome, cli, write,
                                             tmp_path) -> None:
    report = tmp_path / "report.json"
    got, out, err = cli("run", write(source), "--report", str(report))
    data = json.loads(report.read_text())
    assert (got, data["outcome"]) == (status, outcome), err
    assert "Traceback" not in err
    if outcome == "ok":
        assert out == "hi\n" and err == ""
    elif outcome == "panic":
        assert "panicked at" in err and data["panic"]["line"] == 3
    else:
        assert "Undefined Behavior" in err and data["ub"]["class"] == "use-after-free"


def test_check_json_of_a_borrow_error(cli) -> None:
    status, out, err = cli("check", "--error-format=json", str(EXAMPLES / "double_free.rs"))
    assert status == 1 and err == ""
    (obj,) = [json.loads(line) for line in out.splitlines()]
    assert obj["code"]["code"] == "E0382" and obj["code"]["explanation"].startswith("# E0382")
    primary = [s for s in obj["spans"] if s["is_primary"]]
    assert [(s["line_start"], s["column_start"]) for s in primary] == [(8, 10)]
    assert obj["rendered"].startswith("error[E0382]: use of moved value: `buffer`\n")


@pytest.mark.parametrize("text", ["", "fn helper() {}\n", 'fn helper() -> i32 { "x" }\n'])
def test_missing_main_is_reported_as_rustc_reports_it(text, rustc, tmp_path) -> None:
    from uitest import assert_renders_like_rustc, rustc_errors

    path = tmp_path / "nomain.rs"
    path.write_text(text, encoding="utf-8")
    import rustmem

    assert [d.code for d in rustmem.check(text, path.name)][:1] == ["E0601"]
    if text:  # rustc gives the empty file's error a dummy span, which it does not render
        assert_renders_like_rustc(path, rustc, codes={"E0601"})
    assert "E0601" in [(o["code"] or {}).get("code") for o in rustc_errors(path, rustc)]
