/** A copied link restores the same step and state; a trace exports and imports back. */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { narration, region, stepCount } from './lab.ts';

test('a copied link opened in a fresh page restores the same step and state', async ({
  page,
  context,
  browser,
}) => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await page.goto('/#/lab/pause-rebalance-eager?at=12');
  await expect(stepCount(page)).toContainText('Step 12 of');
  await page.getByRole('button', { name: /Step ▶/ }).click();
  await page.getByRole('button', { name: /Step ▶/ }).click();
  await expect(stepCount(page)).toContainText('Step 14 of');
  const share = region(page, 'Share and export');
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await share.getByLabel('Link to this exact step').inputValue());
  expect(copied).toMatch(/#\/lab\/pause-rebalance-eager\?v=buggy&gil=py311&s=s1\.[^&]+&at=14/);
  const told = await narration(page).textContent();
  const state = await region(page, 'State').locator('.inspector').innerText();

  const fresh = await browser.newPage();
  await fresh.goto(copied);
  await expect(stepCount(fresh)).toContainText('Step 14 of');
  await expect(narration(fresh)).toHaveText(told ?? '');
  expect(await region(fresh, 'State').locator('.inspector').innerText()).toBe(state);
  await fresh.close();
});

test('a schedule from another version explains itself and offers a fresh start', async ({
  page,
}) => {
  await page.goto('/#/lab/pause-rebalance-eager?s=s1.99.abcdef.KA');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('made for version 99');
  await alert.getByRole('link', { name: 'Open the scenario fresh' }).click();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(narration(page)).toContainText('Before the first step');
});

test('a trace exports to JSON and imports back to the same step', async ({ page }, testInfo) => {
  await page.goto('/#/lab/pause-rebalance-eager?at=30');
  await expect(stepCount(page)).toContainText('Step 30 of');
  const told = await narration(page).textContent();
  const share = region(page, 'Share and export');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    share.getByRole('button', { name: 'Export trace (JSON)' }).click(),
  ]);
  const file = testInfo.outputPath('trace.json');
  await download.saveAs(file);
  const trace = JSON.parse(await readFile(file, 'utf8'));
  expect(trace).toMatchObject({
    format: 'arroyo-race-lab/trace',
    version: 1,
    scenario: 'pause-rebalance-eager',
    step: 30,
  });
  expect(trace.records.length).toBeGreaterThan(30);

  await page.goto('/#/lab/pause-rebalance-eager?v=correct&at=3');
  await expect(stepCount(page)).toContainText('Step 3 of');
  await region(page, 'Share and export')
    .getByLabel(/Import a trace/)
    .setInputFiles(file);
  await expect(region(page, 'Share and export').getByRole('status')).toContainText(
    'Imported "trace.json"',
  );
  await expect(stepCount(page)).toContainText('Step 30 of');
  await expect(narration(page)).toHaveText(told ?? '');
  await expect(page.getByLabel('Implementation')).toHaveValue('buggy');

  await region(page, 'Share and export')
    .getByLabel(/Import a trace/)
    .setInputFiles({
      name: 'bad.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"format":"nope"}'),
    });
  await expect(region(page, 'Share and export').getByRole('alert')).toContainText(
    'not an Arroyo Race Lab trace',
  );
});

test('exports the postmortem report and the timeline images', async ({ page }) => {
  await page.goto('/#/lab/pause-rebalance-eager?at=49');
  const share = region(page, 'Share and export');
  for (const [button, name] of [
    ['Postmortem report (Markdown)', /\.postmortem\.md$/],
    ['Timeline as SVG', /\.timeline\.svg$/],
    ['Timeline as PNG', /\.timeline\.png$/],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      share.getByRole('button', { name: button }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(name);
    if (button.startsWith('Postmortem')) {
      const text = await readFile((await download.path()) ?? '', 'utf8');
      expect(text).toContain('# Postmortem: Eager rebalance inside the paused poll');
      expect(text).toContain('Reproduces a production crash');
      expect(text).toMatch(/^AssertionError/m);
      expect(text).toContain('![Timeline of the run]');
    }
  }
});
