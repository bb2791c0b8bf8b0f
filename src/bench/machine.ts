/**
 * What the report says about the machine it ran on, and where a build that is
 * newer than its sources can be reused from.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import type { BenchReport } from './types.ts';

/**
 * Linux pressure stall information: the share of the last 10 s in which some
 * runnable task waited for a CPU (0 on an idle machine). Null where absent.
 */
export function cpuPressure(): number | null {
  try {
    const text = readFileSync('/proc/pressure/cpu', 'utf8');
    const m = /some avg10=([\d.]+)/.exec(text);
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

export function machineOf(pressureAtStart: number | null): BenchReport['machine'] {
  const cpuList = cpus();
  return {
    node: process.version,
    cpus: cpuList.length,
    cpu: cpuList[0]?.model.trim() ?? 'unknown',
    loadAverage: loadavg().map((n) => Math.round(n * 100) / 100),
    cpuPressure: { start: pressureAtStart, end: cpuPressure() },
  };
}

const BUILD_INPUTS = [
  'src',
  'public',
  'index.html',
  'soak.html',
  'bench.html',
  'vite.config.ts',
  'package-lock.json',
];

/** Newest modification time under the inputs of a build. */
function newestInput(root: string): number {
  let newest = 0;
  const visit = (path: string): void => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) for (const name of readdirSync(path)) visit(join(path, name));
    else newest = Math.max(newest, st.mtimeMs);
  };
  for (const p of BUILD_INPUTS) visit(join(root, p));
  return newest;
}

/** The first of `dirs` whose index.html is newer than every input, or null. */
export function freshBuild(root: string, dirs: readonly string[]): string | null {
  for (const dir of dirs) {
    const index = join(root, dir, 'index.html');
    if (existsSync(index) && statSync(index).mtimeMs >= newestInput(root)) return dir;
  }
  return null;
}

/** The gist of an error in one line: its first two non-empty lines. */
export function firstLine(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  const lines = text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
  return lines.slice(0, 2).join(' ').slice(0, 300);
}
