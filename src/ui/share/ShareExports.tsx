/** The share panel's export buttons: the trace as JSON, the timeline as SVG or PNG. */
export function ShareExports(props: {
  readonly onTrace: () => void;
  readonly onImage: (kind: 'svg' | 'png') => void;
}) {
  return (
    <div className="control-row" role="group" aria-label="Export">
      <button type="button" onClick={props.onTrace}>
        Export trace (JSON)
      </button>
      <button type="button" onClick={() => props.onImage('svg')}>
        Timeline as SVG
      </button>
      <button type="button" onClick={() => props.onImage('png')}>
        Timeline as PNG
      </button>
    </div>
  );
}
