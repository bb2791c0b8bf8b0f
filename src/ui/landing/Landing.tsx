/**
 * The landing page's content. Above the fold: "Start here", which opens a race at its
 * crash in one click, and the guided tours. Then the two races, each in one plain
 * sentence with the error it ends in, and its scenarios with where each comes from (a
 * production crash, a hypothetical case, or a case from the original bug report).
 */
import { freshLabHash } from '../../routes/link.ts';
import {
  SCENARIO_CATALOG as SCENARIOS,
  type ScenarioMeta as ScenarioDef,
} from '../../scenarios/catalog.ts';
import { ProvenanceBadge } from '../common/Provenance.tsx';
import { RACE_NAMES } from '../common/provenance.ts';
import { plainWords } from '../common/words.ts';
import { StartHere } from './StartHere.tsx';
import { TourLinks } from './TourLinks.tsx';
import './landing.css';

interface RaceText {
  readonly race: 'A' | 'B';
  readonly sentence: string;
  readonly error: string;
  readonly where: string;
}

export const RACES: readonly RaceText[] = [
  {
    race: 'A',
    sentence:
      'While the stream processor is paused because its strategy is busy, a rebalance lands inside the paused poll and hands back a message the code assumed could never arrive.',
    error: 'AssertionError',
    where: "arroyo's StreamProcessor._run_once, main thread",
  },
  {
    race: 'B',
    sentence:
      "The stuck-detector thread flushes the shared metrics buffer while the main thread is still adding to it, and Python's dict iterator notices that the dict changed under it.",
    error: 'RuntimeError: dictionary changed size during iteration',
    where: "arroyo's MetricsBuffer.flush, stuck-detector thread",
  },
];

export function Landing({
  scenarios = SCENARIOS,
}: {
  readonly scenarios?: readonly ScenarioDef[];
}) {
  return (
    <div className="landing">
      <div className="landing-top">
        <StartHere />
        <TourLinks />
      </div>
      <div className="race-cards">
        {RACES.map((race) => (
          <RaceCard
            key={race.race}
            race={race}
            scenarios={scenarios.filter((s) => s.race === race.race)}
          />
        ))}
      </div>
      <p className="landing-affected">
        <a href="#/affected">Is my arroyo release affected?</a> What each release reaches in every
        scenario, from 2.18.2 to 2.42.2.
      </p>
    </div>
  );
}

function RaceCard({
  race,
  scenarios,
}: {
  readonly race: RaceText;
  readonly scenarios: readonly ScenarioDef[];
}) {
  const headingId = `race-${race.race}`;
  return (
    <section className="race-card" aria-labelledby={headingId}>
      <h2 id={headingId}>{RACE_NAMES[race.race]}</h2>
      <p>{race.sentence}</p>
      <p className="race-error">
        Ends in <code>{race.error}</code> <span className="muted">({race.where})</span>
      </p>
      {scenarios.length === 0 ? (
        <p className="muted">Its scenarios are not loaded yet.</p>
      ) : (
        <ul className="scenario-list">
          {scenarios.map((s) => (
            <li key={s.id}>
              <a href={freshLabHash(s.id)} className="scenario-link">
                {plainWords(s.title)}
              </a>{' '}
              <ProvenanceBadge provenance={s.provenance} />
              <p>{plainWords(s.summary)}</p>
              <p className="muted">
                {plainWords(s.provenance.text)}
                {s.seedScenario !== null
                  ? ` Covers ${lowerFirst(plainWords(s.seedScenario))}.`
                  : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
      {race.race === 'B' ? (
        <p>
          <a href="#/fix/metrics">Write your own fix in the Fix lab</a> and check it against every
          interleaving, in real CPython.
        </p>
      ) : null}
    </section>
  );
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}
