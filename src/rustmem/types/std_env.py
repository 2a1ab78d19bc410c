"""Loading the std stubs (`types/std/*.rs`): parsed and collected once per process.

Each file is one module of `std` (`mem.rs` is `std::mem`); `prelude.rs` holds the `pub use`
lines naming what every program has in scope.  The result is an `ItemTables` that every
crate's `TyCtxt` forks.
"""
from __future__ import annotations

import os
from typing import Optional

from ..diagnostics import CompileError, Diagnostic
from ..source import SourceFile
from .collect import Collector
from .ctxt import ItemTables, Module

STD_DIR = os.path.join(os.path.dirname(__file__), "std")

_TABLES: Optional[ItemTables] = None


def std_tables() -> ItemTables:
    """The collected std stubs, built on first use."""
    global _TABLES
    if _TABLES is None:
        _TABLES = _load()
    return _TABLES


def _load() -> ItemTables:
    from ..syntax import parse

    tables = ItemTables()
    root = Module("std", "std", None, True)
    tables.std_root = root
    diags: list[Diagnostic] = []
    collector = Collector(tables, root, True, diags)
    prelude: Optional[Module] = None
    for name in sorted(os.listdir(STD_DIR)):
        if not name.endswith(".rs"):
            continue
        path = os.path.join(STD_DIR, name)
        with open(path, encoding="utf-8") as f:
            source = SourceFile(f"std/{name}", f.read())
        try:
            crate = parse(source)
        except CompileError as e:  # a broken stub must not take the checker down
            diags.extend(e.diagnostics)
            continue
        mod_name = name[:-3]
        module = Module(mod_name, f"std::{mod_name}", root, True)
        root.types[mod_name] = module
        collector.declare(module, crate.items, f"{mod_name}::")
        if mod_name == "prelude":
            prelude = module
    collector.resolve_uses()
    if prelude is not None:  # before lowering: the stubs themselves rely on the prelude
        names = set(prelude.types) | set(prelude.values)
        tables.prelude = {n: (prelude.types.get(n), prelude.values.get(n)) for n in names}
    collector.lower_all()
    tables.std_diagnostics = diags  # type: ignore[attr-defined]
    return tables
