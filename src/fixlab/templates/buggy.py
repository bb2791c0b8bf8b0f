# arroyo 2.34.0's MetricsBuffer, in the Fix lab's shape. flush() loops over
# the live dicts, and the stuck detector calls it from its own thread (the
# default on_stuck): an increment by main while a loop is open raises
# "RuntimeError: dictionary changed size during iteration".
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
        for name, total in self.__timers.items():
            self.metrics.timing(name, total)
        for name, total in self.__counters.items():
            self.metrics.increment(name, total)
        self.__reset()

    def __reset(self):
        self.__timers.clear()
        self.__counters.clear()
        self.__last_record_time = time.time()

    def __throttled_record(self):
        if time.time() - self.__last_record_time > METRICS_FREQUENCY_SEC:
            self.flush()
