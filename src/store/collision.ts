/**
 * The collision behind the run on screen (src/analysis/collision.ts), for the
 * "Why" callout, the code columns and the timeline. Computed once per run and
 * failure (cached by the run's records, which derived.ts keeps per epoch), and
 * only for a run that failed.
 *
 * For the lab's code columns: `useCollisionMarks()` says which line of which
 * thread's column to mark as the victim ("crashed here") and which as the
 * culprit ("changed it here"), once the cursor has reached the earlier of the
 * two steps; null otherwise.
 */
import { useShallow } from 'zustand/react/shallow';
import { analyseCollision, failureKeys, type Collision } from '../analysis/collision.ts';
import type { StepRecord } from '../engine/index.ts';
import { useLab } from './context.tsx';
import { allRecords } from './derived.ts';
import type { LabState } from './labStore.ts';

interface Cached {
  readonly key: string;
  readonly value: Collision | null;
}

const cache = new WeakMap<readonly StepRecord[], Cached>();

/** The collision behind the run's failure (the outcome last opened, else the first), or null. */
export function selectRunCollision(s: LabState): Collision | null {
  const sim = s.sim;
  if (!sim) return null;
  const { crashes, violations } = sim.run.last;
  if (crashes.length === 0 && violations.length === 0) return null;
  const keys = failureKeys({ crashes, violations });
  const outcome =
    s.outcomeFocus !== null && keys.includes(s.outcomeFocus) ? s.outcomeFocus : keys[0];
  const records = allRecords(sim.run, s.epoch);
  const key = `${outcome}|${crashes.length}|${violations.length}|${records.length}`;
  const hit = cache.get(records);
  if (hit && hit.key === key) return hit.value;
  const value = analyseCollision({ program: sim.program, records, crashes, violations }, outcome);
  cache.set(records, { key, value });
  return value;
}

/** The collision once the cursor has reached its first side, else null. */
export function selectCollision(s: LabState): Collision | null {
  const c = selectRunCollision(s);
  if (!c) return null;
  return s.cursor >= Math.min(c.victim.step, c.culprit.step) ? c : null;
}

export function useCollision(): Collision | null {
  return useLab(selectCollision);
}

export interface CollisionMark {
  readonly role: 'victim' | 'culprit';
  readonly actor: string;
  readonly listing: string;
  readonly line: number;
  readonly step: number;
}

/** The two lines to mark in the code columns (see the comment at the top), or []. */
export function useCollisionMarks(): readonly CollisionMark[] {
  return useLab(useShallow((s) => marksOf(selectCollision(s))));
}

const NO_MARKS: readonly CollisionMark[] = Object.freeze([]);

export function marksOf(c: Collision | null): readonly CollisionMark[] {
  if (!c) return NO_MARKS;
  const out: CollisionMark[] = [];
  for (const role of ['victim', 'culprit'] as const) {
    const side = c[role];
    if (side.code)
      out.push({
        role,
        actor: side.actor,
        listing: side.code.listing,
        line: side.code.line,
        step: side.step,
      });
  }
  return out;
}
