# A fix that looks finished: flush() copies each dict with list(d.items()),
# which CPython with a GIL runs without a switch, resets, then emits the
# copies. It never raises here. But an increment that lands between the copy
# and the reset is cleared without ever being emitted.
import time
from collections import defaultdict

METRICS_FREQUENCY_SEC = 1.0  # flush at most once a second


class MetricsBuffer:
    def __init__(self, metrics):
        self.metrics = metrics
        self.__timers = defaultdict(float)
        self.__counters = defaultdict(int)
        self.__reset()

    def incr_timing(self, metric, duration):
        self.__timers[metric] += duration
        self.__throttled_record()

    def incr_counter(self, metric, delta):
        self.__counters[metric] += delta
        self.__throttled_record()

    def flush(self):
        timers = list(self.__timers.items())
        counters = list(self.__counters.items())
        self.__reset()
        for name, total in timers:
            self.metrics.timing(name, total)
        for name, total in counters:
            self.metrics.increment(name, total)

    def __reset(self):
        self.__timers.clear()
        self.__counters.clear()
        self.__last_record_time = time.time()

    def __throttled_record(self):
        if time.time() - self.__last_record_time > METRICS_FREQUENCY_SEC:
            self.flush()
