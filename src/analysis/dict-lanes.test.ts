import { describe, expect, it } from 'vitest';
import type { EngineEvent, StepRecord } from '../engine/index.ts';
import { buildDictLanes, dictPointOf } from './dict-lanes.ts';

type DictEvent = Extract<EngineEvent, { readonly kind: 'dict' }>;

function dictEvent(actor: string, op: DictEvent['op'], extra: Partial<DictEvent> = {}): DictEvent {
  return { kind: 'dict', actor, dict: 'counters', op, size: 1, ...extra };
}

function record(step: number, actor: string, events: StepRecord['events']): StepRecord {
  return { step, actor, at: 'x:1', timeMs: step, durationMs: 0, events, narration: '' };
}

function exception(actor: string): EngineEvent {
  const traceback: readonly never[] = [];
  return { kind: 'exception', actor, type: 'RuntimeError', message: '', traceback, caught: false };
}

describe('a dict operation as a point', () => {
  it('reads a raise from a size that differs from the one the iterator recorded', () => {
    const next = dictEvent('flush', 'next', { key: 'a', size: 2, recordedSize: 1 });
    const point = dictPointOf(record(4, 'flush', [next]), next, 2);
    expect(point).toMatchObject({ step: 4, op: 'next', key: 'a', raised: true, recordedSize: 1 });
  });

  it("reads a raise from an exception of the same actor in the step, not another actor's", () => {
    const next = dictEvent('flush', 'next', { key: 'a', recordedSize: 1 });
    const own = exception('flush');
    const other = exception('add');
    expect(dictPointOf(record(1, 'flush', [next, own]), next, 1).raised).toBe(true);
    expect(dictPointOf(record(1, 'flush', [next, other]), next, 1).raised).toBe(false);
  });

  it('only a `next` raises, whatever the sizes', () => {
    const lookup = dictEvent('add', 'lookup', { size: 3, recordedSize: 1 });
    expect(dictPointOf(record(0, 'add', [lookup]), lookup, 3).raised).toBe(false);
  });

  it('a first operation changes the size only by an insert or a clear; later ones by the size', () => {
    const insert = dictEvent('add', 'insert');
    const clear = dictEvent('flush', 'clear', { size: 0 });
    const lookup = dictEvent('add', 'lookup');
    expect(dictPointOf(record(0, 'add', [insert]), insert, undefined).sizeChanged).toBe(true);
    expect(dictPointOf(record(0, 'flush', [clear]), clear, undefined).sizeChanged).toBe(true);
    expect(dictPointOf(record(0, 'add', [lookup]), lookup, undefined).sizeChanged).toBe(false);
    expect(dictPointOf(record(1, 'add', [lookup]), lookup, 0).sizeChanged).toBe(true);
    expect(dictPointOf(record(1, 'add', [insert]), insert, 1).sizeChanged).toBe(false);
  });
});

describe('items iterator spans', () => {
  it('end at a stop, at a raise, when the actor starts another, or stay open at the end', () => {
    const lanes = buildDictLanes([
      record(0, 'a', [dictEvent('a', 'iter', { recordedSize: 1 })]),
      record(1, 'a', [dictEvent('a', 'next', { key: 'k', recordedSize: 1 })]),
      record(2, 'a', [dictEvent('a', 'next', { recordedSize: 1 })]),
      record(3, 'b', [dictEvent('b', 'iter'), dictEvent('b', 'iter', { recordedSize: 1 })]),
      record(4, 'b', [dictEvent('b', 'next', { key: 'k', size: 2, recordedSize: 1 })]),
      record(5, 'a', [dictEvent('a', 'iter', { size: 2 })]),
    ]);
    expect(lanes).toHaveLength(1);
    const spans = lanes[0]?.iterators.map((s) => [s.actor, s.fromStep, s.toStep, s.end]);
    expect(spans).toEqual([
      ['a', 0, 2, 'stop'],
      ['b', 3, 3, 'abandoned'],
      ['b', 3, 4, 'raised'],
      ['a', 5, 5, 'open'],
    ]);
    expect(lanes[0]?.iterators[2]?.failedStep).toBe(4);
    expect(lanes[0]?.maxSize).toBe(2);
  });

  it('ignore a `next` with no iterator open', () => {
    const lanes = buildDictLanes([record(0, 'a', [dictEvent('a', 'next', { key: 'k' })])]);
    expect(lanes[0]?.iterators).toEqual([]);
    expect(lanes[0]?.points).toHaveLength(1);
  });
});
