import { describe, expect, it } from 'vitest';
import {
  naturalScheduler,
  outcomeKeys,
  RandomScheduler,
  Run,
  type World,
} from '../../engine/index.ts';
import { dictFrom } from '../../engine/python/dict.ts';
import { SWITCH_MODES } from '../../engine/types.ts';
import { explore } from '../../explorer/explore.ts';
import { defaultParams, findScenario, validateParams } from '../../scenarios/index.ts';
import { VARIANT_IDS } from '../../scenarios/types.ts';
import { imbalances, metricsConservation } from './invariant.ts';
import { buildMetricsProgram, DEFAULT_METRICS_PARAMS, type MetricsParams } from './program.ts';
import { initialState, KEY, type MetricsState } from './state.ts';

function naturalRun(
  variant: (typeof VARIANT_IDS)[number],
  gil: (typeof SWITCH_MODES)[number],
  params = DEFAULT_METRICS_PARAMS,
) {
  const run = new Run(buildMetricsProgram(variant, params, gil), { gil });
  run.extend(naturalScheduler);
  return run;
}

describe('metrics world: natural runs', () => {
  for (const variant of VARIANT_IDS) {
    for (const gil of SWITCH_MODES) {
      it(`${variant} / ${gil}: both threads finish, counts balance, every step is narrated`, () => {
        const run = naturalRun(variant, gil);
        expect(run.last.threads.map((t) => t.status)).toEqual(['done', 'done']);
        expect(outcomeKeys(run.last as World<unknown>)).toEqual(['ok']);
        const state = run.last.state;
        expect(state.emitted[KEY.stuck]).toBe(1);
        expect(state.emitted).toEqual(state.incremented);
        const records = run.records(0, run.length);
        for (const r of records) expect(r.narration, `${r.step} ${r.at}`).not.toBe('');
        const kinds = new Set(records.flatMap((r) => r.events.map((e) => e.kind)));
        for (const k of ['dict', 'metric', 'state', 'block', 'consumer'] as const)
          expect(kinds).toContain(k);
        if (variant === 'correct') expect(kinds).toContain('lock');
        // Iterator steps say how big the dict was when the iterator was made. With a GIL the
        // seed's fix copies each dict in one C call instead: a snapshot, no iterator.
        const dictOps = records.flatMap((r) => r.events).filter((e) => e.kind === 'dict');
        const iterOps = dictOps.filter((e) => e.op === 'iter');
        const copies = variant === 'seed-fix' && gil !== 'free-threaded';
        expect(iterOps.length > 0).toBe(!copies);
        expect(dictOps.some((e) => e.op === 'snapshot')).toBe(copies);
        for (const e of iterOps)
          expect(e.kind === 'dict' && e.recordedSize !== undefined).toBe(true);
      });
    }
  }

  it('narrates every step of seeded random runs too (crash and copy paths included)', () => {
    const seen = new Set<string>();
    for (const variant of VARIANT_IDS) {
      for (const gil of SWITCH_MODES) {
        const program = buildMetricsProgram(variant, DEFAULT_METRICS_PARAMS, gil);
        for (let seed = 0; seed < 12; seed++) {
          const run = new Run(program, { gil });
          run.extend(new RandomScheduler(seed));
          for (const r of run.records(0, run.length)) {
            expect(r.narration, `${variant} ${gil} seed ${seed} step ${r.step} ${r.at}`).not.toBe(
              '',
            );
            seen.add(`${variant}/${gil}/${run.pcAt(r.step)}`);
          }
        }
      }
    }
    // The copy loop of list() without a GIL, and the raising next(), were among the steps taken.
    expect(seen).toContain('seed-fix/free-threaded/flush.snap_timers.next');
    expect(seen).toContain('buggy/py39/flush.counters.next');
  });

  it('the detector reports at its first check past the timeout, and main comes back during its stack dump', () => {
    const run = naturalRun('buggy', 'py311');
    const records = run.records(0, run.length);
    const stuck = records.find((r) => r.narration.includes('Main is stuck'));
    expect(stuck?.timeMs).toBe(5500);
    const back = records.find((r) => r.at === 'processor:close.join_time');
    expect(back?.narration).toContain(`after ${DEFAULT_METRICS_PARAMS.joinMs} ms`);
    const frames = records.filter((r) => r.at === 'stuck_detector:s.stacks');
    expect(frames).toHaveLength(DEFAULT_METRICS_PARAMS.stackFrames);
    expect(frames.some((r) => r.timeMs === DEFAULT_METRICS_PARAMS.joinMs)).toBe(true);
  });
});

