"""String, str and char.  A String is a Vec<u8> ([ptr, cap, len]); its methods grow the
buffer as RawVec does.  Text operations read the bytes as Python text and write back."""
from __future__ import annotations

from typing import Any, Callable

from ...types import ty as T
from ..errors import RustPanic
from ..fmtargs import display_text
from ..memory import Ptr
from ..values import (buffer_list, grow, new_string, none, ok, err, read_str, some, str_ptr, string_text, str_of)
from . import intrinsic
from .iter import PyIter


def text(m: Any, a: list, info: Any, i: int = 0) -> str:
    """The text of argument i (a &str, &String, String, ... by its type)."""
    return str_of(m, a[i], info.arg_tys[i])


def push_str(m: Any, s: list, t: str) -> None:
    data = list(t.encode("utf-8"))
    if not data:
        return
    if s[2] + len(data) > s[1]:
        grow(m, s, T.U8, s[2] + len(data))
    buf, base = buffer_list(m, s)
    buf[base + s[2]:base + s[2] + len(data)] = data
    s[2] += len(data)


def set_text(m: Any, s: list, t: str) -> None:
    """Replace a String's contents in place (same buffer when it fits)."""
    data = list(t.encode("utf-8"))
    if len(data) > s[1]:
        grow(m, s, T.U8, len(data))
    if data:
        buf, base = buffer_list(m, s)
        buf[base:base + len(data)] = data
    s[2] = len(data)


def pattern(m: Any, v: Any, ty: Any) -> Callable[[str], bool] | str:
    """A str Pattern: a char, a &str/&String (substring), a closure or a set of chars."""
    if isinstance(ty, T.Char):
        return v
    if isinstance(ty, T.Ref) and isinstance(ty.inner, (T.Str, T.Adt, T.Ref)):
        return str_of(m, v, ty)
    if isinstance(ty, (T.Array,)):
        chars = set(v)
        return lambda c: c in chars
    if isinstance(ty, T.Ref) and isinstance(ty.inner, (T.Slice, T.Array)):
        from .vec import items, slice_of
        chars = set(items(m, slice_of(m, v, ty)))
        return lambda c: c in chars
    return lambda c: bool(m.call_value(v, ty, [c]))


def _find(s: str, pat: Any, rev: bool = False) -> tuple[int, int] | None:
    """(char index, char length) of the first (last) match."""
    if isinstance(pat, str):
        i = s.rfind(pat) if rev else s.find(pat)
        return None if i < 0 else (i, len(pat))
    rng = range(len(s) - 1, -1, -1) if rev else range(len(s))
    for i in rng:
        if pat(s[i]):
            return i, 1
    return None


def _split(s: str, pat: Any) -> list[str]:
    if isinstance(pat, str):
        return s.split(pat) if pat else [""] + list(s) + [""]
    out, cur = [], []
    for c in s:
        if pat(c):
            out.append("".join(cur))
            cur = []
        else:
            cur.append(c)
    out.append("".join(cur))
    return out


def byte_index(s: str, char_index: int) -> int:
    return len(s[:char_index].encode("utf-8"))


def sub_str(m: Any, base: Ptr, whole: str, start_char: int, end_char: int) -> Ptr:
    """A &str into the same bytes as `base` covering chars [start_char, end_char)."""
    b0 = byte_index(whole, start_char)
    b1 = byte_index(whole, end_char)
    return base.offset(b0).with_meta(b1 - b0)


def self_str(m: Any, a: list, info: Any) -> tuple[Ptr, str]:
    """The receiver as (&str pointer, text)."""
    ty = info.arg_tys[0]
    v = a[0]
    while isinstance(ty, T.Ref) and not isinstance(ty.inner, T.Str):
        v, ty = m.mem.load(v), ty.inner
    if isinstance(ty, T.Adt):
        p = str_ptr(m, v)
    else:
        p = v
    return p, read_str(m, p)


# ---------------------------------------------------------------- String

@intrinsic("String::new")
def string_new(m: Any, a: list, info: Any) -> Any:
    return new_string(m, "")


@intrinsic("String::with_capacity")
def string_with_capacity(m: Any, a: list, info: Any) -> Any:
    return new_string(m, "", a[0])


@intrinsic("String::from", "<String as From>::from", "str::to_string", "<str as ToString>::to_string",
           "str::to_owned", "<String as FromStr>::from_str", "str::into_string", "<& as Into>::into")
