/**
 * One exported picture of the current view, painted through any `Painter`:
 * the lane labels in a left gutter, the axis along the top, and the plot
 * itself (the same renderer as the screen). `svg.ts` paints it as an SVG
 * string and `png.ts` on a canvas, so the two exports always agree.
 */
import { axisTicks, drawTimeline } from './draw.ts';
import { layoutLanes } from './layout.ts';
import type { TimelineModel, XMode } from './model.ts';
import type { Painter } from './painter.ts';
import { viewScale } from './scales.ts';
import { actorColour, LIGHT_THEME, type TimelineTheme } from './theme.ts';

/** What is on screen, in words an export can redraw from. */
export interface TimelineView {
  readonly xMode: XMode;
  /** The visible x domain (steps or virtual ms). */
  readonly domain: readonly [number, number];
  /** Plot width in CSS pixels (without the label gutter). */
  readonly width: number;
  readonly cursor: number;
  readonly theme?: TimelineTheme;
  readonly title?: string;
}

export const EXPORT_GUTTER_PX = 220;
export const EXPORT_AXIS_PX = 26;

export function exportSize(
  model: TimelineModel,
  view: TimelineView,
): { width: number; height: number } {
  return {
    width: EXPORT_GUTTER_PX + view.width,
    height: EXPORT_AXIS_PX + layoutLanes(model).heightPx,
  };
}

export function paintExport(p: Painter, model: TimelineModel, view: TimelineView): void {
  const theme = view.theme ?? LIGHT_THEME;
  const layout = layoutLanes(model);
  const scale = viewScale(view.domain, view.width);
  const { width, height } = exportSize(model, view);
  p.rect(0, 0, width, height, theme.bg);
  for (const row of layout.rows) {
    const y = EXPORT_AXIS_PX + row.y + row.height / 2;
    const lane = row.lane;
    if (lane.kind === 'actor') p.rect(8, y - 5, 10, 10, actorColour(theme, lane.actorIndex));
    p.text(
      clip(p, lane.label, EXPORT_GUTTER_PX - 34),
      24,
      y,
      theme.text,
      'left',
      lane.kind === 'actor',
    );
  }
  const axisY = EXPORT_AXIS_PX - 1;
  p.line(EXPORT_GUTTER_PX, axisY, width, axisY, theme.textMuted, 1);
  p.text(
    view.xMode === 'step' ? 'step' : 'virtual time (ms)',
    8,
    EXPORT_AXIS_PX / 2,
    theme.textMuted,
    'left',
  );
  for (const t of axisTicks(scale, view.width, view.xMode)) {
    const x = EXPORT_GUTTER_PX + scale(t);
    p.line(x, axisY - 5, x, axisY, theme.textMuted, 1);
    p.text(String(t), x, EXPORT_AXIS_PX / 2 - 2, theme.textMuted, 'center');
  }
  p.group(EXPORT_GUTTER_PX, EXPORT_AXIS_PX, view.width, layout.heightPx, () => {
    drawTimeline({
      painter: p,
      model,
      layout,
      scale,
      xMode: view.xMode,
      width: view.width,
      height: layout.heightPx,
      theme,
      cursor: view.cursor,
      hover: null,
    });
  });
}

function clip(p: Painter, s: string, maxPx: number): string {
  if (p.measure(s) <= maxPx) return s;
  let t = s;
  while (t.length > 1 && p.measure(`${t}\u2026`) > maxPx) t = t.slice(0, -1);
  return `${t}\u2026`;
}
