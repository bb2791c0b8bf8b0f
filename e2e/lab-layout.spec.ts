/**
 * The lab as a one-screen debugger: at common desktop sizes the page itself never
 * scrolls (the panels scroll inside), the toolbar, every thread's code and the timeline
 * are on screen, and opening a tool keeps it that way; on a phone the story stacks under
 * a toolbar that stays in view, with no sideways scroll. And a newcomer reaches the
 * metrics race's RuntimeError from the landing page in one click, with no scrolling.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { narration, openTool, seriousViolations, stepCount } from './lab.ts';

const DESKTOPS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 850 },
  { width: 1920, height: 1080 },
] as const;

const RACES = [
  '/#/lab/pause-rebalance-eager?at=49',
  '/#/lab/metrics-stuck-flush?s=s1.1.xzh0vi.sEBlBA&at=140',
] as const;

async function pageScroll(page: Page) {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    return {
      down: root.scrollHeight - window.innerHeight,
      sideways: root.scrollWidth - window.innerWidth,
    };
  });
}

async function expectOnScreen(page: Page, selector: string, what: string) {
  const box = await page.locator(selector).first().boundingBox();
  const size = page.viewportSize();
  expect(box, `${what} is laid out`).not.toBeNull();
  if (!box || !size) return;
  expect(box.y, `${what} starts on screen`).toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, `${what} ends on screen`).toBeLessThanOrEqual(size.height + 1);
  expect(box.height, `${what} has room`).toBeGreaterThan(40);
}

for (const size of DESKTOPS) {
  for (const url of RACES) {
    test(`${url.split('?')[0]} fits one screen at ${size.width}x${size.height}`, async ({
      page,
    }) => {
      await page.setViewportSize(size);
      await page.goto(url);
      // The timeline loads lazily; on a busy machine that can take a while.
      await expect(page.getByRole('slider', { name: /Timeline/ })).toBeVisible({
        timeout: 15_000,
      });
      expect(await pageScroll(page)).toEqual({ down: 0, sideways: 0 });
      await expectOnScreen(page, '[role="toolbar"][aria-label="Playback"]', 'the toolbar');
      await expectOnScreen(page, '.lab-timeline', 'the timeline');
      await expectOnScreen(page, '.lab-side', 'the state panel');
      const columns = page.locator('.thread-col');
      const count = await columns.count();
      expect(count, 'a column per thread').toBeGreaterThan(1);
      for (let i = 0; i < count; i++) {
        await expectOnScreen(page, `.thread-col >> nth=${i}`, `thread column ${i + 1}`);
      }
      await expect(page.locator('.thread-col .code-current').first()).toBeVisible();
    });
  }
}

test('opening each tool keeps the lab on one screen', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 850 });
  await page.goto(RACES[0]);
  const tools = page.getByRole('navigation', { name: 'Lab tools' });
  for (const name of ['Setup', 'Compare', 'Explore', 'Notes', 'Link & trace', 'All state']) {
    await tools.getByRole('button', { name, exact: true }).click();
    const drawer = page.getByRole('complementary', { name, exact: true });
    await expect(drawer).toBeVisible();
    expect(await pageScroll(page), name).toEqual({ down: 0, sideways: 0 });
    const box = await drawer.boundingBox();
    expect((box?.y ?? 0) + (box?.height ?? 0)).toBeLessThanOrEqual(851);
  }
  await page.keyboard.press('Escape');
  await expect(page.getByRole('complementary', { name: 'All state' })).toHaveCount(0);
});

test('on a phone the story stacks, the step controls stay in view, nothing scrolls sideways', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(RACES[1]);
  await expect(narration(page)).toContainText('RuntimeError');
  expect((await pageScroll(page)).sideways).toBeLessThanOrEqual(0);
  // The thread that moved last (the stuck detector, which raised) is shown with the
  // other side of the collision (main, which cleared the dict), in thread order.
  const columns = page.locator('.thread-col');
  await expect(columns).toHaveCount(2);
  await expect(columns.first()).toHaveAttribute('data-actor', 'main');
  await expect(page.locator('.thread-col[data-actor="stuck"] .mark-victim')).toBeVisible();
  await expect(page.locator('.thread-col[data-actor="main"] .mark-culprit')).toBeAttached();
  await page.mouse.wheel(0, 1500);
  await page.waitForFunction(() => window.scrollY > 500);
  const step = page.getByRole('button', { name: 'Step ▶' });
  const back = await page.getByRole('button', { name: '◀ Back' }).boundingBox();
  expect(back && back.y >= 0 && back.y < 844, 'Back is still on screen').toBe(true);
  await page.getByRole('button', { name: '◀ Back' }).click();
  await expect(stepCount(page)).toContainText('Step 139 of');
  await expect(step).toBeInViewport();
  await expect(narration(page)).toBeInViewport();
  expect((await pageScroll(page)).sideways).toBeLessThanOrEqual(0);
});

test("a newcomer reaches the metrics race's RuntimeError in one click, with no scrolling", async ({
  page,
}) => {
  await page.setViewportSize({ width: 1366, height: 850 });
  await page.goto('/');
  const start = page.getByRole('link', { name: /See the crash, step by step/ });
  await expect(start).toBeInViewport();
  await start.click();
  await expect(narration(page)).toContainText('RuntimeError');
  await expect(stepCount(page)).toContainText('Step 140 of 140');
  // Both sides of the race are on screen: the line that failed and the line that broke it.
  await expect(page.locator('.thread-col .mark-victim')).toBeInViewport();
  await expect(page.locator('.thread-col .mark-culprit')).toBeInViewport();
  const scrolled = await page.evaluate(() => window.scrollY);
  expect(scrolled).toBe(0);
  // The tours are on the first screen of the landing page too.
  await page.goBack();
  await expect(page.getByRole('heading', { name: 'Guided tours' })).toBeInViewport();
});

test('at the crash, with the callout and a tool open, the lab has no serious accessibility violations, light or dark', async ({
  page,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto(RACES[1]);
    await expect(page.locator('.why-callout')).toBeVisible();
    await openTool(page, 'Compare');
    await expect(page.getByText(/They first part at step|agree at every step/)).toBeVisible();
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});
