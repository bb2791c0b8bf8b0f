import { describe, expect, it } from 'vitest';
import { Run, RandomScheduler, type SimEvent, type StepRecord } from '../engine/index.ts';
import { counterRace, sleepers } from '../testing/toy.ts';
import {
  buildTimelineModel,
  laneMarks,
  STEP_CRASH,
  STEP_EXCEPTION,
  type ActorLane,
  type Lane,
} from './model.ts';
import { intervalAt } from '../analysis/state-lanes.ts';
import { miniMetricsRace, modelOf } from './testing.ts';
import { boundaryAtX, boundaryX, domainOf, stepAtX, stepEndX, stepStartX } from './xmap.ts';

function lane<K extends Lane['kind']>(
  lanes: readonly Lane[],
  kind: K,
  id?: string,
): Extract<Lane, { kind: K }> {
  const found = lanes.find((l) => l.kind === kind && (id === undefined || l.id === id));
  if (!found) throw new Error(`no ${kind} lane ${id ?? ''}`);
  return found as Extract<Lane, { kind: K }>;
}

/** Records with chosen actors and events, the way Run.records shapes them. */
function records(
  spec: readonly [actor: string, events: readonly SimEvent[], durationMs?: number][],
): StepRecord[] {
  let t = 0;
  return spec.map(([actor, events, d = 0], step) => {
    const r = { step, actor, at: `test:s${step}`, timeMs: t, durationMs: d, events, narration: '' };
    t += d;
    return r;
  });
}

describe('actor lanes from real runs', () => {
  it('gives each actor its own steps, in order, with start, duration and line', () => {
    const { run, model } = modelOf(counterRace(2, 3));
    expect(model.lanes.map((l) => l.id)).toEqual(['actor:t0', 'actor:t1']);
    const t0 = lane(model.lanes, 'actor', 'actor:t0');
    const marks = laneMarks(model, t0);
    expect(marks).toHaveLength(6);
    expect(marks[0]).toEqual({
      step: 0,
      actor: 't0',
      startMs: 0,
      durationMs: 0,
      at: 'toy:load',
      label: 'toy:load',
    });
    expect(marks.map((m) => m.at)).toEqual([
      'toy:load',
      'toy:store',
      'toy:load',
      'toy:store',
      'toy:load',
      'toy:store',
    ]);
    expect(model.steps.count).toBe(run.length);
  });

  it('partitions every step of a random schedule between the actor lanes', () => {
    for (let seed = 0; seed < 20; seed++) {
      const program = counterRace(3, 4);
      const run = new Run(program, { gil: 'py311' });
      run.extend(new RandomScheduler(seed));
      const model = buildTimelineModel({
        actors: program.actors,
        steps: run.records(0, run.length),
      });
      const all = model.lanes.flatMap((l) => (l.kind === 'actor' ? Array.from(l.steps) : []));
      expect(all.sort((a, b) => a - b)).toEqual(Array.from({ length: run.length }, (_, i) => i));
      for (const l of model.lanes as ActorLane[]) {
        for (const i of l.steps) expect(run.threadAt(i)).toBe(l.actorIndex);
      }
    }
  });

  it('refuses records that are not the whole run from step 0', () => {
    const { run } = modelOf(counterRace(2, 2));
    expect(() =>
      buildTimelineModel({ actors: ['t0', 't1'], steps: run.records(2, run.length) }),
    ).toThrow(/from step 0/);
  });
});

describe('step and time x-axes', () => {
  const { run, model } = modelOf(sleepers([3, 5], 3, 4));
  const records_ = run.records(0, run.length);

  it('maps steps to indices in step mode and to virtual ms in time mode', () => {
    expect(domainOf(model, 'step')).toEqual([0, run.length]);
    expect(domainOf(model, 'time')).toEqual([0, run.last.nowMs]);
    records_.forEach((r, i) => {
      expect(stepStartX(model, 'step', i)).toBe(i);
      expect(stepEndX(model, 'step', i)).toBe(i + 1);
      expect(stepStartX(model, 'time', i)).toBe(r.timeMs);
      expect(stepEndX(model, 'time', i)).toBe(r.timeMs + r.durationMs);
    });
  });

  it('puts boundary c at the virtual time after c steps, and finds it back', () => {
    for (let c = 0; c <= run.length; c++) {
      expect(boundaryX(model, 'time', c)).toBe(run.worldAt(c).nowMs);
      expect(boundaryAtX(model, 'step', c + 0.4)).toBe(Math.min(c, run.length));
    }
    // At 3.5 ms the world is the one after the last step that ended by then.
    const k = boundaryAtX(model, 'time', 3.5);
    expect(run.worldAt(k).nowMs).toBeLessThanOrEqual(3.5);
    if (k < run.length) expect(run.worldAt(k + 1).nowMs).toBeGreaterThan(3.5);
    expect(stepAtX(model, 'step', 2.7)).toBe(2);
  });

  it('keeps starts and ends ascending on both axes (what binary search relies on)', () => {
    for (const mode of ['step', 'time'] as const) {
      for (let i = 1; i < model.steps.count; i++) {
        expect(stepStartX(model, mode, i)).toBeGreaterThanOrEqual(stepEndX(model, mode, i - 1));
      }
    }
  });
});

