# The Fix lab's runtime: a cooperative scheduler for the two harness threads,
# a virtual clock, and stand-ins for the parts of `time` and `threading` the
# user's code may use. Pyodide has no OS threads, so every thread is a
# generator: rewritten user code yields before each statement (a switch
# point), and a blocking call yields a wait object the scheduler inspects.
#
# Yielded values: an int n > 0 is a switch point before line n of the user's
# code, n < 0 one before line -n of the harness; anything else is a wait
# (_Sleep, _LockWait, _FlagWait) that keeps the thread off the CPU until it
# can go on.
#
# Every function that can block exists twice: the plain method (used when C
# code calls it, e.g. a lock taken inside a sort key) and a generator version
# registered in _RT_GEN, which `_fl_call` uses when rewritten code calls it.

import sys as _sys
import types as _types

_FunctionType = _types.FunctionType
_MethodType = _types.MethodType

# The running scheduler (one run at a time).
_S = None

# Plain function -> generator version. Runtime entries are permanent; the
# user's are added per run (their functions are created anew by each run).
_RT_GEN = {}
_GEN = {}


def _fl_reg(plain, gen):
    _GEN[plain] = gen
    return plain


def _rt_gen(plain):
    def deco(gen):
        _RT_GEN[plain] = gen
        return gen

    return deco


def _fl_call(f, *args, **kwargs):
    """Calls f from rewritten code: a generator version is delegated to."""
    t = type(f)
    if t is _FunctionType:
        g = _GEN.get(f)
        if g is not None:
            return (yield from g(*args, **kwargs))
    elif t is _MethodType:
        g = _GEN.get(f.__func__)
        if g is not None:
            return (yield from g(f.__self__, *args, **kwargs))
    return f(*args, **kwargs)


# The fast path of a call from rewritten code (see rewrite.py): `_fl_try`
# calls a plain callee at once, or parks the callee's generator and returns
# the marker `_fl_GEN`, and `_fl_take` hands the parked generator over.
_fl_GEN = object()
_PARKED = [None]


def _fl_try(f, *args, **kwargs):
    t = type(f)
    if t is _FunctionType:
        g = _GEN.get(f)
        if g is not None:
            _PARKED[0] = g(*args, **kwargs)
            return _fl_GEN
    elif t is _MethodType:
        g = _GEN.get(f.__func__)
        if g is not None:
            _PARKED[0] = g(f.__self__, *args, **kwargs)
            return _fl_GEN
    return f(*args, **kwargs)


def _fl_take():
    g = _PARKED[0]
    _PARKED[0] = None
    return g


class _Abandon(BaseException):
    """Thrown into a thread left suspended when its run ends."""


class _Stop(Exception):
    """A run cannot go on: step limit, deadlock (raised by the scheduler)."""


class _BadSchedule(Exception):
    pass


# ------------------------------------------------------------------ waits


class _Sleep:
    __slots__ = ("until",)
    what = "sleep"

    def __init__(self, until):
        self.until = until

    def ready(self, now):
        return now >= self.until

    def deadline(self):
        return self.until


class _LockWait:
    """Waiting to take `lock` (anything with `_free_for(thread)`)."""

    __slots__ = ("lock", "thread", "until", "line")
    what = "lock"

    def __init__(self, lock, thread, until, line):
        self.lock = lock
        self.thread = thread
        self.until = until
        self.line = line

    def ready(self, now):
        return self.lock._free_for(self.thread) or (self.until is not None and now >= self.until)

    def deadline(self):
        return self.until


class _FlagWait:
    """Waiting for a notify (Condition) or a set (Event)."""

    __slots__ = ("box", "until", "line", "obj")
    what = "flag"

    def __init__(self, obj, box, until, line):
        self.obj = obj
        self.box = box
        self.until = until
        self.line = line

    def ready(self, now):
        return self.box[0] or (self.until is not None and now >= self.until)

    def deadline(self):
        return self.until


def _until(timeout):
    if timeout is None or timeout < 0:
        return None
    return _S.now + int(round(timeout * 1_000_000))


def _line_of_caller():
    t = _S.current
    return t.line if t is not None and t.line > 0 else None


# ------------------------------------------------------------------- time

def _time_time():
    return _S.now / 1_000_000


def _time_ns():
    return _S.now * 1000


def _time_sleep(seconds):
    # Called from C code: it cannot yield, so the clock just moves on.
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    _S.now += int(round(seconds * 1_000_000))


@_rt_gen(_time_sleep)
def _time_sleep_gen(seconds):
    if seconds < 0:
        raise ValueError("sleep length must be non-negative")
    until = _S.now + int(round(seconds * 1_000_000))
    if _S.recording:
        _S.emit({"kind": "sleep", "untilS": until / 1_000_000})
    yield _Sleep(until)


def _make_time_module():
    m = _types.ModuleType("time")
    m.time = _time_time
    m.monotonic = _time_time
    m.perf_counter = _time_time
    m.time_ns = _time_ns
    m.monotonic_ns = _time_ns
    m.perf_counter_ns = _time_ns
    m.sleep = _time_sleep
    m.__doc__ = "The Fix lab's virtual clock: time() starts at 0.0 and only sleep() and the harness move it."
    return m


