"""syntax: Rust source text -> `ast.Crate` (tree-sitter-rust's CST converted to rustmem's AST).

`parse(SourceFile) -> ast.Crate` and `parse_text(text, filename) -> ast.Crate`; both raise
`diagnostics.CompileError` for a syntax error or a construct outside the subset.
"""
from __future__ import annotations

from .parser import parse, parse_text

__all__ = ["parse", "parse_text"]
