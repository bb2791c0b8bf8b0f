import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import type { Question } from '../../tours/schema.ts';
import { QuestionCard } from './QuestionCard.tsx';

const question: Question = {
  prompt: 'Main is waiting inside poll(). Which thread takes the next step?',
  kind: 'which-thread',
  choices: [
    { text: 'main', actor: 'main', correct: false, feedback: 'Main is blocked in poll().' },
    { text: 'coordinator', actor: 'coordinator', correct: true, feedback: 'It serves the revoke.' },
  ],
  hints: ['Who has been waiting?', 'Callbacks run inside poll().', 'The coordinator.'],
};

describe('the question card', { timeout: 20_000 }, () => {
  it('asks with a labelled group of radio buttons and checks the answer', async () => {
    const user = userEvent.setup();
    const onWatch = vi.fn();
    render(<QuestionCard question={question} onWatch={onWatch} />);
    const group = screen.getByRole('group', { name: question.prompt });
    const radios = within(group).getAllByRole('radio');
    expect(radios).toHaveLength(2);
    const check = screen.getByRole('button', { name: 'Check' });
    expect(check).toBeDisabled();
    const status = screen.getByRole('status');
    expect(status).toHaveAttribute('aria-live', 'polite');
    expect(status).toBeEmptyDOMElement();

    await user.click(within(group).getByRole('radio', { name: 'main' }));
    await user.click(check);
    expect(status).toHaveTextContent(
      'Not quite. Main is blocked in poll(). Try again, or take hint 1 of 3.',
    );
    expect(
      screen.queryByRole('button', { name: 'Step forward and watch' }),
    ).not.toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Hint (1 of 3)' }));
    expect(
      within(screen.getByRole('list', { name: 'Hints' })).getAllByRole('listitem'),
    ).toHaveLength(1);
    expect(screen.getByText('Who has been waiting?')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Hint (2 of 3)' }));
    expect(screen.getByText('Callbacks run inside poll().')).toBeInTheDocument();

    await user.click(within(group).getByRole('radio', { name: 'coordinator' }));
    await user.click(check);
    expect(status).toHaveTextContent('Right (2 tries). It serves the revoke.');
    expect(within(group).getByRole('radio', { name: 'main' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Step forward and watch' }));
    expect(onWatch).toHaveBeenCalledOnce();
  });

  it('can be answered by keyboard alone, and shows the answer after every hint', async () => {
    const user = userEvent.setup();
    render(<QuestionCard question={question} />);
    await user.tab();
    expect(screen.getByRole('radio', { name: 'main' })).toHaveFocus();
    await user.keyboard(' ');
    await user.keyboard('{Enter}');
    expect(screen.getByRole('status')).toHaveTextContent('Not quite.');
    for (let i = 1; i <= 3; i++)
      await user.click(screen.getByRole('button', { name: `Hint (${i} of 3)` }));
    expect(screen.getByRole('button', { name: 'No more hints' })).toBeDisabled();
    await user.click(screen.getByRole('button', { name: 'Show the answer' }));
    expect(screen.getByRole('status')).toHaveTextContent(
      'The answer: coordinator. It serves the revoke.',
    );
    expect(screen.getByRole('radio', { name: 'coordinator' })).toBeChecked();
  });
});
