/**
 * Reads a V8 .cpuprofile (node --cpu-prof, or Chromium's Profiler domain)
 * into the two lists a person acts on: self time per function (where the
 * CPU was) and total time per function (what it was doing, callees
 * included). Pure; scripts/bench-profile.mjs prints it.
 */

export interface CpuProfileNode {
  readonly id: number;
  readonly callFrame: {
    readonly functionName: string;
    readonly url: string;
    readonly lineNumber: number;
    readonly columnNumber?: number;
  };
  readonly children?: readonly number[];
  /** Self samples per source line (1-based), when the profiler recorded them. */
  readonly positionTicks?: readonly { readonly line: number; readonly ticks: number }[];
}

export interface CpuProfile {
  readonly nodes: readonly CpuProfileNode[];
  readonly samples: readonly number[];
  readonly timeDeltas: readonly number[];
  readonly startTime?: number;
  readonly endTime?: number;
}

export interface HotSpot {
  /** `name file:line` (1-based line). */
  readonly fn: string;
  readonly selfMs: number;
  readonly totalMs: number;
  readonly selfPct: number;
  readonly totalPct: number;
  /** The lines with the most self samples, hottest first: `line (share of the function's self samples)`. */
  readonly lines: readonly { readonly line: number; readonly pct: number }[];
}

export function frameName(node: CpuProfileNode): string {
  const f = node.callFrame;
  const file = f.url ? (f.url.split(/[\\/]/).pop() ?? f.url) : '';
  const name = f.functionName || '(anonymous)';
  return file ? `${name} ${file}:${f.lineNumber + 1}` : name;
}

/** Hot spots by self time (then total), functions merged by name and location. */
export function hotSpots(profile: CpuProfile, limit = 25): HotSpot[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const selfUs = new Map<number, number>();
  profile.samples.forEach((id, i) => {
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  const lineTicks = new Map<string, Map<number, number>>();
  for (const node of profile.nodes) {
    if (!node.positionTicks?.length) continue;
    const name = frameName(node);
    let lines = lineTicks.get(name);
    if (!lines) lineTicks.set(name, (lines = new Map()));
    for (const t of node.positionTicks) lines.set(t.line, (lines.get(t.line) ?? 0) + t.ticks);
  }
  let all = 0;
  for (const [id, us] of selfUs) {
    all += us;
    const node = byId.get(id);
    if (!node) continue;
    const name = frameName(node);
    self.set(name, (self.get(name) ?? 0) + us);
    // Total time: count each function once per sample even when it recurses.
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const n = byId.get(cur);
      if (!n) break;
      const fn = frameName(n);
      if (seen.has(fn)) continue;
      seen.add(fn);
      total.set(fn, (total.get(fn) ?? 0) + us);
    }
  }
  const pct = (us: number): number => (all > 0 ? Math.round((1000 * us) / all) / 10 : 0);
  return [...self.keys()]
    .map((fn) => {
      const s = self.get(fn) ?? 0;
      const t = total.get(fn) ?? 0;
      const ticks = [...(lineTicks.get(fn) ?? new Map<number, number>())];
      const sum = ticks.reduce((a, [, n]) => a + n, 0);
      const lines = ticks
        .sort((a, b) => b[1] - a[1])
        .slice(0, 3)
        .map(([line, n]) => ({ line, pct: Math.round((100 * n) / sum) }));
      return {
        fn,
        selfMs: Math.round(s / 100) / 10,
        totalMs: Math.round(t / 100) / 10,
        selfPct: pct(s),
        totalPct: pct(t),
        lines,
      };
    })
    .sort((a, b) => b.selfMs - a.selfMs || b.totalMs - a.totalMs)
    .slice(0, limit);
}

/** The functions with the most total time (callees included), skipping the root and program frames. */
export function heaviest(profile: CpuProfile, limit = 25): HotSpot[] {
  const everything = hotSpots(profile, Infinity);
  return everything
    .filter((h) => !/^\((root|program|idle|garbage collector)\)/.test(h.fn))
    .sort((a, b) => b.totalMs - a.totalMs)
    .slice(0, limit);
}

export function formatHotSpots(title: string, spots: readonly HotSpot[]): string {
  const lines = spots.map(
    (h) =>
      `  ${h.selfMs.toFixed(1).padStart(9)} ms ${h.selfPct.toFixed(1).padStart(5)}%` +
      `  ${h.totalMs.toFixed(1).padStart(9)} ms ${h.totalPct.toFixed(1).padStart(5)}%  ${h.fn}` +
      (h.lines.length > 0
        ? `  [hot lines: ${h.lines.map((l) => `${l.line} ${l.pct}%`).join(', ')}]`
        : ''),
  );
  return [`${title}`, '       self            total', ...lines].join('\n');
}
