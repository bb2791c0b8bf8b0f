/**
 * Long sessions in the built site: a run left playing for an hour (on Playwright's
 * virtual clock), the longest run a link can ask for, a cancelled exploration, and an
 * explorer worker that dies. The page's JavaScript heap, measured after a forced
 * collection through the DevTools protocol, stays inside the 300 MB budget.
 *
 * An hour of real rendering at 25 steps a second is out of reach in a test (each step
 * re-renders every panel), so the hour here is the whole of a default run played at
 * the fastest speed and then left for the rest of the hour; src/reliability's
 * longrun.test.ts drives a full hour of ticks through the store in Node.
 */
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { openTool, stepCount } from './lab.ts';

const BUDGET_MB = 300;
const LONGEST_LINK =
  '/#/lab/pause-external-resume?v=correct&p.topPollMs=100&p.pausedPollMs=10&p.fetchMs=1' +
  '&p.thresholdMs=60000&p.livenessMs=60000&p.pausedForeverMs=600000&p.messages=6';

/** The page's JS heap in use after a full collection, in MB. */
async function heapMb(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  await cdp.detach();
  return usedSize / 1024 / 1024;
}

test('a run left playing for an hour at the fastest speed stays inside the budget', async ({
  page,
}) => {
  test.setTimeout(600_000);
  await page.clock.install();
  await page.goto('/#/lab/metrics-stuck-flush?v=correct');
  await expect(stepCount(page)).toContainText('Step 0 of 191');
  const before = await heapMb(page);
  await page.getByLabel('Speed').selectOption('25');
  await page.getByRole('button', { name: /Play/ }).click();
  const samples: number[] = [];
  for (let minute = 1; minute <= 60; minute++) {
    await page.clock.runFor(60_000);
    if (minute % 10 === 0) samples.push(await heapMb(page));
  }
  // 191 steps take 8 s at 25 a second: the run played to its end, then stopped.
  await expect(stepCount(page)).toContainText('Step 191 of 191');
  await expect(page.getByRole('button', { name: /Play/ })).toBeVisible();
  test.info().annotations.push({
    type: 'heap',
    description: `before ${before.toFixed(1)} MB, every 10 min ${samples.map((s) => s.toFixed(1)).join(', ')} MB`,
  });
  expect(Math.max(...samples)).toBeLessThan(BUDGET_MB);
  expect(Math.max(...samples) - Math.min(...samples)).toBeLessThan(10);
});

test('the longest run a link can ask for opens and plays inside the budget', async ({ page }) => {
  test.setTimeout(300_000);
  await page.clock.install();
  await page.goto(LONGEST_LINK);
  await expect(stepCount(page)).toContainText('Step 0 of 74677', { timeout: 60_000 });
  const opened = await heapMb(page);
  await page.getByLabel('Speed').selectOption('25');
  await page.getByRole('button', { name: /Play/ }).click();
  await page.clock.runFor(4_000);
  await page.getByRole('button', { name: /Pause/ }).click();
  await page.getByRole('button', { name: 'To the end' }).click();
  await expect(stepCount(page)).toContainText('Step 74677 of 74677');
  const after = await heapMb(page);
  test.info().annotations.push({
    type: 'heap',
    description: `opened ${opened.toFixed(1)} MB, after play and a jump to the end ${after.toFixed(1)} MB`,
  });
  expect(Math.max(opened, after)).toBeLessThan(BUDGET_MB);
});

test('a cancelled exploration ends its workers and gives back its memory', async ({ page }) => {
  await page.goto('/#/lab/metrics-stuck-flush?gil=py39');
  const explorer = await openTool(page, 'Explore');
  const before = await heapMb(page);
  await explorer.getByLabel('Preemptions').selectOption('4');
  await explorer.getByRole('button', { name: 'Explore all variants' }).click();
  await expect.poll(() => page.workers().length).toBeGreaterThan(0);
  await expect(explorer.getByText(/schedules, [\d,]+ states so far/)).toBeVisible();
  await explorer.getByRole('button', { name: 'Cancel' }).click();
  await expect(explorer.getByRole('status')).toHaveText('Exploration cancelled.');
  await expect.poll(() => page.workers().length, { timeout: 5_000 }).toBe(0);
  const after = await heapMb(page);
  test.info().annotations.push({
    type: 'heap',
    description: `before ${before.toFixed(1)} MB, after cancel ${after.toFixed(1)} MB`,
  });
  expect(after - before).toBeLessThan(5);
});

test('an explorer worker that dies is reported, and Retry starts it again', async ({ page }) => {
  // Every explorer worker this page starts dies on its first message, as one out of
  // memory would. The client handles the error event, so nothing reaches the console.
  const workerScript = '**/assets/worker-*.js';
  await page.route(workerScript, (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'self.onmessage = () => { throw new Error("killed by the test"); };',
    }),
  );
  await page.goto('/#/lab/metrics-stuck-flush');
  const explorer = await openTool(page, 'Explore');
  await explorer.getByRole('button', { name: 'Explore all variants' }).click();
  const alert = explorer.getByRole('alert');
  await expect(alert).toContainText(
    'The explorer failed: buggy: The explorer worker stopped: Uncaught Error: killed by the test',
  );
  await expect(page.getByRole('banner')).toBeVisible();
  await expect(stepCount(page)).toContainText('Step 0 of');

  await page.unroute(workerScript);
  await alert.getByRole('button', { name: 'Retry' }).click();
  await expect(
    explorer.getByRole('table', { name: 'Schedules by outcome, per variant' }),
  ).toBeVisible({ timeout: 60_000 });
  await expect(explorer.getByRole('alert')).toHaveCount(0);
});
