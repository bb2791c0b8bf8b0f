import { fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { describe, expect, it } from 'vitest';
import { Splitter } from './Splitter.tsx';

function Harness() {
  const [value, setValue] = useState(200);
  return (
    <Splitter
      label="Timeline height"
      orientation="horizontal"
      value={value}
      min={120}
      max={400}
      defaultValue={200}
      onChange={setValue}
      controls="panel"
    />
  );
}

describe('the splitter', () => {
  it('resizes with the keyboard within its bounds and resets on Enter', () => {
    render(<Harness />);
    const bar = screen.getByRole('separator', { name: 'Timeline height' });
    expect(bar).toHaveAttribute('aria-valuenow', '200');
    fireEvent.keyDown(bar, { key: 'ArrowUp' });
    expect(bar).toHaveAttribute('aria-valuenow', '220');
    fireEvent.keyDown(bar, { key: 'ArrowDown', shiftKey: true });
    expect(bar).toHaveAttribute('aria-valuenow', '140');
    fireEvent.keyDown(bar, { key: 'ArrowDown', shiftKey: true });
    expect(bar).toHaveAttribute('aria-valuenow', '120');
    fireEvent.keyDown(bar, { key: 'End' });
    expect(bar).toHaveAttribute('aria-valuenow', '400');
    fireEvent.keyDown(bar, { key: 'Enter' });
    expect(bar).toHaveAttribute('aria-valuenow', '200');
  });

  it('keeps its keys from reaching the page (the lab steps on the arrows)', () => {
    render(<Harness />);
    let reached = 0;
    const count = () => reached++;
    window.addEventListener('keydown', count);
    fireEvent.keyDown(screen.getByRole('separator'), { key: 'ArrowUp' });
    fireEvent.keyDown(screen.getByRole('separator'), { key: 'x' });
    window.removeEventListener('keydown', count);
    expect(reached).toBe(1);
  });
});
