/**
 * One schedule of the person's own code, step by step: the callout naming the two sides
 * of the collision, the code per thread with its current line, the buffer's dicts, and
 * a timeline. Step with the buttons or with ← → (Home and End for the ends) anywhere on
 * the page except while typing in the editor or a field.
 */
import { useEffect, useMemo, useState } from 'react';
import type { ScheduleTrace, TraceStep } from '../../fixlab/protocol.ts';
import { BufferView } from './BufferView.tsx';
import { explain } from './callout.ts';
import { CalloutBox } from './CalloutBox.tsx';
import { describeOutcome } from './outcomes.ts';
import { StepTimeline } from './StepTimeline.tsx';
import { threadColour, ThreadColumns } from './ThreadColumns.tsx';

export interface StepThroughProps {
  readonly trace: ScheduleTrace;
  readonly code: string;
  readonly onClose: () => void;
}

export function StepThrough({ trace, code, onClose }: StepThroughProps) {
  const last = Math.max(0, trace.steps.length - 1);
  const [at, setAt] = useState(0);
  const callout = useMemo(() => explain(trace), [trace]);
  const lines = useMemo(() => code.split('\n'), [code]);
  const go = (step: number): void => setAt(Math.min(last, Math.max(0, step)));
  useStepKeys(at, last, setAt);

  const step = trace.steps[at];
  const outcomes = trace.report.outcomes.map((k) => describeOutcome(k, 1).label).join(', ');
  return (
    <section className="panel fix-step" aria-labelledby="fix-step-title">
      <div className="panel-head">
        <h2 id="fix-step-title">Step through: {outcomes}</h2>
        <button type="button" onClick={onClose}>
          Close
        </button>
      </div>
      <p className="muted">
        Schedule <code>{trace.schedule}</code>, on your code as it was checked.
      </p>
      <CalloutBox callout={callout} lines={lines} onGo={go} />
      <div className="fix-stepper" role="group" aria-label="Step">
        <button type="button" onClick={() => go(0)} disabled={at === 0}>
          Start
        </button>
        <button type="button" onClick={() => go(at - 1)} disabled={at === 0}>
          ◀ Back
        </button>
        <span className="step-count" aria-live="polite">
          Step {at + 1} of {trace.steps.length}
        </span>
        <button type="button" onClick={() => go(at + 1)} disabled={at === last}>
          Forward ▶
        </button>
        <button type="button" onClick={() => go(last)} disabled={at === last}>
          End
        </button>
        <span className="muted fix-keys">Keys: ← → Home End</span>
      </div>
      {step ? <StepSentence step={step} /> : null}
      <div className="fix-step-grid">
        <ThreadColumns trace={trace} code={code} at={at} />
        <div className="fix-state">
          <h3>State after this step</h3>
          {step ? <BufferView step={step} previous={trace.steps[at - 1]} /> : null}
        </div>
      </div>
      <StepTimeline trace={trace} at={at} onPick={go} />
    </section>
  );
}

function StepSentence({ step }: { readonly step: TraceStep }) {
  return (
    <p className={`fix-what ${threadColour(step.thread)}`}>
      {step.preempted ? <strong>Preemption: </strong> : null}
      {step.what} <span className="muted">({step.timeS.toFixed(1)} s on the virtual clock)</span>
    </p>
  );
}

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'SELECT', 'TEXTAREA'].includes(target.tagName);
}

function useStepKeys(at: number, last: number, setAt: (at: number) => void): void {
  useEffect(() => {
    const onKey = (event: KeyboardEvent): void => {
      if (event.altKey || event.ctrlKey || event.metaKey || isTyping(event.target)) return;
      const next =
        event.key === 'ArrowRight'
          ? at + 1
          : event.key === 'ArrowLeft'
            ? at - 1
            : event.key === 'Home'
              ? 0
              : event.key === 'End'
                ? last
                : null;
      if (next === null) return;
      event.preventDefault();
      setAt(Math.min(last, Math.max(0, next)));
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [at, last, setAt]);
}
