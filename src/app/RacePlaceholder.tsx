/** Stands in for the race view at `#/race/<id>` until the real one is wired in. */
import { PRODUCT_NAME } from './Shell.tsx';

export interface RacePlaceholderProps {
  readonly id: string;
}

export function RacePlaceholder({ id }: RacePlaceholderProps) {
  return (
    <section className="race">
      <title>{`${id} · ${PRODUCT_NAME}`}</title>
      <h1>
        Race <code>{id}</code>
      </h1>
      <p>The race view is not wired in yet.</p>
    </section>
  );
}
