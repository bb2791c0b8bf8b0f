/**
 * "Is my release affected?": type or pick an arroyo release and see, for each
 * scenario, what the explorer reaches on that release's code (crashes, loses
 * messages or increments, hangs, or clean), since and until which release,
 * with the minimal counterexample one click away. The release is in the
 * address (`#/affected?release=2.34.0`), so an answer can be shared.
 */
import { useId, useState, type FormEvent } from 'react';
import {
  affected,
  answeredAsSentence,
  summarySentence,
  type AffectedAnswer,
} from '../../releases/affected.ts';
import { commitUrl, pullUrl, RELEASES, shortCommit, tagUrl } from '../../releases/releases.ts';
import { RELEASE_TAGS } from '../../releases/versions.ts';
import { routeHref, type RouteQuery } from '../../routes/router.ts';
import { ScenarioVerdict } from './ScenarioVerdict.tsx';
import './affected.css';

function releaseHref(version: string): string {
  return routeHref({ kind: 'affected', query: { release: version } });
}

export function AffectedPage({ query }: { readonly query: RouteQuery }) {
  const asked = query['release'] ?? '';
  return (
    <section className="affected" aria-labelledby="affected-title">
      <h1 id="affected-title">Is my release affected?</h1>
      <p>
        Pick the arroyo release you run. For each scenario you see what the explorer finds on that
        release&apos;s code, over every schedule it explores, and since and until which release that
        has been so. How releases map to code: <code>docs/releases.md</code>.
      </p>
      <ReleaseForm key={asked} initial={asked} />
      {asked === '' ? null : <Answer version={asked} />}
    </section>
  );
}

function ReleaseForm({ initial }: { readonly initial: string }) {
  const [text, setText] = useState(initial);
  const inputId = useId();
  const listId = useId();
  const submit = (e: FormEvent): void => {
    e.preventDefault();
    window.location.hash = releaseHref(text.trim());
  };
  return (
    <form className="affected-form" onSubmit={submit}>
      <label htmlFor={inputId}>arroyo release</label>
      <input
        id={inputId}
        list={listId}
        value={text}
        inputMode="decimal"
        autoComplete="off"
        placeholder="2.34.0"
        onChange={(e) => setText(e.target.value)}
      />
      <datalist id={listId}>
        {RELEASE_TAGS.map((t) => (
          <option key={t} value={t} />
        ))}
      </datalist>
      <button type="submit">Check</button>
      <nav aria-label="Releases where the modelled code changed" className="affected-picks">
        {RELEASES.map((r) => (
          <a key={r.version} href={releaseHref(r.version)}>
            {r.version}
          </a>
        ))}
      </nav>
    </form>
  );
}

function Answer({ version }: { readonly version: string }) {
  const result = affected(version);
  if (!result.ok)
    return (
      <p role="alert" className="affected-error">
        {result.error}
      </p>
    );
  return <Verdicts answer={result.value} />;
}

function Verdicts({ answer }: { readonly answer: AffectedAnswer }) {
  const r = answer.release;
  return (
    <div aria-live="polite">
      <h2>arroyo {answer.version}</h2>
      {answer.answeredAs === null ? null : (
        <p className="affected-as">{answeredAsSentence(answer)}</p>
      )}
      <p>
        Release <a href={tagUrl(r.version)}>{r.version}</a>, tagged {r.date} at{' '}
        <a href={commitUrl(r.tagCommit)}>
          <code>{shortCommit(r.tagCommit)}</code>
        </a>
        .
      </p>
      {r.changes.length > 0 ? (
        <ul className="affected-changes">
          {r.changes.map((c) => (
            <li key={c.commit}>
              <a href={commitUrl(c.commit)}>
                <code>{shortCommit(c.commit)}</code>
              </a>{' '}
              (<a href={pullUrl(c.pr)}>#{c.pr}</a>) {c.title}: {c.effect}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="affected-summary">{summarySentence(answer)}</p>
      <ul className="affected-cards">
        {answer.scenarios.map((s) => (
          <ScenarioVerdict key={s.def.id} s={s} version={r.version} />
        ))}
      </ul>
    </div>
  );
}
