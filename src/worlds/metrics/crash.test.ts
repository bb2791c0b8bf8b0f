/**
 * The interleavings of docs/real-code.md#minimal-crash, #snapshot-fix, driven by hand with
 * `Run.stepWith` (manual scheduling), on the default scenario under py311.
 */
import { describe, expect, it } from 'vitest';
import { naturalScheduler, outcomeKeys, Run, type World } from '../../engine/index.ts';
import { CHANGED_SIZE, size, type PyDictIter } from '../../engine/python/dict.ts';
import { buildMetricsProgram, DEFAULT_METRICS_PARAMS } from './program.ts';
import { KEY, type MetricsState } from './state.ts';
import {
  MAIN,
  STUCK,
  canStep,
  stepPreferring,
  stepThread,
  stepTo,
  stepUntil,
  threadOf,
} from './stepping.ts';

function newRun(variant: 'buggy' | 'seed-fix'): Run<MetricsState> {
  return new Run(buildMetricsProgram(variant, DEFAULT_METRICS_PARAMS, 'py311'), { gil: 'py311' });
}

function finish(run: Run<MetricsState>): void {
  run.extend(naturalScheduler);
  expect(run.ended).toBe(true);
}

/** The detector is about to execute `pc` at call depth `depth`. */
function atTop(run: Run<MetricsState>, pc: string, depth: number): boolean {
  const t = threadOf(run, STUCK);
  return t.pc === pc && t.stack.length === depth;
}

function violation(run: Run<MetricsState>): string {
  const v = run.last.violations.find((x) => x.invariant === 'metrics-conservation');
  return v?.detail ?? '';
}

