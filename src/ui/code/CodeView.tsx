/**
 * One listing as highlighted Python, with line numbers, the threads whose next step is
 * on each line, and (in diff mode) lines added or removed against the buggy code. The
 * most recently moved thread's line is kept in view by scrolling the listing itself,
 * never the page.
 */
import { useEffect, useMemo, useRef } from 'react';
import type { DiffOp } from './lineDiff.ts';
import { tokenizeLines, type Token } from './highlight.ts';

export interface LineMarker {
  readonly thread: number;
  readonly label: string;
  /** The thread died on this line (an uncaught exception). */
  readonly crashed: boolean;
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
}

interface Row {
  readonly key: string;
  readonly line: number | null;
  readonly oldLine: number | null;
  readonly kind: 'same' | 'added' | 'removed';
  readonly tokens: readonly Token[];
}

export function CodeView({ title, lines, diff, markers, focusLine }: CodeViewProps) {
  const rows = useMemo(() => buildRows(lines, diff), [lines, diff]);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const box = scroller.current;
    if (!box || focusLine === null) return;
    const row = box.querySelector<HTMLElement>(`[data-line="${focusLine}"]`);
    if (!row) return;
    const top = row.getBoundingClientRect().top - box.getBoundingClientRect().top + box.scrollTop;
    if (top < box.scrollTop || top + row.offsetHeight > box.scrollTop + box.clientHeight) {
      box.scrollTop = Math.max(0, top - box.clientHeight / 3);
    }
  }, [focusLine, title, diff]);

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
          {rows.map((row) => {
            const here = row.line === null ? undefined : markers.get(row.line);
            return (
              <tr
                key={row.key}
                data-line={row.line ?? undefined}
                className={`code-row code-${row.kind}${here ? ' code-current' : ''}`}
              >
                <td className="code-num">{row.kind === 'removed' ? row.oldLine : row.line}</td>
                <td className="code-sign" aria-hidden="true">
                  {row.kind === 'added' ? '+' : row.kind === 'removed' ? '−' : ''}
                </td>
                <td className="code-marks">
                  {here?.map((m) => (
                    <span
                      key={m.thread}
                      className={`code-mark thread-${(m.thread % 6) + 1}${m.crashed ? ' crashed' : ''}`}
                    >
                      {m.crashed ? `✖ ${m.label} raised here` : `▶ ${m.label}`}
                    </span>
                  ))}
                </td>
                <td className="code-text">
                  {row.kind !== 'same' ? (
                    <span className="visually-hidden">
                      {row.kind === 'added' ? 'added: ' : 'removed: '}
                    </span>
                  ) : null}
                  {row.tokens.map((t, i) =>
                    t.kind === 'text' ? (
                      <span key={i}>{t.text}</span>
                    ) : (
                      <span key={i} className={`tok-${t.kind}`}>
                        {t.text}
                      </span>
                    ),
                  )}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
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
