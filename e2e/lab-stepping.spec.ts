/** Stepping back and forth, and forking the schedule by hand from a thread's column. */
import { expect, test } from './fixtures.ts';
import { narration, stepCount } from './lab.ts';

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
  await page.getByRole('button', { name: 'To the start' }).click();
  await expect(narration(page)).toContainText('Before the first step');
  await page.getByRole('button', { name: 'To the end' }).click();
  await expect(page.getByRole('button', { name: /Step ▶/ })).toBeDisabled();
});

test('running another thread forks the schedule at the current step', async ({ page }) => {
  await page.goto('/#/lab/pause-rebalance-eager');
  const columns = page.locator('.thread-col');
  // Step until some thread other than the recorded next one could run instead.
  let other = '';
  let at = 0;
  for (; at < 49 && other === ''; at++) {
    other = await columns.evaluateAll((cols) => {
      const col = cols.find(
        (c) =>
          c.querySelector('button.run-thread:not([disabled])') !== null &&
          !c.querySelector('.thread-col-status')?.textContent?.includes('next in this run'),
      );
      return col?.getAttribute('data-actor') ?? '';
    });
    if (other === '') await page.getByRole('button', { name: /Step ▶/ }).click();
  }
  expect(other, 'some step offers a choice').not.toBe('');
  const before = at - 1;
  await expect(stepCount(page)).toContainText(`Step ${before} of 49`);
  await page.getByRole('button', { name: `Run ${other}'s next step` }).click();
  await expect(stepCount(page)).toContainText(`Step ${before + 1} of ${before + 1}`);
  await expect(narration(page)).toContainText(`Step ${before + 1} of ${before + 1}, ${other}:`);
});