def string_from(m: Any, a: list, info: Any) -> Any:
    ty = info.arg_tys[0]
    if isinstance(ty, T.Char):
        return new_string(m, a[0])
    return new_string(m, text(m, a, info))


@intrinsic("ToString::to_string", "<T as ToString>::to_string", "<* as ToString>::to_string")
def to_string(m: Any, a: list, info: Any) -> Any:
    return new_string(m, display_text(m, a[0], info.arg_tys[0]))


@intrinsic("String::push_str", "<String as AddAssign>::add_assign", "<String as Extend>::extend")
def string_push_str(m: Any, a: list, info: Any) -> Any:
    s = m.mem.load(a[0])
    if info.key.endswith("extend"):
        from .iter import make_iter, _drain, _text
        push_str(m, s, "".join(_text(m, x) for x in _drain(make_iter(m, a[1], info.arg_tys[1]))))
    else:
        push_str(m, s, text(m, a, info, 1))
    return ()


@intrinsic("<String as Add>::add")
def string_add(m: Any, a: list, info: Any) -> Any:
    s = a[0]
    push_str(m, s, text(m, a, info, 1))
    return s


@intrinsic("String::push")
def string_push(m: Any, a: list, info: Any) -> Any:
    push_str(m, m.mem.load(a[0]), a[1])
    return ()


@intrinsic("String::pop")
def string_pop(m: Any, a: list, info: Any) -> Any:
    s = m.mem.load(a[0])
    t = string_text(m, s)
    if not t:
        return none()
    s[2] -= len(t[-1].encode("utf-8"))
    return some(t[-1])


@intrinsic("String::as_str", "String::as_mut_str", "<String as Deref>::deref", "<String as DerefMut>::deref_mut",
           "<String as AsRef>::as_ref", "<String as Borrow>::borrow", "str::as_str")
def string_as_str(m: Any, a: list, info: Any) -> Any:
    return self_str(m, a, info)[0]


@intrinsic("String::clear")
def string_clear(m: Any, a: list, info: Any) -> Any:
    m.mem.load(a[0])[2] = 0
    return ()


@intrinsic("String::truncate")
def string_truncate(m: Any, a: list, info: Any) -> Any:
    s = m.mem.load(a[0])
    if a[1] < s[2]:
        s[2] = a[1]
    return ()


@intrinsic("String::insert", "String::insert_str")
def string_insert(m: Any, a: list, info: Any) -> Any:
    s = m.mem.load(a[0])
    data = string_text(m, s).encode("utf-8")
    ins = a[2] if isinstance(a[2], str) else text(m, a, info, 2)
    set_text(m, s, (data[:a[1]] + ins.encode("utf-8") + data[a[1]:]).decode("utf-8"))
    return ()


@intrinsic("String::remove")
def string_remove(m: Any, a: list, info: Any) -> Any:
    s = m.mem.load(a[0])
    data = string_text(m, s).encode("utf-8")
    rest = data[a[1]:].decode("utf-8")
    if not rest:
        raise RustPanic("cannot remove a char from the end of a string")
    c = rest[0]
    set_text(m, s, (data[:a[1]] + rest[1:].encode("utf-8")).decode("utf-8"))
    return c


@intrinsic("String::into_bytes", "String::as_mut_vec")
def string_into_bytes(m: Any, a: list, info: Any) -> Any:
    return a[0]


@intrinsic("String::from_utf8")
def string_from_utf8(m: Any, a: list, info: Any) -> Any:
    v = a[0]
    from ..values import read_bytes
    try:
        bytes(read_bytes(m, v[0], v[2])).decode("utf-8")
        return ok(v)
    except UnicodeError:
        return err([v])


@intrinsic("String::from_utf8_unchecked")
def string_from_utf8_unchecked(m: Any, a: list, info: Any) -> Any:
    return a[0]


