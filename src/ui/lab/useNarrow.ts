/**
 * Whether the screen is phone-narrow, from a media query, so the lab can tell its story
 * in one column there (the thread that moved, instead of every thread's code).
 */
import { useSyncExternalStore } from 'react';

export const NARROW_QUERY = '(max-width: 760px)';

function subscribe(onChange: () => void): () => void {
  if (typeof window === 'undefined' || !window.matchMedia) return () => undefined;
  const list = window.matchMedia(NARROW_QUERY);
  list.addEventListener('change', onChange);
  return () => list.removeEventListener('change', onChange);
}

function narrowNow(): boolean {
  return typeof window !== 'undefined' && !!window.matchMedia?.(NARROW_QUERY).matches;
}

export function useNarrow(): boolean {
  return useSyncExternalStore(subscribe, narrowNow, () => false);
}
