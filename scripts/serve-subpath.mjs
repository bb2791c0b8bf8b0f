#!/usr/bin/env node
// Serves the built site in dist/ under a subpath, the way GitHub Pages serves a
// project site (https://<owner>.github.io/arroyo-race-lab/), so the e2e tests can
// check that the very artifact we deploy (built with base './') works there.
// Anything outside the subpath is a 404, as it would be on Pages.
//
// Usage: node scripts/serve-subpath.mjs [--port 4174] [--base /arroyo-race-lab/] [--dir dist]
import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { parseArgs } from 'node:util';

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '4174' },
    host: { type: 'string', default: '127.0.0.1' },
    base: { type: 'string', default: '/arroyo-race-lab/' },
    dir: { type: 'string', default: 'dist' },
  },
});

const port = Number(values.port);
const base = values.base.endsWith('/') ? values.base : `${values.base}/`;
const rootDir = resolve(values.dir);

const MIME_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
};

function send(response, status, body) {
  response.writeHead(status, { 'content-type': 'text/plain; charset=utf-8' });
  response.end(body);
}

/** Maps a request path inside the base to a file in rootDir, or undefined. */
function fileFor(pathname) {
  let relative;
  try {
    relative = decodeURIComponent(pathname.slice(base.length));
  } catch {
    return undefined;
  }
  const candidate = normalize(join(rootDir, relative));
  if (candidate !== rootDir && !candidate.startsWith(rootDir + sep)) return undefined;
  for (const path of [candidate, join(candidate, 'index.html')]) {
    try {
      if (statSync(path).isFile()) return path;
    } catch {
      // Missing: try the next candidate.
    }
  }
  return undefined;
}

const server = createServer((request, response) => {
  const { pathname } = new URL(request.url ?? '/', 'http://localhost');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    send(response, 405, 'Method not allowed\n');
    return;
  }
  if (pathname === base.slice(0, -1)) {
    response.writeHead(301, { location: base });
    response.end();
    return;
  }
  const file = pathname.startsWith(base) ? fileFor(pathname) : undefined;
  if (file === undefined) {
    send(response, 404, 'Not found\n');
    return;
  }
  response.writeHead(200, {
    'content-type': MIME_TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-store',
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
});

server.listen(port, values.host, () => {
  console.log(`Serving ${rootDir} at http://${values.host}:${port}${base}`);
});

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => server.close(() => process.exit(0)));
}
