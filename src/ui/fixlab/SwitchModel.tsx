/** What the checker's switch model covers and what it leaves out, in plain words. */
export function SwitchModel({ bound }: { readonly bound: number }) {
  return (
    <section className="fix-model" aria-labelledby="fix-model-title">
      <h2 id="fix-model-title">What “every interleaving” means here</h2>
      <p>
        Your code runs in real CPython 3.14 (Pyodide, in a worker in this tab) under the workload of
        the <a href="#/lab/metrics-stuck-flush">metrics-stuck-flush</a> scenario: the main thread
        records metrics and runs a long revoke callback while the stuck detector fires, on one
        virtual clock. Then the buffer is flushed once more, alone, and every key is checked: each
        increment must be emitted exactly once.
      </p>
      <p>
        <strong>Switch model: CPython with the GIL.</strong> A thread can be switched out between
        any two statements, at every loop back-edge (including inside a comprehension and inside the
        functions it calls), when it blocks on a lock, and when it sleeps. The checker runs every
        schedule with up to {bound} preemptions (switching away from a thread that could have gone
        on), fewest first, so the first counterexample it shows is a smallest one.
      </p>
      <p>
        <strong>What it leaves out:</strong> a statement is never split. Free-threaded builds
        (CPython 3.13t and later, without the GIL) can also switch inside <code>d[k] += v</code> and
        inside <code>list(d.items())</code>, so a fix that passes here can still fail there.
        Schedules with more than {bound} preemptions are not run.
      </p>
    </section>
  );
}
