/**
 * Schedule strings (after Shuttle's scheduler/serialization.rs).
 * A schedule is the number of steps plus the choice points where the run did
 * not take the natural choice. It encodes to a short, URL-safe, versioned
 * string:
 *
 *   s1.<scenario version>.<config tag>.<payload>
 *
 * The config tag hashes the scenario id, its parameters and the switch mode, so
 * a string made for another scenario, version or setting is refused with a
 * message that says which, instead of being misread.
 */
import { frozenHash } from './plain.ts';

export const SCHEDULE_FORMAT = 1;

export interface Schedule {
  readonly scenarioVersion: number;
  readonly tag: string;
  readonly steps: number;
  /** [choice point, thread index] pairs, in increasing choice-point order. */
  readonly deviations: readonly (readonly [number, number])[];
}

export type Result<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: string };

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const MAX_STEPS = 50_000_000;
const MAX_LENGTH = 100_000;

/** The tag binding a schedule to one scenario configuration. */
export function configTag(scenarioId: string, params: unknown, gil: string): string {
  return frozenHash({ scenarioId, params: params as never, gil })
    .toString(36)
    .slice(-6);
}

export function encodeSchedule(schedule: Schedule): string {
  const numbers: number[] = [schedule.steps, schedule.deviations.length];
  let previous = -1;
  for (const [point, thread] of schedule.deviations) {
    numbers.push(point - previous - 1, thread);
    previous = point;
  }
  return `s${SCHEDULE_FORMAT}.${schedule.scenarioVersion}.${schedule.tag}.${encodeVarints(numbers)}`;
}

export interface Expected {
  readonly scenarioId: string;
  readonly scenarioVersion: number;
  readonly tag: string;
  readonly threads: number;
}

export function decodeSchedule(text: string, expected: Expected): Result<Schedule> {
  if (typeof text !== 'string' || text.length === 0) return fail('The schedule is empty.');
  if (text.length > MAX_LENGTH)
    return fail(`The schedule is ${text.length} characters long; the limit is ${MAX_LENGTH}.`);
  const parts = text.trim().split('.');
  const format = /^s(\d{1,4})$/.exec(parts[0] ?? '');
  if (!format) return fail('This is not a schedule string (it should start with "s1.").');
  if (Number(format[1]) !== SCHEDULE_FORMAT) {
    return fail(
      `This schedule was made by schedule format v${format[1]}; this version of the app reads v${SCHEDULE_FORMAT}.`,
    );
  }
  if (parts.length !== 4)
    return fail('The schedule is damaged: it should have four parts separated by dots.');
  const version = Number(parts[1]);
  if (!/^\d{1,6}$/.test(parts[1] ?? ''))
    return fail('The schedule is damaged: its scenario version is not a number.');
  if (version !== expected.scenarioVersion) {
    return fail(
      `This schedule was made for version ${version} of scenario "${expected.scenarioId}"; this app has version ${expected.scenarioVersion}.`,
    );
  }
  if (parts[2] !== expected.tag) {
    return fail(
      `This schedule was made for another scenario, other parameters or another thread-switch mode than "${expected.scenarioId}" as set now.`,
    );
  }
  const numbers = decodeVarints(parts[3] ?? '');
  if (!numbers) return fail('The schedule is damaged: its payload is not valid.');
  const [steps, count, ...rest] = numbers;
  if (steps === undefined || count === undefined || rest.length !== count * 2) {
    return fail('The schedule is damaged: its payload has the wrong length.');
  }
  if (steps > MAX_STEPS)
    return fail(`The schedule asks for ${steps} steps; the limit is ${MAX_STEPS}.`);
  const deviations: [number, number][] = [];
  let previous = -1;
  for (let i = 0; i < rest.length; i += 2) {
    const point = previous + 1 + (rest[i] as number);
    const thread = rest[i + 1] as number;
    if (thread >= expected.threads)
      return fail(
        `The schedule names thread ${thread}, but this scenario has ${expected.threads}.`,
      );
    deviations.push([point, thread]);
    previous = point;
  }
  return {
    ok: true,
    value: { scenarioVersion: version, tag: parts[2] as string, steps, deviations },
  };
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}

/** Little-endian base-32 groups, one character each; the 6th bit says "more follows". */
function encodeVarints(numbers: readonly number[]): string {
  let out = '';
  for (let n of numbers) {
    if (!Number.isSafeInteger(n) || n < 0) throw new Error(`cannot encode ${n}`);
    do {
      const digit = n % 32;
      n = Math.floor(n / 32);
      out += ALPHABET[digit + (n > 0 ? 32 : 0)];
    } while (n > 0);
  }
  return out;
}

function decodeVarints(text: string): number[] | null {
  const out: number[] = [];
  let value = 0;
  let scale = 1;
  let open = false;
  for (const ch of text) {
    const code = ALPHABET.indexOf(ch);
    if (code < 0) return null;
    value += (code % 32) * scale;
    if (!Number.isSafeInteger(value)) return null;
    if (code >= 32) {
      scale *= 32;
      open = true;
    } else {
      out.push(value);
      value = 0;
      scale = 1;
      open = false;
    }
  }
  return open ? null : out;
}
