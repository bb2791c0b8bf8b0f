/**
 * A Vite plugin that serves the bundled replay viewer as a module,
 * `virtual:replay-viewer`, whose default export is the script's text: the app's
 * Export menu writes it into the standalone replay file it saves.
 */
import type { Plugin } from 'vite';
import { bundleReplayViewer } from './bundle.ts';

const ID = 'virtual:replay-viewer';
const RESOLVED = `\0${ID}`;

export function replayViewerPlugin(): Plugin {
  return {
    name: 'replay-viewer',
    resolveId: (id) => (id === ID ? RESOLVED : null),
    load: (id) =>
      id === RESOLVED ? `export default ${JSON.stringify(bundleReplayViewer())};` : null,
  };
}
