/**
 * A simple timeline of one schedule: a lane per thread, a mark per step, a taller mark
 * where the scheduler preempted a thread, a cross where a thread raised, and a ring on
 * the shown step. Clicking a mark shows that step.
 */
import type { ScheduleTrace } from '../../fixlab/protocol.ts';
import { traceThreads } from './stepView.ts';
import { threadColour } from './ThreadColumns.tsx';

const LANE = 28;
const LABEL = 56;
const PITCH = 9;

export function StepTimeline({
  trace,
  at,
  onPick,
}: {
  readonly trace: ScheduleTrace;
  readonly at: number;
  readonly onPick: (step: number) => void;
}) {
  const threads = traceThreads(trace);
  const width = LABEL + Math.max(1, trace.steps.length) * PITCH + 8;
  const height = threads.length * LANE + 4;
  return (
    <div className="fix-timeline" role="group" aria-label="Timeline: one lane per thread">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`} aria-hidden="true">
        {threads.map((thread, lane) => (
          <g key={thread} className={threadColour(thread)}>
            <text x={4} y={lane * LANE + 18} className="fix-lane-label">
              {thread}
            </text>
            <line
              x1={LABEL}
              x2={width - 4}
              y1={lane * LANE + 14}
              y2={lane * LANE + 14}
              className="fix-lane"
            />
          </g>
        ))}
        {trace.steps.map((step) => {
          const lane = threads.indexOf(step.thread);
          const x = LABEL + step.index * PITCH;
          const y = lane * LANE + 14;
          const raised = step.events.some((e) => e.kind === 'raise');
          return (
            <g
              key={step.index}
              className={`${threadColour(step.thread)} fix-mark`}
              onClick={() => onPick(step.index)}
            >
              {raised ? (
                <path
                  d={`M${x - 4},${y - 4} L${x + 4},${y + 4} M${x - 4},${y + 4} L${x + 4},${y - 4}`}
                  className="fix-crash-mark"
                />
              ) : (
                <rect
                  x={x - 3}
                  y={step.preempted ? y - 9 : y - 5}
                  width={6}
                  height={step.preempted ? 18 : 10}
                  className="fix-step-mark"
                />
              )}
              {step.index === at ? (
                <circle cx={x} cy={y} r={8} className="fix-current-mark" />
              ) : null}
            </g>
          );
        })}
      </svg>
      <p className="visually-hidden">
        Step {at + 1} of {trace.steps.length}, run by {trace.steps[at]?.thread}.
      </p>
    </div>
  );
}
