/**
 * A painter that writes SVG elements, for slides: every text carries its own
 * font size (a slide mixes a title, labels and the timeline's own marks), and a
 * scaled group draws the timeline's renderer larger, so its 12 px marks come out
 * at the slide's label size. Presentation attributes only (no style attributes),
 * so the SVG also renders under a strict Content-Security-Policy.
 */
import type { Align, Painter } from '../../timeline/painter.ts';

export const SLIDE_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

export class SvgSlidePainter implements Painter {
  readonly parts: string[] = [];
  readonly defs: string[] = [];
  fontPx = 12;

  rect(x: number, y: number, w: number, h: number, fill: string): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" fill="${escapeXml(fill)}"/>`,
    );
  }
  roundRect(x: number, y: number, w: number, h: number, fill: string, stroke: string): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="6" fill="${escapeXml(fill)}" stroke="${escapeXml(stroke)}" stroke-width="2"/>`,
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
      `<text x="${n(x)}" y="${n(y)}" fill="${escapeXml(fill)}" font-size="${n(this.fontPx)}" text-anchor="${anchor}" dominant-baseline="central"${weight}>${escapeXml(s)}</text>`,
    );
  }
  /** No layout engine here: an estimate that errs wide, so text is wrapped or cut rather than overflowing. */
  measure(s: string): number {
    return s.length * this.fontPx * 0.6;
  }
  group(dx: number, dy: number, w: number, h: number, fn: () => void): void {
    const id = `slide-clip-${this.defs.length}`;
    this.defs.push(
      `<clipPath id="${id}"><rect x="0" y="0" width="${n(w)}" height="${n(h)}"/></clipPath>`,
    );
    this.parts.push(`<g transform="translate(${n(dx)} ${n(dy)})" clip-path="url(#${id})">`);
    fn();
    this.parts.push('</g>');
  }
  /** Draws `fn` translated by (dx, dy) and scaled by `s`, at `fontPx` in its own units. */
  scaled(dx: number, dy: number, s: number, fontPx: number, fn: () => void): void {
    const outer = this.fontPx;
    this.fontPx = fontPx;
    this.parts.push(`<g transform="translate(${n(dx)} ${n(dy)}) scale(${n(s)})">`);
    fn();
    this.parts.push('</g>');
    this.fontPx = outer;
  }

  document(width: number, height: number, title: string, desc: string): string {
    return [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="slide-title slide-desc" font-family="${escapeXml(SLIDE_FONT)}">`,
      `<title id="slide-title">${escapeXml(title)}</title>`,
      `<desc id="slide-desc">${escapeXml(desc)}</desc>`,
      this.defs.length > 0 ? `<defs>${this.defs.join('')}</defs>` : '',
      ...this.parts,
      '</svg>',
    ].join('\n');
  }
}

/** Splits text into lines of at most `maxChars` characters, at spaces where it can. */
export function wrapText(text: string, maxChars: number): string[] {
  const words = text.replace(/\s+/g, ' ').trim().split(' ');
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    const pieces =
      word.length > maxChars ? (word.match(new RegExp(`.{1,${maxChars}}`, 'g')) ?? []) : [word];
    for (const piece of pieces) {
      if (line === '') line = piece;
      else if (line.length + 1 + piece.length <= maxChars) line += ` ${piece}`;
      else {
        lines.push(line);
        line = piece;
      }
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}
