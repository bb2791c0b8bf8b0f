/**
 * The toolbar's Share button: copies a link to exactly what is on screen (scenario,
 * variant, switch mode, parameters, schedule and step). When copying is not allowed,
 * it says so and opens the share tab, where the link can be selected by hand.
 */
import { useId, useState } from 'react';
import { absoluteLink, type LabLink } from '../../routes/link.ts';
import { useLabStore } from '../../store/context.tsx';
import { currentSchedule } from '../../store/runSlice.ts';
import type { LabState } from '../../store/labStore.ts';
import { useDrawer } from '../lab/drawerContext.ts';

/** The link to the lab as it is now, built from the store (the address bar may lag). */
export function currentLink(state: LabState): LabLink | null {
  const sim = state.sim;
  if (!sim) return null;
  return {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    schedule: currentSchedule(sim),
    at: state.cursor,
  };
}

/** The address to copy: the page's own address when it already is a lab link, else one built. */
export function shareHref(state: LabState, pageHref: string): string {
  const link = currentLink(state);
  if (!link) return pageHref;
  const built = absoluteLink(pageHref, link);
  // The address bar carries more than the link (notes, the open tab) once it is kept in
  // sync; use it when it names this run and step.
  const here = pageHref.split('#')[1] ?? '';
  const sameRun = here.startsWith(`/lab/${encodeURIComponent(link.scenario)}?`);
  const hasRun = sameRun && /[?&]s=/.test(here) && here.includes(`at=${link.at ?? 0}`);
  return hasRun ? pageHref : built;
}

export function ShareButton() {
  const store = useLabStore();
  const drawer = useDrawer();
  const [said, setSaid] = useState('');
  const saidId = useId();
  const copy = async () => {
    const href = shareHref(store.getState(), window.location.href);
    try {
      await navigator.clipboard.writeText(href);
      setSaid('Link copied.');
    } catch {
      setSaid('Copying was not allowed; the link is in the Share tab.');
      drawer.open('share');
    }
    window.setTimeout(() => setSaid(''), 4000);
  };
  return (
    <span className="share-button">
      <button
        type="button"
        onClick={() => void copy()}
        title="Copy a link to this exact step"
        aria-describedby={saidId}
      >
        Share
      </button>
      <span id={saidId} role="status" className="share-said">
        {said}
      </span>
    </span>
  );
}
