/**
 * pause-invalid-message-stuck: the April 2025 production hang fixed in arroyo
 * c8bdbb9 (release 2.20.9; pull requests #443, #444, #445). The processor has
 * paused under backpressure with m0 = P0@10 carried. When the downstream gets
 * room, the next submit runs the processing function on m0, which refuses it
 * with InvalidMessage (it has gone stale while waiting). The handler drops m0;
 * before c8bdbb9 the processor stays paused with nothing to submit, so no
 * successful submit ever resumes P0 and P1: the consumer hangs without an
 * exception. From c8bdbb9 on, the handler resumes the consumer. The fix is
 * in every variant's code, so the release is a parameter here, not a variant.
 */
import type { Params } from '../types.ts';
import type { PauseSetup } from '../../worlds/pause/setup.ts';
import { ACTORS, PAUSE_INVALID_MESSAGE_STUCK_META } from './invalid-message-stuck.meta.ts';
import { numberParam, pauseScenario, timingOf } from './common.ts';

export function invalidSetup(params: Params): PauseSetup {
  return {
    actors: ACTORS,
    protocol: 'eager',
    sc: 'real',
    ours: 2,
    theirs: 0,
    messages: numberParam(params, 'messages'),
    leaderLead: {},
    events: [],
    readyAtMs: numberParam(params, 'readyAtMs'),
    timing: timingOf(params),
    invalid: [{ p: 'P0', offset: 10 }],
    resumeOnInvalid: numberParam(params, 'resumeOnInvalid') === 1,
  };
}

export const PAUSE_INVALID_MESSAGE_STUCK = pauseScenario(
  PAUSE_INVALID_MESSAGE_STUCK_META,
  invalidSetup,
);
