/**
 * Presenter mode in Chromium, driven by the keyboard alone (a clicker sends the same
 * keys): from the tour page into presenter mode, through the chapters, the notes
 * panel, and out again; and notes a presenter pins in the lab, which travel in the
 * shared link and become the slides.
 */
import { expect, test } from './fixtures.ts';
import { openTool, seriousViolations } from './lab.ts';

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
  // Large type on a projector's 1920x1080 (on 1280x720 it shrinks so that the chapter fits).
  await page.setViewportSize({ width: 1920, height: 1080 });
  await page.goto('/#/present/race-b-crash/step-3');
  await expect(title(page)).toContainText('Step 3: RuntimeError in the stuck detector');
  const size = await title(page).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(size).toBeGreaterThanOrEqual(36);
  // The timeline is a picture for the room now (the slide renderer), not the lab's slider.
  await expect(page.getByRole('img', { name: /^Timeline of / })).toBeVisible();
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
  const tools = await openTool(page, 'Notes');
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
  const freshTools = await openTool(fresh, 'Notes');
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

/** The smallest text on the presenter's timeline picture, in pixels, its group's scale applied. */
async function smallestTimelineText(page: import('@playwright/test').Page): Promise<number> {
  const src = (await page.locator('.presenter-timeline-box img').getAttribute('src')) ?? '';
  const svg = Buffer.from(src.replace(/^data:image\/svg\+xml;base64,/, ''), 'base64').toString(
    'utf8',
  );
  const sizes: number[] = [];
  const scales: number[] = [1];
  for (const m of svg.matchAll(
    /<g transform="[^"]*?(?:scale\(([\d.]+)\))?"[^>]*>|<\/g>|<text [^>]*font-size="([\d.]+)"/g,
  )) {
    if (m[0] === '</g>') scales.pop();
    else if (m[0].startsWith('<g')) scales.push((scales.at(-1) ?? 1) * Number(m[1] ?? 1));
    else sizes.push(Number(m[2]) * (scales.at(-1) ?? 1));
  }
  return Math.min(...sizes);
}

for (const [width, height] of [
  [1920, 1080],
  [1280, 720],
] as const) {
  test(`presenter mode fits ${width}x${height} by keyboard, with the speaker window in step`, async ({
    page,
  }) => {
    test.setTimeout(60_000);
    await page.setViewportSize({ width, height });
    await page.goto('/#/present/race-a-mechanism/close-resets');
    await expect(title(page)).toContainText('The callback resets the processor');
    const timeline = page.getByRole('img', { name: /^Timeline of / });
    await expect(timeline).toBeVisible();
    // One screen: nothing to scroll, Back and Next on it, the timeline below the text.
    expect(await page.evaluate(() => document.documentElement.scrollHeight)).toBeLessThanOrEqual(
      height,
    );
    for (const name of ['◀ Back', 'Next ▶']) {
      const box = await page.getByRole('button', { name }).boundingBox();
      expect(box && box.y + box.height).toBeLessThanOrEqual(height);
    }
    const grid = await page
      .locator('.presenter-grid')
      .evaluate((el) => el.scrollHeight - el.clientHeight);
    expect(grid, 'the chapter text is cut off').toBeLessThanOrEqual(1);
    // The lanes the chapter names, and at 1920x1080 labels a room can read.
    const lanes = (await timeline.getAttribute('data-lanes'))?.split(' ') ?? [];
    expect(lanes).toContain('state:processor.message');
    expect(lanes).not.toContain('actor:commitlog');
    if (width === 1920) expect(await smallestTimelineText(page)).toBeGreaterThanOrEqual(18);

    // s opens the speaker window; it follows the room and the room follows it.
    const popup = page.waitForEvent('popup');
    await page.keyboard.press('s');
    const speaker = await popup;
    await expect(speaker.getByRole('heading', { level: 1 })).toContainText('Chapter 5 of 7');
    await expect(speaker.getByText(/^Elapsed \d+:\d\d$/)).toBeVisible();
    await expect(speaker.locator('.speaker-next')).toContainText('Assign, fetch, and a message');
    await page.keyboard.press('ArrowRight');
    await expect(speaker.getByRole('heading', { level: 1 })).toContainText('Chapter 6 of 7');
    await speaker.keyboard.press('ArrowRight');
    await expect(title(page)).toContainText('AssertionError');
    await expect(speaker.getByRole('heading', { level: 1 })).toContainText('Chapter 7 of 7');
    await expect(speaker.getByText('this is the last chapter.')).toBeVisible();
    await speaker.close();
  });
}