describe('shared state, dicts and the conflict arrow from a real race', () => {
  const { run, model } = modelOf(miniMetricsRace(6));
  const crash = run.last.crashes[0];

  it('marks the crash on the step that raised', () => {
    expect(crash?.actor).toBe('stuck');
    expect(model.crash).toMatchObject({ step: crash?.step, actor: 'stuck', type: 'RuntimeError' });
    const step = crash?.step ?? -1;
    expect((model.steps.flags[step] as number) & STEP_CRASH).toBe(STEP_CRASH);
    expect((model.steps.flags[step] as number) & STEP_EXCEPTION).toBe(STEP_EXCEPTION);
    expect(Array.from(lane(model.lanes, 'actor', 'actor:stuck').exceptions)).toEqual([step]);
  });

  it('reads the crash from the events when world.crashes is not given', () => {
    const derived = buildTimelineModel({
      actors: ['main', 'stuck'],
      steps: run.records(0, run.length),
    });
    expect(derived.crashes).toEqual(model.crashes);
  });

  it('builds state intervals that cover the run and follow every write', () => {
    const flag = lane(model.lanes, 'state', 'state:processor.is_paused');
    expect(flag.label).toBe('StreamProcessor.__is_paused');
    expect(flag.intervals[0]).toMatchObject({ fromBoundary: 0, value: 'False', setBy: null });
    for (let k = 1; k < flag.intervals.length; k++) {
      expect(flag.intervals[k]?.fromBoundary).toBe(flag.intervals[k - 1]?.toBoundary);
    }
    expect(flag.intervals.at(-1)?.toBoundary).toBe(run.length);
    for (let c = 0; c <= run.length; c++) {
      const expected = run.worldAt(c).state.paused ? 'True' : 'False';
      expect(intervalAt(flag, c)?.value).toBe(expected);
    }
  });

  it('tracks the dict size and the iterator that raised', () => {
    const timers = lane(model.lanes, 'dict', 'dict:timers');
    for (const p of timers.points) expect(p.size).toBe(run.worldAt(p.step + 1).state.timers.used);
    expect(timers.iterators).toEqual([
      {
        actor: 'stuck',
        fromStep: expect.any(Number),
        toStep: crash?.step,
        recordedSize: 3,
        end: 'raised',
        failedStep: crash?.step,
      },
    ]);
    expect(timers.maxSize).toBe(6);
  });

  it('draws one arrow from the write that broke the iterator to the failing next', () => {
    const timers = lane(model.lanes, 'dict', 'dict:timers');
    const span = timers.iterators[0];
    // The first foreign insert after the iterator recorded its size: from then on the size differs.
    const breaker = timers.points.find(
      (p) => p.actor === 'main' && p.sizeChanged && p.step > (span?.fromStep ?? 0),
    );
    expect(breaker?.size).not.toBe(span?.recordedSize);
    expect(model.arrows).toEqual([
      expect.objectContaining({
        kind: 'dict',
        fromActor: 'main',
        fromStep: breaker?.step,
        toActor: 'stuck',
        toStep: crash?.step,
        raised: true,
        laneId: 'dict:timers',
      }),
    ]);
  });
});

