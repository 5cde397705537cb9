/**
 * Propose data/figures.csv rows from a saved report page, for a curator to review.
 *
 *   node scripts/extract.ts FILE [--json] [--report ID]
 *
 * Prints CSV rows (with header) on stdout and warnings on stderr; with --json one object with the figures and
 * warnings. Exit codes: 0 done, 1 the file cannot be read or decoded, 2 bad arguments.
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { agencyRefs, decodeBytes, extractReport, figureCsv } from '../src/lib/extract/index.ts';

const USAGE = 'usage: npm run extract -- FILE [--json] [--report ID]\n  FILE  a saved report page (.html or .txt; UTF-8, GBK or GB18030)';

let parsed;
try {
  parsed = parseArgs({ allowPositionals: true, options: { json: { type: 'boolean' }, report: { type: 'string' } } });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${USAGE}`);
  process.exit(2);
}
const [file, ...extra] = parsed.positionals;
if (file === undefined || extra.length > 0) {
  console.error(`${file === undefined ? 'no FILE given' : `one FILE only, got ${parsed.positionals.length}`}\n${USAGE}`);
  process.exit(2);
}

let bytes: Uint8Array;
try {
  bytes = await readFile(file);
} catch (error) {
  const reason = error instanceof Error && 'code' in error && error.code === 'ENOENT' ? 'no such file' : String(error);
  console.error(`${file}: cannot read the file: ${reason}`);
  process.exit(1);
}
const decoded = decodeBytes(bytes);
if (!decoded.ok) {
  console.error(`${file}: cannot decode the file: ${decoded.reason}`);
  process.exit(1);
}

const result = extractReport(decoded.text, {
  agencies: agencyRefs(await readFile(new URL('../data/agencies.csv', import.meta.url), 'utf8')),
  reportId: parsed.values.report,
  html: /\.html?$/i.test(file) ? true : undefined,
});

if (parsed.values.json) {
  const { agency, year, template, report_id, figures, warnings } = result;
  process.stdout.write(JSON.stringify({ agency, year, template, report_id, figures, warnings }, null, 2) + '\n');
} else {
  process.stdout.write(figureCsv(result));
  for (const w of result.warnings) console.error(`warning: ${w}`);
  console.error(`${file}: ${result.figures.length} figure(s) proposed for ${result.report_id}; review every row before pasting`);
}
