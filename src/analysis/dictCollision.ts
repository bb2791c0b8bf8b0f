/**
 * "dictionary changed size during iteration": the thread whose items iterator
 * raised (the victim) and the other thread's write that changed the dict's
 * size under it (the culprit). Read from the dict lanes and the same rule the
 * timeline's conflict arrows use (arrows.ts, `iteratorBreak`), so the arrow and
 * the words always name the same two steps.
 */
import { shortKey } from '../worlds/metrics/state.ts';
import { iteratorBreak } from './arrows.ts';
import { buildDictLanes, type DictPoint } from './dict-lanes.ts';
import { lineWords, sideAt } from './sides.ts';
import { crashStep, stepWords } from './steps.ts';
import type { Collision, CollisionInput } from './types.ts';

type CrashLike = CollisionInput['crashes'][number];

export function dictCollision(input: CollisionInput, crash: CrashLike): Collision | null {
  for (const lane of buildDictLanes(input.records)) {
    for (const span of lane.iterators) {
      if (span.failedStep !== crash.step || span.actor !== crash.actor) continue;
      const hit = iteratorBreak(lane, span);
      if (!hit) continue;
      const victim = sideAt(
        input,
        hit.read.step,
        `${hit.read.actor} asks the ${lane.dict} iterator for its next item`,
      );
      const culprit = sideAt(input, hit.write.step, writeWords(hit.write, lane.dict));
      if (!victim || !culprit) return null;
      return {
        kind: 'dict-resize',
        outcome: `crash:${crash.type}@${crash.actor}`,
        outcomeStep: crashStep(crash),
        victim,
        culprit,
        related: [],
        roles: { victim: 'Crashed here', culprit: 'Changed the dict here' },
        summary:
          `${victim.actor}'s loop over ${lane.dict}.items() recorded ${span.recordedSize} ` +
          `${span.recordedSize === 1 ? 'key' : 'keys'}. At ${stepWords(culprit.step)} ${culprit.action} ` +
          `(${lineWords(culprit.code)}), leaving ${hit.write.size}. At ${stepWords(victim.step)} ` +
          `${victim.action} (${lineWords(victim.code)}) and gets ${crash.type}.`,
        arrowLabel: `${hit.write.op === 'clear' ? 'cleared' : 'resized'} ${lane.dict} under the iterator`,
      };
    }
  }
  return null;
}

function writeWords(write: DictPoint, dict: string): string {
  if (write.op === 'clear') return `${write.actor} clears ${dict}`;
  const key = write.key === null ? 'a key' : `'${shortKey(write.key)}'`;
  if (write.op === 'insert' || write.op === 'lookup') {
    return `${write.actor} adds ${key} to ${dict} (a defaultdict miss inserts it)`;
  }
  return `${write.actor} changes ${dict}, which now has ${write.size} keys`;
}
