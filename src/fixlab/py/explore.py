# Runs the user's code under the harness, one schedule at a time, and searches
# every schedule up to a preemption bound: stateless (each schedule re-runs
# from scratch, module and all) and by bound, 0, 1, 2 (3 on request), so the
# first counterexample is one with the fewest preemptions; among those the
# fewest steps wins.
#
# A schedule is its deviations from the natural one (a thread keeps running
# until it blocks or ends): at step k, run the other thread instead. Its
# string is `f1` followed by `.<k><m|s>` per deviation, m for main, s for
# the stuck detector.

import builtins as _builtins
import inspect as _inspect
import json as _json
import math as _math
import re as _re
import time as _wall

_TIME_MODULE = _make_time_module()
_THREADING_MODULE = _make_threading_module()
_real_import = _builtins.__import__
THREAD_LETTERS = ("m", "s")
_TOLERANCE = 1e-6
_CONSERVATION = "violation:metrics-conservation"
# Schedules waiting for the next bound, at most: about 50 MB of tuples.
_MAX_FRONTIER = 400_000
_SCHEDULE_RE = _re.compile(r"^f1((?:\.[0-9]{1,7}[ms])*)$")


# ------------------------------------------------------------ environment


def _user_import(name, globals=None, locals=None, fromlist=(), level=0):
    if level:
        raise ImportError("relative imports are not allowed")
    top = name.split(".")[0]
    if top == "time":
        return _TIME_MODULE
    if top == "threading":
        return _THREADING_MODULE
    if top not in ALLOWED_MODULES:
        raise ImportError('import of "%s" is not allowed' % name)
    return _real_import(name, globals, locals, fromlist, 0)


def _user_print(*args, sep=" ", end="\n", file=None, flush=False):
    _S.write(sep.join(str(a) for a in args) + end)


def _user_builtins():
    b = dict(_builtins.__dict__)
    for name in _REFUSED_NAMES:
        b.pop(name, None)
    b["__import__"] = _user_import
    b["print"] = _user_print
    # What rewritten code calls; builtins, so the module's own names stay the user's.
    b["_fl_reg"] = _fl_reg
    b["_fl_call"] = _fl_call
    b["_fl_try"] = _fl_try
    b["_fl_take"] = _fl_take
    b["_fl_GEN"] = _fl_GEN
    return b


_BUILTINS = _user_builtins()


class _Backend:
    """The `metrics` argument: a backend that adds up what it receives."""

    def __init__(self, sched):
        self._sched = sched

    def increment(self, name, value=1, tags=None):
        self._sched.emitted[name] = self._sched.emitted.get(name, 0) + value
        if self._sched.recording:
            self._sched.emit({"kind": "emit", "metric": "increment", "key": str(name), "value": _num(value)})

    def timing(self, name, value, tags=None):
        self._sched.emitted[name] = self._sched.emitted.get(name, 0) + value
        if self._sched.recording:
            self._sched.emit({"kind": "emit", "metric": "timing", "key": str(name), "value": _num(value)})

    def gauge(self, name, value, tags=None):
        if self._sched.recording:
            self._sched.emit({"kind": "emit", "metric": "gauge", "key": str(name), "value": _num(value)})


def _num(v):
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v if abs(v) < 2**53 else float(v)
    if isinstance(v, float) and _math.isfinite(v):
        return v
    return repr(v)[:60]


# ---- helpers the harness calls


def incr(method, key, value):
    S = _S
    S.incremented[key] = S.incremented.get(key, 0) + value
    if S.recording:
        S.emit({"kind": "call", "method": method.__name__, "key": key, "delta": value})
    r = _fl_try(method, key, value)
    if r is _fl_GEN:
        return (yield from _fl_take())
    return r


def backend(method, key, value):
    _S.incremented[key] = _S.incremented.get(key, 0) + value
    method(key, value)


def count_report(key, value):
    _S.incremented[key] = _S.incremented.get(key, 0) + value


def sleep(seconds):
    until = _S.now + int(round(seconds * 1_000_000))
    _S.emit({"kind": "sleep", "untilS": until / 1_000_000})
    return _Sleep(until)


def spend(seconds):
    _S.now += int(round(seconds * 1_000_000))


