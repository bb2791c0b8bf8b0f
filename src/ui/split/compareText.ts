/**
 * The words of the comparison: how a run ends, and what one step did (the thread and
 * the line it ran), both read from the run alone.
 */
import { resolveAt, type ResolvedLine, type Run } from '../../engine/index.ts';
import { crashCursor, violationCursor } from '../../store/navigation.ts';

export interface Ending {
  readonly kind: 'crash' | 'broken' | 'works' | 'running';
  readonly text: string;
  /** The cursor where it shows, or null. */
  readonly at: number | null;
}

export function ending(run: Run<unknown>): Ending {
  const crash = run.last.crashes[0];
  if (crash) {
    const at = crashCursor(crash);
    return {
      kind: 'crash',
      text: `${crash.type} in ${crash.actor} at step ${at}`,
      at,
    };
  }
  const broke = run.last.violations[0];
  if (broke) {
    const at = violationCursor(broke);
    const more = run.last.violations.length - 1;
    return {
      kind: 'broken',
      text: `No crash, but ${broke.invariant} breaks at step ${at}${more > 0 ? ` (and ${more} more)` : ''}`,
      at,
    };
  }
  if (!run.ended)
    return { kind: 'running', text: `No crash in ${run.length} steps so far`, at: null };
  return {
    kind: 'works',
    text: `Works: no crash, every check held (${run.length} steps)`,
    at: null,
  };
}

/** The line step `index` (0-based) ran, or null outside the run or when it cannot be resolved. */
export function lineOfStep(run: Run<unknown>, index: number): ResolvedLine | null {
  if (index < 0 || index >= run.length) return null;
  const at = run.program.instrs[run.pcAt(index)]?.at;
  if (!at) return null;
  try {
    return resolveAt(run.program.listings, at);
  } catch {
    return null;
  }
}

export function actorOfStep(run: Run<unknown>, index: number): string | null {
  if (index < 0 || index >= run.length) return null;
  return run.program.actors[run.threadAt(index)] ?? null;
}
