/**
 * One run as a strip: a row per thread and a cell per step, in the thread's colour, on
 * an x scale shared with the other run of the comparison (so step i sits at the same x
 * in both). It marks the cursor, the first step where the runs part, and the crash or
 * broken invariant that ends the run; clicking a step moves the cursor there.
 */
import type { MouseEvent } from 'react';
import type { Run } from '../../engine/index.ts';

export interface RunStripProps {
  readonly run: Run<unknown>;
  readonly name: string;
  /** Steps on the shared x scale (the longer run's length). */
  readonly steps: number;
  readonly cursor: number;
  /** Index of the first step that differs, or null. */
  readonly divergeAt: number | null;
  readonly onSeek: (cursor: number) => void;
}

const ROW = 10;

export function RunStrip({ run, name, steps, cursor, divergeAt, onSeek }: RunStripProps) {
  const actors = run.program.actors;
  const width = Math.max(1, steps);
  const height = actors.length * ROW;
  const cells = [];
  for (let i = 0; i < run.length; i++) {
    const t = run.threadAt(i);
    cells.push(
      <rect
        key={i}
        x={i}
        y={t * ROW + 1}
        width={1}
        height={ROW - 2}
        className={`strip-cell thread-${(t % 6) + 1}`}
      />,
    );
  }
  const crash = run.last.crashes[0];
  const broke = run.last.violations[0];
  const endAt = crash ? crash.step + 0.5 : broke ? broke.step - 0.5 : null;

  const onClick = (e: MouseEvent<SVGSVGElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    const at = Math.floor(((e.clientX - box.left) / box.width) * width);
    onSeek(Math.max(0, Math.min(run.length, at + 1)));
  };

  return (
    <div className="strip">
      <div className="strip-labels" aria-hidden="true">
        {actors.map((a, i) => (
          <span
            key={a}
            className={`strip-label thread-${(i % 6) + 1}`}
            style={{ height: ROW * 1.6 }}
          >
            {a}
          </span>
        ))}
      </div>
      <svg
        className="strip-plot"
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${name}: ${run.length} steps; click a step to go there`}
        onClick={onClick}
        style={{ height: actors.length * ROW * 1.6 }}
      >
        {cells}
        {divergeAt !== null ? (
          <line className="strip-diverge" x1={divergeAt} x2={divergeAt} y1={0} y2={height} />
        ) : null}
        {endAt !== null ? (
          <line className="strip-end" x1={endAt} x2={endAt} y1={0} y2={height} />
        ) : null}
        <line className="strip-cursor" x1={cursor} x2={cursor} y1={0} y2={height} />
      </svg>
    </div>
  );
}
