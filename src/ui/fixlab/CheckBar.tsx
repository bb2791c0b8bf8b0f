/**
 * The Check button, the bound, and what the checker is doing: loading Python, checking
 * (with running counts), or why it cannot.
 */
import { countText } from '../../explorer/countText.ts';
import { DEFAULT_BOUND, MAX_BOUND } from '../../fixlab/protocol.ts';
import type { LoadState } from './checkerClient.ts';
import { plural } from './outcomes.ts';
import type { RunState } from './useFixSession.ts';

export interface CheckBarProps {
  readonly load: LoadState;
  readonly run: RunState;
  readonly bound: number;
  readonly onBound: (bound: number) => void;
  readonly onCheck: () => void;
  readonly onRetryLoad: () => void;
}

export function CheckBar({ load, run, bound, onBound, onCheck, onRetryLoad }: CheckBarProps) {
  const checking = run.kind === 'checking';
  return (
    <div className="fix-checkbar">
      <button
        type="button"
        className="fix-check"
        onClick={onCheck}
        disabled={checking || load.kind === 'failed'}
      >
        {checking ? 'Checking…' : 'Check'}
      </button>
      <label className="fix-bound">
        Preemptions{' '}
        <select value={bound} onChange={(e) => onBound(Number(e.target.value))} disabled={checking}>
          <option value={DEFAULT_BOUND}>up to {DEFAULT_BOUND} (default)</option>
          <option value={MAX_BOUND}>up to {MAX_BOUND} (slower)</option>
        </select>
      </label>
      <LoadStatus load={load} onRetry={onRetryLoad} />
      <Progress run={run} />
    </div>
  );
}

function LoadStatus({ load, onRetry }: { readonly load: LoadState; readonly onRetry: () => void }) {
  if (load.kind === 'ready') {
    return (
      <p className="fix-status muted" role="status">
        Python ready ({(load.loadMs / 1000).toFixed(1)} s to load)
      </p>
    );
  }
  if (load.kind === 'loading') {
    return (
      <p className="fix-status muted" role="status">
        {load.restart ? 'Restarting Python…' : 'Loading Python (about 6 MB, once)…'}
      </p>
    );
  }
  return (
    <div className="fix-status fix-failed" role="alert">
      <p>{load.message}</p>
      <button type="button" onClick={onRetry}>
        Try again
      </button>
    </div>
  );
}

function Progress({ run }: { readonly run: RunState }) {
  if (run.kind !== 'checking') return null;
  const p = run.progress;
  const failing = p
    ? Object.entries(p.byOutcome).reduce((n, [key, count]) => (key === 'ok' ? n : n + count), 0)
    : 0;
  return (
    <p className="fix-progress" role="status" aria-live="polite">
      {p === null
        ? 'Starting…'
        : `Bound ${p.bound} of ${run.bound}: ${plural(p.schedules, 'schedule')} run, ${countText(failing)} not ok`}
      <progress max={run.bound + 1} value={p === null ? 0 : p.bound} />
    </p>
  );
}
