"""UI tests in the style of rustc's `tests/ui`: a `.rs` file says what it expects.

A test file carries `//@ check-fail` / `//@ run-pass` / `//@ run-panic` / `//@ run-ub CLASS`
and `//~ ERROR E0382` annotations (see the corpus's FORMAT.md); the expected human output
and program output live beside it as `NAME.stderr` and `NAME.stdout`.  `RUSTMEM_BLESS=1`
rewrites those files from what rustmem now produces, for review with `git diff`.

    expectations(path) -> Expectations          directive, expected errors, panic, UB
    error_keys(diags) -> [(line, code or message)]
    match_errors(expected, diags) -> (missing, extra)
    assert_errors(path, diags)                  the annotations and the diagnostics agree
    assert_matches_file(actual, path)           equal to the file's text, or bless it
    check_ui(path)                              check + annotations + NAME.stderr
    run_ui(path)                                run + directive + NAME.stdout + NAME.stderr
    rustc_errors(path, rustc) -> [dict]         rustc's JSON error objects for PATH
    diagnostic_from_rustc(obj, file)            one of them as a rustmem Diagnostic
    assert_renders_like_rustc(path, rustc)      rustmem's human text of each error that
                                                rustc also reports is rustc's, verbatim
"""
from __future__ import annotations

import difflib
import json
import os
import re
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

ANNOTATION = re.compile(r"//~(\^*|\|)\s*(ERROR|PANIC|UB)\s+(.*?)\s*$")
DIRECTIVE = re.compile(r"^//@\s*(check-fail|check-pass|run-pass|run-panic|run-ub)\b\s*(.*)$")
ERROR_CODE = re.compile(r"E\d{4}")


@dataclass
class Expectations:
    directive: str | None = None
    argument: str = ""
    errors: list[tuple[int, str]] = field(default_factory=list)  # (line, code or message)
    panic: tuple[int, str] | None = None  # (line, start of the message)
    ub: tuple[int, str] | None = None  # (line, class)


def parse_expectations(text: str) -> Expectations:
    """The directive and `//~` annotations of a test program's TEXT."""
    exp = Expectations()
    last_line: int | None = None
    for number, line in enumerate(text.splitlines(), start=1):
        m = DIRECTIVE.match(line.strip())
        if m and exp.directive is None:
            exp.directive, exp.argument = m.group(1), m.group(2).strip()
        for m in ANNOTATION.finditer(line):
            mark, kind, what = m.groups()
            if mark == "|":
                target = last_line if last_line is not None else number
            else:
                target = number - len(mark)
            last_line = target
            if kind == "ERROR":
                exp.errors.append((target, what))
            elif kind == "PANIC":
                exp.panic = (target, what)
            else:
                exp.ub = (target, what.split()[0])
    return exp


def expectations(path: Path) -> Expectations:
    return parse_expectations(Path(path).read_text(encoding="utf-8"))


def error_keys(diags) -> list[tuple[int | None, str | None, str]]:
    """(primary line, code, message) of every error among DIAGS (warnings never count)."""
    return [(d.line, d.code, d.message) for d in diags if d.level == "error"]


def match_errors(expected: list[tuple[int, str]], diags) -> tuple[list, list]:
    """Multiset match of annotations against reported errors: `E0382` matches the code,
    any other text matches the start of the message.  Returns (missing, extra)."""
    remaining = error_keys(diags)
    missing = []
    for line, what in expected:
        for i, (got_line, code, message) in enumerate(remaining):
            if got_line == line and (code == what if ERROR_CODE.fullmatch(what)
                                     else message.startswith(what)):
                remaining.pop(i)
                break
        else:
            missing.append((line, what))
    extra = [(line, code or message) for line, code, message in remaining]
    return missing, extra


def assert_errors(path: Path, diags) -> None:
    """Fail with a readable list unless DIAGS are exactly the errors PATH annotates."""
    missing, extra = match_errors(expectations(path).errors, diags)
    assert not missing and not extra, (
        f"{path}: expected but not reported {missing}; reported but not expected {extra}")


def blessing() -> bool:
    return os.environ.get("RUSTMEM_BLESS", "") not in ("", "0")


def assert_matches_file(actual: str, expected_path: Path) -> None:
    """ACTUAL equals EXPECTED_PATH's text; with RUSTMEM_BLESS=1 the file is rewritten.

    An empty ACTUAL and a missing file agree (and blessing removes a stale file)."""
    expected_path = Path(expected_path)
    if blessing():
        if actual:
            expected_path.write_text(actual, encoding="utf-8")
        elif expected_path.exists():
            expected_path.unlink()
        return
    expected = expected_path.read_text(encoding="utf-8") if expected_path.exists() else ""
    if actual != expected:
        diff = "".join(difflib.unified_diff(
            expected.splitlines(keepends=True), actual.splitlines(keepends=True),
            fromfile=str(expected_path), tofile="actual"))
        raise AssertionError(f"output differs (RUSTMEM_BLESS=1 to accept):\n{diff}")


def human_output(diags) -> str:
    """What `rustmem check` prints on stderr for DIAGS."""
    from rustmem.render.diagnostics import render_human, render_summary

    return "".join(render_human(d) for d in diags) + render_summary(diags)


