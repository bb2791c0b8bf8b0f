/**
 * The guided tours, for the landing page: each with its race, who it is for, a
 * sentence on what it shows, its chapter count, and links to take it or present it.
 * A tour file that failed validation is listed with its message, so an instructor
 * sees the mistake rather than a silently missing tour.
 */
import {
  presentHref,
  tourHref,
  TOUR_CATALOG_ERRORS as TOUR_ERRORS,
  TOUR_CATALOG as TOURS,
  type TourMeta as Tour,
} from '../../tours/catalog.ts';
import { RACE_NAMES } from '../common/provenance.ts';
import './tour.css';

export function ToursList({
  tours = TOURS,
  errors = TOUR_ERRORS,
}: {
  readonly tours?: readonly Tour[];
  readonly errors?: readonly string[];
}) {
  return (
    <section className="tours-list" aria-labelledby="tours-title">
      <h2 id="tours-title">Guided tours</h2>
      <p>
        Narrated walks through each race, chapter by chapter, with questions that ask you to predict
        the next step. Every tour can be presented to a room, and every chapter has its own link.
      </p>
      <ul className="tour-cards">
        {tours.map((t) => (
          <li key={t.id} className="tour-card">
            <h3>
              <a href={tourHref(t.id)}>{t.title}</a>
            </h3>
            <p className="muted">
              {RACE_NAMES[t.race]} · {t.chapters.length} chapters ·{' '}
              {t.audience === 'both'
                ? 'training and incident reviews'
                : t.audience === 'training'
                  ? 'training'
                  : 'incident reviews'}
            </p>
            <p>{t.summary}</p>
            <p>
              <a href={presentHref(t.id)}>
                Present it<span className="visually-hidden">: {t.title}</span>
              </a>
            </p>
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
