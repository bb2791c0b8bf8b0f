/**
 * Each thread's code in a column of its own, side by side, as in The Deadlock Empire:
 * the column's head names the thread, says whether it can run, and has the button that
 * runs exactly its next step (forking the schedule when the recorded history would
 * have run another thread). The code below follows the thread: it shows the listing of
 * the line the thread runs next and marks that line. The column of the thread that
 * just moved is wider and outlined, so the eye lands where the change happened. For a
 * fixed implementation the code can show what it changes from the buggy one.
 */
import { useMemo } from 'react';
import { naturalChoice } from '../../engine/index.ts';
import { useLab } from '../../store/context.tsx';
import { buggyProgram } from '../code/buggyDiff.ts';
import {
  parseEnabled,
  useCursor,
  useEnabledKey,
  useLastRecord,
  useRunLength,
  useSim,
  useWorld,
} from '../lab/hooks.ts';
import { marksOf, useCollision } from '../../store/collision.ts';
import { highlightsOf } from './highlights.ts';
import { ThreadColumn } from './ThreadColumn.tsx';

export interface ThreadColumnsProps {
  /** Only the thread that moved last, and the collision's threads (the phone's story). */
  readonly onlyMoved?: boolean;
}

export function ThreadColumns({ onlyMoved = false }: ThreadColumnsProps) {
  const sim = useSim();
  const world = useWorld();
  const cursor = useCursor();
  const length = useRunLength();
  const record = useLastRecord();
  const enabled = parseEnabled(useEnabledKey());
  const showDiff = useLab((s) => s.showDiff);
  // The collision is cached per run, so it is a stable value to derive the marks from.
  const collision = useCollision();
  const marks = useMemo(() => marksOf(collision), [collision]);
  const buggy = useMemo(() => (sim && showDiff ? buggyProgram(sim) : null), [sim, showDiff]);
  if (!sim || !world) return null;
  const moved = record ? world.threads.findIndex((t) => t.actor === record.actor) : -1;
  const recordedNext = cursor < length ? sim.run.threadAt(cursor) : -1;
  const natural = enabled.length > 0 ? naturalChoice(sim.program, world, enabled) : -1;
  const highlights = highlightsOf(marks, sim.program.actors, cursor);
  const focus = moved >= 0 ? moved : recordedNext >= 0 ? recordedNext : 0;
  // On a phone: the thread that moved, and the other side of the collision when it shows.
  const shown = world.threads
    .map((_, i) => i)
    .filter((i) => !onlyMoved || i === focus || highlights.has(i));

  return (
    <div className="thread-columns" role="group" aria-label="Threads and their code">
      {shown.map((i) => (
        <ThreadColumn
          key={world.threads[i]?.actor ?? i}
          sim={sim}
          world={world}
          index={i}
          moved={i === moved}
          canRun={enabled.includes(i)}
          next={i === recordedNext ? 'next in this run' : i === natural ? 'natural choice' : null}
          highlight={highlights.get(i) ?? null}
          buggy={buggy}
        />
      ))}
    </div>
  );
}
