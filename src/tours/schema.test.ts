import { describe, expect, it } from 'vitest';
import { validateTour } from './schema.ts';

function chapter(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'crash',
    title: 'The crash',
    scenario: 'pause-rebalance-eager',
    variant: 'buggy',
    schedule: 'natural',
    step: { to: 'crash' },
    annotation: 'It crashes.',
    notes: 'Say so.',
    ...extra,
  };
}

function tour(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: 'tiny',
    title: 'A tiny tour',
    race: 'A',
    audience: 'training',
    summary: 'One chapter.',
    chapters: [chapter()],
    ...extra,
  };
}

function errorOf(value: unknown): string {
  const result = validateTour(value, 'test.json');
  if (result.ok) throw new Error('expected the tour to be refused');
  return result.error;
}

describe('validateTour', () => {
  it('accepts a minimal tour', () => {
    expect(validateTour(tour()).ok).toBe(true);
  });

  it('refuses what is not an object', () => {
    expect(errorOf([])).toBe('test.json: a tour must be a JSON object, got a list');
    expect(errorOf(null)).toMatch(/got null/);
  });

  it('names every missing or wrong field with where it is', () => {
    const error = errorOf({ id: 'Bad Id', race: 'C', chapters: [] });
    expect(error).toContain('"id" must be a slug');
    expect(error).toContain('"title" must be a non-empty string, got nothing');
    expect(error).toContain('"race" must be one of A, B, got "C"');
    expect(error).toContain('"audience" must be one of training, postmortem, both');
    expect(error).toContain('"chapters" must be a non-empty list');
  });

  it('refuses unknown fields and suggests the right spelling', () => {
    expect(errorOf(tour({ Title: 'x' }))).toContain(
      'unknown field "Title" (did you mean "title"?)',
    );
    expect(errorOf(tour({ chapters: [chapter({ anotation: 'x' })] }))).toContain(
      'chapter 1 ("crash"): unknown field "anotation"',
    );
  });

  it('reserves the tour id "lab" and refuses duplicate chapter ids', () => {
    expect(errorOf(tour({ id: 'lab' }))).toContain('reserved');
    expect(errorOf(tour({ chapters: [chapter(), chapter()] }))).toContain(
      'chapter id "crash" is used twice',
    );
  });

  it('checks the scenario, variant, parameters and race', () => {
    expect(errorOf(tour({ chapters: [chapter({ scenario: 'nope' })] }))).toMatch(
      /"scenario" must be one of pause-rebalance-eager, /,
    );
    expect(errorOf(tour({ chapters: [chapter({ variant: 'fixed' })] }))).toContain(
      '"variant" must be one of buggy, seed-fix, upstream, correct',
    );
    expect(errorOf(tour({ chapters: [chapter({ params: { thresholdMs: 5 } })] }))).toContain(
      'Parameter "thresholdMs" must be between 100 and 60000',
    );
    expect(errorOf(tour({ chapters: [chapter({ params: { nope: 1 } })] }))).toContain(
      'has no parameter "nope"',
    );
    expect(errorOf(tour({ race: 'B' }))).toContain(
      'scenario "pause-rebalance-eager" is race A, but the tour is about race B',
    );
  });

  it('checks schedules and steps', () => {
    expect(errorOf(tour({ chapters: [chapter({ schedule: 'whenever' })] }))).toContain(
      '"schedule" must be "natural", a schedule string',
    );
    expect(errorOf(tour({ chapters: [chapter({ schedule: { seed: -1 } })] }))).toContain(
      '"seed" must be a whole number from 0 to 4294967295',
    );
    expect(errorOf(tour({ chapters: [chapter({ step: -3 })] }))).toContain(
      '"step" as a number must be a whole number of 0 or more',
    );
    expect(errorOf(tour({ chapters: [chapter({ step: { to: 'somewhere' } })] }))).toContain(
      '"to" must be one of start, end, crash, violation',
    );
    expect(errorOf(tour({ chapters: [chapter({ step: { findAt: 'poll' } })] }))).toContain(
      '"findAt" must look like "listing:anchor"',
    );
    expect(
      errorOf(tour({ chapters: [chapter({ step: { findAt: 'a:b', actor: 'nobody' } })] })),
    ).toContain(
      '"actor" must be an actor of the scenario (main, coordinator, commitlog, producer)',
    );
    expect(
      errorOf(tour({ chapters: [chapter({ step: { to: 'violation', invariant: 'loss' } })] })),
    ).toContain('"invariant" must be one of flag-consistency');
  });

  it('checks questions: one correct choice, three hints, actors for which-thread', () => {
    const question = {
      prompt: 'Who?',
      kind: 'which-thread',
      choices: [
        { text: 'main', correct: true, feedback: 'Yes.' },
        { text: 'coordinator', actor: 'coordinator', correct: true, feedback: 'Also yes?' },
      ],
      hints: ['one', 'two'],
    };
    const error = errorOf(tour({ chapters: [chapter({ question })] }));
    expect(error).toContain('choice 1: a which-thread choice must name its "actor"');
    expect(error).toContain('exactly one choice must be correct, found 2');
    expect(error).toContain('"hints" must be a list of exactly three non-empty strings');
  });

  it('checks highlights, evidence and expectations', () => {
    expect(
      errorOf(tour({ chapters: [chapter({ highlight: { line: 'x', colour: 'red' } })] })),
    ).toMatch(/unknown field "colour"[\s\S]*"line" must look like "listing:anchor"/);
    expect(
      errorOf(
        tour({
          chapters: [
            chapter({
              evidence: {
                kind: 'stress-vs-explorer',
                variant: 'buggy',
                runs: 0,
                strategy: 'random',
                seed: 1,
              },
            }),
          ],
        }),
      ),
    ).toContain('"runs" must be a whole number from 1 to 100000');
    expect(errorOf(tour({ chapters: [chapter({ expect: { outcome: ['crashed'] } })] }))).toContain(
      '"outcome" must be a non-empty list of outcome keys',
    );
  });
});
