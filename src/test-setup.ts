/**
 * Shared setup for every Vitest project: jest-dom's matchers (toBeInTheDocument,
 * toHaveAccessibleName, ...) and unmounting React trees between tests, which
 * Testing Library only does by itself when Vitest globals are on (they are not).
 */
import '@testing-library/jest-dom/vitest';
import { afterEach } from 'vitest';

afterEach(async () => {
  if (typeof document !== 'undefined') {
    const { cleanup } = await import('@testing-library/react');
    cleanup();
  }
});
