/**
 * The few facts of a world that decide a race, in words, for the lab's "state now"
 * panel (the whole state stays one click away in the inspector). For the metrics race:
 * the buffer's two dicts, and for every open dict iterator the size it recorded beside
 * the size its dict has now (a difference is the RuntimeError waiting for the next
 * `next()`). For the pause race: the processor's `__is_paused` flag and carried
 * message, what the consumer has assigned and paused, what the SynchronizedConsumer
 * thinks is paused, and a rebalance in flight. Pure: the panel compares the facts of
 * two worlds by key to highlight what the last step changed.
 */
import type { World } from '../../engine/index.ts';
import type { PyDict } from '../../engine/python/dict.ts';
import { dictEntries, findDictByName, isDictIter, isPyDict } from './classify.ts';

export type Tone = 'plain' | 'danger' | 'good';

export interface Fact {
  /** Stable across steps, so two worlds' facts can be compared. */
  readonly key: string;
  readonly label: string;
  readonly value: string;
  readonly note?: string;
  readonly tone: Tone;
}

export interface FactGroup {
  readonly title: string;
  readonly facts: readonly Fact[];
}

type Obj = Readonly<Record<string, unknown>>;

function obj(value: unknown): Obj | null {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Obj)
    : null;
}

function at(root: unknown, ...path: string[]): unknown {
  let here: unknown = root;
  for (const p of path) here = obj(here)?.[p];
  return here;
}

/** `arroyo.consumer.run.count` reads as `run.count`: the prefix is the same for every key. */
export function shortMetric(key: string): string {
  return key.replace(/^arroyo\.consumer\./, '');
}

export function nowFacts(
  world: World<unknown>,
  iterating: ReadonlyMap<string, string>,
): FactGroup[] {
  const state = world.state;
  if (obj(at(state, 'buffer')) && isPyDict(at(state, 'buffer', 'counters'))) {
    return metricsFacts(world, iterating);
  }
  if (obj(at(state, 'kafka')) && obj(at(state, 'processor'))) return pauseFacts(world);
  return genericFacts(world, iterating);
}

function dictFact(name: string, d: PyDict, key: string): Fact {
  const entries = dictEntries(d);
  const value =
    entries.length === 0
      ? '{} (empty)'
      : `{${entries.map((e) => `${shortMetric(e.key)}: ${e.value}`).join(', ')}}`;
  return {
    key,
    label: `${name}, ${d.used} item${d.used === 1 ? '' : 's'}`,
    value,
    tone: 'plain',
  };
}

/** One fact per thread that holds a dict iterator in its locals. */
function iteratorFacts(world: World<unknown>, iterating: ReadonlyMap<string, string>): Fact[] {
  const out: Fact[] = [];
  for (const t of world.threads) {
    const locals = obj(t.locals) ?? {};
    for (const [name, it] of Object.entries(locals)) {
      if (!isDictIter(it) || it.exhausted) continue;
      const dictName = iterating.get(t.actor);
      const d = dictName === undefined ? null : findDictByName(world.state, dictName);
      const shown = dictName === undefined ? 'its dict' : dictName.split(/[./]/).pop();
      const key = `iter:${t.actor}:${name}`;
      if (it.diUsed < 0) {
        out.push({
          key,
          label: `${t.actor}'s iterator over ${shown}`,
          value: 'broken: it saw the size change',
          tone: 'danger',
        });
        continue;
      }
      const now = d?.used;
      const differs = now !== undefined && now !== it.diUsed;
      out.push({
        key,
        label: `${t.actor}'s iterator over ${shown}`,
        value: `started at ${it.diUsed} item${it.diUsed === 1 ? '' : 's'}, ${shown} has ${now ?? '?'} now`,
        ...(differs
          ? { note: `Its next item raises RuntimeError: the size changed.` }
          : { note: 'Same size: the next item is safe.' }),
        tone: differs ? 'danger' : 'good',
      });
    }
  }
  return out;
}

function metricsFacts(world: World<unknown>, iterating: ReadonlyMap<string, string>): FactGroup[] {
  const counters = at(world.state, 'buffer', 'counters') as PyDict;
  const timers = at(world.state, 'buffer', 'timers');
  const buffer: Fact[] = [dictFact('counters', counters, 'counters')];
  if (isPyDict(timers)) buffer.push(dictFact('timers', timers, 'timers'));
  const lock = obj(at(world.state, 'buffer', 'lock'));
  if (lock) {
    const owner = lock['owner'];
    buffer.push({
      key: 'lock',
      label: 'lock',
      value: typeof owner === 'string' ? `held by ${owner}` : 'free',
      tone: 'plain',
    });
  }
  const iters = iteratorFacts(world, iterating);
  return [
    { title: 'MetricsBuffer (shared by both threads)', facts: buffer },
    {
      title: 'Dict iterators',
      facts:
        iters.length > 0
          ? iters
          : [{ key: 'iter:none', label: 'open iterators', value: 'none', tone: 'plain' }],
    },
  ];
}