# -------------------------------------------------------------- threading

_lock_serial = [0]


class _BaseLock:
    kind = "Lock"

    def __init__(self):
        self._owner = None
        self._count = 0
        _lock_serial[0] += 1
        self._serial = _lock_serial[0]
        self._line = _line_of_caller()
        if _S is not None:
            _S.locks.append(self)

    def _free_for(self, thread):
        return self._owner is None

    def _take(self, thread):
        self._owner = thread
        self._count = 1
        if _S.recording:
            _S.emit({"kind": "acquire", "lock": _S.lock_name(self)})

    def locked(self):
        return self._owner is not None

    def acquire(self, blocking=True, timeout=-1):
        t = _S.current
        if self._free_for(t):
            self._take(t)
            return True
        if not blocking:
            return False
        # Called from C code (a callback), so it cannot wait for another thread.
        raise RuntimeError(
            "%s would block inside code called from C (a sort key or a defaultdict factory); "
            "the Fix lab cannot switch threads there" % _S.lock_name(self)
        )

    def release(self):
        if self._owner is None:
            raise RuntimeError("release unlocked lock")
        self._owner = None
        self._count = 0
        if _S.recording:
            _S.emit({"kind": "release", "lock": _S.lock_name(self)})

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()
        return False

    def __repr__(self):
        state = "locked" if self._owner is not None else "unlocked"
        return "<%s %s>" % (self.kind, state)


def _acquire_gen(self, blocking=True, timeout=-1):
    t = _S.current
    if self._free_for(t):
        self._take(t)
        return True
    if not blocking:
        return False
    wait = _LockWait(self, t, _until(timeout), _line_of_caller())
    while True:
        if _S.recording:
            holder = self._owner
            _S.emit({"kind": "block", "lock": _S.lock_name(self), "heldBy": holder.name if holder else None})
        yield wait
        if self._free_for(t):
            self._take(t)
            return True
        if wait.until is not None and _S.now >= wait.until:
            return False


def _enter_gen(self):
    return (yield from _acquire_gen(self))


class _Lock(_BaseLock):
    kind = "Lock"


_RT_GEN[_BaseLock.acquire] = _acquire_gen
_RT_GEN[_BaseLock.__enter__] = _enter_gen


class _RLock(_BaseLock):
    kind = "RLock"

    def _free_for(self, thread):
        return self._owner is None or self._owner is thread

    def _take(self, thread):
        if self._owner is thread:
            self._count += 1
            return
        _BaseLock._take(self, thread)

    def release(self):
        if self._owner is not _S.current:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1
        if self._count == 0:
            self._owner = None
            if _S.recording:
                _S.emit({"kind": "release", "lock": _S.lock_name(self)})

    def _is_owned(self):
        return self._owner is _S.current


class _Semaphore(_BaseLock):
    kind = "Semaphore"

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("semaphore initial value must be >= 0")
        _BaseLock.__init__(self)
        self._value = value
        self._initial = value

    def _free_for(self, thread):
        return self._value > 0

    def _take(self, thread):
        self._value -= 1
        if _S.recording:
            _S.emit({"kind": "acquire", "lock": _S.lock_name(self)})

    def locked(self):
        return self._value == 0

    def release(self, n=1):
        self._value += n
        if _S.recording:
            _S.emit({"kind": "release", "lock": _S.lock_name(self)})


class _BoundedSemaphore(_Semaphore):
    kind = "BoundedSemaphore"

    def release(self, n=1):
        if self._value + n > self._initial:
            raise ValueError("Semaphore released too many times")
        _Semaphore.release(self, n)


class _Condition:
    def __init__(self, lock=None):
        self._lock = lock if lock is not None else _RLock()
        self._waiters = []
        self._line = _line_of_caller()

    def acquire(self, *args):
        return self._lock.acquire(*args)

    def release(self):
        return self._lock.release()

    def __enter__(self):
        return self._lock.acquire()

    def __exit__(self, *exc):
        self._lock.release()
        return False

    def _check_owned(self):
        lock = self._lock
        owner = lock._owner if isinstance(lock, _BaseLock) else None
        if owner is not _S.current:
            raise RuntimeError("cannot wait on un-acquired lock")

    def wait(self, timeout=None):
        raise RuntimeError("Condition.wait() inside code called from C cannot wait for another thread")

    def wait_for(self, predicate, timeout=None):
        if predicate():
            return True
        raise RuntimeError("Condition.wait_for() inside code called from C cannot wait for another thread")

    def notify(self, n=1):
        self._check_notify()
        woken = self._waiters[:n]
        del self._waiters[:n]
        for box in woken:
            box[0] = True

    def notify_all(self):
        self.notify(len(self._waiters))

    def _check_notify(self):
        lock = self._lock
        if isinstance(lock, _BaseLock) and lock._owner is not _S.current:
            raise RuntimeError("cannot notify on un-acquired lock")


