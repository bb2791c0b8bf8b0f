/**
 * The lab: one scenario, stepped one atomic step at a time. The page reads its share
 * link from the route, opens the run in a store of its own, and lays out the panels:
 * controls and narration on top, threads, code and timeline in the main column, the
 * outcome and the state inspector beside them, then the split view, the explorer and
 * sharing. A bad link or a schedule from another version is explained in an alert
 * with a way to open the scenario fresh.
 */
import { useEffect, useMemo, useState } from 'react';
import { freshLabHash, parseLabLink } from '../../routes/link.ts';
import type { RouteQuery } from '../../routes/router.ts';
import { findScenario } from '../../scenarios/index.ts';
import { LabStoreProvider, useLab } from '../../store/context.tsx';
import { createLabStore, type LabStore } from '../../store/labStore.ts';
import { PANEL_IDS, PANEL_LABELS, type PanelId } from '../../store/viewSlice.ts';
import { Panel } from '../common/Panel.tsx';
import { PanelBoundary } from '../common/PanelBoundary.tsx';
import { ProvenanceLine } from '../common/Provenance.tsx';
import { RACE_NAMES } from '../common/provenance.ts';
import { Controls } from '../controls/Controls.tsx';
import { HelpDialog } from '../controls/HelpDialog.tsx';
import { usePlayback } from '../controls/usePlayback.ts';
import { useShortcuts } from '../controls/useShortcuts.ts';
import { CodePanel } from '../code/CodePanel.tsx';
import { ExplorerPanel } from '../explorer/ExplorerPanel.tsx';
import { Narration } from '../narration/Narration.tsx';
import { OutcomePanel } from '../outcome/OutcomePanel.tsx';
import { SharePanel } from '../share/SharePanel.tsx';
import { withoutNotes } from '../presenter/notes.ts';
import { LabPresenterTools } from '../presenter/StepNotes.tsx';
import { SplitPanel } from '../split/SplitPanel.tsx';
import { StateInspector } from '../state/StateInspector.tsx';
import { ThreadsPanel } from '../threads/ThreadsPanel.tsx';
import { TimelinePanel } from '../timeline/TimelinePanel.tsx';
import { SetupBar } from './SetupBar.tsx';
import './lab.css';

export interface LabPageProps {
  readonly scenarioId: string;
  readonly query: RouteQuery;
  /** For tests: a store to use instead of a new one. */
  readonly store?: LabStore;
}

export function LabPage({ scenarioId, query, store: given }: LabPageProps) {
  const [store] = useState(() => given ?? createLabStore());
  const linkKey = `${scenarioId}?${new URLSearchParams(Object.entries(query)).toString()}`;
  // The presenter's pinned notes (`notes`) ride along in the link; StepNotes reads them.
  // linkKey stands for scenarioId and query, whose identity changes on every hash read.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const parsed = useMemo(() => parseLabLink(scenarioId, withoutNotes(query)), [linkKey]);

  useEffect(() => {
    if (!parsed.ok) return;
    store.getState().setPlaying(false);
    store.getState().open(parsed.value);
  }, [parsed, store]);

  return (
    <LabStoreProvider store={store}>
      <LabBody scenarioId={scenarioId} linkError={parsed.ok ? null : parsed.error} store={store} />
    </LabStoreProvider>
  );
}

