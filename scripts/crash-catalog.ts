/**
 * Writes src/analysis/crash-catalog.json: the explorer's counts and minimal
 * schedules for every scenario, variant and switch mode (see
 * src/analysis/catalogBuild.ts). Run it after changing a model:
 *
 *   npx tsx scripts/crash-catalog.ts && npx prettier --write src/analysis/crash-catalog.json
 *
 * src/analysis/catalog.test.ts fails until the committed file matches again.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { buildCatalog } from '../src/analysis/catalogBuild.ts';

const out = fileURLToPath(new URL('../src/analysis/crash-catalog.json', import.meta.url));
const catalog = buildCatalog();
writeFileSync(out, `${JSON.stringify(catalog, null, 2)}\n`);
console.log(`wrote ${Object.keys(catalog.entries).length} entries to ${out}`);
