/**
 * What "a clear message" means for the fuzzers: one or more sentences a person can
 * read, not a leaked exception, not an echo of a huge hostile value, and not a
 * placeholder such as `undefined` or `[object Object]` standing where a value
 * should be. Values the message quotes back (in double quotes) are not judged.
 */
const MAX_MESSAGE_LENGTH = 600;
const LEAKS = [/\bundefined\b/, /\bNaN\b/, /\[object \w+\]/, /\b\w*Error: /, /\bat \S+ \(/];

/** Null when `text` is a clear message, else what is wrong with it. */
export function messageProblem(text: unknown): string | null {
  if (typeof text !== 'string') return `not a string: ${typeof text}`;
  const trimmed = text.trim();
  if (trimmed.length < 12) return `too short: ${JSON.stringify(text)}`;
  if (trimmed.length > MAX_MESSAGE_LENGTH) return `too long: ${trimmed.length} characters`;
  if (!/^["A-Z]/.test(trimmed)) return `does not start a sentence: ${trimmed.slice(0, 40)}`;
  if (!/[.]$/.test(trimmed)) return `does not end a sentence: ${trimmed.slice(-40)}`;
  const unquoted = trimmed.replace(/"[^"]*"/g, '""');
  const leak = LEAKS.find((pattern) => pattern.test(unquoted));
  return leak ? `leaks ${leak.source}: ${trimmed}` : null;
}
