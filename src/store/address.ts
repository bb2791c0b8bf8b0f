/**
 * The lab's address as a store selector: the link to exactly what is on screen
 * (scenario, variant, switch mode, parameters, schedule, step, open drawer tab,
 * pinned notes). The address bar follows it (src/ui/lab/useLabAddress.ts), and
 * the toolbar's Share button copies `selectShareHref`.
 */
import { absoluteLink, type LabLink } from '../routes/link.ts';
import { addressHash } from '../routes/address.ts';
import type { LabState } from './labStore.ts';
import { currentSchedule } from './runSlice.ts';

/** The link to the run and step on screen, or null without a run. */
export function selectLink(s: LabState): LabLink | null {
  const sim = s.sim;
  if (!sim) return null;
  return {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    schedule: currentSchedule(sim),
    at: s.cursor,
  };
}

/** The hash of the whole lab state (`#/lab/…`), or null without a run. */
export function selectAddressHash(s: LabState): string | null {
  const link = selectLink(s);
  return link ? addressHash({ link, tab: s.drawer, notes: s.notes }) : null;
}

/** The full address to share, from the page's own location (its origin and path). */
export function selectShareHref(s: LabState, pageHref: string): string {
  const hash = selectAddressHash(s);
  if (hash === null) return pageHref;
  const link = selectLink(s);
  return link ? `${absoluteLink(pageHref, link).split('#')[0] ?? ''}${hash}` : pageHref;
}
