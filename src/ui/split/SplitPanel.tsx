/**
 * The split view: the same interleaving, thread for thread, on a second variant, in
 * lockstep with the cursor. It shows each side's step at and around the cursor, how
 * each run ends, and marks the first step where the two part ways, with a jump there.
 */
import { useId, useMemo } from 'react';
import { resolveAt, type Run } from '../../engine/index.ts';
import { VARIANT_IDS, VARIANT_LABELS, type VariantId } from '../../scenarios/index.ts';
import { useLab, useLabStore } from '../../store/context.tsx';
import { firstDivergence, lockstepRun } from '../../store/lockstep.ts';
import { crashCursor } from '../../store/navigation.ts';
import { useCursor, useSim } from '../lab/hooks.ts';

const WINDOW = 3;

export function SplitPanel() {
  const sim = useSim();
  const cursor = useCursor();
  const revision = useLab((s) => s.revision);
  const other = useLab((s) => s.splitVariant);
  const store = useLabStore();
  const selectId = useId();

  const split = useMemo(() => {
    void revision;
    if (!sim || other === null || other === sim.variant) return null;
    try {
      const program = sim.def.build(other, sim.params, sim.gil);
      const { run, forced } = lockstepRun(program, sim.gil, sim.run.threadsPerStep());
      return { run, forced, divergence: firstDivergence(sim.run, run), error: null };
    } catch (error) {
      return { run: null, forced: [], divergence: null, error: String(error) };
    }
  }, [sim, other, revision]);

  if (!sim) return null;
  const choices = VARIANT_IDS.filter((v) => v !== sim.variant);

  return (
    <div className="split">
      <label htmlFor={selectId}>Compare with</label>{' '}
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
            {VARIANT_LABELS[v]}
          </option>
        ))}
      </select>
      {split?.error ? (
        <p role="alert">The other variant could not be built: {split.error}</p>
      ) : null}
      {split?.run && other ? (
        <>
          <p className="split-summary">
            {split.divergence === null
              ? 'The two runs agree at every step.'
              : `They first part at step ${split.divergence.step + 1}: ${split.divergence.reason}. `}
            {split.divergence !== null ? (
              <button
                type="button"
                onClick={() => store.getState().seek(split.divergence!.step + 1)}
              >
                Jump to step {split.divergence.step + 1}
              </button>
            ) : null}
          </p>
          {split.forced.length > 0 ? (
            <p className="muted">
              At {split.forced.length} step{split.forced.length === 1 ? '' : 's'} the thread of this
              run could not run on the other variant; it took its natural choice there.
            </p>
          ) : null}
          <SideBySide
            left={sim.run}
            right={split.run}
            leftName={VARIANT_LABELS[sim.variant]}
            rightName={VARIANT_LABELS[other]}
            cursor={cursor}
            divergeAt={split.divergence?.step ?? null}
          />
        </>
      ) : null}
    </div>
  );
}

interface SideProps {
  readonly left: Run<unknown>;
  readonly right: Run<unknown>;
  readonly leftName: string;
  readonly rightName: string;
  readonly cursor: number;
  readonly divergeAt: number | null;
}

function SideBySide({ left, right, leftName, rightName, cursor, divergeAt }: SideProps) {
  const from = Math.max(0, cursor - WINDOW);
  const to = Math.min(Math.max(left.length, right.length), cursor + WINDOW);
  const rows = [];
  for (let i = from; i < to; i++) rows.push(i);
  return (
    <table className="split-table">
      <caption>
        Steps {from + 1} to {to}, around the current step; ends: {ending(left, leftName)};{' '}
        {ending(right, rightName)}.
      </caption>
      <thead>
        <tr>
          <th scope="col">Step</th>
          <th scope="col">{leftName}</th>
          <th scope="col">{rightName}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((i) => (
          <tr
            key={i}
            className={`${i === cursor - 1 ? 'split-current' : ''} ${i === divergeAt ? 'split-diverge' : ''}`}
            aria-current={i === cursor - 1 ? 'step' : undefined}
          >
            <th scope="row">
              {i + 1}
              {i === divergeAt ? ' (first difference)' : ''}
            </th>
            <td>{describe(left, i)}</td>
            <td>{describe(right, i)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function describe(run: Run<unknown>, step: number): string {
  if (step >= run.length) return '(run has ended)';
  const actor = run.program.actors[run.threadAt(step)] ?? '?';
  const pc = run.pcAt(step);
  const at = run.program.instrs[pc]?.at;
  let where = pc;
  if (at) {
    try {
      const line = resolveAt(run.program.listings, at);
      where = `${line.listing}:${line.line} ${line.text}`;
    } catch {
      where = at;
    }
  }
  const crash = run.last.crashes.find((c) => c.step === step);
  return `${actor}: ${where}${crash ? ` (raises ${crash.type})` : ''}`;
}

function ending(run: Run<unknown>, name: string): string {
  const crash = run.last.crashes[0];
  if (crash) return `${name} crashes with ${crash.type} at step ${crashCursor(crash)}`;
  const broken = run.last.violations.map((v) => v.invariant);
  return broken.length > 0 ? `${name} breaks ${broken.join(', ')}` : `${name} has no crash`;
}
