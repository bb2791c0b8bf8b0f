/**
 * Hands the page's lab store to every panel. `useLab(selector)` subscribes a component
 * to one narrow slice of the state; `useLabStore()` gives the store itself, for event
 * handlers that read the latest state without subscribing.
 */
import { createContext, useContext, type ReactNode } from 'react';
import { useStore } from 'zustand';
import type { LabState, LabStore } from './labStore.ts';

const LabStoreContext = createContext<LabStore | null>(null);

export function LabStoreProvider({
  store,
  children,
}: {
  readonly store: LabStore;
  readonly children: ReactNode;
}) {
  return <LabStoreContext.Provider value={store}>{children}</LabStoreContext.Provider>;
}

export function useLabStore(): LabStore {
  const store = useContext(LabStoreContext);
  if (store === null) throw new Error('useLabStore needs a <LabStoreProvider> above it');
  return store;
}

export function useLab<T>(selector: (state: LabState) => T): T {
  return useStore(useLabStore(), selector);
}
