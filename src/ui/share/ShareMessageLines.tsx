/**
 * What the share panel's last action said: a status line (always present, so screen
 * readers announce changes), and a refusal in a role=alert paragraph, with a link to
 * open the scenario fresh when the refused file came from another version.
 */
import { freshLabHash } from '../../routes/link.ts';
import type { ShareMessage } from './shareActions.ts';

export function ShareMessageLines({ message }: { readonly message: ShareMessage | null }) {
  return (
    <>
      <div role="status" className="share-status">
        {message?.kind === 'status' ? message.text : ''}
      </div>
      {message?.kind === 'alert' ? (
        <p role="alert">
          {message.text}
          {message.fresh ? (
            <>
              {' '}
              <a href={freshLabHash(message.fresh)}>Open the scenario fresh</a>
            </>
          ) : null}
        </p>
      ) : null}
    </>
  );
}
