/**
 * The real mechanism of docs/real-code.md#eager-rebalance, scheduled by hand with
 * Run.stepWith: main pauses and enters the paused poll; only then does the
 * second member join; inside that poll the revoke resets the flag and drops
 * the carried message, the assign resumes P0, the first fetch wakes main, and
 * the assert in _run_once fails.
 */
import { describe, expect, it } from 'vitest';
import { Run, type World } from '../../engine/index.ts';
import { eagerSetup } from '../../scenarios/pause/rebalance-eager.ts';
import { PAUSE_REBALANCE_EAGER } from '../../scenarios/pause/rebalance-eager.ts';
import { defaultParams } from '../../scenarios/index.ts';
import { buildPauseProgram } from './program.ts';
import type { PauseState } from './state.ts';

const program = buildPauseProgram(eagerSetup(defaultParams(PAUSE_REBALANCE_EAGER)), 'buggy');
const MAIN = program.actors.indexOf('main');
const COORDINATOR = program.actors.indexOf('coordinator');
const PRODUCER = program.actors.indexOf('producer');

function stepUntil(
  run: Run<PauseState>,
  thread: number,
  done: (w: World<PauseState>) => boolean,
  limit = 60,
): void {
  for (let i = 0; i < limit; i++) {
    if (done(run.last as World<PauseState>)) return;
    expect(
      run.stepWith(thread),
      `thread ${program.actors[thread]} could not step at ${run.length}`,
    ).toBe(true);
  }
  throw new Error(`condition not reached within ${limit} steps`);
}

const mainPc = (w: World<PauseState>): string => w.threads[MAIN]?.pc ?? '';

describe('docs/real-code.md#eager-rebalance, step by step', () => {
  it('pause, paused poll, revoke inside it, assign, fetch, AssertionError in _run_once', () => {
    const run = new Run(program, { gil: 'py311' });

    // main runs alone (the join is postponed): one 10 ms sleep, then the pause.
    stepUntil(run, MAIN, (w) => w.state.processor.paused);
    let w = run.last as World<PauseState>;
    expect(w.nowMs).toBe(10);
    expect(w.state.kafka.sc.paused).toEqual(['P0', 'P1']);
    expect(w.state.kafka.consumer.assigned.map((a) => a.paused)).toEqual([true, true]);
    expect(w.state.processor.message).toEqual({ p: 'P0', offset: 10 });

    // the next run: rejected again, the pre-check sees nothing, main blocks inside poll(0.1).
    stepUntil(run, MAIN, (x) => x.state.kafka.consumer.pollDeadlineMs !== null);
    w = run.last as World<PauseState>;
    expect(mainPc(w)).toBe('kc.poll.return');
    expect(w.state.kafka.consumer.pollDeadlineMs).toBe(110);
    expect(run.enabledAt(run.length)).not.toContain(COORDINATOR);

    // the second member joins while main is blocked; the coordinator plans an eager rebalance.
    expect(run.stepWith(PRODUCER)).toBe(true);
    expect(run.stepWith(COORDINATOR)).toBe(true);
    expect((run.last as World<PauseState>).state.kafka.group.pending).toEqual({
      revoke: ['P0', 'P1'],
      assign: ['P0'],
    });

    // revoke inside the poll: SC forgets its pauses, close resets the flag and drops m0.
    stepUntil(run, COORDINATOR, (x) => x.threads[COORDINATOR]?.pc === 'rb.rejoin');
    w = run.last as World<PauseState>;
    expect(w.state.processor.paused).toBe(false);
    expect(w.state.processor.message).toBeNull();
    expect(w.state.processor.backpressureSinceMs).toBeNull();
    expect(w.state.kafka.sc.paused).toEqual([]);
    expect(w.state.kafka.consumer.assigned).toEqual([]);
    expect(w.nowMs).toBe(20);

    // rejoin (background), then the assign inside the same poll: P0 comes back at 10, resumed.
    stepUntil(run, COORDINATOR, (x) => x.threads[COORDINATOR]?.pc === 'rb.fetch');
    w = run.last as World<PauseState>;
    expect(w.state.kafka.consumer.assigned).toEqual([
      { p: 'P0', position: 10, paused: false, fetchAtMs: null },
    ]);
    expect(w.state.processor.strategy).toEqual({ partitions: ['P0'], accepting: true });
    expect(w.nowMs).toBeLessThan(110);

    // the first fetch lands before the deadline and wakes main early.
    stepUntil(run, COORDINATOR, (x) => x.threads[COORDINATOR]?.pc === 'rb.plan');
    w = run.last as World<PauseState>;
    expect(w.nowMs).toBe(65);
    expect(w.threads[MAIN]?.wakeAtMs).toBe(65);

    // main: the poll returns P0@10, SC's gate passes it (the leader is at 13), the assert fails.
    stepUntil(run, MAIN, (x) => x.crashes.length > 0);
    w = run.last as World<PauseState>;
    const crash = w.crashes[0];
    expect(crash?.type).toBe('AssertionError');
    expect(crash?.actor).toBe('main');
    expect(crash?.message).toBe('assert polled is None');
    expect(crash?.traceback.map((f) => f.fn)).toEqual(['run', '_run_once']);
    expect(crash?.traceback.at(-1)?.text).toBe('assert polled is None');
    expect(w.ended).toBe(true);

    const narration = run.records(0, run.length).map((r) => r.narration);
    expect(narration.every((n) => n.length > 0)).toBe(true);
    expect(narration).toContain("poll() returns P0@10 and moves P0's working offset to 11.");
  });
});
