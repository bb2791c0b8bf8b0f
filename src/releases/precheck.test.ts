/**
 * 2.18.2 and 2.19.6 have no pre-check before the asserting poll (bb3aaf5 came
 * in 2.19.8), yet the release table gives them the `buggy` listing, which has
 * it. That is faithful only if the pre-check never fires. Here the step that
 * runs when it fires is made to raise a marker exception, and the explorer
 * checks every schedule of every race A scenario: the marker never appears,
 * so with or without the pre-check the same schedules reach the same outcomes.
 */
import { describe, expect, it } from 'vitest';
import type { Instr, Program } from '../engine/index.ts';
import { Exploration } from '../explorer/explore.ts';
import { defaultParams, SCENARIOS } from '../scenarios/index.ts';

const FIRED = 'PreCheckFired';

function marked(program: Program<unknown>): Program<unknown> {
  const original = program.instrs['paused.precheck.resume'] as Instr<unknown> | undefined;
  if (!original) throw new Error('the buggy program has no pre-check step');
  const marker: Instr<unknown> = { ...original, run: (c) => c.raise(FIRED, 'the pre-check fired') };
  return { ...program, instrs: { ...program.instrs, 'paused.precheck.resume': marker } };
}

describe('the V1c pre-check in the buggy listing', () => {
  const raceA = SCENARIOS.filter((s) => s.race === 'A');
  it.each(raceA.map((s) => [s.id, s] as const))('never fires in %s', (_id, def) => {
    const program = marked(def.build('buggy', defaultParams(def), 'py311'));
    const exploration = new Exploration(program, 'py311', {
      preemptions: Infinity,
      maxStates: 2_000_000,
      reduction: 'none',
    });
    exploration.runFor(Infinity);
    const result = exploration.result();
    expect(result.complete).toBe(true);
    expect(Object.keys(result.byOutcome).filter((k) => k.includes(FIRED))).toEqual([]);
  });
});
