# Vets the user's code and rewrites it so that each thread can be switched at
# the points where CPython with a GIL can switch: before each statement (which
# also covers loop back-edges), inside called functions, and at each
# iteration of a comprehension. Nothing of the user's code runs before the
# vetting has passed.
#
# Every `def` becomes two functions: the original, untouched, for callers in
# C (a sort key, a defaultdict factory, a property) that need a value, and a
# generator version registered with `_fl_reg`, which rewritten callers reach
# through `_fl_call`. Only the generator versions have switch points.

import ast as _ast

ALLOWED_MODULES = (
    "time",
    "threading",
    "collections",
    "functools",
    "itertools",
    "math",
    "typing",
    "dataclasses",
)

_REFUSED_NAMES = {
    "__import__": "it imports modules around the allowed list",
    "__builtins__": "it reaches the interpreter's builtins",
    "__loader__": "it reaches the import system",
    "__spec__": "it reaches the import system",
    "eval": "it runs code the checker has not vetted",
    "exec": "it runs code the checker has not vetted",
    "compile": "it builds code the checker has not vetted",
    "open": "the Fix lab has no files",
    "input": "the Fix lab has no keyboard input",
    "breakpoint": "the Fix lab has no debugger",
    "globals": "it reaches the checker's own names",
    "locals": "it reaches the checker's own names",
    "vars": "it reaches the checker's own names",
    "help": "the Fix lab has no interactive help",
    "exit": "the harness decides when a thread ends",
    "quit": "the harness decides when a thread ends",
    "memoryview": "it reaches raw memory",
}

_REFUSED_ATTRS = frozenset(
    """__globals__ __builtins__ __subclasses__ __bases__ __base__ __mro__ __code__
    __closure__ __getattribute__ __import__ __loader__ __spec__ __reduce__ __reduce_ex__
    __traceback__ __self__ __func__ __wrapped__ __dict__ __class__ __init_subclass__
    __set_name__ __del__ f_globals f_locals f_builtins f_back f_code gi_frame gi_code
    gi_yieldfrom tb_frame tb_next cr_frame ag_frame co_code""".split()
)

_ATTR_FUNCTIONS = ("getattr", "setattr", "delattr", "hasattr")


class CodeProblem(Exception):
    def __init__(self, kind, message, line):
        Exception.__init__(self, message)
        self.kind = kind
        self.message = message
        self.line = line


def _refuse(kind, node, text):
    line = getattr(node, "lineno", None)
    where = "line %d: " % line if line else ""
    raise CodeProblem(kind, where + text, line)


def _allowed_list():
    return ", ".join(ALLOWED_MODULES)


class _Vetter(_ast.NodeVisitor):
    def visit_Import(self, node):
        for alias in node.names:
            self._module(node, alias.name)

    def visit_ImportFrom(self, node):
        if node.level:
            _refuse("refused-import", node, "relative imports are not allowed; the Fix lab code is one file")
        self._module(node, node.module or "")

    def _module(self, node, name):
        top = name.split(".")[0]
        if top not in ALLOWED_MODULES:
            _refuse(
                "refused-import",
                node,
                'import of "%s" is not allowed; the Fix lab allows %s' % (name, _allowed_list()),
            )

    def visit_Name(self, node):
        why = _REFUSED_NAMES.get(node.id)
        if why is not None:
            _refuse("refused-name", node, '"%s" is not allowed: %s' % (node.id, why))
        self._reserved(node, node.id)

    def visit_Attribute(self, node):
        if node.attr in _REFUSED_ATTRS:
            _refuse("refused-name", node, 'the attribute "%s" is not allowed: it reaches the interpreter\'s internals' % node.attr)
        self.generic_visit(node)

    def visit_Call(self, node):
        f = node.func
        if isinstance(f, _ast.Name) and f.id in _ATTR_FUNCTIONS and len(node.args) >= 2:
            name = node.args[1]
            if not (isinstance(name, _ast.Constant) and isinstance(name.value, str)):
                _refuse("refused-name", node, "%s() needs the attribute name written out as a string" % f.id)
            if name.value in _REFUSED_ATTRS:
                _refuse("refused-name", node, 'the attribute "%s" is not allowed: it reaches the interpreter\'s internals' % name.value)
        self.generic_visit(node)

    def _generator(self, node):
        _refuse(
            "refused-name",
            node,
            "generators and async code (yield, await, async def) are not supported in the Fix lab; "
            "write a function that returns a list instead",
        )

    visit_Yield = _generator
    visit_YieldFrom = _generator
    visit_Await = _generator
    visit_AsyncFunctionDef = _generator
    visit_AsyncFor = _generator
    visit_AsyncWith = _generator

    def visit_FunctionDef(self, node):
        self._reserved(node, node.name)
        for a in node.args.posonlyargs + node.args.args + node.args.kwonlyargs:
            self._reserved(a, a.arg)
        self.generic_visit(node)

    def visit_ClassDef(self, node):
        self._reserved(node, node.name)
        self.generic_visit(node)

    def visit_Global(self, node):
        for n in node.names:
            self._reserved(node, n)

    def _reserved(self, node, name):
        if name.startswith("_fl_"):
            _refuse("refused-name", node, 'names starting with "_fl_" are reserved for the checker')


