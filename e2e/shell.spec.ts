import { axeViolations } from './axe.ts';
import { expect, test } from './fixtures.ts';

test.describe('app shell', () => {
  test('shows the product name and the landmarks', async ({ page }) => {
    await page.goto('/');
    await expect(page).toHaveTitle('Arroyo Race Lab');
    const banner = page.getByRole('banner');
    await expect(banner.getByRole('link', { name: 'Arroyo Race Lab' })).toHaveAttribute(
      'href',
      '#/',
    );
    await expect(page.getByRole('main')).toBeVisible();
    const nav = page.getByRole('navigation', { name: 'Main' });
    await expect(nav.getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    await expect(nav.getByRole('link', { name: 'About' })).toBeVisible();
    await expect(page.getByRole('contentinfo')).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Arroyo Race Lab' })).toBeVisible();
  });

  test('navigates with the main navigation and the browser history', async ({ page }) => {
    await page.goto('/');
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'About' })
      .click();
    await expect(page).toHaveURL(/#\/about$/);
    await expect(page.getByRole('heading', { level: 1, name: 'About' })).toBeVisible();
    await expect(page).toHaveTitle('About · Arroyo Race Lab');
    await page.goBack();
    await expect(page.getByRole('heading', { level: 1, name: 'Arroyo Race Lab' })).toBeVisible();
  });

  test('says an unknown address is unknown and links back home', async ({ page }) => {
    await page.goto('/#/no-such-page');
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('No page at this address');
    await expect(alert).toContainText('#/no-such-page');
    await alert.getByRole('link', { name: /home/i }).click();
    await expect(page.getByRole('alert')).toHaveCount(0);
    await expect(page.getByRole('heading', { level: 1, name: 'Arroyo Race Lab' })).toBeVisible();
  });

  test('Tab reaches the skip link and the header links, each with a visible focus outline', async ({
    page,
  }) => {
    await page.goto('/');
    const expectFocusRing = async (name: string): Promise<void> => {
      const focused = page.getByRole('link', { name, exact: true });
      await expect(focused).toBeFocused();
      await expect(focused).toBeInViewport();
      const outline = await focused.evaluate((element) => {
        const style = getComputedStyle(element);
        return { style: style.outlineStyle, width: Number.parseFloat(style.outlineWidth) };
      });
      expect(outline.style, name).not.toBe('none');
      expect(outline.width, name).toBeGreaterThanOrEqual(3);
    };

    await page.keyboard.press('Tab');
    await expectFocusRing('Skip to content');
    await page.keyboard.press('Tab');
    await expectFocusRing('Arroyo Race Lab');
    await page.keyboard.press('Tab');
    await expectFocusRing('Home');
  });

  test('the skip link moves focus to the main content without changing the route', async ({
    page,
  }) => {
    await page.goto('/#/about');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('link', { name: 'Skip to content' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('main')).toBeFocused();
    await expect(page).toHaveURL(/#\/about$/);
    await expect(page.getByRole('heading', { level: 1, name: 'About' })).toBeVisible();
  });

  test('has no WCAG A or AA violations on home, about and not-found pages', async ({ page }) => {
    for (const path of ['/', '/#/about', '/#/no-such-page']) {
      await page.goto(path);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      expect(await axeViolations(page), path).toEqual([]);
    }
  });

  test('stacks the header on a narrow screen without horizontal scrolling', async ({ page }) => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/');
    const productBox = await page
      .getByRole('banner')
      .getByRole('link', { name: 'Arroyo Race Lab' })
      .boundingBox();
    const navBox = await page.getByRole('navigation', { name: 'Main' }).boundingBox();
    expect(productBox).not.toBeNull();
    expect(navBox).not.toBeNull();
    if (productBox === null || navBox === null) return;
    expect(navBox.y).toBeGreaterThanOrEqual(productBox.y + productBox.height);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
  });
});
