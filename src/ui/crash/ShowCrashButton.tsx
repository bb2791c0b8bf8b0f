/**
 * "Show me the crash": one click to the minimal counterexample of the setup on
 * screen, at the step where it fails, with the collision in view (the "Why"
 * callout and the marked lines follow from the store). It is enabled from the
 * first paint whenever the variant can go wrong, even when the run on screen
 * is clean, because the schedules were counted at build time (the crash
 * catalogue). Where nothing can go wrong it says so, with the count. For
 * parameters the catalogue lacks, the explorer searches first.
 */
import { allWorkWords, outcomeWords, shareWords } from '../../analysis/outcomeWords.ts';
import { isExactCount, ROUNDED_COUNT_NOTE } from '../../explorer/countText.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { useOutcomeCounts } from './useCrashCatalog.ts';
import './crash.css';

export function ShowCrashButton() {
  const store = useLabStore();
  const counts = useOutcomeCounts();
  const searching = useLab((s) => s.crashSearch !== null);
  const hasSim = useLab((s) => s.sim !== null);
  const crashes = useLab((s) => (s.sim ? s.sim.run.last.crashes.length > 0 : false));
  if (!hasSim) return null;

  if (counts.source === 'none' && crashes) {
    // Not counted in advance, but the run on screen crashes: go there.
    return (
      <button
        type="button"
        className="crash-button"
        onClick={() => store.getState().toCrash()}
        title="To the crash of this run"
      >
        ⚠ To the crash
      </button>
    );
  }
  if (counts.source === 'none') {
    return (
      <button
        type="button"
        className="crash-button"
        disabled={searching}
        onClick={() => store.getState().searchOutcome(null)}
        title="These parameters were not searched in advance: explore every schedule, then open the simplest that fails"
      >
        {searching ? 'Searching every schedule…' : '⚠ Find a crash'}
      </button>
    );
  }
  const first = counts.failing[0];
  if (first === undefined) {
    return (
      <span
        className="crash-none"
        role="note"
        title={isExactCount(counts.schedules) ? undefined : ROUNDED_COUNT_NOTE}
      >
        ✓ {allWorkWords(counts.schedules, counts.complete)}
      </span>
    );
  }
  const isCrash = first.startsWith('crash:');
  const label = isCrash ? 'Show me the crash' : 'Show me what goes wrong';
  return (
    <button
      type="button"
      className="crash-button"
      onClick={() => store.getState().openOutcome(first)}
      title={`${outcomeWords(first)}: ${shareWords(counts.byOutcome[first] ?? 0, counts.schedules)}. Opens the simplest such schedule at the step where it fails.`}
    >
      ⚠ {label}
    </button>
  );
}