def vet(source):
    """Parses and vets; returns the tree or raises CodeProblem."""
    try:
        tree = _ast.parse(source, filename="fix.py")
    except SyntaxError as e:
        line = e.lineno
        msg = e.msg
        where = "line %d: " % line if line else ""
        raise CodeProblem("syntax", "%s%s: %s" % (where, type(e).__name__, msg), line)
    except (ValueError, MemoryError, RecursionError) as e:
        raise CodeProblem("syntax", "the code cannot be parsed: %s" % e, None)
    try:
        _Vetter().visit(tree)
    except RecursionError:
        raise CodeProblem("syntax", "the code is nested too deeply to check", None)
    return tree


# ---------------------------------------------------------------- rewrite


def _name(id, ctx=None):
    return _ast.Name(id=id, ctx=ctx or _ast.Load())


def _switch(line):
    return _ast.Expr(value=_ast.Yield(value=_ast.Constant(value=line)))


def _yield_from(call):
    return _ast.YieldFrom(value=call)


def _plain_call(func, args):
    """A call the checker adds itself, which needs no _fl_call."""
    call = _ast.Call(func=func, args=args, keywords=[])
    call._fl_plain = True
    return call


def _located(nodes, src):
    for n in nodes:
        _ast.copy_location(n, src)
        for child in _ast.walk(n):
            if not hasattr(child, "lineno") or child.lineno is None:
                _ast.copy_location(child, src)
    return nodes


class _Counter:
    def __init__(self):
        self.n = 0

    def next(self, prefix):
        self.n += 1
        return "%s%d" % (prefix, self.n)


