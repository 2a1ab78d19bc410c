"""Format strings (`"{} {x:>8.2}"`) -> `ast.FormatArgs`, with rustc's errors for bad ones.

The grammar is std::fmt's:
    format_spec := [[fill]align][sign]['#']['0'][width]['.' precision]type
    count := integer | (integer | identifier) '$'      precision := count | '*'
Arguments are resolved as `format_args!` does: `{}` takes the next positional argument
(`.*` takes two), `{0}` an index, `{name}` a named argument or else captures the variable
`name` from the scope (an implicit argument whose span lies inside the literal).
"""
from __future__ import annotations

from ..records import record
from typing import Any, Optional

from ..diagnostics import CompileError, Diagnostic, Label
from ..source import Span
from . import ast

_TRAITS = {
    "": "Display", "?": "Debug", "x?": "Debug", "X?": "Debug", "x": "LowerHex", "X": "UpperHex",
    "b": "Binary", "o": "Octal", "e": "LowerExp", "E": "UpperExp", "p": "Pointer",
}
_COUNT_MAX = 65535  # a literal width or precision is a `u16`
_TRAIT_NOTE = (
    "the only appropriate formatting traits are:\n"
    "- ``, which uses the `Display` trait\n- `?`, which uses the `Debug` trait\n"
    "- `e`, which uses the `LowerExp` trait\n- `E`, which uses the `UpperExp` trait\n"
    "- `o`, which uses the `Octal` trait\n- `p`, which uses the `Pointer` trait\n"
    "- `b`, which uses the `Binary` trait\n- `x`, which uses the `LowerHex` trait\n"
    "- `X`, which uses the `UpperHex` trait"
)


@record(slots=False)
class ExplicitArg:
    """An argument written in the macro call: `x` or `name = x`."""

    expr: ast.Expr
    name: Optional[str]
    span: Span  # the whole `name = x`


@record(slots=False)
class _Ref:
    """A reference from the template to an argument, resolved once the whole string is read."""

    kind: str  # "next" | "index" | "name"
    key: Any  # int for index, str for name
    span: Span  # what to point at in an error
    spec: ast.FormatSpec
    role: str  # "arg" | "width" | "precision"
    star: bool = False  # `.*`


