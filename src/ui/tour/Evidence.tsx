/**
 * "Why 6,000 operations with zero errors proved nothing": a stress run beside the
 * explorer's exact count, for one variant of the chapter's scenario. The stress run
 * samples random schedules, the way a threaded stress test hopes to hit a window,
 * and reports both what a stress test looks at (exceptions) and what it does not
 * (runs whose counts are wrong). The explorer counts every schedule within its
 * bound. Both run in Web Workers (src/explorer/client.ts) so the page stays live.
 */
import { useEffect, useRef, useState, type ReactNode } from 'react';
import type { Handle, Settled } from '../../explorer/client.ts';
import { defaultBounds } from '../../explorer/defaults.ts';
import type { ExploreReport, SampleReport } from '../../explorer/report.ts';
import { VARIANT_LABELS, type Params } from '../../scenarios/index.ts';
import type { Evidence as EvidenceSpec } from '../../tours/schema.ts';
import { countNoun } from '../../explorer/countText.ts';
import { Count, RoundedCountNote } from '../common/Count.tsx';

export interface EvidenceProps {
  readonly spec: EvidenceSpec;
  readonly scenario: string;
  readonly params: Params;
  readonly gil: string;
}

type Job<R> =
  | { readonly kind: 'idle' }
  | { readonly kind: 'running'; readonly text: string }
  | { readonly kind: 'done'; readonly report: R }
  | { readonly kind: 'error'; readonly message: string };

const n = (x: number): string => x.toLocaleString('en');

function useJob<R>() {
  const [job, setJob] = useState<Job<R>>({ kind: 'idle' });
  const handle = useRef<Handle<R> | null>(null);
  useEffect(() => () => handle.current?.cancel(), []);
  const run = (start: () => Promise<Handle<R>>) => {
    setJob({ kind: 'running', text: 'Starting…' });
    start()
      .then((h) => {
        handle.current = h;
        return h.result;
      })
      .then((settled: Settled<R>) => {
        if (settled.status === 'done') setJob({ kind: 'done', report: settled.report });
        else if (settled.status === 'error') setJob({ kind: 'error', message: settled.message });
        else setJob({ kind: 'idle' });
      })
      .catch((error: unknown) => setJob({ kind: 'error', message: String(error) }));
  };
  return { job, setJob, run };
}

export function Evidence({ spec, scenario, params, gil }: EvidenceProps) {
  const stress = useJob<SampleReport>();
  const exact = useJob<ExploreReport>();
  const bound = defaultBounds(scenario).preemptions;
  const label = VARIANT_LABELS[spec.variant];

  const runStress = () =>
    stress.run(async () => {
      const { startSampling } = await import('../../explorer/client.ts');
      return startSampling(
        {
          scenario,
          variant: spec.variant,
          params,
          gil,
          strategy: spec.strategy,
          runs: spec.runs,
          seed: spec.seed,
        },
        {
          onProgress: (p) =>
            stress.setJob({ kind: 'running', text: `${n(p.runs)} of ${n(spec.runs)} runs…` }),
        },
      );
    });
  const runExact = () =>
    exact.run(async () => {
      const { startExploration } = await import('../../explorer/client.ts');
      return startExploration(
        { scenario, variant: spec.variant, params, gil },
        {
          onProgress: (p) =>
            exact.setJob({
              kind: 'running',
              text: `${countNoun(p.schedules, 'schedule')} so far…`,
            }),
        },
      );
    });

  return (
    <section className="evidence" aria-labelledby="evidence-title">
      <h3 id="evidence-title">Stress run beside the exact count: {label}</h3>
      <div className="evidence-grid">
        <div className="evidence-col">
          <h4>A stress test</h4>
          <p className="muted">
            {n(spec.runs)} runs, each on a {spec.strategy === 'random' ? 'random' : 'PCT'} schedule
            (seed {spec.seed}), like threads hammering the buffer.
          </p>
          <button type="button" onClick={runStress} disabled={stress.job.kind === 'running'}>
            Run the stress test ({n(spec.runs)} runs)
          </button>
          <JobView job={stress.job} render={(r) => <StressResult report={r} />} />
        </div>
        <div className="evidence-col">
          <h4>The explorer</h4>
          <p className="muted">
            Every schedule that deviates from the natural timing at most {bound} times, counted
            exactly.
          </p>
          <button type="button" onClick={runExact} disabled={exact.job.kind === 'running'}>
            Count every schedule
          </button>
          <JobView job={exact.job} render={(r) => <ExactResult report={r} />} />
        </div>
      </div>
    </section>
  );
}

function JobView<R>({
  job,
  render,
}: {
  readonly job: Job<R>;
  readonly render: (r: R) => ReactNode;
}) {
  return (
    <div className="evidence-result" role="status" aria-live="polite">
      {job.kind === 'running' ? <p className="muted">{job.text}</p> : null}
      {job.kind === 'done' ? render(job.report) : null}
      {job.kind === 'error' ? <p className="link-error">The run failed: {job.message}</p> : null}
    </div>
  );
}

function StressResult({ report }: { readonly report: SampleReport }) {
  return (
    <dl className="evidence-numbers">
      <dt>Runs</dt>
      <dd>{n(report.runs)}</dd>
      <dt>Errors (exceptions)</dt>
      <dd data-testid="stress-errors">{n(report.crashing)}</dd>
      <dt>Runs whose counts are wrong</dt>
      <dd data-testid="stress-wrong">{n(report.violating)}</dd>
      <dt>Distinct schedules tried</dt>
      <dd>{n(report.distinctSchedules)}</dd>
    </dl>
  );
}

function ExactResult({ report }: { readonly report: ExploreReport }) {
  return (
    <>
      <dl className="evidence-numbers">
        <dt>Schedules</dt>
        <dd>
          <Count n={report.schedules} />{' '}
          {report.complete ? '(all of them)' : '(stopped early: a lower bound)'}
        </dd>
        <dt>Crashing</dt>
        <dd data-testid="exact-crashing">
          <Count n={report.crashing} />
        </dd>
        <dt>Losing or double-counting</dt>
        <dd data-testid="exact-violating">
          <Count n={report.violating} />
        </dd>
      </dl>
      <RoundedCountNote counts={[report.schedules, report.crashing, report.violating]} />
    </>
  );
}
