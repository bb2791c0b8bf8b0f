/**
 * The lab: one scenario as a one-screen debugger. The page reads its share link from
 * the route and opens the run in a store of its own. On a wide screen nothing scrolls
 * but the panels themselves: the title bar and toolbar on top, then "what just
 * happened", each thread's code in a column beside the state that matters now, and the
 * timeline across the bottom (its height set by a splitter). Setup, compare, explore,
 * notes, share and export and the whole state open in a drawer over the right side.
 * On a phone the same parts stack into a story under a sticky toolbar. A bad link or a
 * schedule from another version is explained in an alert with a way to open the
 * scenario fresh.
 */
import { useMemo, useState } from 'react';
import { freshLabHash } from '../../routes/link.ts';
import { useLabAddress } from './useLabAddress.ts';
import type { RouteQuery } from '../../routes/router.ts';
import { findScenario } from '../../scenarios/index.ts';
import { LabStoreProvider, useLab } from '../../store/context.tsx';
import { createLabStore, type LabStore } from '../../store/labStore.ts';
import { PanelBoundary } from '../common/PanelBoundary.tsx';
import { HelpDialog } from '../controls/HelpDialog.tsx';
import { usePlayback } from '../controls/usePlayback.ts';
import { useShortcuts } from '../controls/useShortcuts.ts';
import { DRAWER_TABS, DrawerContext, type DrawerTab } from './drawerContext.ts';
import { LabLayout } from './LabLayout.tsx';
import { LabHead } from './LabHead.tsx';
import './lab.css';
import './layout.css';

export interface LabPageProps {
  readonly scenarioId: string;
  readonly query: RouteQuery;
  /** For tests: a store to use instead of a new one. */
  readonly store?: LabStore;
}

export function LabPage({ scenarioId, query, store: given }: LabPageProps) {
  const [store] = useState(() => given ?? createLabStore());
  // The address bar is the lab's state: opening the link, and following the lab as it changes.
  const linkError = useLabAddress(store, scenarioId, query, { tabs: DRAWER_TABS });

  return (
    <LabStoreProvider store={store}>
      <LabBody scenarioId={scenarioId} linkError={linkError} store={store} />
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
  const notesError = useLab((s) => s.notesLinkError);
  // The open tab lives in the store, so the address can carry it (`tab=`).
  const tab = useLab((s) => s.drawer) as DrawerTab | null;
  const setDrawer = useLab((s) => s.setDrawer);
  const drawer = useMemo(() => ({ tab, open: setDrawer }), [tab, setDrawer]);
  const def = sim?.def ?? findScenario(scenarioId);
  const error = linkError ?? openError;
  const title = def?.title ?? scenarioId;

  return (
    <DrawerContext.Provider value={drawer}>
      <section className="lab" aria-labelledby="lab-title">
        <title>{`${title} · Arroyo Race Lab`}</title>
        <LabHead def={def} title={title} />
        {error !== null ? (
          <LinkError scenarioId={scenarioId} message={error} known={def !== undefined} />
        ) : null}
        {notesError !== null && error === null ? (
          <p role="alert" className="link-error">
            The notes in this link were left out: {notesError}
          </p>
        ) : null}
        {notice !== null && error === null ? (
          <p className="notice" role="status">
            {notice}
          </p>
        ) : null}
        {sim && error === null ? <LabLayout /> : null}
        {!sim && error === null ? <p>Loading the scenario…</p> : null}
        <PanelBoundary name="shortcuts">
          <HelpDialog />
        </PanelBoundary>
      </section>
    </DrawerContext.Provider>
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