call = _fl_call
time = _TIME_MODULE


def _load_harness(source):
    """Compiles the harness, turning each `yield SWITCH` into a switch point
    placed at the statement it precedes (so a step names what it runs)."""
    import ast

    tree = ast.parse(source, filename="harness")

    def is_switch(stmt):
        v = getattr(stmt, "value", None)
        return isinstance(stmt, ast.Expr) and isinstance(v, ast.Yield) and isinstance(v.value, ast.Name) and v.value.id == "SWITCH"

    for node in ast.walk(tree):
        for field in ("body", "orelse", "finalbody"):
            block = getattr(node, field, None)
            if not isinstance(block, list):
                continue
            for i, stmt in enumerate(block):
                if is_switch(stmt):
                    at = block[i + 1] if i + 1 < len(block) else stmt
                    stmt.value.value = ast.Constant(value=-at.lineno)
                    for n in ast.walk(stmt):
                        ast.copy_location(n, at)

    class Switch(ast.NodeTransformer):
        def visit_Yield(self, node):
            return node

    tree = ast.fix_missing_locations(Switch().visit(tree))
    exec(compile(tree, "harness", "exec"), globals())
    _RT_GEN[default_on_stuck] = default_on_stuck


_load_harness(HARNESS_SOURCE)
_HARNESS_LINES = HARNESS_SOURCE.split("\n")


# --------------------------------------------------------------- prepare


class _Prepared:
    def __init__(self, source):
        self.source = source
        self.lines = source.split("\n")
        self.code = rewrite(vet(source))


def _contract(ns):
    """The buffer class and on_stuck, or a CodeProblem naming what is missing."""
    import inspect

    cls = ns.get("MetricsBuffer")
    if not isinstance(cls, type):
        raise CodeProblem("missing", "the code defines no class MetricsBuffer", None)
    needs = (
        ("__init__", ("metrics",)),
        ("incr_timing", ("metric", "duration")),
        ("incr_counter", ("metric", "delta")),
        ("flush", ()),
    )
    for name, args in needs:
        f = getattr(cls, name, None)
        if name != "__init__" and not callable(f):
            raise CodeProblem(
                "missing",
                "MetricsBuffer has no method %s(self%s)" % (name, "".join(", " + a for a in args)),
                _line_of(cls),
            )
        try:
            inspect.signature(f).bind(None, *args)
        except TypeError:
            raise CodeProblem(
                "missing",
                "MetricsBuffer.%s must accept (self%s)" % (name, "".join(", " + a for a in args)),
                _line_of(f) or _line_of(cls),
            )
        except ValueError:
            pass
    on_stuck = ns.get("on_stuck", None)
    if on_stuck is None:
        return cls, default_on_stuck
    if not callable(on_stuck):
        raise CodeProblem("missing", "on_stuck must be a function on_stuck(buffer, metrics)", None)
    try:
        inspect.signature(on_stuck).bind(None, None)
    except TypeError:
        raise CodeProblem("missing", "on_stuck must accept (buffer, metrics)", _line_of(on_stuck))
    except ValueError:
        pass
    return cls, on_stuck


def _line_of(obj):
    code = getattr(obj, "__code__", None)
    if code is not None:
        return code.co_firstlineno
    for v in getattr(obj, "__dict__", {}).values():
        code = getattr(v, "__code__", None)
        if code is not None and code.co_filename == "fix.py":
            return code.co_firstlineno - 1 if code.co_firstlineno > 1 else 1
    return None


def _setup_problem(e, what):
    tb = _traceback_of(e)
    user = [f for f in tb if f["file"] == "user"]
    line = user[-1]["line"] if user else None
    where = "line %d: " % line if line else ""
    return CodeProblem("init", "%s%s raised %s: %s" % (where, what, type(e).__name__, _clip(str(e))), line)


def _clip(text, n=200):
    text = text.replace("\n", " ")
    return text if len(text) <= n else text[: n - 1] + "\u2026"


# ------------------------------------------------------------------- run


class _Run:
    """One schedule's outcome."""

    __slots__ = ("keys", "steps", "devs", "first_step", "crashes", "sched", "deadlock", "limit", "buffer", "ns", "report")