def _cond_acquire_gen(self, *args):
    return (yield from _fl_call(self._lock.acquire, *args))


def _cond_wait_gen(self, timeout=None):
    self._check_owned()
    lock = self._lock
    saved = lock._count if isinstance(lock, _RLock) else 1
    box = [False]
    self._waiters.append(box)
    # Let go of the lock entirely (an RLock however deep), wait, take it back.
    lock._owner = None
    lock._count = 0
    if _S.recording:
        _S.emit({"kind": "release", "lock": _S.lock_name(lock)})
    yield _FlagWait(self, box, _until(timeout), _line_of_caller())
    if not box[0] and box in self._waiters:
        self._waiters.remove(box)
    yield from _acquire_gen(lock)
    lock._count = saved
    return box[0]


def _cond_wait_for_gen(self, predicate, timeout=None):
    end = _until(timeout)
    result = yield from _fl_call(predicate)
    while not result:
        left = None
        if end is not None:
            left = (end - _S.now) / 1_000_000
            if left <= 0:
                break
        yield from _cond_wait_gen(self, left)
        result = yield from _fl_call(predicate)
    return result


_RT_GEN[_Condition.acquire] = _cond_acquire_gen
_RT_GEN[_Condition.__enter__] = _cond_acquire_gen
_RT_GEN[_Condition.wait] = _cond_wait_gen
_RT_GEN[_Condition.wait_for] = _cond_wait_for_gen


class _Event:
    def __init__(self):
        self._box = [False]
        self._line = _line_of_caller()

    def is_set(self):
        return self._box[0]

    def set(self):
        self._box[0] = True

    def clear(self):
        self._box = [False]

    def wait(self, timeout=None):
        if self._box[0]:
            return True
        raise RuntimeError("Event.wait() inside code called from C cannot wait for another thread")


def _event_wait_gen(self, timeout=None):
    if self._box[0]:
        return True
    box = self._box
    yield _FlagWait(self, box, _until(timeout), _line_of_caller())
    return box[0]


_RT_GEN[_Event.wait] = _event_wait_gen


class _ThreadView:
    """What threading.current_thread() returns."""

    def __init__(self, thread):
        self.name = thread.name
        self.ident = thread.index + 1
        self.daemon = thread.name == "stuck"

    def is_alive(self):
        return True

    def __repr__(self):
        return "<Thread(%s)>" % self.name


def _current_thread():
    return _ThreadView(_S.current)


def _get_ident():
    return _S.current.index + 1


def _no_threads(*args, **kwargs):
    raise RuntimeError(
        "threading.Thread is not available in the Fix lab: the harness runs the two threads (main and stuck)"
    )


def _make_threading_module():
    m = _types.ModuleType("threading")
    m.Lock = _Lock
    m.RLock = _RLock
    m.Condition = _Condition
    m.Event = _Event
    m.Semaphore = _Semaphore
    m.BoundedSemaphore = _BoundedSemaphore
    m.current_thread = _current_thread
    m.get_ident = _get_ident
    m.Thread = _no_threads
    m.Timer = _no_threads
    m.__doc__ = "The Fix lab's cooperative threading: a blocked acquire lets the other thread run."
    return m


# ------------------------------------------------------------- scheduler


class _Thread:
    __slots__ = ("name", "index", "gen", "wait", "alive", "line", "hline", "crashed")

    def __init__(self, name, index, gen):
        self.name = name
        self.index = index
        self.gen = gen
        self.wait = None
        self.alive = True
        self.line = 0
        self.hline = 0
        self.crashed = False


class _Sched:
    """One run: threads, the virtual clock (microseconds), the step count."""

    def __init__(self, step_limit, recording):
        self.now = 0
        self.step = 0
        self.step_limit = step_limit
        self.recording = recording
        self.threads = []
        self.current = None
        self.locks = []
        self.events = []
        self.lock_namer = None
        self.buffer = None
        self.woke = None
        self.incremented = {}
        self.emitted = {}
        self.output = []
        self.output_len = 0
        self.output_truncated = False

    def spawn(self, name, gen):
        t = _Thread(name, len(self.threads), gen)
        self.threads.append(t)
        return t

    def emit(self, event):
        if self.recording:
            self.events.append(event)

    def lock_name(self, lock):
        if self.lock_namer is not None:
            return self.lock_namer(lock)
        return "%s #%d" % (lock.kind, lock._serial)

    def write(self, text):
        if self.output_truncated:
            return
        room = _OUTPUT_LIMIT - self.output_len
        if len(text) > room:
            text = text[:room]
            self.output_truncated = True
        self.output.append(text)
        self.output_len += len(text)
        if self.recording and text:
            self.events.append({"kind": "output", "text": text})


_OUTPUT_LIMIT = 20_000


def _abandon(gen):
    """Ends a suspended thread without letting it run on (finally blocks may yield)."""
    for _ in range(200):
        try:
            gen.throw(_Abandon)
        except BaseException:
            return
    # Code that keeps catching BaseException: drop it; its close is ignored.
