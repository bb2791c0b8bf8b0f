import { describe, expect, it } from 'vitest';
import { catalogOf, TOUR_CATALOG } from './catalog.ts';
import { TOUR_ERRORS, TOURS } from './index.ts';

describe('the tour catalogue the landing page loads', () => {
  it('matches the validated tours, in order (else run scripts/tour-catalog.ts)', () => {
    expect(TOUR_ERRORS).toEqual([]);
    expect(TOUR_CATALOG).toEqual(catalogOf(TOURS));
  });
});
