/**
 * Flag parsing for the headless commands (../shared/scenarios.md, "Headless
 * contract"): `--name value`, `--name=value`, boolean flags, and repeatable
 * flags such as `--param name=value`. Every mistake becomes one line naming
 * what is valid, which the commands print on stderr with exit status 2.
 * Small on purpose: the three commands have a dozen flags between them.
 */

import type { Result } from '../engine/index.ts';

export interface FlagSpec {
  readonly name: string;
  /** 'boolean' takes no value; 'repeat' may be given several times. */
  readonly kind: 'boolean' | 'value' | 'repeat';
  /** Shown in --help, e.g. 'ID' or 'N'. */
  readonly value?: string;
  readonly help: string;
}

export interface Parsed {
  readonly values: ReadonlyMap<string, string>;
  readonly repeats: ReadonlyMap<string, readonly string[]>;
  readonly booleans: ReadonlySet<string>;
}

/** What a command's main returns; the entry point prints it and exits with `code`. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

const HELP: FlagSpec = { name: 'help', kind: 'boolean', help: 'show this help' };

export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): Result<Parsed> {
  const all = [...specs, HELP];
  const values = new Map<string, string>();
  const repeats = new Map<string, string[]>();
  const booleans = new Set<string>();
  const valid = all.map((s) => `--${s.name}`).join(', ');
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === '-h') {
      booleans.add('help');
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      return fail(`Unexpected argument "${arg}". Valid options: ${valid}.`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq < 0 ? undefined : eq);
    const spec = all.find((s) => s.name === name);
    if (!spec) return fail(`Unknown option "--${name}". Valid options: ${valid}.`);
    if (spec.kind === 'boolean') {
      if (eq >= 0) return fail(`Option --${name} takes no value.`);
      booleans.add(name);
      continue;
    }
    let value: string | undefined;
    if (eq >= 0) value = arg.slice(eq + 1);
    else {
      value = argv[i + 1];
      if (value === undefined || value.startsWith('--'))
        return fail(`Option --${name} needs a value (${spec.value ?? 'a value'}).`);
      i++;
    }
    if (spec.kind === 'repeat') repeats.set(name, [...(repeats.get(name) ?? []), value]);
    else if (values.has(name)) return fail(`Option --${name} was given twice.`);
    else values.set(name, value);
  }
  return { ok: true, value: { values, repeats, booleans } };
}

/** A whole number flag within [min, max]; `undefined` when absent. */
export function intFlag(
  parsed: Parsed,
  name: string,
  min: number,
  max: number,
): Result<number | undefined> {
  const raw = parsed.values.get(name);
  if (raw === undefined) return { ok: true, value: undefined };
  const trimmed = raw.trim();
  const n = /^-?\d+$/.test(trimmed) ? Number(trimmed) : NaN;
  if (!Number.isSafeInteger(n) || n < min || n > max) {
    return fail(`Option --${name} must be a whole number from ${min} to ${max}, got "${raw}".`);
  }
  return { ok: true, value: n };
}

/** `--param name=value` pairs as a record (values stay strings; the scenario validates them). */
export function paramsFlag(parsed: Parsed): Result<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const pair of parsed.repeats.get('param') ?? []) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return fail(`Option --param needs name=value, got "${pair}".`);
    out[pair.slice(0, eq).trim()] = pair.slice(eq + 1).trim();
  }
  return { ok: true, value: out };
}

/** A required flag, with the valid values named when it is missing. */
export function required(
  parsed: Parsed,
  name: string,
  validValues: readonly string[],
): Result<string> {
  const value = parsed.values.get(name);
  if (value === undefined) {
    return fail(
      `Missing --${name}.${validValues.length ? ` Valid values: ${validValues.join(', ')}.` : ''}`,
    );
  }
  return { ok: true, value };
}

export function usage(command: string, summary: string, specs: readonly FlagSpec[]): string {
  const lines = [...specs, HELP].map((s) => {
    const left = `  --${s.name}${s.kind === 'boolean' ? '' : ` ${s.value ?? 'VALUE'}`}`;
    return `${left.padEnd(30)} ${s.help}`;
  });
  return `Usage: npm run --silent ${command} -- [options]\n\n${summary}\n\nOptions:\n${lines.join('\n')}\n`;
}

export function ok(stdout: string): CommandResult {
  return { code: 0, stdout: stdout.endsWith('\n') ? stdout : `${stdout}\n`, stderr: '' };
}

export function json(document: unknown): CommandResult {
  return ok(JSON.stringify(document, null, 2));
}

/** A bad argument: one line on stderr, exit status 2. */
export function badArgument(message: string): CommandResult {
  return { code: 2, stdout: '', stderr: `${message.replace(/\s*\n\s*/g, ' ')}\n` };
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
