/**
 * Bundles the replay viewer (viewer.ts and what it imports) into one minified
 * script, as a string, in Node: at build time for the app (the Vite plugin in
 * replayPlugin.ts) and at run time for the headless command. esbuild's
 * synchronous API keeps the command synchronous like the others.
 */
import { buildSync } from 'esbuild';
import { fileURLToPath } from 'node:url';

const ENTRY = fileURLToPath(new URL('./viewer.ts', import.meta.url));

export function bundleReplayViewer(): string {
  const result = buildSync({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    format: 'iife',
    minify: true,
    target: 'es2020',
    charset: 'utf8',
    legalComments: 'none',
  });
  const file = result.outputFiles[0];
  if (!file) throw new Error('the replay viewer could not be bundled');
  return file.text;
}
