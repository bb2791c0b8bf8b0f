/**
 * Serves and ships Pyodide's runtime files next to the site, for the Fix lab's checker.
 *
 * The interpreter (a 9 MB wasm, its JavaScript glue and the standard library) is never
 * bundled: Vite would fingerprint, split or inline it, and the loader expects to find its
 * siblings by name under one `indexURL`. Instead this plugin copies the files, unchanged,
 * to `<outDir>/pyodide/` at build time and answers `/pyodide/<file>` from node_modules in
 * the dev server. The package's own package.json is left behind on purpose: nothing at
 * run time reads it. Only the Fix lab's worker fetches these files, so no other page pays
 * for them.
 */
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type { Plugin } from 'vite';

/** The folder under the site's base where the runtime files live. */
export const PYODIDE_DIR = 'pyodide';

/** What `loadPyodide` fetches or imports for the core interpreter (no extra packages). */
export const PYODIDE_FILES: Readonly<Record<string, string>> = {
  'pyodide.mjs': 'text/javascript; charset=utf-8',
  'pyodide.asm.mjs': 'text/javascript; charset=utf-8',
  'pyodide.asm.wasm': 'application/wasm',
  'python_stdlib.zip': 'application/zip',
  'pyodide-lock.json': 'application/json; charset=utf-8',
};

/** The installed package's folder, or null when it is not installed. */
function packageDir(root: string): string | null {
  try {
    const require = createRequire(join(root, 'package.json'));
    return dirname(require.resolve('pyodide/package.json'));
  } catch {
    return null;
  }
}

export function selfHostedPyodide(): Plugin {
  let root = process.cwd();
  const sourceDir = (): string => {
    const dir = packageDir(root);
    if (dir === null) {
      throw new Error('The pyodide package is not installed: run npm ci.');
    }
    return dir;
  };

  return {
    name: 'self-hosted-pyodide',
    configResolved(config) {
      root = config.root;
    },
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        const path = (request.url ?? '').split('?')[0] ?? '';
        const prefix = `${server.config.base.replace(/^\.\//, '/')}${PYODIDE_DIR}/`;
        const name = path.startsWith(prefix) ? path.slice(prefix.length) : '';
        const type = Object.hasOwn(PYODIDE_FILES, name) ? PYODIDE_FILES[name] : undefined;
        if (type === undefined) {
          next();
          return;
        }
        const file = join(sourceDir(), name);
        response.setHeader('content-type', type);
        response.setHeader('content-length', String(statSync(file).size));
        createReadStream(file).pipe(response);
      });
    },
    generateBundle() {
      const dir = sourceDir();
      for (const name of Object.keys(PYODIDE_FILES)) {
        const file = join(dir, name);
        if (!existsSync(file)) throw new Error(`pyodide has no ${name} in ${dir}.`);
        this.emitFile({
          type: 'asset',
          fileName: `${PYODIDE_DIR}/${name}`,
          source: readFileSync(file),
        });
      }
    },
  };
}
