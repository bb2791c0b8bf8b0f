/**
 * soak.html: runs the determinism soak on the page's main thread and in a Web
 * Worker and prints both as JSON into #result, for the e2e test to compare
 * with Node's. Parameters come from the query string (?count=N&seed=S), bounded.
 */
import { soak, type SoakEntry } from './soak.ts';

const params = new URLSearchParams(location.search);
const count = Math.min(Math.max(Number(params.get('count')) || 100, 1), 2000);
const seed = Math.max(Number(params.get('seed')) || 1, 0) >>> 0;
const out = document.getElementById('result');

const mainThread = soak(count, seed);
const worker = new Worker(new URL('./worker.ts', import.meta.url), { type: 'module' });
worker.onmessage = (event: MessageEvent<SoakEntry[]>) => {
  if (out) out.textContent = JSON.stringify({ count, seed, mainThread, worker: event.data });
  worker.terminate();
};
worker.onerror = (event) => {
  if (out) out.textContent = JSON.stringify({ error: event.message });
};
worker.postMessage({ count, seed });
