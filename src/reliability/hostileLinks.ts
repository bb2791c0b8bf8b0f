/**
 * Hostile share links for the fuzzers (fast-check arbitraries): random text used as
 * a hash, links assembled from real and made-up fields, and real links (corpus.ts)
 * cut, flipped, padded and rearranged: truncated at any point, characters replaced,
 * inserted or deleted, fields swapped, keys duplicated, values made huge, unicode,
 * percent-escapes, `javascript:` URLs and HTML payloads in every field.
 */
import fc from 'fast-check';
import { SCENARIOS } from '../scenarios/index.ts';

/** Values an attacker or an accident puts into a field. */
export const PAYLOADS: readonly string[] = [
  'javascript:alert(1)',
  'JaVaScRiPt:window.__xss=1',
  '<script>window.__xss=1</script>',
  '<img src=x onerror="window.__xss=1">',
  '"><svg onload=alert(1)>',
  "'-alert(1)-'",
  '%3Cscript%3Ewindow.__xss%3D1%3C%2Fscript%3E',
  '%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E',
  '%00',
  '%',
  '%E0%A4%A',
  '%FF%FE',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'hasOwnProperty',
  '9'.repeat(400),
  '-1',
  '1e309',
  '0x1F',
  '1.5',
  ' 3',
  '３',
  'Infinity',
  'NaN',
  '\u202Egnp.exe',
  '😀'.repeat(12),
  'e\u0301\u0301\u0301',
  '\u0000\u0001\u001f',
  '..',
  '../../etc/passwd',
  '#',
  '?',
  '&&&',
  '==',
  '#/lab/x?v=',
  's2.1.abcdef.KA',
  's1.999.abcdef.KA',
  's1.1.zzzzzz.KA',
  's1.1.abcdef.' + '_'.repeat(300),
  's1.1.abcdef.' + 'A'.repeat(20),
  'data:text/html,<script>alert(1)</script>',
  '[[1,"<img src=x onerror=alert(1)>"]]',
  '[[1,"a"],[1,"b"],[-1,"c"]]',
  '[[1e400,"x"]]',
  '{"__proto__":{"polluted":1}}',
  '[' + '[1,"x"],'.repeat(40) + '[2,"y"]]',
];

export const LINK_KEYS: readonly string[] = [
  'v',
  'gil',
  's',
  'at',
  'p.',
  'p.partitions',
  'p.__proto__',
  'p.constructor',
  'notes',
  'x',
];

const scenarioIds = (): readonly string[] => SCENARIOS.map((s) => s.id);

/** A short piece of hostile text: a payload, or random code points of any kind. */
export const hostileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: fc.constantFrom(...PAYLOADS) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 16 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'binary', maxLength: 12 }) },
  { weight: 1, arbitrary: fc.string({ unit: 'grapheme-ascii', maxLength: 24 }) },
  { weight: 1, arbitrary: fc.integer().map(String) },
);

/** Random text as a whole hash, with and without the '#' and the lab path. */
export function randomHashArb(): fc.Arbitrary<string> {
  const field = fc
    .tuple(fc.oneof(fc.constantFrom(...LINK_KEYS), hostileText), hostileText)
    .map(([k, v]) => `${k}=${v}`);
  return fc.oneof(
    fc.string({ unit: 'binary', maxLength: 80 }),
    fc.string({ unit: 'grapheme', maxLength: 80 }).map((s) => `#${s}`),
    fc.tuple(hostileText, hostileText).map(([a, b]) => `#/lab/${a}?${b}`),
    fc.tuple(hostileText, hostileText).map(([a, b]) => `#/${a}/${b}`),
    fc
      .tuple(
        fc.constantFrom(
          '#/lab/',
          '#/race/',
          '#/lab//',
          '/lab/',
          '#lab/',
          '#/tour/',
          '#/present/lab/',
          '#/present/',
        ),
        fc.oneof(fc.constantFrom(...scenarioIds()), hostileText),
        fc.array(field, { maxLength: 8 }),
      )
      .map(([prefix, id, fields]) => `${prefix}${id}?${fields.join('&')}`),
  );
}

export type LinkMutation =
  | { readonly op: 'truncate'; readonly at: number }
  | { readonly op: 'replace'; readonly at: number; readonly text: string }
  | { readonly op: 'insert'; readonly at: number; readonly text: string }
  | { readonly op: 'delete'; readonly at: number; readonly count: number }
  | { readonly op: 'swapValues'; readonly a: number; readonly b: number }
  | { readonly op: 'duplicateKey'; readonly a: number; readonly text: string }
  | { readonly op: 'setValue'; readonly a: number; readonly text: string }
  | { readonly op: 'setKey'; readonly a: number; readonly text: string }
  | { readonly op: 'dropField'; readonly a: number }
  | { readonly op: 'addField'; readonly key: string; readonly text: string }
  | { readonly op: 'hugeValue'; readonly a: number; readonly size: number }
  | { readonly op: 'hugeKey'; readonly a: number; readonly size: number }
  | { readonly op: 'setScenario'; readonly text: string }
  | { readonly op: 'encode' };

const position = fc.nat({ max: 4000 });
const fieldIndex = fc.nat({ max: 12 });

