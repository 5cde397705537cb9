/**
 * Measure the extraction helper against truth written by hand. Two kinds of folder:
 *
 * - saved pages named `<report_id>.txt|.html`: the truth is data/ (figures.csv, with the report's year and
 *   scope from reports.csv and the agency from agencies.csv);
 * - JSONL pages `{url, title, text}` with a `truth.csv` beside them (url, report_id, agency_id, name_zh, year,
 *   scope, kind, metric, value, qualifier): the truth is found by URL.
 *
 *   node scripts/extract-eval.ts DIR [--truth FILE] [--verbose] [--json]
 *
 * `--truth FILE` reads the truth by URL from FILE instead of DIR/truth.csv (e.g. the committed held-out truth,
 * tests/extract-truth/heldout.csv, beside held-out pages obtained elsewhere).
 *
 * Prints precision and recall per kind of agency (transport against the other kinds, and each kind), agency,
 * year and scope accuracy, and the errors by class. A figure is right when metric, value and qualifier match.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import Papa from 'papaparse';
import { agencyRefs, extractReport } from '../src/lib/extract/index.ts';
import { formatScore, readableText, score, type Kind, type Scored, type TruthReport } from '../src/lib/extract/evaluate.ts';
import { readPages, type Page } from '../src/lib/extract/pages.ts';
import { agencyRow, COLUMNS, figureRow, reportRow } from '../src/lib/core/schema.ts';
import { readTable } from '../src/lib/pipeline/tables.ts';
import { htmlToText, looksLikeHtml } from '../src/lib/extract/html.ts';

const USAGE =
  'usage: npm run extract:eval -- DIR [--truth FILE] [--verbose] [--json]\n' +
  '  DIR  saved pages named <report_id>.txt|.html (truth from data/), or pages.jsonl with truth.csv (truth by URL)\n' +
  '  --truth FILE  truth by URL from FILE instead of DIR/truth.csv';

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: { verbose: { type: 'boolean' }, json: { type: 'boolean' }, truth: { type: 'string' } },
  });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const [dir] = parsed.positionals;
const truthOption: string | undefined = parsed.values.truth;
if (dir === undefined || parsed.positionals.length > 1) {
  console.error(USAGE);
  process.exit(2);
}

const dataDir = new URL('../data/', import.meta.url);
const readData = (name: string) => readFile(new URL(name, dataDir), 'utf8');
const agencies = agencyRefs(await readData('agencies.csv'));

/** Truth keyed by URL (truth.csv) or by report id (data/). */
async function loadTruth(): Promise<{ by: 'url' | 'report_id'; reports: Map<string, TruthReport> }> {
  const reports = new Map<string, TruthReport>();
  const truthFile = truthOption ?? join(dir ?? '.', 'truth.csv');
  if (truthOption !== undefined && !existsSync(truthFile)) {
    console.error(`${truthFile}: no such file\n${USAGE}`);
    process.exit(2);
  }
  if (existsSync(truthFile)) {
    const rows = Papa.parse<Record<string, string>>(await readFile(truthFile, 'utf8'), { header: true, skipEmptyLines: true }).data;
    for (const r of rows) {
      const url = r.url ?? '';
      let report = reports.get(url);
      if (!report) {
        report = {
          report_id: r.report_id ?? '',
          agency_id: r.agency_id ?? '',
          name_zh: r.name_zh ?? '',
          year: Number(r.year),
          scope: r.scope ?? '',
          kind: (r.kind ?? 'department') as Kind,
          figures: [],
        };
        reports.set(url, report);
      }
      if (r.metric) report.figures.push({ metric: r.metric, value: Number(r.value), qualifier: r.qualifier || 'exact' });
    }
    return { by: 'url', reports };
  }
  const agencyRows = readTable('agencies.csv', await readData('agencies.csv'), COLUMNS.agencies, agencyRow).rows.map((r) => r.value);
  const reportRows = readTable('reports.csv', await readData('reports.csv'), COLUMNS.reports, reportRow(9999)).rows.map((r) => r.value);
  const figureRows = readTable('figures.csv', await readData('figures.csv'), COLUMNS.figures, figureRow).rows.map((r) => r.value);
  for (const report of reportRows) {
    const agency = agencyRows.find((a) => a.id === report.agency_id);
    const level: string = agency?.level ?? '';
    const kind: Kind =
      agency?.sector === 'transport'
        ? 'transport'
        : agency?.sector === 'government'
          ? 'government'
          : level === 'national'
            ? 'national'
            : 'department';
    reports.set(report.id, {
      report_id: report.id,
      agency_id: report.agency_id,
      name_zh: agency?.name_zh ?? '',
      year: report.year,
      scope: report.scope,
      kind,
      figures: [],
    });
  }
  for (const f of figureRows) reports.get(f.report_id)?.figures.push({ metric: f.metric, value: f.value, qualifier: f.qualifier });
  return { by: 'report_id', reports };
}

const truth = await loadTruth();
let read;
try {
  read = await readPages(dir);
} catch (error) {
  console.error(`${dir}: cannot read the folder: ${String(error)}`);
  process.exit(1);
}
for (const p of read.problems) console.error(`skipped ${p.origin}: ${p.message}`);

const pageText = (page: Page) => (page.title === '' ? page.raw : `${page.title}\n${page.raw}`);
const items: Scored[] = [];
let withoutTruth = 0;
const seen = new Set<string>();
for (const page of read.pages) {
  const key = truth.by === 'url' ? (page.url ?? '') : page.name;
  const expected = truth.reports.get(key);
  if (!expected || expected.figures.length === 0) {
    withoutTruth++;
    continue;
  }
  seen.add(key);
  const raw = pageText(page);
  const result = extractReport(raw, { agencies, html: page.html, url: page.url });
  const html = page.html ?? looksLikeHtml(raw);
  items.push({
    page: page.url ?? page.origin,
    text: readableText(html ? htmlToText(raw) : raw),
    truth: expected,
    attempt: {
      agencyId: result.agency.id,
      agencyName: result.agency.name,
      year: result.year,
      scope: result.scope,
      figures: result.figures,
    },
  });
}

const result = score(items);
if (parsed.values.json) {
  const { errors, identity, ...summary } = result;
  process.stdout.write(
    JSON.stringify(parsed.values.verbose ? result : { ...summary, errors: errors.length, identity: identity.length }, null, 2) + '\n',
  );
} else {
  const missingPages = [...truth.reports.keys()].filter((k) => !seen.has(k) && (truth.reports.get(k)?.figures.length ?? 0) > 0).length;
  console.log(
    `${dir}: ${items.length} pages scored against ${truth.by === 'url' ? `${truthOption ?? 'truth.csv'} (by URL)` : 'data/ (by report id)'}` +
      `${withoutTruth > 0 ? `; ${withoutTruth} page(s) without truth not scored` : ''}` +
      `${truth.by === 'url' && missingPages > 0 ? `; ${missingPages} truth report(s) without a page` : ''}\n`,
  );
  console.log(formatScore(result, { verbose: parsed.values.verbose ?? false }));
}
