/**
 * The four implementations every world models side by side: the code as it
 * shipped, the first proposed fix, arroyo's real fix and a fix that is correct.
 * A world's build functions take one of these; the scenarios label them.
 */
export type VariantId = 'buggy' | 'seed-fix' | 'upstream' | 'correct';
export const VARIANT_IDS: readonly VariantId[] = ['buggy', 'seed-fix', 'upstream', 'correct'];
