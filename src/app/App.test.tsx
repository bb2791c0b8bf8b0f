import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { App } from './App.tsx';

function renderAt(hash: string) {
  window.location.hash = hash;
  return render(<App />);
}

async function navigateTo(hash: string): Promise<void> {
  await act(async () => {
    window.location.hash = hash;
    // jsdom fires hashchange asynchronously, like browsers do.
    await new Promise((resolve) => window.addEventListener('hashchange', resolve, { once: true }));
  });
}

afterEach(() => {
  window.location.hash = '';
});

describe('App routes', () => {
  it('renders the home page with the shell landmarks', () => {
    renderAt('#/');
    expect(screen.getByRole('heading', { level: 1, name: 'Arroyo Race Lab' })).toBeInTheDocument();
    const banner = screen.getByRole('banner');
    expect(within(banner).getByRole('link', { name: 'Arroyo Race Lab' })).toHaveAttribute(
      'href',
      '#/',
    );
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'About' })).not.toHaveAttribute('aria-current');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main');
    expect(screen.getByRole('contentinfo')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('renders home for an empty hash', () => {
    renderAt('');
    expect(screen.getByRole('heading', { level: 1, name: 'Arroyo Race Lab' })).toBeInTheDocument();
  });

  it('shows an alert with a link home for an unknown route', () => {
    renderAt('#/no-such-page');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('No page at this address');
    expect(alert).toHaveTextContent('#/no-such-page');
    expect(within(alert).getByRole('link', { name: /home/i })).toHaveAttribute('href', '#/');
  });

  it('renders the about page and marks its nav link current', () => {
    renderAt('#/about');
    expect(screen.getByRole('heading', { level: 1, name: 'About' })).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'About' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  it('renders the lab for a scenario route, explaining an unknown scenario', async () => {
    renderAt('#/lab/no-such-scenario');
    // The lab page loads lazily: its first import transforms the whole lab, which on a
    // busy machine takes longer than findBy's default second.
    const heading = await screen.findByRole('heading', { level: 1 }, { timeout: 20_000 });
    expect(heading).toHaveTextContent('no-such-scenario');
    expect(screen.getByRole('alert')).toHaveTextContent('There is no scenario "no-such-scenario"');
  });

  it('follows hash changes and moves focus to the main landmark', async () => {
    renderAt('#/');
    await navigateTo('#/no-such-page');
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('main')).toHaveFocus();
    await navigateTo('#/about');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: 'About' })).toBeInTheDocument();
  });

  it('skip link focuses main without changing the route', async () => {
    const user = userEvent.setup();
    renderAt('#/about');
    await user.tab();
    const skip = screen.getByRole('link', { name: 'Skip to content' });
    expect(skip).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(screen.getByRole('main')).toHaveFocus();
    expect(window.location.hash).toBe('#/about');
  });
});
