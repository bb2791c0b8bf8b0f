import { describe, expect, it } from 'vitest';
import { catalogEntry, failingOutcomes, type CatalogEntry } from '../../analysis/catalog.ts';
import { isCrashKey } from '../../explorer/outcomes.ts';
import { SCENARIOS, VARIANT_IDS, type ScenarioDef, type VariantId } from '../../scenarios/index.ts';
import { simulate } from '../../scenarios/simulate.ts';
import type { VariantCounts } from '../../store/explorerSlice.ts';
import { postmortemInputOf, runFacts } from './input.ts';
import { postmortemHtml, postmortemMarkdown } from './postmortem.ts';
import { proseSentences, tableRows } from './testing/sentences.ts';

const SECTIONS = [
  'Summary',
  'Impact',
  'Detection',
  'Timeline',
  'Root cause',
  'Trigger',
  'Resolution',
  'Action items',
  'Lessons learned',
  'Reproduce',
];

const HOSTILE = 'Look <script>alert(1)</script> and [here](javascript:alert(1)) | *now*';

function entryOf(def: ScenarioDef, variant: VariantId): CatalogEntry | null {
  return catalogEntry({
    scenario: def.id,
    scenarioVersion: def.version,
    variant,
    gil: 'py311',
    defaultParams: true,
  });
}

/** The explorer's counts as the catalogue recorded them (the same default bounds). */
function countsOf(def: ScenarioDef): VariantCounts[] {
  return VARIANT_IDS.flatMap((variant) => {
    const e = entryOf(def, variant);
    if (!e) return [];
    const sum = (test: (k: string) => boolean): number =>
      Object.entries(e.byOutcome).reduce((n, [k, v]) => (test(k) ? n + v : n), 0);
    return [
      {
        variant,
        complete: e.complete,
        schedules: e.schedules,
        states: 0,
        crashing: sum(isCrashKey),
        violating: sum((k) => k.startsWith('violation:')),
        byOutcome: e.byOutcome,
        minimal: null,
      },
    ];
  });
}

/** Each scenario's minimal counterexample: the first variant (buggy first) whose runs fail. */
const CASES = SCENARIOS.flatMap((def) => {
  for (const variant of VARIANT_IDS) {
    const e = entryOf(def, variant);
    const key = e ? failingOutcomes(e)[0] : undefined;
    if (e && key)
      return [{ def, variant, key, schedule: (e.minimal[key] as { schedule: string }).schedule }];
  }
  return [];
});

describe('the postmortem of each scenario’s minimal counterexample', () => {
  it('covers every scenario that can fail', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(5);
  });

  it.each(CASES)('$def.id ($variant, $key)', ({ def, variant, schedule }) => {
    const sim = simulate({ scenario: def.id, variant, schedule });
    if (!sim.ok) throw new Error(sim.error);
    const last = sim.value.run.length;
    const notes = [
      { step: 1, text: 'The first step.' },
      { step: last, text: HOSTILE },
    ];
    const facts = runFacts(sim.value, notes, 'https://example.test/lab/');
    const input = postmortemInputOf(facts, countsOf(def));
    const md = postmortemMarkdown(input);

    // Every section, in order.
    const headings = [...md.matchAll(/^## (.+)$/gm)].map((m) => m[1]);
    expect(headings).toEqual(SECTIONS);

    // Both colliding steps, each in its own timeline row with its thread.
    const c = facts.collision;
    expect(c, 'the collision analysis names both sides').not.toBeNull();
    if (!c) return;
    const rows = tableRows(md, 'Time');
    for (const [role, side] of [
      ['Victim', c.victim],
      ['Culprit', c.culprit],
    ] as const) {
      const row = rows.find((r) => r[1] === String(side.step));
      expect(row, `${role} step ${side.step} in the timeline`).toBeDefined();
      expect(row?.[2]).toBe(side.actor);
      expect(row?.[4]).toContain(`**${role}`);
    }

    // The notes, in place and as text: nothing in them becomes a link, tag or table cell.
    expect(rows.find((r) => r[1] === '1')?.[4]).toContain('The first step.');
    const lastRow = rows.find((r) => r[1] === String(last));
    expect(lastRow?.[4]).toContain('\\<script\\>alert(1)\\</script\\>');
    expect(lastRow?.[4]).toContain('\\[here\\](javascript:alert(1)) \\| \\*now\\*');
    expect(md).not.toMatch(/(?<!\\)\]\(javascript:/);
    const html = postmortemHtml(input);
    expect(html).not.toContain('<script');
    expect(html).toContain('Look &#60;script&#62;alert(1)&#60;/script&#62;');

    // No sentence said twice, and no row repeated.
    const sentences = proseSentences(md);
    expect(sentences.length).toBeGreaterThan(20);
    const seen = new Set<string>();
    const repeated = sentences.filter((s) => seen.has(s) || !seen.add(s));
    expect(repeated).toEqual([]);
    expect(new Set(rows.map((r) => r.join('|'))).size).toBe(rows.length);

    // No citation of a document the reader lacks, and the real upstream links.
    expect(md).not.toMatch(/\[\d+\.\d+[^\]]*\]|seed 00|seed's story|\bissue \d/i);
    expect(md).toMatch(/https:\/\/github\.com\/getsentry\/arroyo\/commit\/[0-9a-f]{40}/);
    expect(md).toMatch(/\[timeline-svg\]: data:image\/svg\+xml;base64,/);
  });
});
