"""The converter from tree-sitter-rust's concrete syntax tree to rustmem's AST.

`parse(source)` runs tree-sitter once over the file, reports the first syntax error as rustc
would, then converts the tree node by node.  The conversion is split by category: items
(`items.py`), types and paths (`typexprs.py`), patterns (`patterns.py`), expressions and
blocks (`exprs.py`), the macros of the subset (`macros.py`, with format strings in
`fmtstr.py`).  Each category dispatches a node kind through a table of `<category>_<kind>`
methods (see `cst.build_dispatch`).
"""
from __future__ import annotations

import gc
import sys

from ..diagnostics import CompileError, unsupported
from ..source import SourceFile
from . import ast
from .cst import build_dispatch
from .exprs import ExprsMixin
from .items import ItemsMixin
from .loader import rust_parser
from .macros import MacrosMixin
from .patterns import PatternsMixin
from .typexprs import TypesMixin


class Converter(ItemsMixin, ExprsMixin, MacrosMixin, PatternsMixin, TypesMixin):
    """Converts the CST of one buffer (a file, or a macro's re-parsed arguments) to AST nodes."""


build_dispatch(Converter)

_RECURSION_LIMIT = 20000


def parse(source: SourceFile) -> ast.Crate:
    """Parse a whole file into an `ast.Crate`.

    Raises `CompileError` for a syntax error (rustc's wording, at the first error tree-sitter
    finds) and for constructs outside the supported subset (`error: unsupported: ...`)."""
    tree = rust_parser().parse(source.data)
    root = tree.root_node
    conv = Converter(source, source.data)
    if root.has_error:
        from .errors import check_syntax  # only a program with a syntax error pays for it

        raise check_syntax(conv, root)
    # The conversion allocates one object per node and no cycles: the cyclic collector would
    # only rescan the growing tree (a quarter of the time on large files), so it waits.
    collecting = gc.isenabled()
    gc.disable()
    # The conversion recurses once or twice per level of nesting; long operator chains
    # (`a + b + ... `, a few thousand terms) are deeper than Python's default limit.  Since
    # 3.11 Python-to-Python calls do not use the C stack, so a higher limit is safe.
    limit = sys.getrecursionlimit()
    sys.setrecursionlimit(max(limit, _RECURSION_LIMIT))
    try:
        items, attrs = conv.items(root)
    except RecursionError:
        raise unsupported(source.whole.shrink_to_lo(), "nesting this deep") from None
    finally:
        sys.setrecursionlimit(limit)
        if collecting:
            gc.enable()
    if conv.errors:
        raise CompileError(*conv.errors)
    return ast.Crate(source.whole, items, attrs)


def parse_text(text: str, filename: str = "main.rs") -> ast.Crate:
    """`parse` for a string: the file is named `filename` in spans and diagnostics."""
    return parse(SourceFile(filename, text))
