"""Typed random expressions for the difftest generator: the scopes they read and `println!`.

`ExprGen` builds an expression of a wanted type from what is in scope (see difftest_gen for
the rules that keep programs acceptable to rustc); difftest_gen adds statements and items.
"""
from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from typing import Optional

from difftest_values import FMT_SPECS, INT_RANGE, Val, int_binop, lit_code, wrap_int

INT_TYPES = ("i32", "i64", "u8", "u32", "usize")
DEBUG_TYPES = ("Vec<i32>", "Option<i32>", "Rec", "Shape", "Box<i32>", "(i32, String)", "Vec<Rec>")
WORDS = ("ash", "fig", "kiwi", "delta", "sage", "red", "blue", "x", "", "a b", "quo\"te",
         "tab\there", "line\nbreak", "héllo", "日本", "🦀")


@dataclass
class Var:
    name: str
    ty: str
    mutable: bool
    block: int  # the block that declared it: only that block may move it
    val: Val = field(default_factory=Val.maybe)
    moved: bool = False


@dataclass
class Expr:
    code: str
    val: Val = field(default_factory=Val.maybe)
    atomic: bool = True  # usable as an operand or receiver without parentheses
    typed: bool = True  # False for `{integer}` arithmetic on unsuffixed literals only

    def operand(self) -> str:
        return self.code if self.atomic else f"({self.code})"

    def receiver(self, ty: str) -> str:
        """The expression as a method receiver: a bare literal gets its type suffix, since
        rustc cannot call inherent methods on an `{integer}` or `{float}` of unknown type."""
        m = _BARE_LITERAL.match(self.code)
        if m:
            return f"({m.group(1)}{ty})" if m.group(1).startswith("-") else f"{m.group(1)}{ty}"
        if not self.typed:  # only unsuffixed i32 literals inside: the cast is the identity
            return f"({self.operand()} as {ty})"
        return self.operand()


_BARE_LITERAL = re.compile(r"^\(?(-?[0-9][0-9_.e-]*)\)?$")

