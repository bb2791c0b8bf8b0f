/**
 * The few drawing primitives the timeline needs, behind one interface, so a
 * single renderer (`draw.ts`) paints the screen's canvas, the PNG export and
 * the SVG export alike. The canvas painter skips redundant style changes,
 * which matters when a frame fills tens of thousands of rectangles.
 */

export type Align = 'left' | 'center' | 'right';

export interface Painter {
  rect(x: number, y: number, w: number, h: number, fill: string): void;
  strokeRect(x: number, y: number, w: number, h: number, stroke: string, width: number): void;
  line(
    x0: number,
    y0: number,
    x1: number,
    y1: number,
    stroke: string,
    width: number,
    dash?: readonly number[],
  ): void;
  /** An open polyline through flat [x0, y0, x1, y1, ...] points. */
  polyline(points: readonly number[], stroke: string, width: number): void;
  /** A closed filled polygon through flat points. */
  polygon(points: readonly number[], fill: string): void;
  circle(cx: number, cy: number, r: number, fill: string): void;
  /** A quadratic curve from (x0, y0) through control (cx, cy) to (x1, y1). */
  curve(
    x0: number,
    y0: number,
    cx: number,
    cy: number,
    x1: number,
    y1: number,
    stroke: string,
    width: number,
  ): void;
  /** Text vertically centred on y. */
  text(s: string, x: number, y: number, fill: string, align: Align, bold?: boolean): void;
  measure(s: string): number;
  /** Draws `fn` translated by (dx, dy) and clipped to [0, w] x [0, h] of the translated space. */
  group(dx: number, dy: number, w: number, h: number, fn: () => void): void;
}

export function canvasPainter(ctx: CanvasRenderingContext2D, font: string): Painter {
  ctx.font = font;
  ctx.textBaseline = 'middle';
  const styles = styleCache(ctx);
  return {
    ...canvasShapes(ctx, styles),
    ...canvasText(ctx, font, styles),
    group(dx, dy, w, h, fn) {
      ctx.save();
      ctx.translate(dx, dy);
      ctx.beginPath();
      ctx.rect(0, 0, w, h);
      ctx.clip();
      fn();
      ctx.restore();
      // restore() brought back the styles of save(): forget the cached ones.
      styles.forget();
    },
  };
}

/** Sets the context's fill and stroke only when they change: a frame sets them thousands of times. */
interface StyleCache {
  fill(colour: string): void;
  stroke(colour: string, width: number): void;
  /** After the context's styles changed behind the cache's back. */
  forget(): void;
}

function styleCache(ctx: CanvasRenderingContext2D): StyleCache {
  let fill = '';
  let stroke = '';
  let lineWidth = -1;
  return {
    fill(c) {
      if (c !== fill) ctx.fillStyle = fill = c;
    },
    stroke(c, w) {
      if (c !== stroke) ctx.strokeStyle = stroke = c;
      if (w !== lineWidth) ctx.lineWidth = lineWidth = w;
    },
    forget() {
      fill = '';
      stroke = '';
      lineWidth = -1;
    },
  };
}

type Shapes = Pick<
  Painter,
  'rect' | 'strokeRect' | 'line' | 'polyline' | 'polygon' | 'circle' | 'curve'
>;

function canvasShapes(ctx: CanvasRenderingContext2D, styles: StyleCache): Shapes {
  const path = (points: readonly number[]): void => {
    ctx.beginPath();
    ctx.moveTo(points[0] as number, points[1] as number);
    for (let i = 2; i + 1 < points.length; i += 2)
      ctx.lineTo(points[i] as number, points[i + 1] as number);
  };
  return {
    rect(x, y, w, h, c) {
      styles.fill(c);
      ctx.fillRect(x, y, w, h);
    },
    strokeRect(x, y, w, h, c, width) {
      styles.stroke(c, width);
      ctx.strokeRect(x, y, w, h);
    },
    line(x0, y0, x1, y1, c, width, dash) {
      styles.stroke(c, width);
      if (dash) ctx.setLineDash(dash as number[]);
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.lineTo(x1, y1);
      ctx.stroke();
      if (dash) ctx.setLineDash([]);
    },
    polyline(points, c, width) {
      if (points.length < 4) return;
      styles.stroke(c, width);
      path(points);
      ctx.stroke();
    },
    polygon(points, c) {
      styles.fill(c);
      path(points);
      ctx.closePath();
      ctx.fill();
    },
    circle(cx, cy, r, c) {
      styles.fill(c);
      ctx.beginPath();
      ctx.arc(cx, cy, r, 0, Math.PI * 2);
      ctx.fill();
    },
    curve(x0, y0, cx, cy, x1, y1, c, width) {
      styles.stroke(c, width);
      ctx.beginPath();
      ctx.moveTo(x0, y0);
      ctx.quadraticCurveTo(cx, cy, x1, y1);
      ctx.stroke();
    },
  };
}

/** Text, in bold on request, with widths remembered: labels repeat from frame to frame. */
function canvasText(
  ctx: CanvasRenderingContext2D,
  font: string,
  styles: StyleCache,
): Pick<Painter, 'text' | 'measure'> {
  const widths = new Map<string, number>();
  const boldFont = `600 ${font}`;
  return {
    text(s, x, y, c, align, bold) {
      styles.fill(c);
      ctx.textAlign = align;
      if (bold) ctx.font = boldFont;
      ctx.fillText(s, x, y);
      if (bold) ctx.font = font;
    },
    measure(s) {
      let w = widths.get(s);
      if (w === undefined) {
        w = ctx.measureText(s).width;
        if (widths.size > 2000) widths.clear();
        widths.set(s, w);
      }
      return w;
    },
  };
}
