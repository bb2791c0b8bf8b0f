/**
 * The tour format (docs/tours.md) and its validator. A tour is plain JSON an
 * instructor writes without touching code: chapters, each a position in one run of
 * a scenario (scenario, variant, schedule, step), a highlight, an annotation, notes
 * for the presenter and an optional "predict the next step" question.
 *
 * The validator is hand-written (no schema library): it walks the value, collects
 * every problem with the path where it is ("chapter 3 (\"crash\"), step.findAt"),
 * rejects unknown keys so a typo never passes silently, and checks names against
 * the scenario catalogue. Whether a position exists in its run is decided by
 * position.ts, which needs the run; tours.test.ts does both for every tour.
 */
import { SWITCH_MODES, type Result, type SwitchMode } from '../engine/index.ts';
import { INVARIANT_IDS, type InvariantId } from '../worlds/invariants.ts';
import {
  SCENARIOS,
  VARIANT_IDS,
  validateParams,
  type ScenarioDef,
  type VariantId,
} from '../scenarios/index.ts';

export type Audience = 'training' | 'postmortem' | 'both';
export const AUDIENCES: readonly Audience[] = ['training', 'postmortem', 'both'];

/** Which schedule of the scenario: the natural one, an exact schedule string, or a seeded random one. */
export type ScheduleSpec = 'natural' | string | { readonly seed: number };

/**
 * Where in the run the chapter stands (a cursor: the world after that many steps).
 * Prefer the symbolic forms: they survive edits to the model that move step numbers.
 */
export type StepSpec =
  | number
  | { readonly to: 'start' | 'end' | 'crash'; readonly offset?: number }
  | { readonly to: 'violation'; readonly invariant?: InvariantId; readonly offset?: number }
  | {
      /** `listingId:anchor`: the line some step executes. */
      readonly findAt: string;
      /** Only steps of this actor count. */
      readonly actor?: string;
      /** 0-based: which matching step (default 0, the first). */
      readonly nth?: number;
      /** Stand just after that step rather than just before it (default false). */
      readonly after?: boolean;
      readonly offset?: number;
    };

export interface Highlight {
  readonly actor?: string;
  /** `listingId:anchor` of the key code line. */
  readonly line?: string;
  /** A '/'-separated path into the world state, such as `processor/paused`. */
  readonly statePath?: string;
}

export interface Choice {
  readonly text: string;
  readonly correct: boolean;
  readonly feedback: string;
  /** For which-thread questions: the actor this choice names (checked against the run). */
  readonly actor?: string;
}

export type QuestionKind = 'which-thread' | 'what-happens';
export const QUESTION_KINDS: readonly QuestionKind[] = ['which-thread', 'what-happens'];

export interface Question {
  readonly prompt: string;
  readonly kind: QuestionKind;
  readonly choices: readonly Choice[];
  /** Three hints, from general to specific. */
  readonly hints: readonly [string, string, string];
}

/** A side panel that runs the explorer: a stress run (sampling) beside the exact count. */
export interface Evidence {
  readonly kind: 'stress-vs-explorer';
  readonly variant: VariantId;
  readonly runs: number;
  readonly strategy: 'random' | 'pct';
  readonly seed: number;
}

export interface Expectation {
  /** The run's outcome keys (`ok`, `crash:AssertionError@main`, `violation:message-loss`), in any order. */
  readonly outcome: readonly string[];
}

export interface Chapter {
  readonly id: string;
  readonly title: string;
  readonly scenario: string;
  readonly variant: VariantId;
  readonly params?: Readonly<Record<string, number>>;
  readonly gil?: SwitchMode;
  readonly schedule: ScheduleSpec;
  readonly step: StepSpec;
  readonly highlight?: Highlight;
  /** Markdown-lite (markdown.ts): paragraphs, lists, **bold**, *emphasis*, `code`, links. */
  readonly annotation: string;
  /** Presenter-only notes (shown on the presenter's screen, never to the room). */
  readonly notes: string;
  readonly question?: Question;
  readonly evidence?: Evidence;
  /** What the whole run must end in; a model change that breaks it fails the tour test. */
  readonly expect?: Expectation;
  /**
   * The timeline lanes presenter mode shows (a thread id, a state path, a dict or lock
   * name, or a lane's label); absent: the lanes that changed in the chapter's steps.
   */
  readonly lanes?: readonly string[];
}

export interface Tour {
  readonly id: string;
  readonly title: string;
  readonly race: 'A' | 'B';
  readonly audience: Audience;
  /** One or two sentences for the list of tours. */
  readonly summary: string;
  readonly chapters: readonly Chapter[];
}

