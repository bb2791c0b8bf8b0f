/**
 * The paths hostile input takes through the app, without the DOM: a hash goes through
 * the router, the share-link parser and the store's `open` (which runs `simulate`), as
 * LabPage does; a trace file goes through the importer the share panel calls. Each
 * ends in an `Outcome`: a run, a page, or the message the person would read.
 */
import { parseLabLink, type LabLink } from '../routes/link.ts';
import { assertUnreachable } from '../engine/assertUnreachable.ts';
import { parseRoute } from '../routes/router.ts';
import type { Simulation } from '../scenarios/simulate.ts';
import { createLabStore, type LabStore } from '../store/labStore.ts';
import { importTraceFile } from '../ui/export/importTrace.ts';

export type Outcome =
  | { readonly kind: 'run'; readonly sim: Simulation; readonly cursor: number }
  | { readonly kind: 'page'; readonly page: 'home' | 'about' | 'tour' | 'present' }
  /** A tour or presenter address: judged by tourLinks.ts's resolveAnyHash in Node. */
  | { readonly kind: 'other' }
  | { readonly kind: 'message'; readonly text: string };

/** NotFound.tsx's heading (in a role=alert section) for an address the router does not know. */
export const NOT_FOUND_HEADING = 'No page at this address';
export const NOT_FOUND_TEXT = `${NOT_FOUND_HEADING}.`;

/** The router and the share-link parser: a page, a message, or a lab link to open. */
export function resolveHash(
  hash: string,
): Outcome | { readonly kind: 'link'; readonly link: LabLink } {
  const route = parseRoute(hash);
  switch (route.kind) {
    case 'home':
    case 'about':
      return { kind: 'page', page: route.kind };
    case 'notFound':
      return { kind: 'message', text: NOT_FOUND_TEXT };
    case 'lab': {
      const link = parseLabLink(route.id, route.query);
      return link.ok ? { kind: 'link', link: link.value } : { kind: 'message', text: link.error };
    }
    case 'tour':
    case 'present':
    case 'fix':
    case 'affected':
    case 'glossary':
      return { kind: 'other' };
    default:
      return assertUnreachable(route, 'route');
  }
}

/** The store's `open`, as LabPage calls it: the run, or the message of its role=alert. */
export function openLink(link: LabLink, store: LabStore = createLabStore()): Outcome {
  if (!store.getState().open(link)) {
    return { kind: 'message', text: store.getState().openError ?? '' };
  }
  const { sim, cursor } = store.getState();
  return sim ? { kind: 'run', sim, cursor } : { kind: 'message', text: '' };
}

/** Opens `hash` as the app does on load; `store` defaults to a fresh one. */
export function openHash(hash: string, store: LabStore = createLabStore()): Outcome {
  const resolved = resolveHash(hash);
  return resolved.kind === 'link' ? openLink(resolved.link, store) : resolved;
}

export interface ImportOutcome {
  /** The importer's answer: a status line or the error shown in the panel's alert. */
  readonly result: Awaited<ReturnType<typeof importTraceFile>>;
  /** Whether the run on screen before the import is still the one on screen. */
  readonly kept: boolean;
}

/** Imports `text` as a file named `name` into `store`, as the share panel's file input does. */
export async function importText(
  store: LabStore,
  text: string | Blob,
  name = 'trace.json',
): Promise<ImportOutcome> {
  const before = store.getState().sim;
  const result = await importTraceFile(store, new File([text], name));
  return { result, kept: store.getState().sim === before };
}
