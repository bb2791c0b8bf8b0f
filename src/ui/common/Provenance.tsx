/** A scenario's provenance: a badge saying where it comes from, then its sentence. */
import type { Provenance as ProvenanceData } from '../../scenarios/index.ts';
import { plainWords } from './words.ts';
import { PROVENANCE_BADGES, PROVENANCE_HELP } from './provenance.ts';

export function ProvenanceBadge({ provenance }: { readonly provenance: ProvenanceData }) {
  return (
    <span className={`badge badge-${provenance.kind}`} title={PROVENANCE_HELP[provenance.kind]}>
      {PROVENANCE_BADGES[provenance.kind]}
    </span>
  );
}

export function ProvenanceLine({ provenance }: { readonly provenance: ProvenanceData }) {
  return (
    <p className="provenance">
      <ProvenanceBadge provenance={provenance} /> {plainWords(provenance.text)}
    </p>
  );
}
