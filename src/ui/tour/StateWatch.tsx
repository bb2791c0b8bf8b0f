/**
 * The piece of world state a chapter points at, with its value now and, when the
 * step just taken changed it, its value before.
 */
import { valueAtPath } from '../../tours/position.ts';
import { useWorld } from '../lab/hooks.ts';
import { pyRepr } from './repr.ts';

export function StateWatch({ path }: { readonly path: string }) {
  const world = useWorld();
  const before = useWorld(-1);
  if (!world) return null;
  const now = valueAtPath(world.state, path);
  const was = before && before !== world ? valueAtPath(before.state, path) : now;
  const changed = pyRepr(was) !== pyRepr(now);
  return (
    <p className={`state-watch${changed ? ' state-watch-changed' : ''}`}>
      <span className="muted">State </span>
      <code>{path.replace(/\//g, '.')}</code> = <code className="state-value">{pyRepr(now)}</code>
      {changed ? (
        <span className="state-was">
          {' '}
          (was <code>{pyRepr(was)}</code> before the last step)
        </span>
      ) : null}
    </p>
  );
}
