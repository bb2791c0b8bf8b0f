/**
 * Puts a chapter on its run: which schedule to replay (a seed becomes the schedule
 * string it produces), which cursor its step names, and whether its highlight and
 * question fit what the run does there. The app's tour player and the headless tour
 * test (tours.test.ts) both go through here, so a model change that moves, removes
 * or renames what a tour points at fails CI with a sentence saying which chapter and
 * why, instead of a tour that quietly shows the wrong step.
 *
 * Cursors follow src/store/navigation.ts: cursor k is the world after k steps, the
 * step about to run at cursor k is step k (0-based), a crash at step i is seen at
 * cursor i + 1, a violation at its own recorded cursor.
 */
import {
  encodeSchedule,
  naturalScheduler,
  outcomeKeys,
  resolveAt,
  type Result,
} from '../engine/index.ts';
import { simulate, type Simulation } from '../scenarios/simulate.ts';
import type { Chapter, Highlight, StepSpec } from './schema.ts';

/** A natural run never grows past this many steps (the lab uses the same bound). */
export const MAX_NATURAL_STEPS = 200_000;

export interface ChapterRunRequest {
  readonly scenario: string;
  readonly variant: Chapter['variant'];
  readonly gil: NonNullable<Chapter['gil']>;
  readonly params: Readonly<Record<string, number>>;
  /** An exact schedule string, or null for the natural schedule. */
  readonly schedule: string | null;
}

/**
 * Runs the chapter's schedule headlessly: the natural schedule, a seeded random one,
 * or a schedule string. A schedule string is replayed exactly and the run then goes on
 * along the natural schedule to its end (the explorer's minimal schedules stop at the
 * failure; the aftermath is part of the story). The request that comes back carries
 * the full schedule string, so the lab store replays exactly this run.
 */
export function prepareChapter(
  chapter: Chapter,
): Result<{ readonly request: ChapterRunRequest; readonly sim: Simulation }> {
  const base = {
    scenario: chapter.scenario,
    variant: chapter.variant,
    gil: chapter.gil ?? 'py311',
    params: chapter.params ?? {},
  } as const;
  const natural = chapter.schedule === 'natural';
  const result = simulate({
    ...base,
    ...(natural ? { maxSteps: MAX_NATURAL_STEPS } : {}),
    ...(typeof chapter.schedule === 'string' && !natural ? { schedule: chapter.schedule } : {}),
    ...(typeof chapter.schedule === 'object'
      ? { seed: chapter.schedule.seed, maxSteps: MAX_NATURAL_STEPS }
      : {}),
  });
  if (!result.ok) return result;
  const sim = result.value;
  if (sim.divergences.length > 0) {
    return fail(
      `the schedule no longer fits the model: at ${sim.divergences.length} point(s) it names a thread that cannot run (regenerate it with npm run explore)`,
    );
  }
  if (natural) return { ok: true, value: { request: { ...base, schedule: null }, sim } };
  if (!sim.run.ended) sim.run.extend(naturalScheduler, MAX_NATURAL_STEPS);
  const schedule = encodeSchedule(sim.run.schedule(sim.def.version, sim.tag));
  return { ok: true, value: { request: { ...base, schedule }, sim: { ...sim, schedule } } };
}

/** The cursor a step spec names in this run. */
export function resolvePosition(sim: Simulation, spec: StepSpec): Result<number> {
  const run = sim.run;
  const length = run.length;
  let base: number;
  let offset = 0;
  if (typeof spec === 'number') {
    base = spec;
  } else if ('findAt' in spec) {
    const found = findStep(sim, spec.findAt, spec.actor, spec.nth ?? 0);
    if (!found.ok) return found;
    base = spec.after === true ? found.value + 1 : found.value;
    offset = spec.offset ?? 0;
  } else {
    offset = spec.offset ?? 0;
    switch (spec.to) {
      case 'start':
        base = 0;
        break;
      case 'end':
        base = length;
        break;
      case 'crash': {
        const crash = run.last.crashes[0];
        if (!crash)
          return fail(
            `the step is {"to": "crash"}, but this run does not crash (it ends in ${outcomeKeys(run.last).join(', ')})`,
          );
        base = crash.step + 1;
        break;
      }
      case 'violation': {
        const wanted = spec.invariant;
        const v = run.last.violations.find((x) => wanted === undefined || x.invariant === wanted);
        if (!v) {
          return fail(
            `the step is {"to": "violation"${wanted ? `, "invariant": "${wanted}"` : ''}}, but this run breaks ${run.last.violations.map((x) => x.invariant).join(', ') || 'no invariant'}`,
          );
        }
        base = v.step;
        break;
      }
    }
  }
  const cursor = base + offset;
  if (cursor < 0 || cursor > length) {
    return fail(`the step resolves to ${cursor}, outside this run's steps 0 to ${length}`);
  }
  return { ok: true, value: cursor };
}

