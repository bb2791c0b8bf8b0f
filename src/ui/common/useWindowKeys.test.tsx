import { render } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import type { KeyInput } from './keyInput.ts';
import { useWindowKeys } from './useWindowKeys.ts';

/** Matches `a` and `b` only; hands the action and the render's `label` to `seen`. */
function Probe(props: {
  readonly label: string;
  readonly acts: boolean;
  readonly seen: (action: string, label: string, input: KeyInput) => void;
}) {
  useWindowKeys(
    (input) => (input.key === 'a' || input.key === 'b' ? input : null),
    (input) => {
      props.seen(input.key, props.label, input);
      return props.acts;
    },
  );
  return <input aria-label="field" role="slider" />;
}

function press(key: string, target: EventTarget = document.body, prevented = false) {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, cancelable: true });
  if (prevented) event.preventDefault();
  target.dispatchEvent(event);
  return event;
}

describe('the window key adaptor', () => {
  it('prevents the default of a key it acted on, and only of that one', () => {
    const seen = vi.fn();
    render(<Probe label="one" acts seen={seen} />);
    expect(press('a').defaultPrevented).toBe(true);
    expect(press('x').defaultPrevented).toBe(false);
    expect(seen.mock.calls.map((c) => c[0])).toEqual(['a']);
  });

  it('leaves the default alone when the handler says it did nothing', () => {
    const seen = vi.fn();
    render(<Probe label="one" acts={false} seen={seen} />);
    expect(press('b').defaultPrevented).toBe(false);
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('leaves a key that a focused control already handled to it', () => {
    const seen = vi.fn();
    render(<Probe label="one" acts seen={seen} />);
    press('a', document.body, true);
    expect(seen).not.toHaveBeenCalled();
  });

  it('calls the latest handler, with the latest render, and stops when unmounted', () => {
    const seen = vi.fn();
    const { rerender, unmount } = render(<Probe label="one" acts seen={seen} />);
    rerender(<Probe label="two" acts seen={seen} />);
    press('a');
    expect(seen.mock.calls.map((c) => c[1])).toEqual(['two']);
    unmount();
    press('a');
    expect(seen).toHaveBeenCalledTimes(1);
  });

  it('reads what has focus: the tag, and a slider by its role', () => {
    const seen = vi.fn();
    const { getByLabelText } = render(<Probe label="one" acts seen={seen} />);
    press('a', getByLabelText('field'));
    press('b', document.body);
    const inputs = seen.mock.calls.map((c) => c[2] as KeyInput);
    expect(inputs.map((i) => [i.targetTag, i.targetRole])).toEqual([
      ['INPUT', 'slider'],
      ['BODY', null],
    ]);
  });
});