describe('metrics world: the race needs main back while the detector is busy', () => {
  const cases: [string, Partial<MetricsParams>][] = [
    ['main returns long after the detector has finished', { joinMs: 8000 }],
    ['main returns before the detector would find it stuck', { joinMs: 3000 }],
    ['no stack frames to format and main returns a little later', { stackFrames: 1, joinMs: 5510 }],
  ];
  for (const [name, override] of cases) {
    it(`buggy / py311: ${name}: every schedule is ok`, () => {
      const program = buildMetricsProgram(
        'buggy',
        { ...DEFAULT_METRICS_PARAMS, ...override },
        'py311',
      );
      const result = explore(program, 'py311', { preemptions: Infinity });
      expect(result.complete).toBe(true);
      expect(Object.keys(result.byOutcome)).toEqual(['ok']);
    });
  }
});

describe('metrics-conservation', () => {
  function world(state: MetricsState): World<MetricsState> {
    return {
      nowMs: 0,
      step: 0,
      lastThread: -1,
      atomic: -1,
      threads: [],
      state,
      crashes: [],
      violations: [],
      ended: true,
    };
  }

  it('holds when emitted plus buffered equals incremented, per key', () => {
    const s = initialState(false, 0);
    s.incremented[KEY.joinTime] = 30;
    s.emitted[KEY.joinTime] = 10;
    s.buffer.timers = dictFrom([[KEY.joinTime, 20]]);
    expect(metricsConservation.check(world(s))).toBeNull();
  });

  it('names the key and says how much was lost or counted twice', () => {
    const s = initialState(false, 0);
    s.incremented[KEY.pollTime] = 1500;
    s.emitted[KEY.pollTime] = 500;
    s.incremented[KEY.runCount] = 2;
    s.emitted[KEY.runCount] = 3;
    expect(imbalances(s).map((b) => [b.key, b.excess])).toEqual([
      [KEY.runCount, 1],
      [KEY.pollTime, -1000],
    ]);
    expect(metricsConservation.check(world(s))).toBe(
      'run.count: incremented 2, emitted 3, still buffered 0, so 1 counted twice; ' +
        'poll.time: incremented 1500 ms, emitted 500 ms, still buffered 0 ms, so 1000 ms lost',
    );
  });
});

describe('metrics-stuck-flush scenario', () => {
  const def = findScenario('metrics-stuck-flush');

  it('is race B, from production, with the refs and actors of the catalogue', () => {
    expect(def).toBeDefined();
    expect(def?.race).toBe('B');
    expect(def?.version).toBe(1);
    expect(def?.provenance.kind).toBe('production');
    expect(def?.provenance.refs).toEqual([
      'docs/real-code.md#metrics-buffer',
      'docs/real-code.md#minimal-crash',
      '28847a6',
      'e907f89',
    ]);
    expect(def?.actors.map((a) => a.id)).toEqual(['main', 'stuck']);
    for (const v of VARIANT_IDS) expect(def?.expected[v]).toBeTruthy();
  });

  it('has defaults equal to the world defaults, inside their ranges', () => {
    if (!def) throw new Error('missing');
    expect(defaultParams(def)).toEqual({ ...DEFAULT_METRICS_PARAMS });
    for (const p of def.params) {
      expect(p.defaultValue).toBeGreaterThanOrEqual(p.min);
      expect(p.defaultValue).toBeLessThanOrEqual(p.max);
    }
    expect(defaultParams(def)['metricsFrequencyMs']).toBe(1000);
  });

  it('refuses out-of-range values and builds programs for the others', () => {
    if (!def) throw new Error('missing');
    expect(validateParams(def, { stackFrames: 0 }).ok).toBe(false);
    const params = validateParams(def, { stackFrames: 8, runsAfter: 3 });
    if (!params.ok) throw new Error(params.error);
    const program = def.build('correct', params.value, 'py39');
    const run = new Run(program, { gil: 'py39' });
    run.extend(naturalScheduler);
    expect(outcomeKeys(run.last)).toEqual(['ok']);
  });
});
