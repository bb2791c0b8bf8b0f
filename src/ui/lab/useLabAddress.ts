/**
 * Keeps the lab and the address bar in step, both ways.
 *
 * - Address to lab: when the route's link changes (a link opened, Back or
 *   Forward, an edited address), the run is opened (or, for the run already on
 *   screen, only the step moves), and the drawer tab and the pinned notes the
 *   address carries are restored.
 * - Lab to address: as the lab changes, the address follows
 *   (src/store/address.ts): `history.replaceState` while stepping and playing
 *   (at most every PLAY_WRITE_MS while playing), `history.pushState` when the
 *   run itself changes (scenario, variant, switch mode, parameters or
 *   schedule), so Back returns to the run before. Neither fires `hashchange`;
 *   the hash this hook wrote is remembered so reading it back is not mistaken
 *   for a new link.
 *
 * Returns the link's error, if it cannot be opened (one sentence), or null.
 */
import { useEffect, useMemo, useRef } from 'react';
import { selectAddressHash, selectLink } from '../../store/address.ts';
import type { LabStore } from '../../store/labStore.ts';
import { withoutNotes } from '../../routes/notes.ts';
import { readExtras, runKeyOf } from '../../routes/address.ts';
import { parseLabLink } from '../../routes/link.ts';
import type { RouteQuery } from '../../routes/router.ts';

/** Playback writes the address at most this often (browsers throttle history calls). */
export const PLAY_WRITE_MS = 250;

export interface LabAddressOptions {
  /** Drawer tab names the lab has; a tab outside the list is ignored. */
  readonly tabs: readonly string[];
}

export function useLabAddress(
  store: LabStore,
  scenarioId: string,
  query: RouteQuery,
  options: LabAddressOptions,
): string | null {
  const written = useRef<string | null>(null);
  const linkKey = `${scenarioId}?${new URLSearchParams(Object.entries(query)).toString()}`;
  // linkKey stands for scenarioId and query, whose identity changes on every hash read.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const parsed = useMemo(() => parseLabLink(scenarioId, withoutNotes(query)), [linkKey]);
  const tabs = options.tabs.join(',');

  useEffect(() => {
    if (!parsed.ok) return;
    if (written.current !== null && window.location.hash === written.current) return;
    const s = store.getState();
    const shown = selectLink(s);
    if (!shown || runKeyOf(shown) !== runKeyOf(parsed.value)) s.setPlaying(false);
    s.open(parsed.value);
    const extras = readExtras(query);
    s.setDrawer(extras.tab !== null && tabs.split(',').includes(extras.tab) ? extras.tab : null);
    if (extras.notes.ok) s.setLinkNotes(extras.notes.value, null);
    else s.setLinkNotes([], extras.notes.error);
    // query is read with parsed, which changes whenever the link does.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [parsed, store, tabs]);

  useEffect(() => followStore(store, written), [store]);

  return parsed.ok ? null : parsed.error;
}

/** Writes the address whenever the lab changes; returns the unsubscribe. */
function followStore(store: LabStore, written: { current: string | null }): () => void {
  let lastRun: string | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;
  const write = (): void => {
    timer = null;
    const s = store.getState();
    const hash = selectAddressHash(s);
    const link = selectLink(s);
    if (hash === null || link === null) return;
    const run = runKeyOf(link);
    if (window.location.hash !== hash) {
      const url = `${window.location.pathname}${window.location.search}${hash}`;
      if (lastRun !== null && lastRun !== run) window.history.pushState(null, '', url);
      else window.history.replaceState(window.history.state, '', url);
    }
    written.current = hash;
    lastRun = run;
  };
  // Back, Forward or an edited address: the next write describes what they opened.
  const onHashChange = (): void => {
    lastRun = null;
  };
  window.addEventListener('hashchange', onHashChange);
  const unsubscribe = store.subscribe((s, before) => {
    const same =
      s.sim === before.sim &&
      s.cursor === before.cursor &&
      s.revision === before.revision &&
      s.drawer === before.drawer &&
      s.notes === before.notes;
    if (same) return;
    if (!s.playing) {
      if (timer !== null) clearTimeout(timer);
      write();
    } else if (timer === null) timer = setTimeout(write, PLAY_WRITE_MS);
  });
  write();
  return () => {
    unsubscribe();
    window.removeEventListener('hashchange', onHashChange);
    if (timer !== null) clearTimeout(timer);
  };
}
