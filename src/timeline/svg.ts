/**
 * The SVG export: the current view as a standalone SVG document (a string),
 * painted by the same renderer as the canvas through a painter that writes
 * elements. It carries a <title> and a <desc> summarising the run, so the
 * file is accessible wherever it is pasted.
 */
import { summarise } from './details.ts';
import { exportSize, paintExport, type TimelineView } from './export-frame.ts';
import type { TimelineModel } from './model.ts';
import { escapeXml, SvgElementPainter } from './svgElements.ts';
import { LIGHT_THEME } from './theme.ts';

export { escapeXml };

export function timelineToSvg(model: TimelineModel, view: TimelineView): string {
  const theme = view.theme ?? LIGHT_THEME;
  const { width, height } = exportSize(model, view);
  const p = new SvgElementPainter(fontSizePx(theme.font), {
    clipPrefix: 'tl-clip',
    charWidth: 0.56,
    sizedText: false,
  });
  paintExport(p, model, view);
  const title = escapeXml(view.title ?? 'Arroyo Race Lab timeline');
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="tl-title tl-desc" style="font:${escapeXml(theme.font)}">`,
    `<title id="tl-title">${title}</title>`,
    `<desc id="tl-desc">${escapeXml(summarise(model))}</desc>`,
    p.defs.length > 0 ? `<defs>${p.defs.join('')}</defs>` : '',
    ...p.parts,
    '</svg>',
  ].join('\n');
}

function fontSizePx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 12;
}
