/**
 * The speaker's window of presenter mode (`s` opens it): the chapter on screen
 * with its notes and the answer to its question, the next chapter, the time
 * since the talk started, and Back and Next. It follows the audience window and
 * moves it, over a BroadcastChannel; nothing here ever shows in the room.
 */
import { useEffect, useRef, useState } from 'react';
import { InlineText } from '../tour/Annotation.tsx';
import type { Deck } from './deck.ts';
import { matchPresenterKey } from './keys.ts';
import { formatElapsed, openChannel, type SpeakerMessage } from './speakerChannel.ts';

export function SpeakerView({ deck, deckKey }: { readonly deck: Deck; readonly deckKey: string }) {
  const [index, setIndex] = useState(deck.start);
  const [startedAt, setStartedAt] = useState<number | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const channel = useRef<ReturnType<typeof openChannel>>(null);
  const count = deck.slides.length;

  useEffect(() => {
    const c = openChannel(deckKey, (m: SpeakerMessage) => {
      if (m.kind !== 'at') return;
      setIndex(Math.max(0, Math.min(count - 1, m.index)));
      setStartedAt(m.startedAt);
    });
    channel.current = c;
    c?.post({ kind: 'hello' });
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => {
      c?.close();
      window.clearInterval(timer);
    };
  }, [deckKey, count]);

  const go = (i: number) => {
    const to = Math.max(0, Math.min(count - 1, i));
    setIndex(to);
    channel.current?.post({ kind: 'go', index: to });
  };
  const goRef = useRef(go);
  const indexRef = useRef(index);
  useEffect(() => {
    goRef.current = go;
    indexRef.current = index;
  });
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target instanceof HTMLElement ? e.target : null;
      const action = matchPresenterKey({
        key: e.key,
        ctrlKey: e.ctrlKey,
        altKey: e.altKey,
        metaKey: e.metaKey,
        targetTag: target?.tagName ?? 'BODY',
        targetEditable: target?.isContentEditable ?? false,
        targetRole: target?.getAttribute('role') ?? null,
      });
      const moves: Partial<Record<string, number>> = {
        next: indexRef.current + 1,
        previous: indexRef.current - 1,
        first: 0,
        last: count - 1,
      };
      const to = action ? moves[action] : undefined;
      if (to === undefined) return;
      e.preventDefault();
      goRef.current(to);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [count]);

  const slide = deck.slides[index];
  const next = deck.slides[index + 1];
  const q = slide?.chapter.question;
  const right = q?.choices.find((c) => c.correct);
  return (
    <main className="speaker-view" aria-labelledby="speaker-title">
      <title>{`Speaker notes · ${deck.title}`}</title>
      <p className="speaker-meta">
        <span>{deck.title}</span>{' '}
        <span className="speaker-elapsed" aria-label="Elapsed time">
          {startedAt === null
            ? 'Waiting for the audience window…'
            : `Elapsed ${formatElapsed(now - startedAt)}`}
        </span>
      </p>
      <h1 id="speaker-title">
        <span className="speaker-count">
          Chapter {index + 1} of {count}:
        </span>{' '}
        {slide?.chapter.title}
      </h1>
      <section aria-label="Notes for this chapter" className="speaker-notes">
        {slide?.chapter.notes ? (
          <p>{slide.chapter.notes}</p>
        ) : (
          <p className="muted">No notes for this chapter.</p>
        )}
        {q && right ? (
          <p>
            <strong>Answer:</strong> <InlineText text={`${right.text}. ${right.feedback}`} />
          </p>
        ) : null}
      </section>
      <p className="speaker-next">
        <strong>Next:</strong> {next ? next.chapter.title : 'this is the last chapter.'}
      </p>
      <div className="control-row">
        <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
          ◀ Back
        </button>
        <button type="button" onClick={() => go(index + 1)} disabled={index === count - 1}>
          Next ▶
        </button>
      </div>
    </main>
  );
}
