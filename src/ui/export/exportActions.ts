/**
 * What each entry of the Export menu does, outside React (loaded on the first
 * export, so none of it weighs on the lab's first load): the postmortem as
 * Markdown or as rich text on the clipboard, the standalone replay, the slide
 * image, the trace. Each gathers the run's facts the same way as the headless
 * command (postmortem/input.ts), so the files agree with it.
 */
import viewerJs from 'virtual:replay-viewer';
import { VARIANT_IDS } from '../../scenarios/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import { exploreKey, type VariantCounts } from '../../store/explorerSlice.ts';
import type { LabStore } from '../../store/labStore.ts';
import { replayHtml } from '../replay/html.ts';
import {
  postmortemInputOf,
  runFacts,
  timelineModelOf,
  type RunFacts,
} from '../postmortem/input.ts';
import { postmortemHtml, postmortemMarkdown } from '../postmortem/postmortem.ts';
import type { PinnedNote } from '../../routes/notes.ts';
import { downloadBlob, downloadText } from './download.ts';
import { renderSlide } from './slide.ts';
import { svgToPngBlob } from './slidePng.ts';
import { slideWindow } from './slideWindow.ts';

export { saveTrace } from './saveTrace.ts';

/** The page's address without its hash: where the app is served, for the links. */
export function siteOf(pageHref: string): string {
  return pageHref.split('#')[0] ?? pageHref;
}

function baseName(sim: Simulation): string {
  return `${sim.def.id}-${sim.variant}`;
}

/**
 * The explorer's counts for every variant: the ones on screen if they cover this
 * setup, otherwise a fresh exploration with the default bounds (what the headless
 * command computes). Null when the exploration fails or is cancelled.
 */
export function countsFor(
  store: LabStore,
  sim: Simulation,
): Promise<readonly VariantCounts[] | null> {
  const key = exploreKey({ scenario: sim.def.id, params: sim.params, gil: sim.gil });
  const done = (): readonly VariantCounts[] | null => {
    const e = store.getState().explorer;
    const all =
      e.status === 'done' &&
      e.key === key &&
      VARIANT_IDS.every((v) => e.results.some((r) => r.variant === v));
    return all ? e.results : null;
  };
  const ready = done();
  if (ready) return Promise.resolve(ready);
  store.getState().startExplore({
    scenario: sim.def.id,
    params: sim.params,
    gil: sim.gil,
    variants: VARIANT_IDS,
    preemptions: null,
  });
  return new Promise((resolve) => {
    const stop = store.subscribe((s) => {
      const e = s.explorer;
      if (e.key !== key || e.status === 'running') return;
      stop();
      resolve(e.status === 'done' ? done() : null);
    });
  });
}

async function markdownOf(store: LabStore, facts: RunFacts): Promise<string> {
  return postmortemMarkdown(postmortemInputOf(facts, await countsFor(store, facts.sim)));
}

export async function savePostmortem(
  store: LabStore,
  sim: Simulation,
  notes: readonly PinnedNote[],
  pageHref: string,
): Promise<string> {
  const md = await markdownOf(store, runFacts(sim, notes, siteOf(pageHref)));
  const name = `${baseName(sim)}.postmortem.md`;
  downloadText(md, name, 'text/markdown');
  return `Saved ${name}.`;
}

export async function copyRichPostmortem(
  store: LabStore,
  sim: Simulation,
  notes: readonly PinnedNote[],
  pageHref: string,
): Promise<string> {
  const facts = runFacts(sim, notes, siteOf(pageHref));
  const input = postmortemInputOf(facts, await countsFor(store, sim));
  const html = postmortemHtml(input);
  const text = postmortemMarkdown(input);
  await navigator.clipboard.write([
    new ClipboardItem({
      'text/html': new Blob([html], { type: 'text/html' }),
      'text/plain': new Blob([text], { type: 'text/plain' }),
    }),
  ]);
  return 'Postmortem copied as rich text: paste it into Google Docs, Confluence or an email.';
}

export function saveReplay(
  sim: Simulation,
  notes: readonly PinnedNote[],
  pageHref: string,
): string {
  const html = replayHtml(runFacts(sim, notes, siteOf(pageHref)), viewerJs);
  const name = `${baseName(sim)}.replay.html`;
  downloadText(html, name, 'text/html');
  return `Saved ${name} (${Math.ceil(new Blob([html]).size / 1024)} KB): it opens offline in any browser.`;
}

export function slideOf(
  sim: Simulation,
  notes: readonly PinnedNote[],
  cursor: number,
  pageHref: string,
): { svg: string; name: string } {
  const facts = runFacts(sim, notes, siteOf(pageHref));
  const model = timelineModelOf(facts);
  const domain = slideWindow(model.steps.count, cursor, facts.collision);
  const slide = renderSlide({
    model,
    title: facts.title,
    subtitle: `${sim.def.id}, ${sim.gil} thread switching, steps ${domain[0]} to ${domain[1]} of ${model.steps.count}`,
    domain,
    cursor,
    notes,
    collision: facts.collision,
  });
  return { svg: slide.svg, name: `${baseName(sim)}-step${cursor}.slide` };
}

/** Saves the slide as PNG or SVG; `fileBase` names the file (default: scenario, variant, step). */
export async function saveSlide(
  kind: 'png' | 'svg',
  sim: Simulation,
  notes: readonly PinnedNote[],
  cursor: number,
  pageHref: string,
  fileBase?: string,
): Promise<string> {
  const { svg, name } = slideOf(sim, notes, cursor, pageHref);
  const blob =
    kind === 'svg'
      ? new Blob([svg], { type: 'image/svg+xml' })
      : await svgToPngBlob(svg, 1920, 1080);
  const file = `${fileBase ?? name}.${kind}`;
  downloadBlob(blob, file);
  return `Saved ${file} (1920x1080).`;
}