def check_ui(path: Path, polonius: bool = False) -> None:
    """Check PATH: its annotations must match, and its human output NAME.stderr.

    The file name in the output is the bare file name, so expected files do not depend
    on where the repository lives."""
    import rustmem

    path = Path(path)
    diags = rustmem.check(path.read_text(encoding="utf-8"), path.name, polonius=polonius)
    assert_errors(path, diags)
    assert_matches_file(human_output(diags), path.with_suffix(".stderr"))


def run_ui(path: Path, **options) -> object:
    """Run PATH (options as for `rustmem.run`): the outcome must be what its directive and
    `//~ PANIC` / `//~ UB` annotations say, stdout must equal NAME.stdout and what
    `rustmem run` prints on stderr NAME.stderr.  Returns the report."""
    import rustmem
    from rustmem.cli import run_stderr

    path = Path(path)
    source = path.read_text(encoding="utf-8")
    exp = parse_expectations(source)
    report = rustmem.run(source, path.name, **options)
    data = report.to_json()
    want = {"run-pass": "ok", "run-panic": "panic", "run-ub": "ub",
            "check-fail": "compile-error"}.get(exp.directive or "run-pass")
    assert report.outcome == want, f"{path}: outcome {report.outcome}, expected {want}: {data}"
    if exp.panic:
        panic = data["panic"]
        assert (panic["line"], panic["message"][:len(exp.panic[1])]) == exp.panic, panic
    if exp.ub:
        ub = data["ub"]
        assert (ub["line"], ub["class"]) == exp.ub, ub
    assert_matches_file(report.stdout, path.with_suffix(".stdout"))
    assert_matches_file(run_stderr(report, source, path.name), path.with_suffix(".stderr"))
    return report


# ---------------------------------------------------------------- rustc as the oracle

def _without_backtraces(obj: dict) -> dict:
    """A rustc JSON object without macro backtraces and rustc's explanation text."""
    obj = dict(obj)
    if obj["code"]:
        obj["code"] = {"code": obj["code"]["code"], "explanation": None}
    obj["spans"] = [dict(s, expansion=None) for s in obj["spans"]]
    obj["children"] = [dict(c, spans=[dict(s, expansion=None) for s in c["spans"]])
                       for c in obj["children"]]
    return obj


def rustc_errors(path: Path, rustc: str) -> list[dict]:
    """The errors (with spans) rustc reports for PATH, as its JSON objects, file names as
    bare names, macro backtraces and explanation texts dropped."""
    path = Path(path)
    out = subprocess.run(
        [rustc, "--edition", "2021", "--error-format=json", "--emit=metadata",
         "-o", os.devnull, path.name], cwd=path.parent, capture_output=True, text=True)
    objects = [json.loads(line) for line in out.stderr.splitlines() if line.startswith("{")]
    return [_without_backtraces(o) for o in objects if o["level"] == "error" and o["spans"]]


def diagnostic_from_rustc(obj: dict, file):
    """A rustc JSON object as the rustmem `Diagnostic` that would print the same."""
    from rustmem.diagnostics import Diagnostic, Label, SubDiagnostic, Suggestion

    def label(span: dict) -> Label:
        return Label(file.span(span["byte_start"], span["byte_end"]), span["label"] or "",
                     span["is_primary"])

    diag = Diagnostic(obj["level"], obj["message"], (obj["code"] or {}).get("code"))
    diag.labels = [label(s) for s in obj["spans"]]
    for c in obj["children"]:
        # rustc's JSON does not say whether a suggestion is verbose; its text shows it.
        inline = f"help: {c['message']}" in (obj["rendered"] or "").replace(
            f"\nhelp: {c['message']}", "")
        child = SubDiagnostic(c["level"], c["message"], verbose=not inline)
        for span in c["spans"]:
            if span["suggested_replacement"] is None:
                child.spans.append(label(span))
            else:
                child.suggestions.append(Suggestion(
                    file.span(span["byte_start"], span["byte_end"]),
                    span["suggested_replacement"], span["suggestion_applicability"]))
        diag.children.append(child)
    return diag


def assert_renders_like_rustc(path: Path, rustc: str, codes: set[str] | None = None) -> None:
    """Each error rustc reports for PATH that rustmem also reports (same code or message,
    same primary line) is printed by rustmem exactly as rustc prints it; with CODES, only
    the errors with those codes are compared."""
    import rustmem
    from rustmem.render.diagnostics import render_human

    path = Path(path)
    ours = rustmem.check(path.read_text(encoding="utf-8"), path.name)
    differences = []
    for theirs in rustc_errors(path, rustc):
        line = next(s["line_start"] for s in theirs["spans"] if s["is_primary"])
        code = (theirs["code"] or {}).get("code")
        if codes is not None and code not in codes:
            continue
        same = [d for d in ours if d.line == line and (d.code == code if code
                                                     else d.message == theirs["message"])]
        if same and render_human(same[0]) != theirs["rendered"]:
            diff = "".join(difflib.unified_diff(
                theirs["rendered"].splitlines(keepends=True),
                render_human(same[0]).splitlines(keepends=True), "rustc", "rustmem"))
            differences.append(diff)
    assert not differences, "\n".join(differences)
