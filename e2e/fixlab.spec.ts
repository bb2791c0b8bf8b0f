/**
 * The Fix lab in Chromium: a person writes a fix in the editor, checks it in real
 * CPython (Pyodide in a module worker), reads the counts, steps through the smallest
 * counterexample, shares it, and opens the link in a fresh page, where the code is shown
 * and nothing runs until Check. The page's counts are compared with the same checker
 * run in Node by this test. Runaway code, a refused import and a damaged link each end
 * in one clear sentence.
 */
import type { Page } from '@playwright/test';
import { createChecker } from '../src/fixlab/checker.ts';
import { loadPyodideInNode } from '../src/fixlab/node/load.ts';
import {
  DEFAULT_BOUND,
  DEFAULT_STEP_LIMIT,
  type CheckResult,
  type PyodideLike,
} from '../src/fixlab/protocol.ts';
import { TEMPLATES } from '../src/fixlab/templates.ts';
import { seriousViolations } from './lab.ts';
import { expect, test } from './fixtures.ts';

// Pyodide loads in a few seconds on an idle machine; a shared 2-core machine is slower.
const PYTHON_READY_MS = 120_000;
// One test at a time: two Pyodides compiling at once on two cores only slow both down.
test.describe.configure({ mode: 'default', timeout: 300_000 });

const BUGGY = TEMPLATES.find((t) => t.id === 'buggy')?.code ?? '';

/**
 * A "fix" people write: flush iterates over a dict comprehension instead of the live
 * dict. The comprehension still iterates the live dict, so it still crashes.
 */
function comprehensionFix(code: string): string {
  const fixed = code.replace(
    /for (\w+), (\w+) in self\.__counters\.items\(\):/,
    'for $1, $2 in {k: v for k, v in self.__counters.items()}.items():',
  );
  if (fixed === code) throw new Error('the buggy template no longer has the loop this test edits');
  return fixed;
}

