/**
 * The state inspector: every thread's position (pc, line, status, wake time, call
 * depth) and the whole world state as a tree, with what the last step changed
 * highlighted (a path diff of the world before and after it).
 */
import { useMemo } from 'react';
import type { World } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { actorLabel, nextLineOf, useCursor, useRecords, useSim, useWorld } from '../lab/hooks.ts';
import { findDictByName, iteratedDicts } from './classify.ts';
import { changedPaths, withAncestors, type Path } from './pathDiff.ts';
import { StateTree } from './StateTree.tsx';

const NOTHING: ReadonlySet<Path> = new Set();

/** The paths the last step changed, with their ancestors (so a collapsed branch can say so). */
function useChangedPaths(): ReadonlySet<Path> {
  const world = useWorld();
  const before = useWorld(-1);
  return useMemo(() => {
    if (!world || !before || before === world) return NOTHING;
    const state = changedPaths(before.state, world.state, 'state');
    const threads = changedPaths(before.threads, world.threads, 'threads');
    return withAncestors([...state, ...threads]);
  }, [before, world]);
}

export function StateInspector() {
  const sim = useSim();
  const world = useWorld();
  const cursor = useCursor();
  const records = useRecords();
  const iterating = useMemo(() => iteratedDicts(records, cursor), [records, cursor]);
  const changed = useChangedPaths();
  if (!sim || !world) return null;
  const count = [...changed].filter((p) => p.startsWith('state/')).length;
  return (
    <div className="inspector">
      <p className="muted">
        Virtual time {world.nowMs} ms.{' '}
        {cursor === 0
          ? 'The initial world.'
          : changed.size === 0
            ? 'The last step changed no state.'
            : `Highlighted: what step ${cursor} changed${count ? '' : ' (only thread positions)'}.`}
      </p>
      <ThreadTable sim={sim} world={world} changed={changed} />
      <h3>Shared state</h3>
      <StateTree
        label="state"
        value={world.state}
        path="state"
        changed={changed}
        state={world.state}
      />
      <h3>Thread locals</h3>
      {world.threads.map((t, i) => (
        <StateTree
          key={t.actor}
          label={t.actor}
          value={t.locals}
          path={`threads/${i}/locals`}
          changed={changed}
          state={world.state}
          iterDict={iterOf(world.state, iterating.get(t.actor))}
          depth={1}
        />
      ))}
    </div>
  );
}

/** Every thread's position: status, pc, line, wake time and call depth. */
function ThreadTable({
  sim,
  world,
  changed,
}: {
  readonly sim: Simulation;
  readonly world: World<unknown>;
  readonly changed: ReadonlySet<Path>;
}) {
  return (
    <div
      className="table-scroll"
      tabIndex={0}
      role="region"
      aria-label="Threads and where they are"
    >
      <table className="thread-table">
        <thead>
          <tr>
            <th scope="col">Thread</th>
            <th scope="col">Status</th>
            <th scope="col">pc</th>
            <th scope="col">Line</th>
            <th scope="col">Wakes at</th>
            <th scope="col">Depth</th>
          </tr>
        </thead>
        <tbody>
          {world.threads.map((t, i) => {
            const line = nextLineOf(sim, world, i);
            return (
              <tr key={t.actor} className={changed.has(`threads/${i}`) ? 'changed' : undefined}>
                <th scope="row" title={actorLabel(sim, t.actor)}>
                  {t.actor}
                </th>
                <td>{t.status}</td>
                <td>
                  <code>{t.pc}</code>
                </td>
                <td>{line ? `${line.listing}:${line.line} in ${line.fn}` : '?'}</td>
                <td>{t.wakeAtMs} ms</td>
                <td>{t.stack.length}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function iterOf(state: unknown, name: string | undefined) {
  return name === undefined ? null : findDictByName(state, name);
}
