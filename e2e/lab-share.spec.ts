/** A copied link restores the same step and state; a trace exports and imports back. */
import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures.ts';
import { narration, openTool, stepCount } from './lab.ts';

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
  const share = await openTool(page, 'Link & trace');
  await share.getByRole('button', { name: 'Copy link' }).click();
  await expect(share.getByRole('status')).toHaveText('Link copied.');
  const copied = await page.evaluate(() => navigator.clipboard.readText());
  expect(copied).toBe(await share.getByLabel('Link to this exact step').inputValue());
  expect(copied).toMatch(/#\/lab\/pause-rebalance-eager\?v=buggy&gil=py311&s=s1\.[^&]+&at=14/);
  const told = await narration(page).textContent();
  const state = await (await openTool(page, 'All state')).locator('.inspector').innerText();

  const fresh = await browser.newPage();
  await fresh.goto(copied);
  await expect(stepCount(fresh)).toContainText('Step 14 of');
  await expect(narration(fresh)).toHaveText(told ?? '');
  const freshState = await openTool(fresh, 'All state');
  expect(await freshState.locator('.inspector').innerText()).toBe(state);
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
  const share = await openTool(page, 'Link & trace');
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
  const again = await openTool(page, 'Link & trace');
  await again.getByLabel(/Import a trace/).setInputFiles(file);
  await expect(again.getByRole('status')).toContainText('Imported "trace.json"');
  await expect(stepCount(page)).toContainText('Step 30 of');
  await expect(narration(page)).toHaveText(told ?? '');
  await expect(page.getByRole('button', { name: /^Buggy \(as shipped\)/ })).toBeVisible();

  await again.getByLabel(/Import a trace/).setInputFiles({
    name: 'bad.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"format":"nope"}'),
  });
  await expect(again.getByRole('alert')).toContainText('not an Arroyo Race Lab trace');
});

test('exports the postmortem from the toolbar and the timeline images from the link tab', async ({
  page,
}) => {
  test.setTimeout(60_000);
  await page.goto('/#/lab/pause-rebalance-eager?at=49');
  await page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: 'Export', exact: true })
    .click();
  const [report] = await Promise.all([
    page.waitForEvent('download', { timeout: 45_000 }),
    page.getByRole('menuitem', { name: 'Postmortem (Markdown)' }).click(),
  ]);
  expect(report.suggestedFilename()).toMatch(/\.postmortem\.md$/);
  const text = await readFile((await report.path()) ?? '', 'utf8');
  expect(text).toContain('Summary');
  expect(text).toContain('AssertionError');
  const share = await openTool(page, 'Link & trace');
  for (const [button, name] of [
    ['Timeline as SVG', /\.timeline\.svg$/],
    ['Timeline as PNG', /\.timeline\.png$/],
  ] as const) {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      share.getByRole('button', { name: button }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(name);
  }
});
