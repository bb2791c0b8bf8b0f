/** The link to this exact step, in a read-only field that selects itself, with a copy button. */
import { useId, useRef } from 'react';

export function ShareLinkField(props: {
  readonly href: string;
  /** Gets the field, to select it where copying is not allowed. */
  readonly onCopy: (field: HTMLInputElement | null) => void;
}) {
  const id = useId();
  const field = useRef<HTMLInputElement>(null);
  return (
    <div className="share-link">
      <label htmlFor={id}>Link to this exact step</label>
      <div className="control-row">
        <input
          id={id}
          ref={field}
          className="link-field"
          type="text"
          readOnly
          value={props.href}
          onFocus={(e) => e.target.select()}
        />
        <button type="button" className="primary" onClick={() => props.onCopy(field.current)}>
          Copy link
        </button>
      </div>
    </div>
  );
}
