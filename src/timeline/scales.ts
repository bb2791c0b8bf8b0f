/**
 * The x-scales (after d3-zoom's transform.js and Perfetto's
 * time_scale.ts): one base linear scale from the run's whole domain (steps or
 * virtual milliseconds) to the plot's pixels, and the zoomed scale derived
 * from it with `transform.rescaleX`. Nothing here draws; the renderer asks
 * `visibleRange` which marks meet the view and touches only those.
 */
import { scaleLinear, type ScaleLinear } from 'd3-scale';
import type { ZoomTransform } from 'd3-zoom';
import type { TimelineModel, XMode } from './model.ts';
import { domainOf, stepEndX, stepStartX } from './xmap.ts';

export type XScale = ScaleLinear<number, number>;

/** Ascending, non-overlapping x extents of marks, in domain units. */
export interface XExtents {
  readonly length: number;
  start(i: number): number;
  end(i: number): number;
}

/** The run's whole domain over [0, widthPx]. */
export function baseScale(model: TimelineModel, mode: XMode, widthPx: number): XScale {
  return scaleLinear()
    .domain(domainOf(model, mode) as [number, number])
    .range([0, Math.max(1, widthPx)]);
}

/** The scale a zoom transform shows. */
export function zoomedScale(base: XScale, transform: Pick<ZoomTransform, 'rescaleX'>): XScale {
  return transform.rescaleX(base);
}

/** A scale showing exactly `domain` over [0, widthPx] (exports and tests). */
export function viewScale(domain: readonly [number, number], widthPx: number): XScale {
  return scaleLinear()
    .domain([domain[0], domain[1]])
    .range([0, Math.max(1, widthPx)]);
}

/**
 * The index range [start, end) of the marks that meet the scale's visible
 * domain widened by `padPx` pixels on each side: two binary searches, because
 * starts and ends are both ascending.
 */
export function visibleRange(
  scale: XScale,
  marks: XExtents,
  padPx = 0,
): { start: number; end: number } {
  const [r0, r1] = scale.range() as [number, number];
  const d0 = scale.invert(r0 - padPx);
  const d1 = scale.invert(r1 + padPx);
  let lo = 0;
  let hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks.end(mid) < d0) lo = mid + 1;
    else hi = mid;
  }
  const start = lo;
  hi = marks.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (marks.start(mid) <= d1) lo = mid + 1;
    else hi = mid;
  }
  return { start, end: Math.max(start, lo) };
}

/** Every step of the run as extents. */
export function stepExtents(model: TimelineModel, mode: XMode): XExtents {
  return {
    length: model.steps.count,
    start: (i) => stepStartX(model, mode, i),
    end: (i) => stepEndX(model, mode, i),
  };
}

/** The steps of one lane (ascending step indices) as extents. */
export function laneExtents(model: TimelineModel, mode: XMode, steps: ArrayLike<number>): XExtents {
  return {
    length: steps.length,
    start: (i) => stepStartX(model, mode, steps[i] as number),
    end: (i) => stepEndX(model, mode, steps[i] as number),
  };
}

/**
 * The zoom transform (scale k, x translation in pixels) under which `base`
 * shows `domain`: the inverse of rescaleX, for "keep these steps in view".
 */
export function transformForDomain(
  base: XScale,
  domain: readonly [number, number],
): { k: number; x: number } {
  const [r0] = base.range() as [number, number];
  const p0 = base(domain[0]);
  const p1 = base(domain[1]);
  const [b0, b1] = base.range() as [number, number];
  const k = (b1 - b0) / Math.max(1e-9, p1 - p0);
  return { k, x: r0 - k * p0 };
}
