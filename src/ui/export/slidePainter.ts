/**
 * A painter that writes SVG elements, for slides: every text carries its own
 * font size (a slide mixes a title, labels and the timeline's own marks), and a
 * scaled group draws the timeline's renderer larger, so its 12 px marks come out
 * at the slide's label size. Presentation attributes only (no style attributes),
 * so the SVG also renders under a strict Content-Security-Policy.
 */
import { escapeXml, n, SvgElementPainter } from '../../timeline/svgElements.ts';

export { escapeXml };

export const SLIDE_FONT = 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export class SvgSlidePainter extends SvgElementPainter {
  constructor() {
    super(12, { clipPrefix: 'slide-clip', charWidth: 0.6, sizedText: true });
  }

  /** A panel: a rounded box with a border. */
  roundRect(x: number, y: number, w: number, h: number, fill: string, stroke: string): void {
    this.parts.push(
      `<rect x="${n(x)}" y="${n(y)}" width="${n(w)}" height="${n(h)}" rx="6" fill="${escapeXml(fill)}" stroke="${escapeXml(stroke)}" stroke-width="2"/>`,
    );
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
