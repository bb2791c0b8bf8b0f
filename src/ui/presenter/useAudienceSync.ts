/**
 * The speaker window's side of the speaker channel (speakerChannel.ts): says hello
 * so the audience window announces where the talk is, follows the chapter it puts
 * on screen, and moves it. The chapter is kept inside the deck whatever arrives.
 */
import { useEffect, useRef, useState } from 'react';
import { openChannel, type SpeakerMessage } from './speakerChannel.ts';

export interface AudienceSync {
  readonly index: number;
  /** When the audience window started the talk, or null before it has said. */
  readonly startedAt: number | null;
  readonly go: (i: number) => void;
}

export function useAudienceSync(deckKey: string, count: number, start: number): AudienceSync {
  const [index, setIndex] = useState(start);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const channel = useRef<ReturnType<typeof openChannel>>(null);

  useEffect(() => {
    const c = openChannel(deckKey, (m: SpeakerMessage) => {
      if (m.kind !== 'at') return;
      setIndex(inDeck(m.index, count));
      setStartedAt(m.startedAt);
    });
    channel.current = c;
    c?.post({ kind: 'hello' });
    return () => c?.close();
  }, [deckKey, count]);

  const go = (i: number) => {
    const to = inDeck(i, count);
    setIndex(to);
    channel.current?.post({ kind: 'go', index: to });
  };
  return { index, startedAt, go };
}

function inDeck(i: number, count: number): number {
  return Math.max(0, Math.min(count - 1, i));
}
