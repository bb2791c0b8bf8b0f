import { describe, expect, it } from 'vitest';
import { counterRace } from '../testing/toy.ts';
import { centreX, hitBox, hitTest, seekAt, seekTarget, type Geometry } from './hit.ts';
import { layoutLanes } from './layout.ts';
import { viewScale } from './scales.ts';
import { miniMetricsRace, modelOf } from './testing.ts';
import { domainOf } from './xmap.ts';

function geometry(
  model: Geometry['model'],
  width = 800,
  domain?: readonly [number, number],
): Geometry {
  return {
    model,
    layout: layoutLanes(model),
    scale: viewScale(domain ?? domainOf(model, 'step'), width),
    xMode: 'step',
  };
}

describe('hit testing and click to seek', () => {
  const { model } = modelOf(miniMetricsRace(6));
  const g = geometry(model);
  const rowOf = (id: string) => {
    const row = g.layout.rowById.get(id);
    if (!row) throw new Error(id);
    return row;
  };

  it('finds the step under the pointer and seeks to the world right after it', () => {
    const main = rowOf('actor:main');
    const hit = hitTest(g, centreX(g, 3), main.y + main.height / 2);
    expect(hit).toEqual({ kind: 'step', step: 3, laneId: 'actor:main' });
    expect(hit && seekTarget(model, hit)).toBe(4);
    expect(seekAt(g, centreX(g, 3), main.y + main.height / 2)).toBe(4);
  });

  it('misses a lane where that actor did not step, and seeks to the nearest boundary instead', () => {
    const main = rowOf('actor:main');
    // Step 5 belongs to stuck: nothing of main's within tolerance at its middle.
    expect(hitTest(g, centreX(g, 5), main.y + 5)).toBeNull();
    expect(seekAt(g, g.scale(5.8), main.y + 5)).toBe(6);
  });

  it('hits the crash mark and the crash label', () => {
    const crash = model.crash;
    if (!crash) throw new Error('expected a crash');
    const stuck = rowOf('actor:stuck');
    const x = centreX(g, crash.step);
    expect(hitTest(g, x, stuck.y + stuck.height / 2)).toEqual({ kind: 'crash', index: 0 });
    expect(hitTest(g, x + 3, 6)).toEqual({ kind: 'crash', index: 0 });
    expect(seekTarget(model, { kind: 'crash', index: 0 })).toBe(crash.step + 1);
  });

  it('hits state intervals, dict points and the iterator, each with a box', () => {
    const flag = rowOf('state:processor.is_paused');
    const state = hitTest(g, g.scale(4.5), flag.y + 5);
    expect(state).toMatchObject({ kind: 'state', laneId: 'state:processor.is_paused' });
    const dict = rowOf('dict:timers');
    const iter = hitTest(g, g.scale(6), dict.y + dict.height - 3);
    expect(iter).toEqual({ kind: 'iterator', index: 0, laneId: 'dict:timers' });
    expect(iter && seekTarget(model, iter)).toBe((model.crash?.step ?? 0) + 1);
    const point = hitTest(g, centreX(g, 7), dict.y + 4);
    expect(point).toEqual({ kind: 'dict-point', index: 6, laneId: 'dict:timers' });
    for (const h of [state, iter, point])
      expect(h && hitBox(g, h)).toMatchObject({ w: expect.any(Number) });
  });

  it('works on a zoomed view of a larger run', () => {
    const big = modelOf(counterRace(2, 50)).model;
    const zg = geometry(big, 500, [40, 50]);
    const t0 = zg.layout.rowById.get('actor:t0');
    if (!t0) throw new Error('row');
    const hit = hitTest(zg, zg.scale(45.5), t0.y + 10);
    // The natural scheduler runs t0 to completion first: step 45 is t0's.
    expect(hit).toEqual({ kind: 'step', step: 45, laneId: 'actor:t0' });
  });
});
