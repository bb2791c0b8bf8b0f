import { describe, expect, it } from 'vitest';
import { newConsumer, pause } from './consumer.ts';
import { LEADER_GROUP } from './broker.ts';
import {
  newSc,
  remoteOffset,
  resumeCandidates,
  scPause,
  scResume,
  setRemote,
  syncPaused,
} from './synchronized.ts';

describe('SynchronizedConsumer model', () => {
  it('the real SC never resumes what the processor paused through it', () => {
    const inner = newConsumer({ P0: 11, P1: 20 }, 0);
    const sc = newSc({ P0: 13, P1: 23 });
    scPause(sc, ['P0', 'P1']);
    pause(inner, ['P0', 'P1']);
    expect(resumeCandidates(sc, inner, 'real')).toEqual([]);
    expect(resumeCandidates(sc, inner, 'simplified')).toEqual(['P0', 'P1']);
  });

  it('resume only forgets: the inner pause stays until a later poll', () => {
    const inner = newConsumer({ P0: 11 }, 0);
    const sc = newSc({ P0: 13 });
    scPause(sc, ['P0']);
    pause(inner, ['P0']);
    scResume(sc, ['P0']);
    expect(sc.paused).toEqual([]);
    expect(syncPaused(sc, inner)).toEqual(['P0']);
    expect(resumeCandidates(sc, inner, 'real')).toEqual(['P0']);
  });

  it('the remote offset is the minimum over followed groups, 0 when unknown, and the worker overwrites it', () => {
    const sc = newSc({ P0: 13 });
    expect(remoteOffset(sc, 'P0')).toBe(13);
    expect(remoteOffset(sc, 'P9')).toBe(0);
    setRemote(sc, LEADER_GROUP, 'P0', 12);
    expect(remoteOffset(sc, 'P0')).toBe(12);
    sc.remote['other'] = { P0: 11 };
    expect(remoteOffset(sc, 'P0')).toBe(11);
  });
});