class ExprGen:
    """Scopes and typed expressions, from a seeded random source."""

    def __init__(self, seed: int) -> None:
        self.rng = random.Random(seed)
        self.scopes: list[list[Var]] = []
        self.blocks: list[int] = []
        self.next_block = 0
        self.counter = 0
        self.frozen: set[str] = set()
        self.excluded: set[str] = set()  # borrowed `&mut` by the call being generated
        self.int_fns: list[tuple[str, list[str], str]] = []  # name, param types, return type
        self.assigned_outside: set[str] = set()
        self.guard_ids = 0

    # -- scopes -------------------------------------------------------------------
    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"

    def push_scope(self) -> None:
        self.scopes.append([])
        self.next_block += 1
        self.blocks.append(self.next_block)

    def pop_scope(self) -> None:
        self.scopes.pop()
        self.blocks.pop()

    def declare(self, name: str, ty: str, mutable: bool, val: Optional[Val] = None) -> Var:
        var = Var(name, ty, mutable, self.blocks[-1], val or Val.maybe())
        self.scopes[-1].append(var)
        return var

    def visible(self, ty: Optional[str] = None) -> list[Var]:
        return [v for scope in self.scopes for v in scope
                if not v.moved and (ty is None or v.ty == ty) and not v.ty.startswith("closure")
                and v.name not in self.excluded]

    def pick_var(self, ty: str, mutable: bool = False, movable: bool = False) -> Optional[Var]:
        cands = [v for v in self.visible(ty)
                 if (not mutable or (v.mutable and v.name not in self.frozen))
                 and (not movable or (v.block == self.blocks[-1] and v.name not in self.frozen))]
        return self.rng.choice(cands) if cands else None

    def chance(self, p: float) -> bool:
        return self.rng.random() < p

    # -- expressions ----------------------------------------------------------------
    def int_lit(self, ty: str, big: bool = False) -> Expr:
        lo, hi = INT_RANGE[ty]
        if big and self.chance(0.5):
            v = self.rng.choice([hi, hi - self.rng.randrange(50), max(lo, -hi)])
        else:
            v = self.rng.randint(max(lo, -40), 100)
        code = lit_code(v, ty, self.chance(0.4))
        return Expr(code, Val.known(v), typed=code.rstrip(")").endswith(ty))

    def int_expr(self, ty: str, depth: int = 0) -> Expr:
        r = self.rng.random()
        if depth >= 2 or r < 0.25:
            var = self.pick_var(ty)
            if var and self.chance(0.7):
                return Expr(var.name, var.val)
            return self.int_lit(ty, big=self.chance(0.05))
        if r < 0.55:
            return self.int_binop(ty, depth)
        if r < 0.62:
            src = self.rng.choice([t for t in INT_TYPES if t != ty])
            inner = self.int_expr(src, depth + 1)
            val = inner.val.map(lambda v: wrap_int(v, ty))
            source = inner.receiver(src) if not inner.typed else inner.operand()
            return Expr(f"{source} as {ty}", val, atomic=False)
        if r < 0.72:
            return self.int_method(ty, depth)
        if r < 0.80 and self.int_fns:
            cands = [f for f in self.int_fns if f[2] == ty]
            if cands:
                name, params, _ = self.rng.choice(cands)
                args = ", ".join(self.int_expr(p, depth + 1).code for p in params)
                return Expr(f"{name}({args})", Val.opaque())
        if r < 0.88:
            return self.int_from_data(ty, depth)
        if r < 0.93:
            closure = [v for scope in self.scopes for v in scope if v.ty == f"closure:{ty}"]
            if closure:
                c = self.rng.choice(closure)
                return Expr(f"{c.name}({self.int_expr(ty, depth + 1).code})", Val.opaque())
        cond = self.bool_expr(depth + 1)
        a, b = self.int_expr(ty, depth + 1), self.int_expr(ty, depth + 1)
        return Expr(f"if {cond.code} {{ {a.code} }} else {{ {b.code} }}", Val.maybe(), atomic=False,
                    typed=a.typed or b.typed)

    def int_binop(self, ty: str, depth: int) -> Expr:
        op = self.rng.choice(["+", "+", "-", "*", "*", "/", "%", "&", "|", "^", "<<", ">>"])
        a = self.int_expr(ty, depth + 1)
        b = self.int_lit("u32") if op in ("<<", ">>") else self.int_expr(ty, depth + 1)
        if op in ("<<", ">>") and self.chance(0.5):
            shift = self.rng.randrange(8)
            b = Expr(str(shift), Val.known(shift))
        val = int_binop(op, a.val, b.val, ty)
        if val is None:  # rustc would reject it at compile time: keep it well-defined
            if op in ("<<", ">>"):
                return a
            return Expr(f"{a.receiver(ty)}.wrapping_add({b.code})", Val.opaque())
        typed = a.typed or (b.typed and op not in ("<<", ">>"))
        return Expr(f"{a.operand()} {op} {b.operand()}", val, atomic=False, typed=typed)

    def int_method(self, ty: str, depth: int) -> Expr:
        recv = self.int_expr(ty, depth + 1).receiver(ty)
        choices = ["wrapping_add", "wrapping_mul", "min", "max", "saturating_sub", "pow"]
        if ty.startswith("i"):
            choices += ["abs", "signum"]
        m = self.rng.choice(choices)
        if m in ("abs", "signum"):
            return Expr(f"{recv}.{m}()", Val.opaque())
        if m == "pow":
            return Expr(f"{recv}.pow({self.rng.randrange(5)})", Val.opaque())
        return Expr(f"{recv}.{m}({self.int_expr(ty, depth + 1).code})", Val.opaque())

    def int_from_data(self, ty: str, depth: int) -> Expr:
        """An integer read out of a Vec, String, Box, struct, Option or iterator."""
        kinds = []
        vecs = self.visible("Vec<i32>")
        if vecs:
            kinds += ["len", "sum", "count", "max", "get"]
        if self.visible("String"):
            kinds.append("strlen")
        if self.visible("Box<i32>") and ty == "i32":
            kinds.append("box")
        if self.visible("Rec") and ty == "i32":
            kinds.append("field")
        if self.visible("Option<i32>") and ty == "i32":
            kinds.append("unwrap_or")
        if not kinds:
            return self.int_lit(ty)
        kind = self.rng.choice(kinds)
        cast = "" if ty == "usize" else f" as {ty}"
        if kind == "len":
            return Expr(f"{self.rng.choice(vecs).name}.len(){cast}", Val.opaque(), atomic=not cast)
        if kind == "strlen":
            return Expr(f"{self.rng.choice(self.visible('String')).name}.len(){cast}", Val.opaque(), atomic=not cast)
        v = self.rng.choice(vecs).name if vecs else ""
        i32cast = "" if ty == "i32" else f" as {ty}"
        if kind == "sum":
            body = self.rng.choice(["", ".map(|x| x * 2)", ".filter(|x| **x > 3)", ".rev().take(2)", ".skip(1)"])
            return Expr(f"{v}.iter(){body}.sum::<i32>(){i32cast}", Val.opaque(), atomic=not i32cast)
        if kind == "count":
            k = self.rng.randint(-5, 20)
            return Expr(f"{v}.iter().filter(|x| **x > {k}).count(){cast}", Val.opaque(), atomic=not cast)
        if kind == "max":
            fn = self.rng.choice(["max", "min"])
            return Expr(f"*{v}.iter().{fn}().unwrap_or(&0){i32cast}", Val.opaque(), atomic=False)
        if kind == "get":
            return Expr(f"*{v}.get({self.rng.randrange(5)}).unwrap_or(&-1){i32cast}", Val.opaque(), atomic=False)
        if kind == "box":
            return Expr(f"*{self.rng.choice(self.visible('Box<i32>')).name}", Val.maybe(), atomic=False)
        if kind == "field":
            return Expr(f"{self.rng.choice(self.visible('Rec')).name}.id", Val.maybe())
        opt = self.rng.choice(self.visible("Option<i32>")).name
        return Expr(f"{opt}.unwrap_or({self.int_lit('i32').code})", Val.opaque())

    def float_expr(self, depth: int = 0) -> Expr:
        r = self.rng.random()
        if depth >= 2 or r < 0.3:
            var = self.pick_var("f64")
            if var and self.chance(0.6):
                return Expr(var.name)
            lit = self.rng.choice(["0.1", "0.2", "1.5", "2.0", "3.25", "100.0", "1e21", "1e-7",
                                   "0.30000000000000004", "2.675", "-0.0", "7.0", "123456.789"])
            return Expr(lit, atomic=not lit.startswith("-"), typed=False)
        if r < 0.65:
            op = self.rng.choice(["+", "-", "*", "/"])
            a, b = self.float_expr(depth + 1), self.float_expr(depth + 1)
            return Expr(f"{a.operand()} {op} {b.operand()}", atomic=False, typed=a.typed or b.typed)
        if r < 0.8:
            src = self.rng.choice(["i32", "u8", "i64"])
            inner = self.int_expr(src, depth + 1)
            source = inner.receiver(src) if not inner.typed else inner.operand()
            return Expr(f"{source} as f64", atomic=False)
        recv = self.float_expr(depth + 1).receiver("f64")
        m = self.rng.choice(["sqrt()", "abs()", "floor()", "powi(2)", "max(1.0)", "min(0.5)"])
        return Expr(f"{recv}.{m}")

    def bool_expr(self, depth: int = 0) -> Expr:
        r = self.rng.random()
        if r < 0.45 or depth >= 2:
            ty = self.rng.choice(INT_TYPES)
            op = self.rng.choice(["<", ">", "==", "!=", "<=", ">="])
            a, b = self.int_expr(ty, depth + 1), self.int_expr(ty, depth + 1)
            return Expr(f"{a.operand()} {op} {b.operand()}", atomic=False)
        if r < 0.6:
            var = self.pick_var("bool")
            if var:
                return Expr(var.name)
            return Expr(self.rng.choice(["true", "false"]))
        if r < 0.7:
            a, b = self.bool_expr(depth + 1), self.bool_expr(depth + 1)
            return Expr(f"{a.operand()} {self.rng.choice(['&&', '||'])} {b.operand()}", atomic=False)
        if r < 0.78:
            return Expr(f"!{self.bool_expr(depth + 1).operand()}")
        vecs, strs, opts = self.visible("Vec<i32>"), self.visible("String"), self.visible("Option<i32>")
        if vecs and self.chance(0.5):
            v = self.rng.choice(vecs).name
            k = self.rng.randint(-3, 12)
            return Expr(self.rng.choice([f"{v}.is_empty()", f"{v}.contains(&{k})",
                                         f"{v}.iter().any(|x| *x > {k})", f"{v}.iter().all(|x| *x < {k})"]))
        if strs and self.chance(0.5):
            s = self.rng.choice(strs).name
            return Expr(self.rng.choice([f'{s}.contains("a")', f"{s}.is_empty()", f'{s}.starts_with("d")']))
        if opts:
            o = self.rng.choice(opts).name
            return Expr(self.rng.choice([f"{o}.is_some()", f"{o}.is_none()"]))
        return Expr(self.rng.choice(["true", "false"]))

    def str_lit(self) -> str:
        word = self.rng.choice(WORDS)
        return '"' + word.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\t", "\\t") + '"'

    def string_expr(self, depth: int = 0) -> Expr:
        r = self.rng.random()
        strs = self.visible("String")
        if r < 0.3 or depth >= 2:
            return Expr(self.rng.choice([f"String::from({self.str_lit()})", f"{self.str_lit()}.to_string()"]))
        if r < 0.5 and strs:
            s = self.rng.choice(strs).name
            return Expr(self.rng.choice([f"{s}.clone()", f"{s}.to_uppercase()", f"{s}.repeat(2)",
                                         f"{s}.chars().rev().collect::<String>()", f"{s}.trim().to_string()",
                                         f"{s}.clone() + {self.str_lit()}", f"{s}.replace(\"a\", \"o\")"]))
        if r < 0.8:
            return Expr(self.format_macro("format!", depth))
        ty = self.rng.choice(INT_TYPES)
        return Expr(f"{self.int_expr(ty, depth + 1).receiver(ty)}.to_string()")

    def vec_expr(self, depth: int = 0) -> Expr:
        r = self.rng.random()
        if r < 0.4:
            n = self.rng.randrange(5)
            return Expr("vec![" + ", ".join(self.int_expr("i32", 2).code for _ in range(n)) + "]")
        if r < 0.55:
            return Expr(f"vec![{self.int_expr('i32', 2).code}; {self.rng.randrange(4)}]")
        if r < 0.7:
            return Expr(f"({self.rng.randint(-2, 3)}..{self.rng.randint(0, 6)}).collect::<Vec<i32>>()")
        vecs = self.visible("Vec<i32>")
        if vecs:
            v = self.rng.choice(vecs).name
            return Expr(self.rng.choice([f"{v}.clone()", f"{v}.iter().map(|x| x + 1).collect::<Vec<i32>>()",
                                         f"{v}.iter().filter(|x| **x % 2 == 0).cloned().collect::<Vec<i32>>()",
                                         f"{v}.iter().rev().cloned().collect()"]))
        return Expr("Vec::new()")

    def option_expr(self, depth: int = 0) -> Expr:
        r = self.rng.random()
        if r < 0.35:
            e = self.int_expr("i32", depth + 1)
            return Expr(f"Some({e.code if e.typed else e.receiver('i32')})")
        if r < 0.5:
            return Expr("None::<i32>")
        if r < 0.7:
            a, b = self.int_expr("i32", depth + 1), self.int_expr("i32", depth + 1)
            m = self.rng.choice(["checked_add", "checked_mul", "checked_sub", "checked_div"])
            recv = a.receiver("i32")
            return Expr(f"{recv}.{m}({b.code})")
        vecs = self.visible("Vec<i32>")
        if vecs:
            v = self.rng.choice(vecs).name
            k = self.rng.randint(-2, 8)
            return Expr(self.rng.choice([f"{v}.iter().position(|x| *x == {k}).map(|i| i as i32)",
                                         f"{v}.first().map(|x| x * 10)", f"{v}.iter().find(|x| **x > {k}).cloned()"]))
        opts = self.visible("Option<i32>")
        if opts:
            return Expr(f"{self.rng.choice(opts).name}.map(|x| x - 1)")
        return Expr("None::<i32>")

    def rec_expr(self, depth: int = 0) -> Expr:
        recs = self.visible("Rec")
        if recs and self.chance(0.3):
            return Expr(f"{self.rng.choice(recs).name}.clone()")
        if self.chance(0.3):
            return Expr(f"Rec::new({self.int_expr('i32', 1).code}, {self.str_lit()})")
        return Expr(f"Rec {{ id: {self.int_expr('i32', 1).code}, name: {self.string_expr(2).code}, "
                    f"tags: {self.vec_expr(2).code}, score: {self.float_expr(2).code} }}")

    def shape_expr(self) -> Expr:
        return Expr(self.rng.choice([
            "Shape::Empty",
            f"Shape::Num({self.int_expr('i32', 1).code})",
            f"Shape::Pair({self.int_expr('i32', 2).code}, {self.string_expr(2).code})",
            f"Shape::Rec {{ x: {self.int_expr('i64', 2).code}, flag: {self.bool_expr(2).code} }}",
        ]))

    def expr_of(self, ty: str, depth: int = 0) -> Expr:
        if ty in INT_TYPES:
            return self.int_expr(ty, depth)
        return {
            "f64": self.float_expr, "bool": self.bool_expr, "String": self.string_expr,
            "Vec<i32>": self.vec_expr, "Option<i32>": self.option_expr, "Rec": self.rec_expr,
        }.get(ty, lambda d: self._other_expr(ty, d))(depth)

    def _other_expr(self, ty: str, depth: int) -> Expr:
        if ty == "Box<i32>":
            return Expr(f"Box::new({self.int_expr('i32', depth + 1).code})")
        if ty == "Shape":
            return self.shape_expr()
        if ty == "char":
            return Expr(self.rng.choice(["'a'", "'Z'", "'\\n'", "'\\''", "'\"'", "'é'", "'\\u{7f}'", "' '"]))
        if ty == "(i32, String)":
            return Expr(f"({self.int_expr('i32', depth + 1).code}, {self.string_expr(depth + 1).code})")
        raise ValueError(ty)

    # -- formatting -----------------------------------------------------------------
    def format_arg(self, depth: int) -> tuple[str, str]:
        """A `{...}` spec and the argument it formats."""
        kinds = ["int", "int", "float", "string", "bool", "char", "debug", "display"]
        kind = self.rng.choice(kinds)
        if kind == "int":
            ty = self.rng.choice(INT_TYPES)
            var = self.pick_var(ty)
            arg = var.name if var and self.chance(0.6) else self.int_expr(ty, depth + 1).code
            return self.rng.choice(FMT_SPECS["int"]), arg
        if kind == "float":
            return self.rng.choice(FMT_SPECS["float"]), self.float_expr(depth + 1).code
        if kind == "string":
            var = self.pick_var("String")
            arg = var.name if var and self.chance(0.6) else self.str_lit()
            return self.rng.choice(FMT_SPECS["str"]), arg
        if kind == "bool":
            return self.rng.choice(FMT_SPECS["bool"]), self.bool_expr(depth + 1).code
        if kind == "char":
            return self.rng.choice(FMT_SPECS["char"]), self._other_expr("char", depth).code
        shapes = self.visible("Shape")
        if kind == "display" and shapes:
            return self.rng.choice(["{}", "{:>12}", "{:<8}|", "{:^9}"]), self.rng.choice(shapes).name
        cands = [v for v in self.visible() if v.ty in DEBUG_TYPES]
        if not cands:
            return "{:?}", self.option_expr(depth + 1).code
        return self.rng.choice(FMT_SPECS["debug"]), self.rng.choice(cands).name

    def format_macro(self, mac: str, depth: int = 0) -> str:
        pieces, args = [], []
        for _ in range(self.rng.randint(1, 3)):
            spec, arg = self.format_arg(depth)
            label = self.rng.choice(["", "v=", "[", "a: ", "-> "])
            pieces.append(label + spec)
            args.append(arg)
        template = " ".join(pieces).replace("\\", "\\\\").replace('"', '\\"')
        return f'{mac}("{template}", {", ".join(args)})'

