/**
 * Heap measurement for the long-run tests (Node only). Vitest's workers do not run
 * with --expose-gc, so the flag is set at run time and `gc` taken from a fresh V8
 * context, a documented V8 idiom. `heapMb()` collects twice, then adds the V8 heap
 * in use and the memory held outside it (a run's step columns are typed arrays).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** The memory budget (README, Hostile input): a long run or an hour of play stays under it. */
export const MEMORY_BUDGET_MB = 300;

let collect: (() => void) | null = null;

export function gc(): void {
  if (!collect) {
    const exposed = (globalThis as { gc?: () => void }).gc;
    if (exposed) collect = exposed;
    else {
      setFlagsFromString('--expose-gc');
      collect = runInNewContext('gc') as () => void;
    }
  }
  collect();
  collect();
}

/** Heap in use plus external memory (ArrayBuffers), after a full collection, in MB. */
export function heapMb(): number {
  gc();
  const { heapUsed, external } = process.memoryUsage();
  return (heapUsed + external) / 1024 / 1024;
}
