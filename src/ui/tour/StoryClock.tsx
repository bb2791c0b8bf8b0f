/**
 * Where the story is in time: "t = 5.065 s" on the story clock (src/tours/time.ts),
 * what t = 0 is, the engine's own clock, and the production constants that shape
 * the race in real units.
 */
import type { Simulation } from '../../scenarios/simulate.ts';
import {
  formatVirtualTime,
  productionConstants,
  storyClockOf,
  storyTime,
} from '../../tours/time.ts';

export function StoryClockLine({
  sim,
  nowMs,
  large = false,
}: {
  readonly sim: Simulation;
  readonly nowMs: number;
  readonly large?: boolean;
}) {
  const clock = storyClockOf(sim.def, sim.params);
  const constants = productionConstants(sim.def, sim.params);
  return (
    <div className={`story-clock${large ? ' story-clock-large' : ''}`}>
      <p className="story-time">
        <strong>{storyTime(clock, nowMs)}</strong>{' '}
        <span className="muted">
          since {clock.zero}
          {clock.originMs !== 0 ? ` (the model's clock reads ${formatVirtualTime(nowMs)})` : ''}
        </span>
      </p>
      {constants.length > 0 ? (
        <ul className="constants" aria-label="Production constants">
          {constants.map((c) => (
            <li key={c.name} title={c.note}>
              <code>{c.name}</code> {c.value}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
