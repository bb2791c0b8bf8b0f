/**
 * The `test` every e2e spec uses. It fails a test if the page logged a console error
 * (a CSP violation, a failed asset load, a React error) or threw an uncaught exception,
 * even when every assertion in the test passed. Specs import `test` and `expect` from
 * here, never from '@playwright/test'.
 */
import { test as base, expect } from '@playwright/test';

export interface PageProblems {
  /** Console errors and uncaught page errors seen so far, in order. */
  readonly problems: string[];
}

export const test = base.extend<PageProblems>({
  problems: [
    async ({ page }, use) => {
      const problems: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') {
          const { url, lineNumber } = message.location();
          problems.push(`console.error: ${message.text()} (${url}:${lineNumber})`);
        }
      });
      page.on('pageerror', (error) => {
        problems.push(`pageerror: ${error.name}: ${error.message}`);
      });
      await use(problems);
      expect(problems, 'the page logged console errors or threw').toEqual([]);
    },
    // Auto: every test gets the check, whether or not it mentions `problems`.
    { auto: true },
  ],
});

export { expect };
