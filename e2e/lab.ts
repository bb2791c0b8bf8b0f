/** Helpers shared by the lab journeys. */
import type { Page } from '@playwright/test';
import { axeViolations } from './axe.ts';

export function narration(page: Page) {
  return page.locator('.narration [aria-live="polite"]');
}

export function stepCount(page: Page) {
  return page.locator('output.step-count');
}

export function region(page: Page, name: string) {
  return page.getByRole('region', { name, exact: true });
}

/** The toolbar's button that goes to the crash. */
export function crashButton(page: Page) {
  return page
    .getByRole('toolbar', { name: 'Playback' })
    .getByRole('button', { name: /To the crash|Show me (the crash|what goes wrong)/ });
}

/** Opens a tool of the lab's drawer (Setup, Compare, Explore, ...) and returns the drawer. */
export async function openTool(page: Page, name: string) {
  const drawer = page.getByRole('complementary', { name, exact: true });
  if (!(await drawer.isVisible())) {
    await page
      .getByRole('navigation', { name: 'Lab tools' })
      .getByRole('button', { name, exact: true })
      .click();
  }
  await drawer.waitFor();
  return drawer;
}

/** Opens a scenario from the landing page by its title, as a person would. */
export async function pickScenario(page: Page, title: string): Promise<void> {
  await page.goto('/');
  await page.getByRole('link', { name: title }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await narration(page).waitFor();
}

/** axe-core's serious and critical violations on the page. */
export async function seriousViolations(page: Page) {
  const all = await axeViolations(page);
  return all.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}
