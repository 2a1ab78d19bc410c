"""Exhaustiveness of `match` and refutability of `let` patterns (E0004, E0005)."""
from __future__ import annotations

from typing import Any


def check_refutability(checker: Any) -> None:
    """Report non-exhaustive matches and refutable patterns in irrefutable positions."""
