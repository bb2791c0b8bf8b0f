/**
 * Where the e2e web servers listen and which build they serve; shared by
 * playwright.config.ts and the specs. E2E_PORT and E2E_DIST let several checkouts on one
 * machine run their browser tests side by side without reusing each other's servers.
 */
export const PREVIEW_PORT = Number(process.env['E2E_PORT'] ?? 4173);
export const SUBPATH_PORT = PREVIEW_PORT + 1;
export const SUBPATH_BASE = '/arroyo-race-lab/';
export const DIST_DIR = process.env['E2E_DIST'] ?? 'dist';

export const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;
export const SUBPATH_URL = `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH_BASE}`;
