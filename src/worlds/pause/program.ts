/**
 * Assembles a race-A program from a scenario setup and a variant: the steps
 * of every modelled component (processor, strategy, SynchronizedConsumer,
 * KafkaConsumer wrapper, coordinator, outside events), their listings, the
 * invariants and the horizon. The program's step watch updates the watches of
 * watch.ts after every step, before the kernel checks invariants.
 */
import type { Instr, Listing, Program, StepWatch } from '../../engine/index.ts';
import { CONSUMER_LISTING } from '../kafka/consumer-listing.ts';
import { consumerSteps } from '../kafka/consumer-steps.ts';
import { COORDINATOR_LISTING, coordinatorSteps } from '../kafka/coordinator.ts';
import { SC_LISTINGS } from '../kafka/synchronized-listing.ts';
import { scSteps } from '../kafka/synchronized-steps.ts';
import type { KafkaConfig } from '../kafka/world.ts';
import type { VariantId } from '../variants.ts';
import { pauseInvariantMask, pauseInvariants } from './invariants.ts';
import { OUTSIDE_LISTING, outsideSteps } from './outside.ts';
import { callbackSteps } from './processor-callbacks.ts';
import { invalidSteps } from './processor-invalid.ts';
import { processorListing } from './processor-listing.ts';
import { pausedSteps } from './processor-paused.ts';
import { runSteps } from './processor-run.ts';
import type { PauseSetup } from './setup.ts';
import { initialWorld, type PauseState } from './state.ts';
import { STRATEGY_LISTING, strategySteps } from './strategy.ts';
import { observe } from './watch.ts';

/** Extra virtual time after the paused-forever horizon, so that a breach can show. */
const HORIZON_MARGIN_MS = 5000;

export function kafkaConfig(setup: PauseSetup): KafkaConfig {
  return {
    protocol: setup.protocol,
    sc: setup.sc,
    committedLookupMs: setup.timing.committedLookupMs,
    rejoinMs: setup.timing.rejoinMs,
    fetchMs: setup.timing.fetchMs,
  };
}

export function pauseListings(setup: PauseSetup, variant: VariantId): Record<string, Listing> {
  const listings = [
    processorListing(variant, setup.resumeOnInvalid ?? true),
    STRATEGY_LISTING,
    SC_LISTINGS[setup.sc],
    CONSUMER_LISTING,
    COORDINATOR_LISTING,
    OUTSIDE_LISTING,
  ];
  return Object.fromEntries(listings.map((l) => [l.id, l]));
}

/** The consumer-side sets the timeline and inspector draw as lanes (the `flag-consistency` invariant, docs/scenarios.md#invariants). */
function consumerSets(state: PauseState): readonly [string, string][] {
  const k = state.kafka;
  const list = (ps: readonly string[]): string => (ps.length === 0 ? '{}' : `{${ps.join(', ')}}`);
  return [
    ['consumer.assigned', list(k.consumer.assigned.map((a) => a.p))],
    ['consumer.paused', list(k.consumer.assigned.filter((a) => a.paused).map((a) => a.p))],
    ['sc.paused', list(k.sc.paused)],
  ];
}

/**
 * After every step: the watches of watch.ts, and on recorded steps a `state`
 * event for each consumer-side set the step changed.
 */
const PAUSE_WATCH: StepWatch<PauseState> = {
  before: (world) => consumerSets(world.state),
  after(c, before) {
    observe(c.world);
    if (!before) return;
    const from = before as ReturnType<typeof consumerSets>;
    consumerSets(c.world.state).forEach(([path, to], i) => {
      const was = from[i]?.[1] ?? to;
      if (was !== to) c.emit({ kind: 'state', actor: c.thread.actor, path, from: was, to });
    });
  },
};

export function pauseInstrs(
  setup: PauseSetup,
  variant: VariantId,
): Record<string, Instr<PauseState>> {
  const cfg = kafkaConfig(setup);
  return {
    ...runSteps(variant, setup.timing),
    ...invalidSteps(variant, setup.resumeOnInvalid ?? true),
    ...pausedSteps(variant, setup.timing),
    ...callbackSteps(variant, setup.timing),
    ...strategySteps(setup.readyAtMs, setup.timing.slackMs, setup.invalid),
    ...scSteps<PauseState>(cfg, {
      userOnAssignPc: 'proc.on_assign',
      userOnRevokePc: 'proc.on_revoke',
    }),
    ...consumerSteps<PauseState>(cfg, { onAssignPc: 'sc.on_assign', onRevokePc: 'sc.on_revoke' }),
    ...coordinatorSteps<PauseState>(cfg),
    ...outsideSteps(setup),
  };
}

export function buildPauseProgram(setup: PauseSetup, variant: VariantId): Program<PauseState> {
  return {
    actors: setup.actors,
    instrs: pauseInstrs(setup, variant),
    listings: pauseListings(setup, variant),
    invariants: pauseInvariants(setup.timing),
    stepInvariantMask: pauseInvariantMask,
    watch: PAUSE_WATCH,
    fatalActors: ['main'],
    horizon: { maxSteps: 100_000, maxTimeMs: setup.timing.pausedForeverMs + HORIZON_MARGIN_MS },
    init: () => initialWorld(setup),
  };
}
