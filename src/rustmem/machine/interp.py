"""The interpreter: frames on an explicit stack, calls and returns, panics and unwinding.

MIR calls never recurse in Python: a call pushes a `Frame` and the step loop (`_exec`)
continues in it; a return pops it.  Only an intrinsic that must run user code (a closure
given to `map`, a `Drop` impl, a user `Display`) starts a nested loop (`call_sync`), whose
depth is bounded.  A panic is a `RustPanic` exception: the loop catches it and unwinds
frame by frame through the cleanup blocks MIR building left (`Call`/`Drop`/`Assert`
unwind edges, ending in `UnwindResume`).
"""
from __future__ import annotations

from typing import Any, Callable, Optional

from ..mir import ir
from ..types import ty as T
from .borrows import MODELS
from .compile import BodyCompiler, CompiledBody
from .errors import LimitExceeded, RustPanic, UndefinedBehavior
from .memory import UNINIT, Allocation, Memory, Ptr, copy_value
from .report import Options
from .tys import TypeView

FN_TRAITS = ("Fn", "FnMut", "FnOnce")
MAX_NESTED_RUNS = 180


class PyIterBase:
    """Base of the std iterator objects (intrinsics/iterators.py): a value that keeps closures."""

    __slots__ = ()  # Python-level nesting of intrinsic -> user code -> intrinsic ...


class Frame:
    """One activation: the compiled body, its locals `L`, the current block, and where the
    return value goes (`ret_set(ret_L, value)` then continue the caller at `target`)."""

    __slots__ = ("code", "L", "bb", "ret_set", "ret_L", "target", "cleanup", "sync", "result", "owned")

    def __init__(self, code: CompiledBody, L: list, ret_set: Any, ret_L: Any, target: Any) -> None:
        self.code = code
        self.L = L
        self.bb = 0
        self.ret_set = ret_set
        self.ret_L = ret_L
        self.target = target
        self.cleanup: Optional[RustPanic] = None  # the panic this frame is unwinding from
        self.sync = False
        self.result: Any = None
        self.owned: Any = None  # (value, type) the frame owns and drops when it ends


class FnRef:
    """The value of a fn item or fn pointer: the function and its generic arguments."""

    __slots__ = ("fn", "args")

    def __init__(self, fn: Any, args: tuple) -> None:
        self.fn = fn
        self.args = args

    def __eq__(self, other: object) -> bool:
        return isinstance(other, FnRef) and other.fn is self.fn and other.args == self.args

    def __hash__(self) -> int:
        return hash((id(self.fn), self.args))

    def address(self) -> int:
        return 0x5000_0000 + (id(self.fn) & 0xFFFFFF)


class CallInfo:
    """What an intrinsic learns about its call: the FnDef, its generic arguments (substituted),
    the argument and return types, the call's span."""

    __slots__ = ("fn", "args", "arg_tys", "ret_ty", "span", "key", "tymap")

    def __init__(self, fn: Any, args: tuple, arg_tys: list, ret_ty: Any, span: Any) -> None:
        self.fn = fn
        self.args = args
        self.arg_tys = arg_tys
        self.ret_ty = ret_ty
        self.span = span
        self.key = getattr(fn, "intrinsic", None) or getattr(fn, "path", "")
        self.tymap = dict(zip(getattr(fn, "params", ()), args))

    def ty(self, name: str) -> Any:
        """A generic parameter's type by name (`T`, `F`, `B` ...)."""
        return self.tymap.get(name)


class Callee:
    """A resolved call target: a user body (compiled on first use) or an intrinsic."""

    __slots__ = ("kind", "body", "subst", "_code", "fn", "intrinsic", "untuple", "m", "name", "env_derefs")

    def __init__(self, m: "Machine", kind: str, name: str, body: Any = None, subst: Optional[dict] = None,
                 fn: Any = None, intrinsic: Any = None, untuple: bool = False) -> None:
        self.m = m
        self.kind = kind
        self.name = name
        self.body = body
        self.subst = subst or {}
        self._code: Optional[CompiledBody] = None
        self.fn = fn
        self.intrinsic = intrinsic
        self.untuple = untuple
        self.env_derefs = 0  # references to peel off the closure argument (`f` is `&&Closure`)

    def code(self) -> CompiledBody:
        if self._code is None:
            self._code = self.m.compile_body(self.body, self.subst)
        return self._code


