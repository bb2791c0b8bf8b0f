import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CRASH_CATALOG } from '../../analysis/catalog.ts';
import { failureKeys } from '../../analysis/collision.ts';
import { outcomeWords } from '../../analysis/outcomeWords.ts';
import { countText } from '../../explorer/countText.ts';
import { OutcomesList } from './OutcomesList.tsx';
import { ShowCrashButton } from './ShowCrashButton.tsx';
import { labOn, renderWith } from './testing.tsx';

describe('the outcomes list', () => {
  it('lists every outcome with its count, and each opens a run that ends so', async () => {
    const store = labOn('metrics-stuck-flush', 'buggy');
    const { user } = renderWith(store, <OutcomesList />);
    const entry = CRASH_CATALOG.entries['metrics-stuck-flush/buggy/py311']!;
    const list = screen.getByRole('region', { name: 'Outcomes' });
    expect(list).toHaveTextContent(`Out of ${countText(entry.schedules)} schedules`);
    const keys = Object.keys(entry.byOutcome);
    expect(keys).toContain('crash:RuntimeError@main');
    for (const key of keys) {
      const button = within(list).getByRole('button', { name: outcomeWords(key) });
      expect(button.closest('li')).toHaveTextContent(
        `${countText(entry.byOutcome[key] ?? 0)} of ${countText(entry.schedules)}`,
      );
      await user.click(button);
      const last = store.getState().sim!.run.last;
      if (key === 'ok') expect(failureKeys(last)).toEqual([]);
      else expect(failureKeys(last)).toContain(key);
      expect(store.getState().cursor).toBe(entry.minimal[key]?.steps);
      expect(within(list).getByRole('button', { name: outcomeWords(key) })).toHaveAttribute(
        'aria-current',
        'true',
      );
    }
  });

  it('offers to count when the parameters were not counted in advance', () => {
    const store = labOn('metrics-stuck-flush', 'buggy', { joinMs: 6000 });
    renderWith(store, <OutcomesList />);
    expect(screen.getByRole('button', { name: 'Count every schedule' })).toBeInTheDocument();
  });
});

describe('the crash button', () => {
  it('is enabled on a clean run of a variant that can crash, and opens the crash', async () => {
    const store = labOn('metrics-stuck-flush', 'buggy');
    expect(store.getState().sim!.run.last.crashes).toEqual([]);
    const { user } = renderWith(store, <ShowCrashButton />);
    const button = screen.getByRole('button', { name: /Show me the crash/ });
    expect(button).toBeEnabled();
    await user.click(button);
    expect(store.getState().sim!.run.last.crashes.length).toBeGreaterThan(0);
  });

  it('says with the count when nothing can go wrong', () => {
    const store = labOn('metrics-stuck-flush', 'correct');
    const entry = CRASH_CATALOG.entries['metrics-stuck-flush/correct/py311']!;
    renderWith(store, <ShowCrashButton />);
    expect(screen.queryByRole('button')).toBeNull();
    expect(screen.getByRole('note')).toHaveTextContent(
      `Every one of ${countText(entry.schedules)} schedules works`,
    );
  });

  it('says "what goes wrong" where the variant breaks an invariant without crashing', () => {
    act(() => undefined);
    const store = labOn('pause-revoke-cooperative', 'buggy');
    renderWith(store, <ShowCrashButton />);
    expect(screen.getByRole('button', { name: /Show me what goes wrong/ })).toBeEnabled();
  });
});
