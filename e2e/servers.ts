/** Where the e2e web servers listen; shared by playwright.config.ts and the specs. */
export const PREVIEW_PORT = 4173;
export const SUBPATH_PORT = 4174;
export const SUBPATH_BASE = '/arroyo-race-lab/';

export const PREVIEW_URL = `http://127.0.0.1:${PREVIEW_PORT}/`;
export const SUBPATH_URL = `http://127.0.0.1:${SUBPATH_PORT}${SUBPATH_BASE}`;
