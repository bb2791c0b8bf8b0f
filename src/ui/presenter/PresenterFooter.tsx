/** Presenter mode's footer: the moves a mouse needs, and the keys that do the same. */
import { BackNext } from '../common/BackNext.tsx';
import type { Deck } from './deck.ts';
import { PRESENTER_KEY_HELP } from './keys.ts';

export interface PresenterFooterProps {
  readonly deck: Deck;
  readonly index: number;
  readonly go: (i: number) => void;
  readonly notesOpen: boolean;
  readonly toggleNotes: () => void;
  readonly openSpeaker: () => void;
}

export function PresenterFooter(props: PresenterFooterProps) {
  const { deck, index, go, notesOpen, toggleNotes, openSpeaker } = props;
  return (
    <footer className="presenter-help">
      <div className="control-row">
        <BackNext index={index} count={deck.slides.length} go={go} />
        <button type="button" aria-pressed={notesOpen} onClick={toggleNotes}>
          Notes
        </button>
        <button type="button" onClick={openSpeaker}>
          Speaker window
        </button>
        <a href={deck.exitHref(index)}>Leave presenter mode</a>
      </div>
      <p className="muted">{PRESENTER_KEY_HELP.map((h) => `${h.keys}: ${h.does}`).join(' · ')}</p>
    </footer>
  );
}
