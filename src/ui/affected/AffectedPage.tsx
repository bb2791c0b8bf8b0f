/** "Is my release affected?": what each arroyo release reaches in each scenario. */
import type { RouteQuery } from '../../routes/router.ts';

export function AffectedPage(_props: { readonly query: RouteQuery }) {
  return (
    <section aria-labelledby="affected-title">
      <h1 id="affected-title">Is my release affected?</h1>
      <p>Coming soon.</p>
    </section>
  );
}
