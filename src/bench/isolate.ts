/**
 * Engine figures each measured in a Node process of its own, as JMH forks a
 * JVM per benchmark: V8 specialises the kernel's hot functions to what they
 * have seen, so a world measured after five others runs on code tuned for all
 * six, and the figure then depends on the order of the list. The bench
 * starts itself again (same Node flags, same entry script) with
 * `BENCH_ENGINE_CHILD` naming the target; the child prints one EngineFigure
 * as JSON. `BENCH_IN_PROCESS=1` measures in this process instead (the
 * profiler script sets it, to profile the measured code).
 */
import { spawn } from 'node:child_process';
import { measureEngine } from './engine.ts';
import { engineTargets } from './targets.ts';
import type { EngineFigure } from './types.ts';

const CHILD_ENV = 'BENCH_ENGINE_CHILD';

interface ChildRequest {
  readonly target: string;
  readonly seconds: number;
}

/** In a child: the request it was started for, or null in the parent. */
function childRequest(): ChildRequest | null {
  const raw = process.env[CHILD_ENV];
  if (!raw) return null;
  return JSON.parse(raw) as ChildRequest;
}

/**
 * If this process is a child started by `measureEngineIsolated`, measures its
 * target, prints the figure and returns true.
 */
export function runEngineChild(): boolean {
  const request = childRequest();
  if (!request) return false;
  const target = engineTargets().find((t) => t.id === request.target);
  if (!target) throw new Error(`bench child: no engine target ${request.target}`);
  process.stdout.write(`${JSON.stringify(measureEngine(target, request.seconds))}\n`);
  return true;
}

/** Measures one engine target in a fresh Node process (see above). */
export async function measureEngineIsolated(
  targetId: string,
  seconds: number,
): Promise<EngineFigure> {
  const target = engineTargets().find((t) => t.id === targetId);
  if (!target) throw new Error(`no engine target ${targetId}`);
  if (process.env['BENCH_IN_PROCESS'] === '1') return measureEngine(target, seconds);
  const script = process.argv[1];
  if (!script) throw new Error('bench: cannot tell which script to start again');
  const request: ChildRequest = { target: targetId, seconds };
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
    throw new Error(`engine measurement of ${targetId} failed (exit ${code}): ${stderr.trim()}`);
  }
  const line = stdout.trim().split('\n').pop() ?? '';
  return JSON.parse(line) as EngineFigure;
}
