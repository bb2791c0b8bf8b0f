/**
 * The deployed site lives under a GitHub Pages project path. The same dist/ that is
 * deployed is served under /arroyo-race-lab/ and must load every asset from there.
 */
import { expect, test } from './fixtures.ts';
import { SUBPATH_BASE, SUBPATH_URL } from './servers.ts';

test.describe('site under the GitHub Pages subpath', () => {
  test('renders the app with every asset loaded from the subpath', async ({ page }) => {
    const failures: string[] = [];
    const requested: string[] = [];
    page.on('response', (response) => {
      requested.push(new URL(response.url()).pathname);
      if (response.status() >= 400) failures.push(`${response.status()} ${response.url()}`);
    });
    page.on('requestfailed', (request) => failures.push(`failed ${request.url()}`));

    await page.goto(SUBPATH_URL);
    await expect(page.getByRole('heading', { level: 1, name: 'Arroyo Race Lab' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'Main' })).toBeVisible();

    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'About' })
      .click();
    await expect(page).toHaveURL(`${SUBPATH_URL}#/about`);
    await expect(page.getByRole('heading', { level: 1, name: 'About' })).toBeVisible();

    expect(failures).toEqual([]);
    expect(requested.some((path) => path.startsWith(`${SUBPATH_BASE}assets/`))).toBe(true);
    expect(requested.filter((path) => !path.startsWith(SUBPATH_BASE))).toEqual([]);
  });

  test('keeps hash routes working on a fresh load under the subpath', async ({ page }) => {
    await page.goto(`${SUBPATH_URL}#/no-such-page`);
    await expect(page.getByRole('alert')).toContainText('No page at this address');
    await page.getByRole('alert').getByRole('link', { name: /home/i }).click();
    await expect(page).toHaveURL(`${SUBPATH_URL}#/`);
  });
});
