/**
 * How a thread is described in words: its status ("ready", "sleeping until 500 ms") and
 * its role, the part of a scenario's actor label after the id ("main: the
 * StreamProcessor thread" gives "the StreamProcessor thread").
 */
import type { Simulation } from '../../scenarios/simulate.ts';
import { actorLabel } from '../lab/hooks.ts';

export function threadRole(sim: Simulation, actor: string): string {
  const label = actorLabel(sim, actor);
  const rest = label.startsWith(`${actor}:`) ? label.slice(actor.length + 1).trim() : label;
  return rest === actor ? '' : rest;
}

export function statusText(status: string, wakeAtMs: number, nowMs: number, can: boolean): string {
  if (status === 'done') return 'finished';
  if (status === 'dead') return 'died (uncaught exception)';
  if (wakeAtMs > nowMs) return `sleeping until ${wakeAtMs} ms${can ? ' (can wake now)' : ''}`;
  return can ? 'ready' : 'waiting (cannot run now)';
}
