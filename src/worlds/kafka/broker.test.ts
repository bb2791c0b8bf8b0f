import { describe, expect, it } from 'vitest';
import {
  commitOffset,
  committedOffset,
  LEADER_GROUP,
  newBroker,
  OUR_GROUP,
  publishLeaderCommit,
} from './broker.ts';

describe('broker model', () => {
  it('keeps committed offsets per group', () => {
    const b = newBroker({ P0: 13 }, { [OUR_GROUP]: { P0: 10 }, [LEADER_GROUP]: { P0: 10 } });
    commitOffset(b, OUR_GROUP, 'P0', 11);
    expect(committedOffset(b, OUR_GROUP, 'P0')).toBe(11);
    expect(committedOffset(b, LEADER_GROUP, 'P0')).toBe(10);
    expect(() => commitOffset(b, 'nobody', 'P0', 1)).toThrow(/unknown group/);
  });

  it("publishes the followed group's commits on the commit-log topic", () => {
    const b = newBroker({ P0: 13 }, { [OUR_GROUP]: { P0: 10 }, [LEADER_GROUP]: { P0: 10 } });
    expect(publishLeaderCommit(b, 'P0', 13)).toBe(0);
    expect(b.commitLog).toEqual([{ group: LEADER_GROUP, p: 'P0', offset: 13 }]);
    expect(committedOffset(b, LEADER_GROUP, 'P0')).toBe(13);
  });
});
