import { describe, expect, it } from 'vitest';
import { cursorValueText, describeCursor, describeHit, stepRows, summarise } from './details.ts';
import { miniMetricsRace, modelOf } from './testing.ts';

describe('details', () => {
  const { model } = modelOf(miniMetricsRace(6));
  const crash = model.crash;
  if (!crash) throw new Error('expected a crash');

  it('describes the cursor with the step just taken and the shared state there', () => {
    // One numbering: step 0 is the start, step N the state after the Nth step.
    expect(describeCursor(model, 0)).toMatch(/^Step 0 of \d+: the start/);
    const text = describeCursor(model, 1);
    expect(text).toContain(`Step 1 of ${model.steps.count}`);
    expect(text).toContain('Step 1 by main');
    expect(text).toContain('timers.insert k0 = 1: size 1');
    expect(text).toContain('StreamProcessor.__is_paused = True');
    expect(describeCursor(model, crash.step + 1)).toContain('Crash: RuntimeError in stuck');
  });

  it('gives the slider a short value text', () => {
    expect(cursorValueText(model, 0)).toBe(`step 0 of ${model.steps.count}, the start`);
    expect(cursorValueText(model, crash.step + 1)).toBe(
      `step ${crash.step + 1} of ${model.steps.count}: stuck, mini:next, crash`,
    );
  });

  it('names the conflict on the failing step', () => {
    const text = describeHit(model, { kind: 'step', step: crash.step, laneId: 'actor:stuck' });
    expect(text).toContain('Conflict: main insert on timers');
    expect(describeHit(model, { kind: 'iterator', index: 0, laneId: 'dict:timers' })).toBe(
      `Iterator over timers by stuck, created at step 5 with size 3, raised at step ${crash.step + 1}`,
    );
  });

  it('lists steps for the text alternative, capped', () => {
    const rows = stepRows(model, 2, 100, 3);
    expect(rows.map((r) => r.step)).toEqual([2, 3, 4]);
    expect(rows[0]).toMatchObject({ actor: 'main', at: 'mini:insert' });
    expect(summarise(model)).toContain(`crash at step ${crash.step + 1}: RuntimeError in stuck`);
  });
});
