import { describe, expect, it } from 'vitest';
import { explain } from './callout.ts';
import { sketchTrace } from './testing.ts';
import { changedDicts, threadPlaces } from './stepView.ts';

const none = {};
const one = { counters: { a: 1 } };
const two = { counters: { a: 1, b: 1 } };

describe('the collision callout', () => {
  it('names the raising step and the other thread that changed the dict before it', () => {
    const trace = sketchTrace(
      [
        { thread: 'main', line: 10, buffer: { counters: none } },
        { thread: 'main', line: 11, buffer: one },
        { thread: 'stuck', line: 30, buffer: one, preempted: true },
        { thread: 'main', line: 11, buffer: two, preempted: true },
        {
          thread: 'stuck',
          line: 30,
          buffer: two,
          events: [{ kind: 'raise', type: 'RuntimeError', message: 'dictionary changed size' }],
        },
      ],
      {
        outcomes: ['crash:RuntimeError@stuck'],
        crashes: [
          {
            type: 'RuntimeError',
            message: 'dictionary changed size during iteration',
            thread: 'stuck',
            traceback: [
              { file: 'harness', function: 'stuck', line: 3, text: 'buffer.flush()' },
              { file: 'user', function: 'flush', line: 29, text: 'for k, v in d.items():' },
            ],
          },
        ],
      },
    );
    const callout = explain(trace);
    expect(callout.kind).toBe('crash');
    // The traceback's line (the loop header), not the statement the step started at.
    expect(callout.victim).toMatchObject({ thread: 'stuck', step: 4, line: 29 });
    expect(threadPlaces(trace, 4)[1]).toMatchObject({ line: 29, raised: 'RuntimeError' });
    expect(callout.other).toMatchObject({ thread: 'main', step: 3, line: 11 });
    expect(callout.headline).toBe('stuck raised RuntimeError after main changed counters.');
  });

  it('for lost increments, names the switched-out thread and the change made meanwhile', () => {
    const trace = sketchTrace(
      [
        { thread: 'stuck', line: 30, buffer: one },
        { thread: 'main', line: 11, buffer: two, preempted: true },
        { thread: 'stuck', line: 31, buffer: { counters: none } },
        { thread: 'main', line: 12, buffer: { counters: none } },
      ],
      { conservation: [{ key: 'b', incremented: 1, emitted: 0, diff: -1 }] },
    );
    const callout = explain(trace);
    expect(callout.kind).toBe('conservation');
    expect(callout.headline).toBe('Increments do not add up: b lost 1.');
    expect(callout.other).toMatchObject({ thread: 'main', step: 1, line: 11 });
    expect(callout.victim).toMatchObject({ thread: 'stuck', step: 2, line: 31 });
  });

  it('names who waits for which lock held by whom in a deadlock', () => {
    const trace = sketchTrace([{ thread: 'main', line: 5, buffer: none }], {
      deadlock: {
        waiting: [
          { thread: 'main', lock: 'self.__lock', heldBy: 'stuck', holderEnded: false, line: 5 },
          { thread: 'stuck', lock: 'self.__other', heldBy: 'main', holderEnded: false, line: 9 },
        ],
      },
    });
    const callout = explain(trace);
    expect(callout.headline).toBe(
      'No thread can go on: main waits for self.__lock, held by stuck; stuck waits for self.__other, held by main.',
    );
    expect(callout.other).toMatchObject({ thread: 'stuck', line: 9 });
  });
});

describe('thread places', () => {
  it('follow each thread to its latest step and notice a crash', () => {
    const trace = sketchTrace([
      { thread: 'main', line: 3, buffer: none },
      { thread: 'stuck', line: 7, buffer: none },
      {
        thread: 'stuck',
        line: 8,
        buffer: none,
        events: [{ kind: 'raise', type: 'KeyError', message: 'x' }],
      },
    ]);
    const atOne = threadPlaces(trace, 1);
    expect(atOne.map((p) => [p.thread, p.line, p.running])).toEqual([
      ['main', 3, false],
      ['stuck', 7, true],
    ]);
    const atEnd = threadPlaces(trace, 2);
    expect(atEnd[1]).toMatchObject({ line: 8, raised: 'KeyError', ended: true });
    expect(threadPlaces(trace, 0)[1]).toMatchObject({ step: null, line: null });
  });

  it('list only the dicts a step changed', () => {
    const trace = sketchTrace([
      { thread: 'main', line: 1, buffer: { counters: {}, timers: {} } },
      { thread: 'main', line: 2, buffer: { counters: { a: 1 }, timers: {} } },
    ]);
    expect(changedDicts(trace.steps[0], trace.steps[1]!)).toEqual(['counters']);
  });
});