/** Ids are URL slugs. `lab` is reserved for presenting a lab run (#/present/lab/<scenario>). */
export const ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,59}$/;
export const RESERVED_TOUR_IDS: readonly string[] = ['lab'];
const AT_PATTERN = /^[A-Za-z0-9_.-]+:[A-Za-z0-9_.-]+$/;
const SCHEDULE_PATTERN = /^s\d+\.\d+\.[A-Za-z0-9]+\.[A-Za-z0-9_-]+$/;
const MAX_TEXT = 4000;

type Obj = Readonly<Record<string, unknown>>;

/** Collects problems, each prefixed by where it is. */
class Problems {
  readonly list: string[] = [];
  add(where: string, message: string): void {
    this.list.push(where === '' ? message : `${where}: ${message}`);
  }
}

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function describe(v: unknown): string {
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v);
  if (typeof v === 'object') return 'an object';
  return JSON.stringify(v);
}

function keysOnly(p: Problems, where: string, o: Obj, allowed: readonly string[]): void {
  for (const key of Object.keys(o)) {
    if (allowed.includes(key)) continue;
    const near = allowed.find((a) => a.toLowerCase() === key.toLowerCase());
    p.add(
      where,
      `unknown field "${key}"${near ? ` (did you mean "${near}"?)` : ''}; allowed: ${allowed.join(', ')}`,
    );
  }
}

function text(p: Problems, where: string, o: Obj, key: string, optional = false): string | null {
  const v = o[key];
  if (v === undefined && optional) return null;
  if (typeof v !== 'string' || v.trim() === '') {
    p.add(where, `"${key}" must be a non-empty string, got ${describe(v)}`);
    return null;
  }
  if (v.length > MAX_TEXT)
    p.add(where, `"${key}" is ${v.length} characters; the limit is ${MAX_TEXT}`);
  return v;
}

function oneOf<T extends string>(
  p: Problems,
  where: string,
  o: Obj,
  key: string,
  valid: readonly T[],
  optional = false,
): T | null {
  const v = o[key];
  if (v === undefined && optional) return null;
  if (typeof v === 'string' && (valid as readonly string[]).includes(v)) return v as T;
  p.add(where, `"${key}" must be one of ${valid.join(', ')}, got ${describe(v)}`);
  return null;
}

function wholeNumber(
  p: Problems,
  where: string,
  o: Obj,
  key: string,
  min: number,
  max: number,
  optional = true,
): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max) {
    p.add(where, `"${key}" must be a whole number from ${min} to ${max}, got ${describe(v)}`);
  }
}

function atRef(p: Problems, where: string, o: Obj, key: string, optional: boolean): void {
  const v = o[key];
  if (v === undefined && optional) return;
  if (typeof v !== 'string' || !AT_PATTERN.test(v)) {
    p.add(
      where,
      `"${key}" must look like "listing:anchor" (for example "processor-buggy:paused.poll"), got ${describe(v)}`,
    );
  }
}

function actorRef(
  p: Problems,
  where: string,
  o: Obj,
  key: string,
  def: ScenarioDef | undefined,
): void {
  const v = o[key];
  if (v === undefined) return;
  const actors = def?.actors.map((a) => a.id) ?? [];
  if (typeof v !== 'string' || (def && !actors.includes(v))) {
    p.add(
      where,
      `"${key}" must be an actor of the scenario (${actors.join(', ') || 'unknown scenario'}), got ${describe(v)}`,
    );
  }
}

function checkSchedule(p: Problems, where: string, v: unknown): void {
  if (v === 'natural') return;
  if (typeof v === 'string') {
    if (!SCHEDULE_PATTERN.test(v)) {
      p.add(
        where,
        `"schedule" must be "natural", a schedule string like "s1.1.nx8nly.xBA", or {"seed": N}; got ${describe(v)}`,
      );
    }
    return;
  }
  if (isObj(v)) {
    keysOnly(p, `${where}, schedule`, v, ['seed']);
    wholeNumber(p, `${where}, schedule`, v, 'seed', 0, 0xffffffff, false);
    return;
  }
  p.add(
    where,
    `"schedule" must be "natural", a schedule string, or {"seed": N}; got ${describe(v)}`,
  );
}

