/**
 * Compare: the same interleaving, thread for thread, on two implementations side by
 * side (the buggy code and a fix, say). Each side shows how its run ends, a strip of
 * its steps on an x scale shared with the other side, and the code of the step at the
 * cursor with its line marked, so the eye can go back and forth between the two. The
 * first step where the runs part is marked on both strips and named above them, with
 * a jump there. The cursor is the lab's own: stepping moves both sides in lockstep.
 */
import { VARIANT_WORDS } from '../common/words.ts';
import { useId } from 'react';
import type { Run } from '../../engine/index.ts';
import { VARIANT_IDS, type VariantId } from '../../scenarios/index.ts';
import { useLabStore } from '../../store/context.tsx';
import type { Divergence } from '../../store/lockstep.ts';
import { CodeView, type LineMarker } from '../code/CodeView.tsx';
import { useCursor, useSim } from '../lab/hooks.ts';
import { actorOfStep, ending, lineOfStep } from './compareText.ts';
import { RunStrip } from './RunStrip.tsx';
import { useSplitRun } from './useSplitRun.ts';

export function SplitPanel() {
  const sim = useSim();
  const cursor = useCursor();
  const store = useLabStore();
  const { other, split } = useSplitRun(sim);
  if (!sim) return null;
  const seek = (at: number) => store.getState().seek(at);
  const divergence = split?.divergence ?? null;
  return (
    <div className="split">
      <SplitPick variant={sim.variant} other={other} />
      {split?.error ? (
        <p role="alert">The other implementation could not be built: {split.error}</p>
      ) : null}
      {split?.run && other ? (
        <>
          <PartingLine divergence={divergence} onSeek={seek} />
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

/** The implementation to compare this one with, or nothing. */
function SplitPick({
  variant,
  other,
}: {
  readonly variant: VariantId;
  readonly other: VariantId | null;
}) {
  const store = useLabStore();
  const selectId = useId();
  return (
    <div className="split-pick control-row">
      <label htmlFor={selectId}>Compare {VARIANT_WORDS[variant]} with</label>
      <select
        id={selectId}
        value={other ?? ''}
        onChange={(e) =>
          store.getState().setSplitVariant((e.target.value || null) as VariantId | null)
        }
      >
        <option value="">(nothing)</option>
        {VARIANT_IDS.filter((v) => v !== variant).map((v) => (
          <option key={v} value={v}>
            {VARIANT_WORDS[v]}
          </option>
        ))}
      </select>
      <span className="muted">on the same schedule: the same thread runs at every step.</span>
    </div>
  );
}

/** Where the two runs first part, with a jump there, or that they never do. */
function PartingLine({
  divergence,
  onSeek,
}: {
  readonly divergence: Divergence | null;
  readonly onSeek: (at: number) => void;
}) {
  return (
    <p className={`split-summary${divergence ? ' split-parts' : ''}`} role="status">
      {divergence === null
        ? 'The two runs agree at every step.'
        : `They first part at step ${divergence.step + 1}: ${divergence.reason}. `}
      {divergence !== null ? (
        <button type="button" onClick={() => onSeek(divergence.step + 1)}>
          Jump to step {divergence.step + 1}
        </button>
      ) : null}
    </p>
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
