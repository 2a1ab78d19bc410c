"""Loading the std stubs (`types/std/*.rs`): parsed and collected once per process.

Each file is one module of `std` (`mem.rs` is `std::mem`); `prelude.rs` holds the `pub use`
lines naming what every program has in scope.  The result is an `ItemTables` that every
crate's `TyCtxt` forks.

Parsing and collecting some seven thousand lines of stubs takes a second or two, far more
than checking a program, so the collected tables are also pickled to a cache file keyed by
the stubs' and the front-end's files (name, size, mtime); a later process unpickles them in
a fraction of that time.  The definitions keep no AST of the stubs (only what lowering a
use needs), which keeps the pickle small.
"""
from __future__ import annotations

import gc
import os
import pickle
import sys
import zlib
from typing import Any, Optional

from ..diagnostics import CompileError, Diagnostic
from ..source import SourceFile
from .collect import Collector
from .ctxt import ItemTables, Module
from .ty import FnDef, FnSig, ImplDef, fold

STD_DIR = os.path.join(os.path.dirname(__file__), "std")
_PACKAGE = os.path.dirname(os.path.dirname(__file__))
# what the pickled definitions are made of: the stubs, and the classes of types/, syntax/ and
# the package root (Span, SourceFile, Diagnostic)
_CODE_DIRS = (STD_DIR, os.path.dirname(__file__), os.path.join(_PACKAGE, "syntax"), _PACKAGE)

_TABLES: Optional[ItemTables] = None


def std_tables() -> ItemTables:
    """The collected std stubs, built (or read from the cache) on first use."""
    global _TABLES
    if _TABLES is None:
        key = _cache_key()
        _TABLES = _read_cache(key)
        if _TABLES is None:
            _TABLES = _load()
            _write_cache(key, _TABLES)
        # the std definitions live as long as the process: keep the collector from rescanning them
        gc.freeze()
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
    _strip(collector)
    tables.std_diagnostics = diags  # type: ignore[attr-defined]
    return tables


class GenericsOnly:
    """What remains of a std item's AST: its generics (for default type arguments)."""

    __slots__ = ("generics",)

    def __init__(self, generics: Any) -> None:
        self.generics = generics

    def __getstate__(self) -> Any:
        return self.generics

    def __setstate__(self, state: Any) -> None:
        self.generics = state


def _strip(collector: Collector) -> None:
    """Drop what later stages never read of the stubs (their AST, the spans of their functions)
    and share equal types and empty containers, so the cache holds few objects."""
    interned: dict[Any, Any] = {}
    empty_list: list[Any] = []
    empty_dict: dict[Any, Any] = {}

    def intern(t: Any) -> Any:
        return _intern_deep(t, interned)

    def fn_(fn: FnDef) -> None:
        fn.ast = None
        fn.span = None
        fn.sig = FnSig([intern(t) for t in fn.sig.inputs], intern(fn.sig.output), fn.sig.is_unsafe)
        fn.params = fn.params or empty_list
        fn.lifetimes = fn.lifetimes or empty_list
        fn.bounds = [(intern(a), b, tuple(intern(x) for x in c)) for a, b, c in fn.bounds] or empty_list

    def impl_(impl: ImplDef) -> None:
        impl.ast = None
        impl.span = None
        impl.self_ty = intern(impl.self_ty)
        impl.trait_args = tuple(intern(a) for a in impl.trait_args)
        impl.params = impl.params or empty_list
        impl.lifetimes = impl.lifetimes or empty_list
        impl.assoc_types = {k: intern(v) for k, v in impl.assoc_types.items()} or empty_dict
        impl.consts = impl.consts or empty_dict
        for m in impl.methods.values():
            fn_(m)

    for fn, _, _, _ in collector.fns:
        fn_(fn)
    for trait, item, _ in collector.traits:
        trait.ast = GenericsOnly(item.generics)
        for m in trait.methods.values():
            fn_(m)
    for adt, _ in collector.adts:
        adt.ast = GenericsOnly(adt.ast.generics)
    for impls in list(collector.tables.trait_impls.values()) + list(collector.tables.inherent.values()):
        for impl in impls:
            impl_(impl)
    for key, preds in collector.tables.predicates.items():
        for p in preds:
            p.ty = intern(p.ty)
            p.args = tuple(intern(a) for a in p.args)
            p.bindings = {k: intern(v) for k, v in p.bindings.items()} or empty_dict
    for m in collector.modules:
        m.uses = []


def _intern_deep(t: Any, interned: dict[Any, Any]) -> Any:
    """One shared instance per distinct type (children first)."""
    rebuilt = fold(t, lambda x: interned.get(x) if _hashable(x) and x in interned else None)
    return interned.setdefault(rebuilt, rebuilt) if _hashable(rebuilt) else rebuilt


def _hashable(x: Any) -> bool:
    try:
        hash(x)
    except TypeError:
        return False
    return True


# ---------------------------------------------------------------- the on-disk cache

def _cache_key() -> str:
    # a CRC, not a cryptographic hash: it only tells stale caches apart, and hashlib's import
    # alone cost more than the rest of this function
    parts = [sys.version]
    for folder in _CODE_DIRS:
        try:
            names = sorted(os.listdir(folder))
        except OSError:
            continue
        for name in names:
            if name.endswith((".rs", ".py")):
                st = os.stat(os.path.join(folder, name))
                parts.append(f"{folder}/{name}:{st.st_size}:{st.st_mtime_ns};")
    data = "".join(parts).encode()
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def _cache_path(key: str) -> str:
    base = os.environ.get("RUSTMEM_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "rustmem")
    return os.path.join(base, f"std-{key}.pickle")


def _read_cache(key: str) -> Optional[ItemTables]:
    # tens of thousands of objects, none of them garbage: collecting while they are created
    # would only rescan them (it doubled the load time)
    enabled = gc.isenabled()
    gc.disable()
    try:
        with open(_cache_path(key), "rb") as f:
            tables = pickle.load(f)
    except Exception:  # missing, stale or unreadable: rebuild
        return None
    finally:
        if enabled:
            gc.enable()
    return tables if isinstance(tables, ItemTables) else None


def _write_cache(key: str, tables: ItemTables) -> None:
    path = _cache_path(key)
    limit = sys.getrecursionlimit()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        sys.setrecursionlimit(max(limit, 20000))
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            pickle.dump(tables, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        folder = os.path.dirname(path)
        for name in os.listdir(folder):  # caches of older stubs or code are stale for good
            if name.startswith("std-") and name.endswith(".pickle") and name != os.path.basename(path):
                os.remove(os.path.join(folder, name))
    except Exception:  # a read-only home: run without the cache
        pass
    finally:
        sys.setrecursionlimit(limit)
