import { describe, expect, it } from 'vitest';
import { miniMetricsRace, modelOf } from './testing.ts';
import { escapeXml, timelineToSvg } from './svg.ts';

describe('timelineToSvg', () => {
  const { model } = modelOf(miniMetricsRace(6));
  const svg = timelineToSvg(model, {
    xMode: 'step',
    domain: [0, model.steps.count],
    width: 600,
    cursor: 4,
    title: 'Race <B> & co',
  });

  it('is a standalone, titled SVG document of the view', () => {
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.trimEnd().endsWith('</svg>')).toBe(true);
    expect(svg).toContain('<title id="tl-title">Race &#60;B&#62; &#38; co</title>');
    expect(svg).toMatch(/<desc id="tl-desc">\d+ steps by main, stuck/);
    expect(svg).toContain('width="820"');
  });

  it('carries the lane labels, the axis, the crash and the arrow', () => {
    for (const text of [
      '>main<',
      '>stuck<',
      '>StreamProcessor.__is_paused<',
      '>timers (dict, size 0–6)<',
      '>RuntimeError in stuck<',
      '>step<',
    ]) {
      expect(svg).toContain(text);
    }
    expect(svg).toMatch(/<path d="M[^"]+Q/);
    expect((svg.match(/<g /g) ?? []).length).toBe((svg.match(/<\/g>/g) ?? []).length);
  });

  it('escapes everything it writes', () => {
    expect(escapeXml(`a<b>"c'&`)).toBe('a&#60;b&#62;&#34;c&#39;&#38;');
  });
});