class _Expr(_ast.NodeTransformer):
    """Inside a generator version: calls through _fl_call, comprehensions as loops."""

    def __init__(self, counter, hoisted):
        self.counter = counter
        self.hoisted = hoisted

    def visit_Call(self, node):
        self.generic_visit(node)
        if getattr(node, "_fl_plain", False):
            return node
        f = node.func
        if isinstance(f, _ast.Name) and f.id == "super":
            return node  # super() needs its own frame
        # `(yield from _fl_take()) if (_fl_v := _fl_try(f, ...)) is _fl_GEN else _fl_v`:
        # a plain callee is just called (no generator is made for it); a
        # rewritten one leaves its generator with _fl_take to delegate to.
        attempt = _ast.Call(func=_name("_fl_try"), args=[f] + node.args, keywords=node.keywords)
        test = _ast.Compare(
            left=_ast.NamedExpr(target=_name("_fl_v", _ast.Store()), value=attempt),
            ops=[_ast.Is()],
            comparators=[_name("_fl_GEN")],
        )
        take = _yield_from(_ast.Call(func=_name("_fl_take"), args=[], keywords=[]))
        expr = _ast.IfExp(test=test, body=take, orelse=_name("_fl_v"))
        _located([expr], node)
        return expr

    def visit_Lambda(self, node):
        return node  # a lambda stays plain: it cannot yield

    def visit_ListComp(self, node):
        return self._comprehension(node, "list")

    def visit_SetComp(self, node):
        return self._comprehension(node, "set")

    def visit_DictComp(self, node):
        return self._comprehension(node, "dict")

    def visit_GeneratorExp(self, node):
        return self._comprehension(node, "gen")

    def _comprehension(self, node, kind):
        """`[e for x in it if c]` becomes a call of a hoisted generator that loops,
        with a switch point at each iteration, so a live dict can still change under it."""
        fn = self.counter.next("_fl_comp_")
        line = node.lineno
        result = _name("_fl_r", _ast.Store())
        empty = {
            "list": _ast.List(elts=[], ctx=_ast.Load()),
            "gen": _ast.List(elts=[], ctx=_ast.Load()),
            "set": _plain_call(_name("set"), []),
            "dict": _ast.Dict(keys=[], values=[]),
        }[kind]
        if kind == "dict":
            store = _ast.Assign(
                targets=[_ast.Subscript(value=_name("_fl_r"), slice=node.key, ctx=_ast.Store())],
                value=node.value,
            )
        else:
            method = "add" if kind == "set" else "append"
            store = _ast.Expr(
                value=_plain_call(_ast.Attribute(value=_name("_fl_r"), attr=method, ctx=_ast.Load()), [node.elt])
            )
        body = [store]
        gens = node.generators
        for i in range(len(gens) - 1, -1, -1):
            g = gens[i]
            if g.is_async:
                _refuse("refused-name", node, "async comprehensions are not supported")
            for cond in reversed(g.ifs):
                body = [_ast.If(test=cond, body=body, orelse=[])]
            iter_expr = _name("_fl_it") if i == 0 else g.iter
            body = [_ast.For(target=g.target, iter=iter_expr, body=[_switch(line)] + body, orelse=[])]
        fdef = _ast.FunctionDef(
            name=fn,
            args=_ast.arguments(
                posonlyargs=[], args=[_ast.arg(arg="_fl_it")], vararg=None, kwonlyargs=[],
                kw_defaults=[], kwarg=None, defaults=[],
            ),
            body=[_ast.Assign(targets=[result], value=empty)] + body + [_ast.Return(value=_name("_fl_r"))],
            decorator_list=[],
            returns=None,
            type_params=[],
        )
        _located([fdef], node)
        _ast.fix_missing_locations(fdef)
        # The comprehension's own parts may hold calls and comprehensions too.
        # Comprehensions nested in it are hoisted into it, next to the loop
        # variables they may read.
        nested = []
        inner = _Expr(self.counter, nested)
        fdef.body = [inner.visit(s) for s in fdef.body]
        fdef.body = nested + fdef.body
        self.hoisted.append(fdef)
        first_iter = self.visit(gens[0].iter)
        call = _ast.Call(func=_name(fn), args=[first_iter], keywords=[])
        value = _yield_from(call)
        if kind == "gen":
            value = _ast.Call(func=_name("iter"), args=[value], keywords=[])
        return _ast.copy_location(value, node)

    # Nested scopes are handled by the statement rewriter.
    def visit_FunctionDef(self, node):
        return node

    def visit_ClassDef(self, node):
        return node


