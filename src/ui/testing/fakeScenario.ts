// Moved to src/testing/fakeScenario.ts (test helpers live outside the production
// folders); this re-export keeps tests written against the old path working.
export * from '../../testing/fakeScenario.ts';
