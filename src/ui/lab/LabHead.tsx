/**
 * The lab's title bar: the race and the scenario, where it comes from (a short badge,
 * the sentence in its tooltip and for screen readers), the implementation on screen,
 * and the buttons that open the drawer's tabs.
 */
import type { ScenarioDef } from '../../scenarios/index.ts';
import { useSim } from './hooks.ts';
import { ProvenanceBadge } from '../common/Provenance.tsx';
import { SWITCH_MODE_WORDS, VARIANT_WORDS, plainWords } from '../common/words.ts';
import { RACE_NAMES } from '../common/provenance.ts';
import { DRAWER_LABELS, DRAWER_TABS, useDrawer } from './drawerContext.ts';
import { DRAWER_ID } from './Drawer.tsx';

export function LabHead({
  def,
  title,
}: {
  readonly def: ScenarioDef | undefined;
  readonly title: string;
}) {
  const sim = useSim();
  const drawer = useDrawer();
  return (
    <header className="lab-head">
      <div className="lab-title">
        <p className="lab-race">{def ? RACE_NAMES[def.race] : 'Scenario'}</p>
        <h1 id="lab-title" title={def ? plainWords(def.summary) : undefined}>
          {plainWords(title)}
        </h1>
        {def ? (
          <span className="lab-provenance" title={plainWords(def.provenance.text)}>
            <ProvenanceBadge provenance={def.provenance} />
            <span className="visually-hidden"> {plainWords(def.provenance.text)}</span>
          </span>
        ) : null}
        {sim ? (
          <button
            type="button"
            className="lab-variant"
            onClick={() => drawer.open('setup')}
            title={`${plainWords(sim.def.expected[sim.variant])} (click to change the implementation, thread switching or parameters)`}
          >
            {VARIANT_WORDS[sim.variant]}
            <span className="muted"> · {SWITCH_MODE_WORDS[sim.gil]}</span>
          </button>
        ) : null}
      </div>
      {sim ? (
        <nav className="drawer-tabs" aria-label="Lab tools">
          {DRAWER_TABS.map((t) => (
            <button
              key={t}
              type="button"
              aria-expanded={drawer.tab === t}
              aria-controls={DRAWER_ID}
              onClick={() => drawer.open(drawer.tab === t ? null : t)}
            >
              {DRAWER_LABELS[t]}
            </button>
          ))}
          {def?.race === 'B' ? (
            <a href="#/fix/metrics" title="Write your own fix and check it against every schedule">
              Write a fix
            </a>
          ) : null}
        </nav>
      ) : null}
    </header>
  );
}
