/**
 * pause-ready-to-continue: the pause-race verification plan's scenario 4
 * (docs/real-code.md#verification-plan). While the processor is paused, the strategy's downstream gets room
 * again: the next submit succeeds, the processor resumes everything in
 * tell() and clears the flag. Through the SynchronizedConsumer that only
 * empties SC's _paused; the inner consumer resumes lazily, at the first
 * SC.poll after the leader's commit moves the remote offsets past ours.
 */
import { PAUSE_READY_TO_CONTINUE_META } from './ready-to-continue.meta.ts';
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { leaderCommitSetup, pauseScenario } from './common.ts';

export function readySetup(params: Params): PauseSetup {
  return leaderCommitSetup(params, 'real', (messages) => ({
    P0: 10 + messages,
    P1: 20 + messages,
  }));
}

export const PAUSE_READY_TO_CONTINUE = pauseScenario(PAUSE_READY_TO_CONTINUE_META, readySetup);
