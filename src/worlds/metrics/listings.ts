/**
 * The model listings of the race B world: Python-like text we wrote to show
 * what each step executes (docs/real-code.md#metrics-buffer, #snapshot-fix, #upstream-metrics-fix). There are three
 * per variant: the main thread's processor code (the same in every variant),
 * the stuck detector, and the MetricsBuffer. The variants' texts are built
 * from shared pieces so that they differ exactly where the implementations
 * differ, and a diff between two variants shows the fix and nothing else.
 *
 * `d[k] += v` is written out as the three interpreter steps it is made of
 * (docs/real-code.md#switch-points), with a comment saying so: that is where a thread
 * switch can fall under CPython 3.9 and in free-threaded builds.
 */
import { defineListing, type Listing } from '../../engine/listing.ts';
import type { VariantId } from '../variants.ts';

export const PROCESSOR = 'processor';
export const DETECTOR = 'stuck_detector';
export const BUFFER = 'metrics_buffer';

const PROCESSOR_SOURCE = `
# The main thread: StreamProcessor.run() and the parts of _run_once, the
# rebalance callback and _shutdown that touch the MetricsBuffer (a model).
class StreamProcessor:
    def run(self):
        try:
            while not self.__shutdown_requested:                    #@run.loop
                self._run_once()                                    #@run.once
            self._shutdown()                                        #@run.shutdown
        finally:
            self.__shutdown_done = True                             #@run.done

    def _run_once(self):
        self.__metrics_buffer.incr_counter("arroyo.consumer.run.count", 1)    #@once.count
        self.__last_run = time.time()                               #@once.last_run
        poll_began = time.time()
        # a rebalance runs its callbacks inside this call
        self.__message = self.__consumer.poll(timeout=1.0)          #@once.poll
        waited = time.time() - poll_began
        self.__metrics_buffer.incr_timing("arroyo.consumer.poll.time", waited)    #@once.poll_time
        if self.__processing_strategy is None:                      #@once.no_strategy
            return
        ...  # strategy.poll() and submit(): not reached in this scenario

    # every rebalance callback runs inside this timing wrapper
    def _timed_callback(self, callback, partitions):
        began = time.time()
        try:
            callback(partitions)                                    #@cb.call
        finally:
            took = time.time() - began
            self.__metrics_buffer.metrics.timing("arroyo.consumer.run.callback", took)    #@cb.direct
            self.__metrics_buffer.incr_timing("arroyo.consumer.callback.time", took)      #@cb.time

    def on_partitions_revoked(self, partitions):
        self._close_processing_strategy()                           #@revoke.close

    def _close_processing_strategy(self):
        close_began = time.time()
        if self.__processing_strategy is None:                      #@close.check
            return
        self.__processing_strategy.close()
        join_began = time.time()
        self.__processing_strategy.join(self.__join_timeout)        #@close.join
        self.__metrics_buffer.incr_timing("arroyo.consumer.join.time", time.time() - join_began)    #@close.join_time
        self.__processing_strategy = None                           #@close.forget
        self.__message = None
        self.__is_paused = False
        self.__metrics_buffer.incr_timing("arroyo.consumer.shutdown.time", time.time() - close_began)    #@close.shutdown_time

    def _shutdown(self):
        self._close_processing_strategy()                           #@shutdown.close
        self.__metrics_buffer.flush()                               #@shutdown.flush
        self.__consumer.close()                                     #@shutdown.consumer
`;

const DETECTOR_HEAD = `
# The stuck detector: a daemon thread StreamProcessor starts when it is given
# stuck_detector_timeout. It reads __last_run, which main sets at the start of
# every _run_once, and wakes once a second.
def stuck_detector(self, timeout):
    while not self.__shutdown_done:                                 #@s.loop
        if time.time() - self.__last_run > timeout:                 #@s.check
            stacks = format_all_stacks()    # every frame of every thread    #@s.stacks
            logger.warning("main thread stuck:\\n%s", stacks)      #@s.log`;

const DETECTOR_VIA_BUFFER = `
            self.__metrics_buffer.incr_counter("arroyo.consumer.stuck", 1)   #@s.incr
            self.__metrics_buffer.flush()                           #@s.flush`;

const DETECTOR_DIRECT = `
            # straight to the backend: only main touches the buffer
            self.__metrics_buffer.metrics.increment("arroyo.consumer.stuck", 1)    #@s.direct`;

const DETECTOR_TAIL = `
            return                                                  #@s.return
        time.sleep(1)                                               #@s.sleep
`;

const BUFFER_HEAD = `
# MetricsBuffer (a model). Timers and counters are defaultdicts. A flush is
# due once METRICS_FREQUENCY_SEC has passed since the last one, and it runs in
# whichever thread made the increment that noticed.
class MetricsBuffer:
    def __init__(self):
        self.metrics = get_metrics()
        self.__timers = defaultdict(float)
        self.__counters = defaultdict(int)`;

const BUFFER_LOCK = `
        self.__lock = threading.Lock()`;

const BUFFER_INIT_END = `
        self.__reset()
`;

