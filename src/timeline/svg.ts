/**
 * The SVG export: the current view as a standalone SVG document (a string),
 * painted by the same renderer as the canvas through a painter that writes
 * elements. It carries a <title> and a <desc> summarising the run, so the
 * file is accessible wherever it is pasted.
 */
import { summarise } from './details.ts';
import { exportSize, paintExport, type TimelineView } from './export-frame.ts';
import type { TimelineModel } from './model.ts';
import type { Align, Painter } from './painter.ts';
import { LIGHT_THEME } from './theme.ts';

export function timelineToSvg(model: TimelineModel, view: TimelineView): string {
  const theme = view.theme ?? LIGHT_THEME;
  const { width, height } = exportSize(model, view);
  const p = new SvgPainter(fontSizePx(theme.font));
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

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

function fontSizePx(font: string): number {
  const m = /(\d+(?:\.\d+)?)px/.exec(font);
  return m ? Number(m[1]) : 12;
}

class SvgPainter implements Painter {
  readonly parts: string[] = [];
  readonly defs: string[] = [];
  constructor(private readonly fontPx: number) {}

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${escapeXml(fill)}"/>`,
    );
  }
  strokeRect(x: number, y: number, w: number, h: number, stroke: string, width: number): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="none" stroke="${escapeXml(stroke)}" stroke-width="${width}"/>`,
    );
  }
  line(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    stroke: string,
    width: number,
    dash?: readonly number[],
  ): void {
    const d = dash ? ` stroke-dasharray="${dash.join(' ')}"` : '';
    this.parts.push(
      `<line x1="${n(x0)}" y1="${n(y0)}" x2="${n(x1)}" y2="${n(y1)}" stroke="${escapeXml(stroke)}" stroke-width="${width}"${d}/>`,
    );
  }
  polyline(points: readonly number[], stroke: string, width: number): void {
    if (points.length < 4) return;
    this.parts.push(
      `<polyline points="${points.map(n).join(' ')}" fill="none" stroke="${escapeXml(stroke)}" stroke-width="${width}"/>`,
    );
  }
  polygon(points: readonly number[], fill: string): void {
    this.parts.push(`<polygon points="${points.map(n).join(' ')}" fill="${escapeXml(fill)}"/>`);
  }
  circle(cx: number, cy: number, r: number, fill: string): void {
    this.parts.push(`<circle cx="${n(cx)}" cy="${n(cy)}" r="${n(r)}" fill="${escapeXml(fill)}"/>`);
  }
  curve(
    x0: number,
    y0: number,
    cx: number,
    cy: number,
    x1: number,
    y1: number,
    stroke: string,
    width: number,
  ): void {
    this.parts.push(
      `<path d="M${n(x0)} ${n(y0)}Q${n(cx)} ${n(cy)} ${n(x1)} ${n(y1)}" fill="none" stroke="${escapeXml(stroke)}" stroke-width="${width}"/>`,
    );
  }
  text(s: string, x: number, y: number, fill: string, align: Align, bold?: boolean): void {
    const anchor = align === 'left' ? 'start' : align === 'right' ? 'end' : 'middle';
    const weight = bold ? ' font-weight="600"' : '';
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" fill="${escapeXml(fill)}" text-anchor="${anchor}" dominant-baseline="central"${weight}>${escapeXml(s)}</text>`,
    );
  }
  /** No layout engine here: an estimate that errs wide, so labels are dropped rather than overflow. */
  measure(s: string): number {
    return s.length * this.fontPx * 0.56;
  }
  group(dx: number, dy: number, w: number, h: number, fn: () => void): void {
    const id = `tl-clip-${this.defs.length}`;
    this.defs.push(
      `<clipPath id="${id}"><rect x="0" y="0" width="${n(w)}" height="${n(h)}"/></clipPath>`,
    );
    this.parts.push(`<g transform="translate(${n(dx)} ${n(dy)})" clip-path="url(#${id})">`);
    fn();
    this.parts.push('</g>');
  }
}
