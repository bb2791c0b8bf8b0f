/**
 * From a version a person types to a row of the release table: every arroyo
 * release tag from the oldest modelled one to the newest (read from the
 * repository's tags), and the rule that a release between two rows is
 * answered as the older row, which has the same code for every modelled
 * piece (releases.ts). Anything else gets one sentence saying what is wrong.
 */
import type { Result } from '../engine/index.ts';
import { RELEASES, type Release } from './releases.ts';

/** Every arroyo release tag from 2.18.2 to 2.42.2, oldest first (there is no 2.40.2). */
export const RELEASE_TAGS: readonly string[] = [
  ...['2.18.2'],
  ...range('2.19', 0, 12),
  ...range('2.20', 0, 10),
  ...['2.21.0', '2.22.0', '2.23.0', '2.24.0', '2.25.0', '2.26.0', '2.27.0'],
  ...range('2.28', 0, 4),
  ...range('2.29', 0, 7),
  ...['2.30.0'],
  ...range('2.31', 0, 2),
  ...range('2.32', 0, 5),
  ...range('2.33', 0, 1),
  ...['2.34.0', '2.35.0', '2.36.0'],
  ...range('2.37', 0, 1),
  ...range('2.38', 0, 7),
  ...range('2.39', 0, 2),
  ...['2.40.0', '2.40.1', '2.40.3'],
  ...range('2.41', 0, 4),
  ...range('2.42', 0, 2),
];

function range(minor: string, from: number, to: number): string[] {
  const out: string[] = [];
  for (let i = from; i <= to; i++) out.push(`${minor}.${i}`);
  return out;
}

export interface ResolvedRelease {
  /** The version as asked, normalised ("v2.34.0" -> "2.34.0"). */
  readonly version: string;
  /** The table row that answers it. */
  readonly release: Release;
  /** Set when the version is not itself a row: the row's version, which answers for it. */
  readonly answeredAs: string | null;
}

const SHAPE = /^v?(\d{1,4})\.(\d{1,4})\.(\d{1,4})$/;

export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) {
    const d = (pa[i] ?? 0) - (pb[i] ?? 0);
    if (d !== 0) return d;
  }
  return 0;
}

export function resolveRelease(text: string): Result<ResolvedRelease> {
  const trimmed = text.trim();
  const match = SHAPE.exec(trimmed);
  const oldest = RELEASES[0] as Release;
  const newest = RELEASES[RELEASES.length - 1] as Release;
  if (!match) {
    const shown = trimmed.length > 30 ? `${trimmed.slice(0, 30)}…` : trimmed;
    return fail(`"${shown}" is not a version number like ${newest.version}.`);
  }
  const version = `${Number(match[1])}.${Number(match[2])}.${Number(match[3])}`;
  if (!RELEASE_TAGS.includes(version)) {
    if (compareVersions(version, oldest.version) < 0)
      return fail(
        `${version} is older than ${oldest.version}, the oldest release modelled here (before it the paused branch only slept; see docs/releases.md).`,
      );
    if (compareVersions(version, newest.version) > 0)
      return fail(
        `${version} is not an arroyo release known here; the newest is ${newest.version}.`,
      );
    return fail(
      `${version} is not an arroyo release; the releases around it are ${neighbours(version)}.`,
    );
  }
  let row = oldest;
  for (const r of RELEASES) if (compareVersions(r.version, version) <= 0) row = r;
  return {
    ok: true,
    value: { version, release: row, answeredAs: row.version === version ? null : row.version },
  };
}

function neighbours(version: string): string {
  const below = RELEASE_TAGS.filter((t) => compareVersions(t, version) < 0).pop();
  const above = RELEASE_TAGS.find((t) => compareVersions(t, version) > 0);
  return `${below ?? '?'} and ${above ?? '?'}`;
}

function fail<T>(error: string): Result<T> {
  return { ok: false, error };
}
