/** What the lab is, who it is for and what it models. */
import { PRODUCT_NAME } from './Shell.tsx';

export function About() {
  return (
    <section className="about">
      <title>{`About · ${PRODUCT_NAME}`}</title>
      <h1>About</h1>
      <p>
        {PRODUCT_NAME} is for engineers learning how concurrency bugs happen and for incident leads
        explaining one in a postmortem. It replays small, deterministic models of threads in arroyo,
        Sentry&apos;s Kafka consumer library, so you can choose which thread runs next, watch shared
        state change, and find the interleaving that breaks an invariant.
      </p>
      <p>
        Every run is derived from a seed and a schedule shown on screen, so any run can be shared as
        a link and replayed exactly.
      </p>
    </section>
  );
}
