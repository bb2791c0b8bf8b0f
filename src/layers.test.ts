/**
 * The layers of src/ (docs/layers.md) hold: the lint rules in eslint.config.js
 * fire for every forbidden import of every layer and for none of its allowed
 * ones, and the import graph of the production code, read from the sources,
 * has no two top-level folders that import each other, directly or round a loop.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

const BELOW_VIEWS = ['engine', 'worlds', 'scenarios', 'fixlab', 'explorer', 'analysis'] as const;
const MODELS = [...BELOW_VIEWS, 'releases', 'tours'] as const;

/** What each top-level folder may import: the specification the lint config must match. */
const ALLOWED: Readonly<Record<string, readonly string[]>> = {
  engine: [],
  worlds: ['engine'],
  scenarios: ['engine', 'worlds'],
  fixlab: ['engine'],
  explorer: ['engine', 'worlds', 'scenarios'],
  analysis: ['engine', 'worlds', 'scenarios', 'explorer'],
  releases: ['engine', 'worlds', 'scenarios', 'explorer'],
  tours: ['engine', 'worlds', 'scenarios'],
  routes: ['engine', 'worlds', 'scenarios', 'tours'],
  timeline: ['engine', 'worlds', 'analysis'],
  testing: ['engine', 'worlds', 'scenarios', 'explorer'],
  determinism: ['engine', 'worlds', 'scenarios', 'explorer'],
  store: [...MODELS, 'routes'],
  ui: [...MODELS, 'routes', 'timeline', 'store'],
  app: [...MODELS, 'routes', 'timeline', 'store', 'ui'],
  bench: ['engine', 'worlds', 'scenarios', 'explorer', 'timeline', 'fixlab', 'testing'],
  cli: [...MODELS, 'routes', 'ui', 'bench'],
  reliability: [...MODELS, 'routes', 'timeline', 'store', 'ui', 'app'],
};
const FOLDERS = Object.keys(ALLOWED);

/** A probe file in `layer`, `depth` folders below src/, importing every other folder. */
function probe(layer: string, depth: number): { path: string; code: string; targets: string[] } {
  const targets = FOLDERS.filter((f) => f !== layer);
  const up = '../'.repeat(depth);
  const code = targets.map((t, i) => `import * as m${i} from '${up}${t}/x.ts';`).join('\n');
  const dirs = Array.from({ length: depth - 1 }, (_, i) => `d${i}/`).join('');
  return { path: `src/${layer}/${dirs}__probe__.ts`, code: `${code}\n`, targets };
}

async function rejectedTargets(eslint: ESLint, layer: string, depth: number): Promise<string[]> {
  const { path, code, targets } = probe(layer, depth);
  const [result] = await eslint.lintText(code, { filePath: path });
  const lines = new Set(
    (result?.messages ?? []).filter((m) => m.ruleId === 'no-restricted-imports').map((m) => m.line),
  );
  return targets.filter((_, i) => lines.has(i + 1));
}

describe('layer lint rules', () => {
  it('reject exactly the imports each layer may not make, at every depth', async () => {
    const eslint = new ESLint();
    for (const layer of FOLDERS) {
      const allowed = ALLOWED[layer] ?? [];
      const expected = FOLDERS.filter((f) => f !== layer && !allowed.includes(f));
      for (const depth of [1, 3]) {
        expect({ layer, depth, rejected: await rejectedTargets(eslint, layer, depth) }).toEqual({
          layer,
          depth,
          rejected: expected,
        });
      }
    }
  }, 120_000);

  it('do not mistake a subfolder named like a layer for the layer', async () => {
    const eslint = new ESLint();
    // src/ui/timeline/ is ui's own folder; from src/worlds/kafka, '../scenarios' is worlds/scenarios.
    const [own] = await eslint.lintText("import * as a from '../store/x.ts';\n", {
      filePath: 'src/worlds/kafka/__probe__.ts',
    });
    expect(own?.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  }, 60_000);

  it('let tests below the views import other layers and src/testing, never the views', async () => {
    const eslint = new ESLint();
    const code = [
      "import * as a from '../../scenarios/x.ts';",
      "import * as b from '../../explorer/x.ts';",
      "import * as c from '../../testing/x.ts';",
      "import * as d from '../../store/x.ts';",
      "import * as e from '../../ui/x.ts';",
      '',
    ].join('\n');
    const [result] = await eslint.lintText(code, {
      filePath: 'src/worlds/pause/__probe__.test.ts',
    });
    const lines = result?.messages
      .filter((m) => m.ruleId === 'no-restricted-imports')
      .map((m) => m.line);
    expect(lines).toEqual([4, 5]);
  }, 60_000);
});

// ---------------------------------------------------------------------------
// The import graph of the production code.

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path));
    else if (/\.tsx?$/.test(name)) out.push(path);
  }
  return out;
}

/** Tests and the test helpers beside them are leaves: nothing in production imports them. */
function isTestOnly(path: string): boolean {
  const rel = relative(SRC, path);
  return /\.test\.tsx?$/.test(rel) || /(^|\/)testing(\/|\.tsx?$)/.test(rel);
}

const IMPORT = /(?:\bfrom\s*|\bimport\s*\(\s*|\bimport\s+)['"](\.{1,2}\/[^'"]+)['"]/g;

/** folder -> the other top-level folders its production files import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(SRC)) {
    const [from, ...rest] = relative(SRC, file).split('/');
    if (from === undefined || rest.length === 0 || isTestOnly(file)) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = relative(SRC, normalize(join(dirname(file), match[1] as string)));
      const [to, ...inner] = target.split('/');
      if (to === undefined || to === from || to === '..' || inner.length === 0) continue;
      if (!graph.has(from)) graph.set(from, new Set());
      graph.get(from)?.add(to);
    }
  }
  return graph;
}

/** The strongly connected components with more than one folder (Tarjan). */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) as number);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) as number, low.get(w) as number));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) as number, index.get(w) as number));
    }
    if (low.get(v) !== index.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop() as string;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1) found.push(component.sort());
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return found;
}

describe('the import graph of src/', () => {
  const graph = folderGraph();

  it('has no two top-level folders importing each other, directly or round a loop', () => {
    expect(cycles(graph)).toEqual([]);
  });

  it('finds a loop when there is one (the check itself works)', () => {
    const looped = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['c'])],
      ['c', new Set(['a', 'd'])],
      ['d', new Set<string>()],
    ]);
    expect(cycles(looped)).toEqual([['a', 'b', 'c']]);
  });

  it('keeps every import inside the layers docs/layers.md allows', () => {
    const outside: string[] = [];
    for (const [from, targets] of graph) {
      const allowed = ALLOWED[from];
      if (allowed === undefined) continue; // a new folder: the loop check still covers it
      for (const to of targets) if (!allowed.includes(to)) outside.push(`${from} -> ${to}`);
    }
    expect(outside).toEqual([]);
  });

  it('reads the engine as importing nothing and worlds only the engine', () => {
    expect([...(graph.get('engine') ?? [])]).toEqual([]);
    expect([...(graph.get('worlds') ?? [])]).toEqual(['engine']);
  });
});
