/**
 * Propose data/ rows from saved report pages, for a curator to review.
 *
 *   node scripts/extract.ts FILE [--json] [--report ID]
 *   node scripts/extract.ts DIR --out OUT [--data DIR]
 *
 * With a FILE: CSV rows for data/figures.csv on stdout and warnings on stderr; with --json one object with the
 * figures (each with its source sentence) and warnings. With a DIR (.html, .txt and JSONL {url, title, text}
 * pages, read in one process): OUT/agencies.csv (agencies not yet in data/), OUT/reports.csv, OUT/figures.csv —
 * every row review=pending — and OUT/review.html. `--data` names the data folder whose agencies and reports count as
 * known (default data/). Exit codes: 0 done, 1 input cannot be read, 2 bad arguments.
 */
import { createHash } from 'node:crypto';
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { agencyRefs, decodeBytes, extractReport, figureCsv } from '../src/lib/extract/index.ts';
import { OUT_COLUMNS, proposeBatch, toCsv } from '../src/lib/extract/batch.ts';
import { readPages } from '../src/lib/extract/pages.ts';
import { reviewHtml, type MetricLabel } from '../src/lib/extract/review.ts';
import Papa from 'papaparse';

const USAGE =
  'usage: npm run extract -- FILE [--json] [--report ID]\n' +
  '       npm run extract -- DIR --out OUT [--data DIR]\n' +
  '  FILE  a saved report page (.html or .txt; UTF-8, GBK or GB18030)\n' +
  '  DIR   a folder of pages (.html, .txt, and .jsonl of {url, title, text}); OUT receives the proposals and review.html\n' +
  '  --data DIR  the data folder whose agencies and reports are known (default data/)';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { json: { type: 'boolean' }, report: { type: 'string' }, out: { type: 'string' }, data: { type: 'string' } },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const [input, ...extra] = parsed.positionals;
if (input === undefined || extra.length > 0) {
  console.error(`${input === undefined ? 'no FILE or DIR given' : `one FILE or DIR only, got ${parsed.positionals.length}`}\n${USAGE}`);
  process.exit(2);
}

const dataDir = parsed.values.data === undefined ? new URL('../data/', import.meta.url) : pathToFileURL(`${resolve(parsed.values.data)}/`);
const agencies = agencyRefs(await readFile(new URL('agencies.csv', dataDir), 'utf8'));

let isDir = false;
try {
  isDir = (await stat(input)).isDirectory();
} catch (error) {
  const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
  console.error(`${input}: cannot read the file: ${reason}`);
  process.exit(1);
}

if (isDir) {
  const out = parsed.values.out;
  if (out === undefined || parsed.values.json || parsed.values.report !== undefined) {
    console.error(`a folder needs --out OUT (and takes neither --json nor --report)\n${USAGE}`);
    process.exit(2);
  }
  const { pages, problems } = await readPages(input);
  for (const p of problems) console.error(`skipped ${p.origin}: ${p.message}`);
  const known = new Set(
    Papa.parse<Record<string, string>>(await readFile(new URL('reports.csv', dataDir), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.map((r) => r.id ?? ''),
  );
  const batch = proposeBatch(pages, { agencies, knownReports: known });
  const labels = new Map<string, MetricLabel>(
    Papa.parse<Record<string, string>>(await readFile(new URL('metrics.csv', dataDir), 'utf8'), {
      header: true,
      skipEmptyLines: true,
    }).data.map((m) => [m.key ?? '', { zh: m.label_zh ?? '', en: m.label_en ?? '' }]),
  );
  await mkdir(out, { recursive: true });
  const files = {
    'agencies.csv': toCsv(batch.agencies, OUT_COLUMNS.agencies),
    'reports.csv': toCsv(batch.reports, OUT_COLUMNS.reports),
    'figures.csv': toCsv(batch.figures, OUT_COLUMNS.figures),
  };
  // The batch's id keeps the browser's stored decisions of one batch apart from another's.
  const id = createHash('sha256').update(Object.values(files).join('')).digest('hex').slice(0, 16);
  for (const [name, text] of Object.entries(files)) await writeFile(join(out, name), text);
  await writeFile(join(out, 'review.html'), reviewHtml({ batch, id, labels }));
  const unidentified = batch.pages.filter((p) => p.report === null && p.duplicateOf === null).length;
  const duplicates = batch.pages.filter((p) => p.duplicateOf !== null).length;
  console.error(
    `${pages.length} pages: ${batch.reports.length} reports, ${batch.figures.length} figures, ${batch.agencies.length} new agencies proposed` +
      `${unidentified > 0 ? `; ${unidentified} pages without agency or year (listed in review.html only)` : ''}` +
      `${duplicates > 0 ? `; ${duplicates} pages repeat a report id of an earlier page (listed in review.html only)` : ''}\n` +
      `wrote ${out}/agencies.csv, reports.csv, figures.csv (every row review=pending) and review.html; ` +
      `review them, then: npm run extract:merge -- ${out}`,
  );
  process.exit(0);
}

let bytes: Uint8Array;
try {
  bytes = await readFile(input);
} catch (error) {
  console.error(`${input}: cannot read the file: ${String(error)}`);
  process.exit(1);
}
const decoded = decodeBytes(bytes);
if (!decoded.ok) {
  console.error(`${input}: cannot decode the file: ${decoded.reason}`);
  process.exit(1);
}

const result = extractReport(decoded.text, {
  agencies,
  reportId: parsed.values.report,
  html: /\.html?$/i.test(input) ? true : undefined,
});

if (parsed.values.json) {
  const { agency, year, template, scope, report_id, figures, warnings } = result;
  const { printed, name, id, how, level } = agency;
  process.stdout.write(
    JSON.stringify(
      {
        agency: { printed, name, id, how, level, sector: agency.sector?.key ?? null },
        year,
        template,
        scope,
        report_id,
        figures,
        warnings,
      },
      null,
      2,
    ) + '\n',
  );
} else {
  process.stdout.write(figureCsv(result));
  for (const w of result.warnings) console.error(`warning: ${w}`);
  console.error(`${input}: ${result.figures.length} figure(s) proposed for ${result.report_id}; review every row before pasting`);
}
