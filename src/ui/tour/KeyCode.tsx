/**
 * The key code lines of a chapter: a few lines of the model listing around the
 * highlighted line (or, without one, around the line the highlighted actor runs
 * next), with the real line numbers and the threads standing on them.
 */
import { resolveAt, type World } from '../../engine/index.ts';
import type { Simulation } from '../../scenarios/simulate.ts';
import type { Highlight } from '../../tours/schema.ts';
import { tokenizeLines } from '../code/highlight.ts';
import { Tokens } from '../code/Tokens.tsx';
import { nextLineOf } from '../lab/hooks.ts';

export interface KeyCodeProps {
  readonly sim: Simulation;
  readonly world: World<unknown>;
  readonly highlight: Highlight | undefined;
  /** Lines shown above and below the key line. */
  readonly context?: number;
}

interface Focus {
  readonly listing: string;
  readonly line: number;
}

function focusOf(sim: Simulation, world: World<unknown>, h: Highlight | undefined): Focus | null {
  if (h?.line) {
    try {
      const r = resolveAt(sim.program.listings, h.line);
      return { listing: r.listing, line: r.line };
    } catch {
      return null;
    }
  }
  const thread = h?.actor ? sim.program.actors.indexOf(h.actor) : world.lastThread;
  const r = thread >= 0 ? nextLineOf(sim, world, thread) : null;
  return r ? { listing: r.listing, line: r.line } : null;
}

export function KeyCode({ sim, world, highlight, context = 3 }: KeyCodeProps) {
  const focus = focusOf(sim, world, highlight);
  if (!focus) return null;
  const listing = sim.program.listings[focus.listing];
  if (!listing) return null;
  const from = Math.max(1, focus.line - context);
  const to = Math.min(listing.lines.length, focus.line + context);
  const tokens = tokenizeLines(listing.lines);
  const here = new Map<number, string[]>();
  world.threads.forEach((t, i) => {
    if (t.status === 'done') return;
    const r = nextLineOf(sim, world, i);
    if (r && r.listing === focus.listing)
      here.set(r.line, [
        ...(here.get(r.line) ?? []),
        t.status === 'dead' ? `✖ ${t.actor}` : `▶ ${t.actor}`,
      ]);
  });
  const rows = [];
  for (let n = from; n <= to; n++) {
    const marks = here.get(n);
    rows.push(
      <tr key={n} className={`code-row${n === focus.line ? ' code-current key-line' : ''}`}>
        <td className="code-num">{n}</td>
        <td className="code-marks">{marks?.join(' ')}</td>
        <td className="code-text">
          <Tokens tokens={tokens[n - 1] ?? []} />
        </td>
      </tr>,
    );
  }
  return (
    <figure className="key-code">
      <figcaption>
        <code>{listing.title}</code>, line {focus.line}
      </figcaption>
      <div
        className="code-scroll"
        tabIndex={0}
        role="region"
        aria-label={`Key lines of ${listing.title}`}
      >
        <table className="code">
          <tbody>{rows}</tbody>
        </table>
      </div>
    </figure>
  );
}
