/**
 * Two clocks for the Node measurements. The wall clock is what a person
 * waits; the CPU clock (process.cpuUsage: user + system time of the whole
 * process, to the microsecond) leaves out the time the process sat in the
 * run queue while other processes had the CPUs. The benchmark's work runs on
 * the main thread, so on a quiet machine the two agree (the CPU clock runs a
 * little faster when V8's GC helper threads work in parallel, which makes
 * CPU-clock figures slightly pessimistic); on a busy machine the CPU clock
 * still estimates the undisturbed figure, and the gap between the clocks
 * (the wait share) says how busy the machine was.
 */

/** CPU time of this process in ms. */
export function cpuMs(): number {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

export const wallMs = (): number => performance.now();

export interface Span {
  readonly wallMs: number;
  readonly cpuMs: number;
}

export interface Stopwatch {
  /** Time since the stopwatch started. */
  read(): Span;
}

export function stopwatch(): Stopwatch {
  const w0 = wallMs();
  const c0 = cpuMs();
  return {
    read() {
      const c = cpuMs();
      return { wallMs: wallMs() - w0, cpuMs: c - c0 };
    },
  };
}

/** Share of the wall time the process was not running (0..100). */
export function waitPct(span: Span): number {
  if (span.wallMs <= 0) return 0;
  return Math.max(0, Math.min(100, Math.round((100 * (span.wallMs - span.cpuMs)) / span.wallMs)));
}

/** Above this wait share the machine was busy and figures are judged on the CPU clock. */
export const BUSY_WAIT_PCT = 10;

export type Basis = 'wall' | 'cpu';

export function basisOf(wait: number): Basis {
  return wait > BUSY_WAIT_PCT ? 'cpu' : 'wall';
}

/** The figure of a span on the given basis. */
export function spanMs(span: Span, basis: Basis): number {
  return basis === 'cpu' ? span.cpuMs : span.wallMs;
}
