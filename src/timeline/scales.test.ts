import fc from 'fast-check';
import { zoomIdentity } from 'd3-zoom';
import { describe, expect, it } from 'vitest';
import { counterRace } from '../testing/toy.ts';
import {
  baseScale,
  stepExtents,
  transformForDomain,
  viewScale,
  visibleRange,
  zoomedScale,
  type XExtents,
} from './scales.ts';
import { lowerBound, upperBound } from '../analysis/search.ts';
import { modelOf } from './testing.ts';

/** Ascending, non-overlapping extents built from gaps and widths (zero widths allowed, like instant steps). */
function extentsOf(
  parts: readonly (readonly [gap: number, width: number])[],
): XExtents & { spans: [number, number][] } {
  const spans: [number, number][] = [];
  let x = 0;
  for (const [gap, width] of parts) {
    x += gap;
    spans.push([x, x + width]);
    x += width;
  }
  return {
    length: spans.length,
    start: (i) => spans[i]?.[0] ?? 0,
    end: (i) => spans[i]?.[1] ?? 0,
    spans,
  };
}

describe('visibleRange', () => {
  it('finds exactly the marks meeting the view, by binary search', () => {
    const part = fc.tuple(fc.integer({ min: 0, max: 5 }), fc.integer({ min: 0, max: 5 }));
    fc.assert(
      fc.property(
        fc.array(part, { maxLength: 60 }),
        fc.integer({ min: -20, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (parts, d0, span) => {
          const marks = extentsOf(parts);
          const scale = viewScale([d0, d0 + span], 500);
          const { start, end } = visibleRange(scale, marks);
          const expected = marks.spans.flatMap(([a, b], i) =>
            b >= d0 && a <= d0 + span ? [i] : [],
          );
          expect(Array.from({ length: end - start }, (_, k) => start + k)).toEqual(expected);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('widens the view by padPx pixels', () => {
    const marks = extentsOf([
      [0, 1],
      [0, 1],
      [0, 1],
      [0, 1],
    ]);
    const scale = viewScale([2.2, 2.8], 60);
    expect(visibleRange(scale, marks)).toEqual({ start: 2, end: 3 });
    expect(visibleRange(scale, marks, 30)).toEqual({ start: 1, end: 4 });
  });
});

describe('scales', () => {
  const { model } = modelOf(counterRace(2, 5));

  it('derives the zoomed scale from the base with transform.rescaleX', () => {
    const base = baseScale(model, 'step', 400);
    expect(base.domain()).toEqual([0, 20]);
    const zoomed = zoomedScale(base, zoomIdentity.translate(-400, 0).scale(4));
    expect(zoomed.domain()).toEqual([5, 10]);
    expect(visibleRange(zoomed, stepExtents(model, 'step'))).toEqual({ start: 4, end: 11 });
  });

  it('inverts rescaleX: transformForDomain shows the requested domain', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 15, noNaN: true }),
        fc.double({ min: 0.5, max: 5, noNaN: true }),
        (d0, span) => {
          const base = baseScale(model, 'step', 640);
          const { k, x } = transformForDomain(base, [d0, d0 + span]);
          const [a, b] = zoomedScale(base, zoomIdentity.translate(x, 0).scale(k)).domain() as [
            number,
            number,
          ];
          expect(a).toBeCloseTo(d0, 6);
          expect(b).toBeCloseTo(d0 + span, 6);
        },
      ),
    );
  });
});

describe('search', () => {
  it('lowerBound and upperBound agree with a scan', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 20 })),
        fc.integer({ min: -2, max: 22 }),
        (xs, v) => {
          const sorted = Int32Array.from(xs.sort((a, b) => a - b));
          expect(lowerBound(sorted, v)).toBe(
            sorted.findIndex((x) => x >= v) === -1
              ? sorted.length
              : sorted.findIndex((x) => x >= v),
          );
          expect(upperBound(sorted, v)).toBe(
            sorted.findIndex((x) => x > v) === -1 ? sorted.length : sorted.findIndex((x) => x > v),
          );
        },
      ),
    );
  });
});
