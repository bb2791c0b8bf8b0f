/**
 * The landing page's content: the two races, each in one plain sentence with the
 * error it ends in, and its scenarios with where each comes from (a production crash,
 * a what-if from the seed narrative, or one of the seed's verification scenarios).
 */
import { freshLabHash } from '../../routes/link.ts';
import {
  SCENARIO_CATALOG as SCENARIOS,
  type ScenarioMeta as ScenarioDef,
} from '../../scenarios/catalog.ts';
import { ProvenanceBadge } from '../common/Provenance.tsx';
import { RACE_NAMES } from '../common/provenance.ts';
import { ToursList } from '../tour/ToursList.tsx';
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
      {RACES.map((race) => (
        <RaceCard
          key={race.race}
          race={race}
          scenarios={scenarios.filter((s) => s.race === race.race)}
        />
      ))}
      <ToursList />
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
                {s.title}
              </a>{' '}
              <ProvenanceBadge provenance={s.provenance} />
              <p>{s.summary}</p>
              <p className="muted">
                {s.provenance.text}
                {s.seedScenario !== null ? ` ${sentence(s.seedScenario)}` : ''}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function sentence(text: string): string {
  const trimmed = text.trim();
  const capital = trimmed.charAt(0).toUpperCase() + trimmed.slice(1);
  return /[.!?)]$/.test(capital) ? capital : `${capital}.`;
}
