/**
 * The buffer's dicts after the shown step, keys in the dict's own order, with the keys
 * this step changed marked, and who holds which lock.
 */
import type { TraceStep } from '../../fixlab/protocol.ts';
import { changedKeys } from './stepView.ts';

export function BufferView({
  step,
  previous,
}: {
  readonly step: TraceStep;
  readonly previous: TraceStep | undefined;
}) {
  const dicts = Object.entries(step.buffer);
  const locks = Object.entries(step.locks);
  return (
    <div className="fix-buffer">
      {dicts.length === 0 ? <p className="muted">The buffer has no dicts yet.</p> : null}
      {dicts.map(([name, entries]) => {
        const changed = changedKeys(previous, step, name);
        const keys = Object.entries(entries);
        return (
          <table key={name} className="fix-dict">
            <caption>
              <code>self.{name}</code> ({keys.length} {keys.length === 1 ? 'key' : 'keys'})
            </caption>
            <tbody>
              {keys.length === 0 ? (
                <tr>
                  <td colSpan={2} className="muted">
                    empty
                  </td>
                </tr>
              ) : null}
              {keys.map(([key, value]) => (
                <tr key={key} className={changed.has(key) ? 'fix-changed' : undefined}>
                  <th scope="row">
                    <code>{key}</code>
                  </th>
                  <td className="num">
                    {String(value)}
                    {changed.has(key) ? <span className="visually-hidden"> (changed)</span> : null}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        );
      })}
      {locks.length > 0 ? (
        <ul className="fix-locks">
          {locks.map(([lock, holder]) => (
            <li key={lock}>
              <code>{lock}</code>: {holder === null ? 'free' : `held by ${holder}`}
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
