/**
 * The guided tours as a compact list for the top of the landing page: each title, its
 * race and length, and a link to present it; the summary is in plain words. A tour file
 * that failed validation is listed with its message, so an instructor sees the mistake
 * rather than a silently missing tour.
 */
// The catalogue, not the tours: the landing page must not load chapters or the validator.
import {
  presentHref,
  tourHref,
  TOUR_CATALOG,
  TOUR_CATALOG_ERRORS,
  type TourMeta,
} from '../../tours/catalog.ts';
import { RACE_NAMES } from '../common/provenance.ts';
import { plainWords } from '../common/words.ts';

export function TourLinks({
  tours = TOUR_CATALOG,
  errors = TOUR_CATALOG_ERRORS,
}: {
  readonly tours?: readonly TourMeta[];
  readonly errors?: readonly string[];
}) {
  return (
    <section className="tour-links" aria-labelledby="tours-title">
      <h2 id="tours-title">Guided tours</h2>
      <p className="muted">
        Narrated, chapter by chapter, with questions that ask you to predict the next step.
      </p>
      <ul>
        {tours.map((t) => (
          <li key={t.id}>
            <a href={tourHref(t.id)} className="tour-link" title={plainWords(t.summary)}>
              {plainWords(t.title)}
            </a>
            <span className="tour-meta muted">
              {RACE_NAMES[t.race].replace(/^The /, '')}, {t.chapters.length} chapters
            </span>
            <a href={presentHref(t.id)} className="present-link">
              Present<span className="visually-hidden">: {plainWords(t.title)}</span>
            </a>
          </li>
        ))}
      </ul>
      {errors.length > 0 ? (
        <div role="alert" className="link-error">
          <p>
            <strong>Some tour files could not be loaded:</strong>
          </p>
          {errors.map((e) => (
            <pre key={e}>{e}</pre>
          ))}
        </div>
      ) : null}
    </section>
  );
}
