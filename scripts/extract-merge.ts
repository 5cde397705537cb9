/**
 * Merge reviewed proposals into data/: rows of OUT/agencies.csv, reports.csv and figures.csv whose review column
 * is ok (after applying OUT/decisions.csv from review.html, when present). Existing rows are never rewritten;
 * nothing is written unless the data build accepts the merged files.
 *
 *   node scripts/extract-merge.ts OUT [--data DIR] [--dry-run]
 */
import { existsSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { mergeReviewed } from '../src/lib/extract/merge.ts';
import { formatProblem } from '../src/lib/pipeline/tables.ts';

const USAGE = 'usage: npm run extract:merge -- OUT [--data DIR] [--dry-run]\n  OUT  the folder npm run extract -- DIR --out OUT wrote';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { data: { type: 'string' }, 'dry-run': { type: 'boolean' } } });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const [out] = parsed.positionals;
if (out === undefined || parsed.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}
const dataDir = parsed.values.data ?? process.env.DATA_DIR ?? 'data';

const read = async (file: string) => {
  try {
    return await readFile(file, 'utf8');
  } catch {
    console.error(`${file}: cannot read the file`);
    process.exit(1);
  }
};
const proposals = {
  agencies: await read(join(out, 'agencies.csv')),
  reports: await read(join(out, 'reports.csv')),
  figures: await read(join(out, 'figures.csv')),
  decisions: existsSync(join(out, 'decisions.csv')) ? await read(join(out, 'decisions.csv')) : undefined,
};
const data = {
  agencies: await read(join(dataDir, 'agencies.csv')),
  reports: await read(join(dataDir, 'reports.csv')),
  figures: await read(join(dataDir, 'figures.csv')),
  metrics: await read(join(dataDir, 'metrics.csv')),
  corrections: await read(join(dataDir, 'corrections.csv')),
};

const result = mergeReviewed(proposals, data, { dir: dataDir, maxYear: new Date().getUTCFullYear() });
for (const l of result.left) console.error(`left out: ${l}`);
const { agencies, reports, figures } = result.merged;
if (result.texts === null) {
  for (const p of result.problems) console.error(formatProblem(p));
  console.error(
    `The merged data would not pass the data build (errors above; lines past the end of each file are the rows to merge). ` +
      `Nothing was written: fix the rows in ${out} and run again.`,
  );
  process.exit(1);
}
if (parsed.values['dry-run']) {
  console.error(`dry run: would merge ${agencies} agencies, ${reports} reports, ${figures} figures into ${dataDir}/`);
  process.exit(0);
}
await writeFile(join(dataDir, 'agencies.csv'), result.texts.agencies);
await writeFile(join(dataDir, 'reports.csv'), result.texts.reports);
await writeFile(join(dataDir, 'figures.csv'), result.texts.figures);
console.error(
  `merged ${agencies} agencies, ${reports} reports, ${figures} figures into ${dataDir}/; the data build accepts them (npm run data to build)`,
);
