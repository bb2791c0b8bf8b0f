/**
 * Outcome keys in plain words, for the outcomes list, the crash button and the
 * callout: `crash:RuntimeError@stuck` is "The stuck detector dies",
 * `violation:metrics-conservation` is "Increments lost without an error",
 * `ok` is "Works"; and the sentences that carry schedule counts, written by the one
 * count formatter so a rounded count reads as an estimate.
 */
import { countNoun, countText, isExactCount } from '../explorer/countText.ts';

const THREAD_NAMES: Readonly<Record<string, string>> = {
  main: 'Main',
  stuck: 'The stuck detector',
  coordinator: 'The coordinator',
  commitlog: 'The commit-log worker',
  strategy: 'The strategy',
  producer: 'The producer',
};

const VIOLATION_WORDS: Readonly<Record<string, string>> = {
  'metrics-conservation': 'Increments lost without an error',
  'message-loss': 'A message lost without an error',
  'flag-consistency': 'The paused flag goes wrong without an error',
  'paused-forever': 'A partition stays paused for good',
  liveness: 'The consumer stops making progress',
  duplicate: 'A message processed twice',
  'carried-message': 'A message of a revoked partition kept',
};

export function threadName(actor: string): string {
  return THREAD_NAMES[actor] ?? actor;
}

/** "The stuck detector dies", "Increments lost without an error", "Works". */
export function outcomeWords(key: string): string {
  if (key === 'ok') return 'Works';
  if (key.startsWith('crash:')) {
    const at = key.lastIndexOf('@');
    return `${threadName(key.slice(at + 1))} dies`;
  }
  const id = key.slice('violation:'.length);
  return VIOLATION_WORDS[id] ?? `The ${id} invariant breaks`;
}

/** The exception type of a crash key ("RuntimeError"), or null. */
export function crashType(key: string): string | null {
  if (!key.startsWith('crash:')) return null;
  return key.slice('crash:'.length, key.lastIndexOf('@'));
}

/** "52 of 1,159 schedules", "52 of about 4.09 × 10¹⁸ schedules" */
export function shareWords(count: number, total: number): string {
  return `${countText(count)} of ${countNoun(total, 'schedule')}`;
}

/**
 * When no schedule goes wrong: "Every one of 1,159 schedules works"; "All of about 1.05 ×
 * 10²¹ schedules work" when the count is rounded (it is not "every one of" a number we do
 * not know exactly); "All 1,159 schedules searched work" when the search stopped early.
 */
export function allWorkWords(schedules: number, complete: boolean): string {
  const searched = complete ? '' : ' searched';
  if (schedules === 1) return `The one schedule${searched} works`;
  if (!isExactCount(schedules)) return `All of ${countNoun(schedules, 'schedule')}${searched} work`;
  if (!complete) return `All ${countNoun(schedules, 'schedule')} searched work`;
  return `Every one of ${countNoun(schedules, 'schedule')} works`;
}
