/**
 * Plain words for the few terms the models use internally, so the interface never shows
 * unexplained jargon: switch modes read as Python versions, a scenario's origin reads as
 * where it comes from, and sentences written for the model's authors ("the seed's
 * fix", "the V1c pre-check", "SC") are reworded where they are shown. (Citations of
 * the planning notes are gone from the data itself: src/reliability/citations.test.ts.) "Seed" is left to mean one thing only: the random seed of a schedule.
 */
import type { SwitchMode } from '../../engine/index.ts';
import type { VariantId } from '../../scenarios/index.ts';

export const SWITCH_MODE_WORDS: Readonly<Record<SwitchMode, string>> = {
  py311: 'Python 3.11 (GIL)',
  py39: 'Python 3.9 (GIL)',
  'free-threaded': 'Python 3.13 free-threaded (no GIL)',
};

export const SWITCH_MODE_HELP: Readonly<Record<SwitchMode, string>> = {
  py311:
    'Threads take turns under the global interpreter lock (GIL) and switch only at calls, loop back-edges and blocking calls, as CPython 3.11 and later do.',
  py39: 'Threads take turns under the GIL and may switch between any two bytecodes, as CPython 3.9 did: one line such as d[k] += v can be split.',
  'free-threaded':
    'No GIL (CPython 3.13t): threads really run at once, and even list(d.items()) is no longer one uninterruptible step.',
};

const REWRITES: ReadonlyArray<readonly [RegExp, string]> = [
  [/\b(and )?scenario (\d)(,| of)/g, '$1case $2$3'],
  [/\bthe seed's fix\b/gi, 'the fix first proposed'],
  [/\bThe seed's fix\b/g, 'The fix first proposed'],
  [/\bseed's\b/gi, "bug report's"],
  [/\bthe V1c pre-check\b/g, 'the check before the poll'],
  [/\bV1c\b/g, 'the pre-poll check'],
  [/\bmodel of V(\d+)\b/g, 'model of version $1'],
  [/\bWhat-if from\b/g, 'Hypothetical, from'],
  [/^What-if: /, ''],
  [/\bwhat-if\b/gi, 'hypothetical'],
  [/\bEngine decides \(measured\): /g, 'Measured: '],
  [/\bSC\b/g, 'the SynchronizedConsumer'],
];

/** Rewrites model-author jargon in a sentence shown to readers. */
export function plainWords(text: string): string {
  let out = text;
  for (const [pattern, replacement] of REWRITES) out = out.replace(pattern, replacement);
  out = out.replace(/\s{2,}/g, ' ').trim();
  // A sentence that began with a capital still does after its first words were reworded.
  return /^[A-Z]/.test(text) ? out.charAt(0).toUpperCase() + out.slice(1) : out;
}

/** The four implementations, named for readers (the URL keeps the short ids). */
export const VARIANT_WORDS: Readonly<Record<VariantId, string>> = {
  buggy: 'Buggy (as shipped)',
  'seed-fix': 'The first proposed fix',
  upstream: "arroyo's own fix",
  correct: 'A correct fix',
};

/**
 * An explorer outcome key in words: `crash:RuntimeError@stuck` reads "stuck dies with
 * RuntimeError", `violation:metrics-conservation` "metrics-conservation breaks (no
 * crash)", `ok` "works".
 */
export function outcomeWords(key: string): string {
  if (key === 'ok') return 'works';
  const crash = /^crash:([^@]+)@(.+)$/.exec(key);
  if (crash) return `${crash[2]} dies with ${crash[1]}`;
  const broke = /^violation:(.+)$/.exec(key);
  if (broke) return `${broke[1]} breaks (no crash)`;
  return key;
}
