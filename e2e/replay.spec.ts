/**
 * The standalone replay as an incident lead receives it: one HTML file opened from
 * disk (file://), offline. It must open on the run's last step, step with the
 * keyboard, show the collision, the notes and the traceback, load nothing from
 * anywhere (not even from its own folder) and log no error.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { expect, test } from './fixtures.ts';
import { minimalSchedule } from './minimal.ts';

function replayFile(args: readonly string[]): string {
  const html = execFileSync(
    'npx',
    ['--no-install', 'tsx', 'src/cli/postmortem.ts', ...args, '--format', 'html'],
    {
      encoding: 'utf8',
      maxBuffer: 8 * 1024 * 1024,
    },
  );
  const file = join(mkdtempSync(join(tmpdir(), 'replay-')), 'replay.html');
  writeFileSync(file, html);
  return file;
}

test('the replay opens from disk, steps with the keyboard and loads nothing', async ({ page }) => {
  test.setTimeout(90_000);
  const file = replayFile([
    '--scenario',
    'metrics-stuck-flush',
    '--variant',
    'buggy',
    '--schedule',
    minimalSchedule('metrics-stuck-flush'),
    '--note',
    '3=Look <img src=x onerror=alert(1)> here',
  ]);
  expect(statSync(file).size).toBeLessThan(1024 * 1024);
  const url = pathToFileURL(file).href;
  const requests: string[] = [];
  page.on('request', (r) => {
    if (r.url() !== url) requests.push(r.url());
  });
  await page.goto(url);

  const status = page.locator('.status');
  const last = Number((await status.textContent())?.match(/of (\d+)/)?.[1]);
  expect(last).toBeGreaterThan(10);
  await expect(status).toHaveText(`Step ${last} of ${last}`);
  await expect(page.getByRole('region', { name: 'The collision' })).toBeVisible();
  await expect(page.locator('pre.tb')).toContainText('Traceback (most recent call last)');

  await page.keyboard.press('ArrowLeft');
  await expect(status).toHaveText(`Step ${last - 1} of ${last}`);
  await page.keyboard.press('Home');
  await expect(status).toHaveText(`Step 0 of ${last}`);
  await expect(page.locator('pre.tb')).toContainText('Nothing has crashed yet');
  for (let i = 0; i < 3; i++) await page.keyboard.press('ArrowRight');
  await expect(status).toHaveText(`Step 3 of ${last}`);
  // The note is text, and it is the one marked at its step.
  const note = page.locator('.notes li[aria-current="step"]');
  await expect(note).toContainText('Look <img src=x onerror=alert(1)> here');
  await expect(page.locator('.notes img')).toHaveCount(0);
  // The thread that took step 3 shows its current line.
  await expect(page.locator('.code li[aria-current]').first()).toBeVisible();
  await page.keyboard.press('End');
  await expect(status).toHaveText(`Step ${last} of ${last}`);

  expect(requests, 'the replay fetched something').toEqual([]);
});

test('the replay of the pause race shows each thread and its collision', async ({ page }) => {
  test.setTimeout(90_000);
  const file = replayFile([
    '--scenario',
    'pause-rebalance-eager',
    '--variant',
    'buggy',
    '--schedule',
    minimalSchedule('pause-rebalance-eager'),
  ]);
  await page.goto(pathToFileURL(file).href);
  await expect(page.getByRole('region', { name: 'Thread main' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Thread coordinator' })).toBeVisible();
  await expect(page.locator('pre.tb')).toContainText('AssertionError');
  await page
    .getByRole('button', { name: /Go to step/ })
    .first()
    .click();
  await expect(page.locator('.status')).not.toHaveText(/Step (\d+) of \1$/);
});
