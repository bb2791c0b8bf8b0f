/**
 * The state hash: a canonical walk of a plain value (two 32-bit FNV-style
 * lanes folded to 53 bits, key order significant), made cheap for the one
 * thing the explorer does millions of times. Profiling a dict-heavy scenario showed hashing at close to a
 * third of the search time, most of it spent re-hashing the same few hundred strings
 * (keys, pcs, actor and dict key names) character by character and turning
 * numbers into strings. Here a string's 32-bit hash is computed once and
 * cached, and integers are mixed as integers.
 *
 * The cache refuses a string whose 32-bit hash collides with a cached
 * different string (that string is then mixed character by character every
 * time), so equal hashes of different states still need a 53-bit collision of
 * the whole walk, as with `fastHash`. Values are not stable across versions
 * (only equality within one process matters); schedule tags use the frozen
 * `frozenHash` of plain.ts instead.
 */

const MAX_CACHED = 200_000;
const stringHashes = new Map<string, number>();
const owners = new Map<number, string>();
const uncacheable = new Set<string>();

let a = 0;
let b = 0;

function mix(code: number): void {
  a = Math.imul(a ^ code, 0x01000193);
  b = Math.imul(b ^ code, 0x5bd1e995) ^ (b >>> 15);
}

function hash32(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
  return Math.imul(h ^ s.length, 0x5bd1e995) >>> 0;
}

function mixString(s: string): void {
  let h = stringHashes.get(s);
  if (h === undefined) {
    if (uncacheable.has(s) || stringHashes.size >= MAX_CACHED) return mixChars(s);
    h = hash32(s);
    const owner = owners.get(h);
    if (owner !== undefined && owner !== s) {
      uncacheable.add(s);
      return mixChars(s);
    }
    owners.set(h, s);
    stringHashes.set(s, h);
  }
  mix(h);
  mix(0xff);
}

function mixChars(s: string): void {
  mix(0xfe);
  for (let i = 0; i < s.length; i++) mix(s.charCodeAt(i));
  mix(0xff);
}

const float = new Float64Array(1);
const words = new Int32Array(float.buffer);

function walk(value: unknown, skip: ReadonlySet<string> | undefined): void {
  if (value === null || value === undefined) return mix(1);
  switch (typeof value) {
    case 'boolean':
      return mix(value ? 2 : 3);
    case 'number':
      if ((value | 0) === value) {
        mix(9);
        return mix(value);
      }
      float[0] = value;
      mix(10);
      mix(words[0] as number);
      return mix(words[1] as number);
    case 'string':
      mix(4);
      return mixString(value);
    case 'object':
      if (Array.isArray(value)) {
        mix(5);
        for (let i = 0; i < value.length; i++) walk(value[i], skip);
        return mix(6);
      }
      mix(7);
      for (const key in value as Record<string, unknown>) {
        if (skip?.has(key)) continue;
        mixString(key);
        walk((value as Record<string, unknown>)[key], skip);
      }
      return mix(8);
    default:
      throw new Error(`not a plain value: ${typeof value}`);
  }
}

/** A 53-bit hash of a plain value; `skip` leaves out keys of that name at any depth. */
export function fastHash(value: unknown, skip?: ReadonlySet<string>): number {
  a = 0x811c9dc5;
  b = 0x01000193 ^ 0x5bd1e995;
  walk(value, skip);
  return (a >>> 0) * 0x200000 + ((b >>> 0) & 0x1fffff);
}