def _start(prep, sched, check=False):
    """Loads a fresh module and buffer and spawns the two threads."""
    global _S
    _S = sched
    _GEN.clear()
    _GEN.update(_RT_GEN)
    sched.incremented = {}
    sched.emitted = {}
    sched.current = _Thread("main", 0, None)
    ns = {"__name__": "fix", "__builtins__": _BUILTINS}
    try:
        exec(prep.code, ns)
    except CodeProblem:
        raise
    except BaseException as e:
        raise _setup_problem(e, "the module")
    if check:
        cls, on_stuck = _contract(ns)
    else:
        cls = ns["MetricsBuffer"]
        on_stuck = ns.get("on_stuck", None) or default_on_stuck
    metrics = _Backend(sched)
    try:
        buffer = _fl_plain_new(cls, metrics)
    except BaseException as e:
        raise _setup_problem(e, "MetricsBuffer(metrics)")
    sched.lock_namer = _namer(buffer, ns)
    sched.buffer = buffer
    p = StreamProcessor(buffer, metrics, on_stuck)
    sched.spawn("main", p.run())
    stuck = sched.spawn("stuck", p.stuck_detector())
    # The detector starts asleep until its first check, as in the scenario:
    # no choice falls before it has anything to do.
    sched.current = stuck
    stuck.wait = stuck.gen.send(None)
    sched.current = sched.threads[0]
    return p, buffer, ns


def _fl_plain_new(cls, metrics):
    return cls(metrics)


def _run(prep, devs, step_limit, recording=False, children=None, on_step=None, details=False):
    """Runs one schedule. `devs` is a tuple of (step, thread index) pairs,
    steps increasing. `children`, when a list, receives every schedule that
    deviates once more after the last deviation."""
    S = _Sched(step_limit, recording)
    p, buffer, ns = _start(prep, S)
    threads = S.threads
    crashes = []
    S.devs_used = 0
    end = _two_threads(S, threads[0], threads[1], devs, children, on_step, crashes)
    if S.devs_used < len(devs):
        raise _BadSchedule("the schedule switches at step %d, after this code's run has ended" % devs[S.devs_used][0])
    main_t = threads[0]
    if end is None and not main_t.crashed:
        final = S.spawn("final", final_flush(p))
        end = _alone(S, final, on_step, crashes)
    deadlock = end[1] if end is not None and end[0] == "deadlock" else None
    limited = end[1] if end is not None and end[0] == "limit" else None
    r = _Run()
    r.sched = S
    r.devs = devs
    r.steps = S.step
    r.crashes = crashes
    r.deadlock = deadlock
    r.limit = limited
    r.buffer = buffer
    r.ns = ns
    keys = []
    for name, e, _ in crashes:
        k = "crash:%s@%s" % (type(e).__name__, name)
        if k not in keys:
            keys.append(k)
    if deadlock is not None:
        keys.append("deadlock")
    elif limited is not None:
        keys.append("step-limit")
    elif not main_t.crashed and not _balanced(S):
        keys.append(_CONSERVATION)
    r.keys = keys or ["ok"]
    r.first_step = crashes[0][2] + 1 if crashes else S.step
    # The report reads who holds what, so it comes before the abandoned
    # threads' finally blocks let go of their locks.
    r.report = _report(r) if details else None
    S.recording = False
    for t in threads:
        if t.alive and t.gen is not None:
            S.current = t
            _abandon(t.gen)
    return r


