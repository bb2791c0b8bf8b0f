/**
 * Share and export: a link that restores this exact scenario, variant, parameters,
 * schedule and step (with a copy button), the trace as JSON and back, the timeline as
 * SVG or PNG. The postmortem is in the toolbar's Export menu.
 */
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { absoluteLink, freshLabHash, type LabLink } from '../../routes/link.ts';
import { TRACE_FORMAT, TRACE_VERSION, serializeTrace } from '../export/traceFile.ts';
import { downloadText } from '../export/download.ts';
import { importTraceFile } from '../export/importTrace.ts';
import { allRecords } from '../../store/derived.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { currentSchedule } from '../../store/runSlice.ts';
import { useCursor, useSim } from '../lab/hooks.ts';

type Message = {
  readonly kind: 'status' | 'alert';
  readonly text: string;
  /** A scenario to offer opening fresh, when the file came from another version. */
  readonly fresh?: string;
} | null;

export function SharePanel() {
  const sim = useSim();
  const cursor = useCursor();
  const revision = useLab((s) => s.revision);
  const store = useLabStore();
  const linkId = useId();
  const fileId = useId();
  const linkRef = useRef<HTMLInputElement>(null);
  const [message, setMessage] = useState<Message>(null);
  if (!sim) return null;
  void revision;

  const link: LabLink = {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    schedule: currentSchedule(sim),
    at: cursor,
  };
  const href = absoluteLink(window.location.href, link);
  const base = `${sim.def.id}-${sim.variant}-step${cursor}`;
  const records = () => {
    const s = store.getState();
    return allRecords(s.sim?.run ?? null, s.epoch);
  };

  const copy = async () => {
    try {
      await navigator.clipboard.writeText(href);
      setMessage({ kind: 'status', text: 'Link copied.' });
    } catch {
      linkRef.current?.select();
      setMessage({
        kind: 'status',
        text: 'Copying was not allowed; the link is selected, press Ctrl+C (or ⌘C).',
      });
    }
  };

  const exportTrace = () => {
    const text = serializeTrace({
      format: TRACE_FORMAT,
      version: TRACE_VERSION,
      scenario: sim.def.id,
      scenarioVersion: sim.def.version,
      variant: sim.variant,
      params: sim.params,
      gil: sim.gil,
      schedule: link.schedule ?? '',
      step: cursor,
      records: records(),
    });
    downloadText(text, `${base}.trace.json`, 'application/json');
    setMessage({ kind: 'status', text: `Saved ${base}.trace.json.` });
  };

  const exportImage = async (kind: 'svg' | 'png') => {
    try {
      // The same 16:9 slide as the Export menu's (title, legend, collision, notes).
      const actions = await import('../export/exportActions.ts');
      const notes = store.getState().notes;
      const said = await actions.saveSlide(
        kind,
        sim,
        notes,
        cursor,
        window.location.href,
        `${base}.timeline`,
      );
      setMessage({ kind: 'status', text: said });
    } catch (error) {
      setMessage({ kind: 'alert', text: `The timeline image could not be made: ${String(error)}` });
    }
  };

  const onImport = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    const result = await importTraceFile(store, file);
    if (result.ok) return setMessage({ kind: 'status', text: result.value });
    const fresh = 'freshScenario' in result ? { fresh: result.freshScenario } : {};
    setMessage({ kind: 'alert', text: result.error, ...fresh });
  };

  return (
    <div className="share">
      <div className="share-link">
        <label htmlFor={linkId}>Link to this exact step</label>
        <div className="control-row">
          <input
            id={linkId}
            ref={linkRef}
            className="link-field"
            type="text"
            readOnly
            value={href}
            onFocus={(e) => e.target.select()}
          />
          <button type="button" className="primary" onClick={() => void copy()}>
            Copy link
          </button>
        </div>
      </div>
      <div className="control-row" role="group" aria-label="Export">
        <button type="button" onClick={exportTrace}>
          Export trace (JSON)
        </button>
        <button type="button" onClick={() => void exportImage('svg')}>
          Timeline as SVG
        </button>
        <button type="button" onClick={() => void exportImage('png')}>
          Timeline as PNG
        </button>
      </div>
      <div className="control-row">
        <label htmlFor={fileId}>Import a trace (JSON, up to 5 MB)</label>
        <input
          id={fileId}
          type="file"
          accept=".json,application/json"
          onChange={(e) => void onImport(e)}
        />
      </div>
      <div role="status" className="share-status">
        {message?.kind === 'status' ? message.text : ''}
      </div>
      {message?.kind === 'alert' ? (
        <p role="alert">
          {message.text}
          {message.fresh ? (
            <>
              {' '}
              <a href={freshLabHash(message.fresh)}>Open the scenario fresh</a>
            </>
          ) : null}
        </p>
      ) : null}
    </div>
  );
}
