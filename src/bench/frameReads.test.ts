import { describe, expect, it } from 'vitest';
import { frameTimes } from './frameReads.ts';

describe('frame times from the clock reads', () => {
  const transforms = [{ k: 1 }, { k: 2 }, { k: 4 }];

  it('skips the warm-up frames and keeps the fastest draw of each frame', () => {
    // Two reads before the frames, then start and end of 2 draws for each of 3 frames.
    const reads = [0, 1, 10, 15, 20, 22, 30, 39, 40, 41, 50, 52, 60, 65];
    expect(frameTimes(reads, transforms, 1, 2)).toEqual({ perFrameMs: [1, 2], zooms: [2, 4] });
  });

  it('gives no detail when the reads do not follow the pattern', () => {
    expect(frameTimes([0, 1, 2, 3], transforms, 0, 1)).toEqual({ perFrameMs: [], zooms: [] });
  });
});