async function openFixLab(page: Page, hash = '#/fix/metrics'): Promise<void> {
  await page.goto(`/${hash}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Write your own fix for the metrics race',
    { timeout: 60_000 },
  );
  await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: PYTHON_READY_MS });
}

/** Replaces the editor's text the way a person pasting would. */
async function writeCode(page: Page, code: string): Promise<void> {
  await page.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

/**
 * The whole text of the editor. CodeMirror renders only the lines in view, so the DOM
 * cannot be read; its view hangs off the content element (as `EditorView.findFromDOM`
 * finds it, with CodeMirror's versions pinned by the lock file).
 */
async function editorText(page: Page): Promise<string> {
  return page.locator('.cm-content').evaluate((el) => {
    type Tiled = { cmTile?: { root?: { view?: { state: { doc: { toString(): string } } } } } };
    const view = (el as unknown as Tiled).cmTile?.root?.view;
    if (!view) throw new Error('CodeMirror no longer keeps its view on .cm-content');
    return view.state.doc.toString();
  });
}

async function pageCounts(page: Page): Promise<Record<string, number>> {
  const rows = page.locator('.fix-outcomes tbody tr');
  const counts: Record<string, number> = {};
  for (const row of await rows.all()) {
    const key = (await row.getAttribute('data-outcome')) ?? '';
    const count = Number(((await row.locator('td').first().textContent()) ?? '').replace(/,/g, ''));
    counts[key] = count;
  }
  return counts;
}

async function checkInNode(code: string): Promise<CheckResult> {
  // The command's own loader: same files, same environment as the page's worker.
  const pyodide = await loadPyodideInNode();
  const checker = createChecker(pyodide as unknown as PyodideLike);
  const outcome = await checker.check({
    code,
    bound: DEFAULT_BOUND,
    stepLimit: DEFAULT_STEP_LIMIT,
  });
  if (!outcome.ok) throw new Error(outcome.error);
  return outcome.value;
}

test('write a fix, check it, step through the counterexample, share it; the link runs nothing until Check', async ({
  page,
  browser,
}) => {
  const fix = comprehensionFix(BUGGY);
  await openFixLab(page);
  await writeCode(page, fix);
  expect(await editorText(page)).toBe(fix);
  await expect(page.getByLabel('Start from')).toHaveValue('draft');

  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const result = page.locator('.fix-result');
  await expect(result.locator('.fix-headline')).toContainText('break it', { timeout: 120_000 });

  // The same file gives the same counts in Chromium and in Node.
  const expected = await checkInNode(fix);
  expect(await pageCounts(page)).toEqual(expected.byOutcome);
  await expect(result.locator('.fix-headline')).toContainText(
    `of ${expected.schedules.toLocaleString('en-US')} schedules`,
  );
  expect(Object.keys(expected.byOutcome).some((k) => k.startsWith('crash:RuntimeError'))).toBe(
    true,
  );

  await result.getByRole('button', { name: 'Step through the smallest counterexample' }).click();
  const stepper = page.getByRole('region', { name: /^Step through/ });
  await expect(stepper).toBeVisible({ timeout: 60_000 });
  await expect(stepper.locator('.fix-callout-head')).toContainText('raised RuntimeError');
  const schedule = (await stepper.locator('p.muted code').first().textContent()) ?? '';
  expect(schedule).toBe(expected.minimal?.schedule);
  const count = stepper.locator('.step-count');
  await expect(count).toHaveText(/^Step 1 of \d+$/);
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expect(count).toHaveText(/^Step 3 of /);
  await stepper.getByRole('button', { name: '◀ Back' }).click();
  await expect(count).toHaveText(/^Step 2 of /);
  await page.keyboard.press('End');
  await expect(count).toHaveText(/^Step (\d+) of \1$/);
  await expect(stepper.locator('.code-mark.crashed')).toContainText('raised here');
  expect(await seriousViolations(page)).toEqual([]);

  const share = page.getByRole('region', { name: 'Share' });
  await share.getByRole('button', { name: 'Make a link to this code and counterexample' }).click();
  const link = await share.getByLabel('Link').inputValue();
  expect(link).toContain('#/fix/metrics?code=');
  expect(link).toContain(`cx=${schedule}`);

  // A fresh page: the code is shown and has not run.
  const other = await browser.newPage();
  const errors: string[] = [];
  other.on('pageerror', (e) => errors.push(e.message));
  await other.goto(link);
  await expect(other.getByText(/This code came from a link/)).toContainText('has not run');
  await expect.poll(() => editorText(other)).toBe(fix);
  await expect(other.getByText(/Python ready/)).toBeVisible({ timeout: PYTHON_READY_MS });
  await expect(other.locator('.fix-result')).toContainText('Press Check');
  await expect(other.locator('.fix-outcomes')).toHaveCount(0);
  await other.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(other.locator('.fix-result .fix-headline')).toContainText('break it', {
    timeout: 120_000,
  });
  expect(await pageCounts(other)).toEqual(expected.byOutcome);
  // The shared counterexample opens once the code has been checked.
  const sharedStepper = other.getByRole('region', { name: /^Step through/ });
  await expect(sharedStepper.locator('p.muted code').first()).toHaveText(schedule, {
    timeout: 60_000,
  });
  expect(errors).toEqual([]);
  await other.close();
});

test('code with no switch point that never returns is stopped, and the page stays usable', async ({
  page,
}) => {
  await openFixLab(page);
  const runaway = BUGGY.replace(
    /def incr_counter\(self, metric, delta\):\n/,
    (head) => `${head}        sum(range(10**12))\n`,
  );
  expect(runaway).not.toBe(BUGGY);
  await writeCode(page, runaway);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Checking…' })).toBeDisabled();
  // While the worker spins, the page still answers: the picker switches templates.
  await page.getByLabel('Start from').selectOption('correct');
  await expect.poll(() => editorText(page)).toBe(TEMPLATES.find((t) => t.id === 'correct')?.code);
  await expect(page.locator('.fix-result [role="alert"]')).toContainText(
    'without reaching a switch point',
    { timeout: 60_000 },
  );
  // The checker restarts on its own and checks again.
  await expect(page.getByText(/Python ready/)).toBeVisible({ timeout: PYTHON_READY_MS });
  await page.getByLabel('Start from').selectOption('draft');
  expect(await editorText(page)).toBe(runaway);
});

test('a refused import is named with its line, before anything runs', async ({ page }) => {
  await openFixLab(page);
  await writeCode(page, `import time\nimport os\n\n${BUGGY}`);
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const alert = page.locator('.fix-result [role="alert"]');
  await expect(alert).toContainText('cannot be checked', { timeout: 60_000 });
  await expect(alert).toContainText('os');
  await expect(alert).toContainText('line 2');
});

test('a damaged link gives one sentence and the editor keeps its template', async ({ page }) => {
  await page.goto('/#/fix/metrics?code=AAAA-not-deflate');
  // The page and its editor load lazily: slow when the machine is busy.
  await expect(page.getByRole('alert')).toContainText('This link cannot be opened as it is.', {
    timeout: 60_000,
  });
  expect(await editorText(page)).toBe(BUGGY);
  await expect(page.locator('.fix-result')).toContainText('Press Check');
});

test('the landing page loads no Python and no editor, and links to the Fix lab', async ({
  page,
}) => {
  const requested: string[] = [];
  page.on('request', (request) => requested.push(new URL(request.url()).pathname));
  await page.goto('/');
  await expect(page.getByRole('banner')).toBeVisible();
  await page.waitForLoadState('networkidle');
  expect(requested.filter((path) => /pyodide|FixLabPage|checker\.worker/.test(path))).toEqual([]);
  await page.getByRole('link', { name: 'Write your own fix in the Fix lab' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    'Write your own fix for the metrics race',
    { timeout: 60_000 },
  );
  await expect
    .poll(() => requested.some((path) => path.endsWith('/pyodide/pyodide.asm.wasm')))
    .toBe(true);
});
