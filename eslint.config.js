// ESLint flat config.
//
// Besides typescript-eslint's recommended rules and the React hooks rules for the
// React-facing code, it enforces two things:
// - the layers of src/ (docs/layers.md): each top-level folder may import only the
//   folders listed for it in LAYERS, so the folders form a DAG. The rules match the
//   relative import string at each file's depth ('../../scenarios/...' from
//   src/worlds/pause/x.ts), so a subfolder that shares a layer's name (src/ui/timeline)
//   is never mistaken for the layer. Tests may also import src/testing and any layer
//   except the views; production code never imports src/testing (the bench may: its
//   toy programs live there);
// - the engine's purity: files under src/engine are data in, data out. They may not
//   import React, zustand or d3, and may not read the DOM, the wall clock, timers or
//   Math.random.
// src/lint-purity.test.ts and src/layers.test.ts prove these rules fire.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ENGINE_FILES = ['src/engine/**/*.ts'];
const ENGINE_TEST_FILES = ['src/engine/**/*.test.ts'];

/** The layers below the views, which the views, the CLI and the reliability checks may all import. */
const MODELS = [
  'engine',
  'worlds',
  'scenarios',
  'fixlab',
  'explorer',
  'analysis',
  'releases',
  'tours',
];

/** Each top-level folder of src/ and the folders it may import, lowest first. */
export const LAYERS = {
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

/** The view layers: nothing below them imports them, tests included. */
const VIEWS = ['routes', 'store', 'timeline', 'ui', 'app'];
/** Deepest folder nesting under a layer that the rules cover (src/ui/a/b/c/x.ts is 4). */
const MAX_DEPTH = 6;

/** Tests and test-only helpers: a `describe` is a list of cases, not a function to read. */
const TEST_FILES = ['**/*.test.{ts,tsx}', 'src/testing/**', 'src/**/testing.{ts,tsx}'];

/**
 * Functions that return a table of steps, one entry per line of a model listing: each
 * entry is short, and the table reads best in the listing's order, in one place.
 */
const DECLARATIVE_TABLES = [
  'src/worlds/pause/processor-run.ts',
  'src/worlds/pause/processor-callbacks.ts',
  'src/worlds/pause/processor-paused.ts',
  'src/worlds/kafka/coordinator.ts',
  'src/worlds/kafka/consumer-steps.ts',
  'src/worlds/kafka/synchronized-steps.ts',
];

function escape(name) {
  return name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** An import pattern matching `folders` from a file `depth` folders below src/. */
function folderPattern(folders, depth, message) {
  return {
    regex: `^(\\.\\./){${depth}}(${folders.map(escape).join('|')})(/|$)`,
    message,
  };
}

function layerMessage(layer) {
  const allowed = LAYERS[layer];
  return `Layers (docs/layers.md): src/${layer} may import only ${
    allowed.length === 0 ? 'itself' : allowed.map((name) => `src/${name}`).join(', ')
  }.`;
}

/** The folders a layer's production files may not import. */
function bannedFor(layer) {
  return Object.keys(LAYERS).filter((name) => name !== layer && !LAYERS[layer].includes(name));
}

/** The folders a layer's test files may not import: the views, when the layer is below them. */
function bannedForTests(layer) {
  if (VIEWS.includes(layer) || !VIEWS.every((view) => !LAYERS[layer].includes(view))) return [];
  return VIEWS.filter((name) => name !== layer);
}

const bannedImportPaths = ['react', 'react-dom', 'zustand', 'd3'].map((name) => ({
  name,
  message: 'src/engine is pure TypeScript: no React, zustand or d3 (data in, data out).',
}));

const bannedImportPatterns = [
  {
    group: ['react/*', 'react-dom/*', 'zustand/*', 'd3-*', 'd3/*'],
    message: 'src/engine is pure TypeScript: no React, zustand or d3 (data in, data out).',
  },
];

/**
 * One `no-restricted-imports` entry per layer and depth, for production files and
 * for tests. An entry replaces the rule's options for its files, so the engine's
 * package bans are part of its entries.
 */
function layerConfigs() {
  const configs = [];
  for (const layer of Object.keys(LAYERS)) {
    const extra =
      layer === 'engine' ? { paths: bannedImportPaths, patterns: bannedImportPatterns } : null;
    for (let depth = 1; depth <= MAX_DEPTH; depth++) {
      const dirs = '*/'.repeat(depth - 1);
      const files = `src/${layer}/${dirs}*.{ts,tsx}`;
      // Test files, and test helpers kept beside them (timeline/testing.ts, ui/testing/).
      const tests = [`src/${layer}/${dirs}*.test.{ts,tsx}`, `src/${layer}/${dirs}testing.{ts,tsx}`];
      if (depth >= 2) tests.push(`src/${layer}/${'*/'.repeat(depth - 2)}testing/*.{ts,tsx}`);
      const production = bannedFor(layer);
      configs.push(
        layerRule([files], tests, extra, [folderPattern(production, depth, layerMessage(layer))]),
      );
      const forTests = bannedForTests(layer);
      const testPatterns =
        forTests.length === 0
          ? []
          : [
              folderPattern(
                forTests,
                depth,
                `Layers (docs/layers.md): tests of src/${layer} may not import the views.`,
              ),
            ];
      configs.push(layerRule(tests, [], extra, testPatterns));
    }
  }
  return configs;
}

function layerRule(files, ignores, extra, patterns) {
  const all = [...(extra?.patterns ?? []), ...patterns];
  const options = { paths: extra?.paths ?? [], patterns: all };
  return {
    files,
    ignores,
    rules: { 'no-restricted-imports': all.length === 0 && !extra ? 'off' : ['error', options] },
  };
}

const impureMessage =
  'src/engine must be deterministic: take time and randomness from the virtual clock and the seeded PRNG.';

const bannedGlobals = [
  'document',
  'window',
  'self',
  'navigator',
  'localStorage',
  'sessionStorage',
  'performance',
  'setTimeout',
  'setInterval',
  'setImmediate',
  'clearTimeout',
  'clearInterval',
  'requestAnimationFrame',
  'cancelAnimationFrame',
  'queueMicrotask',
].map((name) => ({ name, message: impureMessage }));

const bannedProperties = [
  { object: 'Date', property: 'now', message: impureMessage },
  { object: 'Math', property: 'random', message: impureMessage },
  { object: 'crypto', property: 'getRandomValues', message: impureMessage },
  { object: 'crypto', property: 'randomUUID', message: impureMessage },
];

const bannedSyntax = [
  { selector: "NewExpression[callee.name='Date']", message: impureMessage },
  { selector: "CallExpression[callee.name='Date']", message: impureMessage },
];

export default defineConfig([
  globalIgnores([
    'dist/',
    'dist-sub/',
    'dist-*/',
    'coverage/',
    'node_modules/',
    'playwright-report/',
    'test-results/',
    'bench-out/',
  ]),
  tseslint.configs.recommended,
  {
    files: [
      'src/**/*.tsx',
      'src/app/**/*.ts',
      'src/ui/**/*.ts',
      'src/store/**/*.ts',
      'src/timeline/**/*.ts',
    ],
    ...reactHooks.configs.flat.recommended,
  },
  {
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  ...layerConfigs(),
  {
    // Functions short enough to read at once. Blank lines and comments do not count.
    files: ['src/**/*.{ts,tsx}', 'scripts/**/*.{ts,mjs}'],
    ignores: [...TEST_FILES, ...DECLARATIVE_TABLES],
    rules: {
      'max-lines-per-function': [
        'error',
        { max: 70, skipBlankLines: true, skipComments: true, IIFEs: true },
      ],
    },
  },
  {
    files: ENGINE_FILES,
    rules: {
      'no-restricted-globals': ['error', ...bannedGlobals],
      'no-restricted-properties': ['error', ...bannedProperties],
      'no-restricted-syntax': ['error', ...bannedSyntax],
    },
  },
  {
    // Tests may time themselves or use timers; they still may not import the views.
    files: ENGINE_TEST_FILES,
    rules: {
      'no-restricted-globals': 'off',
      'no-restricted-properties': 'off',
      'no-restricted-syntax': 'off',
    },
  },
]);
