/**
 * Vitest configuration: the Vite config plus two projects. Component tests
 * (`*.test.tsx`) run in jsdom; everything else (`*.test.ts`) runs in Node, which
 * keeps the engine's tests fast and free of DOM globals. Playwright's e2e specs are
 * never picked up here.
 */
import { defineConfig, mergeConfig } from 'vitest/config';
import viteConfig from './vite.config.ts';

export default mergeConfig(
  viteConfig,
  defineConfig({
    test: {
      setupFiles: ['src/test-setup.ts'],
      // No test asserts a time; this only stops a hung test. It is generous because CI's
      // 2 cores may be busy, and an honest test must not fail for being slow.
      testTimeout: 120_000,
      projects: [
        {
          extends: true,
          test: {
            name: 'node',
            environment: 'node',
            include: ['src/**/*.test.ts'],
          },
        },
        {
          extends: true,
          test: {
            name: 'dom',
            environment: 'jsdom',
            include: ['src/**/*.test.tsx'],
          },
        },
      ],
    },
  }),
);
