/**
 * Every measured frame's time, read back from the clock reads the timeline's frame
 * benchmark made (src/timeline/bench-frames.ts): two reads before the frames, then
 * a start and an end read per draw, `repeats` draws per frame, the first
 * `warmupFrames` frames unmeasured. A frame's time is its fastest draw.
 */

export interface FrameTimes {
  readonly perFrameMs: number[];
  /** Each measured frame's zoom factor. */
  readonly zooms: number[];
}

/** The frames' times and zooms; none when the reads do not follow that pattern. */
export function frameTimes(
  reads: readonly number[],
  transforms: readonly { readonly k: number }[],
  warmupFrames: number,
  repeats: number,
): FrameTimes {
  const perFrameMs: number[] = [];
  const zooms: number[] = [];
  // Per-frame detail only when the reads follow that pattern (bench-frames.ts may change).
  if (reads.length !== 2 + 2 * repeats * transforms.length) return { perFrameMs, zooms };
  transforms.forEach((t, f) => {
    if (f < warmupFrames) return;
    let best = Infinity;
    for (let r = 0; r < repeats; r++) {
      const i = 2 + 2 * (f * repeats + r);
      best = Math.min(best, (reads[i + 1] as number) - (reads[i] as number));
    }
    perFrameMs.push(best);
    zooms.push(t.k);
  });
  return { perFrameMs, zooms };
}
