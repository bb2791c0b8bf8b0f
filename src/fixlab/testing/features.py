# Python features the rewrite must keep working: a decorator that wraps methods
# in a lock, super(), dataclasses, static and class methods, a property (called
# from C), Counter, a Condition over an RLock, a sort key lambda, a list
# comprehension with a filter, a generator expression, try/except.
import threading, time, functools
from collections import defaultdict, Counter
from dataclasses import dataclass, field

@dataclass
class Totals:
    timers: dict = field(default_factory=dict)

class Base:
    def __init__(self, metrics):
        self.metrics = metrics

def locked(fn):
    @functools.wraps(fn)
    def wrapper(self, *a):
        with self._lock:
            return fn(self, *a)
    return wrapper

class MetricsBuffer(Base):
    def __init__(self, metrics):
        super().__init__(metrics)
        self._lock = threading.RLock()
        self.__t = defaultdict(float)
        self.__c = Counter()
        self.cond = threading.Condition(self._lock)

    @staticmethod
    def _fmt(x):
        return str(x)

    @classmethod
    def _kind(cls):
        return cls.__name__

    @property
    def size(self):
        return len(self.__t) + len(self.__c)

    @locked
    def incr_timing(self, metric, duration):
        self.__t[metric] += duration
        if self.size > 3:
            self.flush()

    @locked
    def incr_counter(self, metric, delta):
        self.__c[metric] += delta
        self._kind(); self._fmt(1)

    @locked
    def flush(self):
        items = sorted(self.__t.items(), key=lambda kv: kv[0])
        for k, v in items:
            self.metrics.timing(k, v)
        for k, v in [(k, v) for k, v in self.__c.items() if v]:
            self.metrics.increment(k, v)
        total = sum(v for v in self.__c.values())
        self.__t.clear(); self.__c.clear()
        self.cond.notify_all()
        try:
            raise KeyError("x")
        except KeyError:
            pass
