/**
 * The Fix lab's checker in Node, beside the engine's explorer on the same
 * workload: how long Pyodide takes to load (and the checker to load into it),
 * and for each template a check at the bound (default 2) with its schedules
 * per second, next to `explore` of `metrics-stuck-flush` with that variant.
 * The checker runs on this thread, so the CPU clock (see clock.ts) estimates
 * the figure of a quiet machine when this one is busy.
 *
 *   npx tsx src/bench/fixlab.ts [--bound 2]
 *
 * Prints one JSON document. Figures only: no budget is asserted here.
 */
import { parseArgs } from 'node:util';
import { explore } from '../explorer/explore.ts';
import { createChecker } from '../fixlab/checker.ts';
import { loadPyodideInNode } from '../fixlab/node/load.ts';
import { TEMPLATE_IDS, type TemplateId } from '../fixlab/protocol.ts';
import { templateById } from '../fixlab/templates.ts';
import { METRICS_STUCK_FLUSH } from '../scenarios/metrics.ts';
import { basisOf, spanMs, stopwatch, waitPct, type Basis, type Span } from './clock.ts';
import { GIL, programOf } from './targets.ts';

export interface Timed {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface FixLabNodeRow {
  readonly template: TemplateId;
  readonly schedules: number;
  readonly outcomes: readonly string[];
  readonly check: Timed;
  readonly basis: Basis;
  readonly schedulesPerSec: number;
  /** The engine's explorer on the same scenario and variant, at the same bound, same clock. */
  readonly engineSchedules: number;
  readonly engineSchedulesPerSec: number;
}

export interface FixLabNodeFigures {
  readonly bound: number;
  /** loadPyodide from the npm package's files. */
  readonly pyodideLoad: Timed;
  /** createChecker: the checker's Python compiled into the loaded interpreter. */
  readonly checkerLoad: Timed;
  readonly rows: readonly FixLabNodeRow[];
}

const timed = (s: Span): Timed => ({ wallMs: Math.round(s.wallMs), cpuMs: Math.round(s.cpuMs) });
const perSec = (n: number, ms: number): number => (ms > 0 ? Math.round((n / ms) * 1000) : 0);

export async function measureFixLabNode(bound = 2): Promise<FixLabNodeFigures> {
  let watch = stopwatch();
  const pyodide = await loadPyodideInNode();
  const pyodideLoad = timed(watch.read());
  watch = stopwatch();
  const checker = createChecker(pyodide);
  const checkerLoad = timed(watch.read());
  const rows: FixLabNodeRow[] = [];
  for (const template of TEMPLATE_IDS) {
    const code = templateById(template)?.code ?? '';
    watch = stopwatch();
    const outcome = await checker.check({ code, bound, stepLimit: 5_000 }, { sliceMs: 200 });
    const span = watch.read();
    if (!outcome.ok) throw new Error(`${template}: ${outcome.error}`);
    const basis = basisOf(waitPct(span));
    const engineWatch = stopwatch();
    const engine = explore(programOf(METRICS_STUCK_FLUSH, template), GIL, { preemptions: bound });
    const engineSpan = engineWatch.read();
    rows.push({
      template,
      schedules: outcome.value.schedules,
      outcomes: Object.keys(outcome.value.byOutcome),
      check: timed(span),
      basis,
      schedulesPerSec: perSec(outcome.value.schedules, spanMs(span, basis)),
      engineSchedules: engine.schedules,
      engineSchedulesPerSec: perSec(engine.schedules, spanMs(engineSpan, basis)),
    });
  }
  return { bound, pyodideLoad, checkerLoad, rows };
}

if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/^.*\/src\//, 'src/'))) {
  const { values } = parseArgs({ options: { bound: { type: 'string', default: '2' } } });
  const figures = await measureFixLabNode(Number(values.bound));
  process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
}
