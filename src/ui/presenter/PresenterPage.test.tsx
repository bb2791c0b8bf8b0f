import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createLabStore } from '../../store/labStore.ts';
import { encodeNotes } from '../../routes/notes.ts';
import { PresenterPage } from './PresenterPage.tsx';

beforeAll(() => {
  HTMLCanvasElement.prototype.getContext = () => null;
});

afterEach(() => {
  window.history.replaceState(null, '', '#/');
});

const title = () => screen.getByRole('heading', { level: 1 });

describe('presenter mode', { timeout: 20_000 }, () => {
  it('works by keyboard alone: clicker keys, Home and End, notes and Escape', async () => {
    const user = userEvent.setup();
    const store = createLabStore({ explorer: () => new Promise(() => undefined) });
    render(
      <PresenterPage tourId="race-a-mechanism" chapterId="carried" query={{}} store={store} />,
    );
    expect(title()).toHaveTextContent('Five seconds of backpressure');
    expect(screen.getByRole('main')).toHaveFocus();
    expect(screen.getByText('Chapter 1 of 7')).toBeInTheDocument();

    await user.keyboard('{ArrowRight}');
    expect(title()).toHaveTextContent('The processor pauses');
    expect(window.location.hash).toBe('#/present/race-a-mechanism/pause');
    await user.keyboard('{PageDown}');
    expect(title()).toHaveTextContent('Into the paused poll');
    await user.keyboard(' ');
    expect(title()).toHaveTextContent("The coordinator's turn");
    await user.keyboard('{PageUp}');
    expect(title()).toHaveTextContent('Into the paused poll');
    await user.keyboard('{ArrowLeft}');
    expect(title()).toHaveTextContent('The processor pauses');
    await user.keyboard('{End}');
    expect(title()).toHaveTextContent('AssertionError');
    expect(screen.getByText('Chapter 7 of 7')).toBeInTheDocument();
    await user.keyboard('{Home}');
    expect(title()).toHaveTextContent('Five seconds of backpressure');

    const notes = screen.getByRole('complementary', { hidden: true });
    expect(notes).not.toBeVisible();
    await user.keyboard('n');
    expect(screen.getByRole('complementary', { name: 'Presenter notes' })).toBeVisible();
    expect(screen.getByRole('complementary', { name: 'Presenter notes' })).toHaveTextContent(
      'Set the scene',
    );
    await user.keyboard('n');
    expect(notes).not.toBeVisible();

    await user.keyboard('{ArrowRight}');
    await user.keyboard('{Escape}');
    expect(window.location.hash).toBe('#/tour/race-a-mechanism/pause');
  });

  it('shows only what the room needs: annotation, key code, outcome, and the question without its answer', async () => {
    const user = userEvent.setup();
    render(<PresenterPage tourId="race-a-mechanism" chapterId="assign-fetch" query={{}} />);
    expect(screen.getByText(/Predict:/)).toBeInTheDocument();
    expect(screen.getByRole('figure')).toHaveTextContent('return message');
    expect(screen.getByText('No crash and no broken invariant so far.')).toBeInTheDocument();
    expect(screen.queryByText(/Yes\. The processor's flag says running/)).not.toBeVisible();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText(/AssertionError in thread main/)).toBeInTheDocument();
  });

  it('presents a lab run at the steps a presenter pinned notes to, as plain text', async () => {
    const user = userEvent.setup();
    const notes = encodeNotes([
      { step: 16, text: 'Here it <b>pauses</b>.' },
      { step: 49, text: 'And here it crashes.' },
    ]);
    render(
      <PresenterPage
        tourId="lab"
        chapterId="pause-rebalance-eager"
        query={{ v: 'buggy', notes }}
      />,
    );
    expect(screen.getByText('Here it <b>pauses</b>.')).toBeInTheDocument();
    expect(screen.getByText('Chapter 1 of 2')).toBeInTheDocument();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByText('And here it crashes.')).toBeInTheDocument();
    expect(window.location.hash).toMatch(
      /^#\/present\/lab\/pause-rebalance-eager\?v=buggy&gil=py311&at=49.*&notes=/,
    );
    await user.keyboard('{Escape}');
    expect(window.location.hash).toMatch(/^#\/lab\/pause-rebalance-eager\?v=buggy&gil=py311&at=49/);
  });

  it('explains a presentation it cannot open', () => {
    render(<PresenterPage tourId="no-such-tour" chapterId={null} query={{}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('There is no tour "no-such-tour".');
  });
});
