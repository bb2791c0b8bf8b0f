#!/usr/bin/env node
// The test ladder that `npm test` runs: format, types, lint, unit and component
// tests, the optional quick benchmark, the production build, then the browser tests.
// Each stage runs only if the ones before it passed, cheapest first, so the first
// failure is reported quickly and plainly as "FAILED: <stage>".
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const isWindows = process.platform === 'win32';
const npx = isWindows ? 'npx.cmd' : 'npx';
const npm = isWindows ? 'npm.cmd' : 'npm';

/** @typedef {{ name: string, command: string, args: string[], needsChromium?: boolean }} Stage */

/** @returns {Stage[]} */
function stages() {
  const tool = (name, ...args) => ({ name, command: npx, args: ['--no-install', ...args] });
  const list = [
    tool('format', 'prettier', '--check', '.'),
    tool('typecheck', 'tsc', '--noEmit', '-p', 'tsconfig.json'),
    tool('lint', 'eslint', '.'),
    tool('unit', 'vitest', 'run'),
  ];
  if (hasScript('bench:quick')) {
    list.push({ name: 'bench:quick', command: npm, args: ['run', '--silent', 'bench:quick'] });
  }
  list.push(tool('build', 'vite', 'build'));
  list.push({ ...tool('e2e', 'playwright', 'test'), needsChromium: true });
  return list;
}

function hasScript(name) {
  const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  return typeof pkg.scripts?.[name] === 'string';
}

function findChromium() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium'].filter(Boolean);
  for (const candidate of candidates) {
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not there or not executable: try the next one.
    }
  }
  return undefined;
}

function seconds(startMs) {
  return `${((Date.now() - startMs) / 1000).toFixed(1)}s`;
}

function fail(stageName, detail, results) {
  printSummary(results);
  console.error(`\nFAILED: ${stageName}${detail ? ` (${detail})` : ''}`);
  process.exit(1);
}

function printSummary(results) {
  console.log('\nTest ladder summary:');
  for (const { name, status, duration } of results) {
    console.log(`  ${status.padEnd(6)} ${name.padEnd(12)} ${duration}`);
  }
}

function run() {
  const ladderStart = Date.now();
  /** @type {{ name: string, status: string, duration: string }[]} */
  const results = [];
  for (const stage of stages()) {
    if (stage.needsChromium) {
      const chromium = findChromium();
      if (chromium === undefined) {
        const looked = process.env.CHROMIUM_PATH
          ? `CHROMIUM_PATH=${process.env.CHROMIUM_PATH} and /usr/bin/chromium`
          : '/usr/bin/chromium; CHROMIUM_PATH is not set';
        console.error(
          `\nNo Chromium found for the browser tests (looked at ${looked}).\n` +
            'Install one with `sudo apt-get update && sudo apt-get install -y chromium`,\n' +
            'or set CHROMIUM_PATH to a Chromium or Chrome executable.',
        );
        fail(stage.name, 'no Chromium', results);
      }
      process.env.CHROMIUM_PATH = chromium;
    }
    const shown = [stage.command.replace(/\.cmd$/, ''), ...stage.args].join(' ');
    console.log(`\n=== ${stage.name}: ${shown}`);
    const start = Date.now();
    const result = spawnSync(stage.command, stage.args, {
      cwd: root,
      stdio: 'inherit',
      env: process.env,
    });
    const duration = seconds(start);
    if (result.error !== undefined || result.status !== 0) {
      results.push({ name: stage.name, status: 'FAIL', duration });
      const detail =
        result.error?.message ??
        (result.signal ? `killed by ${result.signal}` : `exit code ${result.status}`);
      fail(stage.name, detail, results);
    }
    results.push({ name: stage.name, status: 'ok', duration });
    console.log(`--- ${stage.name} passed in ${duration}`);
  }
  printSummary(results);
  console.log(`\nAll ${results.length} stages passed in ${seconds(ladderStart)}.`);
}

run();