function LabBody({
  scenarioId,
  linkError,
  store,
}: {
  readonly scenarioId: string;
  readonly linkError: string | null;
  readonly store: LabStore;
}) {
  useShortcuts(store);
  usePlayback(store);
  const sim = useLab((s) => s.sim);
  const openError = useLab((s) => s.openError);
  const notice = useLab((s) => s.notice);
  const def = sim?.def ?? findScenario(scenarioId);
  const error = linkError ?? openError;
  const title = def?.title ?? scenarioId;

  return (
    <section className="lab" aria-labelledby="lab-title">
      <title>{`${title} · Arroyo Race Lab`}</title>
      <div className="lab-top">
        <header className="lab-head">
          <p className="lab-race">
            {def ? `${RACE_NAMES[def.race]} · scenario ${def.id}` : 'Scenario'}
          </p>
          <h1 id="lab-title">{title}</h1>
          {def ? (
            <>
              <p className="lab-summary">{def.summary}</p>
              <ProvenanceLine provenance={def.provenance} />
              {def.race === 'B' ? (
                <p>
                  <a href="#/fix/metrics">Write your own fix in the Fix lab</a>
                </p>
              ) : null}
            </>
          ) : null}
        </header>
        {sim && error === null ? (
          <PanelBoundary name="setup">
            <SetupBar />
          </PanelBoundary>
        ) : null}
      </div>
      {error !== null ? (
        <LinkError scenarioId={scenarioId} message={error} known={def !== undefined} />
      ) : null}
      {notice !== null && error === null ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      {sim && error === null ? <LabPanels /> : null}
      {!sim && error === null ? <p>Loading the scenario…</p> : null}
    </section>
  );
}

function LinkError({
  scenarioId,
  message,
  known,
}: {
  readonly scenarioId: string;
  readonly message: string;
  readonly known: boolean;
}) {
  return (
    <div role="alert" className="link-error">
      <p>
        <strong>This link cannot be opened as it is.</strong> {message}
      </p>
      <p>
        {known ? <a href={freshLabHash(scenarioId)}>Open the scenario fresh</a> : null}
        {known ? ' or ' : ''}
        <a href="#/">choose a scenario</a>.
      </p>
    </div>
  );
}

function LabPanels() {
  const panels = useLab((s) => s.panels);
  const show = (id: PanelId) => panels[id];
  return (
    <>
      <PanelBoundary name="controls">
        <Controls />
      </PanelBoundary>
      <PanelBoundary name="narration">
        <Narration />
      </PanelBoundary>
      <div className="lab-grid">
        <div className="lab-main">
          {show('threads') ? (
            <Panel title="Threads" className="panel-threads">
              <ThreadsPanel />
            </Panel>
          ) : null}
          {show('code') ? (
            <Panel title="Code" className="panel-code">
              <CodePanel />
            </Panel>
          ) : null}
        </div>
        <div className="lab-side">
          {show('outcome') ? (
            <Panel title="Crash and invariants" className="panel-outcome">
              <OutcomePanel />
            </Panel>
          ) : null}
          {show('state') ? (
            <Panel title="State" className="panel-state">
              <StateInspector />
            </Panel>
          ) : null}
        </div>
      </div>
      {show('timeline') ? (
        <Panel title="Timeline" className="panel-timeline">
          <TimelinePanel />
        </Panel>
      ) : null}
      {show('split') ? (
        <Panel title="Split view" className="panel-split">
          <SplitPanel />
        </Panel>
      ) : null}
      {show('explorer') ? (
        <Panel title="Explorer" className="panel-explorer">
          <ExplorerPanel />
        </Panel>
      ) : null}
      {show('share') ? (
        <Panel title="Share and export" className="panel-share">
          <SharePanel />
        </Panel>
      ) : null}
      <Panel title="Present, annotate and postmortem" className="panel-present">
        <LabPresenterTools />
      </Panel>
      <PanelPicker />
      <PanelBoundary name="shortcuts">
        <HelpDialog />
      </PanelBoundary>
    </>
  );
}

function PanelPicker() {
  const panels = useLab((s) => s.panels);
  const setPanel = useLab((s) => s.setPanel);
  return (
    <details className="panel-picker">
      <summary>Choose panels</summary>
      <fieldset>
        <legend>Panels to show</legend>
        {PANEL_IDS.map((id) => (
          <label key={id} className="check">
            <input
              type="checkbox"
              checked={panels[id]}
              onChange={(e) => setPanel(id, e.target.checked)}
            />{' '}
            {PANEL_LABELS[id]}
          </label>
        ))}
      </fieldset>
    </details>
  );
}