function incrPlain(fn: string, arg: string, dict: string, prefix: string, zero: string): string {
  return `
    def ${fn}(self, metric, ${arg}):
        # self.${dict}[metric] += ${arg}, one interpreter step per line:
        value = self.${dict}[metric]    # a missing key is inserted as ${zero}    #@${prefix}.lookup
        value = value + ${arg}                                       #@${prefix}.add
        self.${dict}[metric] = value                                #@${prefix}.store
        self.__throttled_record()                                   #@${prefix}.record
`;
}

function incrLocked(fn: string, arg: string, dict: string, prefix: string, zero: string): string {
  return `
    def ${fn}(self, metric, ${arg}):
        self.__lock.acquire()                                       #@${prefix}.acquire
        try:
            # self.${dict}[metric] += ${arg}, one interpreter step per line:
            value = self.${dict}[metric]    # a missing key is inserted as ${zero}    #@${prefix}.lookup
            value = value + ${arg}                                   #@${prefix}.add
            self.${dict}[metric] = value                            #@${prefix}.store
            self.__throttled_record()                               #@${prefix}.record
        finally:
            self.__lock.release()                                   #@${prefix}.release
`;
}

const LOOPS_OVER_DICTS = `
        for name, total in self.__timers.items():                   #@flush.timers
            self.metrics.timing(name, total)                        #@flush.timers.emit
        for name, total in self.__counters.items():                 #@flush.counters
            self.metrics.increment(name, total)                     #@flush.counters.emit
        self.__reset()                                              #@flush.reset
`;

const FLUSH_AS_SHIPPED = `
    def flush(self):${LOOPS_OVER_DICTS}`;

const FLUSH_SNAPSHOT = `
    def flush(self):
        # copy both dicts, reset them, then emit the copies
        timers = list(self.__timers.items())                        #@flush.snap_timers
        counters = list(self.__counters.items())                    #@flush.snap_counters
        self.__reset()                                              #@flush.reset
        for name, total in timers:                                  #@flush.timers
            self.metrics.timing(name, total)                        #@flush.timers.emit
        for name, total in counters:                                #@flush.counters
            self.metrics.increment(name, total)                     #@flush.counters.emit
`;

const FLUSH_LOCKED = `
    def flush(self):
        self.__lock.acquire()                                       #@flush.acquire
        try:
            self.__flush_locked()                                   #@flush.locked
        finally:
            self.__lock.release()                                   #@flush.release

    def __flush_locked(self):    # the caller holds self.__lock${LOOPS_OVER_DICTS}`;

const RESET = `
    def __reset(self):
        self.__timers.clear()                                       #@reset.timers
        self.__counters.clear()                                     #@reset.counters
        self.__last_record_time = time.time()                       #@reset.stamp
`;

const THROTTLE_PLAIN = `
    def __throttled_record(self):
        if time.time() - self.__last_record_time > METRICS_FREQUENCY_SEC:    #@throttle.check
            self.flush()                                            #@throttle.flush
`;

const THROTTLE_LOCKED = `
    def __throttled_record(self):    # the caller holds self.__lock
        if time.time() - self.__last_record_time > METRICS_FREQUENCY_SEC:    #@throttle.check
            self.__flush_locked()                                   #@throttle.flush
`;

const TITLES: Readonly<Record<VariantId, string>> = {
  buggy: 'arroyo 2.34.0 (28847a6)',
  'seed-fix': "arroyo 2.34.0 with the metrics-race write-up's fix",
  upstream: 'arroyo 2.37.1 (e907f89)',
  correct: 'arroyo 2.34.0 with a lock',
};

function bufferSource(variant: VariantId): string {
  const locked = variant === 'correct';
  const incr = locked ? incrLocked : incrPlain;
  const flush =
    variant === 'correct'
      ? FLUSH_LOCKED
      : variant === 'seed-fix'
        ? FLUSH_SNAPSHOT
        : FLUSH_AS_SHIPPED;
  return [
    BUFFER_HEAD,
    locked ? BUFFER_LOCK : '',
    BUFFER_INIT_END,
    incr('incr_timing', 'duration', '__timers', 'timing', '0.0'),
    incr('incr_counter', 'delta', '__counters', 'counter', '0'),
    flush,
    RESET,
    locked ? THROTTLE_LOCKED : THROTTLE_PLAIN,
  ].join('');
}

function detectorSource(variant: VariantId): string {
  const middle = variant === 'upstream' ? DETECTOR_DIRECT : DETECTOR_VIA_BUFFER;
  return DETECTOR_HEAD + middle + DETECTOR_TAIL;
}

/** The three listings of one variant, keyed by listing id. */
export function metricsListings(variant: VariantId): Record<string, Listing> {
  const title = TITLES[variant];
  return {
    [PROCESSOR]: defineListing(
      PROCESSOR,
      `arroyo/processing/processor.py: StreamProcessor, main thread (model, ${title})`,
      PROCESSOR_SOURCE,
    ),
    [DETECTOR]: defineListing(
      DETECTOR,
      `arroyo/processing/processor.py: stuck detector thread (model, ${title})`,
      detectorSource(variant),
    ),
    [BUFFER]: defineListing(
      BUFFER,
      `arroyo/processing/processor.py: MetricsBuffer (model, ${title})`,
      bufferSource(variant),
    ),
  };
}
