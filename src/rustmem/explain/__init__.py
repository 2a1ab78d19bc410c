"""`rustmem check --explain CODE`: what each error code rustmem emits means.

Each explanation is a Markdown file beside this module (`E0382.md`), written for rustmem:
what the rule is, a minimal program that breaks it, and the usual ways to fix it.

    codes() -> list[str]                  every code with an explanation
    explanation(code) -> str | None       the text, or None for an unknown code
"""
from __future__ import annotations

import os
import re

_HERE = os.path.dirname(os.path.abspath(__file__))
_CODE = re.compile(r"E\d{4}")


def normalize(code: str) -> str:
    """`e502`, `0502`, `E0502` -> `E0502` (rustc accepts the same spellings)."""
    code = code.strip().upper()
    if not code.startswith("E"):
        code = "E" + code
    return "E" + code[1:].rjust(4, "0")


def codes() -> list[str]:
    return sorted(name[:-3] for name in os.listdir(_HERE) if _CODE.fullmatch(name[:-3] or "")
                  and name.endswith(".md"))


def has_explanation(code: str) -> bool:
    return bool(_CODE.fullmatch(code)) and os.path.isfile(_path(code))


def explanation(code: str) -> str | None:
    code = normalize(code)
    if not has_explanation(code):
        return None
    with open(_path(code), encoding="utf-8") as f:
        return f.read()


def _path(code: str) -> str:
    return os.path.join(_HERE, f"{code}.md")
