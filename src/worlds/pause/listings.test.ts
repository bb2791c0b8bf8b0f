import { describe, expect, it } from 'vitest';
import { resolveAt } from '../../engine/index.ts';
import { PAUSE_SCENARIOS } from '../../scenarios/pause.ts';
import { defaultParams } from '../../scenarios/index.ts';
import { VARIANT_IDS } from '../../scenarios/types.ts';
import { PROCESSOR_LISTINGS } from './processor-listing.ts';

describe('every step names a line, and every anchored line has a step', () => {
  for (const def of PAUSE_SCENARIOS) {
    for (const variant of VARIANT_IDS) {
      it(`${def.id} / ${variant}`, () => {
        const program = def.build(variant, defaultParams(def), 'py311');
        const used = new Set<string>();
        for (const [pc, instr] of Object.entries(program.instrs)) {
          expect(() => resolveAt(program.listings, instr.at), pc).not.toThrow();
          used.add(instr.at);
        }
        for (const listing of Object.values(program.listings)) {
          for (const anchor of Object.keys(listing.anchors)) {
            expect(used.has(`${listing.id}:${anchor}`), `${listing.id}:${anchor} has no step`).toBe(
              true,
            );
          }
        }
      });
    }
  }
});

describe('the four processor listings differ only where the implementations do', () => {
  const SHARED = [
    'run.loop',
    'run.carried',
    'run.poll',
    'run.strategy_poll',
    'run.submit',
    'bp.dispatch',
    'bp.start',
    'bp.pause',
  ];

  it('the head of _run_once is the same text on the same lines in every variant', () => {
    const buggy = PROCESSOR_LISTINGS.buggy;
    for (const variant of VARIANT_IDS) {
      const listing = PROCESSOR_LISTINGS[variant];
      for (const anchor of SHARED)
        expect(listing.anchors[anchor], `${variant} ${anchor}`).toBe(buggy.anchors[anchor]);
      const end = buggy.anchors['bp.pause'] as number;
      expect(listing.lines.slice(0, end)).toEqual(buggy.lines.slice(0, end));
    }
  });

  it('the success path and the callbacks are the same text in every variant', () => {
    const text = (variant: (typeof VARIANT_IDS)[number], anchor: string): string => {
      const listing = PROCESSOR_LISTINGS[variant];
      return listing.lines[(listing.anchors[anchor] as number) - 1] as string;
    };
    for (const anchor of [
      'ok.check',
      'ok.resume',
      'ok.done',
      'cb.assign',
      'cb.revoke',
      'close.check',
      'close.join',
      'close.reset',
    ]) {
      for (const variant of VARIANT_IDS) expect(text(variant, anchor)).toBe(text('buggy', anchor));
    }
  });

  it('buggy and upstream differ only inside the paused branch', () => {
    const a = PROCESSOR_LISTINGS.buggy.lines;
    const b = PROCESSOR_LISTINGS.upstream.lines;
    let head = 0;
    while (a[head] === b[head]) head++;
    let tail = 0;
    while (a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++;
    expect(a[head - 1]).toContain('elif self._paused:');
    expect(a[a.length - tail]).toContain('else:');
    expect(a[a.length - tail + 1]).toContain('time.sleep(0.01)');
  });

  it('only the correct variant rewinds in close and reconciles the flag', () => {
    for (const variant of VARIANT_IDS) {
      const anchors = PROCESSOR_LISTINGS[variant].anchors;
      expect('close.give_back' in anchors).toBe(variant === 'correct');
      expect('fix.reconcile' in anchors).toBe(variant === 'correct');
    }
  });
});
