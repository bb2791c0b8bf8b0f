/**
 * The commands' counts past 2^53. `explore`: the JSON keeps the numbers and says `countsExact: false`;
 * the readable output writes them as estimates, with a note, and a count below 2^53
 * exactly. The unbounded search of metrics-stuck-flush's correct variant gets there in
 * well under a second.
 */
import { describe, expect, it } from 'vitest';
import { EXACT_COUNT_LIMIT, ROUNDED_COUNT_NOTE } from '../explorer/countText.ts';
import { tableOf } from '../explorer/table.ts';
import { ROUNDED_REPORT } from '../testing/roundedReport.ts';
import { main as explore, readableReport, readableTable } from './explore.ts';
import { main as postmortem } from './postmortem.ts';

const UNBOUNDED = ['--scenario', 'metrics-stuck-flush', '--preemptions', 'all'];

describe('explore past 2^53', () => {
  it('keeps numbers in JSON and says they are rounded', () => {
    const result = explore([...UNBOUNDED, '--variant', 'correct', '--json']);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(doc['countsExact']).toBe(false);
    expect(doc['schedules']).toBeGreaterThan(EXACT_COUNT_LIMIT);
    expect(typeof (doc['byOutcome'] as Record<string, unknown>)['ok']).toBe('number');
  });

  it('writes rounded counts as estimates in the readable output, with the note', () => {
    const text = explore([...UNBOUNDED, '--variant', 'correct']).stdout;
    expect(text).toContain('about 1.05 × 10²¹ schedules, 2,683 states');
    expect(text).toMatch(/^ {2}ok +about 1\.05 × 10²¹ +100\.0%$/m);
    expect(text).toContain(ROUNDED_COUNT_NOTE);
    expect(text).not.toMatch(/\d{16}|e\+\d/);
  });

  it('keeps an exact count exact beside rounded ones', () => {
    const text = readableReport(ROUNDED_REPORT);
    expect(text).toContain(
      'about 4.09 × 10¹⁸ schedules, 25,221 states, 1436.4 ms. Crashing: about 2.11 × 10¹⁷. Violating: about 2.55 × 10¹⁸.',
    );
    const rows = text.split('\n').filter((l) => l.startsWith('  crash:') || l.startsWith('  ok'));
    expect(rows[0]).toMatch(/crash:RuntimeError@main +135,903,762,539 /);
    // The counts column stays right-aligned.
    const ends = rows.map((r) => r.search(/(?<=\d|[⁰¹²³⁴⁵⁶⁷⁸⁹]) {2}\S/));
    expect(new Set(ends).size).toBe(1);
  });

  it('writes the comparison table the same way, with the note once', () => {
    const exact = {
      ...ROUNDED_REPORT,
      variant: 'upstream',
      schedules: 7522327487513475,
      countsExact: true,
      byOutcome: { ok: 7522327487513475 },
    };
    const text = readableTable(tableOf([ROUNDED_REPORT, exact]));
    expect(text).toMatch(/^ {2}buggy +yes +about 4\.09 × 10¹⁸ +25,221 /m);
    expect(text).toMatch(/^ {2}upstream +yes +7,522,327,487,513,475 /m);
    expect(text.split(ROUNDED_COUNT_NOTE)).toHaveLength(2);
    expect(readableTable(tableOf([exact]))).not.toContain(ROUNDED_COUNT_NOTE);
  });
});

describe('postmortem', () => {
  // It explores with the default bounds, whose counts stay far below 2^53: written exactly,
  // by the same formatter, with no note (the document with rounded counts is tested in
  // src/ui/postmortem/postmortemCounts.test.ts).
  it('writes its exact counts grouped, with no note', () => {
    const md = postmortem(['--scenario', 'metrics-stuck-flush', '--variant', 'buggy']).stdout;
    expect(md).toContain('crashes in 246 of 1,159 and breaks an invariant in 505.');
    expect(md).not.toContain(ROUNDED_COUNT_NOTE);
  });
});
