/**
 * One listing as highlighted Python, with line numbers, the threads whose next step is
 * on each line, and (in diff mode) lines added or removed against the buggy code. The
 * most recently moved thread's line is kept in view by scrolling the listing itself,
 * never the page, sideways too (to where the line's code starts), so a narrow column
 * shows the code rather than its indentation. In a thread's own column (`compact`) a
 * marker is a bare arrow: the column already names the thread.
 */
import { useMemo } from 'react';
import type { DiffOp } from './lineDiff.ts';
import { tokenizeLines, type Token } from './highlight.ts';
import { Tokens } from './Tokens.tsx';
import { useKeepLineInView } from './useKeepLineInView.ts';

export interface LineMarker {
  readonly thread: number;
  readonly label: string;
  /** The thread died on this line (an uncaught exception). */
  readonly crashed: boolean;
  /** One side of the race's collision: where it failed, or the step that broke it. */
  readonly role?: 'victim' | 'culprit';
}

export interface CodeViewProps {
  readonly title: string;
  readonly lines: readonly string[];
  /** A diff against another listing; when given, it is shown instead of `lines`. */
  readonly diff: readonly DiffOp[] | null;
  /** Markers by 1-based line number of `lines`. */
  readonly markers: ReadonlyMap<number, readonly LineMarker[]>;
  /** The line to keep in view. */
  readonly focusLine: number | null;
  /** Markers as bare symbols, their words for screen readers only. */
  readonly compact?: boolean;
}

interface Row {
  readonly key: string;
  readonly line: number | null;
  readonly oldLine: number | null;
  readonly kind: 'same' | 'added' | 'removed';
  readonly tokens: readonly Token[];
}

export function CodeView({
  title,
  lines,
  diff,
  markers,
  focusLine,
  compact = false,
}: CodeViewProps) {
  const rows = useMemo(() => buildRows(lines, diff), [lines, diff]);
  const scroller = useKeepLineInView(focusLine, title, diff);
  return (
    <div
      className="code-scroll"
      ref={scroller}
      tabIndex={0}
      role="region"
      aria-label={`Code of ${title}`}
    >
      <table className={`code ${diff ? 'code-diff' : ''}`}>
        <tbody>
          {rows.map((row) => (
            <CodeRow
              key={row.key}
              row={row}
              here={row.line === null ? undefined : markers.get(row.line)}
              compact={compact}
            />
          ))}
        </tbody>
      </table>
    </div>
  );
}

function CodeRow({
  row,
  here,
  compact,
}: {
  readonly row: Row;
  readonly here: readonly LineMarker[] | undefined;
  readonly compact: boolean;
}) {
  const collision = here?.some((m) => m.role) ? ' code-collision' : '';
  return (
    <tr
      data-line={row.line ?? undefined}
      className={`code-row code-${row.kind}${here ? ' code-current' : ''}${collision}`}
    >
      <td className="code-num">
        {compact ? here?.map((m) => <CompactMark key={`${m.thread}-${m.label}`} mark={m} />) : null}
        {row.kind === 'removed' ? row.oldLine : row.line}
      </td>
      {compact ? null : (
        <>
          <td className="code-sign" aria-hidden="true">
            {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ''}
          </td>
          <td className="code-marks">
            {here?.map((m) => (
              <span key={`${m.thread}-${m.label}`} className={markClass(m)}>
                {markText(m)}
              </span>
            ))}
          </td>
        </>
      )}
      <td className="code-text">
        {row.kind !== 'same' ? (
          <span className="visually-hidden">{row.kind === 'added' ? 'added: ' : 'removed: '}</span>
        ) : null}
        <Tokens tokens={row.tokens} />
      </td>
    </tr>
  );
}

/** A marker as a bare symbol in the line-number cell, its words for screen readers only. */
function CompactMark({ mark }: { readonly mark: LineMarker }) {
  return (
    <span className={markClass(mark)} title={markText(mark)}>
      <span aria-hidden="true">{markSymbol(mark)}</span>
      <span className="visually-hidden">{markText(mark)}</span>
    </span>
  );
}

function markText(m: LineMarker): string {
  if (m.role !== undefined) return m.label;
  return m.crashed ? `✖ ${m.label} raised here` : `▶ ${m.label}`;
}

function markSymbol(m: LineMarker): string {
  if (m.role === 'culprit') return '✎';
  if (m.role === 'victim') return '⚠';
  return m.crashed ? '✖' : '▶';
}

function markClass(m: LineMarker): string {
  const role = m.role ? ` mark-${m.role}` : '';
  return `code-mark thread-${(m.thread % 6) + 1}${m.crashed ? ' crashed' : ''}${role}`;
}

function buildRows(lines: readonly string[], diff: readonly DiffOp[] | null): Row[] {
  if (diff === null) {
    const tokens = tokenizeLines(lines);
    return lines.map((_, i) => ({
      key: `l${i}`,
      line: i + 1,
      oldLine: null,
      kind: 'same',
      tokens: tokens[i] ?? [],
    }));
  }
  const tokens = tokenizeLines(diff.map((op) => op.text));
  return diff.map((op, i) => ({
    key: `d${i}`,
    line: op.kind === 'removed' ? null : op.newLine,
    oldLine: op.kind === 'added' ? null : op.oldLine,
    kind: op.kind,
    tokens: tokens[i] ?? [],
  }));
}
