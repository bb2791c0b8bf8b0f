/**
 * The result of a check: how many schedules, how many end in each outcome (crashes by
 * exception and thread, lost or double-counted increments, deadlocks, runaways), and the
 * smallest counterexample with a way to step through it.
 */
import { countText } from '../../explorer/countText.ts';
import type { CheckResult, Counterexample } from '../../fixlab/protocol.ts';
import { outcomeRows, plural } from './outcomes.ts';
import { ReportDetails } from './ReportDetails.tsx';
import type { RunState } from './useFixSession.ts';

export interface ResultPanelProps {
  readonly run: RunState;
  readonly bound: number;
  /** The editor no longer holds the code that was checked. */
  readonly stale: boolean;
  readonly onOpen: (example: Counterexample) => void;
}

export function ResultPanel({ run, bound, stale, onOpen }: ResultPanelProps) {
  switch (run.kind) {
    case 'idle':
      return (
        <p className="muted">
          Press <strong>Check</strong> to run this code under every schedule with up to {bound}{' '}
          preemptions.
        </p>
      );
    case 'checking':
      return <p className="muted">Running every schedule, fewest preemptions first…</p>;
    case 'problem':
      return (
        <div role="alert" className="fix-problem">
          <p>
            <strong>This code cannot be checked.</strong> {run.problem.message}
          </p>
        </div>
      );
    case 'stopped':
      return (
        <div role="alert" className="fix-problem">
          <p>{run.message}</p>
        </div>
      );
    case 'done':
      return <Summary result={run.result} stale={stale} onOpen={onOpen} />;
  }
}

interface SummaryProps {
  readonly result: CheckResult;
  readonly stale: boolean;
  readonly onOpen: (example: Counterexample) => void;
}

function Summary({ result, stale, onOpen }: SummaryProps) {
  const ok = result.byOutcome['ok'] ?? 0;
  const broken = result.schedules - ok;
  return (
    <div className="fix-summary" aria-live="polite">
      <p className="fix-headline">
        {broken === 0
          ? `No schedule breaks it: all ${plural(result.schedules, 'schedule')} end cleanly.`
          : `${countText(broken)} of ${plural(result.schedules, 'schedule')} break it.`}{' '}
        <span className="muted">
          Up to {result.bound} preemptions, {result.complete ? 'every schedule' : 'stopped early'},
          in {(result.ms / 1000).toFixed(1)} s.
        </span>
      </p>
      {stale ? (
        <p className="notice">
          The code has changed since this check; press Check to check it again.
        </p>
      ) : null}
      <OutcomeTable result={result} stale={stale} onOpen={onOpen} />
      <SmallestCounterexample result={result} stale={stale} onOpen={onOpen} />
    </div>
  );
}

/** Schedules by outcome, each failing outcome with an example to step through. */
function OutcomeTable({ result, stale, onOpen }: SummaryProps) {
  return (
    <table className="fix-outcomes">
      <caption className="visually-hidden">Schedules by outcome</caption>
      <thead>
        <tr>
          <th scope="col">Schedules</th>
          <th scope="col">Outcome</th>
          <th scope="col">
            <span className="visually-hidden">Example</span>
          </th>
        </tr>
      </thead>
      <tbody>
        {outcomeRows(result.byOutcome).map((row) => {
          const example = result.examples[row.key];
          return (
            <tr key={row.key} data-outcome={row.key} className={`fix-row-${row.kind}`}>
              <td className="num">{countText(row.count)}</td>
              <td>{row.label}</td>
              <td>
                {example && row.kind !== 'ok' && !stale ? (
                  <button type="button" className="link-button" onClick={() => onOpen(example)}>
                    Step through one
                  </button>
                ) : null}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function SmallestCounterexample({ result, stale, onOpen }: SummaryProps) {
  const minimal = result.minimal;
  if (!minimal || !result.minimalReport) return null;
  return (
    <div className="fix-minimal">
      <h3>Smallest counterexample</h3>
      <p>
        {minimal.preemptions === 0
          ? 'No preemption at all'
          : plural(minimal.preemptions, 'preemption')}
        , {plural(minimal.steps, 'switch point')} passed.
      </p>
      <ReportDetails report={result.minimalReport} />
      {!stale ? (
        <button type="button" onClick={() => onOpen(minimal)}>
          Step through the smallest counterexample
        </button>
      ) : null}
    </div>
  );
}