class Machine:
    """Runs one program.  Memory goes through `self.mem` (the narrow interface); the std
    library's behaviour lives in `machine.intrinsics`."""

    def __init__(self, program: Any, options: Options) -> None:
        from . import intrinsics

        self.program = program
        self.tcx = program.tcx
        self.options = options
        self.view = TypeView(self.tcx)
        self.tracer = options.tracer
        # A memory discipline (rustmem.memory) may change what a move and a scope end do:
        # `moves_uninit` False makes a move a bitwise copy, `auto_drop` False skips the drops
        # MIR elaboration placed (only explicit `drop(x)` frees), `memory_class` replaces Memory.
        self.moves_uninit = getattr(options.memory, "moves_uninit", True)
        self.auto_drop = getattr(options.memory, "auto_drop", True)
        memory_cls = getattr(options.memory, "memory_class", None) or Memory
        self.mem: Memory = memory_cls(options.max_heap_bytes, MODELS.get(options.aliasing), self.tracer)
        self.mem.clock = self.clock
        self.mem.where = self.current_span
        self.frames: list[Frame] = []
        self.steps = 0
        self.max_steps = options.max_steps
        self.max_stack_depth = options.max_stack_depth
        self.max_stack_bytes = options.max_stack_bytes
        self.stack_bytes = 0
        self.peak_stack_bytes = 0
        self.max_frames = 0
        self.nested = 0
        self.stdout: list[str] = []
        self.stderr: list[str] = []
        self.panicking: Optional[RustPanic] = None
        self.intrinsics: dict[str, Callable] = intrinsics.REGISTRY
        self._codes: dict[tuple, CompiledBody] = {}
        self._callees: dict[tuple, Callee] = {}
        self._strs: dict[Any, Any] = {}
        self._glues: dict[Any, Callable] = {}
        self.closure_params: dict[Any, list] = self.view.closure_params  # ClosureDef -> its Param names
        self._owned_env: Any = None
        self.consumed: set[int] = set()  # ids of FnOnce closure values a call has consumed
        self.fn_bodies = dict(program.fn_bodies)
        self.closure_bodies = dict(program.closures)

    def clock(self) -> int:
        return self.steps

    def tick(self) -> None:
        """One unit of work inside a std function (an iterator step): counts against the step
        limit, so `(0..).collect()` ends with a limit, not by exhausting the host."""
        self.steps += 1
        if self.steps > self.max_steps:
            raise LimitExceeded("steps", f"step limit of {self.max_steps} MIR steps exceeded")

    # ------------------------------------------------------------ output

    def write_stdout(self, text: str) -> None:
        self.stdout.append(text)
        if self.options.echo:
            import sys
            sys.stdout.write(text)

    def write_stderr(self, text: str) -> None:
        self.stderr.append(text)
        if self.options.echo:
            import sys
            sys.stderr.write(text)

    # ------------------------------------------------------------ compiling and resolving

    def compile_body(self, body: ir.Body, subst: dict) -> CompiledBody:
        key = (id(body), tuple(sorted(subst.items(), key=lambda kv: kv[0])))
        code = self._codes.get(key)
        if code is None:
            code = self._codes[key] = BodyCompiler(self, body, subst).compile()
        return code

    def closure_callee(self, closure: Any, args: tuple = ()) -> Callee:
        """The body of a closure, instantiated with the enclosing function's generic args."""
        key = ("closure", closure, args)
        c = self._callees.get(key)
        if c is None:
            body = self.closure_bodies.get(closure)
            if body is None:
                raise NotImplementedError(f"no MIR body for the closure at {closure.span!r}")
            names = self.closure_params.get(closure, [])
            c = self._callees[key] = Callee(self, "body", body.name, body, dict(zip(names, args)))
        return c

    def callee(self, fn: Any, args: tuple) -> Callee:
        """The target of a call of fn with (concrete) generic args: a user body or an intrinsic."""
        key = (fn, args)
        c = self._callees.get(key)
        if c is None:
            c = self._callees[key] = self._resolve(fn, args)
        return c

    def _resolve(self, fn: Any, args: tuple) -> Callee:
        trait = getattr(fn, "trait", None)
        if trait is not None and getattr(trait, "lang", None) in FN_TRAITS and args:
            self_ty = args[0]
            refs = 0
            while isinstance(self_ty, T.Ref):
                self_ty, refs = self_ty.inner, refs + 1
            if isinstance(self_ty, T.ClosureTy):
                c = self.closure_callee(self_ty.closure, tuple(self_ty.args))
                callee = Callee(self, "body", c.name, c.body, c.subst, untuple=True)
                passed = refs + (0 if fn.name == "call_once" else 1)
                wanted = 1 if len(c.body.locals) > 1 and isinstance(c.body.locals[1].ty, T.Ref) else 0
                callee.env_derefs = max(0, passed - wanted)
                return callee
            if isinstance(self_ty, T.FnDefTy):
                inner = self.callee(self_ty.fn, tuple(self_ty.args))
                return Callee(self, inner.kind, inner.name, inner.body, inner.subst, inner.fn, inner.intrinsic, untuple=True)
            if isinstance(self_ty, T.FnPtr):
                from .intrinsics.core import call_fn_pointer
                return Callee(self, "intrinsic", "fn pointer", fn=fn, intrinsic=call_fn_pointer)
        try:
            resolved, rargs = self.tcx.resolve_instance(fn, args)
        except Exception:
            resolved, rargs = fn, args
        body = self.fn_bodies.get(resolved)
        if body is not None:
            return Callee(self, "body", resolved.path, body, dict(zip(resolved.params, rargs)))
        from .intrinsics import lookup
        impl = lookup(self, resolved, rargs)
        return Callee(self, "intrinsic", resolved.path, fn=resolved, intrinsic=impl, subst=dict(zip(resolved.params, rargs)))

    def const_value(self, value: Any, ty: Any) -> Any:
        """The machine value of a MIR constant of type ty."""
        if isinstance(ty, T.FnDefTy):
            return FnRef(ty.fn, tuple(ty.args))
        if isinstance(value, ir.Promoted):
            return self.promoted(value)
        if isinstance(value, str) and not isinstance(ty, T.Char):
            return self.static_str(value)
        if isinstance(value, bytes):
            return self.static_bytes(value)
        if isinstance(value, tuple):
            return [self.const_value(v, None) for v in value] if value else ()
        if isinstance(ty, T.Float) and isinstance(value, int):
            return float(value)
        return value

    def promoted(self, c: Any) -> Ptr:
        """`&CONST` promoted to static memory: one allocation per promoted constant."""
        key = ("promoted", id(c))
        hit = self._strs.get(key)
        if hit is None:
            ty = c.ty
            a = self.mem.allocate("static", ty, self.view.size_of(ty), self.const_value(c.value, ty), None, "promoted")
            hit = self._strs[key] = (Ptr(a), c)  # c kept alive so its id stays unique
        return hit[0]

    def static_str(self, s: str) -> Ptr:
        p = self._strs.get(s)
        if p is None:
            data = list(s.encode("utf-8"))
            a = self.mem.allocate("static", T.Array(T.U8, len(data)), len(data), data, None, "str literal")
            p = self._strs[s] = Ptr(a, (0,), 0, len(data), True)
        return p

    def static_bytes(self, b: bytes) -> Ptr:
        a = self.mem.allocate("static", T.Array(T.U8, len(b)), len(b), list(b), None, "byte string")
        return Ptr(a, (), 0, None, False)

    def closure_fn_pointer(self, ty: Any) -> Any:
        return ClosureFn(ty)

    # ------------------------------------------------------------ calls

    def compile_call(self, c: BodyCompiler, t: ir.Call) -> Callable[[list], int]:
        """The closure of a Call terminator (static dispatch resolved once, here)."""
        args = tuple(c.operand(a) for a in t.args)
        dest = c.place_set(t.destination)
        target = t.target
        arg_tys = [c.operand_ty(a) for a in t.args]
        ret_ty = c.place_ty(t.destination)
        func = t.func
        span = t.span
        if isinstance(func, ir.Constant) and isinstance(func.ty, T.FnDefTy):
            fty = c.sub(func.ty)
            callee = self.callee(fty.fn, tuple(c.sub(a) for a in fty.args))
            info = CallInfo(callee.fn or fty.fn, tuple(callee.subst.values()) if callee.fn else tuple(fty.args), arg_tys, ret_ty, span)
            if callee.fn is not None:
                info.tymap = dict(callee.subst)
            return self._call_closure(callee, args, dest, target, info)
        fop = c.operand(func)
        fty = c.operand_ty(func)

        def call_dynamic(L: list) -> int:
            callee = self.callee_of_value(fop(L), fty)
            info = CallInfo(callee.fn, tuple(callee.subst.values()), arg_tys, ret_ty, span)
            return self._call_closure(callee, args, dest, target, info)(L)
        return call_dynamic

    def _call_closure(self, callee: Callee, args: tuple, dest: Any, target: Any, info: CallInfo) -> Callable[[list], int]:
        push = self.push_frame
        if callee.kind == "body":
            untuple = callee.untuple
            if not untuple and len(args) == 1 and callee.env_derefs >= 0:
                a0 = args[0]

                def call1(L: list) -> int:
                    push(callee.code(), [a0(L)], dest, L, target)
                    return -1
                return call1

            def call_body(L: list) -> int:
                vals = [a(L) for a in args]
                code = callee.code()
                if untuple:
                    vals = self.untuple_args(code, vals, callee.env_derefs)
                elif callee.env_derefs < 0:
                    vals = [self.adapt_env(code, [])] + vals
                push(code, vals, dest, L, target)
                return -1
            return call_body
        fn = callee.intrinsic
        if callee.untuple:
            inner = fn

            def fn(m: Machine, vals: list, info: CallInfo) -> Any:  # noqa: F811 - the untupled form
                return inner(m, list(vals[1]) if len(vals) > 1 and vals[1] != () else [], info)

        closures = [(i, t) for i, t in enumerate(info.arg_tys) if isinstance(t, T.ClosureTy)]
        if closures:
            inner_fn = fn

            def fn(m: Machine, vals: list, info: CallInfo) -> Any:  # noqa: F811 - drops the closures it was given
                r = inner_fn(m, vals, info)
                if not isinstance(r, PyIterBase):  # an adapter keeps its closure; otherwise it ends here
                    for i, t in closures:
                        v = vals[i]
                        if id(v) in m.consumed:
                            m.consumed.discard(id(v))
                        else:
                            m.drop_value(v, t)
                return r

        def call_intrinsic(L: list) -> int:
            r = fn(self, [a(L) for a in args], info)
            dest(L, r)
            if target is None:
                raise UndefinedBehavior("unreachable", "a diverging function returned")
            return target
        return call_intrinsic

    def untuple_args(self, code: CompiledBody, vals: list, derefs: int = 0) -> list:
        """Fn::call(self, (a, b)) -> the closure body's (self, a, b); adapts the env to what the
        body takes (by reference or by value)."""
        env = vals[0] if vals else None
        for _ in range(derefs):
            env = self.mem.load(env)
        rest = list(vals[1]) if len(vals) > 1 and isinstance(vals[1], (list, tuple)) else vals[1:]
        if code.body.is_closure:
            env = self.adapt_env(code, env)
            return [env] + rest
        return rest

    def adapt_env(self, code: CompiledBody, env: Any, owned: bool = True) -> Any:
        """The closure argument as the body takes it.  owned: the call consumes the closure
        (FnOnce::call_once on an Fn/FnMut closure drops it when the call ends); a std function
        calling a closure it holds keeps it (owned=False)."""
        want = code.tys[1] if code.nlocals > 1 else None
        if isinstance(want, T.Ref) and env.__class__ is not Ptr:
            a = self.mem.allocate("stack", want.inner, 0, env, code.span, "closure")
            if owned:
                self._owned_env = (env, want.inner)
            return Ptr(a)
        if not isinstance(want, T.Ref) and env.__class__ is Ptr and isinstance(want, T.ClosureTy):
            return copy_value(self.mem.load(env))
        return env

    def callee_of_value(self, v: Any, ty: Any) -> Callee:
        """Dynamic dispatch on a fn pointer or closure value."""
        if isinstance(v, FnRef):
            return self.callee(v.fn, v.args)
        if isinstance(v, ClosureFn):
            c = self.closure_callee(v.ty.closure, tuple(v.ty.args))
            callee = Callee(self, "body", c.name, c.body, c.subst, untuple=False)
            callee.env_derefs = -1  # a capture-less closure as a fn pointer: its body still takes `_1`
            return callee
        base = ty
        while isinstance(base, T.Ref):
            base = base.inner
        if isinstance(base, T.ClosureTy):
            return self.closure_callee(base.closure, tuple(base.args))
        raise NotImplementedError(f"calling a value of type {ty}")

    def push_frame(self, code: CompiledBody, vals: list, ret_set: Any, ret_L: Any, target: Any) -> Frame:
        # Hot path: one call of a MIR function.
        frames = self.frames
        depth = len(frames) + 1
        stack = self.stack_bytes + code.stack_bytes
        if stack > self.max_stack_bytes or depth > self.max_stack_depth:
            raise LimitExceeded("stack", f"stack overflow: more than {self.options.max_stack_depth} frames or "
                                f"{self.options.max_stack_bytes} bytes of stack",
                                stderr="\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n")
        L = [UNINIT] * code.nlocals
        L[1:1 + len(vals)] = vals
        if code.addressable:
            allocate = self.mem.allocate
            names, tys, sizes, span = code.local_names, code.tys, code.local_sizes, code.span
            for i in code.addressable:
                L[i] = allocate("stack", tys[i], sizes[i], L[i], span, names[i])
        f = Frame(code, L, ret_set, ret_L, target)
        if self._owned_env is not None:
            f.owned, self._owned_env = self._owned_env, None
        frames.append(f)
        self.stack_bytes = stack
        if stack > self.peak_stack_bytes:
            self.peak_stack_bytes = stack
        if depth > self.max_frames:
            self.max_frames = depth
        if self.tracer is not None:
            self.tracer.event("call", self.steps, fn=code.name, depth=depth)
        return f

    def enter(self, code: CompiledBody, vals: list, ret_set: Any, ret_L: Any, target: Any) -> int:
        """A Call terminator's fast path: push the callee's frame; the step loop continues in it."""
        self.push_frame(code, vals, ret_set, ret_L, target)
        return -1

    def _kill_frame(self, f: Frame) -> None:
        if f.owned is not None:
            value, ty = f.owned
            f.owned = None
            self.drop_value(value, ty)
        self.stack_bytes -= f.code.stack_bytes
        L = f.L
        free = self.mem.free
        for i in f.code.addressable:
            a = L[i]
            if a.__class__ is Allocation and a.live:
                free(a, None)

    def return_from_frame(self, L: list) -> int:
        """The Return terminator: pop the frame, hand the return place's value to the caller."""
        frames = self.frames
        f = frames.pop()
        code = f.code
        v = L[0]
        if code.addressable or f.owned is not None:
            if v.__class__ is Allocation and 0 in code.addressable:
                v = v.value
            self._kill_frame(f)
        else:
            self.stack_bytes -= code.stack_bytes
        if self.tracer is not None:
            self.tracer.event("return", self.steps, fn=code.name, depth=len(frames) + 1)
        if f.sync:
            f.result = v
            return -1
        f.ret_set(f.ret_L, v)
        frames[-1].bb = f.target
        return -1

    def resume_unwind(self, L: list) -> int:
        """UnwindResume: this frame's cleanup is done; keep unwinding in the caller."""
        f = self.frames.pop()
        self._kill_frame(f)
        assert f.cleanup is not None
        raise f.cleanup

    def call_sync(self, callee: Callee, vals: list, info: Optional[CallInfo] = None) -> Any:
        """Run a call to completion from Python (an intrinsic calling user code)."""
        if callee.kind == "intrinsic":
            if callee.untuple:
                vals = list(vals[1]) if len(vals) > 1 and vals[1] != () else []
            return callee.intrinsic(self, vals, info or CallInfo(callee.fn, tuple(callee.subst.values()), [], None, None))
        code = callee.code()
        if callee.untuple:
            vals = self.untuple_args(code, vals, callee.env_derefs)
        elif callee.env_derefs < 0:
            vals = [self.adapt_env(code, [])] + list(vals)
        if self.nested >= MAX_NESTED_RUNS:
            raise LimitExceeded("stack", "stack overflow: calls nested too deeply through std functions",
                                stderr="\nthread 'main' has overflowed its stack\nfatal runtime error: stack overflow, aborting\n")
        f = self.push_frame(code, vals, None, None, None)
        f.sync = True
        self.nested += 1
        try:
            self.run_frames(len(self.frames) - 1)
        finally:
            self.nested -= 1
        return f.result

    def call_value(self, fval: Any, fty: Any, args: list) -> Any:
        """Call a closure / fn item / fn pointer value with the given arguments (untupled)."""
        base = fty
        while isinstance(base, T.Ref):
            base = base.inner
        if isinstance(base, T.ClosureTy):
            c = self.closure_callee(base.closure, tuple(base.args))
            code = c.code()
            if fval.__class__ is not Ptr and not isinstance(code.tys[1] if code.nlocals > 1 else None, T.Ref):
                self.consumed.add(id(fval))  # an FnOnce body takes (and drops) its environment
            return self.call_sync(c, [self.adapt_env(code, fval, owned=False)] + list(args))
        if isinstance(base, T.FnDefTy):
            return self.call_sync(self.callee(base.fn, tuple(base.args)), list(args))
        if fval.__class__ is Ptr:
            fval = self.mem.load(fval)
        return self.call_sync(self.callee_of_value(fval, fty), list(args))

    # ------------------------------------------------------------ the step loop

    def run_frames(self, base: int) -> None:
        """Run until the frame stack is back to `base` frames; unwind on panics."""
        frames = self.frames
        while len(frames) > base:
            try:
                self._exec(base)
            except RustPanic as p:
                self._unwind(p, base)

    def _exec(self, base: int) -> None:
        # Hot loop: one iteration per basic block (or superblock).  The step counter lives on
        # the machine (not in a local) because nested runs and std functions add to it too.
        if self.tracer is not None:
            return self._exec_traced(base)
        frames = self.frames
        limit = self.max_steps
        f = frames[-1]
        code = f.code
        blocks, counts, L, bb = code.blocks, code.counts, f.L, f.bb
        while True:
            self.steps += counts[bb]
            if self.steps > limit:
                raise LimitExceeded("steps", f"step limit of {limit} MIR steps exceeded")
            f.bb = bb
            bb = blocks[bb](L)
            if bb < 0:
                if len(frames) <= base:
                    return
                f = frames[-1]
                code = f.code
                blocks, counts, L, bb = code.blocks, code.counts, f.L, f.bb

    def _exec_traced(self, base: int) -> None:
        """The step loop when events are recorded: the step counter is kept current."""
        frames = self.frames
        limit = self.max_steps
        f = frames[-1]
        while True:
            bb = f.bb
            self.steps += f.code.counts[bb]
            if self.steps > limit:
                raise LimitExceeded("steps", f"step limit of {limit} MIR steps exceeded")
            nb = f.code.blocks[bb](f.L)
            if nb < 0:
                if len(frames) <= base:
                    return
                f = frames[-1]
            else:
                f.bb = nb

    def _unwind(self, p: RustPanic, base: int) -> None:
        if p.aborted:  # the process is aborting: no more cleanup anywhere
            raise p
        if not p.reported:
            p.reported = True
            self.report_panic(p)
        frames = self.frames
        while len(frames) > base:
            f = frames[-1]
            if f.cleanup is not None:
                # A drop panicked while this frame was unwinding: Rust aborts the process.
                self.write_stderr("thread 'main' panicked at library/core/src/panicking.rs:\n"
                                  "panic in a destructor during cleanup\nthread caused non-unwinding panic. aborting.\n")
                first = f.cleanup
                first.aborted = True
                raise first
            if self.panicking is None:
                self.panicking = p
            target = f.code.unwind[f.bb]
            if target is not None:
                f.bb = target
                f.cleanup = p
                return
            frames.pop()
            self._kill_frame(f)
        raise p

    def report_panic(self, p: RustPanic) -> None:
        span = p.span
        where = f"{span.file.name}:{span.line}:{span.col}" if span is not None else "<unknown>"
        self.write_stderr(f"\nthread 'main' panicked at {where}:\n{p.message}\n"
                          "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n"
                          if self.stderr_needs_newline() else
                          f"thread 'main' panicked at {where}:\n{p.message}\n"
                          "note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace\n")

    def stderr_needs_newline(self) -> bool:
        return bool(self.stderr) and not self.stderr[-1].endswith("\n")

    # ------------------------------------------------------------ drops

    def drop_glue(self, ty: Any) -> Callable[[Any], None]:
        """The function that drops a (initialised) value of type ty."""
        g = self._glues.get(ty)
        if g is None:
            from .drops import make_glue
            self._glues[ty] = lambda v: g2(v)  # recursive types: the entry exists while building
            g2 = make_glue(self, ty)
            self._glues[ty] = g = g2
        return g

    def drop_value(self, v: Any, ty: Any) -> None:
        if v is not UNINIT and self.view.needs_drop(ty):
            self.drop_glue(ty)(v)

    # ------------------------------------------------------------ helpers for intrinsics

    def temp_ptr(self, v: Any, ty: Any) -> Ptr:
        """A pointer to a fresh stack slot holding v (a `&self` for a call from Python)."""
        a = self.mem.allocate("stack", ty, 0, v, None, "temporary")
        return Ptr(a)

    def current_span(self) -> Any:
        """The span of the terminator the innermost frame is executing (where an intrinsic
        was called from): allocations made by std functions are attributed to it."""
        if not self.frames:
            return None
        f = self.frames[-1]
        return f.code.term_spans[f.bb]

    def call_trait(self, trait: str, method: str, self_ty: Any, vals: list, extra: tuple = ()) -> Any:
        """Call `<self_ty as trait>::method(vals...)` (static dispatch, as the MIR would)."""
        tr = self.tcx.lang_trait(trait)
        if tr is None or method not in tr.methods:
            raise NotImplementedError(f"no trait {trait}::{method} in the std stubs")
        return self.call_sync(self.callee(tr.methods[method], (self_ty,) + tuple(extra)), vals)


class ClosureFn:
    """A non-capturing closure coerced to a fn pointer."""

    __slots__ = ("ty",)

    def __init__(self, ty: Any) -> None:
        self.ty = ty

    def address(self) -> int:
        return 0x6000_0000 + (id(self.ty) & 0xFFFFFF)

