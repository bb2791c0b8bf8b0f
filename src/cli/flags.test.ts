/**
 * The shared flags: one definition behind every command that takes them, so the
 * same flag reads the same in every --help and fails with the same line; and the
 * start every command shares (a bad flag, --help, or the command's own work).
 */
import { describe, expect, it } from 'vitest';
import { parseArgs, runCommand, type CommandSpec, type Parsed } from './args.ts';
import { main as explore } from './explore.ts';
import { JSON_FLAG, RUN_FLAGS, runFlags } from './flags.ts';
import { main as postmortem } from './postmortem.ts';
import { main as scenarios } from './scenarios.ts';
import { main as sim } from './sim.ts';

function flagsOf(argv: string[]): Parsed {
  const parsed = parseArgs(argv, [...RUN_FLAGS, JSON_FLAG]);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

/** The usage line of each option, by its flag. */
function helpLines(stdout: string): Map<string, string> {
  const lines = stdout.split('\n').filter((l) => l.startsWith('  --'));
  return new Map(lines.map((l) => [l.trim().split(' ')[0] as string, l.trim()]));
}

describe('the run flags', () => {
  it('check what is missing or malformed in order: scenario, variant, seed, parameters', () => {
    const bad = (argv: string[]) => {
      const r = runFlags(flagsOf(argv));
      return r.ok ? 'ok' : r.error;
    };
    const all = ['--seed', 'x', '--param', 'novalue'];
    expect(bad(all)).toMatch(/^Missing --scenario\./);
    expect(bad(['--scenario', 's', ...all])).toMatch(/^Missing --variant\. Valid values: buggy/);
    expect(bad(['--scenario', 's', '--variant', 'v', ...all])).toMatch(/^Option --seed must/);
    expect(bad(['--scenario', 's', '--variant', 'v', '--param', 'novalue'])).toMatch(
      /^Option --param needs name=value/,
    );
    expect(bad(['--scenario', 's', '--variant', 'v', '--seed', '4294967296'])).toMatch(
      /from 0 to 4294967295/,
    );
  });

  it('name the run as simulate takes it, with only the optional fields given', () => {
    const plain = runFlags(flagsOf(['--scenario', 's', '--variant', 'v']));
    expect(plain).toEqual({ ok: true, value: { scenario: 's', variant: 'v', params: {} } });
    const full = runFlags(
      flagsOf([
        '--scenario=s',
        '--variant=v',
        '--seed=4294967295',
        '--schedule=s1.1.x.A',
        '--gil=py39',
        '--param=a=1',
      ]),
    );
    expect(full).toEqual({
      ok: true,
      value: {
        scenario: 's',
        variant: 'v',
        params: { a: '1' },
        gil: 'py39',
        seed: 4294967295,
        schedule: 's1.1.x.A',
      },
    });
  });

  it('read the same in every command that takes them', () => {
    const simHelp = helpLines(sim(['--help']).stdout);
    const postmortemHelp = helpLines(postmortem(['--help']).stdout);
    const exploreHelp = helpLines(explore(['--help']).stdout);
    for (const flag of ['--scenario', '--variant', '--seed', '--schedule', '--gil', '--param'])
      expect(postmortemHelp.get(flag), flag).toBe(simHelp.get(flag));
    for (const flag of ['--scenario', '--gil', '--param', '--json'])
      expect(exploreHelp.get(flag), flag).toBe(simHelp.get(flag));
    expect(helpLines(scenarios(['--help']).stdout).get('--json')).toBe(simHelp.get('--json'));
    // Where a flag means more in one command, that command says so.
    expect(exploreHelp.get('--variant')).toMatch(/or all for a comparison table$/);
    expect(exploreHelp.get('--seed')).toMatch(/with --sample: seed \(default 1\)$/);
  });

  it("keep each command's own flags after them, in its order", () => {
    expect([...helpLines(sim(['--help']).stdout).keys()]).toEqual([
      ...RUN_FLAGS.map((f) => `--${f.name}`),
      '--tail',
      '--json',
      '--help',
    ]);
    expect([...helpLines(postmortem(['--help']).stdout).keys()].slice(-4)).toEqual([
      '--note',
      '--format',
      '--site',
      '--help',
    ]);
  });
});

describe('runCommand', () => {
  const command: CommandSpec = { name: 'demo', summary: 'Does a thing.', flags: [JSON_FLAG] };
  const body = (args: Parsed) => ({
    code: 0,
    stdout: `json=${args.booleans.has('json')}\n`,
    stderr: '',
  });

  it('answers a bad flag with one line and exit 2, without running the command', () => {
    let ran = false;
    const out = runCommand(command, ['--yaml'], () => (ran = true));
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: 'Unknown option "--yaml". Valid options: --json, --help.\n',
    });
    expect(ran).toBe(false);
  });

  it('answers --help with the usage, without running the command', () => {
    const out = runCommand(command, ['--json', '-h'], () => {
      throw new Error('ran');
    });
    expect(out).toMatchObject({ code: 0, stderr: '' });
    if (!('stdout' in out)) throw new Error('no usage');
    expect(out.stdout).toMatch(/^Usage: npm run --silent demo -- \[options\]\n\nDoes a thing\./);
  });

  it('hands the flags to the command and returns what it returns, a promise included', async () => {
    expect(runCommand(command, ['--json'], body).stdout).toBe('json=true\n');
    const later = runCommand(command, [], async (args) => body(args));
    expect(later).toBeInstanceOf(Promise);
    expect((await later).stdout).toBe('json=false\n');
  });
});
