/**
 * What one run ended in, in sentences: the exception and where, the keys whose
 * increments were lost or counted twice (and by how much), who waits for which lock
 * held by whom, or where a runaway thread was.
 */
import type { RunReport } from '../../fixlab/protocol.ts';

export function ReportDetails({ report }: { readonly report: RunReport }) {
  return (
    <ul className="fix-details">
      {report.crashes.map((c, i) => {
        const last = c.traceback.at(-1);
        return (
          <li key={`c${i}`}>
            <strong>{c.type}</strong>: {c.message} (in the {c.thread} thread
            {last ? `, ${last.file === 'user' ? 'your' : "the harness's"} line ${last.line}` : ''})
            {last ? <code className="fix-line">{last.text}</code> : null}
          </li>
        );
      })}
      {report.conservation.map((d) => (
        <li key={`k${d.key}`}>
          <code>{d.key}</code>: incremented {d.incremented}, emitted {d.emitted}:{' '}
          <strong>{d.diff < 0 ? `${-d.diff} lost` : `${d.diff} counted twice`}</strong>
        </li>
      ))}
      {report.deadlock?.waiting.map((w) => (
        <li key={`d${w.thread}`}>
          <strong>{w.thread}</strong> waits for <code>{w.lock}</code>
          {w.line !== null ? ` at line ${w.line}` : ''},{' '}
          {w.heldBy === null
            ? 'held by nobody'
            : `held by ${w.heldBy}${w.holderEnded ? ', which has already ended' : ''}`}
          .
        </li>
      ))}
      {report.stepLimit ? (
        <li>
          <strong>{report.stepLimit.thread}</strong> passed{' '}
          {report.stepLimit.limit.toLocaleString('en-US')} switch points without ending
          {report.stepLimit.line !== null ? `, last at line ${report.stepLimit.line}` : ''}.
        </li>
      ) : null}
      {report.outputTruncated ? <li>Its printed output was cut short.</li> : null}
    </ul>
  );
}
