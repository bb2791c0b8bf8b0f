/**
 * Plain-text rendering shared by the commands' readable (non --json) output:
 * aligned tables, Python-style tracebacks through the model listings, and the
 * command line that replays a schedule.
 */
import type { Crash, Listing, StepRecord } from '../engine/index.ts';
import { resolveAt } from '../engine/index.ts';
import { countNoun, countText } from '../explorer/countText.ts';

// The bench's reports use the same columns; the bench is a library below the CLI.
import { table } from '../bench/columns.ts';

export { table };

/** "1,227", or "about 1.23 × 10¹³" past 2^53 (the one count formatter, explorer/countText.ts). */
export const count = countText;

/** "1 step", "1,227 schedules", "about 1.23 × 10¹³ schedules". */
export const plural = countNoun;

/** Pads `columns` of every row on the left to one width: counts written as text stay right-aligned. */
export function alignRight(rows: readonly (readonly string[])[], columns: readonly number[]) {
  const width = (c: number) => Math.max(...rows.map((r) => (r[c] ?? '').length));
  const widths = new Map(columns.map((c) => [c, width(c)]));
  return rows.map((r) => r.map((cell, c) => cell.padStart(widths.get(c) ?? 0)));
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
