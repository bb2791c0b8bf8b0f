/** The glossary: the words the lab uses, in plain language. */
export function GlossaryPage() {
  return (
    <section aria-labelledby="glossary-title">
      <h1 id="glossary-title">Glossary</h1>
      <p>Coming soon.</p>
    </section>
  );
}
