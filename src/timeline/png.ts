/**
 * The PNG export: the current view painted on a fresh canvas at the device's
 * pixel ratio (labels, axis and plot, as the SVG export), then encoded with
 * `canvas.toBlob`. Browser only; the page calls it from the export button.
 */
import { exportSize, paintExport, type TimelineView } from './export-frame.ts';
import type { TimelineModel } from './model.ts';
import { canvasPainter } from './painter.ts';
import { LIGHT_THEME } from './theme.ts';

/** A new canvas holding the exported picture, or null where canvas 2D is unavailable. */
export function renderTimelineCanvas(
  model: TimelineModel,
  view: TimelineView,
  pixelRatio = 1,
  doc: Document = document,
): HTMLCanvasElement | null {
  const { width, height } = exportSize(model, view);
  const canvas = doc.createElement('canvas');
  canvas.width = Math.ceil(width * pixelRatio);
  canvas.height = Math.ceil(height * pixelRatio);
  const ctx = canvas.getContext('2d');
  if (!ctx) return null;
  ctx.scale(pixelRatio, pixelRatio);
  paintExport(canvasPainter(ctx, (view.theme ?? LIGHT_THEME).font), model, view);
  return canvas;
}

/** The canvas as a PNG blob (rejects when the browser cannot encode it). */
export function timelineToPngBlob(canvas: HTMLCanvasElement): Promise<Blob> {
  return new Promise((resolve, reject) => {
    canvas.toBlob(
      (blob) =>
        blob ? resolve(blob) : reject(new Error('the canvas could not be encoded as PNG')),
      'image/png',
    );
  });
}

/** Offers a blob as a file download. */
export function downloadBlob(blob: Blob, filename: string, doc: Document = document): void {
  const url = URL.createObjectURL(blob);
  const a = doc.createElement('a');
  a.href = url;
  a.download = filename;
  doc.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}
