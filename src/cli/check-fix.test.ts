/**
 * check-fix: bad arguments in-process (they never load Pyodide), and the real
 * exit codes through real processes: a run, a refused import, a syntax error
 * and code that never reaches a switch point.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BUGGY, inInit } from '../fixlab/testing/fixtures.ts';
import { main } from './check-fix.ts';

interface Ran {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

function run(args: string[]): Promise<Ran> {
  return new Promise((resolve) => {
    const child = spawn('npx', ['--no-install', 'tsx', 'src/cli/check-fix.ts', ...args]);
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (status) => {
      // npx itself may warn about the machine's npm configuration; that is not ours.
      const own = stderr
        .split('\n')
        .filter((line) => !line.startsWith('npm warn'))
        .join('\n');
      resolve({ status, stdout, stderr: own });
    });
  });
}

const dir = mkdtempSync(join(tmpdir(), 'check-fix-'));
function file(name: string, code: string): string {
  const path = join(dir, name);
  writeFileSync(path, code);
  return path;
}

function expectOneLine(r: { stderr: string }): void {
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
}

describe('check-fix arguments', () => {
  it.each([
    [[], /exactly one of --file PATH or --template ID/],
    [['--template', 'buggy', '--file', 'x.py'], /exactly one of/],
    [
      ['--template', 'nope'],
      /Unknown template "nope". Valid values: buggy, seed-fix, upstream, correct/,
    ],
    [['--template', 'buggy', '--bound', '4'], /--bound must be a whole number from 0 to 3/],
    [['--file', join(dir, 'missing.py')], /Cannot read --file/],
    [['--template', 'buggy', '--yaml'], /Unknown option "--yaml"/],
  ])('%j exits 2 with one line', async (args, pattern) => {
    const r = await main(args);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(pattern);
    expectOneLine(r);
  });
});

describe('check-fix as a process', () => {
  it('prints the JSON document and exits 0 for a run', async () => {
    const r = await run(['--template', 'buggy', '--bound', '1', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const doc = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(Object.keys(doc)).toEqual([
      'template',
      'bound',
      'complete',
      'schedules',
      'byOutcome',
      'minimal',
      'ms',
    ]);
    expect(doc).toMatchObject({ template: 'buggy', bound: 1, complete: true });
    expect(doc.minimal).toMatchObject({ outcome: 'crash:RuntimeError@stuck', preemptions: 1 });
  }, 180_000);

  it('replays a schedule step by step, and refuses one that does not fit with exit 2', async () => {
    const r = await run(['--template', 'buggy', '--schedule', 'f1.59m', '--json']);
    expect(r.status).toBe(0);
    const trace = JSON.parse(r.stdout) as {
      schedule: string;
      steps: unknown[];
      report: { outcomes: string[] };
    };
    expect(trace.schedule).toBe('f1.59m');
    expect(trace.steps.length).toBeGreaterThan(59);
    expect(trace.report.outcomes).toContain('crash:RuntimeError@stuck');
    const bad = await run(['--template', 'buggy', '--schedule', 'f1.3s']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--schedule: at step 3');
    expectOneLine(bad);
  }, 240_000);

  it('exits 3 naming the module and line of a refused import', async () => {
    const path = file('refused.py', `import os\n${BUGGY}`);
    const r = await run(['--file', path]);
    expect(r.status).toBe(3);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${path}: line 1: import of "os" is not allowed`);
    expectOneLine(r);
  }, 180_000);

  it('exits 3 naming the line of a syntax error', async () => {
    const path = file('syntax.py', BUGGY.replace('def flush(self):', 'def flush(self)'));
    const r = await run(['--file', path, '--json']);
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/: line \d+: SyntaxError/);
    expectOneLine(r);
  }, 180_000);

  it('stops code that never reaches a switch point and exits 3', async () => {
    const path = file('runaway.py', inInit('        sum(range(10**12))'));
    const r = await run(['--file', path, '--timeout', '3']);
    expect(r.status).toBe(3);
    expect(r.stderr).toContain('without reaching a switch point');
    expectOneLine(r);
  }, 180_000);
});
