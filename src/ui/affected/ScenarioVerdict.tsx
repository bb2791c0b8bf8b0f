/**
 * One scenario on one release: what the explorer reaches there in plain words,
 * the configuration it presupposes, since and until which release that holds,
 * and a link that opens the minimal counterexample on that release's code.
 */
import { verdictWords, type ScenarioAnswer } from '../../releases/affected.ts';
import { ProvenanceBadge } from '../common/Provenance.tsx';
import { counterexampleHash } from './labLink.ts';

function spanText(s: ScenarioAnswer): string {
  const gap = s.gapBefore === null ? '' : ` (${s.gapBefore}, just before it, is not modelled)`;
  if (s.changesIn === null)
    return `Since ${s.since}${gap}, and still so in ${s.until}, the newest release.`;
  return `From ${s.since}${gap} to ${s.until}; it changes in ${s.changesIn}.`;
}

function Verdicts({ s }: { readonly s: ScenarioAnswer }) {
  if (s.code.kind === 'not-modelled') return <p className="affected-verdict">Not modelled</p>;
  if (s.code.kind === 'absent')
    return <p className="affected-verdict verdict-absent">Code not in this release</p>;
  return (
    <p className="affected-verdict">
      {s.verdicts.map((v) => (
        <span key={v} className={`verdict verdict-${v}`}>
          {verdictWords(v, s.def.race)}
        </span>
      ))}
    </p>
  );
}

export function ScenarioVerdict({
  s,
  version,
}: {
  readonly s: ScenarioAnswer;
  readonly version: string;
}) {
  const headingId = `affected-${s.def.id}`;
  const href = s.counterexample ? counterexampleHash(s.def, s.counterexample) : null;
  return (
    <li className="affected-card" aria-labelledby={headingId}>
      <h3 id={headingId}>{s.def.title}</h3>
      <p className="affected-id">
        <ProvenanceBadge provenance={s.def.provenance} /> <code>{s.def.id}</code>
      </p>
      <Verdicts s={s} />
      {s.code.kind === 'absent' || s.code.kind === 'not-modelled' ? <p>{s.code.reason}</p> : null}
      {s.code.kind === 'modelled' && s.code.needs !== null ? <p>Needs {s.code.needs}.</p> : null}
      {s.code.kind === 'modelled' && s.code.note !== null ? <p>{s.code.note}</p> : null}
      {s.reachable !== null && s.reachable.length > 0 ? (
        <p className="affected-keys">
          Outcomes reached:{' '}
          {s.reachable.map((k) => (
            <code key={k}>{k}</code>
          ))}
          {s.complete ? null : ' (exploration incomplete: a lower bound)'}
        </p>
      ) : null}
      <p>{spanText(s)}</p>
      {href !== null && s.counterexample ? (
        <p>
          <a className="affected-open" href={href}>
            Open the counterexample in the lab
            <span className="affected-hidden">
              : {s.def.title} on {version}, {s.counterexample.outcome}
            </span>
          </a>{' '}
          <span className="affected-note">
            {s.counterexample.outcome}, {s.counterexample.steps} steps
          </span>
        </p>
      ) : null}
    </li>
  );
}
