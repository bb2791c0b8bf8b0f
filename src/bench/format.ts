/**
 * The readable report of `npm run bench`: one table per part, then the
 * budgets with PASS / MISS / SKIP. Pure: the unit test formats a fixed report.
 */
import { table } from './columns.ts';
import { countStatus, fmtInt, fmtMs, METRICS_SCENARIO } from './budgets.ts';
import type { BenchReport } from './types.ts';

const int = (n: number): string => fmtInt(n);
const samples = (ms: readonly number[]): string => ms.map((x) => fmtMs(x)).join(', ');

export function formatReport(r: BenchReport): string {
  const out = [
    ...headerLines(r),
    ...engineLines(r),
    ...exploreLines(r),
    ...timeTravelLines(r),
    ...stressLines(r),
    ...fixLabNodeLines(r),
    ...browserLines(r),
    ...labFeltLines(r),
    ...fixLabBrowserLines(r),
    ...budgetLines(r),
  ];
  return `${out.join('\n')}\n`;
}

/** The machine, and a warning when other work competed for the CPUs. */
function headerLines(r: BenchReport): string[] {
  const out: string[] = [];
  const m0 = r.machine;
  let header =
    `Arroyo Race Lab benchmark (${r.mode}): node ${m0.node}, ${m0.cpus} CPUs (${m0.cpu}),` +
    ` load average ${m0.loadAverage.join(' ')}`;
  const { start, end } = m0.cpuPressure;
  if (start !== null) {
    header += `, CPU pressure ${start}% -> ${end ?? '?'}%`;
    if (Math.max(start, end ?? 0) > 10) {
      header += '\n  Other work was competing for the CPUs: every figure below is pessimistic.';
    }
  }
  out.push(header);
  return out;
}

/** Engine steps per second per program. */
function engineLines(r: BenchReport): string[] {
  const out: string[] = [];
  out.push('', 'Engine: steps per second (py311, buggy variant, default parameters)');
  if (r.engine.length === 0) out.push(`  (${r.skipped['engine'] ?? 'not measured'})`);
  else {
    out.push(
      table([
        [
          'program',
          'steps/run',
          'Run natural',
          '(median)',
          'clock',
          'wall clock',
          'waited',
          'Run random',
          'kernel only',
          '(median)',
          'runs/s',
        ],
        ...r.engine.map((e) => [
          e.toy ? `${e.target} (toy)` : e.target,
          int(e.stepsPerRun),
          int(e.runStepsPerSec),
          `(${int(e.runStepsPerSecMedian)})`,
          e.basis,
          int(e.runStepsPerSecWall),
          `${e.waitPct}%`,
          int(e.randomStepsPerSec),
          int(e.kernelStepsPerSec),
          `(${int(e.kernelStepsPerSecMedian)})`,
          int(e.runsPerSec),
        ]),
      ]),
      `  Each program and column in ${r.mode === 'full' ? 'three fresh Node processes spread over the run' : 'a fresh Node process'},`,
      '  30 trials each after a second of warm-up: the fastest trial (median in brackets).',
      '  Run natural: new Run + extend(natural) per run, the figure judged. Clock: each column',
      '  is by the CPU clock (process.cpuUsage)',
      '  when its trials waited for a CPU more than 10% of the time, else by the wall clock.',
      '  Run random: the same with a seeded RandomScheduler per run.',
      '  Kernel only: scanEnabled + stepWorld, no Run columns, checkpoints or deviations.',
    );
  }
  return out;
}

/** The default exploration of each scenario and variant. */
function exploreLines(r: BenchReport): string[] {
  const out: string[] = [];
  out.push('', 'Explorer: default bound per scenario (src/explorer/defaults.ts), py311');
  if (r.exploreVariants.length > 0) {
    out.push(
      table([
        [
          'scenario',
          'variant',
          'bound',
          'complete',
          'ms',
          'wall',
          'waited',
          'states',
          'states/s',
          'schedules',
          'crashing',
          '1st crash',
        ],
        ...r.exploreVariants.map((e) => [
          e.scenario,
          e.variant,
          e.preemptions === null ? 'all' : `${e.preemptions}`,
          e.complete ? 'yes' : `NO (${int(e.maxStates)} states cap)`,
          `${fmtMs(e.ms)}${e.basis === 'cpu' ? ' cpu' : ''}`,
          fmtMs(e.wallMs),
          `${e.waitPct}%`,
          int(e.states),
          int(e.statesPerSec),
          int(e.schedules),
          int(e.crashing),
          e.firstCrashMs === null ? '-' : fmtMs(e.firstCrashMs),
        ]),
      ]),
    );
  } else out.push(`  (${r.skipped['explore'] ?? 'not measured'})`);
  return out;
}

