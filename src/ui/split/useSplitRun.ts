/**
 * Compare's other side: the same interleaving on another implementation, thread for
 * thread, in lockstep with the lab's run, with the first step where the two part.
 * Opened with nothing chosen, it compares with a fix (or, from a fix, with the buggy
 * code). A side that cannot be built says why.
 */
import { useEffect, useMemo } from 'react';
import { naturalScheduler } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { firstDivergence, lockstepRun } from '../../store/lockstep.ts';
import { MAX_NATURAL_STEPS } from '../../store/runSlice.ts';

export function useSplitRun(sim: Simulation | null) {
  const revision = useLab((s) => s.revision);
  const other = useLab((s) => s.splitVariant);
  const store = useLabStore();

  useEffect(() => {
    if (sim && store.getState().splitVariant === null) {
      store.getState().setSplitVariant(sim.variant === 'buggy' ? 'correct' : 'buggy');
    }
  }, [sim, store]);

  const split = useMemo(() => {
    void revision;
    if (!sim || other === null || other === sim.variant) return null;
    try {
      const program = sim.def.build(other, sim.params, sim.gil);
      const { run, forced } = lockstepRun(program, sim.gil, sim.run.threadsPerStep());
      // Past the shared schedule, the other side goes on as time takes it, to its end.
      if (sim.run.ended) run.extend(naturalScheduler, MAX_NATURAL_STEPS);
      return { run, forced, divergence: firstDivergence(sim.run, run), error: null };
    } catch (error) {
      return { run: null, forced: [], divergence: null, error: String(error) };
    }
  }, [sim, other, revision]);
  return { other, split };
}
