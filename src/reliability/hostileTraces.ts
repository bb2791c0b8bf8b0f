/**
 * Hostile trace files for the fuzzers (fast-check arbitraries): random JSON and text,
 * and real exported traces (corpus.ts) changed field by field (wrong types, missing
 * fields, other format and scenario versions, huge arrays, deep nesting, values that
 * cannot be turned into text) and byte by byte (cut short, characters flipped),
 * with `__proto__` and `constructor` keys written into every object they reach.
 */
import fc from 'fast-check';
import { hostileText, PAYLOADS } from './hostileLinks.ts';

export const TRACE_KEYS: readonly string[] = [
  'format',
  'version',
  'scenario',
  'scenarioVersion',
  'variant',
  'params',
  'gil',
  'schedule',
  'step',
  'records',
];
const RECORD_KEYS = ['step', 'actor', 'at', 'timeMs', 'durationMs', 'narration', 'events'];
const POLLUTERS = ['__proto__', 'constructor', 'prototype'];

/** Stands in the object for a value that only text can hold (see `render`). */
const DEEP = '\u0000deep\u0000';

/** Values of every JSON type and a few that parsers trip on. */
export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  { weight: 3, arbitrary: fc.jsonValue({ maxDepth: 2 }) },
  { weight: 2, arbitrary: hostileText },
  {
    weight: 2,
    arbitrary: fc.constantFrom<unknown>(
      -1,
      1.5,
      2 ** 53,
      1e308,
      -0,
      '',
      '1',
      'buggy',
      'py311',
      null,
      true,
      [],
      {},
      { toString: 1, valueOf: 1 },
      { length: 1e9 },
      ['a', 'b'],
      DEEP,
    ),
  },
);

export type TraceMutation =
  | { readonly op: 'set'; readonly key: string; readonly value: unknown }
  | { readonly op: 'drop'; readonly key: string }
  | {
      readonly op: 'setRecord';
      readonly index: number;
      readonly key: string;
      readonly value: unknown;
    }
  | { readonly op: 'dropRecord'; readonly index: number; readonly key: string }
  | { readonly op: 'setParam'; readonly key: string; readonly value: unknown }
  | { readonly op: 'hugeRecords'; readonly count: number }
  | { readonly op: 'hugeText'; readonly key: string; readonly size: number }
  | { readonly op: 'pollute'; readonly key: string; readonly where: 'top' | 'params' | 'record' }
  | {
      readonly op: 'otherVersion';
      readonly key: 'version' | 'scenarioVersion';
      readonly value: number;
    }
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'flip'; readonly at: number; readonly text: string }
  | { readonly op: 'wrap'; readonly how: 'array' | 'bom' | 'string' };

const key = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom(...TRACE_KEYS) },
  { weight: 1, arbitrary: fc.constantFrom(...POLLUTERS, ...PAYLOADS.slice(0, 6)) },
);

export const traceMutationArb: fc.Arbitrary<TraceMutation> = fc.oneof(
  {
    weight: 4,
    arbitrary: fc.record({ op: fc.constant('set' as const), key, value: hostileValue }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('drop' as const), key }) },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('setRecord' as const),
      index: fc.nat({ max: 200 }),
      key: fc.constantFrom(...RECORD_KEYS, ...POLLUTERS),
      value: hostileValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('dropRecord' as const),
      index: fc.nat({ max: 200 }),
      key: fc.constantFrom(...RECORD_KEYS),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('setParam' as const),
      key: fc.oneof(fc.constantFrom('partitions', 'joinMs', 'messages', ...POLLUTERS), hostileText),
      value: hostileValue,
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('hugeRecords' as const),
      count: fc.constantFrom(1_000, 15_000),
    }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('hugeText' as const),
      key: fc.constantFrom('scenario', 'variant', 'gil', 'schedule', 'format'),
      size: fc.constantFrom(100, 20_000, 200_000),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('pollute' as const),
      key: fc.constantFrom(...POLLUTERS),
      where: fc.constantFrom('top' as const, 'params' as const, 'record' as const),
    }),
  },
  {
    weight: 2,
    arbitrary: fc.record({
      op: fc.constant('otherVersion' as const),
      key: fc.constantFrom('version' as const, 'scenarioVersion' as const),
      value: fc.constantFrom(0, 2, 7, 99, 1_000_000),
    }),
  },
  { weight: 2, arbitrary: fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }) },
  {
    weight: 2,
    arbitrary: fc.record({ op: fc.constant('flip' as const), at: fc.nat(), text: hostileText }),
  },
  {
    weight: 1,
    arbitrary: fc.record({
      op: fc.constant('wrap' as const),
      how: fc.constantFrom('array' as const, 'bom' as const, 'string' as const),
    }),
  },
);

