import { describe, expect, it } from 'vitest';
import {
  addAssignment,
  available,
  fetched,
  newConsumer,
  nextFetchMs,
  pause,
  pausedOf,
  removeAssignment,
  resume,
  seek,
  take,
  tell,
} from './consumer.ts';

const END = { P0: 13, P1: 23, P2: 33 };

describe('arroyo KafkaConsumer wrapper model', () => {
  it('returns messages of unpaused, fetched partitions in partition order and advances the working offset', () => {
    const c = newConsumer({ P0: 11, P1: 20 }, 0);
    expect(available(c, END, 0)).toBe('P0');
    expect(take(c, 'P0')).toEqual({ p: 'P0', offset: 11 });
    expect(tell(c)).toEqual({ P0: 12, P1: 20 });
  });

  it('a paused consumer returns nothing, and a resumed partition waits for a new fetch', () => {
    const c = newConsumer({ P0: 11, P1: 20 }, 0);
    pause(c, ['P0', 'P1']);
    expect(pausedOf(c)).toEqual(['P0', 'P1']);
    expect(available(c, END, 0)).toBeNull();
    expect(resume(c, ['P1'], 100, 10)).toEqual(['P1']);
    expect(available(c, END, 105)).toBeNull();
    expect(nextFetchMs(c, END, 105)).toBe(110);
    expect(available(c, END, 110)).toBe('P1');
  });

  it('resuming a partition that is not paused changes nothing', () => {
    const c = newConsumer({ P0: 11 }, 0);
    expect(resume(c, ['P0'], 50, 10)).toEqual([]);
    expect(available(c, END, 0)).toBe('P0');
  });

  it('seek moves the working offset and drops what was prefetched', () => {
    const c = newConsumer({ P1: 21 }, 0);
    seek(c, 'P1', 20, 40, 10);
    expect(tell(c)).toEqual({ P1: 20 });
    expect(available(c, END, 45)).toBeNull();
    expect(available(c, END, 50)).toBe('P1');
  });

  it('a newly assigned partition starts unpaused and returns nothing before its first fetch lands', () => {
    const c = newConsumer({ P0: 11, P1: 20 }, 0);
    pause(c, ['P0', 'P1']);
    addAssignment(c, { P2: 30 });
    expect(pausedOf(c)).toEqual(['P0', 'P1']);
    expect(tell(c)).toEqual({ P0: 11, P1: 20, P2: 30 });
    expect(available(c, END, 1000)).toBeNull();
    fetched(c, ['P2'], 1000);
    expect(available(c, END, 1000)).toBe('P2');
  });

  it('revoke cleanup drops the offsets and the pause state; retained partitions keep both', () => {
    const c = newConsumer({ P0: 11, P1: 20 }, 0);
    pause(c, ['P0', 'P1']);
    removeAssignment(c, ['P1']);
    expect(tell(c)).toEqual({ P0: 11 });
    expect(pausedOf(c)).toEqual(['P0']);
  });

  it('a partition at the end of its log has nothing to return', () => {
    const c = newConsumer({ P0: 13 }, 0);
    expect(available(c, END, 0)).toBeNull();
    expect(nextFetchMs(c, END, 0)).toBeNull();
  });
});
