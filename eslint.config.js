// ESLint flat config.
//
// Besides typescript-eslint's recommended rules and the React hooks rules for the
// React-facing code, it enforces the engine's purity (see shared style guide, item 1):
// files under src/engine are data in, data out. They may not import React, zustand,
// d3 or the view layers, and may not read the DOM, the wall clock, timers or
// Math.random. src/lint-purity.test.ts proves these rules fire.
import { defineConfig, globalIgnores } from 'eslint/config';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';

const ENGINE_FILES = ['src/engine/**/*.ts'];
const ENGINE_TEST_FILES = ['src/engine/**/*.test.ts'];

const bannedImportPaths = ['react', 'react-dom', 'zustand', 'd3'].map((name) => ({
  name,
  message: 'src/engine is pure TypeScript: no React, zustand or d3 (data in, data out).',
}));

const bannedImportPatterns = [
  {
    group: ['react/*', 'react-dom/*', 'zustand/*', 'd3-*', 'd3/*'],
    message: 'src/engine is pure TypeScript: no React, zustand or d3 (data in, data out).',
  },
  {
    group: [
      '**/ui',
      '**/ui/**',
      '**/store',
      '**/store/**',
      '**/timeline',
      '**/timeline/**',
      '**/app',
      '**/app/**',
    ],
    message:
      'Data flows one way: the views and the store may import the engine, never the reverse.',
  },
];

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
  {
    files: ENGINE_FILES,
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: bannedImportPaths, patterns: bannedImportPatterns },
      ],
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
