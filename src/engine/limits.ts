/**
 * Limits the kernel's packed numbers impose, checked where a program is
 * prepared (prepared.ts) so that a program past them fails at once with a
 * sentence instead of quietly misbehaving.
 */

/**
 * Most threads a program may have (indices 0 to 255): the natural order
 * (kernel.ts, `naturalRank`) and a run's per-step column (run.ts) each pack a
 * thread index into 8 bits.
 */
export const MAX_THREADS = 256;

/** Most step invariants a program with a step-invariant mask may have: a mask is a 32-bit integer's low 31 bits. */
export const MAX_MASKED_STEP_INVARIANTS = 31;

/** The error for a program past the limits, or null. */
export function limitError(actors: number, stepInvariants: number, masked: boolean): string | null {
  if (actors > MAX_THREADS)
    return `a program has at most ${MAX_THREADS} threads (the natural order packs a thread index into 8 bits), this one has ${actors}`;
  if (masked && stepInvariants > MAX_MASKED_STEP_INVARIANTS)
    return `a step-invariant mask covers at most ${MAX_MASKED_STEP_INVARIANTS} step invariants, this program has ${stepInvariants}`;
  return null;
}