type Json = Record<string, unknown>;

/** Sets an own property, even `__proto__`, without touching any prototype. */
function setOwn(target: Json, name: string, value: unknown): void {
  Object.defineProperty(target, name, {
    value,
    enumerable: true,
    writable: true,
    configurable: true,
  });
}

function records(trace: Json): Json[] {
  const r = trace['records'];
  return Array.isArray(r) ? (r as Json[]) : [];
}

/** Applies the structural mutations to a parsed trace (in place). */
function mutateObject(trace: Json, m: TraceMutation): void {
  const list = records(trace);
  const record = (i: number): Json | undefined => list[i % Math.max(1, list.length)];
  switch (m.op) {
    case 'set':
      return setOwn(trace, m.key, structuredClone(m.value));
    case 'drop':
      delete trace[m.key];
      return;
    case 'setRecord': {
      const r = record(m.index);
      if (r && typeof r === 'object') setOwn(r, m.key, structuredClone(m.value));
      return;
    }
    case 'dropRecord': {
      const r = record(m.index);
      if (r && typeof r === 'object') delete r[m.key];
      return;
    }
    case 'setParam': {
      const params = trace['params'];
      if (params && typeof params === 'object') {
        setOwn(params as Json, m.key, structuredClone(m.value));
      }
      return;
    }
    case 'hugeRecords': {
      const first = list[0] ?? {};
      const many = Array.from({ length: m.count }, (_, i) => ({ ...first, step: i }));
      return setOwn(trace, 'records', many);
    }
    case 'hugeText':
      return setOwn(trace, m.key, 'A'.repeat(m.size));
    case 'pollute': {
      const evil = { polluted: 'yes', prototype: { polluted: 'yes' } };
      const target =
        m.where === 'top' ? trace : m.where === 'params' ? (trace['params'] as Json) : record(0);
      if (target && typeof target === 'object') setOwn(target, m.key, evil);
      return;
    }
    case 'otherVersion':
      return setOwn(trace, m.key, m.value);
    default:
      return;
  }
}

/** Applies the byte-level mutations to the text. */
function mutateText(text: string, m: TraceMutation): string {
  switch (m.op) {
    case 'truncate':
      return text.slice(0, m.at % (text.length + 1));
    case 'flip': {
      const at = m.at % (text.length + 1);
      return text.slice(0, at) + m.text + text.slice(at + 1);
    }
    case 'wrap':
      if (m.how === 'array') return `[${text}]`;
      if (m.how === 'bom') return `\uFEFF${text}`;
      return JSON.stringify(text);
    default:
      return text;
  }
}

/** Serializes with the deep-nesting stand-in expanded into 5,000 nested arrays. */
function render(trace: unknown): string {
  const text = JSON.stringify(trace) ?? 'null';
  const deep = `${'['.repeat(5_000)}${']'.repeat(5_000)}`;
  return text.split(JSON.stringify(DEEP)).join(deep);
}

/** A real trace with one to four mutations applied; structural ones first, then textual. */
export function mutatedTraceArb(bases: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(traceMutationArb, { minLength: 1, maxLength: 4 }))
    .map(([base, mutations]) => {
      const trace = JSON.parse(base) as Json;
      for (const m of mutations) mutateObject(trace, m);
      return mutations.reduce(mutateText, render(trace));
    });
}

/** Random files: JSON of any shape (some shaped like a trace) and plain text. */
export function randomTraceArb(): fc.Arbitrary<string> {
  const traceLike = fc
    .dictionary(fc.constantFrom(...TRACE_KEYS, ...POLLUTERS), hostileValue, { maxKeys: 10 })
    .map((d) => render({ format: 'arroyo-race-lab/trace', version: 1, ...d }));
  return fc.oneof(
    fc.jsonValue().map((v) => JSON.stringify(v) ?? ''),
    fc.string({ unit: 'binary', maxLength: 200 }),
    traceLike,
    hostileText,
  );
}
