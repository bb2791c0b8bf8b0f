import { act, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLabStore, type LabStore } from '../../store/labStore.ts';
import type { ExplorerRunner } from '../../store/explorerSlice.ts';
import { crashingSchedule, FAKE_ID, registerFakeScenario } from '../../testing/fakeScenario.ts';
import { LabPage } from './LabPage.tsx';

let undo: () => void;
beforeAll(() => {
  undo = registerFakeScenario();
  // jsdom has no canvas; the timeline draws nothing, quietly, instead of logging.
  HTMLCanvasElement.prototype.getContext = () => null;
});
afterAll(() => undo());

function renderLab(query: Record<string, string> = {}, store: LabStore = createLabStore()) {
  const user = userEvent.setup();
  const view = render(<LabPage scenarioId={FAKE_ID} query={query} store={store} />);
  return { user, store, ...view };
}

const tool = (name: string) =>
  within(screen.getByRole('navigation', { name: 'Lab tools' })).getByRole('button', { name });

const narration = () => screen.getByText((_, el) => el?.getAttribute('aria-live') === 'polite');

describe('the lab page', () => {
  it('shows the scenario, its provenance and the first step, with the tools in a drawer', () => {
    renderLab();
    expect(screen.getByRole('heading', { level: 1, name: 'Toy counter' })).toBeInTheDocument();
    expect(screen.getByText('Hypothetical')).toBeInTheDocument();
    expect(narration()).toHaveTextContent('Before the first step');
    expect(screen.getByRole('toolbar', { name: 'Playback' })).toBeInTheDocument();
    for (const name of ['Code', 'Crash and invariants', 'Timeline']) {
      expect(screen.getByRole('region', { name })).toBeInTheDocument();
    }
    expect(screen.getByRole('complementary', { name: 'State now' })).toBeInTheDocument();
    for (const name of ['t0', 't1']) {
      expect(screen.getByRole('region', { name: new RegExp(`^${name}`) })).toBeInTheDocument();
    }
    const tools = screen.getByRole('navigation', { name: 'Lab tools' });
    for (const name of ['Setup', 'Compare', 'Explore', 'Notes', 'Link & trace', 'All state']) {
      expect(within(tools).getByRole('button', { name })).toHaveAttribute('aria-expanded', 'false');
    }
  });

  it('opens a tool in the drawer and closes it with Escape', async () => {
    const { user } = renderLab();
    const open = screen.getByRole('button', { name: 'Explore' });
    await user.click(open);
    expect(open).toHaveAttribute('aria-expanded', 'true');
    const drawer = screen.getByRole('complementary', { name: 'Explore' });
    expect(within(drawer).getByRole('button', { name: 'Explore all variants' })).toBeVisible();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('complementary', { name: 'Explore' })).not.toBeInTheDocument();
    expect(open).toHaveAttribute('aria-expanded', 'false');
    expect(open).toHaveFocus();
  });

  it('loads the timeline lazily and moves the cursor from it', async () => {
    const { store } = renderLab();
    const timeline = screen.getByRole('region', { name: 'Timeline' });
    const slider = await within(timeline).findByRole('slider', {}, { timeout: 5000 });
    slider.focus();
    await userEvent.keyboard('{ArrowRight}');
    expect(store.getState().cursor).toBe(1);
  });

  it('steps forward and back, narrating every step', async () => {
    const { user } = renderLab();
    await user.click(screen.getByRole('button', { name: /Step ▶/ }));
    expect(narration()).toHaveTextContent('Step 1 of 10, t0: t0 reads counter = 0.');
    await user.click(screen.getByRole('button', { name: /Step ▶/ }));
    expect(narration()).toHaveTextContent('Step 2 of 10, t0: t0 writes counter = 1.');
    await user.click(screen.getByRole('button', { name: /Back/ }));
    expect(narration()).toHaveTextContent('Step 1 of 10');
  });

  it("shows each thread's code in its own column, its line marked", () => {
    renderLab();
    for (const thread of ['t0', 't1']) {
      const code = screen.getByRole('region', {
        name: `Code of toy/counter.py (model), ${thread}`,
      });
      const current = within(code).getAllByText(/▶ t\d/);
      expect(current.map((m) => m.textContent)).toEqual([`▶ ${thread}`]);
      expect(within(code).getByText('assert')).toHaveClass('tok-keyword');
      expect(within(code).getByText('"lost an update"')).toHaveClass('tok-string');
    }
  });

  it('forks the schedule by manual choice, then finds the crash and shows its traceback', async () => {
    const { user, store } = renderLab();
    await user.click(screen.getByRole('button', { name: /Step ▶/ }));
    await user.click(screen.getByRole('button', { name: /^Run t1's next step/ }));
    expect(narration()).toHaveTextContent('Step 2 of 2, t1: t1 reads counter = 0.');
    await user.click(screen.getByRole('button', { name: 'To the end' }));
    await user.click(screen.getByRole('button', { name: /To the crash/ }));
    const crash = store.getState().sim?.run.last.crashes[0];
    expect(store.getState().cursor).toBe((crash?.step ?? 0) + 1);
    const traceback = screen.getByLabelText('Traceback of the AssertionError');
    expect(traceback.textContent).toBe(
      [
        'Exception in thread t0:',
        'Traceback (most recent call last):',
        '  File "toy/counter.py (model)", line 6, in worker',
        '    assert counter == stored, "lost an update"',
        'AssertionError: lost an update',
      ].join('\n'),
    );
    const invariants = screen.getByRole('region', { name: 'Crash and invariants' });
    await user.click(
      within(invariants).getByRole('button', { name: /where metrics-conservation broke/ }),
    );
    const broken = store.getState().sim?.run.last.violations[0];
    expect(store.getState().cursor).toBe(broken?.step);
  });

  it('answers the keyboard shortcuts and lists them in a modal dialog', async () => {
    const { user, store } = renderLab();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    expect(store.getState().cursor).toBe(2);
    await user.keyboard('{End}');
    expect(store.getState().cursor).toBe(10);
    await user.keyboard('{Home}');
    expect(store.getState().cursor).toBe(0);
    await user.keyboard('2');
    expect(store.getState().sim?.run.threadAt(0)).toBe(1);
    const opener = screen.getByRole('button', { name: 'Keyboard shortcuts' });
    opener.focus();
    await user.keyboard('?');
    const dialog = screen.getByRole('dialog', { name: 'Keyboard shortcuts' });
    expect(dialog).toHaveAttribute('aria-modal', 'true');
    const close = within(dialog).getByRole('button', { name: 'Close' });
    expect(close).toHaveFocus();
    await user.tab();
    expect(close).toHaveFocus();
    await user.keyboard('{ArrowRight}');
    expect(store.getState().cursor).toBe(1);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument();
    expect(opener).toHaveFocus();
  });

  it('explains a schedule from another version and offers a fresh start', () => {
    renderLab({ s: 's1.9.abcdef.KA' });
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent('made for version 9 of scenario "toy-counter"');
    expect(within(alert).getByRole('link', { name: 'Open the scenario fresh' })).toHaveAttribute(
      'href',
      '#/lab/toy-counter',
    );
  });

  it('explains a bad link field', () => {
    renderLab({ v: 'fixed' });
    expect(screen.getByRole('alert')).toHaveTextContent('Unknown variant "fixed"');
  });

  it('shows the state as a tree with dicts as tables and the last change highlighted', async () => {
    const { user } = renderLab();
    await user.keyboard('{ArrowRight}{ArrowRight}');
    await user.click(screen.getByRole('button', { name: 'All state' }));
    const state = screen.getByRole('complementary', { name: 'All state' });
    expect(within(state).getByText('dict, 1 item')).toBeInTheDocument();
    const row = within(state).getByText("'t0'").closest('tr');
    expect(row).toHaveClass('changed');
    expect(within(state).getByText('counter').closest('li')).toHaveClass('changed');
    expect(within(state).getByText(/Highlighted: what step 2 changed\./)).toBeInTheDocument();
  });

  it('shows what the fixed variant changes as a diff', async () => {
    const { user } = renderLab({ v: 'correct' });
    await user.click(screen.getByRole('button', { name: 'Setup' }));
    await user.click(screen.getByRole('checkbox', { name: /what this implementation changes/ }));
    const code = screen.getByRole('region', { name: 'Code of toy/counter.py (model), t0' });
    const row = within(code).getByText('with').closest('tr');
    expect(row).toHaveClass('code-added');
    expect(row).toHaveTextContent('added: with lock:');
  });

  it('replays the interleaving on another variant in lockstep and marks where they part', async () => {
    const { user } = renderLab({ s: await crashingSchedule() });
    await user.click(screen.getByRole('button', { name: 'Compare' }));
    const split = screen.getByRole('complementary', { name: 'Compare' });
    const other = within(split).getByRole('combobox', { name: /^Compare .* with$/ });
    expect(other).toHaveValue('correct');
    expect(within(split).getByText(/They first part at step/)).toBeInTheDocument();
    const sides = within(split).getAllByRole('region');
    expect(
      sides.map((s) => s.getAttribute('aria-labelledby') && s.querySelector('h3')?.textContent),
    ).toEqual(['Buggy (as shipped)', 'A correct fix']);
    expect(within(sides[0]!).getByText(/^AssertionError in t\d at step \d+/)).toBeInTheDocument();
    expect(within(sides[1]!).getByText(/^Works: no crash/)).toBeInTheDocument();
  });

  it('runs the explorer and loads the simplest failing schedule at its failing step', async () => {
    const schedule = await crashingSchedule();
    const fake: ExplorerRunner = (request, onProgress) => {
      onProgress({ fraction: 0.5, text: 'half way' });
      return {
        cancel: () => undefined,
        result: Promise.resolve(
          request.variants.map((variant) => ({
            variant,
            complete: true,
            schedules: 6,
            states: 10,
            crashing: variant === 'correct' ? 0 : 2,
            violating: 0,
            byOutcome: variant === 'correct' ? { ok: 6 } : { ok: 4, 'crash:AssertionError@t0': 2 },
            minimal:
              variant === 'correct'
                ? null
                : { outcome: 'crash:AssertionError@t0', schedule, steps: 10, preemptions: 1 },
          })),
        ),
      };
    };
    const store = createLabStore({ explorer: async () => fake });
    const { user } = renderLab({}, store);
    await user.click(screen.getByRole('button', { name: 'Explore' }));
    await user.click(screen.getByRole('button', { name: 'Explore all variants' }));
    const table = await screen.findByRole('table', { name: 'Schedules by outcome, per variant' });
    expect(within(table).getAllByRole('row')).toHaveLength(5);
    await user.click(
      within(table).getByRole('button', {
        name: /Load the simplest schedule where t0 dies with AssertionError, on Buggy/,
      }),
    );
    const crash = store.getState().sim?.run.last.crashes[0];
    expect(crash?.type).toBe('AssertionError');
    expect(store.getState().cursor).toBe((crash?.step ?? 0) + 1);
  });

  it('offers a share link that names the exact step', async () => {
    const { user } = renderLab();
    await user.keyboard('{ArrowRight}{ArrowRight}{ArrowRight}');
    await user.click(tool('Link & trace'));
    const field = screen.getByRole('textbox', { name: 'Link to this exact step' });
    expect((field as HTMLInputElement).value).toMatch(
      /#\/lab\/toy-counter\?v=buggy&gil=py311&s=s1\.1\.\w+\.\w+&at=3&p\.increments=2$/,
    );
  });

  it('refuses a trace file that is not one, in an alert', async () => {
    const { user } = renderLab();
    await user.click(tool('Link & trace'));
    const input = screen.getByLabelText(/Import a trace/);
    await user.upload(
      input,
      new File(['{"format":"x"}'], 'bad.json', { type: 'application/json' }),
    );
    expect(await screen.findByText(/not an Arroyo Race Lab trace/)).toHaveAttribute(
      'role',
      'alert',
    );
  });

  it('plays and pauses', async () => {
    const { store } = renderLab();
    act(() => {
      store.getState().setSpeed(25);
      store.getState().setPlaying(true);
    });
    await act(() => new Promise((r) => setTimeout(r, 200)));
    act(() => store.getState().setPlaying(false));
    const at = store.getState().cursor;
    expect(at).toBeGreaterThan(0);
    await act(() => new Promise((r) => setTimeout(r, 100)));
    expect(store.getState().cursor).toBe(at);
  });
});
