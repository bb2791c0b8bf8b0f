/**
 * pause-external-resume: the pause-race incident write-up's story as a
 * what-if (docs/real-code.md#external-resume). It needs the SIMPLIFIED
 * SynchronizedConsumer, whose poll resumes partitions the processor paused;
 * the real one never does (docs/real-code.md#synchronized-consumer). No rebalance: the leader commits P1 -> 23, the simplified SC resumes P1
 * in the next paused poll, and that poll returns P1@20 while P0@10 is carried.
 */
import { ACTORS, PAUSE_EXTERNAL_RESUME_META } from './external-resume.meta.ts';
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { numberParam, pauseScenario, timingOf } from './common.ts';

export function externalResumeSetup(params: Params): PauseSetup {
  const messages = numberParam(params, 'messages');
  return {
    actors: ACTORS,
    protocol: 'eager',
    sc: 'simplified',
    ours: 2,
    theirs: 0,
    messages,
    // The leader is exactly at C's positions (P0 at 11, P1 at 20) until it commits P1.
    leaderLead: { P0: 1, P1: 0 },
    events: [
      {
        kind: 'leader_commit',
        offsets: { P1: 20 + messages },
        atMs: numberParam(params, 'leaderCommitAtMs'),
      },
    ],
    readyAtMs: numberParam(params, 'readyAtMs'),
    timing: timingOf(params),
  };
}

export const PAUSE_EXTERNAL_RESUME = pauseScenario(PAUSE_EXTERNAL_RESUME_META, externalResumeSetup);
