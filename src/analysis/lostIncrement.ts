/**
 * Increments lost without an error: a value stored into the MetricsBuffer
 * (where it was buffered) and the step that threw it away before any thread
 * sent it to the backend (where it was dropped): a reset's `clear()` of a dict
 * holding it, or another thread's store that overwrote it with a value read
 * before it (a lost update). Read from `dict` and `metric` events alone.
 *
 * A buffered value counts as sent once a `metric` event emits its key, or once
 * a flush copied the dict (`snapshot`) while it held it.
 */
import type { StepRecord } from '../engine/index.ts';
import { shortKey } from '../worlds/metrics/state.ts';
import { lineWords, sideAt } from './sides.ts';
import { stepWords, violationStep } from './steps.ts';
import type { Collision, CollisionInput } from './types.ts';

type ViolationLike = CollisionInput['violations'][number];

interface Store {
  readonly index: number;
  readonly actor: string;
  readonly value: number;
  sent: boolean;
}

interface Drop {
  readonly dict: string;
  readonly key: string;
  readonly store: Store;
  readonly dropIndex: number;
  readonly how: 'cleared' | 'overwrote';
}

export function lostIncrementCollision(
  input: CollisionInput,
  violation: ViolationLike,
): Collision | null {
  const drops = findDrops(input.records);
  const drop = drops.find((d) => d.store.actor !== actorAt(input, d.dropIndex)) ?? drops[0];
  if (!drop) return null;
  const key = shortKey(drop.key);
  const victim = sideAt(
    input,
    drop.store.index,
    `${drop.store.actor} stores ${drop.store.value} into ${drop.dict}['${key}'], buffered until the next flush`,
  );
  const dropper = actorAt(input, drop.dropIndex);
  const culprit = sideAt(
    input,
    drop.dropIndex,
    drop.how === 'cleared'
      ? `${dropper} clears ${drop.dict} before anyone sent '${key}'`
      : `${dropper} overwrites ${drop.dict}['${key}'] with a value it read before that store`,
  );
  if (!victim || !culprit) return null;
  return {
    kind: 'lost-increment',
    outcome: `violation:${violation.invariant}`,
    outcomeStep: violationStep(violation),
    victim,
    culprit,
    related: [],
    roles: { victim: 'Buffered here', culprit: 'Dropped here' },
    summary:
      `At ${stepWords(victim.step)} ${victim.action} (${lineWords(victim.code)}). ` +
      `At ${stepWords(culprit.step)} ${culprit.action} (${lineWords(culprit.code)}). ` +
      `The backend never counts it, and nothing raises.`,
    arrowLabel: `${drop.how === 'cleared' ? 'cleared' : 'overwrote'} '${key}' before it was sent`,
  };
}

function actorAt(input: CollisionInput, index: number): string {
  return input.records[index]?.actor ?? '?';
}

/** Every buffered value thrown away unsent, in the order they were dropped. */
export function findDrops(records: readonly StepRecord[]): Drop[] {
  const stores = new Map<string, Map<string, Store>>();
  const lookups = new Map<string, number>();
  const drops: Drop[] = [];
  const dictOf = (dict: string): Map<string, Store> => {
    let m = stores.get(dict);
    if (!m) stores.set(dict, (m = new Map()));
    return m;
  };
  for (const r of records) {
    for (const e of r.events) {
      if (e.kind === 'metric') {
        for (const m of stores.values()) {
          const s = m.get(e.key);
          if (s) s.sent = true;
        }
        continue;
      }
      if (e.kind !== 'dict') continue;
      const held = dictOf(e.dict);
      if (e.op === 'snapshot') for (const s of held.values()) s.sent = true;
      else if (e.op === 'clear') {
        for (const [key, s] of held) {
          if (!s.sent && s.value !== 0)
            drops.push({ dict: e.dict, key, store: s, dropIndex: r.step, how: 'cleared' });
        }
        held.clear();
      } else if ((e.op === 'lookup' || e.op === 'insert') && e.key !== undefined) {
        lookups.set(`${e.actor}\u0000${e.dict}\u0000${e.key}`, r.step);
      } else if (e.op === 'update' && e.key !== undefined) {
        const before = held.get(e.key);
        const readAt = lookups.get(`${e.actor}\u0000${e.dict}\u0000${e.key}`) ?? -1;
        if (before && !before.sent && before.actor !== e.actor && before.index > readAt) {
          drops.push({
            dict: e.dict,
            key: e.key,
            store: before,
            dropIndex: r.step,
            how: 'overwrote',
          });
        }
        held.set(e.key, { index: r.step, actor: e.actor, value: e.value ?? 0, sent: false });
      }
    }
  }
  return drops;
}
