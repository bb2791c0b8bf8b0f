import { describe, expect, it } from 'vitest';
import { catalogEntry, failingOutcomes } from '../../analysis/catalog.ts';
import { SCENARIOS } from '../../scenarios/index.ts';
import { simulate } from '../../scenarios/simulate.ts';
import { runFacts, timelineModelOf } from '../postmortem/input.ts';
import { renderSlide } from './slide.ts';
import { escapeXml } from './slidePainter.ts';

/** Every text's size on the slide, in pixels, its group's scale applied. */
function textSizes(svg: string): number[] {
  const sizes: number[] = [];
  const scales: number[] = [1];
  for (const m of svg.matchAll(
    /<g transform="[^"]*?(?:scale\(([\d.]+)\))?"[^>]*>|<\/g>|<text [^>]*font-size="([\d.]+)"/g,
  )) {
    if (m[0] === '</g>') scales.pop();
    else if (m[0].startsWith('<g')) scales.push((scales.at(-1) ?? 1) * Number(m[1] ?? 1));
    else sizes.push(Number(m[2]) * (scales.at(-1) ?? 1));
  }
  return sizes;
}

const CASES = SCENARIOS.flatMap((def) => {
  const e = catalogEntry({
    scenario: def.id,
    scenarioVersion: def.version,
    variant: 'buggy',
    gil: 'py311',
    defaultParams: true,
  });
  const key = e ? failingOutcomes(e)[0] : undefined;
  return e && key
    ? [{ id: def.id, schedule: (e.minimal[key] as { schedule: string }).schedule }]
    : [];
});

describe('the slide', () => {
  it.each(CASES)(
    '$id: 1920x1080, every label at least 18 px, a legend for each mark drawn',
    ({ id, schedule }) => {
      const sim = simulate({ scenario: id, variant: 'buggy', schedule });
      if (!sim.ok) throw new Error(sim.error);
      const last = sim.value.run.length;
      const facts = runFacts(
        sim.value,
        [{ step: 2, text: 'A note <b>here</b>' }],
        'https://example.test/',
      );
      const slide = renderSlide({
        model: timelineModelOf(facts),
        title: facts.title,
        cursor: last,
        notes: facts.notes,
        collision: facts.collision,
      });
      expect(slide.svg).toMatch(/^<svg [^>]*width="1920" height="1080" viewBox="0 0 1920 1080"/);
      const sizes = textSizes(slide.svg);
      expect(sizes.length).toBeGreaterThan(20);
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(18);
      const kinds = slide.legend.map((l) => l.kind);
      expect(kinds).toEqual(expect.arrayContaining(['step', 'cursor', 'note', 'collision']));
      for (const item of slide.legend)
        expect(slide.svg).toContain(`>${escapeXml(item.label)}</text>`);
      // The note is text, and the title is there.
      expect(slide.svg).toContain('A note &#60;b&#62;here&#60;/b&#62;');
      expect(slide.svg).not.toContain('<b>');
      expect(slide.svg).toContain(`>${escapeXml(facts.title)}</text>`);
      // Nothing drawn at the top level starts outside the picture.
      const top = slide.svg.replace(/<g [\s\S]*?<\/g>\n<\/g>/g, '');
      for (const m of top.matchAll(/<text x="([-\d.]+)" y="([-\d.]+)"/g)) {
        expect(Number(m[1])).toBeGreaterThanOrEqual(0);
        expect(Number(m[1])).toBeLessThanOrEqual(1920);
        expect(Number(m[2])).toBeLessThanOrEqual(1080);
      }
    },
  );

  it('leaves out the lanes that do not fit, and says how many', () => {
    const c = CASES.find((x) => x.id === 'pause-rebalance-eager');
    const sim = c && simulate({ scenario: c.id, variant: 'buggy', schedule: c.schedule });
    if (!sim || !sim.ok) throw new Error('no run');
    const facts = runFacts(sim.value, [], 'https://example.test/');
    const model = timelineModelOf(facts);
    const slide = renderSlide({
      model,
      width: 1280,
      height: 640,
      title: 'Small',
      cursor: 0,
      notes: [],
      collision: null,
    });
    expect(slide.lanesHidden).toBeGreaterThan(0);
    expect(slide.lanesShown.length + slide.lanesHidden).toBe(model.lanes.length);
    expect(slide.lanesShown.filter((l) => l.startsWith('actor:')).length).toBe(model.actors.length);
  });
});
