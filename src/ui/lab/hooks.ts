/**
 * Narrow selectors the panels share. Each returns a primitive or an object that stays
 * the same while it does not change (derived.ts caches by run and epoch), so a panel
 * re-renders only when what it shows changes.
 */
import { enabledThreads, resolveAt, type ResolvedLine, type World } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { allRecords, recordAt, worldAt } from '../../store/derived.ts';
import { useLab } from '../../store/context.tsx';
import type { LabState } from '../../store/labStore.ts';

export function useSim(): Simulation | null {
  return useLab((s) => s.sim);
}

export function useCursor(): number {
  return useLab((s) => s.cursor);
}

export function useRunLength(): number {
  return useLab((s) => (s.sim ? s.sim.run.length : 0));
}

export function useRunEnded(): boolean {
  return useLab((s) => (s.sim ? s.sim.run.ended : true));
}

/** The world at the cursor plus `offset` (clamped to the run), or null without a run. */
export function selectWorld(s: LabState, offset = 0): World<unknown> | null {
  if (!s.sim) return null;
  const step = Math.max(0, Math.min(s.sim.run.length, s.cursor + offset));
  return worldAt(s.sim.run, s.epoch, step);
}

export function useWorld(offset = 0): World<unknown> | null {
  return useLab((s) => selectWorld(s, offset));
}

/** Every recorded step of the run (the same array while the run and epoch stay). */
export function useRecords() {
  return useLab((s) => allRecords(s.sim?.run ?? null, s.epoch));
}

/** The record of the step that led to the cursor's world, or null at step 0. */
export function useLastRecord() {
  return useLab((s) => recordAt(s.sim?.run ?? null, s.epoch, s.cursor - 1));
}

/** Threads that may take the next step at the cursor, as a comma-joined key (stable). */
export function useEnabledKey(): string {
  return useLab((s) => {
    const world = selectWorld(s);
    return s.sim && world ? enabledThreads(s.sim.run.program, world).join(',') : '';
  });
}

export function parseEnabled(key: string): number[] {
  return key === '' ? [] : key.split(',').map(Number);
}

/** The line a thread will execute next, or null if it cannot be resolved. */
export function nextLineOf(
  sim: Simulation,
  world: World<unknown>,
  thread: number,
): ResolvedLine | null {
  const t = world.threads[thread];
  if (!t) return null;
  const instr = sim.program.instrs[t.pc];
  if (!instr) return null;
  try {
    return resolveAt(sim.program.listings, instr.at);
  } catch {
    return null;
  }
}

export function actorLabel(sim: Simulation, actor: string): string {
  return sim.def.actors.find((a) => a.id === actor)?.label ?? actor;
}
