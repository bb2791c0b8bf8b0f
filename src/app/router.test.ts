import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, type Route } from './router.ts';

describe('parseRoute', () => {
  it.each(['', '#', '#/', '/'])('reads %j as home', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'home' });
  });

  it.each(['#/about', '#/about/'])('reads %j as about', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'about' });
  });

  it('reads a race id', () => {
    expect(parseRoute('#/race/pause-race')).toEqual({
      kind: 'race',
      id: 'pause-race',
      query: {},
    });
  });

  it('reads the query after the race id, first value winning', () => {
    expect(parseRoute('#/race/metrics-race?seed=42&s=a.b-c&seed=9')).toEqual({
      kind: 'race',
      id: 'metrics-race',
      query: { seed: '42', s: 'a.b-c' },
    });
  });

  it('decodes percent-encoded ids', () => {
    expect(parseRoute('#/race/pause%2Drace')).toMatchObject({ kind: 'race', id: 'pause-race' });
  });

  it.each([
    '#/no-such-page',
    '#/race',
    '#/race/',
    '#/race/a/b',
    '#/race/has space',
    '#/race/%E0%A4%A',
    '#/race/<script>',
    '#//about',
    '#about',
    '#main',
    '#/about/extra',
    `#/race/${'x'.repeat(81)}`,
  ])('reads %j as not found, keeping the path', (hash) => {
    expect(parseRoute(hash)).toEqual({ kind: 'notFound', path: hash.slice(1) });
  });

  it('does not let a query key reach the prototype', () => {
    const route = parseRoute('#/race/x?__proto__=1&constructor=2');
    expect(route).toMatchObject({ kind: 'race' });
    if (route.kind !== 'race') return;
    expect(Object.getPrototypeOf(route.query)).toBe(Object.prototype);
    expect(Object.keys(route.query).sort()).toEqual(['__proto__', 'constructor'].sort());
  });
});

describe('routeHref', () => {
  const routes: readonly Route[] = [
    { kind: 'home' },
    { kind: 'about' },
    { kind: 'race', id: 'pause-race', query: {} },
    { kind: 'race', id: 'metrics-race', query: { seed: '7', s: 'a b&c' } },
  ];

  it.each(routes)('round-trips %j through parseRoute', (route) => {
    expect(parseRoute(routeHref(route))).toEqual(route);
  });

  it('builds the canonical links', () => {
    expect(routeHref({ kind: 'home' })).toBe('#/');
    expect(routeHref({ kind: 'about' })).toBe('#/about');
    expect(routeHref({ kind: 'race', id: 'pause-race', query: { seed: '3' } })).toBe(
      '#/race/pause-race?seed=3',
    );
  });
});
