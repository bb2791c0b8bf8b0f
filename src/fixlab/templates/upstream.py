# arroyo's own fix (commit e907f89, released in 2.37.1): the buffer is left as
# it was, single-threaded by design, and the stuck detector stops using it. It
# sends its one count straight to the metrics backend, so only main ever
# touches the buffer.
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


def on_stuck(buffer, metrics):
    # Straight to the backend: the buffer stays main's alone.
    metrics.increment("arroyo.consumer.stuck", 1)
