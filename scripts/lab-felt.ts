/**
 * Runs src/bench/lab-felt.ts alone against a build: `npx vite build --outDir D`,
 * then `node --import tsx scripts/lab-felt.ts D [loads]`. Prints the figure as JSON.
 */
import { findChromium, launchChromium, startPreview } from '../src/bench/browser.ts';
import { measureLabFelt } from '../src/bench/lab-felt.ts';

const outDir = process.argv[2] ?? 'dist';
const loads = Number(process.argv[3] ?? 5);
const chromium = findChromium();
if (!chromium) throw new Error('no Chromium at $CHROMIUM_PATH or /usr/bin/chromium');
const preview = await startPreview(process.cwd(), outDir);
const browser = await launchChromium(chromium);
try {
  console.log(JSON.stringify(await measureLabFelt(browser, preview.url, { loads }), null, 2));
} finally {
  await browser.close();
  await preview.stop();
}