export const linkMutationArb: fc.Arbitrary<LinkMutation> = fc.oneof(
  fc.record({ op: fc.constant('truncate' as const), at: position }),
  fc.record({ op: fc.constant('replace' as const), at: position, text: hostileText }),
  fc.record({ op: fc.constant('insert' as const), at: position, text: hostileText }),
  fc.record({
    op: fc.constant('delete' as const),
    at: position,
    count: fc.integer({ min: 1, max: 20 }),
  }),
  fc.record({ op: fc.constant('swapValues' as const), a: fieldIndex, b: fieldIndex }),
  fc.record({ op: fc.constant('duplicateKey' as const), a: fieldIndex, text: hostileText }),
  fc.record({ op: fc.constant('setValue' as const), a: fieldIndex, text: hostileText }),
  fc.record({ op: fc.constant('setKey' as const), a: fieldIndex, text: hostileText }),
  fc.record({ op: fc.constant('dropField' as const), a: fieldIndex }),
  fc.record({
    op: fc.constant('addField' as const),
    key: fc.oneof(fc.constantFrom(...LINK_KEYS), hostileText),
    text: hostileText,
  }),
  fc.record({
    op: fc.constant('hugeValue' as const),
    a: fieldIndex,
    size: fc.constantFrom(1_000, 100_001, 300_000),
  }),
  fc.record({
    op: fc.constant('hugeKey' as const),
    a: fieldIndex,
    size: fc.constantFrom(100, 5_000, 100_001),
  }),
  fc.record({ op: fc.constant('setScenario' as const), text: hostileText }),
  fc.record({ op: fc.constant('encode' as const) }),
);

/** A real link with one to four mutations applied. */
export function mutatedLinkArb(bases: readonly string[]): fc.Arbitrary<string> {
  return fc
    .tuple(fc.constantFrom(...bases), fc.array(linkMutationArb, { minLength: 1, maxLength: 4 }))
    .map(([base, mutations]) => mutations.reduce(applyLinkMutation, base));
}

/** Applies one mutation to a hash; pure and deterministic. */
export function applyLinkMutation(hash: string, m: LinkMutation): string {
  const at = 'at' in m ? m.at % (hash.length + 1) : 0;
  switch (m.op) {
    case 'truncate':
      return hash.slice(0, at);
    case 'replace':
      return hash.slice(0, at) + m.text + hash.slice(at + 1);
    case 'insert':
      return hash.slice(0, at) + m.text + hash.slice(at);
    case 'delete':
      return hash.slice(0, at) + hash.slice(at + m.count);
    case 'encode':
      return encodeAll(hash);
    case 'setScenario': {
      const { path, fields } = split(hash);
      return join(path.replace(/[^/]*$/, m.text), fields);
    }
    default:
      return mutateFields(hash, m);
  }
}

function mutateFields(hash: string, m: LinkMutation): string {
  const { path, fields } = split(hash);
  const n = fields.length;
  const pick = (i: number): number => (n === 0 ? 0 : i % n);
  const out = [...fields];
  const keyOf = (f: string | undefined): string => (f ?? '').split('=')[0] ?? '';
  const valueOf = (f: string | undefined): string => (f ?? '').split('=').slice(1).join('=');
  switch (m.op) {
    case 'swapValues': {
      const a = pick(m.a);
      const b = pick(m.b);
      out[a] = `${keyOf(fields[a])}=${valueOf(fields[b])}`;
      out[b] = `${keyOf(fields[b])}=${valueOf(fields[a])}`;
      break;
    }
    case 'duplicateKey':
      out.push(`${keyOf(fields[pick(m.a)])}=${m.text}`);
      out.reverse();
      break;
    case 'setValue':
      out[pick(m.a)] = `${keyOf(fields[pick(m.a)])}=${m.text}`;
      break;
    case 'setKey':
      out[pick(m.a)] = `${m.text}=${valueOf(fields[pick(m.a)])}`;
      break;
    case 'dropField':
      out.splice(pick(m.a), 1);
      break;
    case 'addField':
      out.push(`${m.key}=${m.text}`);
      break;
    case 'hugeValue':
      out[pick(m.a)] = `${keyOf(fields[pick(m.a)])}=${'9'.repeat(m.size)}`;
      break;
    case 'hugeKey':
      out[pick(m.a)] = `p.${'k'.repeat(m.size)}=${valueOf(fields[pick(m.a)])}`;
      break;
    default:
      break;
  }
  return join(
    path,
    out.filter((f) => f !== ''),
  );
}

function split(hash: string): { path: string; fields: string[] } {
  const q = hash.indexOf('?');
  if (q < 0) return { path: hash, fields: [] };
  return { path: hash.slice(0, q), fields: hash.slice(q + 1).split('&') };
}

function join(path: string, fields: readonly string[]): string {
  return fields.length === 0 ? path : `${path}?${fields.join('&')}`;
}

/** The whole hash percent-encoded, slashes and the mark kept; lone surrogates left as they are. */
function encodeAll(hash: string): string {
  try {
    return encodeURIComponent(hash).replace(/%2F/g, '/').replace(/%23/, '#');
  } catch {
    return hash;
  }
}
