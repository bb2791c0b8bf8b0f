import { describe, expect, it } from 'vitest';
import { allWorkWords, shareWords } from './outcomeWords.ts';

const HUGE = 1.0477414490691882e21;

describe('the sentences that carry schedule counts', () => {
  it('says "every one of" only for an exact count', () => {
    expect(allWorkWords(1227, true)).toBe('Every one of 1,227 schedules works');
    expect(allWorkWords(HUGE, true)).toBe('All of about 1.05 × 10²¹ schedules work');
    expect(allWorkWords(2 ** 53, true)).toBe('All of about 9.01 × 10¹⁵ schedules work');
  });

  it('says a search that stopped early covered only what it searched', () => {
    expect(allWorkWords(1227, false)).toBe('All 1,227 schedules searched work');
    expect(allWorkWords(HUGE, false)).toBe('All of about 1.05 × 10²¹ schedules searched work');
  });

  it('has a sentence for a single schedule', () => {
    expect(allWorkWords(1, true)).toBe('The one schedule works');
    expect(allWorkWords(1, false)).toBe('The one schedule searched works');
  });

  it('writes a share with each count as exact as it is', () => {
    expect(shareWords(52, 1159)).toBe('52 of 1,159 schedules');
    expect(shareWords(1, 1)).toBe('1 of 1 schedule');
    expect(shareWords(135_903_762_539, 4_085_990_501_753_217_000)).toBe(
      '135,903,762,539 of about 4.09 × 10¹⁸ schedules',
    );
    expect(shareWords(210_633_399_075_637_060, 4_085_990_501_753_217_000)).toBe(
      'about 2.11 × 10¹⁷ of about 4.09 × 10¹⁸ schedules',
    );
  });
});
