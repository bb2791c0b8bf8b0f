/**
 * The Export menu in the lab, by keyboard: the postmortem it saves is, byte for byte,
 * the document the headless command prints for the same run and notes; the slide
 * image is 1920x1080 with its legend.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { minimalSchedule } from './minimal.ts';
import { PREVIEW_URL } from './servers.ts';

const NOTES: readonly (readonly [number, string])[] = [
  [2, 'Main counts the run here.'],
  [5, 'A note with <script>alert(1)</script> and [a](javascript:alert(1)) in it.'],
];

function labUrl(scenario: string, schedule: string): string {
  const notes = encodeURIComponent(JSON.stringify(NOTES));
  return `/#/lab/${scenario}?v=buggy&gil=py311&s=${schedule}&notes=${notes}`;
}

async function exportItem(page: Page, name: string): Promise<string> {
  const button = page.getByRole('button', { name: 'Export', exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
  const item = page.getByRole('menuitem', { name, exact: true });
  await expect(page.getByRole('menuitem').first()).toBeFocused();
  for (let i = 0; i < 8 && !(await item.evaluate((el) => el === document.activeElement)); i++) {
    await page.keyboard.press('ArrowDown');
  }
  const download = page.waitForEvent('download', { timeout: 60_000 });
  await page.keyboard.press('Enter');
  const file = await (await download).path();
  return file;
}

test('the postmortem from the Export menu is the one the command prints', async ({ page }) => {
  test.setTimeout(120_000);
  const scenario = 'metrics-stuck-flush';
  const schedule = minimalSchedule(scenario);
  await page.goto(labUrl(scenario, schedule));
  await expect(page.getByRole('button', { name: 'Export', exact: true })).toBeVisible();
  const fromButton = readFileSync(await exportItem(page, 'Postmortem (Markdown)'), 'utf8');

  const args = [
    '--scenario',
    scenario,
    '--variant',
    'buggy',
    '--schedule',
    schedule,
    '--site',
    PREVIEW_URL,
  ];
  for (const [step, text] of NOTES) args.push('--note', `${step}=${text}`);
  const fromCommand = execFileSync(
    'npx',
    ['--no-install', 'tsx', 'src/cli/postmortem.ts', ...args],
    {
      encoding: 'utf8',
      maxBuffer: 8 * 1024 * 1024,
    },
  );
  expect(fromButton).toContain('## Root cause');
  expect(fromButton).toContain('\\<script\\>alert(1)\\</script\\>');
  expect(fromButton === fromCommand, 'the two documents differ').toBe(true);
});

test('the slide image is 1920x1080 with a legend, in PNG and SVG', async ({ page }) => {
  test.setTimeout(90_000);
  const scenario = 'pause-rebalance-eager';
  await page.goto(labUrl(scenario, minimalSchedule(scenario)));
  const png = readFileSync(await exportItem(page, 'Slide image (PNG)'));
  expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
  expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1920, 1080]);
  const svg = readFileSync(await exportItem(page, 'Slide image (SVG)'), 'utf8');
  expect(svg).toMatch(/<svg [^>]*width="1920" height="1080"/);
  for (const label of ['crash', 'the collision: culprit → victim', 'pinned note', 'current step']) {
    expect(svg).toContain(`>${label}</text>`);
  }
  await expect(page.getByRole('status').filter({ hasText: 'Saved' })).toContainText('1920x1080');
});

test('the rich-text postmortem lands on the clipboard as HTML and as text', async ({
  page,
  context,
}) => {
  test.setTimeout(90_000);
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  const scenario = 'pause-rebalance-eager';
  await page.goto(labUrl(scenario, minimalSchedule(scenario)));
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name: 'Postmortem (rich text, copy)' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: 'Postmortem copied as rich text' }),
  ).toBeVisible({
    timeout: 60_000,
  });
  const copied = await page.evaluate(async () => {
    const [item] = await navigator.clipboard.read();
    if (!item) return null;
    const read = async (type: string) =>
      item.types.includes(type) ? await (await item.getType(type)).text() : '';
    return { html: await read('text/html'), text: await read('text/plain') };
  });
  expect(copied?.html).toContain('<h2>Root cause</h2>');
  expect(copied?.html).toContain('<svg');
  // The note is text: escaped (the clipboard may re-spell the entities), never an element.
  expect(copied?.html).toMatch(/A note with &(#60|lt);script&(#62|gt);alert\(1\)/);
  expect(copied?.html).not.toMatch(/<script/i);
  expect(copied?.text).toMatch(/^# Postmortem: /);
});
