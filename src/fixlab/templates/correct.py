# A buffer that is safe to share: one lock guards both dicts and the time of
# the last flush. Every increment and every flush holds it, so no loop can
# see a dict change and no reset can clear a value nobody has emitted. The
# throttled flush runs while the increment still holds the lock, so it calls
# the inner __flush_locked() rather than flush(), which would take it again.
import threading
import time
from collections import defaultdict

METRICS_FREQUENCY_SEC = 1.0  # flush at most once a second


class MetricsBuffer:
    def __init__(self, metrics):
        self.metrics = metrics
        self.__lock = threading.Lock()
        self.__timers = defaultdict(float)
        self.__counters = defaultdict(int)
        self.__reset()

    def incr_timing(self, metric, duration):
        with self.__lock:
            self.__timers[metric] += duration
            self.__throttled_record()

    def incr_counter(self, metric, delta):
        with self.__lock:
            self.__counters[metric] += delta
            self.__throttled_record()

    def flush(self):
        with self.__lock:
            self.__flush_locked()

    def __flush_locked(self):  # the caller holds self.__lock
        for name, total in self.__timers.items():
            self.metrics.timing(name, total)
        for name, total in self.__counters.items():
            self.metrics.increment(name, total)
        self.__reset()

    def __reset(self):
        self.__timers.clear()
        self.__counters.clear()
        self.__last_record_time = time.time()

    def __throttled_record(self):  # the caller holds self.__lock
        if time.time() - self.__last_record_time > METRICS_FREQUENCY_SEC:
            self.__flush_locked()
