/**
 * The Fix lab page with the checker worker replaced by a recorder: code from a link is
 * shown and never sent to the checker before Check; a damaged link is explained and the
 * editor keeps its template; results and problems read as sentences.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { CheckRequest, CheckResult } from '../../fixlab/protocol.ts';
import { TEMPLATES } from '../../fixlab/templates.ts';
import { encodeCode } from '../../routes/fixLink.ts';
import type { Answer, CheckerClientOptions } from './checkerClient.ts';
import { FixLabPage } from './FixLabPage.tsx';

const checks: CheckRequest[] = [];
let nextAnswer: Answer<CheckResult>;

vi.mock('./checkerClient.ts', () => ({
  CheckerClient: class {
    constructor(options: CheckerClientOptions) {
      queueMicrotask(() => options.onLoadState?.({ kind: 'ready', loadMs: 1200 }));
    }
    check(request: CheckRequest): Promise<Answer<CheckResult>> {
      checks.push(request);
      return Promise.resolve(nextAnswer);
    }
    trace() {
      return Promise.resolve({ kind: 'failed', message: 'not in this test' });
    }
    retry() {}
    dispose() {}
  },
}));

const RESULT: CheckResult = {
  bound: 2,
  complete: true,
  schedules: 1892,
  byOutcome: { ok: 1351, 'crash:RuntimeError@stuck': 54, 'violation:metrics-conservation': 444 },
  minimal: null,
  minimalReport: null,
  examples: {},
  ms: 2600,
};

const SHARED = 'class MetricsBuffer:\n    pass  # shared with you\n';
// jsdom and CodeMirror are slow on a busy machine; these only bound a wait.
const WAIT = { timeout: 15_000 };
const buggy = TEMPLATES.find((t) => t.id === 'buggy')?.code ?? '';

beforeAll(() => {
  // jsdom lays nothing out; CodeMirror measures text ranges, so give it empty boxes.
  const none = (): DOMRect => new DOMRect(0, 0, 0, 0);
  Range.prototype.getClientRects = () => Object.assign([], { item: () => null }) as DOMRectList;
  Range.prototype.getBoundingClientRect = none;
});

beforeEach(() => {
  checks.length = 0;
  nextAnswer = { kind: 'done', value: { ok: true, value: RESULT } };
});

describe('the Fix lab page', () => {
  it('shows code from a link without running it, and runs it only on Check', async () => {
    const user = userEvent.setup();
    render(<FixLabPage race="metrics" query={{ code: await encodeCode(SHARED) }} />);
    expect(await screen.findByText(/This code came from a link/, {}, WAIT)).toHaveTextContent(
      'has not run',
    );
    expect(
      await screen.findByText(/Python ready \(1\.2 s to load\)/, {}, WAIT),
    ).toBeInTheDocument();
    expect(screen.getByLabelText('Start from')).toHaveValue('link');
    expect(checks).toEqual([]);
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(checks.map((c) => c.code)).toEqual([SHARED]);
    expect(
      await screen.findByText(/541 of 1,892 schedules break it/, {}, WAIT),
    ).toBeInTheDocument();
    expect(screen.getByText('crash with RuntimeError in the stuck thread')).toBeInTheDocument();
  });

  it('explains a damaged link in one sentence and keeps the template', async () => {
    const user = userEvent.setup();
    render(<FixLabPage race="metrics" query={{ code: 'Zm9v!!' }} />);
    expect(await screen.findByRole('alert', {}, WAIT)).toHaveTextContent(
      'This link cannot be opened as it is.',
    );
    expect(screen.getByLabelText('Start from')).toHaveValue('buggy');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(checks.map((c) => c.code)).toEqual([buggy]);
  });

  it('checks with bound 3 on request', async () => {
    const user = userEvent.setup();
    render(<FixLabPage race="metrics" query={{}} />);
    await user.selectOptions(screen.getByLabelText('Preemptions'), '3');
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(checks.map((c) => c.bound)).toEqual([3]);
  });

  it('names a refused import as the checker words it, and a runaway as stopped', async () => {
    const user = userEvent.setup();
    render(<FixLabPage race="metrics" query={{}} />);
    nextAnswer = {
      kind: 'done',
      value: {
        ok: false,
        error: 'line 2: import of "os" is not allowed.',
        problem: {
          kind: 'refused-import',
          message: 'line 2: import of "os" is not allowed.',
          line: 2,
        },
      },
    };
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('alert', {}, WAIT)).toHaveTextContent(
      'This code cannot be checked. line 2: import of "os" is not allowed.',
    );
    nextAnswer = { kind: 'runaway', message: 'Your code ran for 5 s without a switch point.' };
    await user.click(screen.getByRole('button', { name: 'Check' }));
    expect(await screen.findByRole('alert', {}, WAIT)).toHaveTextContent('without a switch point');
  });

  it('says which races have a Fix lab', () => {
    render(<FixLabPage race="pause" query={{}} />);
    expect(screen.getByRole('alert')).toHaveTextContent('There is no Fix lab for “pause”');
  });
});
