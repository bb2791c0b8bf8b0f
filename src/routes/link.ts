/**
 * Share links: everything needed to put another person on exactly the step you are
 * looking at. The format is
 *
 *   #/lab/<scenarioId>?v=<variant>&gil=<mode>&s=<schedule>&at=<step>&p.<param>=<value>
 *
 * plus, in the lab's own address (src/routes/address.ts), `tab=<drawer tab>` and
 * `notes=<pinned notes>`. `at` is a shown step: 0 is the initial state, N the state
 * after the Nth step (src/analysis/steps.ts).
 *
 * `v` defaults to `buggy`, `gil` to `py311`, a missing `s` means the natural schedule
 * and a missing `at` the start of the run; every parameter not named takes its default.
 * This module is pure: it reads and writes that format, decodes a query into a run's
 * fields (refusing fields a lab link does not have) and leaves the run itself to
 * `validateRun` (src/scenarios/runDescription.ts), which checks trace files the same
 * way. A bad link gives one clear sentence instead of a half-restored lab; nothing
 * throws. Whether a schedule string fits the scenario is decided later by
 * `decodeSchedule` (it needs the built program); here only its shape is checked.
 */
import type { Result } from '../engine/index.ts';
import {
  readParam,
  SCENARIO_CATALOG as SCENARIOS,
  type ScenarioMeta,
} from '../scenarios/catalog.ts';
import { clip } from '../scenarios/quoted.ts';
import {
  findRunScenario,
  validateRunOf,
  type RunDescription,
  type RunFields,
} from '../scenarios/runDescription.ts';
import type { RouteQuery } from './router.ts';

export { DEFAULT_GIL, DEFAULT_VARIANT } from '../scenarios/runDescription.ts';

/** A share link describes one run; what it holds, and how it is checked, is a trace's too. */
export type LabLink = RunDescription;

const PARAM_PREFIX = 'p.';
/** At most nine digits: MAX_STEP of runDescription.ts. */
const STEP_SHAPE = /^\d{1,9}$/;
/** `tab`, the lab drawer's open tab, is read by address.ts; the lab ignores names it lacks. */
const KNOWN_KEYS = new Set(['v', 'gil', 's', 'at', 'tab']);
const TAB_SHAPE = /^[a-z]{1,20}$/;

/** Reads a lab route's scenario id and query into a validated link. */
export function parseLabLink(
  scenarioId: string,
  query: RouteQuery,
  scenarios: readonly ScenarioMeta[] = SCENARIOS,
): Result<LabLink> {
  const def = findRunScenario(scenarioId, scenarios);
  if (!def.ok) return def;
  const fields = decodeQuery(def.value, query);
  return fields.ok ? validateRunOf(def.value, fields.value, 'the link') : fields;
}

/**
 * The link's own format, field by field in the order they come: each `p.<name>` must
 * name a parameter of `def` and hold a whole number (read as the validator reads it),
 * any other field must be one a lab link has; then the open tab and the step's digits.
 */
function decodeQuery(def: ScenarioMeta, query: RouteQuery): Result<RunFields> {
  // No prototype: a "p.__proto__" field is then an unknown parameter, not a silent no-op.
  const params: Record<string, number> = Object.create(null) as Record<string, number>;
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith(PARAM_PREFIX)) {
      const name = key.slice(PARAM_PREFIX.length);
      const read = readParam(def, name, value);
      if (!read.ok) return read;
      params[name] = read.value;
    } else if (!KNOWN_KEYS.has(key)) {
      return fail(
        `The link has an unknown field "${clip(key)}"; a lab link has v, gil, s, at, tab, notes and p.<parameter>.`,
      );
    }
  }
  const tab = query['tab'];
  if (tab !== undefined && !TAB_SHAPE.test(tab)) {
    return fail(`The open tab "tab" must be a short word, got "${clip(tab)}".`);
  }
  const atText = query['at'];
  if (atText !== undefined && !STEP_SHAPE.test(atText)) {
    return fail(`The step "at" must be a whole number of 0 or more, got "${clip(atText)}".`);
  }
  return {
    ok: true,
    value: {
      scenario: def.id,
      variant: query['v'],
      gil: query['gil'],
      params,
      schedule: query['s'],
      step: atText === undefined ? undefined : Number(atText),
    },
  };
}

/** The query of a link, in a fixed order: v, gil, s, at, then parameters by name. */
export function labLinkQuery(link: LabLink): Record<string, string> {
  const query: Record<string, string> = { v: link.variant, gil: link.gil };
  if (link.schedule !== null) query['s'] = link.schedule;
  if (link.step !== null) query['at'] = String(link.step);
  for (const name of Object.keys(link.params).sort()) {
    query[`${PARAM_PREFIX}${name}`] = String(link.params[name]);
  }
  return query;
}

/** The hash part of a link: `#/lab/<id>?...`. */
export function labLinkHash(link: LabLink): string {
  const query = new URLSearchParams(Object.entries(labLinkQuery(link))).toString();
  return `#/lab/${encodeURIComponent(link.scenario)}?${query}`;
}

/** The hash of a scenario opened fresh: its defaults and the natural schedule. */
export function freshLabHash(scenarioId: string): string {
  return `#/lab/${encodeURIComponent(scenarioId)}`;
}

/** A full address for sharing, built from the page's own location (origin and path). */
export function absoluteLink(pageHref: string, link: LabLink): string {
  const base = pageHref.split('#')[0] ?? '';
  return `${base}${labLinkHash(link)}`;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
