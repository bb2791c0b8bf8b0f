/**
 * Compare: the same interleaving, thread for thread, on two implementations side by
 * side (the buggy code and a fix, say). Each side shows how its run ends, a strip of
 * its steps on an x scale shared with the other side, and the code of the step at the
 * cursor with its line marked, so the eye can go back and forth between the two. The
 * first step where the runs part is marked on both strips and named above them, with
 * a jump there. The cursor is the lab's own: stepping moves both sides in lockstep.
 */
import { VARIANT_WORDS } from '../common/words.ts';
import { useEffect, useId, useMemo } from 'react';
import { naturalScheduler, type Run } from '../../engine/index.ts';
import { VARIANT_IDS, type VariantId } from '../../scenarios/index.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { firstDivergence, lockstepRun } from '../../store/lockstep.ts';
import { MAX_NATURAL_STEPS } from '../../store/runSlice.ts';
import { CodeView, type LineMarker } from '../code/CodeView.tsx';
import { useCursor, useSim } from '../lab/hooks.ts';
import { actorOfStep, ending, lineOfStep } from './compareText.ts';
import { RunStrip } from './RunStrip.tsx';

export function SplitPanel() {
  const sim = useSim();
  const cursor = useCursor();
  const revision = useLab((s) => s.revision);
  const other = useLab((s) => s.splitVariant);
  const store = useLabStore();
  const selectId = useId();

  useEffect(() => {
    // Opened with nothing chosen: compare with a fix (or, from a fix, with the buggy code).
    if (sim && store.getState().splitVariant === null) {
      store.getState().setSplitVariant(sim.variant === 'buggy' ? 'correct' : 'buggy');
    }
  }, [sim, store]);

  const split = useMemo(() => {
    void revision;
    if (!sim || other === null || other === sim.variant) return null;
    try {
      const program = sim.def.build(other, sim.params, sim.gil);
      const { run, forced } = lockstepRun(program, sim.gil, sim.run.threadsPerStep());
      // Past the shared schedule, the other side goes on as time takes it, to its end.
      if (sim.run.ended) run.extend(naturalScheduler, MAX_NATURAL_STEPS);
      return { run, forced, divergence: firstDivergence(sim.run, run), error: null };
    } catch (error) {
      return { run: null, forced: [], divergence: null, error: String(error) };
    }
  }, [sim, other, revision]);

  if (!sim) return null;
  const choices = VARIANT_IDS.filter((v) => v !== sim.variant);
  const seek = (at: number) => store.getState().seek(at);
  const divergence = split?.divergence ?? null;

  return (
    <div className="split">
      <div className="split-pick control-row">
        <label htmlFor={selectId}>Compare {VARIANT_WORDS[sim.variant]} with</label>
        <select
          id={selectId}
          value={other ?? ''}
          onChange={(e) =>
            store.getState().setSplitVariant((e.target.value || null) as VariantId | null)
          }
        >
          <option value="">(nothing)</option>
          {choices.map((v) => (
            <option key={v} value={v}>
              {VARIANT_WORDS[v]}
            </option>
          ))}
        </select>
        <span className="muted">on the same schedule: the same thread runs at every step.</span>
      </div>
      {split?.error ? (
        <p role="alert">The other implementation could not be built: {split.error}</p>
      ) : null}
      {split?.run && other ? (
        <>
          <p className={`split-summary${divergence ? ' split-parts' : ''}`} role="status">
            {divergence === null
              ? 'The two runs agree at every step.'
              : `They first part at step ${divergence.step + 1}: ${divergence.reason}. `}
            {divergence !== null ? (
              <button type="button" onClick={() => seek(divergence.step + 1)}>
                Jump to step {divergence.step + 1}
              </button>
            ) : null}
          </p>
          {split.forced.length > 0 ? (
            <p className="muted">
              At {split.forced.length} step{split.forced.length === 1 ? '' : 's'} the thread of this
              run could not run on the other side; it took its natural choice there.
            </p>
          ) : null}
          <div className="split-sides">
            {[
              { run: sim.run, variant: sim.variant },
              { run: split.run, variant: other },
            ].map((side) => (
              <SplitSide
                key={side.variant}
                run={side.run}
                name={VARIANT_WORDS[side.variant]}
                steps={Math.max(sim.run.length, split.run?.length ?? 0)}
                cursor={cursor}
                divergeAt={divergence?.step ?? null}
                onSeek={seek}
              />
            ))}
          </div>
        </>
      ) : null}
    </div>
  );
}

interface SideProps {
  readonly run: Run<unknown>;
  readonly name: string;
  readonly steps: number;
  readonly cursor: number;
  readonly divergeAt: number | null;
  readonly onSeek: (at: number) => void;
}

function SplitSide({ run, name, steps, cursor, divergeAt, onSeek }: SideProps) {
  const end = ending(run);
  const index = Math.min(cursor, run.length) - 1;
  const line = lineOfStep(run, index);
  const actor = actorOfStep(run, index);
  const thread = index >= 0 && index < run.length ? run.threadAt(index) : 0;
  const listing = line ? run.program.listings[line.listing] : undefined;
  const crashedHere = run.last.crashes.some((c) => c.step === index);
  const markers = new Map<number, LineMarker[]>();
  if (line && actor) markers.set(line.line, [{ thread, label: actor, crashed: crashedHere }]);
  const headingId = useId();

  return (
    <section className="split-side" aria-labelledby={headingId}>
      <h3 id={headingId}>{name}</h3>
      <p className={`split-ending ending-${end.kind}`}>
        {end.text}
        {end.at !== null ? (
          <>
            {' '}
            <button type="button" onClick={() => onSeek(end.at ?? 0)}>
              Go there
            </button>
          </>
        ) : null}
      </p>
      <RunStrip
        run={run}
        name={name}
        steps={steps}
        cursor={cursor}
        divergeAt={divergeAt}
        onSeek={onSeek}
      />
      <p className="split-step">
        {index < 0
          ? 'Before the first step.'
          : index >= run.length
            ? `This run ended after ${run.length} steps.`
            : `Step ${index + 1}: ${actor} runs ${line ? `${line.listing}:${line.line}` : run.pcAt(index)}${crashedHere ? ` and raises ${run.last.crashes[0]?.type}` : ''}.`}
        {divergeAt !== null && index === divergeAt ? (
          <strong className="split-here"> The runs part here.</strong>
        ) : null}
      </p>
      {listing ? (
        <CodeView
          title={`${listing.title} (${name})`}
          lines={listing.lines}
          diff={null}
          markers={markers}
          focusLine={line?.line ?? null}
        />
      ) : null}
    </section>
  );
}
