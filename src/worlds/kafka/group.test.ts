import { describe, expect, it } from 'vitest';
import {
  addMember,
  newGroup,
  planRebalance,
  rangeAssignment,
  removeMember,
  stickyAssignment,
} from './group.ts';

describe('group assignors', () => {
  it('range assignment gives the first members one more', () => {
    expect(rangeAssignment(['P0', 'P1', 'P2'], ['D', 'C'])).toEqual({ P0: 'C', P1: 'C', P2: 'D' });
  });

  it('sticky assignment keeps what it can and hands out the rest', () => {
    expect(stickyAssignment({ P0: 'C', P1: 'C' }, ['C', 'D'])).toEqual({ P0: 'C', P1: 'D' });
    expect(stickyAssignment({ P0: 'C', P1: 'C', P2: 'D' }, ['C'])).toEqual({
      P0: 'C',
      P1: 'C',
      P2: 'C',
    });
  });
});

describe('what C is told in a rebalance', () => {
  it('eager: a joining member makes C revoke everything and get its share back', () => {
    const g = newGroup({ P0: 'C', P1: 'C' });
    addMember(g, 'D');
    expect(planRebalance(g, 'eager', 'C').plan).toEqual({ revoke: ['P0', 'P1'], assign: ['P0'] });
  });

  it('cooperative: a joining member moves only P1 away from C, and C gets nothing new', () => {
    const g = newGroup({ P0: 'C', P1: 'C' });
    addMember(g, 'D');
    expect(planRebalance(g, 'cooperative', 'C').plan).toEqual({ revoke: ['P1'], assign: [] });
  });

  it('cooperative: a leaving member hands its partition to C incrementally, with no revoke', () => {
    const g = newGroup({ P0: 'C', P1: 'C', P2: 'D' });
    removeMember(g, 'D');
    expect(planRebalance(g, 'cooperative', 'C').plan).toEqual({ revoke: [], assign: ['P2'] });
  });

  it('every membership change bumps the generation the coordinator waits for', () => {
    const g = newGroup({ P0: 'C' });
    addMember(g, 'D');
    removeMember(g, 'D');
    expect(g.generation).toBe(2);
    expect(g.planned).toBe(0);
  });
});
