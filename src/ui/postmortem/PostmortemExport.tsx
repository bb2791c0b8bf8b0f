/**
 * The postmortem of the run on screen, as a Markdown document: download it, copy it,
 * or read it here first. The fix table needs the explorer's counts for every
 * variant; if the explorer has not run for this setup, "Compute counts" runs it (in
 * workers, through the lab store's explorer slice) and the document picks them up.
 */
import { useId, useState } from 'react';
import { absoluteLink } from '../../routes/link.ts';
import { VARIANT_IDS } from '../../scenarios/index.ts';
import { allRecords } from '../../store/derived.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { exploreKey } from '../../store/explorerSlice.ts';
import { currentSchedule } from '../../store/runSlice.ts';
import { storyClockOf } from '../../tours/time.ts';
import { downloadText } from '../export/download.ts';
import { useCursor, useSim } from '../lab/hooks.ts';
import { buildPostmortem } from './postmortem.ts';

export function PostmortemExport() {
  const sim = useSim();
  // Re-render with the run (the preview, when open, shows the document as it is now).
  useCursor();
  useLab((s) => s.revision);
  const explorer = useLab((s) => s.explorer);
  const store = useLabStore();
  const statusId = useId();
  const [message, setMessage] = useState('');
  const [preview, setPreview] = useState(false);

  const key = sim ? exploreKey({ scenario: sim.def.id, params: sim.params, gil: sim.gil }) : '';
  const counts = explorer.key === key && explorer.status === 'done' ? explorer.results : null;
  const running = explorer.status === 'running' && explorer.key === key;

  // Built only when asked for (download, copy, preview): it walks every step record.
  const build = (): string => {
    if (!sim) return '';
    const state = store.getState();
    const schedule = currentSchedule(sim);
    const link = absoluteLink(window.location.href, {
      scenario: sim.def.id,
      variant: sim.variant,
      gil: sim.gil,
      params: sim.params,
      schedule,
      at: state.cursor,
    });
    return buildPostmortem({
      def: sim.def,
      variant: sim.variant,
      gil: sim.gil,
      params: sim.params,
      link,
      schedule,
      records: allRecords(sim.run, state.epoch),
      crash: sim.run.last.crashes[0] ?? null,
      violations: sim.run.last.violations,
      listings: sim.program.listings,
      fatalActors: sim.program.fatalActors,
      clock: storyClockOf(sim.def, sim.params),
      explorer: counts,
    });
  };

  if (!sim) return null;
  const fileName = `${sim.def.id}-${sim.variant}.postmortem.md`;

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(build());
      setMessage('Postmortem copied as Markdown.');
    } catch {
      setMessage('Copying was not allowed here; use Download instead.');
    }
  };
  const download = () => {
    downloadText(build(), fileName, 'text/markdown');
    setMessage(`Saved ${fileName}.`);
  };
  const compute = () =>
    store.getState().startExplore({
      scenario: sim.def.id,
      params: sim.params,
      gil: sim.gil,
      variants: VARIANT_IDS,
      preemptions: null,
    });

  return (
    <div className="postmortem-export">
      <p className="muted">
        Summary, impact, a timeline in real time units, root cause, contributing factors, what each
        fix does with the explorer&apos;s counts, how to reproduce it, and the traceback.
      </p>
      <div className="control-row">
        <button type="button" className="primary" onClick={download}>
          Download postmortem (Markdown)
        </button>
        <button type="button" onClick={() => void copy()}>
          Copy postmortem
        </button>
        <button
          type="button"
          onClick={compute}
          disabled={running || counts !== null}
          aria-describedby={statusId}
        >
          {counts !== null
            ? 'Counts computed'
            : running
              ? 'Computing counts…'
              : 'Compute counts for every fix'}
        </button>
      </div>
      <p id={statusId} role="status" className="muted">
        {running
          ? (explorer.progress?.text ?? 'Exploring…')
          : counts === null
            ? 'The fix table has no explorer counts yet.'
            : "The fix table includes the explorer's counts for every variant."}{' '}
        {message}
      </p>
      <details className="postmortem-preview" onToggle={(e) => setPreview(e.currentTarget.open)}>
        <summary>Read the postmortem here</summary>
        {preview ? (
          <pre tabIndex={0} aria-label="Postmortem (Markdown)">
            {build()}
          </pre>
        ) : null}
      </details>
    </div>
  );
}
