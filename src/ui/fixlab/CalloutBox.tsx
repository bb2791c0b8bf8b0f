/** The collision callout: the headline and its two sides, each a link to its step. */
import type { CalloutSide, Callout } from './callout.ts';
import { threadColour } from './ThreadColumns.tsx';

export function CalloutBox({
  callout,
  lines,
  onGo,
}: {
  readonly callout: Callout;
  readonly lines: readonly string[];
  readonly onGo: (step: number) => void;
}) {
  return (
    <div className={`fix-callout fix-callout-${callout.kind}`}>
      <p className="fix-callout-head">{callout.headline}</p>
      <div className="fix-sides">
        {callout.victim ? (
          <Side title="Victim" side={callout.victim} lines={lines} onGo={onGo} />
        ) : null}
        {callout.other ? (
          <Side
            title={callout.kind === 'deadlock' ? 'And' : 'The other side'}
            side={callout.other}
            lines={lines}
            onGo={onGo}
          />
        ) : null}
      </div>
    </div>
  );
}

function Side({
  title,
  side,
  lines,
  onGo,
}: {
  readonly title: string;
  readonly side: CalloutSide;
  readonly lines: readonly string[];
  readonly onGo: (step: number) => void;
}) {
  const text = side.line === null ? null : (lines[side.line - 1] ?? '').trim();
  return (
    <div className={`fix-side ${threadColour(side.thread)}`}>
      <p>
        <strong>{title}:</strong> {side.thread} {side.did}, step {side.step + 1}
        {side.line !== null ? `, line ${side.line}` : ' (in the harness)'}
      </p>
      {text ? <code className="fix-line">{text}</code> : null}
      <button type="button" className="link-button" onClick={() => onGo(side.step)}>
        Show step {side.step + 1}
      </button>
    </div>
  );
}
