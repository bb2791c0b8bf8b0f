import { act, fireEvent, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { counterRace } from '../testing/toy.ts';
import { seekAt, type Geometry } from './hit.ts';
import { layoutLanes } from './layout.ts';
import { viewScale } from './scales.ts';
import { miniMetricsRace, modelOf } from './testing.ts';
import { Timeline } from './Timeline.tsx';
import { domainOf } from './xmap.ts';

// jsdom has no canvas 2D: make getContext answer null quietly, as the component expects.
let getContext: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  getContext = vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(() => null);
});
afterEach(() => getContext.mockRestore());

const { model } = modelOf(miniMetricsRace(6));
const n = model.steps.count;

function setup(cursor = 3) {
  const onSeek = vi.fn();
  const view = render(
    <Timeline model={model} cursor={cursor} onSeek={onSeek} label="Metrics race" />,
  );
  return { onSeek, view, slider: screen.getByRole('slider', { name: 'Metrics race: cursor' }) };
}

describe('Timeline', () => {
  it('is a named figure whose plot is a focusable slider over the steps', () => {
    const { slider } = setup(3);
    expect(screen.getByRole('figure', { name: /^Metrics race/ })).toBeInTheDocument();
    expect(slider).toHaveAttribute('tabindex', '0');
    expect(slider).toHaveAttribute('aria-valuemin', '0');
    expect(slider).toHaveAttribute('aria-valuemax', String(n));
    expect(slider).toHaveAttribute('aria-valuenow', '3');
    // The cursor and the step just taken carry the same number: step 3 is the state after the third step.
    expect(slider).toHaveAttribute('aria-valuetext', `step 3 of ${n}: main, mini:insert`);
    expect(slider).toHaveAccessibleDescription(/^Step 3 of \d+\. Step 3 by main/);
  });

  it('moves the cursor with the keyboard: arrows, Shift, Page keys, Home and End', async () => {
    const user = userEvent.setup();
    const { onSeek, slider } = setup(3);
    // Focus directly: user-event's pointer events carry no `view`, which d3-zoom's drag guard needs.
    act(() => slider.focus());
    await user.keyboard('{ArrowRight}');
    expect(onSeek).toHaveBeenLastCalledWith(4);
    await user.keyboard('{ArrowLeft}');
    expect(onSeek).toHaveBeenLastCalledWith(2);
    await user.keyboard('{Home}');
    expect(onSeek).toHaveBeenLastCalledWith(0);
    await user.keyboard('{End}');
    expect(onSeek).toHaveBeenLastCalledWith(n);
    await user.keyboard('{Shift>}{ArrowRight}{/Shift}');
    expect(onSeek).toHaveBeenLastCalledWith(Math.min(n, 13));
    onSeek.mockClear();
    await user.keyboard('+-0');
    expect(onSeek).not.toHaveBeenCalled();
  });

  it('does not seek past either end', async () => {
    const user = userEvent.setup();
    const onSeek = vi.fn();
    render(<Timeline model={model} cursor={0} onSeek={onSeek} />);
    const slider = screen.getByRole('slider');
    act(() => slider.focus());
    await user.keyboard('{ArrowLeft}{Home}');
    expect(onSeek).not.toHaveBeenCalled();
  });

  it('offers a text alternative listing the steps in view, and the findings', async () => {
    const user = userEvent.setup();
    setup(5);
    const table = screen.getByRole('table', { name: new RegExp(`Steps 1 to ${n} of ${n}`) });
    const rows = within(table).getAllByRole('row');
    expect(rows).toHaveLength(n + 1);
    expect(within(rows[5] as HTMLElement).getByRole('rowheader')).toHaveTextContent('5');
    expect(rows[5]).toHaveAttribute('aria-current', 'step');
    expect(within(table).getAllByText('stuck').length).toBeGreaterThan(0);
    const findings = screen.getByRole('list', { name: 'Findings' });
    expect(findings).toHaveTextContent(
      `Crash at step ${(model.crash?.step ?? 0) + 1}: RuntimeError in stuck`,
    );
    expect(findings).toHaveTextContent(
      `Conflict from step ${(model.arrows[0]?.fromStep ?? 0) + 1} (main)`,
    );
    const toggle = screen.getByRole('button', { name: 'Table' });
    expect(toggle).toHaveAttribute('aria-pressed', 'false');
    await user.click(toggle);
    expect(toggle).toHaveAttribute('aria-pressed', 'true');
  });

  it('jumps to the step clicked, through the same hit test as hover', () => {
    const { onSeek, slider } = setup(0);
    // jsdom lays nothing out: the plot is 800 px wide from x = 0 (the component's fallback).
    const g: Geometry = {
      model,
      layout: layoutLanes(model),
      scale: viewScale(domainOf(model, 'step'), 800),
      xMode: 'step',
    };
    const row = g.layout.rowById.get('actor:stuck');
    if (!row) throw new Error('no stuck row');
    const x = g.scale(5.5);
    const y = row.y + row.height / 2;
    fireEvent.click(slider, { clientX: x, clientY: y });
    expect(seekAt(g, x, y)).toBe(6);
    expect(onSeek).toHaveBeenCalledWith(6);
  });

  it('shows details of a hovered mark, and the cursor otherwise', () => {
    const { slider } = setup(2);
    const g: Geometry = {
      model,
      layout: layoutLanes(model),
      scale: viewScale(domainOf(model, 'step'), 800),
      xMode: 'step',
    };
    const row = g.layout.rowById.get('dict:timers');
    if (!row) throw new Error('no dict row');
    fireEvent.pointerMove(slider, { clientX: g.scale(6), clientY: row.y + row.height - 3 });
    expect(
      document.getElementById(slider.getAttribute('aria-describedby')?.split(' ')[0] ?? ''),
    ).toHaveTextContent(
      /^Iterator over timers by stuck, created at step 5 with size 3, raised at step 10$/,
    );
    fireEvent.pointerLeave(slider);
    expect(slider).toHaveAccessibleDescription(/^Step 2 of/);
  });

  it('goes to the crash and toggles the x-axis', async () => {
    const user = userEvent.setup();
    const { onSeek } = setup(0);
    await user.click(screen.getByRole('button', { name: 'Go to crash' }));
    expect(onSeek).toHaveBeenCalledWith((model.crash?.step ?? 0) + 1);
    const time = screen.getByRole('button', { name: 'Time' });
    await user.click(time);
    expect(time).toHaveAttribute('aria-pressed', 'true');
    expect(screen.getByRole('button', { name: 'Steps' })).toHaveAttribute('aria-pressed', 'false');
  });

  it('renders a run without crash or shared state', () => {
    const onSeek = vi.fn();
    const toy = modelOf(counterRace(2, 2)).model;
    render(<Timeline model={toy} cursor={0} onSeek={onSeek} />);
    expect(screen.queryByRole('button', { name: 'Go to crash' })).not.toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Findings' })).toHaveTextContent('No crash');
  });
});
