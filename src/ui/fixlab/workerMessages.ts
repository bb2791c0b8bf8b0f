/**
 * Messages between the Fix lab page and its checker worker: the checker's own requests
 * (src/fixlab/protocol.ts) plus `init`, which tells the worker where the self-hosted
 * Pyodide files are. Only the page knows that address (it depends on the site's base
 * path), so the worker waits for it before loading anything.
 */
import type { FixWorkerRequest } from '../../fixlab/protocol.ts';

export type PageToWorker = { readonly type: 'init'; readonly indexURL: string } | FixWorkerRequest;

/** The folder beside the page where the build puts Pyodide (see scripts/vite-pyodide.ts). */
export function pyodideIndexUrl(baseUrl: string, documentUrl: string): string {
  return new URL(`${baseUrl}pyodide/`, documentUrl).href;
}
