import { zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { benchTransforms, stats, syntheticModel } from './bench-frames.ts';
import { drawTimeline, type RenderContext } from './draw.ts';
import { layoutLanes } from './layout.ts';
import type { TimelineModel, XMode } from './model.ts';
import type { Painter } from './painter.ts';
import { baseScale, zoomedScale } from './scales.ts';
import { miniMetricsRace, modelOf } from './testing.ts';
import { LIGHT_THEME } from './theme.ts';

/** A painter that counts calls and keeps texts, standing in for the canvas. */
function countingPainter(): Painter & { calls: Record<string, number>; texts: string[] } {
  const calls: Record<string, number> = {};
  const texts: string[] = [];
  const count = (name: string) => () => {
    calls[name] = (calls[name] ?? 0) + 1;
  };
  return {
    calls,
    texts,
    rect: count('rect'),
    strokeRect: count('strokeRect'),
    line: count('line'),
    polyline: count('polyline'),
    polygon: count('polygon'),
    circle: count('circle'),
    curve: count('curve'),
    text: (s) => {
      calls['text'] = (calls['text'] ?? 0) + 1;
      texts.push(s);
    },
    measure: (s) => s.length * 7,
    group: (_dx, _dy, _w, _h, fn) => fn(),
  };
}

function context(
  model: TimelineModel,
  painter: Painter,
  k = 1,
  x = 0,
  xMode: XMode = 'step',
  width = 1000,
): RenderContext {
  const layout = layoutLanes(model);
  return {
    painter,
    model,
    layout,
    scale: zoomedScale(baseScale(model, xMode, width), zoomIdentity.translate(x, 0).scale(k)),
    xMode,
    width,
    height: layout.heightPx,
    theme: LIGHT_THEME,
    cursor: 5,
    hover: null,
  };
}

describe('drawTimeline', () => {
  it('labels the crash, draws the conflict arrow and the cursor for a real race', () => {
    const { model } = modelOf(miniMetricsRace(6));
    const p = countingPainter();
    drawTimeline(context(model, p));
    expect(p.texts).toContain('RuntimeError in stuck');
    expect(p.calls['curve']).toBe(1);
    expect(p.texts).toEqual(expect.arrayContaining(['insert', 'True', 'False']));
  });

  it('draws the collision arrow with its label, and a flag per pinned note', () => {
    const { model } = modelOf(miniMetricsRace(6));
    const arrow = model.arrows[0];
    if (!arrow) throw new Error('the race has no conflict arrow');
    const plain = countingPainter();
    drawTimeline(context(model, plain));
    const p = countingPainter();
    const marks = {
      collision: { ...arrow, label: 'cleared under the iterator' },
      notes: [
        { step: 2, text: 'here' },
        { step: 7, text: 'and here' },
      ],
    };
    drawTimeline({ ...context(model, p), marks });
    expect(p.texts).toContain('cleared under the iterator');
    // The collision is drawn twice over (a halo, then the line) on top of the conflict arrow.
    expect(p.calls['curve']).toBe((plain.calls['curve'] ?? 0) + 2);
    // One flag (a polygon) per note, plus the collision's arrowhead.
    expect((p.calls['polygon'] ?? 0) - (plain.calls['polygon'] ?? 0)).toBe(1 + marks.notes.length);
  });

  it('draws in both axis modes without throwing', () => {
    const { model } = modelOf(miniMetricsRace(6));
    for (const mode of ['step', 'time'] as const) {
      const p = countingPainter();
      drawTimeline(context(model, p, 2, -300, mode));
      expect(p.calls['rect']).toBeGreaterThan(0);
    }
  });

  describe('with 100,000 synthetic steps', () => {
    const model = syntheticModel(100_000);

    it('merges sub-pixel marks: a whole-run frame costs a bounded number of primitives', () => {
      const p = countingPainter();
      drawTimeline(context(model, p));
      // Six actor lanes, three state lanes, two dicts, a lock and outside events over 1000 px.
      expect(p.calls['rect'] ?? 0).toBeLessThan(40_000);
      expect(p.calls['curve'] ?? 0).toBe(0);
    });

    it('touches only the visible window when zoomed in', () => {
      const p = countingPainter();
      const k = 100_000 / 50;
      drawTimeline(context(model, p, k, -k * 500));
      expect(p.calls['rect'] ?? 0).toBeLessThan(500);
    });

    it('keeps every frame of the benchmark sequence to a bounded number of primitives', () => {
      // Time is measured in Chromium (bench-frames.ts); here, the work per frame, which does not flake.
      let worst = 0;
      for (const t of benchTransforms(1000, 60)) {
        const p = countingPainter();
        drawTimeline({
          ...context(model, p),
          scale: zoomedScale(
            baseScale(model, 'step', 1000),
            zoomIdentity.translate(t.x, 0).scale(t.k),
          ),
        });
        worst = Math.max(
          worst,
          Object.values(p.calls).reduce((a, b) => a + b, 0),
        );
      }
      expect(worst).toBeLessThan(40_000);
    });
  });
});

describe('stats', () => {
  it('reports p50 and p95 of frame times', () => {
    const s = stats(Array.from({ length: 100 }, (_, i) => i + 1));
    expect(s).toMatchObject({ frames: 100, p50Ms: 51, p95Ms: 96, maxMs: 100, meanMs: 50.5 });
  });
});
