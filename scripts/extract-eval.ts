/**
 * Measure the extraction helper against the curated figures: runs it on saved pages named
 * `<report_id>.txt` or `<report_id>.html` and compares with data/figures.csv for those reports, per figure on
 * (metric, value, qualifier). Stated figures only: figures.csv holds no derived ones.
 *
 *   node scripts/extract-eval.ts DIR [--verbose]
 */
import { readdir, readFile } from 'node:fs/promises';
import { extname, join, basename } from 'node:path';
import { parseArgs } from 'node:util';
import { agencyRefs, decodeBytes, extractReport } from '../src/lib/extract/index.ts';
import { COLUMNS, figureRow } from '../src/lib/core/schema.ts';
import { readTable } from '../src/lib/pipeline/tables.ts';

const USAGE = 'usage: npm run extract:eval -- DIR [--verbose]\n  DIR  saved report pages named <report_id>.txt or <report_id>.html';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { verbose: { type: 'boolean' } } });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const [dir] = parsed.positionals;
if (dir === undefined || parsed.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

const dataDir = new URL('../data/', import.meta.url);
const agencies = agencyRefs(await readFile(new URL('agencies.csv', dataDir), 'utf8'));
const curated = readTable('figures.csv', await readFile(new URL('figures.csv', dataDir), 'utf8'), COLUMNS.figures, figureRow).rows.map(
  (r) => r.value,
);

let files: string[];
try {
  files = (await readdir(dir)).filter((f) => /\.(txt|html?)$/i.test(f)).sort();
} catch (error) {
  console.error(`${dir}: cannot read the folder: ${String(error)}`);
  process.exit(1);
}

const key = (f: { metric: string; value: number; qualifier: string }) => `${f.metric}=${f.value} (${f.qualifier})`;
let truePositives = 0;
const falsePositives: string[] = [];
const falseNegatives: string[] = [];
let identified = 0;
let pages = 0;

for (const file of files) {
  const reportId = basename(file, extname(file));
  const expected = curated.filter((f) => f.report_id === reportId);
  if (expected.length === 0) {
    console.error(`skipped ${file}: no curated figures for ${reportId}`);
    continue;
  }
  const decoded = decodeBytes(await readFile(join(dir, file)));
  if (!decoded.ok) {
    console.error(`skipped ${file}: ${decoded.reason}`);
    continue;
  }
  pages++;
  const detected = extractReport(decoded.text, { agencies }).report_id;
  if (detected === reportId) identified++;
  else console.log(`${reportId}: identified as ${detected}`);
  const proposed = extractReport(decoded.text, { agencies, reportId });
  const want = new Set(expected.map(key));
  const got = new Set(proposed.figures.map(key));
  for (const k of got) {
    if (want.has(k)) truePositives++;
    else falsePositives.push(`${reportId} ${k}`);
  }
  for (const k of want) if (!got.has(k)) falseNegatives.push(`${reportId} ${k}`);
  if (parsed.values.verbose) for (const w of proposed.warnings) console.log(`${reportId}: warning: ${w}`);
}

const ratio = (a: number, b: number) => (b === 0 ? 'n/a' : `${((100 * a) / b).toFixed(1)} %`);
console.log(`\nfalse positives (${falsePositives.length}):`);
for (const f of falsePositives) console.log(`  + ${f}`);
console.log(`false negatives (${falseNegatives.length}):`);
for (const f of falseNegatives) console.log(`  - ${f}`);
console.log(
  `\n${pages} pages; ${truePositives} figures right, ${falsePositives.length} wrong or extra, ${falseNegatives.length} missed\n` +
    `precision ${ratio(truePositives, truePositives + falsePositives.length)}, recall ${ratio(truePositives, truePositives + falseNegatives.length)}; ` +
    `report id (agency + year) right for ${identified} of ${pages}`,
);
