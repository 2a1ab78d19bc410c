"""`record`: dataclass-like classes that cost almost nothing to define.

rustmem declares a few hundred node, type and MIR classes, and the standard `dataclasses`
decorator generates and `exec`s each class's methods at import time — on a short `rustmem
check` that was the largest single cost of start-up.  `record` builds the class (with
`__slots__` when asked) at once; `__eq__` and `__hash__` compare a C `attrgetter` of the
fields and `__repr__` is shared, so nothing is compiled for them, and the one generated
method, `__init__`, is written (one small `exec`) when the class is first instantiated.  Only
classes that a run instantiates pay anything.

Semantics follow `dataclasses` for what rustmem uses: fields from annotations in order (base
records' fields first), defaults and `field(default_factory=...)`, `eq` (value equality, and a
value hash when `frozen`), `frozen` (assignment raises `FrozenInstanceError`), `slots`, and
pickling of slotted and frozen instances.  `fields(obj)` and `replace(obj, **changes)` are the
introspection helpers.
"""
from __future__ import annotations

from operator import attrgetter
from typing import Any, Callable

__all__ = ["record", "field", "fields", "replace", "is_record", "FrozenInstanceError"]

_MISSING: Any = object()


class FrozenInstanceError(AttributeError):
    pass


class _FieldSpec:
    __slots__ = ("default", "default_factory")

    def __init__(self, default: Any, default_factory: Any) -> None:
        self.default = default
        self.default_factory = default_factory


def field(*, default: Any = _MISSING, default_factory: Callable[[], Any] = _MISSING) -> Any:
    """A field's default (a value, or a factory called per instance)."""
    return _FieldSpec(default, default_factory)


def fields(obj_or_cls: Any) -> tuple[str, ...]:
    """The field names of a record (instance or class), in `__init__` order."""
    return getattr(obj_or_cls, "__record_fields__")


def is_record(obj: Any) -> bool:
    return hasattr(type(obj), "__record_fields__") or hasattr(obj, "__record_fields__")


def replace(obj: Any, **changes: Any) -> Any:
    """A copy of obj with some fields changed."""
    kwargs = {name: getattr(obj, name) for name in fields(obj)}
    kwargs.update(changes)
    return type(obj)(**kwargs)


def record(cls: Any = None, /, *, frozen: bool = False, eq: bool = True, slots: bool = True) -> Any:
    """Decorate a class whose annotated class attributes are its fields."""

    def wrap(cls: Any) -> Any:
        return _build(cls, frozen, eq, slots)

    return wrap if cls is None else wrap(cls)


def _build(cls: Any, frozen: bool, eq: bool, slots: bool) -> Any:
    ns = dict(cls.__dict__)
    own = [n for n, t in ns.get("__annotations__", {}).items() if not str(t).startswith(("ClassVar", "typing.ClassVar"))]
    defaults: dict[str, Any] = {}
    for base in reversed(cls.__mro__[1:]):
        defaults.update(getattr(base, "__record_defaults__", {}))
    inherited = [n for base in reversed(cls.__mro__[1:]) for n in getattr(base, "__record_fields__", ())]
    names = list(dict.fromkeys(inherited + own))
    for n in own:
        if n in ns:
            defaults[n] = ns.pop(n)
    if slots:
        ns["__slots__"] = tuple(n for n in own if n not in inherited)
    ns.pop("__dict__", None)  # the new class makes its own descriptors
    ns.pop("__weakref__", None)
    new = type(cls)(cls.__name__, cls.__bases__, ns)
    new.__record_fields__ = tuple(names)
    new.__record_defaults__ = defaults
    new.__record_options__ = (frozen, eq)
    new.__match_args__ = tuple(names)
    own_methods = {name for name in ("__init__", "__repr__", "__eq__", "__hash__") if name in ns}
    if "__init__" not in own_methods:
        new.__init__ = _lazy_init(new)
    if "__repr__" not in own_methods:
        new.__repr__ = _repr
    if eq:
        if "__eq__" not in own_methods:
            new.__eq__, value_hash = _value_methods(names)
        else:
            value_hash = _value_methods(names)[1]
        if frozen and ns.get("__hash__", None) is None:
            new.__hash__ = value_hash
        elif not frozen and "__hash__" not in ns:
            new.__hash__ = None
    if frozen:
        new.__setattr__ = _frozen_setattr
        new.__delattr__ = _frozen_delattr
    if slots or frozen:
        new.__getstate__ = _getstate
        new.__setstate__ = _setstate
    return new


