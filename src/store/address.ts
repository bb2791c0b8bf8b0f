/**
 * The lab's address as store selectors: the link to exactly what is on screen
 * (scenario, variant, switch mode, parameters, schedule, step), and the whole
 * address with the open drawer tab and the pinned notes. This is the one place the
 * "link to this step" is built: the address bar follows `selectAddressHash`
 * (src/ui/lab/useLabAddress.ts), the toolbar's Share button and the Export menu copy
 * `selectShareHref`, and the share panel shows `selectLink`.
 */
import type { LabLink } from '../routes/link.ts';
import { addressHash } from '../routes/address.ts';
import type { LabState } from './labStore.ts';
import { currentSchedule } from './runSlice.ts';

/** The link to the run and step on screen, or null without a run. */
export function selectLink(s: Pick<LabState, 'sim' | 'cursor'>): LabLink | null {
  const sim = s.sim;
  if (!sim) return null;
  return {
    scenario: sim.def.id,
    variant: sim.variant,
    gil: sim.gil,
    params: sim.params,
    schedule: currentSchedule(sim),
    step: s.cursor,
  };
}

/** The hash of the whole lab state (`#/lab/…`), or null without a run. */
export function selectAddressHash(s: LabState): string | null {
  const link = selectLink(s);
  return link ? addressHash({ link, tab: s.drawer, notes: s.notes }) : null;
}

/**
 * The full address to share, from the page's own location (its origin and path).
 * Built from the store rather than read from the address bar, which lags while playing.
 */
export function selectShareHref(s: LabState, pageHref: string): string {
  const link = selectLink(s);
  if (link === null) return pageHref;
  const base = pageHref.split('#')[0] ?? '';
  return `${base}${addressHash({ link, tab: s.drawer, notes: s.notes })}`;
}
