/** The landing page. A placeholder: the scenario picker replaces its content later. */
import { PRODUCT_NAME } from './Shell.tsx';

export function Home() {
  return (
    <section className="home">
      <title>{PRODUCT_NAME}</title>
      <h1>{PRODUCT_NAME}</h1>
      <p>
        Step through two real race conditions in Sentry&apos;s Python library arroyo, one
        interleaving at a time: the pause race that ends in an <code>AssertionError</code>, and the
        metrics race that ends in{' '}
        <code>RuntimeError: dictionary changed size during iteration</code>.
      </p>
    </section>
  );
}
