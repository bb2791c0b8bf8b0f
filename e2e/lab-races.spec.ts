/**
 * The two race journeys: pick the scenario, find the crash, read the traceback, switch
 * to the correct fix and see the same interleaving no longer crash.
 */
import { expect, test } from './fixtures.ts';
import {
  crashButton,
  narration,
  openTool,
  pickScenario,
  region,
  seriousViolations,
} from './lab.ts';

test.describe('race A: the pause race', () => {
  test('crashes with an AssertionError when buggy, and not with the correct fix', async ({
    page,
  }) => {
    await pickScenario(page, 'Eager rebalance inside the paused poll');
    await expect(page.getByText('Production crash').first()).toBeVisible();
    await crashButton(page).click();
    const outcome = region(page, 'Crash and invariants');
    const traceback = outcome.getByLabel('Traceback of the AssertionError');
    await expect(traceback).toContainText('Traceback (most recent call last):');
    await expect(traceback).toContainText(/File ".*processor\.py.*", line \d+, in _run_once/);
    await expect(traceback).toContainText(/^AssertionError/m);
    await expect(narration(page)).toContainText('AssertionError');
    // Both sides of the collision are marked in their threads' columns.
    const code = region(page, 'Code');
    await expect(code.locator('.mark-victim')).toContainText(/main fails here \(step 49\)/);
    await expect(code.locator('.mark-culprit')).toContainText(/changed it here \(step \d+\)/);

    await openTool(page, 'Setup');
    await page.getByLabel('Implementation').selectOption('correct');
    await expect(outcome).toContainText('This run ends without a crash.');
    await expect(outcome.getByLabel(/Traceback/)).toHaveCount(0);
  });
});

test.describe('race B: the metrics race', () => {
  test('the explorer finds the RuntimeError when buggy; the correct fix never raises', async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await pickScenario(page, await metricsTitle(page));
    const explorer = await openTool(page, 'Explore');
    await explorer.getByRole('button', { name: 'Explore all variants' }).click();
    const table = explorer.getByRole('table', { name: 'Schedules by outcome, per variant' });
    await expect(table).toBeVisible({ timeout: 60_000 });
    await table
      .getByRole('button', {
        name: /Load the simplest schedule where \w+ dies with RuntimeError, on Buggy/,
      })
      .click();
    const outcome = region(page, 'Crash and invariants');
    const traceback = outcome.getByLabel('Traceback of the RuntimeError');
    await expect(traceback).toContainText(/in flush/);
    await expect(traceback).toContainText('RuntimeError: dictionary changed size during iteration');

    await openTool(page, 'Setup');
    await page.getByLabel('Implementation').selectOption('correct');
    await expect(outcome).toContainText('This run ends without a crash.');
    await openTool(page, 'Explore');
    const row = table.getByRole('row', { name: /A correct fix/ });
    await expect(row).toContainText('none fails');
  });
});

test('the lab has no serious or critical accessibility violations, light or dark', async ({
  page,
}) => {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.goto('/#/lab/pause-rebalance-eager?at=20');
    await expect(narration(page)).toContainText('Step 20 of');
    await expect(page.getByRole('slider', { name: /Timeline/ })).toBeVisible();
    expect(await seriousViolations(page), colorScheme).toEqual([]);
  }
});

/** The title of `metrics-stuck-flush`, read from its landing-page link. */
async function metricsTitle(page: import('@playwright/test').Page): Promise<string> {
  await page.goto('/');
  const link = page.locator('a[href="#/lab/metrics-stuck-flush"]');
  await expect(link, 'the metrics-stuck-flush scenario is listed').toHaveCount(1);
  return (await link.textContent()) ?? '';
}
