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
 * This module is pure: it reads and writes that format and checks every field, so a
 * bad link gives one clear sentence instead of a half-restored lab. It never throws.
 * Whether a schedule string fits the scenario is decided later by `decodeSchedule`
 * (it needs the built program); here only its shape is checked.
 */
import { SWITCH_MODES, type SwitchMode } from '../engine/types.ts';
import type { Result } from '../engine/index.ts';
import {
  SCENARIO_CATALOG as SCENARIOS,
  VARIANT_IDS,
  validateParams,
  type Params,
  type ScenarioMeta as ScenarioDef,
  type VariantId,
} from '../scenarios/catalog.ts';
import type { RouteQuery } from './router.ts';

export interface LabLink {
  readonly scenario: string;
  readonly variant: VariantId;
  readonly gil: SwitchMode;
  /** Complete and validated: every parameter of the scenario has a value. */
  readonly params: Params;
  /** A schedule string, or null for the natural schedule. */
  readonly schedule: string | null;
  /** The step to show (0 = before the first step); null when the link does not say. */
  readonly at: number | null;
}

export const DEFAULT_VARIANT: VariantId = 'buggy';
export const DEFAULT_GIL: SwitchMode = 'py311';
const PARAM_PREFIX = 'p.';
const SCHEDULE_SHAPE = /^[A-Za-z0-9._-]{1,100000}$/;
const STEP_SHAPE = /^\d{1,9}$/;
const PARAM_SHAPE = /^-?\d{1,9}$/;
/** `tab`, the lab drawer's open tab, is read by address.ts; the lab ignores names it lacks. */
const KNOWN_KEYS = new Set(['v', 'gil', 's', 'at', 'tab']);
const TAB_SHAPE = /^[a-z]{1,20}$/;

/** Reads a lab route's scenario id and query into a validated link. */
export function parseLabLink(
  scenarioId: string,
  query: RouteQuery,
  scenarios: readonly ScenarioDef[] = SCENARIOS,
): Result<LabLink> {
  const def = scenarios.find((s) => s.id === scenarioId);
  if (!def) {
    const valid = scenarios.map((s) => s.id).join(', ') || '(none are loaded)';
    return fail(`There is no scenario "${clip(scenarioId)}". Valid scenarios: ${valid}.`);
  }
  // No prototype: a "p.__proto__" field is then an unknown parameter, not a silent no-op.
  const given: Record<string, string> = Object.create(null) as Record<string, string>;
  for (const [key, value] of Object.entries(query)) {
    if (key.startsWith(PARAM_PREFIX)) {
      const name = key.slice(PARAM_PREFIX.length);
      if (!def.params.some((p) => p.id === name)) {
        const names = def.params.map((p) => p.id).join(', ') || '(none)';
        return fail(
          `Scenario "${def.id}" has no parameter "${clip(name)}"; its parameters are: ${names}.`,
        );
      }
      if (!PARAM_SHAPE.test(value)) {
        return fail(`Parameter "${name}" must be a whole number, got "${clip(value)}".`);
      }
      given[name] = value;
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
  const variant = query['v'] ?? DEFAULT_VARIANT;
  if (!(VARIANT_IDS as readonly string[]).includes(variant)) {
    return fail(`Unknown variant "${clip(variant)}". Valid variants: ${VARIANT_IDS.join(', ')}.`);
  }
  const gil = query['gil'] ?? DEFAULT_GIL;
  if (!(SWITCH_MODES as readonly string[]).includes(gil)) {
    return fail(`Unknown switch mode "${clip(gil)}". Valid modes: ${SWITCH_MODES.join(', ')}.`);
  }
  const schedule = query['s'] ?? null;
  if (schedule !== null && !SCHEDULE_SHAPE.test(schedule)) {
    return fail(
      'The schedule in the link is damaged: it may hold only letters, digits, ".", "_" and "-".',
    );
  }
  const atText = query['at'];
  if (atText !== undefined && !STEP_SHAPE.test(atText)) {
    return fail(`The step "at" must be a whole number of 0 or more, got "${clip(atText)}".`);
  }
  const params = validateParams(def, given);
  if (!params.ok) return params;
  return {
    ok: true,
    value: {
      scenario: def.id,
      variant: variant as VariantId,
      gil: gil as SwitchMode,
      params: params.value,
      schedule,
      at: atText === undefined ? null : Number(atText),
    },
  };
}

/** The query of a link, in a fixed order: v, gil, s, at, then parameters by name. */
export function labLinkQuery(link: LabLink): Record<string, string> {
  const query: Record<string, string> = { v: link.variant, gil: link.gil };
  if (link.schedule !== null) query['s'] = link.schedule;
  if (link.at !== null) query['at'] = String(link.at);
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

function clip(text: string): string {
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