/** Index (0-based) of the `nth` step that executes `at`, by `actor` if given. */
function findStep(
  sim: Simulation,
  at: string,
  actor: string | undefined,
  nth: number,
): Result<number> {
  try {
    resolveAt(sim.program.listings, at);
  } catch (error) {
    return fail(
      `"findAt": ${(error as Error).message} (listings: ${Object.keys(sim.program.listings).join(', ')})`,
    );
  }
  const run = sim.run;
  const actors = sim.program.actors;
  let seen = 0;
  for (let i = 0; i < run.length; i++) {
    const instr = sim.program.instrs[run.pcAt(i)];
    if (instr?.at !== at) continue;
    if (actor !== undefined && actors[run.threadAt(i)] !== actor) continue;
    if (seen === nth) return { ok: true, value: i };
    seen++;
  }
  const who = actor === undefined ? '' : ` by ${actor}`;
  return fail(
    seen === 0
      ? `no step${who} executes "${at}" in this run`
      : `"${at}"${who} is executed ${seen} time(s) in this run; "nth": ${nth} asks for number ${nth + 1}`,
  );
}

/** The value at a '/'-separated path of the world state, or undefined if there is none. */
export function valueAtPath(state: unknown, path: string): unknown {
  let node: unknown = state;
  for (const raw of path.split('/')) {
    const segment = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (node === null || typeof node !== 'object') return undefined;
    node = Array.isArray(node)
      ? node[Number(segment)]
      : Object.hasOwn(node, segment)
        ? (node as Record<string, unknown>)[segment]
        : undefined;
  }
  return node;
}

/** Problems with a highlight at this cursor (empty when it fits). */
export function highlightProblems(
  sim: Simulation,
  cursor: number,
  h: Highlight | undefined,
): string[] {
  if (!h) return [];
  const out: string[] = [];
  if (h.actor !== undefined && !sim.program.actors.includes(h.actor)) {
    out.push(
      `highlight.actor "${h.actor}" is not an actor of this run (${sim.program.actors.join(', ')})`,
    );
  }
  if (h.line !== undefined) {
    try {
      resolveAt(sim.program.listings, h.line);
    } catch (error) {
      out.push(`highlight.line: ${(error as Error).message}`);
    }
  }
  if (h.statePath !== undefined) {
    const world = sim.run.worldAt(cursor);
    if (valueAtPath(world.state, h.statePath) === undefined) {
      out.push(
        `highlight.statePath "${h.statePath}" names nothing in the world state at step ${cursor}`,
      );
    }
  }
  return out;
}

/** Everything a chapter resolves to, checked. */
export interface ResolvedChapter {
  readonly request: ChapterRunRequest;
  readonly sim: Simulation;
  readonly cursor: number;
}

/** Resolves and checks a chapter headlessly: the run, the position, the highlight, the question, the outcome. */
export function resolveChapter(chapter: Chapter): Result<ResolvedChapter> {
  const prepared = prepareChapter(chapter);
  if (!prepared.ok) return prepared;
  const { request, sim } = prepared.value;
  const cursor = resolvePosition(sim, chapter.step);
  if (!cursor.ok) return cursor;
  const problems = [
    ...highlightProblems(sim, cursor.value, chapter.highlight),
    ...questionProblems(sim, cursor.value, chapter),
    ...expectProblems(sim, chapter),
  ];
  if (problems.length > 0) return fail(problems.join('; '));
  return { ok: true, value: { request, sim, cursor: cursor.value } };
}

function questionProblems(sim: Simulation, cursor: number, chapter: Chapter): string[] {
  const q = chapter.question;
  if (!q || q.kind !== 'which-thread') return [];
  if (cursor >= sim.run.length) {
    return [`the which-thread question stands at step ${cursor}, after the last step of the run`];
  }
  const next = sim.program.actors[sim.run.threadAt(cursor)];
  const right = q.choices.find((c) => c.correct);
  if (right?.actor !== next) {
    return [
      `the which-thread question's correct choice names "${right?.actor}", but the run's next step is taken by "${next}"`,
    ];
  }
  return [];
}

function expectProblems(sim: Simulation, chapter: Chapter): string[] {
  if (!chapter.expect) return [];
  const got = outcomeKeys(sim.run.last).slice().sort();
  const want = [...chapter.expect.outcome].sort();
  return got.join(',') === want.join(',')
    ? []
    : [`expect.outcome is ${want.join(', ')}, but the run ends in ${got.join(', ')}`];
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
