/**
 * The Fix lab: write your own fix for the metrics race and check it, in real CPython in
 * a worker, against every schedule with up to two (or three) preemptions; then step
 * through the smallest counterexample on your own code and share it.
 *
 * Code that arrives in a link is put in the editor and never run until the person
 * presses Check. A damaged link is explained in one sentence and the editor keeps what
 * it had.
 */
import { useState } from 'react';
import { DEFAULT_BOUND, type Counterexample } from '../../fixlab/protocol.ts';
import { TEMPLATES } from '../../fixlab/templates.ts';
import type { RouteQuery } from '../../routes/router.ts';
import { CheckBar } from './CheckBar.tsx';
import { CodeEditor } from './CodeEditor.tsx';
import { FixShare } from './FixShare.tsx';
import { ResultPanel } from './ResultPanel.tsx';
import { StepThrough } from './StepThrough.tsx';
import { SwitchModel } from './SwitchModel.tsx';
import { TemplatePicker } from './TemplatePicker.tsx';
import { useFixCode } from './useFixCode.ts';
import type { LinkState } from './useFixLink.ts';
import { useFixSession, type StepThroughState } from './useFixSession.ts';
import '../lab/lab.css';
import './fixlab.css';

/** The races that have a Fix lab (the pause race's fix is not a single class). */
export const FIX_RACES = ['metrics'] as const;

export function FixLabPage({ race, query }: { readonly race: string; readonly query: RouteQuery }) {
  if (!(FIX_RACES as readonly string[]).includes(race)) {
    return (
      <section className="fixlab" aria-labelledby="fixlab-title">
        <h1 id="fixlab-title">Fix lab</h1>
        <p role="alert" className="link-error">
          There is no Fix lab for “{race.slice(0, 40)}”; there is one for the metrics race:{' '}
          <a href="#/fix/metrics">open it</a>.
        </p>
      </section>
    );
  }
  return <FixWorkbench race={race} query={query} />;
}

function FixWorkbench({ race, query }: { readonly race: string; readonly query: RouteQuery }) {
  const session = useFixSession();
  const editor = useFixCode(query);
  const [bound, setBound] = useState(DEFAULT_BOUND);
  const { code } = editor;

  const onCheck = async (): Promise<void> => {
    const checked = code;
    const cx = editor.linkCounterexampleFor(checked);
    const result = await session.check(checked, bound);
    // A shared counterexample opens once its code has been checked, as the person asked.
    if (result !== null && cx !== null) {
      editor.clearPendingCx();
      await session.open(checked, cx);
    }
  };
  const onOpen = (example: Counterexample): void => {
    if (session.run.kind === 'done') void session.open(session.run.code, example.schedule);
  };

  const stale = session.run.kind === 'done' && session.run.code !== code;
  return (
    <section className="fixlab" aria-labelledby="fixlab-title">
      <title>Fix lab: the metrics race · Arroyo Race Lab</title>
      <FixHead />
      <LinkNotice
        state={editor.linkState}
        fromLink={editor.source === 'link'}
        pendingCx={editor.pendingCx}
      />
      <div className="fix-grid">
        <div className="panel fix-edit">
          <h2>Your code</h2>
          <TemplatePicker
            templates={TEMPLATES}
            source={editor.source}
            hasLink={editor.hasLink}
            hasDraft={editor.hasDraft}
            onPick={editor.onPick}
          />
          <CheckBar
            load={session.load}
            run={session.run}
            bound={bound}
            onBound={setBound}
            onCheck={() => void onCheck()}
            onRetryLoad={session.retryLoad}
          />
          <CodeEditor
            doc={editor.doc}
            label="Your MetricsBuffer, in Python"
            onChange={editor.onEdit}
          />
          <Contract />
        </div>
        <div className="panel fix-result" aria-labelledby="fix-result-title">
          <h2 id="fix-result-title">Result</h2>
          <ResultPanel run={session.run} bound={bound} stale={stale} onOpen={onOpen} />
        </div>
      </div>
      <StepThroughSlot state={session.stepThrough} onClose={session.close} />
      <FixShare
        race={race}
        code={code}
        counterexample={sharedCounterexample(session.stepThrough, code)}
      />
      <SwitchModel bound={bound} />
    </section>
  );
}

function FixHead() {
  return (
    <header className="fix-head">
      <p className="lab-race">Metrics race · Fix lab</p>
      <h1 id="fixlab-title">Write your own fix for the metrics race</h1>
      <p className="lab-summary">
        The stuck-detector thread flushes the metrics buffer while the main thread adds to it. Write
        the <code>MetricsBuffer</code> you would ship, press Check, and see every schedule that
        breaks it, run by real CPython in your browser.
      </p>
    </header>
  );
}

function sharedCounterexample(state: StepThroughState, code: string): string | null {
  return state.kind === 'open' && state.code === code ? state.trace.schedule : null;
}

function StepThroughSlot({
  state,
  onClose,
}: {
  readonly state: StepThroughState;
  readonly onClose: () => void;
}) {
  if (state.kind === 'closed') return null;
  if (state.kind === 'loading') {
    return (
      <p className="notice" role="status">
        Replaying schedule <code>{state.schedule}</code>…
      </p>
    );
  }
  if (state.kind === 'error') {
    return (
      <p className="link-error" role="alert">
        This counterexample cannot be shown: {state.message}
      </p>
    );
  }
  return (
    <StepThrough
      key={state.trace.schedule}
      trace={state.trace}
      code={state.code}
      onClose={onClose}
    />
  );
}

function LinkNotice({
  state,
  fromLink,
  pendingCx,
}: {
  readonly state: LinkState;
  readonly fromLink: boolean;
  readonly pendingCx: string | null;
}) {
  if (state.kind === 'reading') return <p className="notice">Reading the link…</p>;
  if (state.kind === 'bad') {
    return (
      <div role="alert" className="link-error">
        <p>
          <strong>This link cannot be opened as it is.</strong> {state.message} The editor keeps the
          code it had.
        </p>
      </div>
    );
  }
  if (state.kind === 'read' && fromLink) {
    return (
      <p className="notice" role="status">
        This code came from a link and <strong>has not run</strong>. Read it, then press Check to
        run it in the checker
        {pendingCx !== null ? '; the counterexample in the link opens after the check' : ''}.
      </p>
    );
  }
  return null;
}

function Contract() {
  return (
    <details className="fix-contract">
      <summary>What your code must define</summary>
      <p>
        <code>class MetricsBuffer</code> with <code>__init__(self, metrics)</code>,{' '}
        <code>incr_timing(self, metric, duration)</code>,{' '}
        <code>incr_counter(self, metric, delta)</code> and <code>flush(self)</code>. It may define{' '}
        <code>on_stuck(buffer, metrics)</code>, what the stuck detector does when it fires (by
        default it counts <code>arroyo.consumer.stuck</code> and flushes). <code>metrics</code> has{' '}
        <code>increment(name, value=1, tags=None)</code>,{' '}
        <code>timing(name, value, tags=None)</code> and <code>gauge(name, value, tags=None)</code>.
      </p>
      <p>
        It may import <code>time</code>, <code>threading</code> (<code>Lock</code>,{' '}
        <code>RLock</code>, <code>Condition</code>, <code>Event</code>), <code>collections</code>,{' '}
        <code>functools</code>, <code>itertools</code>, <code>math</code>, <code>typing</code> and{' '}
        <code>dataclasses</code>; any other import is refused before anything runs.
      </p>
    </details>
  );
}