def _two_threads(S, m, s, devs, children, on_step, crashes):
    """The scheduling loop while main and the stuck detector run. Returns None
    when both have ended (or main crashed), else ("deadlock", threads) or
    ("limit", thread)."""
    limit = S.step_limit
    step = 0
    cur = m
    ndevs = len(devs)
    di = 0
    next_dev = devs[0][0] if ndevs else -1
    last_dev = devs[-1][0] if ndevs else -1
    while True:
        now = S.now
        if m.alive:
            w = m.wait
            mr = w is None or w.ready(now)
        else:
            mr = False
        if s.alive:
            w = s.wait
            sr = w is None or w.ready(now)
        else:
            sr = False
        preempted = False
        if mr and sr:
            pick = cur
            if step == next_dev:
                S.devs_used = di + 1
                pick = m if devs[di][1] == 0 else s
                if pick is cur:
                    raise _BadSchedule("at step %d %s is already running" % (step, pick.name))
                preempted = True
                di += 1
                next_dev = devs[di][0] if di < ndevs else -1
            elif children is not None and step > last_dev:
                children.append(devs + ((step, 1 if cur is m else 0),))
        elif mr or sr:
            pick = m if mr else s
            if step == next_dev:
                raise _BadSchedule("at step %d only %s can run" % (step, pick.name))
        else:
            alive = [t for t in (m, s) if t.alive]
            if not alive:
                S.step = step
                return None
            deadlines = [d for d in (t.wait.deadline() for t in alive) if d is not None]
            if deadlines:
                S.now = max(now, min(deadlines))
                continue
            S.step = step
            return ("deadlock", alive)
        if on_step is not None:
            S.step = step
            S.woke = pick.wait
            on_step(S, pick, preempted, "before")
        S.current = pick
        pick.wait = None
        try:
            y = pick.gen.send(None)
        except StopIteration:
            pick.alive = False
            if S.recording:
                S.emit({"kind": "end"})
        except BaseException as e:
            _crashed(S, pick, e, step, crashes)
        else:
            if y.__class__ is int:
                if y > 0:
                    pick.line = y
            else:
                pick.wait = y
        step += 1
        cur = pick
        if on_step is not None:
            S.step = step
            on_step(S, pick, preempted, "after")
        if pick.crashed and pick is m:
            S.step = step
            return None  # main died: the process dies with it
        if step >= limit:
            S.step = step
            return ("limit", pick)


def _alone(S, t, on_step, crashes):
    """Runs one thread alone to its end (the final flush)."""
    while True:
        w = t.wait
        if not t.alive:
            return None
        if w is not None and not w.ready(S.now):
            d = w.deadline()
            if d is None:
                return ("deadlock", [t])
            S.now = max(S.now, d)
            continue
        if on_step is not None:
            S.woke = t.wait
            on_step(S, t, False, "before")
        S.current = t
        t.wait = None
        try:
            y = t.gen.send(None)
        except StopIteration:
            t.alive = False
            if S.recording:
                S.emit({"kind": "end"})
        except BaseException as e:
            _crashed(S, t, e, S.step, crashes)
        else:
            if y.__class__ is int:
                if y > 0:
                    t.line = y
            else:
                t.wait = y
        S.step += 1
        if on_step is not None:
            on_step(S, t, False, "after")
        if S.step >= S.step_limit:
            return ("limit", t)


def _crashed(S, t, e, step, crashes):
    t.alive = False
    if isinstance(e, _Abandon):
        return
    t.crashed = True
    crashes.append((t.name, e, step))
    if S.recording:
        S.emit({"kind": "raise", "type": type(e).__name__, "message": _clip(str(e), 500)})


def _balanced(S):
    """Conservation, quickly: the common case of every run."""
    inc, em = S.incremented, S.emitted
    try:
        for key, value in inc.items():
            if abs(em.get(key, 0) - value) > _TOLERANCE:
                return False
        for key, value in em.items():
            if key not in inc and abs(value) > _TOLERANCE:
                return False
    except TypeError:
        return False
    return True


def _imbalances(S):
    out = []
    for key in list(S.incremented) + [k for k in S.emitted if k not in S.incremented]:
        inc = S.incremented.get(key, 0)
        em = S.emitted.get(key, 0)
        try:
            diff = em - inc
            bad = abs(diff) > _TOLERANCE
        except TypeError:
            diff, bad = float("nan"), True
        if bad:
            out.append({"key": str(key), "incremented": _num(inc), "emitted": _num(em), "diff": _num(diff)})
    return out


# ---------------------------------------------------------------- details


def _demangle(attr, cls):
    for klass in cls.__mro__:
        prefix = "_" + klass.__name__.lstrip("_") + "__"
        if attr.startswith(prefix):
            return "__" + attr[len(prefix):]
    return attr


