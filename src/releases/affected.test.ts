/**
 * `affected` against the explorer: for six releases, every scenario's
 * reachable outcomes equal what a fresh exploration of that release's code
 * finds (nothing hard-coded but the release -> code mapping), a scenario
 * whose code the release lacks reaches nothing, and the InvalidMessage hang
 * is there before c8bdbb9 and gone from 2.20.9.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../cli/affected.ts';
import { exploreScenario } from '../explorer/report.ts';
import { SCENARIOS } from '../scenarios/index.ts';
import { reachKey, scenarioCode } from './reach.ts';
import { RELEASES, type Release } from './releases.ts';

interface Doc {
  readonly version: string;
  readonly answeredAs: string | null;
  readonly release: { readonly tag: string; readonly commit: string };
  readonly reachable: Readonly<Record<string, readonly string[]>>;
  readonly notModelled: Readonly<Record<string, string>>;
}

function ask(version: string): Doc {
  const out = main(['--version', version, '--json']);
  expect(out.code, out.stderr).toBe(0);
  return JSON.parse(out.stdout) as Doc;
}

const fresh = new Map<string, string[]>();
function explored(scenario: string, variant: string, params: Record<string, number>): string[] {
  const key = reachKey(scenario, variant as never, params);
  const known = fresh.get(key);
  if (known) return known;
  const r = exploreScenario({ scenario, variant, params });
  if (!r.ok) throw new Error(r.error);
  const keys = Object.keys(r.value.byOutcome).filter((k) => (r.value.byOutcome[k] ?? 0) > 0);
  fresh.set(key, keys);
  return keys;
}

function row(version: string): Release {
  const r = RELEASES.find((x) => x.version === version);
  if (!r) throw new Error(`no row ${version}`);
  return r;
}

describe.each(['2.32.2', '2.32.5', '2.33.0', '2.34.0', '2.37.1', '2.42.2'])('%s', (version) => {
  it('reaches in every scenario what the explorer finds on its code', () => {
    const doc = ask(version);
    expect(doc.version).toBe(version);
    expect(doc.answeredAs).toBeNull();
    expect(doc.release).toMatchObject({ tag: version, commit: row(version).tagCommit });
    for (const def of SCENARIOS) {
      const code = scenarioCode(row(version), def.id);
      if (code.kind === 'modelled')
        expect(doc.reachable[def.id], def.id).toEqual(
          explored(def.id, code.variant, { ...code.params }),
        );
      else if (code.kind === 'absent') expect(doc.reachable[def.id], def.id).toEqual([]);
      else expect(doc.notModelled[def.id], def.id).toBeTruthy();
    }
  });
});

describe('the release -> code mapping the answers rest on', () => {
  const variantOf = (version: string, scenario: string): string | null => {
    const code = scenarioCode(row(version), scenario);
    return code.kind === 'modelled' ? code.variant : null;
  };
  it('the paused branch: V2 up to 2.32.5 (flag off by default), V4 from 2.33.0', () => {
    for (const v of ['2.32.2', '2.32.5'])
      expect(variantOf(v, 'pause-rebalance-eager')).toBe('buggy');
    for (const v of ['2.33.0', '2.34.0', '2.37.1', '2.42.2'])
      expect(variantOf(v, 'pause-rebalance-eager')).toBe('upstream');
  });
  it('the stuck detector: none before 2.34.0, on the buffer until 2.37.1, direct from 2.37.1', () => {
    expect(ask('2.33.0').reachable['metrics-stuck-flush']).toEqual([]);
    expect(variantOf('2.34.0', 'metrics-stuck-flush')).toBe('buggy');
    for (const v of ['2.37.1', '2.42.2'])
      expect(variantOf(v, 'metrics-stuck-flush')).toBe('upstream');
  });
  it('2.18.2 has no incremental protocol, so the cooperative scenarios reach nothing', () => {
    const doc = ask('2.18.2');
    expect(doc.reachable['pause-rebalance-cooperative']).toEqual([]);
    expect(doc.reachable['pause-revoke-cooperative']).toEqual([]);
  });
});

describe('the InvalidMessage hang across c8bdbb9', () => {
  it('hangs before 2.20.9 and is clean from it', () => {
    const before = ask('2.20.8');
    expect(before.answeredAs).toBe('2.19.10');
    expect(before.reachable['pause-invalid-message-stuck']).toEqual(
      explored('pause-invalid-message-stuck', 'buggy', { resumeOnInvalid: 0 }),
    );
    expect(before.reachable['pause-invalid-message-stuck']).toContain('violation:paused-forever');
    expect(before.reachable['pause-invalid-message-stuck']).toContain('violation:liveness');
    expect(
      before.reachable['pause-invalid-message-stuck']?.some((k) => k.startsWith('crash:')),
    ).toBe(false);
    expect(ask('2.20.9').reachable['pause-invalid-message-stuck']).toEqual(['ok']);
  });
});
