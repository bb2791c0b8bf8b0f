import { describe, expect, it } from 'vitest';
import { pyRepr } from './repr.ts';

describe('pyRepr', () => {
  it('writes values as Python prints them', () => {
    expect(pyRepr(null)).toBe('None');
    expect(pyRepr(true)).toBe('True');
    expect(pyRepr(['P0', 'P1'])).toBe("['P0', 'P1']");
    expect(pyRepr({ p: 'P0', offset: 10 })).toBe('P0@10');
    expect(pyRepr({ keys: ['a', null, 'b'], values: [1, 0, 2], used: 2 })).toBe("{'a': 1, 'b': 2}");
    expect(pyRepr({ paused: false, n: 3 })).toBe('{paused: False, n: 3}');
  });

  it('keeps it to one line', () => {
    expect(pyRepr('x'.repeat(500)).length).toBe(160);
  });
});
