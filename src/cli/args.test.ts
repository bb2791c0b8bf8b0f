import { describe, expect, it } from 'vitest';
import { intFlag, paramsFlag, parseArgs, type FlagSpec } from './args.ts';

const SPECS: readonly FlagSpec[] = [
  { name: 'scenario', kind: 'value', help: '' },
  { name: 'seed', kind: 'value', help: '' },
  { name: 'param', kind: 'repeat', help: '' },
  { name: 'json', kind: 'boolean', help: '' },
];

function parse(argv: string[]) {
  const parsed = parseArgs(argv, SPECS);
  if (!parsed.ok) throw new Error(parsed.error);
  return parsed.value;
}

describe('parseArgs', () => {
  it('reads values, = values, booleans and repeats', () => {
    const p = parse(['--scenario', 'a', '--seed=3', '--json', '--param', 'x=1', '--param=y=2']);
    expect(p.values.get('scenario')).toBe('a');
    expect(p.values.get('seed')).toBe('3');
    expect(p.booleans.has('json')).toBe(true);
    expect(paramsFlag(p)).toEqual({ ok: true, value: { x: '1', y: '2' } });
  });

  it.each([
    [
      ['--nope'],
      /Unknown option "--nope". Valid options: --scenario, --seed, --param, --json, --help/,
    ],
    [['stray'], /Unexpected argument "stray"/],
    [['--scenario'], /--scenario needs a value/],
    [['--scenario', '--json'], /--scenario needs a value/],
    [['--json=1'], /takes no value/],
    [['--seed', '1', '--seed', '2'], /given twice/],
  ])('rejects %j in one line', (argv, message) => {
    const parsed = parseArgs(argv, SPECS);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error).toMatch(message);
      expect(parsed.error).not.toContain('\n');
    }
  });

  it('checks whole numbers and their range', () => {
    expect(intFlag(parse(['--seed', '42']), 'seed', 0, 100)).toEqual({ ok: true, value: 42 });
    expect(intFlag(parse([]), 'seed', 0, 100)).toEqual({ ok: true, value: undefined });
    for (const bad of ['-1', '101', '1.5', 'x', '']) {
      expect(intFlag(parse([`--seed=${bad}`]), 'seed', 0, 100).ok).toBe(false);
    }
    expect(paramsFlag(parse(['--param', 'novalue'])).ok).toBe(false);
  });
});
