/** Back and Next between a deck's chapters, each disabled at its end of the deck. */
export function BackNext({
  index,
  count,
  go,
}: {
  readonly index: number;
  readonly count: number;
  readonly go: (i: number) => void;
}) {
  return (
    <>
      <button type="button" onClick={() => go(index - 1)} disabled={index === 0}>
        ◀ Back
      </button>
      <button type="button" onClick={() => go(index + 1)} disabled={index === count - 1}>
        Next ▶
      </button>
    </>
  );
}
