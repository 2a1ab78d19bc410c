"""`python -m rustmem.syntax FILE`: parse FILE and print its AST (or the syntax error)."""
from __future__ import annotations

import sys

from ..diagnostics import CompileError
from . import parse_text
from .dump import dump


def main(argv: list[str]) -> int:
    if len(argv) != 1:
        print("usage: python -m rustmem.syntax FILE.rs", file=sys.stderr)
        return 2
    with open(argv[0], encoding="utf-8") as f:
        text = f.read()
    try:
        crate = parse_text(text, argv[0])
    except CompileError as e:
        for d in e.diagnostics:
            print(f"error: {d.message} at {d.primary.span if d.primary else argv[0]}", file=sys.stderr)
        return 1
    print(dump(crate))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
