/**
 * Sharing: a link that carries the editor's code (compressed) and, when a step-through
 * is open, its schedule. Whoever opens it sees the code and runs nothing until they
 * press Check.
 */
import { useState } from 'react';
import { fixLinkHash } from '../../routes/fixLink.ts';

export function FixShare({
  race,
  code,
  counterexample,
}: {
  readonly race: string;
  readonly code: string;
  readonly counterexample: string | null;
}) {
  const [made, setMade] = useState<{ link: string; code: string; cx: string | null } | null>(null);
  const [note, setNote] = useState<string | null>(null);
  // A link made for other code (or another counterexample) is not shown.
  const link = made && made.code === code && made.cx === counterexample ? made.link : null;

  const make = async (): Promise<void> => {
    const hash = await fixLinkHash(race, { code, counterexample });
    const full = `${window.location.href.split('#')[0] ?? ''}${hash}`;
    setMade({ link: full, code, cx: counterexample });
    try {
      await navigator.clipboard.writeText(full);
      setNote('Copied to the clipboard.');
    } catch {
      setNote('Select the link and copy it.');
    }
  };

  return (
    <section className="panel fix-share" aria-labelledby="fix-share-title">
      <h2 id="fix-share-title">Share</h2>
      <p className="muted">
        The link carries your code
        {counterexample ? ' and the counterexample you are stepping through' : ''}. It runs nothing
        when opened: the code is shown until the person presses Check.
      </p>
      <button type="button" onClick={() => void make()}>
        {counterexample
          ? 'Make a link to this code and counterexample'
          : 'Make a link to this code'}
      </button>
      {link !== null ? (
        <>
          <label className="fix-link-field">
            Link{' '}
            <input type="text" readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
          </label>
          <p role="status" className="muted">
            {note} {link.length.toLocaleString('en-US')} characters.
          </p>
        </>
      ) : null}
    </section>
  );
}
