/**
 * Presenter mode in Chromium, driven by the keyboard alone (a clicker sends the same
 * keys): from the tour page into presenter mode, through the chapters, the notes
 * panel, and out again; and notes a presenter pins in the lab, which travel in the
 * shared link and become the slides.
 */
import { expect, test } from './fixtures.ts';
import { seriousViolations } from './lab.ts';

const title = (page: import('@playwright/test').Page) => page.getByRole('heading', { level: 1 });

test('presenter mode works by keyboard alone', async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto('/#/tour/race-a-mechanism/carried');
  await expect(page.locator('.tour-step-count')).toBeVisible();
  // Reach the Present link with Tab, as a keyboard user would.
  const present = page.getByRole('link', { name: 'Present', exact: true });
  for (let i = 0; i < 60 && !(await present.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('Tab');
  }
  await expect(present).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(page).toHaveURL(/#\/present\/race-a-mechanism\/carried$/);
  await expect(title(page)).toContainText('Five seconds of backpressure');
  // No site header or navigation: only what the room needs.
  await expect(page.getByRole('navigation', { name: 'Main' })).toHaveCount(0);
  await expect(page.getByText('Chapter 1 of 7')).toBeVisible();

  await page.keyboard.press('ArrowRight');
  await expect(title(page)).toContainText('The processor pauses');
  await page.keyboard.press('PageDown');
  await expect(title(page)).toContainText('Into the paused poll');
  await page.keyboard.press('Space');
  await expect(title(page)).toContainText("The coordinator's turn");
  await expect(page).toHaveURL(/#\/present\/race-a-mechanism\/revoke$/);
  await page.keyboard.press('PageUp');
  await expect(title(page)).toContainText('Into the paused poll');
  await page.keyboard.press('ArrowLeft');
  await expect(title(page)).toContainText('The processor pauses');
  await page.keyboard.press('End');
  await expect(title(page)).toContainText('AssertionError');
  await expect(page.getByText(/✖ AssertionError in thread main/)).toBeVisible();
  await page.keyboard.press('Home');
  await expect(title(page)).toContainText('Five seconds of backpressure');

  const notes = page.getByRole('complementary', { name: 'Presenter notes' });
  await expect(notes).toBeHidden();
  await page.keyboard.press('n');
  await expect(notes).toBeVisible();
  await expect(notes).toContainText('Set the scene');
  await page.keyboard.press('n');
  await expect(notes).toBeHidden();

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Escape');
  await expect(page).toHaveURL(/#\/tour\/race-a-mechanism\/pause$/);
  await expect(page.locator('article.chapter-card h2')).toHaveText('The processor pauses');
});

test('presenter mode has large type, a timeline so far and no serious accessibility problems', async ({
  page,
}) => {
  await page.goto('/#/present/race-b-crash/step-3');
  await expect(title(page)).toContainText('Step 3: RuntimeError in the stuck detector');
  const size = await title(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(36);
  await expect(page.getByRole('slider')).toBeVisible();
  await expect(page.getByText(/RuntimeError in thread stuck/)).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
});

test('notes pinned to lab steps travel in the shared link and become the slides', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/lab/pause-rebalance-eager?at=16');
  const tools = page.getByRole('region', { name: 'Present, annotate and postmortem' });
  await tools
    .getByLabel('Annotate this step (step 16)')
    .fill('Here it <b>pauses</b>: both partitions.');
  await tools.getByRole('button', { name: 'Pin the note' }).click();
  await expect(tools.getByRole('list', { name: 'Pinned notes' })).toContainText('Step 16');
  await tools.getByRole('button', { name: 'Copy link with notes' }).click();
  await expect(tools.getByText('Link with the pinned notes copied.')).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/#\/lab\/pause-rebalance-eager\?.*&notes=/);

  const fresh = await browser.newPage();
  await fresh.goto(link);
  const freshTools = fresh.getByRole('region', { name: 'Present, annotate and postmortem' });
  await expect(
    freshTools.getByText('Here it <b>pauses</b>: both partitions.').first(),
  ).toBeVisible();
  await freshTools.getByRole('link', { name: 'Present the 1 pinned step' }).click();
  await expect(fresh.getByRole('heading', { level: 1 })).toContainText('step 16');
  await expect(fresh.getByText('Here it <b>pauses</b>: both partitions.')).toBeVisible();
  await expect(fresh.locator('b')).toHaveCount(0);
  await fresh.keyboard.press('Escape');
  await expect(fresh).toHaveURL(/#\/lab\/pause-rebalance-eager\?.*at=16.*&notes=/);
  await fresh.close();
});

test('a damaged notes field is explained, and the lab still opens', async ({ page }) => {
  await page.goto('/#/lab/pause-rebalance-eager?at=3&notes=%5B%5B');
  await expect(page.getByRole('alert')).toContainText('The notes in this link were left out');
  await expect(page.locator('output.step-count')).toContainText('Step 3 of');
});
