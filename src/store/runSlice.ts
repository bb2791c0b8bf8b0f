/**
 * The run slice: the simulation being looked at (a `Simulation` from `simulate()`,
 * kept by reference because a `Run` is not plain data), the cursor, and the actions
 * that move the cursor or grow the run. Every action that changes the run bumps
 * `revision`; one that may change steps already recorded (a new run, a fork) also
 * bumps `epoch`, which keys the caches in derived.ts.
 */
import { encodeSchedule, naturalScheduler, type SwitchMode } from '../engine/index.ts';
import type { Params, VariantId } from '../scenarios/index.ts';
import type { RunDescription } from '../scenarios/runDescription.ts';
import { simulate, type Simulation } from '../scenarios/simulate.ts';
import { clampCursor, crashCursor, firstCrash, nextStepOf } from './navigation.ts';

/** What to open: a run description, as a share link or a trace file gives it (step null: the start). */
export type OpenRequest = RunDescription;

/** A natural run never grows past this many steps in one go (every model's loop is bounded). */
export const MAX_NATURAL_STEPS = 200_000;

export interface RunSlice {
  readonly sim: Simulation | null;
  /** Why the last `open` failed (a bad schedule string, say), for a role=alert. */
  readonly openError: string | null;
  /** A remark about the run that is not an error (the step was past the end, ...). */
  readonly notice: string | null;
  readonly cursor: number;
  readonly revision: number;
  readonly epoch: number;
  /** Opens a scenario; returns false and sets `openError` if the request is refused. */
  open(request: OpenRequest): boolean;
  /** Re-runs the same schedule on another variant, keeping the cursor where it can. */
  switchVariant(variant: VariantId): void;
  /** Starts a fresh natural run with another switch mode or parameters. */
  reconfigure(change: { readonly gil?: SwitchMode; readonly params?: Params }): void;
  seek(cursor: number): void;
  stepForward(): void;
  stepBack(): void;
  toStart(): void;
  toEnd(): void;
  toCrash(): boolean;
  toNextStepOf(thread: number): boolean;
  /** Runs `thread`'s next step at the cursor, forking the history there if needed. */
  stepWith(thread: number): boolean;
}

type Set = (partial: Partial<RunSlice>) => void;
type Get = () => RunSlice;

/** What the slice's actions share: the store's set and get, and the two ways a run changes. */
interface RunTools {
  readonly set: Set;
  readonly get: Get;
  /** Sets `extra` and bumps `revision`; `fork` (steps already recorded may change) bumps `epoch`. */
  bump(extra: Partial<RunSlice>, fork: boolean): void;
  /** Grows the run at its head by natural steps, at most `steps` of them; returns how many. */
  grow(steps: number): number;
}

export function createRunSlice(set: Set, get: Get): RunSlice {
  const tools: RunTools = {
    set,
    get,
    bump(extra, fork) {
      const { revision, epoch } = get();
      set({ ...extra, revision: revision + 1, epoch: fork ? epoch + 1 : epoch });
    },
    grow(steps) {
      const sim = get().sim;
      if (!sim || sim.run.ended) return 0;
      return sim.run.extend(naturalScheduler, steps);
    },
  };
  return {
    sim: null,
    openError: null,
    notice: null,
    cursor: 0,
    revision: 0,
    epoch: 0,
    open: (request) => openRun(tools, request),
    switchVariant: (variant) => switchVariant(tools, variant),
    reconfigure: (change) => reconfigure(tools, change),
    ...cursorActions(tools),
  };
}

function openRun({ set, get, bump }: RunTools, request: OpenRequest): boolean {
  // The address bar follows the store (src/ui/lab/useLabAddress.ts), so a link read
  // back from it names the run already on screen: then only the step moves.
  const shown = get().sim;
  if (shown && request.schedule !== null && sameRun(shown, request)) {
    set({ cursor: clampCursor(request.step ?? 0, shown.run.length), openError: null });
    return true;
  }
  const result = simulate({
    scenario: request.scenario,
    variant: request.variant,
    params: request.params,
    gil: request.gil,
    ...(request.schedule === null ? { maxSteps: MAX_NATURAL_STEPS } : {}),
    ...(request.schedule === null ? {} : { schedule: request.schedule }),
  });
  if (!result.ok) {
    bump({ sim: null, openError: result.error, notice: null, cursor: 0 }, true);
    return false;
  }
  const length = result.value.run.length;
  const wanted = request.step ?? 0;
  const notice =
    wanted > length
      ? `The link asks for step ${wanted}, but this run has ${length} steps; showing the last one.`
      : divergenceNotice(result.value.divergences.length);
  bump({ sim: result.value, openError: null, notice, cursor: clampCursor(wanted, length) }, true);
  return true;
}

