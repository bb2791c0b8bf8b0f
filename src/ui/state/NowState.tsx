/**
 * The shared state that matters at this step, as a few labelled facts (nowFacts.ts),
 * with what the last step changed highlighted and anything about to go wrong in the
 * danger colour. The whole world, as a tree, is in the inspector tab of the drawer.
 */
import { useMemo } from 'react';
import { useCursor, useRecords, useWorld } from '../lab/hooks.ts';
import { iteratedDicts } from './classify.ts';
import { nowFacts } from './nowFacts.ts';

export function NowState() {
  const world = useWorld();
  const before = useWorld(-1);
  const cursor = useCursor();
  const records = useRecords();
  const iterating = useMemo(() => iteratedDicts(records, cursor), [records, cursor]);
  const groups = useMemo(() => (world ? nowFacts(world, iterating) : []), [world, iterating]);
  const previous = useMemo(() => {
    if (!before || before === world) return null;
    const out = new Map<string, string>();
    for (const g of nowFacts(before, iteratedDicts(records, Math.max(0, cursor - 1)))) {
      for (const f of g.facts) out.set(f.key, f.value);
    }
    return out;
  }, [before, world, records, cursor]);
  if (!world) return null;

  return (
    <div className="now-state">
      <p className="muted now-clock">Virtual time {world.nowMs} ms</p>
      {groups.map((g) => (
        <div key={g.title} className="now-group">
          <h3>{g.title}</h3>
          <dl>
            {g.facts.map((f) => {
              const changed = previous !== null && previous.get(f.key) !== f.value;
              return (
                <div
                  key={f.key}
                  className={`now-fact tone-${f.tone}${changed ? ' changed' : ''}`}
                  data-fact={f.key}
                >
                  <dt>
                    {f.label}
                    {changed ? <span className="visually-hidden"> (just changed)</span> : null}
                  </dt>
                  <dd>
                    <code>{f.value}</code>
                    {f.note ? <span className="now-note">{f.note}</span> : null}
                  </dd>
                </div>
              );
            })}
          </dl>
        </div>
      ))}
    </div>
  );
}
