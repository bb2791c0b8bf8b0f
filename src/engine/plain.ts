/**
 * Snapshots and hashes of plain values. Worlds hold only arrays, plain objects
 * and primitives, so a structural clone is a short recursion (much faster than
 * structuredClone) and a hash is FNV-1a over a canonical walk.
 */

export function clonePlain<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array(value.length);
    for (let i = 0; i < value.length; i++) out[i] = clonePlain(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value) {
    const v = clonePlain((value as Record<string, unknown>)[key]);
    // An own "__proto__" key (JSON.parse makes them) would set the prototype instead.
    if (key === '__proto__')
      Object.defineProperty(out, key, {
        value: v,
        enumerable: true,
        writable: true,
        configurable: true,
      });
    else out[key] = v;
  }
  return out as T;
}

/**
 * A 53-bit hash of a plain value (two FNV-1a lanes), frozen: schedule strings
 * carry it as their configuration tag, so changing it would refuse every link
 * ever shared. Use `fastHash` (hash.ts, faster) for anything else.
 */
export function frozenHash(value: unknown, skipKeys?: ReadonlySet<string>): number {
  const h = { a: 0x811c9dc5, b: 0x01000193 ^ 0x5bd1e995 };
  walk(value, h, skipKeys);
  return (h.a >>> 0) * 0x200000 + ((h.b >>> 0) & 0x1fffff);
}

function mix(h: { a: number; b: number }, code: number): void {
  h.a = Math.imul(h.a ^ code, 0x01000193);
  h.b = Math.imul(h.b ^ code, 0x5bd1e995) ^ (h.b >>> 15);
}

function mixString(h: { a: number; b: number }, s: string): void {
  for (let i = 0; i < s.length; i++) mix(h, s.charCodeAt(i));
  mix(h, 0xff);
}

function walk(value: unknown, h: { a: number; b: number }, skip?: ReadonlySet<string>): void {
  if (value === null || value === undefined) return mix(h, 1);
  switch (typeof value) {
    case 'boolean':
      return mix(h, value ? 2 : 3);
    case 'number':
      return mixString(h, String(value));
    case 'string':
      mix(h, 4);
      return mixString(h, value);
    case 'object':
      if (Array.isArray(value)) {
        mix(h, 5);
        for (const item of value) walk(item, h, skip);
        return mix(h, 6);
      }
      mix(h, 7);
      for (const key in value as Record<string, unknown>) {
        if (skip?.has(key)) continue;
        mixString(h, key);
        walk((value as Record<string, unknown>)[key], h, skip);
      }
      return mix(h, 8);
    default:
      throw new Error(`not a plain value: ${typeof value}`);
  }
}
