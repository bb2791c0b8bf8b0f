/**
 * Flag parsing for the headless commands (docs/headless.md#rules): `--name value`, `--name=value`, boolean flags, and repeatable
 * flags such as `--param name=value`. Every mistake becomes one line naming
 * what is valid, which the commands print on stderr with exit status 2.
 * Node's util.parseArgs does the splitting; this module adds the messages.
 */

import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
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

/** Node's option table for our flag specs (`-h` is short for `--help`). */
function nodeOptions(specs: readonly FlagSpec[]): ParseArgsConfig['options'] {
  return Object.fromEntries(
    specs.map((s) => [
      s.name,
      s.kind === 'boolean'
        ? { type: 'boolean' as const, ...(s === HELP ? { short: 'h' } : {}) }
        : { type: 'string' as const, multiple: s.kind === 'repeat' },
    ]),
  );
}

/**
 * Node's `util.parseArgs` splits the command line into tokens (it knows
 * `--name=value`, `--name value` and `-h`); the checks here turn each mistake
 * into our one line, which its own strict mode would word differently.
 */
export function parseArgs(argv: readonly string[], specs: readonly FlagSpec[]): Result<Parsed> {
  const all = [...specs, HELP];
  const values = new Map<string, string>();
  const repeats = new Map<string, string[]>();
  const booleans = new Set<string>();
  const valid = all.map((s) => `--${s.name}`).join(', ');
  const { tokens } = nodeParseArgs({
    args: [...argv],
    options: nodeOptions(all),
    strict: false,
    allowPositionals: true,
    tokens: true,
  });
  for (const token of tokens) {
    const raw = argv[token.index] as string;
    if (token.kind !== 'option' || (!raw.startsWith('--') && raw !== '-h'))
      return fail(`Unexpected argument "${raw}". Valid options: ${valid}.`);
    const name = token.name;
    const spec = all.find((s) => s.name === name);
    if (!spec) return fail(`Unknown option "--${name}". Valid options: ${valid}.`);
    if (spec.kind === 'boolean') {
      if (token.inlineValue) return fail(`Option --${name} takes no value.`);
      booleans.add(name);
      continue;
    }
    const value = token.value;
    if (value === undefined || (!token.inlineValue && value.startsWith('--')))
      return fail(`Option --${name} needs a value (${spec.value ?? 'a value'}).`);
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

/** What a command is called, what it does in one line, and its flags: all that --help shows. */
export interface CommandSpec {
  readonly name: string;
  readonly summary: string;
  readonly flags: readonly FlagSpec[];
}

/**
 * The start every command shares: parses `argv` against the command's flags, answers a
 * bad flag with its one line (exit 2) and --help with the usage, and otherwise hands
 * the flags to `body`, whose result (a promise, for the asynchronous commands) is returned.
 */
export function runCommand<R>(
  command: CommandSpec,
  argv: readonly string[],
  body: (args: Parsed) => R,
): R | CommandResult {
  const parsed = parseArgs(argv, command.flags);
  if (!parsed.ok) return badArgument(parsed.error);
  if (parsed.value.booleans.has('help'))
    return ok(usage(command.name, command.summary, command.flags));
  return body(parsed.value);
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