/** Time travel and memory on the million-step run. */
function timeTravelLines(r: BenchReport): string[] {
  const out: string[] = [];
  out.push('', 'Time travel and memory');
  const tt = r.timeTravel;
  if (tt) {
    out.push(
      `  ${int(tt.steps)}-step run of ${tt.program}, seeded random schedule, built in ${fmtMs(tt.buildMs)};`,
      `  ${int(tt.jumps)} jumps to random steps (run.worldAt; checkpoint every ${tt.checkpointEvery} steps):`,
      `  p50 ${fmtMs(tt.p50Ms)}, p99 ${fmtMs(tt.p99Ms)}, max ${fmtMs(tt.maxMs)}` +
        (tt.basis === 'cpu'
          ? ` by CPU clock; wall clock p50 ${fmtMs(tt.wall.p50Ms)}, p99 ${fmtMs(tt.wall.p99Ms)}` +
            ` (the thread waited for a CPU ${tt.waitPct}% of the time)`
          : ''),
    );
  } else out.push(`  (${r.skipped['timeTravel'] ?? 'not measured'})`);
  const m = r.memory;
  if (m) {
    out.push(
      `  memory: ${m.mb.toFixed(1)} MB at 1,000,000 steps${m.extrapolated ? ` (scaled from ${int(m.steps)} steps)` : ''}` +
        ` = heap ${m.heapMb.toFixed(1)} MB + ArrayBuffers ${m.externalMb.toFixed(1)} MB` +
        (m.gcExposed ? ', after full GC' : ' (no --expose-gc: figures include garbage)'),
    );
  }
  return out;
}

/** Random schedules beside the explorer. */
function stressLines(r: BenchReport): string[] {
  const out: string[] = [];
  out.push('', 'Stress: random schedules beside the explorer');
  const s = r.stress;
  if (s) {
    const first =
      s.firstCrashMs === null
        ? 'no crash found'
        : `first crash in run ${int(s.firstCrashRun ?? 0)}, after ${fmtMs(s.firstCrashMs)}`;
    out.push(
      `  ${s.scenario} / ${s.variant}, uniform random, seed ${s.seed}: ${int(s.runs)} runs in ${fmtMs(s.ms)}` +
        `${s.basis === 'cpu' ? ` by CPU clock (wall ${fmtMs(s.wallMs)})` : ''},` +
        ` ${int(s.distinctSchedules)} distinct schedules`,
      `  crashing runs: ${int(s.crashesFound)} (failing: ${int(s.failingRuns)}); ${first}`,
      `  explorer: first crash after ${s.explorer.firstCrashMs === null ? '- (none)' : fmtMs(s.explorer.firstCrashMs)},` +
        ` ${s.explorer.complete ? 'complete' : 'INCOMPLETE'} in ${fmtMs(s.explorer.ms)}` +
        ` (${int(s.explorer.schedules)} schedules, ${int(s.explorer.crashing)} crashing)`,
    );
  } else out.push(`  (${r.skipped['stress'] ?? 'not measured'})`);
  return out;
}

/** Timeline frames, the JavaScript before first render, and the first render. */
function browserLines(r: BenchReport): string[] {
  const out: string[] = [];
  out.push('', 'Browser (built site served by vite preview, Debian Chromium, --disable-gpu)');
  if (r.timeline) {
    const t = r.timeline;
    out.push(
      `  timeline: ${int(t.events)} events (${int(t.steps)} synthetic steps), ${t.frames} pan/zoom frames` +
        ` on a ${t.canvas} canvas after 30 warm-up frames:`,
      `    one draw per frame: p50 ${fmtMs(t.singleDraw.p50Ms)}, p95 ${fmtMs(t.singleDraw.p95Ms)},` +
        ` max ${fmtMs(t.singleDraw.maxMs)}` +
        (t.rendererWaitPct === null
          ? ''
          : ` (the renderer thread waited for a CPU ${t.rendererWaitPct}% of the time)`),
      ...(t.basis === 'best-of-3'
        ? [
            `    fastest of 3 draws per frame (judged: machine busy): p50 ${fmtMs(t.frameP50Ms)},` +
              ` p95 ${fmtMs(t.frameP95Ms)}, max ${fmtMs(t.frameMaxMs)}`,
          ]
        : []),
      ...t.byZoom.map(
        (b) =>
          `    ${b.band}: ${b.frames} frames, p50 ${fmtMs(b.p50Ms)}, p95 ${fmtMs(b.p95Ms)}, max ${fmtMs(b.maxMs)}`,
      ),
    );
  } else out.push(`  timeline: (${r.skipped['timeline'] ?? 'not measured'})`);
  if (r.bundle) {
    const b = r.bundle;
    out.push(
      `  JS before first render: ${b.jsGzipKb.toFixed(1)} KB gzip (${b.jsKb.toFixed(1)} KB raw) in ${b.files.length} files:` +
        ` ${b.files.map((f) => f.file).join(', ')}`,
      `  CSS before first render: ${b.cssGzipKb.toFixed(1)} KB gzip; all JS in the build, lazy chunks and extra pages included: ${b.allJsGzipKb.toFixed(1)} KB gzip`,
    );
  } else out.push(`  bundle: (${r.skipped['bundle'] ?? 'not measured'})`);
  if (r.firstRender) {
    const f = r.firstRender;
    out.push(
      `  first render (first-contentful-paint, median of ${f.loads} cold loads): ${fmtMs(f.fcpMs)};` +
        ` header in the DOM at ${fmtMs(f.bannerMs)}; samples ${f.samplesMs.map((x) => fmtMs(x)).join(', ')}`,
    );
  } else out.push(`  first render: (${r.skipped['firstRender'] ?? 'not measured'})`);
  return out;
}

