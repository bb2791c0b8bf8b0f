/**
 * How messages about untrusted input quote what they were given: cut to 40
 * characters, so a crafted link or file cannot fill the screen (or a 600-character
 * message budget) with its own text.
 */

const MAX_QUOTED_CHARS = 40;

/** `text`, cut to 40 characters with an ellipsis when it is longer. */
export function clip(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}

/** A given value for a message: text in quotes, a number as written, anything else as JSON. */
export function quoted(value: unknown): string {
  if (typeof value === 'string') return `"${clip(value)}"`;
  if (typeof value === 'number') return String(value);
  // A value read from JSON stringifies; anything else may throw or give undefined.
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    json = undefined;
  }
  return clip(json ?? `a value of type ${typeof value}`);
}
