/** The landing page: what the lab is, then the two races and their scenarios. */
import { Landing } from '../ui/landing/Landing.tsx';
import { PRODUCT_NAME } from './Shell.tsx';

export function Home() {
  return (
    <section className="home">
      <title>{PRODUCT_NAME}</title>
      <h1>{PRODUCT_NAME}</h1>
      <p className="home-intro">
        A debugger for two real race conditions in Sentry&apos;s Python library arroyo: step one
        thread at a time, pick which thread runs next, watch the shared state change, then run the
        same interleaving on a fix.
      </p>
      <Landing />
    </section>
  );
}