/** The Fix lab's checker in Node, beside the engine's explorer on the same workload. */
function fixLabNodeLines(r: BenchReport): string[] {
  const n = r.fixLab.node;
  const out = ['', 'Fix lab in Node (Pyodide; metrics-stuck-flush with each template)'];
  if (!n) return [...out, `  (${r.skipped['fixLab.node'] ?? 'not measured'})`];
  const e = r.exploreVariants.find((x) => x.scenario === METRICS_SCENARIO && x.variant === 'buggy');
  if (e?.complete)
    out.push(
      `  engine explorer (explore part, buggy, default bound): ${int(e.schedules)} schedules` +
        ` in ${fmtMs(e.ms)}, ${int(e.ms > 0 ? (e.schedules / e.ms) * 1000 : 0)} schedules/s`,
    );
  out.push(
    `  Pyodide load ${fmtMs(n.pyodideLoad.wallMs)} (CPU ${fmtMs(n.pyodideLoad.cpuMs)}),` +
      ` checker load ${fmtMs(n.checkerLoad.wallMs)}; bound ${n.bound}:`,
    table(
      [
        [
          'template',
          'schedules',
          'check wall',
          'check CPU',
          'clock',
          'schedules/s',
          'engine schedules/s',
        ],
        ...n.rows.map((x) => [
          x.template,
          x.schedules,
          fmtMs(x.check.wallMs),
          fmtMs(x.check.cpuMs),
          x.basis,
          int(x.schedulesPerSec),
          `${int(x.engineSchedulesPerSec)} (${int(x.engineSchedules)} schedules)`,
        ]),
      ],
      '    ',
    ),
  );
  return out;
}

/** The lab as felt: the medians judged, and every sample. */
function labFeltLines(r: BenchReport): string[] {
  const f = r.labFelt;
  if (!f) return [`  lab as felt: (${r.skipped['labFelt'] ?? 'not measured'})`];
  const p = f.playFrames;
  return [
    `  lab as felt (${f.scenario}, median of ${f.loads} fresh loads): interactive at ${fmtMs(f.interactiveMs)}` +
      ` (samples ${samples(f.samples.interactiveMs)}); "Show me the crash" drawn in ${fmtMs(f.showCrashMs)}` +
      ` (samples ${samples(f.samples.showCrashMs)})`,
    `    playing at the fastest speed: ${int(p.frames)} frames, p95 ${fmtMs(p.p95Ms)}, worst ${fmtMs(p.worstMs)}, ${int(p.over50)} over 50 ms`,
  ];
}

/** The Fix lab in Chromium: Python ready cold and warm, a bound-2 check per template. */
function fixLabBrowserLines(r: BenchReport): string[] {
  const b = r.fixLab.browser;
  if (!b) return [`  Fix lab: (${r.skipped['fixLab.browser'] ?? 'not measured'})`];
  const ready = (x: { pageMs: number; workerMs: number }): string =>
    `${fmtMs(x.pageMs)} (worker ${fmtMs(x.workerMs)})`;
  return [
    `  Fix lab: Python ready cold ${ready(b.cold)}; warm ${b.warm.map(ready).join(', ') || '(no reload)'}`,
    ...b.templates.map(
      (t) =>
        `    ${t.template}, bound 2: ${fmtMs(t.ms)}, ${int(t.schedules)} schedules, ${int(t.schedulesPerSec)} schedules/s`,
    ),
  ];
}

/** The budgets with PASS / MISS / SKIP, and the totals. */
function budgetLines(r: BenchReport): string[] {
  const out: string[] = [];
  out.push(
    '',
    'Budgets',
    table([
      ['', 'budget', 'measured', 'status'],
      ...r.budgets.map((b) => [b.label, b.budget, b.measured, b.status]),
    ]),
    '',
    `${countStatus(r.budgets, 'PASS')} PASS, ${countStatus(r.budgets, 'MISS')} MISS, ${countStatus(r.budgets, 'SKIP')} SKIP` +
      ` in ${(r.totalMs / 1000).toFixed(1)} s. Budgets are reported, not enforced: the exit status is 0.`,
  );
  return out;
}
