import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { diffLines, hasChanges, type DiffOp } from './lineDiff.ts';

const show = (ops: readonly DiffOp[]) =>
  ops.map((op) => `${op.kind === 'same' ? ' ' : op.kind === 'added' ? '+' : '-'}${op.text}`);

const apply = (ops: readonly DiffOp[]) => ({
  before: ops.filter((op) => op.kind !== 'added').map((op) => op.text),
  after: ops.filter((op) => op.kind !== 'removed').map((op) => op.text),
});

describe('the LCS line diff', () => {
  it('shows a changed block between common lines', () => {
    const before = ['if paused:', '    assert poll() is None', 'else:', '    run()'];
    const after = ['if paused:', '    msg = poll()', '    keep(msg)', 'else:', '    run()'];
    expect(show(diffLines(before, after))).toEqual([
      ' if paused:',
      '-    assert poll() is None',
      '+    msg = poll()',
      '+    keep(msg)',
      ' else:',
      '     run()',
    ]);
  });

  it('numbers lines on each side', () => {
    const ops = diffLines(['a', 'b', 'c'], ['a', 'x', 'b', 'c']);
    expect(ops).toEqual([
      { kind: 'same', text: 'a', oldLine: 1, newLine: 1 },
      { kind: 'added', text: 'x', newLine: 2 },
      { kind: 'same', text: 'b', oldLine: 2, newLine: 3 },
      { kind: 'same', text: 'c', oldLine: 3, newLine: 4 },
    ]);
  });

  it('has no changes between equal listings', () => {
    expect(hasChanges(diffLines(['a', 'b'], ['a', 'b']))).toBe(false);
    expect(hasChanges(diffLines([], ['a']))).toBe(true);
  });

  it('rebuilds both sides and keeps a longest common subsequence', () => {
    const line = fc.constantFrom('a', 'b', 'c', 'd');
    fc.assert(
      fc.property(fc.array(line, { maxLength: 12 }), fc.array(line, { maxLength: 12 }), (a, b) => {
        const ops = diffLines(a, b);
        expect(apply(ops)).toEqual({ before: a, after: b });
        const kept = ops.filter((op) => op.kind === 'same').length;
        expect(kept).toBe(lcsLength(a, b));
      }),
      { numRuns: 300 },
    );
  });
});

function lcsLength(a: readonly string[], b: readonly string[]): number {
  const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      t[i]![j] =
        a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
    }
  }
  return t[a.length]![b.length]!;
}
