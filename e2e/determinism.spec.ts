import { soak } from '../src/determinism/soak.ts';
import { expect, test } from './fixtures.ts';

test('the engine gives the same traces in Node, on the page and in a Web Worker', async ({
  page,
}) => {
  const count = 300;
  const seed = 424242;
  await page.goto(`soak.html?count=${count}&seed=${seed}`);
  const result = page.locator('#result');
  await expect(result).not.toBeEmpty({ timeout: 60_000 });
  const data = JSON.parse((await result.textContent()) ?? '{}');
  expect(data.error).toBeUndefined();
  const node = soak(count, seed);
  expect(node.length).toBe(count);
  expect(data.mainThread).toEqual(node);
  expect(data.worker).toEqual(node);
});
