"""Diagnostics rendered twice: for people (rustc's human format) and for tools (rustc's JSON).

    render_human(diag) -> str        one `error[E0382]: ...` block, ending in a blank line
    render_summary(diags) -> str     `error: aborting due to N previous errors` and the
                                     `rustmem check --explain` pointer
    render_json(diag) -> str         one rustc-compatible JSON object, no newline

Source snippets are drawn by `render.snippet` and suggested changes by
`render.suggestions`, both as rustc's emitter draws them.  Only the plain-ASCII,
uncoloured form is produced.
"""
from __future__ import annotations

from ..diagnostics import Diagnostic, Label, SubDiagnostic, Suggestion
from ..source import Span
from .snippet import render_snippet
from .suggestions import last_line, render_suggestion


# ---------------------------------------------------------------- human format

def _header(level: str, message: str, code: str | None) -> str:
    # rustc shows error codes in the header, never lint names (`unused_variables`).
    if code and code.startswith("E") and code[1:].isdigit():
        return f"{level}[{code}]: {message}"
    return f"{level}: {message}"


def _line_number_width(diag: Diagnostic) -> int:
    """Digits of the largest line number shown anywhere in DIAG (at least one)."""
    lines = [lb.span.end_line for lb in diag.labels]
    for child in diag.children:
        lines += [lb.span.end_line for lb in child.spans]
        if child.suggestions:
            lines.append(last_line(child.suggestions))
    return len(str(max(lines, default=1)))


def _child_note(out: list[str], width: int, child: SubDiagnostic) -> None:
    first, *rest = child.message.split("\n")
    prefix = f"{' ' * (width + 1)}= {child.level}: "
    out.append(prefix + first)
    out.extend(" " * len(prefix) + line for line in rest)


def _inline_suggestion(diag: Diagnostic) -> tuple[Label, SubDiagnostic] | None:
    """The label a short suggestion becomes, when rustc would show it inline: the only
    suggestion of DIAG, not verbose, one part, one line, and a message under ten words."""
    suggesting = [c for c in diag.children if c.suggestions]
    if len(suggesting) != 1:
        return None
    child = suggesting[0]
    if child.verbose or len(child.suggestions) != 1 or len(child.message.split()) >= 10:
        return None
    part = child.suggestions[0]
    if "\n" in part.replacement:
        return None
    code = part.replacement.strip()
    text = f"help: {child.message}: `{code}`" if code else f"help: {child.message}"
    return Label(part.span, text), child


def render_human(diag: Diagnostic) -> str:
    """One diagnostic as rustc prints it, followed by the blank line that separates blocks."""
    width = _line_number_width(diag)
    labels, children = diag.labels, diag.children
    inline = _inline_suggestion(diag)
    if inline is not None:
        labels = labels + [inline[0]]
        children = [c for c in children if c is not inline[1]]
    out = [_header(diag.level, diag.message, diag.code)]
    if labels:
        render_snippet(out, width, labels)
    if children:
        out.append(f"{' ' * width} |")
    for child in children:
        if child.suggestions:
            out.append(_header(child.level, child.message, None))
            render_suggestion(out, width, child.suggestions)
        elif child.spans:
            out.append(_header(child.level, child.message, None))
            render_snippet(out, width, child.spans)
        else:
            _child_note(out, width, child)
    return "\n".join(out) + "\n\n"


def _plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def render_summary(diags: list[Diagnostic]) -> str:
    """The closing lines after all diagnostics: the abort line and where to read more.

    Empty when there is nothing to summarise (no errors and no warnings)."""
    from ..explain import has_explanation

    errors = sum(d.level == "error" for d in diags)
    warnings = sum(d.level == "warning" for d in diags)
    out: list[str] = []
    if errors:
        line = f"error: aborting due to {_plural(errors, 'previous error')}"
        if warnings:
            line += f"; {_plural(warnings, 'warning')} emitted"
        out += [line, ""]
        codes = sorted({d.code for d in diags
                        if d.level == "error" and d.code and has_explanation(d.code)})
        if len(codes) == 1:
            out.append("For more information about this error, try "
                       f"`rustmem check --explain {codes[0]}`.")
        elif codes:
            out.append(f"Some errors have detailed explanations: {', '.join(codes)}.")
            out.append("For more information about an error, try "
                       f"`rustmem check --explain {codes[0]}`.")
    elif warnings:
        out += [f"warning: {_plural(warnings, 'warning')} emitted", ""]
    return "".join(line + "\n" for line in out)


# ---------------------------------------------------------------- JSON format

def _json_span(label: Label, suggestion: Suggestion | None = None) -> dict:
    span: Span = label.span
    file = span.file
    line_start, col_start = span.line, span.col
    line_end, col_end = span.end_line, span.end_col
    text = []
    for line in range(line_start, line_end + 1):
        source = file.line_text(line)
        text.append({
            "text": source,
            "highlight_start": col_start if line == line_start else 1,
            "highlight_end": col_end if line == line_end else len(source) + 1,
        })
    return {
        "file_name": file.name,
        "byte_start": span.lo,
        "byte_end": span.hi,
        "line_start": line_start,
        "line_end": line_end,
        "column_start": col_start,
        "column_end": col_end,
        "is_primary": label.primary,
        "text": text,
        # rustc: a secondary span always carries its (maybe empty) label, a primary one
        # only when it was given text.
        "label": None if label.primary and not label.text else label.text,
        "suggested_replacement": suggestion.replacement if suggestion else None,
        "suggestion_applicability": suggestion.applicability if suggestion else None,
        "expansion": None,
    }


def json_object(diag: Diagnostic) -> dict:
    """The diagnostic as rustc's `--error-format=json` object (a dict, not yet serialised)."""
    from ..explain import explanation

    code = None
    if diag.code:
        code = {"code": diag.code, "explanation": explanation(diag.code)}
    return {
        "$message_type": "diagnostic",
        "message": diag.message,
        "code": code,
        "level": diag.level,
        "spans": [_json_span(lb) for lb in diag.labels],
        "children": [{
            "message": child.message,
            "code": None,
            "level": child.level,
            "spans": [_json_span(lb) for lb in child.spans]
            + [_json_span(Label(sg.span, "", True), sg) for sg in child.suggestions],
            "children": [],
            "rendered": None,
        } for child in diag.children],
        "rendered": render_human(diag),
    }


def render_json(diag: Diagnostic) -> str:
    """One line of JSON, as rustc writes it (no trailing newline)."""
    import json

    return json.dumps(json_object(diag), ensure_ascii=False, separators=(",", ":"))
