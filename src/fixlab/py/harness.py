# The workload your MetricsBuffer runs under: the metrics-stuck-flush scenario.
# Two threads share one buffer. Main comes back from a rebalance callback that
# blocked it in join() past the stuck timeout and increments the buffer, while
# the stuck detector, which has just found main stuck, reports through the
# same buffer (by calling on_stuck) from its own thread.
#
# Time is virtual: it starts at 0.0 s and moves only when a thread sleeps or
# the detector formats a stack frame (1 ms each). `yield SWITCH` marks a point
# where the checker may switch threads; your code has one before each of its
# statements, at each loop iteration and inside each comprehension.

POLL_TIMEOUT = 1.0  # consumer.poll(timeout=1.0) with no partitions assigned
JOIN_TIME = 5.502  # strategy.join() inside the revoke callback
STUCK_TIMEOUT = 5.0  # stuck_detector_timeout
FIRST_CHECK = 0.5  # when the detector first looks, after main's run began
STACK_FRAMES = 32  # stack frames the detector formats before it reports
RUNS = 2  # _run_once calls before the processor shuts down


class StreamProcessor:
    def __init__(self, buffer, metrics, on_stuck):
        self.buffer = buffer
        self.metrics = metrics
        self.on_stuck = on_stuck
        self.last_run = time.time()
        self.has_strategy = True
        self.revoke_pending = True
        self.shutdown_done = False

    def run(self):  # the main thread
        try:
            for _ in range(RUNS):
                yield SWITCH
                yield from self._run_once()
            yield SWITCH
            yield from self._shutdown()
        finally:
            self.shutdown_done = True

    def _run_once(self):
        yield from incr(self.buffer.incr_counter, "arroyo.consumer.run.count", 1)
        self.last_run = time.time()
        poll_began = time.time()
        yield SWITCH
        if self.revoke_pending:  # a rebalance: the revoke callback runs inside poll()
            self.revoke_pending = False
            yield from self._timed_callback()
        else:
            yield sleep(POLL_TIMEOUT)  # nothing assigned: poll() waits its whole timeout
        yield SWITCH
        yield from incr(self.buffer.incr_timing, "arroyo.consumer.poll.time", time.time() - poll_began)
        # no strategy any more (the revoke closed it), so _run_once returns

    def _timed_callback(self):
        began = time.time()
        yield from self._close_processing_strategy()  # on_partitions_revoked()
        took = time.time() - began
        yield SWITCH
        backend(self.metrics.timing, "arroyo.consumer.run.callback", took)
        yield SWITCH
        yield from incr(self.buffer.incr_timing, "arroyo.consumer.callback.time", took)

    def _close_processing_strategy(self):
        close_began = time.time()
        if not self.has_strategy:
            return
        join_began = time.time()
        yield SWITCH
        yield sleep(JOIN_TIME)  # strategy.join(): main waits for in-flight work
        yield from incr(self.buffer.incr_timing, "arroyo.consumer.join.time", time.time() - join_began)
        self.has_strategy = False
        yield SWITCH
        yield from incr(self.buffer.incr_timing, "arroyo.consumer.shutdown.time", time.time() - close_began)

    def _shutdown(self):
        yield from self._close_processing_strategy()
        yield SWITCH
        yield from call(self.buffer.flush)

    def stuck_detector(self):  # the stuck detector thread
        yield sleep(FIRST_CHECK)
        while not self.shutdown_done:
            yield SWITCH
            if time.time() - self.last_run > STUCK_TIMEOUT:
                for frame in range(STACK_FRAMES):  # format every thread's stack
                    yield SWITCH
                    spend(0.001)
                yield SWITCH  # logger.warning("main thread stuck ...", stacks)
                count_report("arroyo.consumer.stuck", 1)  # on_stuck must count it once
                yield from call(self.on_stuck, self.buffer, self.metrics)
                return
            yield sleep(1.0)


def default_on_stuck(buffer, metrics):  # when your code defines no on_stuck
    yield SWITCH
    yield from call(buffer.incr_counter, "arroyo.consumer.stuck", 1)
    yield SWITCH
    yield from call(buffer.flush)


def final_flush(processor):  # after both threads have ended, alone
    yield SWITCH
    yield from call(processor.buffer.flush)