class FormatStringParser:
    """Parses one literal's characters (with file offsets) into pieces and argument references."""

    def __init__(self, value: str, offsets: list[int], lit_span: Span) -> None:
        self.s = value
        self.offsets = offsets
        self.lit_span = lit_span
        self.file = lit_span.file
        self.i = 0
        self.pieces: list[Any] = []
        self.refs: list[_Ref] = []

    def span(self, i: int, j: int) -> Span:
        return Span(self.file, self.offsets[i], self.offsets[j])

    def peek(self, k: int = 0) -> str:
        j = self.i + k
        return self.s[j] if j < len(self.s) else ""

    def parse(self) -> None:
        s = self.s
        text: list[str] = []
        while self.i < len(s):
            ch = s[self.i]
            if ch == "{" and self.peek(1) == "{" or ch == "}" and self.peek(1) == "}":
                text.append(ch)
                self.i += 2
            elif ch == "{":
                if text:
                    self.pieces.append("".join(text))
                    text = []
                self.pieces.append(self.placeholder())
            elif ch == "}":
                raise CompileError(
                    Diagnostic.error("invalid format string: unmatched `}` found")
                    .with_primary(self.span(self.i, self.i + 1), "unmatched `}` in format string")
                    .with_note("if you intended to print `}`, you can escape it using `}}`"))
            else:
                text.append(ch)
                self.i += 1
        if text:
            self.pieces.append("".join(text))

    # -- one `{...}`

    def placeholder(self) -> ast.FormatSpec:
        open_at = self.i
        self.i += 1
        spec = ast.FormatSpec(self.span(open_at, open_at + 1), arg=-1)
        self.skip_ws()
        start = self.i
        word = self.word()
        if word.isdigit():
            self.refs.append(_Ref("index", int(word), self.span(start, self.i), spec, "arg"))
        elif word:
            if self.peek() == ".":
                end = self.i
                while self.peek() not in ("}", ":", ""):
                    self.i += 1
                    end = self.i
                raise CompileError(
                    Diagnostic.error("invalid format string: field access isn't supported")
                    .with_primary(self.span(start, end), "not supported in format string")
                    .with_note("consider moving this expression to a local variable and then using the local "
                               "here instead"))
            self.refs.append(_Ref("name", word, self.span(start, self.i), spec, "arg"))
        else:
            self.refs.append(_Ref("next", None, self.span(open_at, open_at + 1), spec, "arg"))
        self.skip_ws()
        if self.peek() == ":":
            self.i += 1
            self.format_spec(spec)
        self.skip_ws()
        self.expect_close(open_at)
        spec.span = self.span(open_at, self.i)
        mine = [r for r in self.refs if r.spec is spec]
        for ref in mine:
            if ref.kind == "next" and not ref.star:
                ref.span = spec.span
        if mine[0].kind == "next" and any(r.star for r in mine):
            # `{:.*}` takes the precision from the next argument first, then the value
            first = len(self.refs) - len(mine)
            self.refs[first:] = mine[1:] + mine[:1]
        return spec

    def expect_close(self, open_at: int) -> None:
        if self.peek() == "}":
            self.i += 1
            return
        if self.peek() == "":
            message = "invalid format string: expected `}` but string was terminated"
            at = Span(self.file, self.offsets[self.i], self.offsets[self.i] + 1)
        else:
            message = f"invalid format string: expected `}}`, found `{self.peek()}`"
            at = self.span(self.i, self.i + 1)
        raise CompileError(
            Diagnostic.error(message).with_primary(at, "expected `}` in format string")
            .with_label(self.span(open_at, open_at + 1), "because of this opening brace")
            .with_note("if you intended to print `{`, you can escape it using `{{`"))

    def format_spec(self, spec: ast.FormatSpec) -> None:
        if self.peek(1) in ("<", "^", ">") and self.peek() != "":
            spec.fill, spec.align = self.peek(), self.peek(1)  # type: ignore[assignment]
            self.i += 2
        elif self.peek() in ("<", "^", ">"):
            spec.align = self.peek()  # type: ignore[assignment]
            self.i += 1
        if self.peek() in ("+", "-"):
            spec.sign = self.peek()  # type: ignore[assignment]
            self.i += 1
        if self.peek() == "#":
            spec.alternate = True
            self.i += 1
        if self.peek() == "0" and self.peek(1) != "$":
            spec.zero_pad = True
            self.i += 1
        self.count(spec, "width")
        if self.peek() == ".":
            self.i += 1
            if self.peek() == "*":
                self.refs.append(_Ref("next", None, self.span(self.i - 1, self.i + 1), spec, "precision", star=True))
                self.i += 1
            else:
                self.count(spec, "precision")
        start = self.i
        trait = self.word()
        if self.peek() == "?" and trait in ("", "x", "X"):
            self.i += 1
            trait += "?"
        if trait not in _TRAITS:
            raise CompileError(Diagnostic.error(f"unknown format trait `{trait}`")
                               .with_primary(self.span(start, self.i)).with_note(_TRAIT_NOTE))
        spec.trait = _TRAITS[trait]  # type: ignore[assignment]
        if trait in ("x?", "X?"):
            spec.debug_hex = trait[0]  # type: ignore[assignment]

    def count(self, spec: ast.FormatSpec, role: str) -> None:
        """A width or precision: `8`, `1$`, `name$`; a word without `$` is left for the trait."""
        start = self.i
        word = self.word()
        if not word:
            return
        if self.peek() == "$":
            self.i += 1
            kind, key = ("index", int(word)) if word.isdigit() else ("name", word)
            self.refs.append(_Ref(kind, key, self.span(start, self.i), spec, role))
        elif word.isdigit():
            if int(word) > _COUNT_MAX:
                # rustc's format-string parser reads a literal count as a `u16`; its span
                # reaches one character past the digits
                raise CompileError(
                    Diagnostic.error(f"invalid format string: integer `{word}` does not fit into the type "
                                     f"`u16` whose range is `0..={_COUNT_MAX}`")
                    .with_primary(self.span(start, min(self.i + 1, len(self.s))),
                                  "integer out of range for `u16` in format string"))
            setattr(spec, role, int(word))
        else:
            self.i = start

    def word(self) -> str:
        """An integer or an identifier at the cursor (empty if neither)."""
        s, start = self.s, self.i
        if start < len(s) and s[start].isdigit():
            while self.i < len(s) and s[self.i].isdigit():
                self.i += 1
        elif start < len(s) and (s[start].isalpha() or s[start] == "_"):
            while self.i < len(s) and (s[self.i].isalnum() or s[self.i] == "_"):
                self.i += 1
        return s[start:self.i]

    def skip_ws(self) -> None:
        while self.peek() in (" ", "\t", "\n"):
            self.i += 1


