/**
 * What has gone wrong so far, on the story clock: the crash and the broken
 * invariants the run has reached at the cursor. What lies ahead is not shown, so a
 * room is never told the ending before it gets there.
 */
import type { Simulation } from '../../scenarios/simulate.ts';
import { crashCursor, violationCursor } from '../../store/navigation.ts';
import { storyClockOf, storyTime } from '../../tours/time.ts';

export function OutcomeLine({
  sim,
  cursor,
}: {
  readonly sim: Simulation;
  readonly cursor: number;
}) {
  const clock = storyClockOf(sim.def, sim.params);
  const { crashes, violations } = sim.run.last;
  const crashed = crashes.filter((c) => crashCursor(c) <= cursor);
  const broken = violations.filter((v) => violationCursor(v) <= cursor);
  if (crashed.length === 0 && broken.length === 0) {
    return <p className="outcome-line ok">No crash and no broken invariant so far.</p>;
  }
  return (
    <ul className="outcome-line">
      {crashed.map((c) => (
        <li key={`c-${c.step}`} className="outcome-crash">
          <strong>
            ✖ {c.type} in thread {c.actor}
          </strong>{' '}
          at {storyTime(clock, c.timeMs)}
          {c.message ? (
            <>
              : <code>{c.message}</code>
            </>
          ) : null}
        </li>
      ))}
      {broken.map((v) => (
        <li key={`v-${v.invariant}`} className="outcome-violation">
          <strong>⚠ {v.invariant}</strong> at {storyTime(clock, v.timeMs)}: {v.detail}
        </li>
      ))}
    </ul>
  );
}
