/** The timeline's SVG and PNG exports of the current view. */
import type { TimelineController } from './controller.ts';
import type { TimelineModel } from './model.ts';
import { downloadBlob, renderTimelineCanvas, timelineToPngBlob } from './png.ts';
import { timelineToSvg } from './svg.ts';

export interface ExportTarget {
  readonly model: TimelineModel;
  readonly label: string;
  readonly fileName: string;
  readonly ctl: TimelineController | null;
  /** Says what happened, in the timeline's status line. */
  readonly say: (text: string) => void;
}

export function exportSvg({ model, label, fileName, ctl, say }: ExportTarget): void {
  if (!ctl) return;
  const svg = timelineToSvg(model, { ...ctl.view(), title: label });
  downloadBlob(new Blob([svg], { type: 'image/svg+xml' }), `${fileName}.svg`);
  say(`Exported ${fileName}.svg`);
}

export function exportPng({ model, label, fileName, ctl, say }: ExportTarget): void {
  if (!ctl) return;
  const canvas = renderTimelineCanvas(
    model,
    { ...ctl.view(), title: label },
    devicePixelRatio || 1,
  );
  if (!canvas) {
    say('PNG export is not available in this browser');
    return;
  }
  timelineToPngBlob(canvas).then(
    (blob) => {
      downloadBlob(blob, `${fileName}.png`);
      say(`Exported ${fileName}.png`);
    },
    () => say('PNG export failed'),
  );
}
