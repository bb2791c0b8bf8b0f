/**
 * Guided tours in Chromium: every tour plays chapter by chapter to its end, each
 * chapter showing its annotation at its moment with no error; a tour link opens at
 * its chapter; questions answer with feedback and hints; the stress run sits beside
 * the explorer's count; the postmortem downloads with its sections.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { seriousViolations } from './lab.ts';

interface TourFile {
  readonly id: string;
  readonly title: string;
  readonly chapters: readonly { readonly id: string; readonly title: string }[];
}

const TOUR_DIR = new URL('../src/tours/', import.meta.url);
const TOURS: readonly TourFile[] = readdirSync(TOUR_DIR)
  .filter((f) => f.endsWith('.json'))
  .map((f) => JSON.parse(readFileSync(new URL(f, TOUR_DIR), 'utf8')) as TourFile);

test('there are tours to play', () => {
  expect(TOURS.length).toBeGreaterThanOrEqual(6);
});

for (const tour of TOURS) {
  test(`tour "${tour.id}" plays chapter by chapter to its end`, async ({ page }) => {
    test.setTimeout(60_000);
    await page.goto(`/#/tour/${tour.id}`);
    await expect(page.getByRole('heading', { level: 1, name: tour.title })).toBeVisible();
    const card = page.locator('article.chapter-card');
    for (const [i, chapter] of tour.chapters.entries()) {
      await expect(card.getByRole('heading', { level: 2 })).toHaveText(chapter.title);
      await expect(card.getByText(`Chapter ${i + 1} of ${tour.chapters.length}`)).toBeVisible();
      await expect(card.locator('.chapter-annotation')).not.toBeEmpty();
      await expect(card.locator('.story-time')).toContainText('t = ');
      await expect(page.locator('.tour-step-count')).toContainText("(the chapter's moment)");
      await expect(page.getByRole('alert')).toHaveCount(0);
      await expect(page).toHaveURL(
        new RegExp(`#/tour/${tour.id}${i === 0 ? '' : `/${chapter.id}`}$`),
      );
      if (i < tour.chapters.length - 1) await card.getByRole('button', { name: 'Next ▶' }).click();
    }
    await expect(card.getByRole('button', { name: 'Next ▶' })).toBeDisabled();
    await expect(card.getByText('End of the tour.')).toBeVisible();
  });
}

test("a tour's link opens at its chapter, and Back returns to the one before", async ({ page }) => {
  await page.goto('/#/tour/race-b-crash/step-1');
  const card = page.locator('article.chapter-card');
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(
    'Step 1: iterating, then a call',
  );
  await expect(card.getByText('Chapter 3 of 8')).toBeVisible();
  await expect(
    page
      .getByRole('navigation', { name: 'Chapters' })
      .getByRole('link', { name: 'Step 1: iterating, then a call' }),
  ).toHaveAttribute('aria-current', 'step');
  await expect(card.locator('.story-time')).toContainText('t = 5.532 s');
  await expect(card.getByRole('group', { name: /Which thread runs the next step/ })).toBeVisible();
  await card.getByRole('button', { name: 'Next ▶' }).click();
  await expect(page).toHaveURL(/#\/tour\/race-b-crash\/step-2$/);
  await page.goBack();
  await expect(card.getByRole('heading', { level: 2 })).toHaveText(
    'Step 1: iterating, then a call',
  );
});

test('a question gives feedback, hints from general to specific, and lets you watch it happen', async ({
  page,
}) => {
  await page.goto('/#/tour/race-a-mechanism/revoke');
  const question = page.getByRole('region', { name: 'Predict: which thread runs next?' });
  await question.getByRole('radio', { name: 'main' }).check();
  await question.getByRole('button', { name: 'Check' }).click();
  await expect(question.getByRole('status')).toContainText('Not quite. Main is blocked in poll()');
  await question.getByRole('button', { name: 'Hint (1 of 3)' }).click();
  await expect(question.getByRole('list', { name: 'Hints' })).toContainText(
    'Which actor has been waiting',
  );
  await question.getByRole('radio', { name: 'coordinator' }).check();
  await question.getByRole('button', { name: 'Check' }).click();
  await expect(question.getByRole('status')).toContainText('Right (2 tries)');
  const before = await page.locator('.tour-step-count').textContent();
  await question.getByRole('button', { name: 'Step forward and watch' }).click();
  await expect(page.locator('.tour-step-count')).not.toHaveText(before ?? '');
  await expect(page.locator('.narration [aria-live="polite"]')).toContainText('coordinator');
});

test('the landing lists the tours and a tour page has no serious accessibility problems', async ({
  page,
}) => {
  await page.goto('/');
  const list = page.getByRole('region', { name: 'Guided tours' });
  await expect(list.getByRole('listitem')).toHaveCount(TOURS.length);
  await list
    .getByRole('link', { name: 'Race A: a rebalance inside the paused poll', exact: true })
    .click();
  await expect(page.locator('article.chapter-card h2')).toHaveText('Five seconds of backpressure');
  await expect(page.locator('.tour-step-count')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('the stress run sits beside the explorer count: zero errors, wrong counts', async ({
  page,
}) => {
  test.setTimeout(90_000);
  await page.goto('/#/tour/race-b-stress-test/stress-vs-count');
  const evidence = page.getByRole('region', { name: /Stress run beside the exact count/ });
  await evidence.getByRole('button', { name: /Run the stress test/ }).click();
  await evidence.getByRole('button', { name: 'Count every schedule' }).click();
  await expect(evidence.getByTestId('stress-errors')).toHaveText('0', { timeout: 60_000 });
  await expect(evidence.getByTestId('exact-crashing')).toHaveText('0', { timeout: 60_000 });
  expect(
    Number((await evidence.getByTestId('stress-wrong').textContent())?.replace(/,/g, '')),
  ).toBeGreaterThan(0);
  expect(
    Number((await evidence.getByTestId('exact-violating').textContent())?.replace(/,/g, '')),
  ).toBeGreaterThan(0);
});

test('the postmortem downloads as a postmortem, with the counts for every fix', async ({
  page,
}, testInfo) => {
  test.setTimeout(90_000);
  await page.goto('/#/tour/race-a-mechanism/crash');
  const panel = page.getByRole('region', { name: 'Postmortem' });
  const [download] = await Promise.all([
    page.waitForEvent('download', { timeout: 60_000 }),
    panel.getByRole('button', { name: 'Download postmortem (Markdown)' }).click(),
  ]);
  const file = testInfo.outputPath('postmortem.md');
  await download.saveAs(file);
  const md = await readFile(file, 'utf8');
  const sections = md.split('\n').filter((l) => l.startsWith('## '));
  expect(sections).toEqual([
    '## Summary',
    '## Impact',
    '## Detection',
    '## Timeline',
    '## Root cause',
    '## Trigger',
    '## Resolution',
    '## Action items',
    '## Lessons learned',
    '## Reproduce',
  ]);
  expect(md).toContain('| A correct fix |');
  expect(md).toMatch(
    /\[open this exact run in Arroyo Race Lab\]\(http:\/\/127\.0\.0\.1:\d+\/#\/lab\/pause-rebalance-eager\?v=buggy/,
  );
});
