/**
 * The page never blanks: if a whole page throws while rendering (here the lab, made
 * to throw), the shell keeps its header and navigation, says what went wrong in a
 * role=alert, and following a link to another page works again.
 */
import { act, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { App } from '../app/App.tsx';

vi.mock('../ui/lab/LabPage.tsx', () => ({
  LabPage: () => {
    throw new Error('the lab could not be built');
  },
}));

afterEach(() => {
  window.location.hash = '';
  vi.restoreAllMocks();
});

describe('a page that throws', () => {
  it('keeps the shell, explains itself and lets the reader move on', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    await act(async () => {
      window.location.hash = '#/lab/pause-rebalance-eager';
      await new Promise((resolve) =>
        window.addEventListener('hashchange', resolve, { once: true }),
      );
    });
    render(<App />);
    // The lab page loads lazily, then throws.
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The page panel stopped working: the lab could not be built',
    );
    const banner = screen.getByRole('banner');
    const home = within(banner).getByRole('link', { name: 'Arroyo Race Lab' });
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();

    expect(home).toHaveAttribute('href', '#/');
    await act(async () => {
      // Following the link: jsdom changes the hash but does not follow anchors itself.
      window.location.hash = '#/';
      await new Promise((resolve) =>
        window.addEventListener('hashchange', resolve, { once: true }),
      );
    });
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.getByRole('heading', { level: 1, name: 'Arroyo Race Lab' })).toBeInTheDocument();
  });
});