function checkStep(p: Problems, where: string, v: unknown, def: ScenarioDef | undefined): void {
  const at = `${where}, step`;
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < 0)
      p.add(where, `"step" as a number must be a whole number of 0 or more, got ${v}`);
    return;
  }
  if (!isObj(v)) {
    p.add(
      where,
      `"step" must be a step number, {"to": "crash" | "end" | "start" | "violation"} or {"findAt": "listing:anchor"}; got ${describe(v)}`,
    );
    return;
  }
  wholeNumber(p, at, v, 'offset', -1000, 1000);
  if ('findAt' in v) {
    keysOnly(p, at, v, ['findAt', 'actor', 'nth', 'after', 'offset']);
    atRef(p, at, v, 'findAt', false);
    actorRef(p, at, v, 'actor', def);
    wholeNumber(p, at, v, 'nth', 0, 100_000);
    if (v['after'] !== undefined && typeof v['after'] !== 'boolean')
      p.add(at, `"after" must be true or false, got ${describe(v['after'])}`);
    return;
  }
  const to = oneOf(p, at, v, 'to', ['start', 'end', 'crash', 'violation'] as const);
  if (to === 'violation') {
    keysOnly(p, at, v, ['to', 'invariant', 'offset']);
    oneOf(p, at, v, 'invariant', INVARIANT_IDS, true);
  } else {
    keysOnly(p, at, v, ['to', 'offset']);
  }
}

function checkHighlight(
  p: Problems,
  where: string,
  v: unknown,
  def: ScenarioDef | undefined,
): void {
  if (v === undefined) return;
  const at = `${where}, highlight`;
  if (!isObj(v)) return p.add(where, `"highlight" must be an object, got ${describe(v)}`);
  keysOnly(p, at, v, ['actor', 'line', 'statePath']);
  actorRef(p, at, v, 'actor', def);
  atRef(p, at, v, 'line', true);
  const path = v['statePath'];
  if (path !== undefined && (typeof path !== 'string' || !/^[^/\s][^\s]*$/.test(path))) {
    p.add(
      at,
      `"statePath" must be a path like "processor/paused" (segments joined by "/"), got ${describe(path)}`,
    );
  }
}

function checkQuestion(p: Problems, where: string, v: unknown, def: ScenarioDef | undefined): void {
  if (v === undefined) return;
  const at = `${where}, question`;
  if (!isObj(v)) return p.add(where, `"question" must be an object, got ${describe(v)}`);
  keysOnly(p, at, v, ['prompt', 'kind', 'choices', 'hints']);
  text(p, at, v, 'prompt');
  const kind = oneOf(p, at, v, 'kind', QUESTION_KINDS);
  const choices = v['choices'];
  if (!Array.isArray(choices) || choices.length < 2 || choices.length > 6) {
    p.add(at, `"choices" must be a list of 2 to 6 choices, got ${describe(choices)}`);
  } else {
    let correct = 0;
    choices.forEach((c: unknown, i) => {
      const cw = `${at}, choice ${i + 1}`;
      if (!isObj(c)) return p.add(cw, `a choice must be an object, got ${describe(c)}`);
      keysOnly(p, cw, c, ['text', 'correct', 'feedback', 'actor']);
      text(p, cw, c, 'text');
      text(p, cw, c, 'feedback');
      if (typeof c['correct'] !== 'boolean')
        p.add(cw, `"correct" must be true or false, got ${describe(c['correct'])}`);
      if (c['correct'] === true) correct++;
      actorRef(p, cw, c, 'actor', def);
      if (kind === 'which-thread' && c['actor'] === undefined) {
        p.add(
          cw,
          'a which-thread choice must name its "actor", so the tour test can check the answer against the run',
        );
      }
    });
    if (correct !== 1) p.add(at, `exactly one choice must be correct, found ${correct}`);
  }
  const hints = v['hints'];
  if (
    !Array.isArray(hints) ||
    hints.length !== 3 ||
    !hints.every((h) => typeof h === 'string' && h.trim() !== '')
  ) {
    p.add(
      at,
      `"hints" must be a list of exactly three non-empty strings, from general to specific; got ${describe(hints)}`,
    );
  }
}

function checkEvidence(p: Problems, where: string, v: unknown): void {
  if (v === undefined) return;
  const at = `${where}, evidence`;
  if (!isObj(v)) return p.add(where, `"evidence" must be an object, got ${describe(v)}`);
  keysOnly(p, at, v, ['kind', 'variant', 'runs', 'strategy', 'seed']);
  oneOf(p, at, v, 'kind', ['stress-vs-explorer'] as const);
  oneOf(p, at, v, 'variant', VARIANT_IDS);
  oneOf(p, at, v, 'strategy', ['random', 'pct'] as const);
  wholeNumber(p, at, v, 'runs', 1, 100_000, false);
  wholeNumber(p, at, v, 'seed', 0, 0xffffffff, false);
}

function checkExpect(p: Problems, where: string, v: unknown): void {
  if (v === undefined) return;
  const at = `${where}, expect`;
  if (!isObj(v)) return p.add(where, `"expect" must be an object, got ${describe(v)}`);
  keysOnly(p, at, v, ['outcome']);
  const o = v['outcome'];
  const key = /^(ok|crash:[A-Za-z]+@[a-z]+|violation:[a-z-]+)$/;
  if (
    !Array.isArray(o) ||
    o.length === 0 ||
    !o.every((k) => typeof k === 'string' && key.test(k))
  ) {
    p.add(
      at,
      `"outcome" must be a non-empty list of outcome keys ("ok", "crash:AssertionError@main", "violation:message-loss"), got ${describe(o)}`,
    );
  }
}

