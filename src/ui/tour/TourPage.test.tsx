import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLabStore } from '../../store/labStore.ts';
import { TourPage } from './TourPage.tsx';

beforeAll(() => {
  // jsdom has no canvas; the timeline draws nothing, quietly, instead of logging.
  HTMLCanvasElement.prototype.getContext = () => null;
});

afterEach(() => {
  window.history.replaceState(null, '', '#/');
});

function renderTour(chapter: string | null) {
  const store = createLabStore({ explorer: () => new Promise(() => undefined) });
  render(<TourPage tourId="race-a-mechanism" chapterId={chapter} store={store} />);
  return { store, user: userEvent.setup() };
}

describe('the tour page', { timeout: 20_000 }, () => {
  it('opens at the chapter its link names, at the chapter moment', async () => {
    const { store } = renderTour('revoke');
    expect(
      screen.getByRole('heading', { level: 1, name: 'Race A: a rebalance inside the paused poll' }),
    ).toBeInTheDocument();
    expect(
      screen.getByRole('heading', { level: 2, name: "The coordinator's turn" }),
    ).toBeInTheDocument();
    expect(screen.getByText('Chapter 4 of 7')).toBeInTheDocument();
    const nav = screen.getByRole('navigation', { name: 'Chapters' });
    expect(within(nav).getByRole('link', { name: "The coordinator's turn" })).toHaveAttribute(
      'aria-current',
      'step',
    );
    expect(
      await screen.findByRole('group', { name: /Which thread takes the next step/ }),
    ).toBeInTheDocument();
    const sim = store.getState().sim;
    expect(sim?.def.id).toBe('pause-rebalance-eager');
    const cursor = store.getState().cursor;
    expect(sim?.program.actors[sim.run.threadAt(cursor)]).toBe('coordinator');
    const card = screen.getByRole('article', { name: "The coordinator's turn" });
    expect(within(card).getByText(/t = 5\.010 s/)).toBeInTheDocument();
    expect(within(card).getByRole('figure')).toHaveTextContent('queue_callback');
  });

  it('moves between chapters with Back and Next, each with its own address', async () => {
    const { user, store } = renderTour('crash');
    expect(screen.getByRole('button', { name: 'Next ▶' })).toBeDisabled();
    expect(screen.getByText(/End of the tour/)).toBeInTheDocument();
    const crashCursor = store.getState().cursor;
    expect(store.getState().sim?.run.last.crashes[0]?.step).toBe(crashCursor - 1);
    await user.click(screen.getByRole('button', { name: '◀ Back' }));
    expect(
      screen.getByRole('heading', { level: 2, name: 'Assign, fetch, and a message' }),
    ).toBeInTheDocument();
    expect(window.location.hash).toBe('#/tour/race-a-mechanism/assign-fetch');
    expect(screen.getByRole('button', { name: '◀ Back' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Next ▶' }));
    expect(window.location.hash).toBe('#/tour/race-a-mechanism/crash');
    // Next is disabled at the last chapter, so focus moves to the chapter's heading.
    expect(screen.getByRole('heading', { level: 2, name: 'AssertionError' })).toHaveFocus();
    expect(screen.getByRole('link', { name: 'Present' })).toHaveAttribute(
      'href',
      '#/present/race-a-mechanism/crash',
    );
  });

  it('lets the reader step around the moment and come back', async () => {
    const { user, store } = renderTour('pause');
    const home = store.getState().cursor;
    await user.click(screen.getByRole('button', { name: 'Step ▶' }));
    expect(store.getState().cursor).toBe(home + 1);
    await user.click(screen.getByRole('button', { name: "Back to this chapter's moment" }));
    expect(store.getState().cursor).toBe(home);
  });

  it('explains a link to a chapter that does not exist', () => {
    renderTour('no-such-chapter');
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('has no chapter "no-such-chapter"');
    expect(within(alert).getByRole('link', { name: /at its first chapter/ })).toHaveAttribute(
      'href',
      '#/tour/race-a-mechanism',
    );
  });
});
