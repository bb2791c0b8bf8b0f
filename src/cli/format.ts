/**
 * Plain-text rendering shared by the commands' readable (non --json) output:
 * aligned tables, Python-style tracebacks through the model listings, and the
 * command line that replays a schedule.
 */
import type { Crash, Listing, StepRecord } from '../engine/index.ts';
import { resolveAt } from '../engine/index.ts';

// The bench's reports use the same columns; the bench is a library below the CLI.
import { table } from '../bench/columns.ts';

export { table };

export function count(n: number): string {
  return n.toLocaleString('en-US');
}

export function plural(n: number, one: string, many = `${one}s`): string {
  return `${count(n)} ${n === 1 ? one : many}`;
}

/** `Traceback (most recent call last): ...` as CPython prints it, with listing titles as file names. */
export function traceback(crash: Crash, listings: Readonly<Record<string, Listing>>): string {
  const frames = crash.traceback.map(
    (t) =>
      `  File "${listings[t.listing]?.title ?? t.listing}", line ${t.line}, in ${t.fn}\n    ${t.text}`,
  );
  return [`Traceback (most recent call last):`, ...frames, `${crash.type}: ${crash.message}`].join(
    '\n',
  );
}

/** One line per step: number, time, thread, source line, narration. */
export function stepLines(
  records: readonly StepRecord[],
  listings: Readonly<Record<string, Listing>>,
): string {
  return table(
    records.map((r) => {
      let where = r.at;
      try {
        const line = resolveAt(listings, r.at);
        where = `${line.listing}:${line.line}  ${line.text}`;
      } catch {
        // An unresolvable anchor still shows its raw name.
      }
      return [`#${r.step + 1}`, `${r.timeMs} ms`, r.actor, clip(where, 60), clip(r.narration, 80)];
    }),
  );
}

function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}

/** The sim command that replays `schedule` under the same settings. */
export function replayCommand(
  scenario: string,
  variant: string,
  schedule: string,
  gil: string,
  params: Readonly<Record<string, number>>,
  defaults: Readonly<Record<string, number>>,
): string {
  const parts = ['npm run --silent sim --', `--scenario ${scenario}`, `--variant ${variant}`];
  if (gil !== 'py311') parts.push(`--gil ${gil}`);
  for (const [k, v] of Object.entries(params))
    if (defaults[k] !== v) parts.push(`--param ${k}=${v}`);
  parts.push(`--schedule ${schedule}`);
  return parts.join(' ');
}
