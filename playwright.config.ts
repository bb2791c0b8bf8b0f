/**
 * Browser tests run in Debian's Chromium (never a downloaded browser: the network is
 * closed). The ladder builds dist/ first; here it is served twice: by `vite preview` at
 * the root, and by scripts/serve-subpath.mjs under /arroyo-race-lab/ like GitHub Pages.
 */
import { defineConfig, devices } from '@playwright/test';
import {
  DIST_DIR,
  PREVIEW_PORT,
  PREVIEW_URL,
  SUBPATH_BASE,
  SUBPATH_PORT,
  SUBPATH_URL,
} from './e2e/servers.ts';

const isCI = Boolean(process.env.CI);

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  forbidOnly: isCI,
  retries: isCI ? 1 : 0,
  workers: 2,
  reporter: 'list',
  timeout: 30_000,
  use: {
    baseURL: PREVIEW_URL,
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
            '--disable-quic',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `npx --no-install vite preview --host 127.0.0.1 --strictPort --port ${PREVIEW_PORT} --outDir ${DIST_DIR}`,
      url: PREVIEW_URL,
      reuseExistingServer: !isCI,
      timeout: 30_000,
    },
    {
      command: `node scripts/serve-subpath.mjs --port ${SUBPATH_PORT} --base ${SUBPATH_BASE} --dir ${DIST_DIR}`,
      url: SUBPATH_URL,
      reuseExistingServer: !isCI,
      timeout: 30_000,
    },
  ],
});
