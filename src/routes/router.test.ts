import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './router.ts';

describe('parseRoute', () => {
  it.each(['', '#', '#/', '/'])('reads %j as home', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'home' });
  });

  it.each(['#/about', '#/about/'])('reads %j as about', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'about' });
  });

  it('reads a lab scenario id', () => {
    expect(parseRoute('#/lab/pause-race')).toEqual({
      kind: 'lab',
      id: 'pause-race',
      query: {},
    });
  });

  it('reads the older race address as the lab', () => {
    expect(parseRoute('#/race/pause-race?v=buggy')).toEqual({
      kind: 'lab',
      id: 'pause-race',
      query: { v: 'buggy' },
    });
  });

  it('reads the query after the scenario id, first value winning', () => {
    expect(parseRoute('#/lab/metrics-race?seed=42&s=a.b-c&seed=9')).toEqual({
      kind: 'lab',
      id: 'metrics-race',
      query: { seed: '42', s: 'a.b-c' },
    });
  });

  it('decodes percent-encoded ids', () => {
    expect(parseRoute('#/lab/pause%2Drace')).toMatchObject({ kind: 'lab', id: 'pause-race' });
  });

  it.each([
    '#/no-such-page',
    '#/race',
    '#/lab',
    '#/lab/',
    '#/lab/a/b',
    '#/lab/has space',
    '#/lab/%E0%A4%A',
    '#/lab/<script>',
    '#//about',
    '#about',
    '#main',
    '#/about/extra',
    `#/lab/${'x'.repeat(81)}`,
  ])('reads %j as not found, keeping the path', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'notFound', path: hash.slice(1) });
  });

  it('does not let a query key reach the prototype', () => {
    const route = parseRoute('#/lab/x?__proto__=1&constructor=2');
    expect(route).toMatchObject({ kind: 'lab' });
    if (route.kind !== 'lab') return;
    expect(Object.getPrototypeOf(route.query)).toBe(Object.prototype);
    expect(Object.keys(route.query).sort()).toEqual(['__proto__', 'constructor'].sort());
  });
});

describe('routeHref', () => {
  const routes: readonly Route[] = [
    { kind: 'home' },
    { kind: 'about' },
    { kind: 'lab', id: 'pause-race', query: {} },
    { kind: 'lab', id: 'metrics-race', query: { 'p.x': '7', s: 'a b&c' } },
  ];

  it.each(routes)('round-trips %j through parseRoute', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('builds the canonical links', () => {
    expect(routeHref({ kind: 'home' })).toBe('#/');
    expect(routeHref({ kind: 'about' })).toBe('#/about');
    expect(routeHref({ kind: 'lab', id: 'pause-race', query: { v: 'buggy' } })).toBe(
      '#/lab/pause-race?v=buggy',
    );
  });
});
