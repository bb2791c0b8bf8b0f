/// <reference lib="webworker" />
/** Runs the determinism soak inside a Web Worker and posts the entries back. */
import { soak } from './soak.ts';

self.onmessage = (event: MessageEvent<{ count: number; seed: number }>) => {
  const { count, seed } = event.data;
  self.postMessage(soak(count, seed));
};
