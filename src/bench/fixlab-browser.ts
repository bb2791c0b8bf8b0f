/**
 * The Fix lab in Chromium, as a person waits on it: how long until Python is ready
 * (cold: a fresh browser profile; warm: the page reloaded, its files and compiled
 * WebAssembly now cached), and a bound-2 check of each template once it is (wall time
 * from pressing Check to the result, schedules, schedules per second).
 *
 *   npx tsx src/bench/fixlab-browser.ts [--dist dist] [--warm 2]
 *
 * It serves an existing build (run `vite build` first) and prints one JSON document.
 * Figures only: no budget is asserted here.
 */
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { TEMPLATE_IDS, type TemplateId } from '../fixlab/protocol.ts';
import { findChromium, launchChromium, startPreview } from './browser.ts';

export interface ReadyFigure {
  /** From navigation to "Python ready" on the page. */
  readonly pageMs: number;
  /** What the worker measured: import of the loader to a loaded checker. */
  readonly workerMs: number;
}

export interface TemplateFigure {
  readonly template: TemplateId;
  readonly ms: number;
  readonly schedules: number;
  readonly schedulesPerSec: number;
}

export interface FixLabBrowserFigures {
  readonly cold: ReadyFigure;
  readonly warm: readonly ReadyFigure[];
  readonly templates: readonly TemplateFigure[];
}

const READY = /Python ready \((\d+(?:\.\d+)?) s to load\)/;

async function waitReady(page: Page, started: number): Promise<ReadyFigure> {
  const status = page.getByText(READY);
  await status.waitFor({ timeout: 180_000 });
  const pageMs = Date.now() - started;
  const text = (await status.textContent()) ?? '';
  return { pageMs, workerMs: Number(READY.exec(text)?.[1] ?? NaN) * 1000 };
}

async function checkTemplate(page: Page, template: TemplateId): Promise<TemplateFigure> {
  await page.getByLabel('Start from').selectOption(template);
  const started = Date.now();
  await page.getByRole('button', { name: 'Check', exact: true }).click();
  const headline = page.locator('.fix-headline');
  await headline.waitFor({ timeout: 300_000 });
  const ms = Date.now() - started;
  const text = (await headline.textContent()) ?? '';
  const schedules = Number(/([\d,]+) schedules?/.exec(text)?.[1]?.replace(/,/g, '') ?? NaN);
  return { template, ms, schedules, schedulesPerSec: Math.round((schedules / ms) * 1000) };
}

export async function measureFixLab(url: string, warmRuns: number): Promise<FixLabBrowserFigures> {
  const executable = findChromium();
  if (executable === null) throw new Error('No Chromium at $CHROMIUM_PATH or /usr/bin/chromium.');
  const browser = await launchChromium(executable);
  try {
    const page = await (await browser.newContext()).newPage();
    const fixUrl = `${url}#/fix/metrics`;
    let started = Date.now();
    await page.goto(fixUrl);
    const cold = await waitReady(page, started);
    const warm: ReadyFigure[] = [];
    for (let i = 0; i < warmRuns; i++) {
      started = Date.now();
      await page.reload();
      warm.push(await waitReady(page, started));
    }
    const templates: TemplateFigure[] = [];
    for (const template of TEMPLATE_IDS) templates.push(await checkTemplate(page, template));
    return { cold, warm, templates };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { dist: { type: 'string', default: 'dist' }, warm: { type: 'string', default: '2' } },
  });
  const preview = await startPreview(process.cwd(), values.dist);
  try {
    const figures = await measureFixLab(preview.url, Number(values.warm));
    console.log(JSON.stringify(figures, null, 2));
  } finally {
    await preview.stop();
  }
}

if (process.argv[1]?.endsWith('fixlab-browser.ts')) await main();