describe('lanes from hand-written events', () => {
  const st = (actor: string, path: string, from: string, to: string): SimEvent => ({
    kind: 'state',
    actor,
    path,
    from,
    to,
  });

  it('pairs consecutive writes by different actors, and the crash with a write under it', () => {
    const steps = records([
      ['main', [st('main', 'consumer.paused', '{}', '{P0, P1}')]],
      ['coordinator', [st('coordinator', 'consumer.paused', '{P0, P1}', '{}')]],
      ['coordinator', [st('coordinator', 'consumer.paused', '{}', '{}')]],
      [
        'main',
        [
          {
            kind: 'exception',
            actor: 'main',
            type: 'AssertionError',
            message: '',
            traceback: [],
            caught: false,
          },
        ],
      ],
    ]);
    const model = buildTimelineModel({ actors: ['main', 'coordinator'], steps });
    expect(model.arrows.map((a) => [a.kind, a.fromStep, a.toStep, a.fromActor, a.toActor])).toEqual(
      [
        ['state', 0, 1, 'main', 'coordinator'],
        ['crash', 2, 3, 'coordinator', 'main'],
      ],
    );
    expect(model.maxArrowSpan).toBe(1);
  });

  it('orders state lanes by the given specs, then by first appearance', () => {
    const steps = records([
      ['main', [st('main', 'b', '0', '1')]],
      ['main', [st('main', 'a', '0', '1'), st('main', 'c', 'x', 'y')]],
    ]);
    const model = buildTimelineModel({
      actors: ['main'],
      steps,
      stateLanes: [{ path: 'c', label: 'The C' }],
    });
    expect(model.lanes.map((l) => l.label)).toEqual(['main', 'The C', 'b', 'a']);
  });

  it('collects outside events and lock holds', () => {
    const steps = records([
      ['producer', [{ kind: 'produce', actor: 'producer', partition: 'P0', offset: 7 }]],
      [
        'coordinator',
        [
          {
            kind: 'rebalance',
            actor: 'coordinator',
            phase: 'join',
            partitions: [],
            protocol: 'eager',
          },
        ],
      ],
      ['main', [{ kind: 'lock', actor: 'main', lock: 'buffer', op: 'acquire' }]],
      ['stuck', [{ kind: 'lock', actor: 'stuck', lock: 'buffer', op: 'wait' }]],
      ['main', [{ kind: 'lock', actor: 'main', lock: 'buffer', op: 'release' }]],
      ['stuck', [{ kind: 'lock', actor: 'stuck', lock: 'buffer', op: 'acquire' }]],
    ]);
    const model = buildTimelineModel({
      actors: ['main', 'coordinator', 'stuck', 'producer'],
      steps,
    });
    const outside = lane(model.lanes, 'outside');
    expect(outside.marks.map((m) => [m.step, m.label])).toEqual([
      [0, 'produce P0@7'],
      [1, 'join'],
    ]);
    const lock = lane(model.lanes, 'lock');
    expect(lock.holds).toEqual([
      { actor: 'main', fromStep: 2, toStep: 4 },
      { actor: 'stuck', fromStep: 5, toStep: null },
    ]);
    expect(lock.waits).toEqual([{ step: 3, actor: 'stuck' }]);
  });

  it('places violations at the boundary where they were found, from input or from events', () => {
    const steps = records([
      ['main', []],
      ['main', [{ kind: 'violation', invariant: 'message-loss', detail: 'P0@3 lost' }]],
    ]);
    const fromEvents = buildTimelineModel({ actors: ['main'], steps });
    expect(fromEvents.violations).toEqual([
      { boundary: 2, invariant: 'message-loss', detail: 'P0@3 lost' },
    ]);
    const fromInput = buildTimelineModel({
      actors: ['main'],
      steps,
      violations: [{ invariant: 'liveness', step: 2 }],
    });
    expect(fromInput.violations).toEqual([{ boundary: 2, invariant: 'liveness', detail: '' }]);
  });

  it('closes an iterator at StopIteration and draws no arrow when nobody wrote', () => {
    const d = (
      actor: string,
      op: 'iter' | 'next' | 'insert',
      size: number,
      key?: string,
    ): SimEvent => ({
      kind: 'dict',
      actor,
      dict: 'counters',
      op,
      size,
      ...(op === 'insert' ? {} : { recordedSize: 1 }),
      ...(key === undefined ? {} : { key }),
    });
    const steps = records([
      ['main', [d('main', 'insert', 1, 'a')]],
      ['stuck', [d('stuck', 'iter', 1)]],
      ['stuck', [d('stuck', 'next', 1, 'a')]],
      ['stuck', [d('stuck', 'next', 1)]],
      ['main', [d('main', 'insert', 2, 'b')]],
    ]);
    const model = buildTimelineModel({ actors: ['main', 'stuck'], steps });
    expect(lane(model.lanes, 'dict').iterators).toEqual([
      { actor: 'stuck', fromStep: 1, toStep: 3, recordedSize: 1, end: 'stop', failedStep: null },
    ]);
    expect(model.arrows).toEqual([]);
  });
});
