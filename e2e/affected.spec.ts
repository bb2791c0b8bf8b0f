/** "Is my release affected?": from the landing page to a release's counterexample in the lab. */
import { expect, test } from './fixtures.ts';
import { narration, seriousViolations, stepCount } from './lab.ts';

test('a release typed on the affected page opens its minimal counterexample in the lab', async ({
  page,
}) => {
  await page.goto('/');
  await page.getByRole('link', { name: 'Is my arroyo release affected?' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Is my release affected?');
  await page.getByLabel('arroyo release').fill('2.32.2');
  await page.getByLabel('arroyo release').press('Enter');
  await expect(page).toHaveURL(/#\/affected\?release=2\.32\.2$/);
  await expect(page.getByRole('heading', { level: 2, name: 'arroyo 2.32.2' })).toBeVisible();
  const eager = page.getByRole('listitem', { name: 'Eager rebalance inside the paused poll' });
  await expect(eager).toContainText('crashes');
  await expect(eager).toContainText('crash:AssertionError@main');
  const metrics = page.getByRole('listitem', {
    name: 'The stuck detector flushes the metrics buffer',
  });
  await expect(metrics).toContainText('Code not in this release');
  expect(await seriousViolations(page)).toEqual([]);

  await eager.getByRole('link', { name: /Open the counterexample in the lab/ }).click();
  await expect(page).toHaveURL(
    /#\/lab\/pause-rebalance-eager\?v=buggy&gil=py311&s=s1\.[^&]+&at=\d+/,
  );
  const at = Number(new URL(page.url().replace('#', '')).searchParams.get('at'));
  await expect(stepCount(page)).toContainText(`Step ${at} of`);
  await expect(narration(page)).toContainText('AssertionError');
});

test('the InvalidMessage hang before 2.20.9 opens with the old code and the hang', async ({
  page,
}) => {
  await page.goto('/#/affected?release=2.20.8');
  await expect(page.getByText('2.20.8 is answered as 2.19.10')).toBeVisible();
  const hang = page.getByRole('listitem', {
    name: 'InvalidMessage while paused: the consumer never resumes',
  });
  await expect(hang).toContainText('hangs');
  await expect(hang).toContainText('it changes in 2.20.9');
  await hang.getByRole('link', { name: /Open the counterexample in the lab/ }).click();
  await expect(page).toHaveURL(/p\.resumeOnInvalid=0/);
  await expect(stepCount(page)).toBeVisible();
});

test('a version that is not a release gets one sentence and the form stays', async ({ page }) => {
  await page.goto('/#/affected?release=2.40.2');
  await expect(page.getByRole('alert')).toHaveText(
    '2.40.2 is not an arroyo release; the releases around it are 2.40.1 and 2.40.3.',
  );
  await expect(page.getByLabel('arroyo release')).toHaveValue('2.40.2');
  await page.getByRole('link', { name: '2.37.1' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 2, name: 'arroyo 2.37.1' })).toBeVisible();
});
