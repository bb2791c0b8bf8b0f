/**
 * The crash in one click: from a fresh page of each race, "Show me the crash"
 * opens the minimal counterexample the explorer finds (computed here in Node),
 * at its crash step, and the Why callout names the two steps and lines that the
 * engine's own data gives (the collision analysis, and for the dict race the
 * timeline's conflict arrow), with both lines marked in their code columns.
 */
import { buildArrows } from '../src/analysis/arrows.ts';
import { collisionOfSimulation, lineWords, type Collision } from '../src/analysis/collision.ts';
import { buildDictLanes } from '../src/analysis/dict-lanes.ts';
import { outcomeWords } from '../src/analysis/outcomeWords.ts';
import { recordOfStep, stepWords } from '../src/analysis/steps.ts';
import { exploreScenario } from '../src/explorer/report.ts';
import { simulate } from '../src/scenarios/simulate.ts';
import { expect, test } from './fixtures.ts';
import { crashButton, narration } from './lab.ts';
import type { Page } from '@playwright/test';

interface Expected {
  readonly schedule: string;
  readonly steps: number;
  readonly collision: Collision;
}

/** What Node says the crash button must open, and the collision there. */
function expectedFor(scenario: string, outcome?: string): Expected {
  const report = exploreScenario({ scenario, variant: 'buggy' });
  if (!report.ok) throw new Error(report.error);
  const key = outcome ?? report.value.minimal?.outcome ?? '';
  const ref = report.value.minimalByOutcome[key];
  if (!ref) throw new Error(`no minimal schedule for ${key}`);
  const sim = simulate({ scenario, variant: 'buggy', schedule: ref.schedule });
  if (!sim.ok) throw new Error(sim.error);
  const collision = collisionOfSimulation(sim.value, key);
  if (!collision) throw new Error(`no collision for ${key}`);
  if (collision.kind === 'dict-resize') {
    // The timeline draws its conflict arrow between the same two steps.
    const run = sim.value.run;
    const arrows = buildArrows([], buildDictLanes(run.records(0, run.length)), []);
    expect(arrows).toContainEqual(
      expect.objectContaining({
        fromStep: recordOfStep(collision.culprit.step),
        toStep: recordOfStep(collision.victim.step),
        raised: true,
      }),
    );
  }
  return { schedule: ref.schedule, steps: ref.steps, collision };
}

function hashParam(page: Page, name: string): string | null {
  const hash = new URL(page.url()).hash;
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get(name);
}

async function checkCallout(page: Page, c: Collision): Promise<void> {
  const callout = page.getByRole('complementary', { name: /^Why:/ });
  await expect(callout).toBeVisible();
  await expect(callout).toContainText(outcomeWords(c.outcome).toLowerCase());
  for (const side of [c.victim, c.culprit]) {
    await expect(callout).toContainText(side.action);
    await expect(callout).toContainText(lineWords(side.code));
    await expect(callout.getByText(side.code?.text ?? '', { exact: true })).toBeVisible();
    const column = page.locator(`[data-actor="${side.actor}"]`);
    await expect(column.locator(`.code-collision[data-line="${side.code?.line}"]`)).toBeVisible();
  }
  await expect(
    callout.getByRole('button', { name: `Go to ${stepWords(c.culprit.step)}`, exact: true }),
  ).toBeVisible();
}

const RACES: readonly { readonly scenario: string; readonly button: RegExp }[] = [
  { scenario: 'metrics-stuck-flush', button: /Show me the crash/ },
  { scenario: 'pause-rebalance-eager', button: /To the crash|Show me the crash/ },
];

for (const { scenario, button } of RACES) {
  test(`${scenario}: one click from a fresh page to the crash, both sides named`, async ({
    page,
  }) => {
    const expected = expectedFor(scenario);
    await page.goto(`/#/lab/${scenario}`);
    await narration(page).waitFor();
    const crash = crashButton(page);
    await expect(crash).toHaveAccessibleName(button);
    await expect(crash).toBeEnabled();
    await crash.click();
    await checkCallout(page, expected.collision);
    await expect(narration(page)).toContainText(`Step ${expected.collision.outcomeStep} of`);
    expect(hashParam(page, 'at')).toBe(String(expected.steps));
    // The run on screen is the explorer's minimal counterexample (or, where the default
    // run already crashes, the same crash step).
    if (scenario === 'metrics-stuck-flush') expect(hashParam(page, 's')).toBe(expected.schedule);
  });
}

test('the outcomes list opens the main-thread crash and explains it', async ({ page }) => {
  const expected = expectedFor('metrics-stuck-flush', 'crash:RuntimeError@main');
  await page.goto('/#/lab/metrics-stuck-flush');
  await narration(page).waitFor();
  const list = page.getByRole('region', { name: 'Outcomes' });
  await list.getByRole('button', { name: 'Main dies' }).click();
  await checkCallout(page, expected.collision);
  expect(expected.collision.victim.actor).toBe('main');
  expect(hashParam(page, 's')).toBe(expected.schedule);
  await page
    .getByRole('complementary', { name: /^Why:/ })
    .getByRole('button', {
      name: `Go to ${stepWords(expected.collision.culprit.step)}`,
      exact: true,
    })
    .click();
  await expect(narration(page)).toContainText(`Step ${expected.collision.culprit.step} of`);
});

test('a variant that cannot go wrong says so with the count', async ({ page }) => {
  const report = exploreScenario({ scenario: 'metrics-stuck-flush', variant: 'correct' });
  if (!report.ok) throw new Error(report.error);
  await page.goto('/#/lab/metrics-stuck-flush?v=correct');
  await narration(page).waitFor();
  await expect(page.getByRole('note')).toContainText(
    `Every one of ${report.value.schedules.toLocaleString('en')} schedules works`,
  );
});