@intrinsic("<String as Index>::index", "<str as Index>::index", "str::get")
def string_index(m: Any, a: list, info: Any) -> Any:
    from .vec import range_bounds
    p, t = self_str(m, a, info)
    n = p.meta or 0
    try:
        start, end = range_bounds(m, a[1], info.arg_tys[1], n, check=False)
    except RustPanic:
        if info.key == "str::get":
            return none()
        raise
    problem = None
    if start > n:
        problem = f"byte index {start} is out of bounds of `{t}`"
    elif end > n:
        problem = f"end byte index {end} is out of bounds of `{t}`"
    elif start > end:
        problem = f"begin > end ({start} > {end}) when slicing `{t}`"
    if problem is not None:
        if info.key == "str::get":
            return none()
        raise RustPanic(problem)
    data = t.encode("utf-8")
    for what, k in (("start", start), ("end", end)):
        if 0 < k < len(data) and (data[k] & 0xC0) == 0x80:
            if info.key == "str::get":
                return none()
            lo = k
            while lo > 0 and (data[lo] & 0xC0) == 0x80:
                lo -= 1
            ch = data[lo:].decode("utf-8", "replace")[0]
            hi = lo + len(ch.encode("utf-8"))
            raise RustPanic(f"{what} byte index {k} is not a char boundary; it is inside {ch!r} (bytes {lo}..{hi}) of `{t}`")
    r = p.offset(start).with_meta(end - start)
    return some(r) if info.key == "str::get" else r


@intrinsic("String::retain")
def string_retain(m: Any, a: list, info: Any) -> Any:
    s = m.mem.load(a[0])
    keep = "".join(c for c in string_text(m, s) if m.call_value(a[1], info.arg_tys[1], [c]))
    set_text(m, s, keep)
    return ()


@intrinsic("String::split_off")
def string_split_off(m: Any, a: list, info: Any) -> Any:
    s = m.mem.load(a[0])
    data = string_text(m, s).encode("utf-8")
    set_text(m, s, data[:a[1]].decode())
    return new_string(m, data[a[1]:].decode())


@intrinsic("String::leak", "String::into_boxed_str")
def string_leak(m: Any, a: list, info: Any) -> Any:
    s = a[0]
    if info.key == "String::leak" and s[0].alloc is not None:
        s[0].alloc.leaked = True
    return str_ptr(m, s)


# ---------------------------------------------------------------- str

class CharsIter(PyIter):
    """str::Chars: the chars of a &str, remembering the bytes they came from (`as_str`)."""

    def __init__(self, m: Any, p: Ptr, text: str) -> None:
        super().__init__(m, list(text))
        self.p, self.text = p, text

    def as_str(self) -> Ptr:
        return sub_str(self.m, self.p, self.text, self.i, self.end)

    def clone(self) -> "CharsIter":
        c = CharsIter(self.m, self.p, self.text)
        c.i, c.end = self.i, self.end
        return c


