/**
 * pause-external-resume: the pause-race incident write-up's story as a
 * what-if (docs/real-code.md#external-resume). It needs the SIMPLIFIED
 * SynchronizedConsumer, whose poll resumes partitions the processor paused;
 * the real one never does (docs/real-code.md#synchronized-consumer). No rebalance: the leader commits P1 -> 23, the simplified SC resumes P1
 * in the next paused poll, and that poll returns P1@20 while P0@10 is carried.
 */
import { PAUSE_EXTERNAL_RESUME_META } from './external-resume.meta.ts';
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { leaderCommitSetup, pauseScenario } from './common.ts';

export function externalResumeSetup(params: Params): PauseSetup {
  // The leader commits P1 only: the simplified SC then resumes P1 in a paused poll.
  return leaderCommitSetup(params, 'simplified', (messages) => ({ P1: 20 + messages }));
}

export const PAUSE_EXTERNAL_RESUME = pauseScenario(PAUSE_EXTERNAL_RESUME_META, externalResumeSetup);
