/**
 * The line between the audience window and the speaker window of one
 * presentation: a BroadcastChannel (same origin, no server) carrying which
 * chapter is on screen and since when the talk runs. Either window may move the
 * talk; the audience window is the one that decides and tells the other.
 */

export type SpeakerMessage =
  | { readonly kind: 'at'; readonly index: number; readonly startedAt: number }
  | { readonly kind: 'go'; readonly index: number }
  | { readonly kind: 'hello' };

export function channelName(deckKey: string): string {
  return `arroyo-race-lab-presenter:${deckKey}`;
}

export function isSpeakerMessage(data: unknown): data is SpeakerMessage {
  if (typeof data !== 'object' || data === null) return false;
  const m = data as Record<string, unknown>;
  if (m['kind'] === 'hello') return true;
  if (m['kind'] === 'go') return Number.isInteger(m['index']);
  return m['kind'] === 'at' && Number.isInteger(m['index']) && typeof m['startedAt'] === 'number';
}

/** Opens the channel, or returns null where the browser has no BroadcastChannel. */
export function openChannel(
  deckKey: string,
  onMessage: (m: SpeakerMessage) => void,
): { post(m: SpeakerMessage): void; close(): void } | null {
  if (typeof BroadcastChannel === 'undefined') return null;
  const channel = new BroadcastChannel(channelName(deckKey));
  channel.onmessage = (event: MessageEvent<unknown>) => {
    if (isSpeakerMessage(event.data)) onMessage(event.data);
  };
  return { post: (m) => channel.postMessage(m), close: () => channel.close() };
}

/** The speaker window's address: the slide's own, marked as the speaker's view. */
export function speakerHref(slideHref: string): string {
  return `${slideHref}${slideHref.includes('?') ? '&' : '?'}view=speaker`;
}

/** "12:05" for 725 s. */
export function formatElapsed(ms: number): string {
  const s = Math.max(0, Math.floor(ms / 1000));
  const minutes = Math.floor(s / 60);
  return `${minutes}:${String(s % 60).padStart(2, '0')}`;
}
