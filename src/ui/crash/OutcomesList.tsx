/**
 * Every way the setup on screen can end, in plain words, with how many of the
 * explored schedules end that way ("The stuck detector dies: 52 of 1,159
 * schedules"); each opens the simplest schedule that ends so, at the step where
 * it does. The outcome of the run on screen is marked.
 */
import { crashType, outcomeWords } from '../../analysis/outcomeWords.ts';
import { failureKeys } from '../../analysis/collision.ts';
import { allExact } from '../../explorer/countText.ts';
import { Count, RoundedCountNote } from '../common/Count.tsx';
import { useLab, useLabStore } from '../../store/context.tsx';
import { useOutcomeCounts } from './useCrashCatalog.ts';
import './crash.css';

function order(keys: readonly string[]): string[] {
  const rank = (k: string): number => (k.startsWith('crash:') ? 0 : k === 'ok' ? 2 : 1);
  return [...keys].sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
}

/** Whether the outcome counts add up to more than the schedules, so some schedule ends two ways. */
function overlaps(sum: number, total: number): boolean {
  // Rounded counts are off by far less than a millionth (countText.ts): only a larger
  // excess is sure to be an overlap rather than rounding.
  return allExact([sum, total]) ? sum > total : sum > total * (1 + 1e-6);
}

export function OutcomesList() {
  const store = useLabStore();
  const counts = useOutcomeCounts();
  const shown = useLab((s) => {
    const last = s.sim?.run.last;
    if (!last) return '';
    const keys = failureKeys(last);
    return keys.length > 0 ? keys.join(' ') : last.ended ? 'ok' : '';
  });
  if (counts.source === 'none') {
    return (
      <section className="outcomes" aria-label="Outcomes">
        <h3>What can happen</h3>
        <p className="muted">
          These parameters were not counted in advance.{' '}
          <button type="button" onClick={() => store.getState().searchOutcome(null)}>
            Count every schedule
          </button>
        </p>
      </section>
    );
  }
  const keys = order(Object.keys(counts.byOutcome));
  const total = counts.schedules;
  const sum = keys.reduce((n, k) => n + (counts.byOutcome[k] ?? 0), 0);
  const scope =
    counts.bound === null ? 'every schedule' : `schedules with up to ${counts.bound} preemptions`;
  return (
    <section className="outcomes" aria-label="Outcomes">
      <h3>What can happen</h3>
      <p className="muted outcomes-scope">
        Out of <Count n={total} /> schedules ({scope}
        {counts.complete ? '' : ', search stopped early'}):
      </p>
      <ul>
        {keys.map((key) => {
          const n = counts.byOutcome[key] ?? 0;
          const current = shown.split(' ').includes(key);
          const type = crashType(key);
          const words = outcomeWords(key);
          const canOpen = counts.openable.includes(key);
          return (
            <li key={key} className={`outcome-row outcome-${key === 'ok' ? 'ok' : 'bad'}`}>
              {canOpen ? (
                <button
                  type="button"
                  aria-current={current ? 'true' : undefined}
                  onClick={() => store.getState().openOutcome(key)}
                  title={`Open the simplest schedule that ends so${type ? ` (${type})` : ''}`}
                >
                  {words}
                </button>
              ) : (
                <span>{words}</span>
              )}
              : <Count n={n} /> of <Count n={total} />
              {type ? <span className="muted"> ({type})</span> : null}
            </li>
          );
        })}
      </ul>
      {overlaps(sum, total) ? (
        <p className="muted">A schedule can end in more than one of these.</p>
      ) : null}
      <RoundedCountNote counts={[total, ...Object.values(counts.byOutcome)]} />
    </section>
  );
}
