"""tree-sitter-rust, loaded once and cheaply.

`import tree_sitter_rust` costs ~18 ms at start-up because the package's `__init__` pulls in
`importlib.resources` for its query files, which rustmem never reads.  The grammar itself
lives in the compiled `_binding` extension module beside it, so we load that file directly
with `ExtensionFileLoader`, falling back to the ordinary import when the layout differs
(another packaging of the wheel, a frozen build).
"""
from __future__ import annotations

import importlib.machinery
import os
import sys
from typing import Any

_PARSER: Any = None


def _binding_module() -> Any:
    """The `tree_sitter_rust._binding` extension module, imported without the package."""
    spec = importlib.machinery.PathFinder.find_spec("tree_sitter_rust")
    locations = list(spec.submodule_search_locations or []) if spec is not None else []
    for folder in locations:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        for name in names:
            if name.startswith("_binding.") and name.endswith(tuple(importlib.machinery.EXTENSION_SUFFIXES)):
                path = os.path.join(folder, name)
                loader = importlib.machinery.ExtensionFileLoader("tree_sitter_rust._binding", path)
                module_spec = importlib.machinery.ModuleSpec("tree_sitter_rust._binding", loader, origin=path)
                module = loader.create_module(module_spec)
                loader.exec_module(module)
                sys.modules.setdefault("tree_sitter_rust._binding", module)
                return module
    import tree_sitter_rust  # the packaged way, slower at start-up

    return tree_sitter_rust


def rust_parser() -> Any:
    """The one `tree_sitter.Parser` for Rust, built on first use."""
    global _PARSER
    if _PARSER is None:
        import tree_sitter

        language = tree_sitter.Language(_binding_module().language())
        _PARSER = tree_sitter.Parser(language)
    return _PARSER
