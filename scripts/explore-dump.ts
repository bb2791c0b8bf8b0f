/**
 * Prints what the headless explorer and simulator answer for every scenario,
 * variant, switch mode and reduction, without the wall-clock `ms` fields, so a
 * refactoring that must not change behaviour can be checked by diffing two dumps:
 *
 *   node --import tsx scripts/explore-dump.ts > /tmp/before.jsonl
 *   (change the code)
 *   node --import tsx scripts/explore-dump.ts > /tmp/after.jsonl
 *   diff /tmp/before.jsonl /tmp/after.jsonl
 *
 * Each line is one command's argv and its JSON answer (the default bound of each
 * scenario, as `npm run explore` uses it), 40 seeded random and PCT samples, and the
 * natural run of `npm run sim`.
 * `--only ID` limits the dump to one scenario.
 */
import { main as explore } from '../src/cli/explore.ts';
import { main as sim } from '../src/cli/sim.ts';
import { main as scenarios } from '../src/cli/scenarios.ts';

const SWITCH_MODES = ['py311', 'py39', 'free-threaded'];
const VARIANTS = ['buggy', 'seed-fix', 'upstream', 'correct'];
const REDUCTIONS = ['none', 'sleep-sets'];
const SAMPLES = ['random', 'pct'];

function withoutTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutTimes);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => key !== 'ms')
      .map(([key, inner]) => [key, withoutTimes(inner)]),
  );
}

function dump(
  command: (argv: readonly string[]) => { code: number; stdout: string; stderr: string },
  argv: string[],
): void {
  const result = command(argv);
  const body = result.code === 0 ? withoutTimes(JSON.parse(result.stdout)) : result.stderr.trim();
  process.stdout.write(`${JSON.stringify({ argv, code: result.code, body })}\n`);
}

const onlyAt = process.argv.indexOf('--only');
const only = onlyAt >= 0 ? process.argv[onlyAt + 1] : undefined;
const listed = (JSON.parse(scenarios(['--json']).stdout) as { scenarios: { id: string }[] })
  .scenarios;
const ids = listed.map((s) => s.id).filter((id) => only === undefined || id === only);

for (const id of ids) {
  for (const gil of SWITCH_MODES) {
    for (const variant of VARIANTS) {
      dump(sim, ['--scenario', id, '--variant', variant, '--gil', gil, '--json']);
      for (const reduction of REDUCTIONS) {
        const argv = ['--scenario', id, '--variant', variant, '--gil', gil];
        dump(explore, [...argv, '--reduction', reduction, '--json']);
      }
      for (const strategy of SAMPLES) {
        const argv = ['--scenario', id, '--variant', variant, '--gil', gil, '--json'];
        dump(explore, [...argv, '--sample', strategy, '--runs', '40', '--seed', '7']);
      }
    }
  }
}
