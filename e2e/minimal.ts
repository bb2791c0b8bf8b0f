/**
 * A scenario's minimal failing schedule for the buggy code, read from the crash
 * catalogue the lab ships (src/analysis/crash-catalog.json): the shortest run that
 * crashes (or, failing that, breaks an invariant) under the default switch mode.
 */
import { readFileSync } from 'node:fs';

interface Entry {
  readonly byOutcome: Readonly<Record<string, number>>;
  readonly minimal: Readonly<Record<string, { readonly schedule: string; readonly steps: number }>>;
}

export function minimalSchedule(scenario: string, variant = 'buggy'): string {
  const catalog = JSON.parse(readFileSync('src/analysis/crash-catalog.json', 'utf8')) as {
    readonly entries: Readonly<Record<string, Entry>>;
  };
  const entry = catalog.entries[`${scenario}/${variant}/py311`];
  const keys = Object.keys(entry?.minimal ?? {}).filter((k) => k !== 'ok');
  const key = keys.find((k) => k.startsWith('crash:')) ?? keys[0];
  const found = key ? entry?.minimal[key] : undefined;
  if (!found) throw new Error(`no failing schedule for ${scenario}/${variant}`);
  return found.schedule;
}
