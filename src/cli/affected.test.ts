/** `affected` on the command line: exit codes and the one-line errors. */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from './affected.ts';

describe('npm run affected', () => {
  it('answers a version between two rows as the older row, and says so', () => {
    const json = main(['--version', '2.35.0', '--json']);
    expect(json.code).toBe(0);
    const doc = JSON.parse(json.stdout) as { answeredAs: string; release: { tag: string } };
    expect(doc.answeredAs).toBe('2.34.0');
    expect(doc.release.tag).toBe('2.34.0');
    const text = main(['--version', '2.35.0']);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('2.35.0 is answered as 2.34.0');
  });

  it.each([
    ['2.40.2', 'is not an arroyo release; the releases around it are 2.40.1 and 2.40.3'],
    ['2.17.0', 'older than 2.18.2'],
    ['9.0.0', 'the newest is 2.42.2'],
    ['latest', 'is not a version number'],
  ])('%s: one line, exit 2', (version, words) => {
    const out = main(['--version', version]);
    expect(out.code).toBe(2);
    expect(out.stdout).toBe('');
    expect(out.stderr).toContain(words);
    expect(out.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('a missing or unknown flag is a bad argument naming the valid values', () => {
    const missing = main([]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('2.34.0');
    expect(main(['--release', '2.34.0']).code).toBe(2);
  });

  it('accepts a leading v', () => {
    expect(main(['--version', 'v2.34.0']).code).toBe(0);
  });
});

describe('affected as a process', () => {
  function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
    const result = spawnSync('npx', ['--no-install', 'tsx', 'src/cli/affected.ts', ...args], {
      encoding: 'utf8',
      timeout: 60_000,
    });
    const stderr = result.stderr
      .split('\n')
      .filter((line) => !line.startsWith('npm warn'))
      .join('\n');
    return { status: result.status, stdout: result.stdout, stderr };
  }

  it('exits 2 with one line for a version that is not a release, 0 with JSON for one', () => {
    const bad = run(['--version', '2.40.2', '--json']);
    expect(bad.status).toBe(2);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    const good = run(['--version', '2.34.0', '--json']);
    expect(good.status).toBe(0);
    expect(JSON.parse(good.stdout)).toMatchObject({
      version: '2.34.0',
      release: { tag: '2.34.0' },
    });
  }, 120_000);
});
