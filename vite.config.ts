/**
 * Vite configuration for the static site.
 *
 * `base` defaults to './' so one build works at any path (a GitHub Pages project
 * subpath included); set BASE_PATH (for example '/arroyo-race-lab/') for absolute
 * asset URLs. Routing is hash-based, so no server rewrite is needed either way.
 */
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/**
 * The dev server injects an inline module script (React Fast Refresh's preamble),
 * which the strict Content-Security-Policy in index.html would block. Only while
 * serving in development, allow inline scripts; the built site keeps the strict policy.
 */
function relaxCspForDevServer(): Plugin {
  return {
    name: 'arroyo-race-lab:relax-csp-for-dev-server',
    apply: 'serve',
    transformIndexHtml(html) {
      return html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'");
    },
  };
}

export default defineConfig({
  base: process.env.BASE_PATH ?? './',
  plugins: [react()],
  build: {
    target: 'es2022',
  },
  worker: {
    format: 'es',
  },
});