@intrinsic("str::chars")
def str_chars(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    return CharsIter(m, p, t)


@intrinsic("Chars::as_str")
def chars_as_str(m: Any, a: list, info: Any) -> Any:
    return m.mem.load(a[0]).as_str()


@intrinsic("str::char_indices")
def str_char_indices(m: Any, a: list, info: Any) -> Any:
    t = self_str(m, a, info)[1]
    out, b = [], 0
    for c in t:
        out.append([b, c])
        b += len(c.encode("utf-8"))
    return PyIter(m, out)


@intrinsic("str::bytes", "str::as_bytes", "String::as_bytes")
def str_bytes(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    if info.key.endswith("bytes") and info.key.startswith("str::bytes"):
        return PyIter(m, list(t.encode("utf-8")))
    return p


def _pieces(m: Any, p: Ptr, t: str, parts: list[str], seps: list[int]) -> list[Ptr]:
    """&str pointers for consecutive parts of t separated by separators of the given char lengths."""
    out, pos = [], 0
    for i, part in enumerate(parts):
        out.append(sub_str(m, p, t, pos, pos + len(part)))
        pos += len(part) + (seps[i] if i < len(seps) else 0)
    return out


@intrinsic("str::split", "str::split_terminator")
def str_split(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    pat = pattern(m, a[1], info.arg_tys[1])
    parts = _split(t, pat)
    if info.key.endswith("terminator") and parts and parts[-1] == "":
        parts.pop()
    seplen = len(pat) if isinstance(pat, str) else 1
    return PyIter(m, _pieces(m, p, t, parts, [seplen] * len(parts)))


@intrinsic("str::splitn")
def str_splitn(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    pat = pattern(m, a[2], info.arg_tys[2])
    parts = _split(t, pat)
    n = a[1]
    seplen = len(pat) if isinstance(pat, str) else 1
    if n and len(parts) > n:
        joiner = pat if isinstance(pat, str) else None
        if joiner is not None:
            parts = parts[:n - 1] + [joiner.join(parts[n - 1:])]
    return PyIter(m, _pieces(m, p, t, parts, [seplen] * len(parts)))


@intrinsic("str::split_whitespace")
def str_split_whitespace(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    out, i = [], 0
    while i < len(t):
        if t[i].isspace():
            i += 1
            continue
        j = i
        while j < len(t) and not t[j].isspace():
            j += 1
        out.append(sub_str(m, p, t, i, j))
        i = j
    return PyIter(m, out)


@intrinsic("str::lines")
def str_lines(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    out, pos = [], 0
    for line in t.split("\n"):
        end = pos + len(line)
        content = line[:-1] if line.endswith("\r") else line
        out.append(sub_str(m, p, t, pos, pos + len(content)))
        pos = end + 1
    if t.endswith("\n") or t == "":
        out.pop()
    return PyIter(m, out)


@intrinsic("str::split_once", "str::rsplit_once")
def str_split_once(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    pat = pattern(m, a[1], info.arg_tys[1])
    hit = _find(t, pat, rev=info.key.startswith("str::rsplit"))
    if hit is None:
        return none()
    i, n = hit
    return some([sub_str(m, p, t, 0, i), sub_str(m, p, t, i + n, len(t))])


@intrinsic("str::trim", "str::trim_start", "str::trim_end")
def str_trim(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    start, end = 0, len(t)
    if not info.key.endswith("end"):
        while start < end and t[start].isspace():
            start += 1
    if not info.key.endswith("start"):
        while end > start and t[end - 1].isspace():
            end -= 1
    return sub_str(m, p, t, start, end)


@intrinsic("str::trim_matches", "str::trim_start_matches", "str::trim_end_matches")
def str_trim_matches(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    pat = pattern(m, a[1], info.arg_tys[1])
    start, end = 0, len(t)
    if isinstance(pat, str) and len(pat) != 1:
        if not info.key.startswith("str::trim_end"):
            while pat and t.startswith(pat, start, end):
                start += len(pat)
        if not info.key.startswith("str::trim_start"):
            while pat and end - len(pat) >= start and t[end - len(pat):end] == pat:
                end -= len(pat)
        return sub_str(m, p, t, start, end)
    ok_ = (lambda c: c == pat) if isinstance(pat, str) else pat
    if not info.key.startswith("str::trim_end"):
        while start < end and ok_(t[start]):
            start += 1
    if not info.key.startswith("str::trim_start"):
        while end > start and ok_(t[end - 1]):
            end -= 1
    return sub_str(m, p, t, start, end)


@intrinsic("str::strip_prefix", "str::strip_suffix")
def str_strip(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    pat = pattern(m, a[1], info.arg_tys[1])
    if not isinstance(pat, str):
        pat = t[0] if t and pat(t[0]) else None if info.key.endswith("prefix") else (t[-1] if t and pat(t[-1]) else None)
        if pat is None:
            return none()
    if info.key.endswith("prefix"):
        return some(sub_str(m, p, t, len(pat), len(t))) if t.startswith(pat) else none()
    return some(sub_str(m, p, t, 0, len(t) - len(pat))) if t.endswith(pat) else none()


@intrinsic("str::starts_with", "str::ends_with", "str::contains")
def str_starts_with(m: Any, a: list, info: Any) -> Any:
    t = self_str(m, a, info)[1]
    pat = pattern(m, a[1], info.arg_tys[1])
    if isinstance(pat, str):
        if info.key.endswith("starts_with"):
            return t.startswith(pat)
        if info.key.endswith("ends_with"):
            return t.endswith(pat)
        return pat in t
    if info.key.endswith("starts_with"):
        return bool(t) and pat(t[0])
    if info.key.endswith("ends_with"):
        return bool(t) and pat(t[-1])
    return any(pat(c) for c in t)


@intrinsic("str::find", "str::rfind")
def str_find(m: Any, a: list, info: Any) -> Any:
    t = self_str(m, a, info)[1]
    hit = _find(t, pattern(m, a[1], info.arg_tys[1]), rev=info.key == "str::rfind")
    return none() if hit is None else some(byte_index(t, hit[0]))


@intrinsic("str::replace", "str::replacen")
def str_replace(m: Any, a: list, info: Any) -> Any:
    t = self_str(m, a, info)[1]
    pat = pattern(m, a[1], info.arg_tys[1])
    to = text(m, a, info, 2)
    count = a[3] if info.key == "str::replacen" else -1
    if isinstance(pat, str):
        return new_string(m, t.replace(pat, to, count))
    out, n = [], 0
    for c in t:
        if pat(c) and (count < 0 or n < count):
            out.append(to)
            n += 1
        else:
            out.append(c)
    return new_string(m, "".join(out))


@intrinsic("str::to_uppercase", "str::to_lowercase", "str::to_ascii_uppercase", "str::to_ascii_lowercase")
def str_case(m: Any, a: list, info: Any) -> Any:
    t = self_str(m, a, info)[1]
    if "ascii" in info.key:
        table = str.maketrans("abcdefghijklmnopqrstuvwxyz", "ABCDEFGHIJKLMNOPQRSTUVWXYZ")
        if "lower" in info.key:
            table = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
        return new_string(m, t.translate(table))
    return new_string(m, t.upper() if "upper" in info.key else t.lower())


@intrinsic("str::repeat")
def str_repeat(m: Any, a: list, info: Any) -> Any:
    return new_string(m, self_str(m, a, info)[1] * a[1])


@intrinsic("str::is_char_boundary")
def str_is_char_boundary(m: Any, a: list, info: Any) -> Any:
    t = self_str(m, a, info)[1].encode("utf-8")
    i = a[1]
    return i == 0 or i == len(t) or (i < len(t) and (t[i] & 0xC0) != 0x80)


@intrinsic("str::split_at")
def str_split_at(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    i = a[1]
    return [p.with_meta(i), p.offset(i).with_meta((p.meta or 0) - i)]


@intrinsic("str::matches")
def str_matches(m: Any, a: list, info: Any) -> Any:
    p, t = self_str(m, a, info)
    pat = pattern(m, a[1], info.arg_tys[1])
    out = []
    if isinstance(pat, str):
        i = t.find(pat)
        while i >= 0 and pat:
            out.append(sub_str(m, p, t, i, i + len(pat)))
            i = t.find(pat, i + len(pat))
    else:
        out = [sub_str(m, p, t, i, i + 1) for i, c in enumerate(t) if pat(c)]
    return PyIter(m, out)


@intrinsic("str::parse")
def str_parse(m: Any, a: list, info: Any) -> Any:
    t = self_str(m, a, info)[1]
    target = info.ty("F") or (info.ret_ty.args[0] if isinstance(info.ret_ty, T.Adt) and info.ret_ty.args else None)
    if isinstance(target, T.Int):
        from ..tys import INT_RANGES
        lo, hi = INT_RANGES[target.kind]
        s = t[1:] if t.startswith("+") else t
        if not s or not (s.isdigit() or (s[0] == "-" and s[1:].isdigit() and lo < 0)) or not s.isascii():
            kind = "Empty" if not t else "InvalidDigit"
            return err([_int_error_kind(kind)])
        v = int(s)
        if v > hi:
            return err([_int_error_kind("PosOverflow")])
        if v < lo:
            return err([_int_error_kind("NegOverflow")])
        return ok(v)
    if isinstance(target, T.Float):
        try:
            if t.strip() != t or t.lower() in ("infinity", "-infinity", "+infinity") or "_" in t:
                raise ValueError(t)
            return ok(float(t))
        except ValueError:
            return err([[0 if not t else 1]])  # ParseFloatError { kind: Empty | Invalid }
    if isinstance(target, T.Bool):
        return ok(t == "true") if t in ("true", "false") else err([])
    if isinstance(target, T.Char):
        return ok(t) if len(t) == 1 else err([[]])
    if isinstance(target, T.Adt) and target.adt.lang == "String":
        return ok(new_string(m, t))
    raise NotImplementedError(f"parse::<{target}>")


INT_ERROR_KINDS = ["Empty", "InvalidDigit", "PosOverflow", "NegOverflow", "Zero"]


def _int_error_kind(kind: str) -> list:
    return [INT_ERROR_KINDS.index(kind)]


@intrinsic("str::is_ascii")
def str_is_ascii(m: Any, a: list, info: Any) -> Any:
    return self_str(m, a, info)[1].isascii()


@intrinsic("str::eq_ignore_ascii_case")
def str_eq_ignore_ascii_case(m: Any, a: list, info: Any) -> Any:
    return self_str(m, a, info)[1].lower() == text(m, a, info, 1).lower()