def _namer(buffer, ns):
    cache = {}
    cls = type(buffer)

    def name(obj):
        k = id(obj)
        found = cache.get(k)
        if found is not None:
            return found
        for attr, v in getattr(buffer, "__dict__", {}).items():
            if v is obj:
                found = "self." + _demangle(attr, cls)
                break
            if isinstance(v, _Condition) and v._lock is obj:
                found = "self.%s's lock" % _demangle(attr, cls)
        if found is None:
            for attr, v in ns.items():
                if v is obj:
                    found = attr
                    break
        if found is None:
            kind = getattr(obj, "kind", type(obj).__name__.lstrip("_"))
            serial = getattr(obj, "_serial", None)
            found = "%s #%s" % (kind, serial) if serial else kind
            line = getattr(obj, "_line", None)
            if line:
                found += " (made at line %d)" % line
        cache[k] = found
        return found

    return name


def _frames_of_gen(gen):
    frames = []
    g = gen
    while g is not None:
        f = getattr(g, "gi_frame", None)
        if f is None:
            break
        frames.append((f.f_code, f.f_lineno))
        g = g.gi_yieldfrom
    return frames


def _frame(code, line):
    fn = code.co_filename
    if fn == "fix.py":
        lines = _PREP_LINES[0]
        kind = "user"
    elif fn == "harness":
        lines = _HARNESS_LINES
        kind = "harness"
    else:
        return None
    name = code.co_name
    if name.startswith("_fl_g_"):
        name = name[6:]
    elif name.startswith("_fl_comp_"):
        name = "<comprehension>"
    text = lines[line - 1].strip() if line and 0 < line <= len(lines) else ""
    return {"file": kind, "function": name, "line": line or 0, "text": text}


_PREP_LINES = [[]]


