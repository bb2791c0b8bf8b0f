/**
 * The current route, read from `location.hash` and updated on `hashchange`. The
 * parsing itself is pure and lives in router.ts; this hook only subscribes.
 */
import { useMemo, useSyncExternalStore } from 'react';
import { parseRoute, type Route } from './router.ts';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

function readHash(): string {
  return window.location.hash;
}

export function useHashRoute(): Route {
  const hash = useSyncExternalStore(subscribe, readHash, () => '');
  return useMemo(() => parseRoute(hash), [hash]);
}
