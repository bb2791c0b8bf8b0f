/** Stepping back and forth, forking the schedule by hand, and the narrow layout. */
import { expect, test } from './fixtures.ts';
import { narration, region, stepCount } from './lab.ts';

test('steps forward and back, and the narration and state follow', async ({ page }) => {
  await page.goto('/#/lab/pause-rebalance-eager');
  await expect(narration(page)).toContainText('Before the first step');
  const forward = page.getByRole('button', { name: /Step ▶/ });
  await forward.click();
  await forward.click();
  await forward.click();
  await expect(stepCount(page)).toContainText('Step 3 of');
  const third = await narration(page).textContent();
  await page.getByRole('button', { name: /Back/ }).click();
  await expect(stepCount(page)).toContainText('Step 2 of');
  await expect(narration(page)).not.toHaveText(third ?? '');
  await forward.click();
  await expect(narration(page)).toHaveText(third ?? '');
  await page.getByRole('button', { name: /Start/ }).click();
  await expect(narration(page)).toContainText('Before the first step');
  await page.getByRole('button', { name: /End/ }).click();
  await expect(page.getByRole('button', { name: /Step ▶/ })).toBeDisabled();
});

test('running another thread forks the schedule at the current step', async ({ page }) => {
  await page.goto('/#/lab/pause-rebalance-eager');
  const threads = region(page, 'Threads');
  // Step until some thread other than the recorded next one could run instead.
  let other = '';
  let at = 0;
  for (; at < 49 && other === ''; at++) {
    other = await threads.locator('li').evaluateAll((items) => {
      const li = items.find(
        (item) =>
          !item.querySelector('button')?.hasAttribute('disabled') &&
          !item.textContent?.includes('next in this run'),
      );
      return li?.querySelector('.thread-name')?.textContent?.trim() ?? '';
    });
    if (other === '') await page.getByRole('button', { name: /Step ▶/ }).click();
  }
  expect(other, 'some step offers a choice').not.toBe('');
  const before = at - 1;
  await expect(stepCount(page)).toContainText(`Step ${before} of 49`);
  await threads.getByRole('button', { name: new RegExp(`^Run ${other}'s next step`) }).click();
  await expect(stepCount(page)).toContainText(`Step ${before + 1} of ${before + 1}`);
  await expect(narration(page)).toContainText(`Step ${before + 1} of ${before + 1}, ${other}:`);
});

test('stacks into one column at 390 px without horizontal scrolling', async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto('/#/lab/pause-rebalance-eager?at=49');
  await expect(region(page, 'Crash and invariants')).toBeVisible();
  const code = await region(page, 'Code').boundingBox();
  const state = await region(page, 'State').boundingBox();
  expect(code && state && state.y > code.y).toBe(true);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow).toBeLessThanOrEqual(0);
});
