/**
 * The real exit codes, through a real process (the other CLI tests call
 * `main` in-process). Spawning tsx costs about a second per run, so this
 * stays to the two cases that matter: a bad argument and a run.
 */
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../scenarios/index.ts';

function run(args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync('npx', ['--no-install', 'tsx', 'src/cli/sim.ts', ...args], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  // npx itself may warn about the machine's npm configuration; that is not ours.
  const stderr = result.stderr
    .split('\n')
    .filter((line) => !line.startsWith('npm warn'))
    .join('\n');
  return { status: result.status, stdout: result.stdout, stderr };
}

describe('sim as a process', () => {
  it('exits 2 with one line on stderr for a bad argument', () => {
    const result = run(['--scenario', 'no-such-scenario', '--variant', 'buggy', '--json']);
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('Unknown scenario "no-such-scenario"');
  }, 60_000);

  it.skipIf(SCENARIOS.length === 0)(
    'exits 0 and prints one JSON document for a run',
    () => {
      const scenario = SCENARIOS[0]?.id ?? '';
      const result = run(['--scenario', scenario, '--variant', 'buggy', '--seed', '1', '--json']);
      expect(result.status).toBe(0);
      expect(JSON.parse(result.stdout)).toMatchObject({ scenario, variant: 'buggy', seed: 1 });
    },
    60_000,
  );
});
