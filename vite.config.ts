/**
 * Vite configuration for the static site.
 *
 * `base` defaults to './' so one build works at any path (a GitHub Pages project
 * subpath included); set BASE_PATH (for example '/arroyo-race-lab/') for absolute
 * asset URLs. Routing is hash-based, so no server rewrite is needed either way.
 *
 * index.html carries a strict Content-Security-Policy (no inline scripts). The dev
 * server works under it too: the React Fast Refresh preamble it injects lands before
 * the policy's <meta>, and HMR uses same-origin modules and a same-origin WebSocket.
 *
 * Pyodide's runtime files are copied to `pyodide/` beside the site, never bundled (see
 * scripts/vite-pyodide.ts); only the Fix lab's module worker loads them.
 */
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { selfHostedPyodide } from './scripts/vite-pyodide.ts';
// The standalone replay's viewer, bundled into a string module (virtual:replay-viewer).
import { replayViewerPlugin } from './src/ui/replay/replayPlugin.ts';

export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [react(), selfHostedPyodide(), replayViewerPlugin()],
  build: {
    target: 'es2022',
    rollupOptions: {
      // soak.html is the determinism check page (Node vs page vs Web Worker), used by e2e.
      input: { main: 'index.html', soak: 'soak.html', bench: 'bench.html' },
    },
  },
  worker: {
    format: 'es',
  },
});
