/**
 * The build ships Pyodide's runtime files unchanged under pyodide/, without the
 * package's package.json, and the dev server answers the same names.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PYODIDE_FILES, selfHostedPyodide } from '../../../scripts/vite-pyodide.ts';

const PACKAGE = dirname(createRequire(import.meta.url).resolve('pyodide/package.json'));

type Hook = (this: unknown, ...args: unknown[]) => unknown;

describe('the self-hosted Pyodide files', () => {
  it('are emitted byte for byte under pyodide/, and nothing else', () => {
    const emitted = new Map<string, Uint8Array>();
    const plugin = selfHostedPyodide();
    (plugin.generateBundle as Hook).call({
      emitFile: (file: { fileName: string; source: Uint8Array }) => {
        emitted.set(file.fileName, file.source);
        return file.fileName;
      },
    });
    expect([...emitted.keys()].sort()).toEqual(
      [
        'pyodide/pyodide-lock.json',
        'pyodide/pyodide.asm.mjs',
        'pyodide/pyodide.asm.wasm',
        'pyodide/pyodide.mjs',
        'pyodide/python_stdlib.zip',
      ].sort(),
    );
    for (const [fileName, source] of emitted) {
      const original = readFileSync(join(PACKAGE, fileName.slice('pyodide/'.length)));
      expect(Buffer.compare(Buffer.from(source), original), fileName).toBe(0);
    }
  });

  it('are served in dev with their types, and other paths pass through', () => {
    let middleware: ((req: unknown, res: unknown, next: () => void) => void) | undefined;
    const plugin = selfHostedPyodide();
    (plugin.configureServer as Hook).call(null, {
      config: { base: '/' },
      middlewares: { use: (fn: typeof middleware) => (middleware = fn) },
    });
    const headers: Record<string, string> = {};
    const response = {
      setHeader: (name: string, value: string) => (headers[name] = value),
      on: () => response,
      once: () => response,
      emit: () => true,
      write: () => true,
      end: () => undefined,
    };
    let passed = 0;
    middleware?.({ url: '/src/main.tsx' }, response, () => passed++);
    middleware?.({ url: '/pyodide/package.json' }, response, () => passed++);
    expect(passed).toBe(2);
    middleware?.({ url: '/pyodide/pyodide.asm.wasm?v=1' }, response, () => passed++);
    expect(passed).toBe(2);
    expect(headers['content-type']).toBe(PYODIDE_FILES['pyodide.asm.wasm']);
  });
});
