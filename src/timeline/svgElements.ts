/**
 * A painter that writes SVG elements as strings, for the timeline's SVG export and the
 * slides: the same drawing code serves the canvas and these files. Presentation
 * attributes only (no style attributes), so the SVG also renders under a strict
 * Content-Security-Policy. What differs between the two users is an option: the
 * clip ids' prefix (two documents may be pasted into one page), how wide a character
 * is estimated to be, and whether every text carries its own size (a slide mixes
 * sizes; the timeline export sets one font on the <svg>).
 */
import type { Align, Painter } from './painter.ts';

export interface SvgElementOptions {
  readonly clipPrefix: string;
  /** A character's estimated width as a fraction of the font size. */
  readonly charWidth: number;
  readonly sizedText: boolean;
}

export function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A coordinate as SVG text: at most two decimals. */
export const n = (v: number): string => String(Math.round(v * 100) / 100);

export class SvgElementPainter implements Painter {
  readonly parts: string[] = [];
  readonly defs: string[] = [];
  constructor(
    /** The size texts are measured (and, with `sizedText`, drawn) at. */
    public fontPx: number,
    private readonly options: SvgElementOptions,
  ) {}

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
    const size = this.options.sizedText ? ` font-size="${n(this.fontPx)}"` : '';
    this.parts.push(
      `<text x="${n(x)}" y="${n(y)}" fill="${escapeXml(fill)}"${size} text-anchor="${anchor}" dominant-baseline="central"${weight}>${escapeXml(s)}</text>`,
    );
  }
  /** No layout engine here: an estimate that errs wide, so text is cut or dropped rather than overflowing. */
  measure(s: string): number {
    return s.length * this.fontPx * this.options.charWidth;
  }
  group(dx: number, dy: number, w: number, h: number, fn: () => void): void {
    const id = `${this.options.clipPrefix}-${this.defs.length}`;
    this.defs.push(
      `<clipPath id="${id}"><rect x="0" y="0" width="${n(w)}" height="${n(h)}"/></clipPath>`,
    );
    this.parts.push(`<g transform="translate(${n(dx)} ${n(dy)})" clip-path="url(#${id})">`);
    fn();
    this.parts.push('</g>');
  }
}
