/** A keyboard-only journey: reach a scenario, step, fork, find the crash, use the shortcut list. */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { narration, stepCount } from './lab.ts';

async function tabTo(page: Page, name: RegExp, limit = 200): Promise<void> {
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const label = await page.evaluate(() => {
      const el = document.activeElement as HTMLElement | null;
      return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
    });
    if (name.test(label)) return;
  }
  throw new Error(`Tab never reached ${name}`);
}

async function expectVisibleFocus(page: Page): Promise<void> {
  const outline = await page.evaluate(() => {
    const el = document.activeElement as HTMLElement;
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);
}

test('everything in the journey is reachable with the keyboard alone', async ({ page }) => {
  test.setTimeout(90_000);
  await page.goto('/');
  await tabTo(page, /^Eager rebalance inside the paused poll$/);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(
    page.getByRole('heading', { level: 1, name: 'Eager rebalance inside the paused poll' }),
  ).toBeVisible();
  await expect(narration(page)).toContainText('Before the first step');

  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('.');
  await expect(stepCount(page)).toContainText('Step 2 of');
  await page.keyboard.press('ArrowLeft');
  await expect(stepCount(page)).toContainText('Step 1 of');

  await tabTo(page, /^Run main's next step/);
  await expectVisibleFocus(page);
  await page.keyboard.press('Enter');
  await expect(stepCount(page)).toContainText('Step 2 of');

  await page.keyboard.press('c');
  await expect(narration(page)).toContainText('AssertionError');

  await page.keyboard.press('?');
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(dialog.getByRole('button', { name: 'Close' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);

  await page.keyboard.press('Home');
  await expect(narration(page)).toContainText('Before the first step');
  await tabTo(page, /^Share$/);
  await expectVisibleFocus(page);
});

test('respects reduced motion', async ({ page }) => {
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await page.goto('/#/lab/pause-rebalance-eager');
  const duration = await page.evaluate(() =>
    getComputedStyle(document.documentElement).getPropertyValue('--motion-duration').trim(),
  );
  expect(duration).toMatch(/^0m?s$/);
  // The lab loads lazily: its shortcuts exist once its step counter does.
  await expect(stepCount(page)).toContainText('Step 0 of');
  await page.keyboard.press('k');
  await expect(stepCount(page)).not.toContainText('Step 0 of');
  await page.keyboard.press('k');
});