function checkChapter(p: Problems, v: unknown, index: number, seen: Set<string>): void {
  const label = isObj(v) && typeof v['id'] === 'string' ? ` ("${v['id']}")` : '';
  const where = `chapter ${index + 1}${label}`;
  if (!isObj(v)) return p.add(where, `a chapter must be an object, got ${describe(v)}`);
  keysOnly(p, where, v, [
    'id',
    'title',
    'scenario',
    'variant',
    'params',
    'gil',
    'schedule',
    'step',
    'highlight',
    'annotation',
    'notes',
    'question',
    'evidence',
    'expect',
    'lanes',
  ]);
  const id = v['id'];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    p.add(where, `"id" must be a slug of lower-case letters, digits and "-", got ${describe(id)}`);
  } else if (seen.has(id)) {
    p.add(
      where,
      `chapter id "${id}" is used twice; chapter ids are the deep links, so they must be unique`,
    );
  } else seen.add(id);
  text(p, where, v, 'title');
  text(p, where, v, 'annotation');
  text(p, where, v, 'notes');
  const scenarioId = v['scenario'];
  const def = SCENARIOS.find((s) => s.id === scenarioId);
  if (!def) {
    p.add(
      where,
      `"scenario" must be one of ${SCENARIOS.map((s) => s.id).join(', ')}, got ${describe(scenarioId)}`,
    );
  }
  oneOf(p, where, v, 'variant', VARIANT_IDS);
  oneOf(p, where, v, 'gil', SWITCH_MODES, true);
  const params = v['params'];
  if (params !== undefined) {
    if (!isObj(params))
      p.add(where, `"params" must be an object of parameter values, got ${describe(params)}`);
    else if (def) {
      const checked = validateParams(def, params);
      if (!checked.ok) p.add(where, checked.error);
    }
  }
  checkSchedule(p, where, v['schedule']);
  checkStep(p, where, v['step'], def);
  checkHighlight(p, where, v['highlight'], def);
  checkQuestion(p, where, v['question'], def);
  checkEvidence(p, where, v['evidence']);
  checkExpect(p, where, v['expect']);
  const lanes = v['lanes'];
  if (
    lanes !== undefined &&
    !(
      Array.isArray(lanes) &&
      lanes.length > 0 &&
      lanes.every((l) => typeof l === 'string' && l.trim() !== '')
    )
  ) {
    p.add(where, `"lanes" must be a non-empty list of lane names, got ${describe(lanes)}`);
  }
}

/** Validates one tour; the error lists every problem found, one per line. */
export function validateTour(value: unknown, source = 'tour'): Result<Tour> {
  const p = new Problems();
  if (!isObj(value)) {
    return { ok: false, error: `${source}: a tour must be a JSON object, got ${describe(value)}` };
  }
  keysOnly(p, '', value, ['$schema', 'id', 'title', 'race', 'audience', 'summary', 'chapters']);
  const id = value['id'];
  if (typeof id !== 'string' || !ID_PATTERN.test(id)) {
    p.add('', `"id" must be a slug of lower-case letters, digits and "-", got ${describe(id)}`);
  } else if (RESERVED_TOUR_IDS.includes(id)) {
    p.add('', `"id" may not be "${id}": it is reserved for presenting a lab run`);
  }
  text(p, '', value, 'title');
  text(p, '', value, 'summary');
  const race = oneOf(p, '', value, 'race', ['A', 'B'] as const);
  oneOf(p, '', value, 'audience', AUDIENCES);
  const chapters = value['chapters'];
  if (!Array.isArray(chapters) || chapters.length === 0) {
    p.add('', `"chapters" must be a non-empty list, got ${describe(chapters)}`);
  } else {
    const seen = new Set<string>();
    chapters.forEach((c, i) => {
      checkChapter(p, c, i, seen);
      const def = isObj(c) ? SCENARIOS.find((s) => s.id === c['scenario']) : undefined;
      if (def && race && def.race !== race) {
        p.add(
          `chapter ${i + 1}`,
          `scenario "${def.id}" is race ${def.race}, but the tour is about race ${race}`,
        );
      }
    });
  }
  if (p.list.length > 0) {
    const name = typeof id === 'string' ? `${source} "${id}"` : source;
    return { ok: false, error: `${name} is not a valid tour:\n- ${p.list.join('\n- ')}` };
  }
  return { ok: true, value: value as unknown as Tour };
}
