/**
 * Which tab of the lab's side drawer is open (null: closed), shared with the toolbar
 * and the head so their buttons can open a tab. The drawer holds everything that is
 * not needed at every step: setup, compare, explorer, notes, share and export, and the
 * whole state.
 */
import { createContext, useContext } from 'react';

export const DRAWER_TABS = ['setup', 'compare', 'explore', 'notes', 'share', 'inspect'] as const;
export type DrawerTab = (typeof DRAWER_TABS)[number];

export const DRAWER_LABELS: Readonly<Record<DrawerTab, string>> = {
  setup: 'Setup',
  compare: 'Compare',
  explore: 'Explore',
  notes: 'Notes',
  share: 'Link & trace',
  inspect: 'All state',
};

export interface DrawerControl {
  readonly tab: DrawerTab | null;
  open(tab: DrawerTab | null): void;
}

export const DrawerContext = createContext<DrawerControl>({ tab: null, open: () => undefined });

export function useDrawer(): DrawerControl {
  return useContext(DrawerContext);
}

export function isDrawerTab(value: unknown): value is DrawerTab {
  return typeof value === 'string' && (DRAWER_TABS as readonly string[]).includes(value);
}
