/**
 * Engine figures each measured in a Node process of its own, as JMH forks a
 * JVM per benchmark: V8 specialises hot functions to what they have seen, so
 * a world measured after five others runs on code tuned for all six, and the
 * natural runs measured beside random ones share `Run.extend` with them. The
 * figure would then depend on what else the process ran. So every (program,
 * column) pair gets fresh processes (three in the full run, as JMH forks
 * several times): the bench starts itself again (same Node flags, same entry
 * script) with `BENCH_ENGINE_CHILD` naming the pair, and the child prints the
 * column's rates as JSON. `BENCH_IN_PROCESS=1` measures
 * in this process instead (the profiler script sets it, to profile the
 * measured code).
 */
import { spawn } from 'node:child_process';
import {
  ENGINE_COLUMNS,
  engineFigure,
  measureColumn,
  measureEngine,
  type EngineColumn,
  type Rate,
} from './engine.ts';
import { engineTargets, type Target } from './targets.ts';
import type { EngineFigure } from './types.ts';

const CHILD_ENV = 'BENCH_ENGINE_CHILD';

interface ChildRequest {
  readonly target: string;
  readonly column: EngineColumn;
  readonly seconds: number;
}

function targetNamed(id: string): Target {
  const target = engineTargets().find((t) => t.id === id);
  if (!target) throw new Error(`no engine target ${id}`);
  return target;
}

/**
 * If this process is a child started by `measureEngineIsolated`, measures its
 * column, prints the rates and returns true.
 */
export function runEngineChild(): boolean {
  const raw = process.env[CHILD_ENV];
  if (!raw) return false;
  const request = JSON.parse(raw) as ChildRequest;
  const rate = measureColumn(targetNamed(request.target), request.column, request.seconds);
  process.stdout.write(`${JSON.stringify(rate)}\n`);
  return true;
}

async function measureInChild(request: ChildRequest): Promise<Rate> {
  const script = process.argv[1];
  if (!script) throw new Error('bench: cannot tell which script to start again');
  const child = spawn(process.execPath, [...process.execArgv, script], {
    env: { ...process.env, [CHILD_ENV]: JSON.stringify(request) },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  if (code !== 0) {
    throw new Error(
      `engine measurement of ${request.target} (${request.column}) failed (exit ${code}): ${stderr.trim()}`,
    );
  }
  return JSON.parse(stdout.trim().split('\n').pop() ?? '') as Rate;
}

/**
 * Merges the rates of several forks of one column: the fastest trial of all
 * of them, the median of their medians.
 */
export function mergeRates(forks: readonly Rate[]): Rate {
  if (forks.length === 0) throw new Error('no rates to merge');
  const mid = (xs: number[]): number => {
    const sorted = [...xs].sort((a, b) => a - b);
    return sorted[Math.floor((sorted.length - 1) / 2)] as number;
  };
  return {
    wall: Math.max(...forks.map((r) => r.wall)),
    cpu: Math.max(...forks.map((r) => r.cpu)),
    wallMedian: mid(forks.map((r) => r.wallMedian)),
    cpuMedian: mid(forks.map((r) => r.cpuMedian)),
    waitPct: Math.round(forks.reduce((sum, r) => sum + r.waitPct, 0) / forks.length),
    runsPerSec: Math.max(...forks.map((r) => r.runsPerSec)),
  };
}

/**
 * Measures engine targets, each (program, column) pair in `forks` fresh Node
 * processes (see above). The forks go round robin over all pairs, so each
 * pair's are spread over the whole measurement: this machine's speed drifts
 * over tens of seconds, and forks taken back to back would all land in the
 * same slow or fast spell.
 */
export async function measureEnginesIsolated(
  targetIds: readonly string[],
  seconds: number,
  forks: number,
  log: (message: string) => void,
): Promise<EngineFigure[]> {
  const targets = targetIds.map(targetNamed);
  if (process.env['BENCH_IN_PROCESS'] === '1') return targets.map((t) => measureEngine(t, seconds));
  const rates = targets.map(
    () => ({ run: [], random: [], kernel: [] }) as Record<EngineColumn, Rate[]>,
  );
  for (let fork = 1; fork <= forks; fork++) {
    for (const [i, target] of targets.entries()) {
      log(`engine ${target.id} (fork ${fork} of ${forks})`);
      for (const column of ENGINE_COLUMNS) {
        const rate = await measureInChild({ target: target.id, column, seconds });
        (rates[i] as Record<EngineColumn, Rate[]>)[column].push(rate);
      }
    }
  }
  return targets.map((target, i) => {
    const r = rates[i] as Record<EngineColumn, Rate[]>;
    return engineFigure(target, {
      run: mergeRates(r.run),
      random: mergeRates(r.random),
      kernel: mergeRates(r.kernel),
    });
  });
}
