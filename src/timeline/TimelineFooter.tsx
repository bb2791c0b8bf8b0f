/** Under the plot: the details line, the keyboard help, the status line and the text alternative. */
import type { NoteMark } from './marks.ts';
import type { TimelineModel } from './model.ts';
import { TimelineTable } from './TimelineTable.tsx';

export interface TimelineFooterProps {
  readonly ids: { readonly details: string; readonly help: string; readonly table: string };
  readonly details: string;
  readonly status: string;
  readonly showTable: boolean;
  readonly model: TimelineModel;
  readonly visible: { readonly start: number; readonly end: number };
  readonly cursor: number;
  readonly notes: readonly NoteMark[];
}

export function TimelineFooter(p: TimelineFooterProps) {
  return (
    <>
      <p id={p.ids.details} className="tl-details">
        {p.details}
      </p>
      <p id={p.ids.help} className="tl-help">
        Arrow keys move the cursor a step (Shift: ten), Home and End go to the ends, + and − zoom, 0
        shows the whole run. Drag to pan, scroll to zoom, click a mark to jump to it.
      </p>
      <p role="status" className="tl-status">
        {p.status}
      </p>
      <div
        className={p.showTable ? 'tl-table-wrap' : 'tl-visually-hidden'}
        role="region"
        aria-label="Steps in view"
        tabIndex={p.showTable ? 0 : -1}
      >
        <TimelineTable
          model={p.model}
          start={p.visible.start}
          end={p.visible.end}
          cursor={p.cursor}
          id={p.ids.table}
          notes={p.notes}
        />
      </div>
    </>
  );
}
