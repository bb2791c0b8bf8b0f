import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Panel } from './Panel.tsx';

let failing = true;

function Fragile() {
  if (failing) throw new Error('the world is not plain data');
  return <p>Recovered</p>;
}

function Counter() {
  const [n, setN] = useState(0);
  return (
    <button type="button" onClick={() => setN(n + 1)}>
      Clicked {n}
    </button>
  );
}

describe('panels and their error boundaries', () => {
  beforeEach(() => {
    failing = true;
    // React reports a caught render error on the console; the panel shows it instead.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => vi.restoreAllMocks());

  it('shows the error in the failing panel while the others keep working', async () => {
    const user = userEvent.setup();
    render(
      <>
        <Panel title="State">
          <Fragile />
        </Panel>
        <Panel title="Threads">
          <Counter />
        </Panel>
      </>,
    );
    const state = screen.getByRole('region', { name: 'State' });
    expect(within(state).getByRole('alert')).toHaveTextContent(
      'The State panel stopped working: the world is not plain data',
    );
    const threads = screen.getByRole('region', { name: 'Threads' });
    await user.click(within(threads).getByRole('button', { name: 'Clicked 0' }));
    expect(within(threads).getByRole('button', { name: 'Clicked 1' })).toBeInTheDocument();

    failing = false;
    await user.click(within(state).getByRole('button', { name: 'Try again' }));
    expect(within(state).getByText('Recovered')).toBeInTheDocument();
  });
});