def _plural(n: int) -> str:
    if n == 0:
        return "no arguments were given"
    return "there is 1 argument" if n == 1 else f"there are {n} arguments"


def build_format_args(value: str, offsets: list[int], lit_span: Span, explicit: list[ExplicitArg],
                      whole_span: Span) -> ast.FormatArgs:
    """Parse the template and resolve its references against the explicit arguments.

    Raises CompileError with rustc's wording for a malformed template, a reference to a
    missing argument, or an argument the template never uses."""
    parser = FormatStringParser(value, offsets, lit_span)
    parser.parse()
    args = [a.expr for a in explicit]
    names = [a.name for a in explicit]
    named = {a.name: i for i, a in enumerate(explicit) if a.name is not None}
    used = [False] * len(explicit)
    next_positional = 0
    implicit_refs: list[_Ref] = []
    bad_index: list[_Ref] = []
    for ref in parser.refs:
        if ref.kind == "next":
            idx = next_positional
            next_positional += 1
            if idx >= len(explicit):
                implicit_refs.append(ref)
                continue
        elif ref.kind == "index":
            idx = ref.key
            if idx >= len(explicit):
                bad_index.append(ref)
                continue
        elif ref.key in named:
            idx = named[ref.key]
        else:
            # an inline `{name}`: capture the variable from the scope, once per name
            if ref.key not in names[len(explicit):]:
                args.append(ast.PathExpr(ref.span, ast.Path(ref.span, [ast.PathSegment(ref.span, ref.key)])))
                names.append(ref.key)
            idx = len(explicit) + names[len(explicit):].index(ref.key)
        if idx < len(used):
            used[idx] = True
        if ref.role == "arg":
            ref.spec.arg = idx
        else:
            setattr(ref.spec, ref.role + "_arg", idx)
    errors: list[Diagnostic] = []
    positional = sum(1 for a in explicit if a.name is None)
    if implicit_refs:
        count = sum(1 for r in parser.refs if r.kind == "next")
        plural = "s" if count != 1 else ""
        diag = Diagnostic.error(f"{count} positional argument{plural} in format string, but {_plural(positional)}")
        seen_specs: list[ast.FormatSpec] = []
        for r in parser.refs:
            if r.kind == "next" and r.spec not in seen_specs:
                seen_specs.append(r.spec)
                diag.labels.append(Label(r.spec.span, "", True))
        for a in explicit:
            diag.labels.append(Label(a.span, ""))
        errors.append(diag)
    if bad_index:
        nums = sorted({r.key for r in bad_index})
        which = f"argument {nums[0]}" if len(nums) == 1 else \
            "arguments " + ", ".join(map(str, nums[:-1])) + f" and {nums[-1]}"
        diag = Diagnostic.error(f"invalid reference to positional {which} ({_plural(len(explicit))})")
        for r in bad_index:
            diag.labels.append(Label(r.span, "", True))
        errors.append(diag.with_note("positional arguments are zero-based"))
    unused = [a for a, u in zip(explicit, used) if not u]
    if unused:
        if len(unused) == 1:
            what = "named argument never used" if unused[0].name is not None else "argument never used"
            errors.append(Diagnostic.error(what).with_primary(unused[0].expr.span, what)
                          .with_label(lit_span, "formatting specifier missing"))
        else:
            diag = Diagnostic.error("multiple unused formatting arguments")
            for a in unused:
                diag.labels.append(Label(a.expr.span, "argument never used", True))
            diag.labels.append(Label(lit_span, "multiple missing formatting specifiers"))
            errors.append(diag)
    if errors:
        raise CompileError(*errors)
    return ast.FormatArgs(whole_span, value, parser.pieces, args, names)
