import { describe, expect, it } from 'vitest';
import { defineListing } from '../../engine/index.ts';
import { formatTraceback } from './traceback.ts';

const listings = {
  proc: defineListing('proc', 'arroyo/processing/processor.py (model)', 'def run():\n  x()\n'),
};

describe('Python tracebacks', () => {
  it('prints the frames outermost first, then the exception', () => {
    const text = formatTraceback(
      {
        type: 'AssertionError',
        message: '',
        actor: 'main',
        traceback: [
          { listing: 'proc', fn: 'run', line: 12, text: 'self._run_once()' },
          { listing: 'proc', fn: '_run_once', line: 40, text: 'assert self.poll(0.1) is None' },
        ],
      },
      listings,
    );
    expect(text).toBe(
      [
        'Traceback (most recent call last):',
        '  File "arroyo/processing/processor.py (model)", line 12, in run',
        '    self._run_once()',
        '  File "arroyo/processing/processor.py (model)", line 40, in _run_once',
        '    assert self.poll(0.1) is None',
        'AssertionError',
      ].join('\n'),
    );
  });

  it('names a background thread and keeps the message', () => {
    const text = formatTraceback(
      {
        type: 'RuntimeError',
        message: 'dictionary changed size during iteration',
        actor: 'stuck',
        traceback: [{ listing: 'gone', fn: 'flush', line: 3, text: 'for k, v in d.items():' }],
      },
      listings,
    );
    expect(text.split('\n')[0]).toBe('Exception in thread stuck:');
    expect(text).toContain('File "gone", line 3, in flush');
    expect(text.endsWith('RuntimeError: dictionary changed size during iteration')).toBe(true);
  });
});
