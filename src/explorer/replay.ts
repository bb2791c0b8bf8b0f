/**
 * Replays a list of deviations the way a schedule string does (the natural
 * choice at every choice point not listed; see engine/scheduler/replay.ts),
 * without keeping a Run: shrinking and sampling replay hundreds of schedules
 * and need only the final world and the deviations that actually took effect.
 */
import {
  enabledOf,
  endWorld,
  scanEnabled,
  stepWorld,
  type SwitchMode,
  type Program,
  type World,
} from '../engine/index.ts';

export interface Replayed<S> {
  readonly world: World<S>;
  readonly steps: number;
  /** The deviations that took effect (a listed thread that could not run is dropped). */
  readonly deviations: [number, number][];
  /** Choice points where the listed thread could not run. */
  readonly divergences: number[];
}

/** Runs `program` under `deviations` for at most `maxSteps` steps, ending the world as a Run would. */
export function replayDeviations<S>(
  program: Program<S>,
  gil: SwitchMode,
  deviations: readonly (readonly [number, number])[],
  maxSteps = Infinity,
): Replayed<S> {
  const wanted = new Map(deviations.map(([p, t]) => [p, t]));
  const options = { gil, recording: false };
  const world = program.init();
  const taken: [number, number][] = [];
  const divergences: number[] = [];
  let point = 0;
  let steps = 0;
  let scan = scanEnabled(program, world);
  while (steps < maxSteps && scan.count > 0) {
    let chosen = scan.natural;
    if (scan.count > 1) {
      const natural = scan.natural;
      const want = wanted.get(point);
      chosen = want !== undefined && enabledOf(scan).includes(want) ? want : natural;
      if (want !== undefined && chosen !== want) divergences.push(point);
      if (chosen !== natural) taken.push([point, chosen]);
      point++;
    }
    stepWorld(program, world, chosen, options);
    steps++;
    scan = scanEnabled(program, world);
  }
  if (!world.ended && scan.count === 0) endWorld(program, world, options);
  return { world, steps, deviations: taken, divergences };
}