describe('the minimal crash of docs/real-code.md#minimal-crash (buggy, py311)', () => {
  it('S yields A, S emits A, M inserts B, S next() raises in the stuck thread', () => {
    const run = newRun('buggy');
    // The detector finds main stuck, dumps stacks, increments `stuck` (which flushes and
    // resets the buffer inside incr_counter) and enters its explicit flush(): under py311
    // a switch can fall at the entry of a Python function.
    stepPreferring(run, STUCK, (r) => atTop(r, 'flush.timers.iter', 1));
    const buffer = (): MetricsState['buffer'] => run.last.state.buffer;
    expect(buffer().lastRecordMs).toBe(run.last.nowMs);
    expect(size(buffer().timers)).toBe(0);

    // Main is back from join() and makes one whole += : join.time (A) is in timers. It
    // stops at the next switch point, the entry of __throttled_record.
    stepUntil(run, MAIN, (r) => size(buffer().timers) === 1 && canStep(r, STUCK));
    expect(buffer().timers.keys).toEqual([KEY.joinTime]);
    expect(threadOf(run, MAIN).pc).toBe('throttle.check');

    // 1. S: flush() creates the timers iterator (it records 1 key) and next() yields A.
    stepTo(run, STUCK, 'flush.timers.emit');
    expect(threadOf(run, STUCK).locals['it']).toMatchObject({
      diUsed: 1,
    } satisfies Partial<PyDictIter>);
    const a = threadOf(run, STUCK).locals['item'] as [string, number];
    expect(a[0]).toBe(KEY.joinTime);
    // 2. S: metrics.timing(A), a call at which main may run.
    stepThread(run, STUCK);
    expect(run.last.state.emitted[KEY.joinTime]).toBe(a[1]);
    expect(threadOf(run, STUCK).pc).toBe('flush.timers.next');

    // 3. M: incr_timing(shutdown.time) misses, so the defaultdict inserts B: timers grows to 2.
    stepUntil(run, MAIN, () => size(buffer().timers) === 2);
    expect(buffer().timers.keys).toEqual([KEY.joinTime, KEY.shutdownTime]);
    stepUntil(run, MAIN, (r) => canStep(r, STUCK)); // the rest of the += runs without a switch

    // 4. S: next() sees 2 keys where it recorded 1.
    const at = run.length;
    stepThread(run, STUCK);
    const crash = run.last.crashes[0];
    expect(crash).toMatchObject({ type: 'RuntimeError', message: CHANGED_SIZE, actor: 'stuck' });
    expect(threadOf(run, STUCK).status).toBe('dead');
    expect(run.ended).toBe(false); // only the detector thread dies

    const frames = crash?.traceback.map((f) => `${f.fn}: ${f.text}`);
    expect(frames).toEqual([
      'stuck_detector: self.__metrics_buffer.flush()',
      'flush: for name, total in self.__timers.items():',
    ]);
    const [record] = run.records(at, at + 1);
    expect(record?.narration).toContain('had 1 key when the iterator was made and has 2 now');
    expect(
      record?.events.some((e) => e.kind === 'dict' && e.recordedSize === 1 && e.size === 2),
    ).toBe(true);

    // Main carries on; its shutdown flush emits A again: a double count, not a loss.
    finish(run);
    expect(outcomeKeys(run.last as World<unknown>)).toEqual([
      'crash:RuntimeError@stuck',
      'violation:metrics-conservation',
    ]);
    expect(violation(run)).toContain(`join.time: incremented ${a[1]} ms, emitted ${2 * a[1]} ms`);
    expect(violation(run)).toContain(`${a[1]} ms counted twice`);
  });

  it('when both threads flush, the detector finishes first and main raises: the process dies', () => {
    const run = newRun('buggy');
    // S has found a flush due inside incr_counter("stuck") and entered flush()
    // (frames: incr_counter, __throttled_record, flush).
    stepPreferring(run, STUCK, (r) => atTop(r, 'flush.timers.iter', 3));
    // M: incr_timing(join.time) also finds a flush due (nobody has flushed since 0 ms),
    // starts its own flush, and emits join.time.
    stepTo(run, MAIN, 'flush.timers.emit');
    stepThread(run, MAIN);
    expect(threadOf(run, MAIN).pc).toBe('flush.timers.next');
    // S flushes everything, emitting join.time too, and resets: it clears timers under M's iterator.
    stepUntil(run, STUCK, (r) => threadOf(r, STUCK).status !== 'ready');
    expect(threadOf(run, STUCK).status).toBe('done');
    // M: next() on its timers iterator raises, in the main thread.
    stepThread(run, MAIN);
    expect(run.ended).toBe(true);
    const crash = run.last.crashes[0];
    expect(crash).toMatchObject({ type: 'RuntimeError', message: CHANGED_SIZE, actor: 'main' });
    expect(crash?.traceback.map((f) => f.fn)).toEqual([
      'run',
      '_run_once',
      '_timed_callback',
      'on_partitions_revoked',
      '_close_processing_strategy',
      'incr_timing',
      '__throttled_record',
      'flush',
    ]);
    expect(violation(run)).toContain('join.time');
    expect(violation(run)).toContain('counted twice');
  });

  it("a flush preempted between its loops and its reset loses the other thread's increments", () => {
    const run = newRun('buggy');
    // S's explicit flush (called from the detector, depth 1) has looped over both dicts.
    stepPreferring(run, STUCK, (r) => atTop(r, 'flush.reset', 1));
    // M makes all its increments (none flushes: S reset the buffer moments ago) and waits in poll().
    stepUntil(run, MAIN, (r) => !canStep(r, MAIN));
    expect(size(run.last.state.buffer.timers)).toBe(4);
    // S resets: clears them.
    stepUntil(run, STUCK, (r) => threadOf(r, STUCK).status !== 'ready');
    expect(size(run.last.state.buffer.timers)).toBe(0);
    finish(run);
    expect(run.last.crashes).toEqual([]);
    expect(violation(run)).toMatch(
      /join\.time: incremented \d+ ms, emitted 0 ms, still buffered 0 ms, so \d+ ms lost/,
    );
    expect(violation(run)).toContain('callback.time');
  });
});

describe("the metrics-race write-up's fix (snapshot, reset, emit the copies), py311", () => {
  it('never raises, but a copy taken before the other thread flushes is emitted twice, and what comes in between is lost', () => {
    const run = newRun('seed-fix');
    // S, flushing inside incr_counter("stuck"), has copied both dicts but not reset yet.
    stepPreferring(run, STUCK, (r) => threadOf(r, STUCK).pc === 'flush.reset');
    const copied = threadOf(run, STUCK).locals['countersCopy'];
    expect(copied).toEqual([
      [KEY.runCount, 1],
      [KEY.stuck, 1],
    ]);
    // M: its join.time increment finds a flush due, copies, resets and emits run.count and
    // stuck, then makes its other increments and waits in poll().
    stepUntil(run, MAIN, (r) => !canStep(r, MAIN));
    expect(run.last.state.emitted[KEY.stuck]).toBe(1);
    // S resets (wiping main's newer increments) and emits its stale copy.
    finish(run);
    expect(run.last.crashes).toEqual([]);
    expect(run.last.state.emitted[KEY.stuck]).toBe(2);
    expect(violation(run)).toContain(
      'stuck: incremented 1, emitted 2, still buffered 0, so 1 counted twice',
    );
    expect(violation(run)).toMatch(
      /shutdown\.time: incremented \d+ ms, emitted 0 ms, still buffered 0 ms, so \d+ ms lost/,
    );
  });
});