class _Rewriter:
    def __init__(self):
        self.counter = _Counter()

    # ---- blocks

    def plain_block(self, stmts):
        """Module top level, class bodies, plain copies: only defs change."""
        out = []
        for s in stmts:
            out.extend(self.plain_stmt(s))
        return out

    def plain_stmt(self, s):
        if isinstance(s, _ast.FunctionDef):
            return self.function(s)
        if isinstance(s, _ast.ClassDef):
            s.body = self.plain_block(s.body)
            return [s]
        for field in ("body", "orelse", "finalbody"):
            block = getattr(s, field, None)
            if isinstance(block, list) and block and isinstance(block[0], _ast.stmt):
                setattr(s, field, self.plain_block(block))
        if isinstance(s, _ast.Try) or type(s).__name__ == "TryStar":
            for h in s.handlers:
                h.body = self.plain_block(h.body)
        if isinstance(s, _ast.Match):
            for case in s.cases:
                case.body = self.plain_block(case.body)
        return [s]

    def gen_block(self, stmts):
        out = []
        for s in stmts:
            out.extend(self.gen_stmt(s))
        return out

    def gen_stmt(self, s):
        line = s.lineno
        head = [_ast.copy_location(_switch(line), s)]
        if isinstance(s, _ast.FunctionDef):
            return head + self.function(s)
        if isinstance(s, _ast.ClassDef):
            s.body = self.plain_block(s.body)
            return head + [s]
        if isinstance(s, (_ast.Global, _ast.Nonlocal)):
            return [s]
        if isinstance(s, _ast.With):
            return head + self.with_stmt(s, s.items)
        hoisted = []
        expr = _Expr(self.counter, hoisted)
        # Rewrite the expressions of this statement (not its nested blocks).
        for field, value in list(_ast.iter_fields(s)):
            if field in ("body", "orelse", "finalbody", "handlers", "cases"):
                continue
            if isinstance(value, _ast.AST):
                setattr(s, field, expr.visit(value))
            elif isinstance(value, list):
                setattr(s, field, [expr.visit(v) if isinstance(v, _ast.AST) else v for v in value])
        for field in ("body", "orelse", "finalbody"):
            block = getattr(s, field, None)
            if isinstance(block, list) and block and isinstance(block[0], _ast.stmt):
                setattr(s, field, self.gen_block(block))
        if isinstance(s, _ast.Try) or type(s).__name__ == "TryStar":
            for h in s.handlers:
                if h.type is not None:
                    h.type = expr.visit(h.type)
                h.body = self.gen_block(h.body)
        if isinstance(s, _ast.Match):
            for case in s.cases:
                if case.guard is not None:
                    case.guard = expr.visit(case.guard)
                case.body = self.gen_block(case.body)
        for f in hoisted:
            _ast.copy_location(f, s)
        return head + hoisted + [s]

    def with_stmt(self, s, items):
        """`with m as v: body`, spelled out (PEP 343) so that __enter__ and
        __exit__ go through _fl_call and a lock's acquire can wait."""
        item = items[0]
        rest = items[1:]
        n = self.counter.next("")
        mgr, ext, ok = "_fl_m" + n, "_fl_x" + n, "_fl_ok" + n
        hoisted = []
        expr = _Expr(self.counter, hoisted)
        ctx_expr = expr.visit(item.context_expr)
        t = _ast.parse(
            "%(m)s = CTX\n"
            "%(x)s = type(%(m)s).__exit__\n"
            "VALUE = yield from _fl_call(type(%(m)s).__enter__, %(m)s)\n"
            "%(ok)s = True\n"
            "try:\n"
            "    try:\n"
            "        BODY\n"
            "    except BaseException as _fl_e:\n"
            "        %(ok)s = False\n"
            "        if not (yield from _fl_call(%(x)s, %(m)s, type(_fl_e), _fl_e, _fl_e.__traceback__)):\n"
            "            raise\n"
            "finally:\n"
            "    if %(ok)s:\n"
            "        yield from _fl_call(%(x)s, %(m)s, None, None, None)\n" % {"m": mgr, "x": ext, "ok": ok}
        ).body
        t[0].value = ctx_expr
        if item.optional_vars is not None:
            t[2].targets = [item.optional_vars]
        else:
            t[2] = _ast.Expr(value=t[2].value)
        if rest:
            body = self.with_stmt(s, rest)
        else:
            body = self.gen_block(s.body)
        t[4].body[0].body = body
        _located(t, s)
        for f in hoisted:
            _ast.copy_location(f, s)
        return hoisted + t

    # ---- functions

    def function(self, node):
        """def f -> plain f, generator version, registration, then decorators."""
        decorators = node.decorator_list
        plain = node
        plain.decorator_list = []
        gen = _ast.FunctionDef(
            name="_fl_g_" + node.name,
            args=node.args,
            body=[],
            decorator_list=[],
            returns=None,
            type_params=[],
        )
        _ast.copy_location(gen, node)
        import copy as _copy

        gen_body = _copy.deepcopy(node.body)
        plain.body = self.plain_block(plain.body)
        gen.body = self.gen_block(gen_body)
        gen.args = _copy.deepcopy(node.args)
        reg = _ast.Expr(
            value=_ast.Call(func=_name("_fl_reg"), args=[_name(node.name), _name(gen.name)], keywords=[])
        )
        out = [plain, gen, reg, _ast.Delete(targets=[_name(gen.name, _ast.Del())])]
        if decorators:
            value = _name(node.name)
            for d in reversed(decorators):
                value = _ast.Call(func=d, args=[value], keywords=[])
            out.append(_ast.Assign(targets=[_name(node.name, _ast.Store())], value=value))
        _located(out[2:], node)
        return out


def rewrite(tree):
    """Returns the compiled module code object of the rewritten tree."""
    rw = _Rewriter()
    tree.body = rw.plain_block(tree.body)
    _ast.fix_missing_locations(tree)
    return compile(tree, "fix.py", "exec")