function msgText(m: unknown): string {
  const o = obj(m);
  return o && typeof o['p'] === 'string' ? `${o['p']}@${String(o['offset'])}` : 'None';
}

function pauseFacts(world: World<unknown>): FactGroup[] {
  return [
    { title: 'StreamProcessor (main thread)', facts: processorFacts(world) },
    { title: 'Consumer', facts: consumerFacts(world.state) },
  ];
}

/** The processor's flag, carried message and strategy, and what main's last poll returned. */
function processorFacts(world: World<unknown>): Fact[] {
  const s = world.state;
  const paused = at(s, 'processor', 'paused') === true;
  const strategy = obj(at(s, 'processor', 'strategy'));
  const main = world.threads.find((t) => t.actor === 'main');
  const polled = obj(main?.locals)?.['ret'];
  const facts: Fact[] = [
    {
      key: 'paused',
      label: '__is_paused',
      value: paused ? 'True' : 'False',
      note: paused ? 'takes the paused branch: poll(0.1), then assert nothing came back' : '',
      tone: 'plain',
    },
    {
      key: 'message',
      label: '__message (carried)',
      value: msgText(at(s, 'processor', 'message')),
      tone: 'plain',
    },
    {
      key: 'strategy',
      label: 'strategy',
      value: strategy ? (strategy['accepting'] === true ? 'has room' : 'full (rejects)') : 'closed',
      tone: 'plain',
    },
  ];
  if (polled !== undefined) {
    const got = msgText(polled);
    facts.push({
      key: 'polled',
      label: 'main\u2019s last poll returned',
      value: got,
      // A message back from the paused branch's poll is what the assert catches.
      tone: paused && got !== 'None' ? 'danger' : 'plain',
    });
  }
  return facts;
}

/** What the consumer has assigned and paused, what the SynchronizedConsumer thinks, a rebalance. */
function consumerFacts(s: unknown): Fact[] {
  const assigned = (at(s, 'kafka', 'consumer', 'assigned') as unknown[] | undefined) ?? [];
  const parts = assigned.map((a) => obj(a)).filter((a): a is Obj => a !== null);
  const pausedParts = parts.filter((a) => a['paused'] === true).map((a) => String(a['p']));
  const scPaused = (at(s, 'kafka', 'sc', 'paused') as unknown[] | undefined) ?? [];
  const pending = obj(at(s, 'kafka', 'group', 'pending'));
  const inCallback = at(s, 'kafka', 'group', 'inCallback') === true;
  return [
    {
      key: 'assigned',
      label: 'assigned',
      value: setText(parts.map((a) => String(a['p']))),
      tone: 'plain',
    },
    {
      key: 'consumerPaused',
      label: 'paused in the consumer',
      value: setText(pausedParts),
      tone: 'plain',
    },
    {
      key: 'scPaused',
      label: 'paused per SynchronizedConsumer',
      value: setText(scPaused.map(String)),
      tone: 'plain',
    },
    {
      key: 'rebalance',
      label: 'rebalance',
      value: inCallback ? 'a callback is running' : pending ? 'pending' : 'none',
      tone: 'plain',
    },
  ];
}

function setText(items: readonly string[]): string {
  return items.length === 0 ? 'set()' : `{${items.join(', ')}}`;
}

/** Any scenario: its top-level values and dicts, and open iterators. */
function genericFacts(world: World<unknown>, iterating: ReadonlyMap<string, string>): FactGroup[] {
  const facts: Fact[] = [];
  for (const [key, value] of Object.entries(obj(world.state) ?? {})) {
    if (isPyDict(value)) facts.push(dictFact(key, value, key));
    else if (value === null || typeof value !== 'object') {
      facts.push({ key, label: key, value: String(value), tone: 'plain' });
    }
  }
  const iters = iteratorFacts(world, iterating);
  return [
    { title: 'Shared state', facts },
    ...(iters.length > 0 ? [{ title: 'Dict iterators', facts: iters }] : []),
  ];
}