def _value_methods(names: tuple[str, ...] | list[str]) -> tuple[Any, Any]:
    """`__eq__` and `__hash__` over the fields' values (a C attrgetter: nothing to compile)."""
    if not names:
        return (lambda self, other: True if other.__class__ is self.__class__ else NotImplemented,
                lambda self: hash(()))
    values = attrgetter(*names)

    def __eq__(self: Any, other: Any) -> Any:
        if other is self:
            return True
        if other.__class__ is self.__class__:
            return values(self) == values(other)
        return NotImplemented

    def __hash__(self: Any) -> int:
        return hash(values(self))

    return __eq__, __hash__


def _repr(self: Any) -> str:
    fields = ", ".join(f"{n}={getattr(self, n)!r}" for n in self.__record_fields__)
    return f"{self.__class__.__qualname__}({fields})"


def _lazy_init(cls: Any) -> Any:
    """A stand-in `__init__` that writes the class's real one on first call, then defers to it."""

    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        _write_init(cls)
        cls.__init__(self, *args, **kwargs)

    __init__._record_stub = True  # type: ignore[attr-defined]
    return __init__


def _write_init(cls: Any) -> None:
    if not getattr(cls.__dict__.get("__init__"), "_record_stub", False):
        return
    names = cls.__record_fields__
    defaults = cls.__record_defaults__
    frozen, _ = cls.__record_options__
    env: dict[str, Any] = {"_MISSING": _MISSING, "_set": object.__setattr__}
    params, body = [], []
    for n in names:
        d = defaults.get(n, _MISSING)
        if isinstance(d, _FieldSpec) and d.default_factory is not _MISSING:
            env[f"_f_{n}"] = d.default_factory
            params.append(f"{n}=_MISSING")
            value = f"_f_{n}() if {n} is _MISSING else {n}"
        else:
            if isinstance(d, _FieldSpec):
                d = d.default
            if d is not _MISSING:
                env[f"_d_{n}"] = d
                params.append(f"{n}=_d_{n}")
            else:
                params.append(n)
            value = n
        body.append(f"_set(self, {n!r}, {value})" if frozen else f"self.{n} = {value}")
    if hasattr(cls, "__post_init__"):
        body.append("self.__post_init__()")
    src = [f"def __init__(self, {', '.join(params)}):", *("    " + b for b in body or ["pass"])]
    exec(_compiled("\n".join(src)), env)  # noqa: S102 - generated from the class's own field names
    cls.__init__ = env["__init__"]


# ---------------------------------------------------------------- compiled __init__s, kept on disk
# Compiling the `__init__`s a run needs costs more than a short `rustmem check` spends on
# anything else but the std stubs, and the same sources come back every run: their code
# objects are kept (marshal, keyed by source text, so never stale) next to the std cache.

_CODE: dict[str, Any] | None = None
_CODE_NEW = False
_CODE_USED: set[str] = set()  # the sources this process needed


def _compiled(source: str) -> Any:
    global _CODE, _CODE_NEW
    if _CODE is None:
        _CODE = _read_code_cache()
    _CODE_USED.add(source)
    code = _CODE.get(source)
    if code is None:
        code = _CODE[source] = compile(source, "<record>", "exec")
        if not _CODE_NEW:
            _CODE_NEW = True
            import atexit

            atexit.register(_write_code_cache)
    return code


def _code_cache_path() -> str:
    import os
    import sys

    base = os.environ.get("RUSTMEM_CACHE_DIR") or os.path.join(
        os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache"), "rustmem")
    version = "-".join(map(str, sys.version_info[:3]))
    return os.path.join(base, f"records-{sys.implementation.cache_tag}-{version}.marshal")


def _read_code_cache() -> dict[str, Any]:
    import marshal

    try:
        with open(_code_cache_path(), "rb") as f:
            table = marshal.load(f)
    except Exception:  # missing or unreadable: compile as needed
        return {}
    return table if isinstance(table, dict) else {}


def _write_code_cache() -> None:
    import marshal
    import os

    table = _CODE or {}
    if len(table) > 2000:  # sources of old field lists pile up: keep what this run needed
        table = {src: table[src] for src in _CODE_USED}
    path = _code_cache_path()
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        tmp = f"{path}.{os.getpid()}.tmp"
        with open(tmp, "wb") as f:
            marshal.dump(table, f)
        os.replace(tmp, path)
    except Exception:  # a read-only home: compile again next time
        pass


def _frozen_setattr(self: Any, name: str, value: Any) -> None:
    raise FrozenInstanceError(f"cannot assign to field {name!r}")


def _frozen_delattr(self: Any, name: str) -> None:
    raise FrozenInstanceError(f"cannot delete field {name!r}")


def _getstate(self: Any) -> dict[str, Any]:
    state = {n: getattr(self, n) for n in self.__record_fields__ if hasattr(self, n)}
    state.update(getattr(self, "__dict__", None) or {})
    return state


def _setstate(self: Any, state: dict[str, Any]) -> None:
    for name, value in state.items():
        object.__setattr__(self, name, value)
