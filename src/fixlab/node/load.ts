/**
 * Loads Pyodide in Node from the npm package's own files (the wasm and the
 * standard library ship inside it), offline. Node only: the page's worker
 * loads Pyodide from the files the build copies.
 */
import { loadPyodide, type PyodideInterface } from 'pyodide';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { PYODIDE_ENV } from '../protocol.ts';

export async function loadPyodideInNode(): Promise<PyodideInterface> {
  const require = createRequire(import.meta.url);
  const indexURL = dirname(require.resolve('pyodide/package.json')) + '/';
  const quiet = (): void => undefined;
  return loadPyodide({ indexURL, env: { ...PYODIDE_ENV }, stdout: quiet, stderr: quiet });
}
