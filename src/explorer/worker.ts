/**
 * The explorer's Web Worker entry: a module worker that hands every message
 * to the protocol handler (protocol.ts) and posts its answers back. Start it
 * through client.ts, which Vite bundles together with this file.
 */
import { createHandler, type WorkerRequest, type WorkerResponse } from './protocol.ts';

interface WorkerScope {
  postMessage(message: WorkerResponse): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}

const scope = globalThis as unknown as WorkerScope;
const handle = createHandler((response) => scope.postMessage(response));
scope.onmessage = (event) => handle(event.data);
