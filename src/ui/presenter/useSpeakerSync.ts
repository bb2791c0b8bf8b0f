/**
 * The audience window's side of the speaker channel (speakerChannel.ts): tells a
 * speaker window which chapter is on screen (and since when the talk runs) and
 * follows the chapters it asks for. Returns a ref to a function that announces the
 * current chapter again, for a speaker window just opened.
 */
import { useEffect, useRef, useState } from 'react';
import { openChannel } from './speakerChannel.ts';

export function useSpeakerSync(deckKey: string, index: number, go: (i: number) => void) {
  const [startedAt] = useState(() => Date.now());
  const announce = useRef<() => void>(() => undefined);
  const goRef = useRef(go);
  const indexRef = useRef(index);
  useEffect(() => {
    goRef.current = go;
    indexRef.current = index;
  });
  useEffect(() => {
    const channel = openChannel(deckKey, (m) => {
      if (m.kind === 'go') goRef.current(m.index);
      else if (m.kind === 'hello') announce.current();
    });
    announce.current = () => channel?.post({ kind: 'at', index: indexRef.current, startedAt });
    return () => channel?.close();
  }, [deckKey, startedAt]);
  useEffect(() => announce.current(), [index]);
  return announce;
}
