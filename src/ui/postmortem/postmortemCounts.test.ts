/**
 * The postmortem's Resolution with counts past 2^53 (the Export menu passes whatever the
 * lab explored; the command always explores with the default bounds): each rounded count
 * reads "about", a count below 2^53 stays exact, and a note says why.
 */
import { describe, expect, it } from 'vitest';
import { ROUNDED_COUNT_NOTE } from '../../explorer/countText.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { countsOf } from '../../store/explorerRunner.ts';
import type { VariantCounts } from '../../store/explorerSlice.ts';
import { ROUNDED_CLEAN_REPORT, ROUNDED_REPORT } from '../../testing/roundedReport.ts';
import { postmortemInputOf, runFacts } from './input.ts';
import { postmortemHtml, postmortemMarkdown } from './postmortem.ts';
import { tableRows } from './testing/sentences.ts';

function documentsWith(explorer: readonly VariantCounts[]) {
  const sim = simulate({ scenario: 'metrics-stuck-flush', variant: 'buggy', seed: 1 });
  if (!sim.ok) throw new Error(sim.error);
  const input = postmortemInputOf(runFacts(sim.value, [], 'https://example.test/'), explorer);
  return { md: postmortemMarkdown(input), html: postmortemHtml(input) };
}

function resolutionOf(md: string): string {
  return md.slice(md.indexOf('## Resolution'), md.indexOf('## Action items'));
}

describe('the postmortem with rounded counts', () => {
  const { md, html } = documentsWith([
    countsOf('buggy', ROUNDED_REPORT),
    countsOf('correct', ROUNDED_CLEAN_REPORT),
  ]);
  const resolution = resolutionOf(md);

  it('writes rounded counts as estimates in the sentences', () => {
    expect(resolution).toContain(
      'crashes in about 2.11 × 10¹⁷ of about 4.09 × 10¹⁸ and breaks an invariant in about 2.55 × 10¹⁸.',
    );
    expect(resolution).toContain('crashes in 0 of about 1.05 × 10²¹');
  });

  it('writes them so in the table too, keeping an exact count exact', () => {
    const rows = tableRows(md, 'Implementation');
    const buggy = rows.find((r) => r[0]?.startsWith('Buggy'));
    expect(buggy?.slice(1, 4)).toEqual([
      'about 4.09 × 10¹⁸',
      'about 2.11 × 10¹⁷',
      'about 2.55 × 10¹⁸',
    ]);
    expect(buggy?.[4]).toContain('crash:RuntimeError@main: 135,903,762,539');
    expect(buggy?.[4]).toContain('ok: about 1.53 × 10¹⁸');
  });

  it('says why, in Markdown and in HTML, and never prints false digits', () => {
    expect(resolution).toContain(ROUNDED_COUNT_NOTE.replace(/"/g, '"'));
    expect(html).toContain('counted with floating point, so rounded');
    expect(resolution).not.toMatch(/\d{16}|e\+\d/);
  });

  it('adds no note when every count is exact', () => {
    const exact = {
      ...countsOf('buggy', ROUNDED_REPORT),
      schedules: 1159,
      crashing: 246,
      violating: 505,
      byOutcome: { ok: 640 },
    };
    const plain = resolutionOf(documentsWith([exact]).md);
    expect(plain).toContain('crashes in 246 of 1,159');
    expect(plain).not.toContain('floating point');
  });
});
