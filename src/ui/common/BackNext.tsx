/**
 * Back and Next between the chapters of a tour or a presentation, each disabled at its
 * end; `go` keeps the chapter inside the deck.
 */
export function BackNext({
  index,
  count,
  go,
  primaryNext = false,
}: {
  readonly index: number;
  readonly count: number;
  readonly go: (i: number) => void;
  /** Next is the page's main action (a tour reads forward). */
  readonly primaryNext?: boolean;
}) {
  return (
    <>
      <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
        ◀ Back
      </button>
      <button
        type="button"
        className={primaryNext ? 'primary' : undefined}
        onClick={() => go(index + 1)}
        disabled={index === count - 1}
      >
        Next ▶
      </button>
    </>
  );
}
