/**
 * The timeline as an image file, drawn by the timeline's own export helpers (the same
 * renderer as the screen): the whole run, in steps, with the cursor. Loaded on demand
 * from the share panel, so the drawing code stays out of the first page load.
 */
import type { TimelineInput } from '../../timeline/model.ts';
import { buildTimelineModel } from '../../timeline/model.ts';
import { renderTimelineCanvas, timelineToPngBlob } from '../../timeline/png.ts';
import { timelineToSvg } from '../../timeline/svg.ts';
import type { TimelineView } from '../../timeline/export-frame.ts';

function viewOf(input: TimelineInput, cursor: number, title: string): TimelineView {
  const steps = Math.max(1, input.steps.length);
  return {
    xMode: 'step',
    domain: [0, steps],
    width: Math.max(640, Math.min(4000, steps * 12)),
    cursor,
    title,
  };
}

export function timelineSvgBlob(input: TimelineInput, cursor: number, title: string): Blob {
  const svg = timelineToSvg(buildTimelineModel(input), viewOf(input, cursor, title));
  return new Blob([svg], { type: 'image/svg+xml' });
}

export async function timelinePngBlob(
  input: TimelineInput,
  cursor: number,
  title: string,
): Promise<Blob> {
  const canvas = renderTimelineCanvas(buildTimelineModel(input), viewOf(input, cursor, title), 2);
  if (!canvas) throw new Error('this browser cannot draw on a canvas');
  return timelineToPngBlob(canvas);
}