function switchVariant({ get, bump, grow }: RunTools, variant: VariantId): void {
  const { sim, cursor } = get();
  if (!sim || sim.variant === variant) return;
  const schedule = currentSchedule(sim);
  const ok = get().open({
    scenario: sim.def.id,
    variant,
    gil: sim.gil,
    params: sim.params,
    schedule,
    step: null,
  });
  if (!ok) return;
  // The same interleaving on the other code, then on to wherever time takes it.
  grow(MAX_NATURAL_STEPS);
  const run = get().sim?.run;
  bump({ cursor: clampCursor(cursor, run?.length ?? 0) }, false);
}

function reconfigure(
  { set, get }: RunTools,
  change: { readonly gil?: SwitchMode; readonly params?: Params },
): void {
  const { sim, cursor } = get();
  if (!sim) return;
  const ok = get().open({
    scenario: sim.def.id,
    variant: sim.variant,
    gil: change.gil ?? sim.gil,
    params: change.params ?? sim.params,
    schedule: null,
    step: cursor,
  });
  if (ok) {
    set({ notice: 'The switch mode or a parameter changed, so this is a new natural run.' });
  }
}

type CursorActions = Pick<
  RunSlice,
  | 'seek'
  | 'stepForward'
  | 'stepBack'
  | 'toStart'
  | 'toEnd'
  | 'toCrash'
  | 'toNextStepOf'
  | 'stepWith'
>;

/** The actions that move the cursor, growing the run at its head or forking it where needed. */
function cursorActions(tools: RunTools): CursorActions {
  const { set, get, bump, grow } = tools;
  return {
    seek(target) {
      const sim = get().sim;
      if (!sim) return;
      set({ cursor: clampCursor(target, sim.run.length) });
    },
    stepForward() {
      const { sim, cursor } = get();
      if (!sim) return;
      if (cursor < sim.run.length) return set({ cursor: cursor + 1 });
      if (grow(1) > 0) bump({ cursor: sim.run.length }, false);
    },
    stepBack() {
      const { cursor } = get();
      if (cursor > 0) set({ cursor: cursor - 1 });
    },
    toStart() {
      set({ cursor: 0 });
    },
    toEnd() {
      const sim = get().sim;
      if (!sim) return;
      if (grow(MAX_NATURAL_STEPS) > 0) bump({ cursor: sim.run.length }, false);
      else set({ cursor: sim.run.length });
    },
    toCrash() {
      const sim = get().sim;
      const crash = sim ? firstCrash(sim.run) : null;
      if (!crash) return false;
      set({ cursor: crashCursor(crash) });
      return true;
    },
    toNextStepOf(thread) {
      const { sim, cursor } = get();
      if (!sim) return false;
      const target = nextStepOf(sim.run, thread, cursor);
      if (target === null) return false;
      set({ cursor: target });
      return true;
    },
    stepWith: (thread) => stepWith(tools, thread),
  };
}

function stepWith({ set, get, bump }: RunTools, thread: number): boolean {
  const { sim, cursor } = get();
  if (!sim) return false;
  const run = sim.run;
  // Choosing what the history already holds is not a fork: keep the future.
  if (cursor < run.length && run.threadAt(cursor) === thread) {
    set({ cursor: cursor + 1 });
    return true;
  }
  const fork = cursor < run.length;
  if (!run.stepWith(thread, cursor)) return false;
  bump({ cursor: cursor + 1, notice: null }, fork);
  return true;
}

/** Whether `request` names exactly the run of `sim`: same setup and the same schedule. */
function sameRun(sim: Simulation, request: OpenRequest): boolean {
  const keys = Object.keys(sim.params);
  return (
    sim.def.id === request.scenario &&
    sim.variant === request.variant &&
    sim.gil === request.gil &&
    keys.length === Object.keys(request.params).length &&
    keys.every((k) => sim.params[k] === request.params[k]) &&
    request.schedule === currentSchedule(sim)
  );
}

/** The schedule string that replays the simulation's run as it is now. */
export function currentSchedule(sim: Simulation): string {
  return encodeSchedule(sim.run.schedule(sim.def.version, sim.tag));
}

function divergenceNotice(count: number): string | null {
  if (count === 0) return null;
  return `At ${count} point${count === 1 ? '' : 's'} the schedule named a thread that could not run here, so the natural choice was taken.`;
}
