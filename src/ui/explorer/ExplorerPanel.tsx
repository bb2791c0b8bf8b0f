/**
 * The explorer panel: explore every schedule of this scenario (within a bound on
 * preemptions) for every variant, watch the progress, compare the counts, and load the
 * simplest failing schedule of a variant into the lab at the step where it fails.
 */
import { outcomeWords, VARIANT_WORDS } from '../common/words.ts';
import { useId } from 'react';
import { defaultBounds } from '../../explorer/defaults.ts';
import { VARIANT_IDS } from '../../scenarios/index.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { exploreKey, MAX_PREEMPTIONS, type VariantCounts } from '../../store/explorerSlice.ts';
import { crashCursor, violationCursor } from '../../store/navigation.ts';
import { Count, RoundedCountNote } from '../common/Count.tsx';
import { useSim } from '../lab/hooks.ts';

export function ExplorerPanel() {
  const sim = useSim();
  const view = useLab((s) => s.explorer);
  const bound = useLab((s) => s.preemptions);
  const store = useLabStore();
  const progressId = useId();
  if (!sim) return null;
  const key = exploreKey({ scenario: sim.def.id, params: sim.params, gil: sim.gil });
  const stale = view.key !== null && view.key !== key;
  const running = view.status === 'running';

  const start = () =>
    store.getState().startExplore({
      scenario: sim.def.id,
      params: sim.params,
      gil: sim.gil,
      variants: VARIANT_IDS,
      preemptions: bound,
    });

  return (
    <div className="explorer">
      <p className="muted">
        Runs every schedule that deviates from the natural timing at most this many times, on every
        variant, and counts how each ends.
      </p>
      <BoundControls bound={bound} running={running} onStart={start} />
      {running ? (
        <div className="explore-progress">
          <label htmlFor={progressId}>{view.progress?.text ?? 'Starting…'}</label>
          <progress id={progressId} max={1} value={view.progress?.fraction ?? undefined} />
        </div>
      ) : null}
      <p role="status" className="muted">
        {statusText(view.status, stale)}
      </p>
      {view.status === 'error' ? (
        <div role="alert">
          <p>The explorer failed: {view.error}</p>
          {/* A worker that died (out of memory, say) is not the setup's fault: try again. */}
          <button type="button" onClick={start}>
            Retry
          </button>
        </div>
      ) : null}
      {view.results.length > 0 && !stale ? <Counts results={view.results} /> : null}
    </div>
  );
}

/** The bound on preemptions, and the buttons that start and cancel an exploration. */
function BoundControls({
  bound,
  running,
  onStart,
}: {
  readonly bound: number | null;
  readonly running: boolean;
  readonly onStart: () => void;
}) {
  const sim = useSim();
  const store = useLabStore();
  const boundId = useId();
  if (!sim) return null;
  return (
    <div className="control-row">
      <label htmlFor={boundId}>Preemptions</label>
      <select
        id={boundId}
        value={bound ?? ''}
        disabled={running}
        onChange={(e) =>
          store.getState().setPreemptions(e.target.value === '' ? null : Number(e.target.value))
        }
      >
        <option value="">Scenario default ({defaultBounds(sim.def.id).preemptions})</option>
        {Array.from({ length: MAX_PREEMPTIONS + 1 }, (_, i) => (
          <option key={i} value={i}>
            {i}
          </option>
        ))}
      </select>
      <button type="button" className="primary" onClick={onStart} disabled={running}>
        Explore all variants
      </button>
      <button type="button" onClick={() => store.getState().cancelExplore()} disabled={!running}>
        Cancel
      </button>
    </div>
  );
}

function statusText(status: string, stale: boolean): string {
  if (stale) return 'These results belong to another setup; explore again.';
  switch (status) {
    case 'running':
      return 'Exploring…';
    case 'done':
      return 'Exploration finished.';
    case 'cancelled':
      return 'Exploration cancelled.';
    default:
      return '';
  }
}

function Counts({ results }: { readonly results: readonly VariantCounts[] }) {
  const store = useLabStore();
  const sim = useSim();
  if (!sim) return null;
  const load = (r: VariantCounts) => {
    const minimal = r.minimal;
    if (!minimal) return;
    const s = store.getState();
    const ok = s.open({
      scenario: sim.def.id,
      variant: r.variant,
      gil: sim.gil,
      params: sim.params,
      schedule: minimal.schedule,
      step: null,
    });
    if (!ok) return;
    const run = store.getState().sim?.run;
    if (!run) return;
    const crash = minimal.outcome.startsWith('crash:') ? run.last.crashes[0] : undefined;
    const broken = run.last.violations.find((v) => `violation:${v.invariant}` === minimal.outcome);
    const target = crash ? crashCursor(crash) : broken ? violationCursor(broken) : run.length;
    store.getState().seek(target);
  };
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Explorer counts">
      <table className="counts-table">
        <caption>Schedules by outcome, per variant</caption>
        <thead>
          <tr>
            <th scope="col">Variant</th>
            <th scope="col">Schedules</th>
            <th scope="col">Crashing</th>
            <th scope="col">Violating</th>
            <th scope="col">Outcomes</th>
            <th scope="col">Counterexample</th>
          </tr>
        </thead>
        <tbody>
          {results.map((r) => (
            <CountsRow key={r.variant} r={r} onLoad={() => load(r)} />
          ))}
        </tbody>
      </table>
      <RoundedCountNote counts={results.flatMap(shownCounts)} />
    </div>
  );
}

/** One variant's counts, and a button that loads its simplest failing schedule. */
function CountsRow({ r, onLoad }: { readonly r: VariantCounts; readonly onLoad: () => void }) {
  return (
    <tr>
      <th scope="row">
        {VARIANT_WORDS[r.variant]}
        {r.complete ? '' : ' (bounded, incomplete)'}
      </th>
      <td>
        <Count n={r.schedules} />
      </td>
      <td>
        <Count n={r.crashing} />
      </td>
      <td>
        <Count n={r.violating} />
      </td>
      <td>
        <ul className="outcome-list">
          {Object.entries(r.byOutcome).map(([k, n]) => (
            <li key={k}>
              {outcomeWords(k)}: <Count n={n} />
            </li>
          ))}
        </ul>
      </td>
      <td>
        {r.minimal ? (
          <button
            type="button"
            onClick={onLoad}
            aria-label={`Load the simplest schedule where ${outcomeWords(r.minimal.outcome)}, on ${VARIANT_WORDS[r.variant]}`}
          >
            Load: {outcomeWords(r.minimal.outcome)} ({r.minimal.preemptions} preemption
            {r.minimal.preemptions === 1 ? '' : 's'})
          </button>
        ) : (
          'none fails'
        )}
      </td>
    </tr>
  );
}

/** Every count a row shows. */
function shownCounts(r: VariantCounts): number[] {
  return [r.schedules, r.crashing, r.violating, ...Object.values(r.byOutcome)];
}
