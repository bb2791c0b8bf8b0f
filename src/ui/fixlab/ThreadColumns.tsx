/**
 * The user's code once per thread (main, stuck, and the final flush once it runs), each
 * column marking the line that thread is on at the shown step. When a thread is inside
 * the harness rather than the user's code, its column says where.
 */
import { useMemo } from 'react';
import type { ScheduleTrace, ThreadName } from '../../fixlab/protocol.ts';
import { CodeView, type LineMarker } from '../code/CodeView.tsx';
import { threadPlaces, type ThreadPlace } from './stepView.ts';

const THREAD_COLOUR: Readonly<Record<ThreadName, number>> = { main: 0, stuck: 1, final: 2 };

export function threadColour(thread: ThreadName): string {
  return `thread-${THREAD_COLOUR[thread] + 1}`;
}

export function ThreadColumns({
  trace,
  code,
  at,
}: {
  readonly trace: ScheduleTrace;
  readonly code: string;
  readonly at: number;
}) {
  const lines = useMemo(() => code.split('\n'), [code]);
  const harness = useMemo(() => trace.harnessSource.split('\n'), [trace.harnessSource]);
  const places = threadPlaces(trace, at).filter((p) => p.thread !== 'final' || p.step !== null);
  return (
    <div className="fix-columns" style={{ '--columns': places.length } as React.CSSProperties}>
      {places.map((place) => (
        <div key={place.thread} className={`fix-column ${threadColour(place.thread)}`}>
          <h3>
            {place.thread}
            {place.running ? <span className="fix-running"> ran this step</span> : null}
          </h3>
          <p className="fix-where">{whereText(place, harness)}</p>
          <CodeView
            title={`your code, ${place.thread} thread`}
            lines={lines}
            diff={null}
            markers={markersFor(place)}
            focusLine={place.line}
          />
        </div>
      ))}
    </div>
  );
}

function markersFor(place: ThreadPlace): ReadonlyMap<number, readonly LineMarker[]> {
  if (place.line === null) return new Map();
  const marker: LineMarker = {
    thread: THREAD_COLOUR[place.thread],
    label: place.thread,
    crashed: place.raised !== null,
  };
  return new Map([[place.line, [marker]]]);
}

function whereText(place: ThreadPlace, harness: readonly string[]): string {
  if (place.step === null) return 'Not started yet.';
  if (place.raised !== null) return `Died of ${place.raised} (step ${place.step + 1}).`;
  if (place.ended) return `Ended (step ${place.step + 1}).`;
  if (place.line !== null) return `At line ${place.line} (step ${place.step + 1}).`;
  const text = place.harnessLine === null ? '' : (harness[place.harnessLine - 1] ?? '').trim();
  return `In the harness${text === '' ? '' : `: ${text}`} (step ${place.step + 1}).`;
}