def _traceback_of(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        fr = _frame(tb.tb_frame.f_code, tb.tb_lineno)
        if fr is not None:
            out.append(fr)
        tb = tb.tb_next
    return out


def _report(r):
    S = r.sched
    crashes = [
        {"type": type(e).__name__, "message": _clip(str(e), 500), "thread": name, "traceback": _traceback_of(e)}
        for name, e, _ in r.crashes
    ]
    deadlock = None
    if r.deadlock is not None:
        waiting = []
        for t in r.deadlock:
            w = t.wait
            holder = None
            if isinstance(w, _LockWait):
                obj = w.lock
                owner = getattr(obj, "_owner", None)
                holder = owner.name if owner is not None else None
                holder_ended = owner is not None and not owner.alive
            else:
                obj = getattr(w, "obj", None)
                holder_ended = False
            waiting.append(
                {
                    "thread": t.name,
                    "lock": S.lock_name(obj) if obj is not None else "a wait",
                    "heldBy": holder,
                    "holderEnded": holder_ended,
                    "line": getattr(w, "line", None),
                }
            )
        deadlock = {"waiting": waiting}
    limit = None
    if r.limit is not None:
        limit = {"limit": S.step_limit, "thread": r.limit.name, "line": r.limit.line or None}
    conservation = _imbalances(S) if _CONSERVATION in r.keys else []
    return {
        "outcomes": r.keys,
        "crashes": crashes,
        "conservation": conservation,
        "deadlock": deadlock,
        "stepLimit": limit,
        "output": "".join(S.output),
        "outputTruncated": S.output_truncated,
    }


def _snapshot(buffer):
    out = {}
    cls = type(buffer)
    for attr, v in list(getattr(buffer, "__dict__", {}).items()):
        if isinstance(v, dict):
            d = {}
            try:
                items = list(v.items())
            except Exception:
                continue
            for k, val in items[:200]:
                d[str(k)] = _num(val) if isinstance(val, (int, float)) else _clip(repr(val), 60)
            out[_demangle(attr, cls)] = d
    return out


# ------------------------------------------------------------- schedules


def format_schedule(devs):
    return "f1" + "".join(".%d%s" % (step, THREAD_LETTERS[t]) for step, t in devs)


def parse_schedule(text):
    m = _SCHEDULE_RE.match(text or "")
    if not m:
        raise _BadSchedule('"%s" is not a Fix lab schedule (f1 followed by .<step><m|s> parts)' % _clip(str(text), 40))
    devs = []
    for part in m.group(1).split(".")[1:]:
        devs.append((int(part[:-1]), THREAD_LETTERS.index(part[-1])))
    steps = [s for s, _ in devs]
    if steps != sorted(set(steps)):
        raise _BadSchedule("the schedule's steps must increase")
    return tuple(devs)


# ---------------------------------------------------------------- search


class _Search:
    def __init__(self, prep, max_bound, step_limit):
        self.prep = prep
        self.max_bound = max_bound
        self.step_limit = step_limit
        self.bound = 0
        self.frontier = [()]
        self.pos = 0
        self.next = []
        self.schedules = 0
        self.by_outcome = {}
        self.examples = {}
        self.best = None
        self.done = False
        self.pruned = False
        self.capped = False
        self.ms = 0.0

    def run_for(self, ms):
        began = _wall.perf_counter()
        end = began + ms / 1000
        while not self.done:
            if self.pos >= len(self.frontier):
                if self.bound >= self.max_bound or not self.next:
                    self.bound = self.max_bound
                    self.done = True
                    break
                self.bound += 1
                self.frontier, self.next, self.pos = self.next, [], 0
                break  # report the end of a bound as progress
            devs = self.frontier[self.pos]
            self.frontier[self.pos] = None
            self.pos += 1
            kids = [] if self.bound < self.max_bound and not self.capped else None
            r = _run(self.prep, devs, self.step_limit, children=kids)
            self._count(r)
            if kids:
                if "step-limit" in r.keys:
                    # A runaway run branches at every step: following each branch
                    # would multiply the search by the step limit for the same
                    # outcome. Its variations are left out, and the result says so.
                    self.pruned = True
                else:
                    self.next.extend(kids)
                    if len(self.next) > _MAX_FRONTIER:
                        self.capped = True
            if _wall.perf_counter() >= end:
                break
        self.ms += (_wall.perf_counter() - began) * 1000
        return self.done

    def _count(self, r):
        self.schedules += 1
        rank = (len(r.devs), r.first_step)
        for k in r.keys:
            self.by_outcome[k] = self.by_outcome.get(k, 0) + 1
            if k != "ok":
                ex = self.examples.get(k)
                if ex is None or rank < ex[0]:
                    self.examples[k] = (rank, r.devs)
        if r.keys != ["ok"] and (self.best is None or rank < self.best[0]):
            self.best = (rank, r.devs, r.keys[0])

    def progress(self):
        return {
            "bound": self.bound,
            "schedules": self.schedules,
            "byOutcome": dict(self.by_outcome),
            "ms": round(self.ms, 1),
        }

    def result(self):
        def ce(outcome, rank, devs):
            return {"outcome": outcome, "preemptions": rank[0], "steps": rank[1], "schedule": format_schedule(devs)}

        minimal = None
        report = None
        if self.best is not None:
            rank, devs, key = self.best
            minimal = ce(key, rank, devs)
            report = _run(self.prep, devs, self.step_limit, details=True).report
        return {
            "bound": self.bound if self.done else max(self.bound - (0 if self.pos else 1), 0),
            "complete": self.done and not self.pruned and not self.capped,
            "schedules": self.schedules,
            "byOutcome": dict(self.by_outcome),
            "minimal": minimal,
            "minimalReport": report,
            "examples": {k: ce(k, rank, devs) for k, (rank, devs) in self.examples.items()},
            "ms": round(self.ms, 1),
        }


# ----------------------------------------------------------------- trace


def _trace(prep, schedule, step_limit):
    devs = parse_schedule(schedule)
    steps = []
    pending = {}

    def on_step(S, t, preempted, phase):
        if phase == "before":
            frames = [f for f in (_frame(c, l) for c, l in _frames_of_gen(t.gen)) if f is not None]
            user = [f for f in frames if f["file"] == "user"]
            harness = [f for f in frames if f["file"] == "harness"]
            inner = frames[-1] if frames else None
            pending["step"] = {
                "woke": S.woke.what if S.woke is not None else None,
                "fresh": _inspect.getgeneratorstate(t.gen) == "GEN_CREATED",
                "index": S.step,
                "thread": t.name,
                "preempted": preempted,
                "line": inner["line"] if inner is not None and inner["file"] == "user" else None,
                "harnessLine": harness[-1]["line"] if harness else None,
                "stack": frames,
                "timeS": S.now / 1_000_000,
                "user": user,
            }
            S.events = []
            return
        st = pending.pop("step")
        st.pop("user")
        woke = st.pop("woke")
        fresh = st.pop("fresh")
        st["events"] = S.events
        st["what"] = _describe(st, woke, fresh)
        st["buffer"] = _snapshot(S.buffer)
        st["locks"] = {S.lock_name(l): (l._owner.name if getattr(l, "_owner", None) is not None else None) for l in S.locks}
        steps.append(st)

    r = _run(prep, devs, step_limit, recording=True, on_step=on_step, details=True)
    return {"schedule": format_schedule(devs), "steps": steps, "report": r.report, "harnessSource": HARNESS_SOURCE}



_WOKE = {"sleep": "wakes from its sleep", "lock": "takes the lock it waited for", "flag": "is woken"}


def _describe(st, woke, fresh):
    who = st["thread"]
    verb = _WOKE[woke] + " at" if woke is not None else "runs"
    frames = st["stack"]
    inner = frames[-1] if frames else None
    if inner is None or fresh:
        base = "%s starts" % who
    elif inner["file"] == "user":
        base = "%s %s line %d of your code (%s): %s" % (who, verb, inner["line"], inner["function"], inner["text"])
    else:
        base = "%s %s harness line %d (%s): %s" % (who, verb, inner["line"], inner["function"], inner["text"])
    parts = [base]
    for e in st["events"]:
        k = e["kind"]
        if k == "raise":
            parts.append("it raises %s: %s" % (e["type"], e["message"]))
        elif k == "block":
            held = e["heldBy"]
            parts.append("it waits for %s%s" % (e["lock"], ", held by %s" % held if held else ""))
        elif k == "emit":
            parts.append("the backend receives %s(%r, %s)" % (e["metric"], e["key"], e["value"]))
        elif k == "end":
            parts.append("the thread ends")
    return "; ".join(parts) + "."


# ------------------------------------------------------------------- api


_STATE = {"search": None}


def _prepare(code):
    prep = _Prepared(code)
    _PREP_LINES[0] = prep.lines
    # One trial start: the module, the contract and __init__, before any schedule.
    _start(prep, _Sched(1, False), check=True)
    return prep


def _problem(p):
    return {"ok": False, "problem": {"kind": p.kind, "message": p.message, "line": p.line}}


def api(request_json):
    req = _json.loads(request_json)
    op = req.get("op")
    old_hook = _sys.unraisablehook
    _sys.unraisablehook = lambda unraisable: None
    try:
        if op == "validate":
            _prepare(req["code"])
            out = {"ok": True, "value": None}
        elif op == "start":
            prep = _prepare(req["code"])
            _STATE["search"] = _Search(prep, int(req["bound"]), int(req["stepLimit"]))
            out = {"ok": True, "value": None}
        elif op == "run_for":
            s = _STATE["search"]
            done = s.run_for(float(req["ms"]))
            out = {"ok": True, "value": {"done": done, "progress": s.progress()}}
        elif op == "result":
            s = _STATE["search"]
            out = {"ok": True, "value": s.result()}
            _STATE["search"] = None
        elif op == "trace":
            prep = _prepare(req["code"])
            try:
                out = {"ok": True, "value": _trace(prep, req["schedule"], int(req["stepLimit"]))}
            except _BadSchedule as e:
                out = {"ok": False, "problem": {"kind": "schedule", "message": str(e), "line": None}}
        else:
            out = {"ok": False, "problem": {"kind": "internal", "message": "unknown op %r" % op, "line": None}}
    except CodeProblem as p:
        out = _problem(p)
    except RecursionError:
        out = {"ok": False, "problem": {"kind": "init", "message": "the code recursed too deeply while loading", "line": None}}
    except MemoryError:
        out = {"ok": False, "problem": {"kind": "init", "message": "the code ran out of memory while loading", "line": None}}
    finally:
        _sys.unraisablehook = old_hook
    return _json.dumps(out, allow_nan=False)
