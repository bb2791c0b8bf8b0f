/**
 * Writes src/tours/meta/catalog.json, the list of tours without their chapters that
 * the landing page loads (src/tours/catalog.ts), from the bundled tours:
 *
 *   node --import tsx scripts/tour-catalog.ts
 *
 * Run it after adding or editing a tour; src/tours/tours.test.ts fails while the
 * catalogue and the tours disagree.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { catalogOf } from '../src/tours/catalog.ts';
import { TOURS } from '../src/tours/index.ts';

const out = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'tours',
  'meta',
  'catalog.json',
);
writeFileSync(out, `${JSON.stringify(catalogOf(TOURS), null, 2)}\n`);
process.stdout.write(`wrote ${out}\n`);
