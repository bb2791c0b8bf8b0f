/** A scenario's provenance: a badge saying where it comes from, then its sentence. */
import type { Provenance as ProvenanceData } from '../../scenarios/index.ts';
import { PROVENANCE_BADGES } from './provenance.ts';

export function ProvenanceBadge({ provenance }: { readonly provenance: ProvenanceData }) {
  return (
    <span className={`badge badge-${provenance.kind}`}>{PROVENANCE_BADGES[provenance.kind]}</span>
  );
}

export function ProvenanceLine({ provenance }: { readonly provenance: ProvenanceData }) {
  return (
    <p className="provenance">
      <ProvenanceBadge provenance={provenance} /> {provenance.text}
    </p>
  );
}
