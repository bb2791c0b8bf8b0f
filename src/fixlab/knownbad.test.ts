/**
 * Fixes that look right and are not, and one that is, checked by real
 * CPython: the checker must find what real threads would do.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CONSERVATION, DEADLOCK, OK } from './protocol.ts';
import {
  COMPREHENSION_SNAPSHOT,
  COPY_THEN_RESET,
  NON_REENTRANT,
  REENTRANT,
} from './testing/fixtures.ts';
import { checked, kinds } from './testing/pyodide.ts';

describe('known-bad fixes', () => {
  it('a dict-comprehension snapshot still iterates the live dict, so it still raises', async () => {
    const r = await checked(COMPREHENSION_SNAPSHOT, 2);
    expect(kinds(r)).toContain('crash:RuntimeError@stuck');
    const crash = r.minimalReport?.crashes[0];
    expect(crash?.message).toBe('dictionary changed size during iteration');
    expect(crash?.traceback.at(-1)).toMatchObject({ file: 'user', function: '<comprehension>' });
  });

  it('copy-then-reset loses increments without ever raising', async () => {
    const r = await checked(COPY_THEN_RESET, 2);
    expect(kinds(r)).toEqual([OK, CONSERVATION].sort());
    expect(r.minimal?.outcome).toBe(CONSERVATION);
    const lost = r.minimalReport?.conservation ?? [];
    expect(lost.length).toBeGreaterThan(0);
    expect(lost.every((d) => d.emitted - d.incremented === d.diff)).toBe(true);
    expect(lost.some((d) => d.diff < 0)).toBe(true);
  });

  it('a Lock taken in incr_* and again in the nested flush deadlocks, naming who holds it', async () => {
    const r = await checked(NON_REENTRANT, 1);
    expect(kinds(r)).toEqual([DEADLOCK]);
    expect(r.minimal).toMatchObject({ outcome: DEADLOCK, preemptions: 0 });
    const waiting = r.minimalReport?.deadlock?.waiting ?? [];
    expect(waiting.length).toBeGreaterThan(0);
    for (const w of waiting) expect(w).toMatchObject({ lock: 'self.__lock' });
    // Somebody waits for a lock it holds itself: the re-entry.
    expect(waiting.some((w) => w.heldBy === w.thread)).toBe(true);
  });

  it('the same with an RLock is clean', async () => {
    const r = await checked(REENTRANT, 2);
    expect(kinds(r)).toEqual([OK]);
    expect(r.complete).toBe(true);
  });
});

describe('the example in docs/fix-lab.md', () => {
  const doc = readFileSync(new URL('../../docs/fix-lab.md', import.meta.url), 'utf8');
  const example = /```python\n([\s\S]*?)```/.exec(doc)?.[1] ?? '';

  it('is clean, and deadlocks when the throttle re-enters flush()', async () => {
    expect(example).toContain('class MetricsBuffer');
    expect(kinds(await checked(example, 2))).toEqual([OK]);
    const reentered = example.replace(
      '> 1.0:\n            self.__send()',
      '> 1.0:\n            self.flush()',
    );
    expect(reentered).not.toBe(example);
    expect(kinds(await checked(reentered, 1))).toEqual([DEADLOCK]);
  });
});
