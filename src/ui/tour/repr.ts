/**
 * A world-state value written the way Python would print it (None, True, quoted
 * strings, dicts as {'key': value}), short enough for one line of a tour card.
 * A message `{p, offset}` is written as the narration writes it: P0@10.
 */
import { dictEntries, isPyDict } from '../state/classify.ts';

const MAX = 160;

export function pyRepr(value: unknown): string {
  const text = repr(value, 0);
  return text.length > MAX ? `${text.slice(0, MAX - 1)}…` : text;
}

function repr(value: unknown, depth: number): string {
  if (value === null || value === undefined) return 'None';
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return `'${value}'`;
  if (depth > 4) return '…';
  if (Array.isArray(value)) return `[${value.map((v) => repr(v, depth + 1)).join(', ')}]`;
  if (isPyDict(value)) {
    return `{${dictEntries(value)
      .map((e) => `'${e.key}': ${e.value}`)
      .join(', ')}}`;
  }
  const o = value as Record<string, unknown>;
  const keys = Object.keys(o);
  if (keys.length === 2 && typeof o['p'] === 'string' && typeof o['offset'] === 'number') {
    return `${o['p']}@${o['offset']}`;
  }
  return `{${keys.map((k) => `${k}: ${repr(o[k], depth + 1)}`).join(', ')}}`;
}
