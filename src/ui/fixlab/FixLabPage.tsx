/** The Fix lab: write a fix for a race and check it against every interleaving. */
import type { RouteQuery } from '../../routes/router.ts';

export function FixLabPage({ race }: { readonly race: string; readonly query: RouteQuery }) {
  return (
    <section aria-labelledby="fixlab-title">
      <h1 id="fixlab-title">Fix lab: {race}</h1>
      <p>Coming soon.</p>
    </section>
  );
}
