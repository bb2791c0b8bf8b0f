/**
 * The address bar is the lab's state: stepping rewrites it in place, a new run
 * (the crash button) is a new history entry, so reload lands on the same step
 * and Back returns to the run before; the open drawer tab and pinned notes ride
 * along; old links keep opening.
 */
import { expect, test } from './fixtures.ts';
import { crashButton, narration, openTool } from './lab.ts';
import type { Page } from '@playwright/test';

function hashParam(page: Page, name: string): string | null {
  const hash = new URL(page.url()).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get(name);
}

async function stepForward(page: Page, times: number): Promise<void> {
  const forward = page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: /^Step ▶/ })
    .first();
  for (let i = 0; i < times; i++) await forward.click();
}

test('stepping keeps the address in step; reload lands on the same step', async ({ page }) => {
  await page.goto('/#/lab/metrics-stuck-flush');
  await narration(page).waitFor();
  const before = await page.evaluate(() => history.length);
  await stepForward(page, 3);
  await expect.poll(() => hashParam(page, 'at')).toBe('3');
  expect(hashParam(page, 's')).not.toBeNull();
  // Stepping replaces the entry: nothing to go Back through step by step.
  expect(await page.evaluate(() => history.length)).toBe(before);
  await page.reload();
  await expect(narration(page)).toContainText('Step 3 of');
});

test('a new run is a new entry: Back returns to the run and step before, Forward again', async ({
  page,
}) => {
  await page.goto('/#/lab/metrics-stuck-flush');
  await narration(page).waitFor();
  await stepForward(page, 2);
  await expect.poll(() => hashParam(page, 'at')).toBe('2');
  const natural = hashParam(page, 's');
  await crashButton(page).click();
  await expect(page.getByRole('complementary', { name: /^Why:/ })).toBeVisible();
  const crashSchedule = hashParam(page, 's');
  const crashStep = hashParam(page, 'at');
  expect(crashSchedule).not.toBe(natural);
  await page.goBack();
  await expect(narration(page)).toContainText('Step 2 of');
  expect(hashParam(page, 's')).toBe(natural);
  await expect(page.getByRole('complementary', { name: /^Why:/ })).toHaveCount(0);
  await page.goForward();
  await expect(narration(page)).toContainText(`Step ${crashStep} of`);
  expect(hashParam(page, 's')).toBe(crashSchedule);
});

test('the open drawer tab is in the address and reopens on reload', async ({ page }) => {
  await page.goto('/#/lab/metrics-stuck-flush');
  await narration(page).waitFor();
  await openTool(page, 'Explore');
  await expect.poll(() => hashParam(page, 'tab')).toBe('explore');
  await page.reload();
  await expect(page.getByRole('complementary', { name: 'Explore', exact: true })).toBeVisible();
});

test('a shared link with a note opens with the note in view', async ({ page }) => {
  const notes = encodeURIComponent(JSON.stringify([[5, 'main counts this run here']]));
  await page.goto(`/#/lab/metrics-stuck-flush?v=buggy&at=5&notes=${notes}`);
  await expect(narration(page)).toContainText('Step 5 of');
  await expect(narration(page)).toContainText('Note: main counts this run here');
  // The note stays in the address as the lab moves on.
  await stepForward(page, 1);
  await expect.poll(() => hashParam(page, 'at')).toBe('6');
  expect(hashParam(page, 'notes')).toBe(JSON.stringify([[5, 'main counts this run here']]));
  await expect(narration(page)).not.toContainText('Note:');
});

test('old links still open: the #/race/ form and a link without a schedule', async ({ page }) => {
  await page.goto('/#/race/pause-rebalance-eager?v=buggy&at=4');
  await expect(narration(page)).toContainText('Step 4 of');
  await expect.poll(() => hashParam(page, 's')).not.toBeNull();
});
