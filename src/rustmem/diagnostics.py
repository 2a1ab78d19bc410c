"""Diagnostics as data: what every stage reports to the user.

A stage builds `Diagnostic` values (primary span, labels, notes, help) and never formats
strings for the terminal itself; `rustmem.render_diag` (human, like rustc) and the JSON
emitter (rustc's `--error-format=json` shape) render them.  A diagnostic that must stop the
pipeline at once (a syntax error, an unsupported construct) is raised as `CompileError`
carrying it; everything else is collected in a `DiagnosticSink`.
"""
from __future__ import annotations

from .records import field, record
from typing import Literal

from .source import Span

Level = Literal["error", "warning", "note", "help"]


@record
class Label:
    span: Span
    text: str = ""
    primary: bool = False


@record
class Suggestion:
    """One part of a code change that would fix the problem: REPLACEMENT in place of the
    text of SPAN (an empty span inserts).  Applicability as rustc says it:
    "MachineApplicable", "MaybeIncorrect", "HasPlaceholders" or "Unspecified"."""

    span: Span
    replacement: str
    applicability: str = "MachineApplicable"


@record
class SubDiagnostic:
    """A `note:` or `help:` line, optionally pointing at its own span(s); a `help:` may
    carry a suggested code change (all its parts together), shown as rustc shows it."""

    level: Level
    message: str
    spans: list[Label] = field(default_factory=list)
    suggestions: list[Suggestion] = field(default_factory=list)
    # A suggestion is shown as its own `help:` block with the changed code (rustc's
    # `span_suggestion_verbose`); when False, a short one-part suggestion that is the
    # diagnostic's only one becomes a `help: ...` label on its span (`span_suggestion`).
    verbose: bool = True


@record
class Diagnostic:
    level: Level
    message: str
    code: str | None = None  # "E0382", or None for codeless errors
    labels: list[Label] = field(default_factory=list)  # the first primary label is the location
    children: list[SubDiagnostic] = field(default_factory=list)

    @property
    def primary(self) -> Label | None:
        for label in self.labels:
            if label.primary:
                return label
        return self.labels[0] if self.labels else None

    @property
    def line(self) -> int | None:
        p = self.primary
        return p.span.line if p else None

    # Builders, so analyses read as `Diagnostic.error(...).primary_label(...).note(...)`.
    @classmethod
    def error(cls, message: str, code: str | None = None) -> "Diagnostic":
        return cls("error", message, code)

    def with_primary(self, span: Span, text: str = "") -> "Diagnostic":
        self.labels.insert(0, Label(span, text, True))
        return self

    def with_label(self, span: Span, text: str) -> "Diagnostic":
        self.labels.append(Label(span, text, False))
        return self

    def with_note(self, message: str, span: Span | None = None) -> "Diagnostic":
        self.children.append(SubDiagnostic("note", message, [Label(span, "", True)] if span else []))
        return self

    def with_help(self, message: str, span: Span | None = None) -> "Diagnostic":
        self.children.append(SubDiagnostic("help", message, [Label(span, "", True)] if span else []))
        return self

    def with_suggestion(self, message: str, *parts: tuple[Span, str],
                        applicability: str = "MachineApplicable",
                        verbose: bool = True) -> "Diagnostic":
        """A `help:` that shows the fixed code: each part puts its text in place of its span
        (`with_suggestion("consider making this binding mutable", (name.shrink_to_lo(), "mut "))`).
        VERBOSE False lets a short one show as a label instead (see SubDiagnostic)."""
        self.children.append(SubDiagnostic(
            "help", message, [], [Suggestion(span, text, applicability) for span, text in parts],
            verbose))
        return self


class CompileError(Exception):
    """Stops the pipeline with one (or more) diagnostics: syntax errors, unsupported constructs."""

    def __init__(self, *diagnostics: Diagnostic) -> None:
        super().__init__(diagnostics[0].message if diagnostics else "compile error")
        self.diagnostics = list(diagnostics)


def unsupported(span: Span, what: str) -> CompileError:
    """`error: unsupported: <what>` at SPAN — the answer for constructs outside the subset."""
    return CompileError(Diagnostic.error(f"unsupported: {what}").with_primary(span))


@record(slots=False)
class DiagnosticSink:
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def emit(self, diag: Diagnostic) -> None:
        self.diagnostics.append(diag)

    @property
    def has_errors(self) -> bool:
        return any(d.level == "error" for d in self.diagnostics)
