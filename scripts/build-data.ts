/**
 * The data build: reads the curated CSV files, validates and derives, writes the dataset JSON the site reads
 * and the public downloads. Errors (with file:line:column) go to stderr and fail the run with exit code 1;
 * arithmetic warnings are listed but do not fail it.
 *
 *   node scripts/build-data.ts [--in DIR] [--out DIR]
 *
 * Defaults: --in $DATA_DIR or data/, --out $GENERATED_DIR or generated/. The output folder is replaced as a
 * whole, so it may not be, contain or lie inside the input folder, nor be a non-empty folder the build did not
 * write (exit code 2). It is swapped in only when complete: on any failure the previous output stays.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset, type SourceTexts } from '../src/lib/pipeline/dataset.ts';
import { generatedFiles } from '../src/lib/pipeline/outputs.ts';
import { OutputError, refuseOutputFolder, replaceOutputFolder } from '../src/lib/pipeline/output-folder.ts';
import { formatProblem } from '../src/lib/pipeline/tables.ts';
import { generatedDir } from '../src/lib/core/paths.ts';

const { values } = parseArgs({
  options: { in: { type: 'string' }, out: { type: 'string' } },
});
const inDir = values.in ?? process.env.DATA_DIR ?? 'data';
const outDir = values.out ?? generatedDir();

const refusal = await refuseOutputFolder(inDir, outDir);
if (refusal !== null) {
  console.error(`Refusing to build: ${refusal}. Nothing was read or written.`);
  process.exit(2);
}

async function readSource(name: keyof SourceTexts): Promise<string | null> {
  const file = join(inDir, `${name}.csv`);
  try {
    return await readFile(file, 'utf8');
  } catch {
    console.error(`${file}:1:1: cannot read the file; it must exist in the data folder (${inDir})`);
    return null;
  }
}

const names = ['agencies', 'reports', 'figures', 'metrics', 'corrections'] as const;
const texts = await Promise.all(names.map(readSource));
if (texts.some((t) => t === null)) process.exit(1);
const [agencies, reports, figures, metrics, corrections] = texts as string[];

const result = buildDataset(
  { agencies: agencies ?? '', reports: reports ?? '', figures: figures ?? '', metrics: metrics ?? '', corrections: corrections ?? '' },
  { dir: inDir, maxYear: new Date().getUTCFullYear() },
);

for (const p of result.problems) console.error(formatProblem(p));
for (const w of result.warnings) console.error(`warning ${w.rule} ${w.report_id}: ${w.message_en}`);
for (const s of result.summary) {
  console.error(`${s.file}: read ${s.read}, accepted ${s.accepted}, rejected ${s.rejected}`);
}
console.error(
  `${result.problems.length} error(s), ${result.warnings.length} warning(s); ` +
    `${result.dataset.agencies.length} agencies, ${result.dataset.reports.length} reports, ${result.dataset.figures.length} figures (stated and derived)`,
);
if (result.problems.length > 0) {
  console.error('The data has errors: fix the rows named above (nothing was written).');
  process.exit(1);
}

try {
  const count = await replaceOutputFolder(outDir, generatedFiles(result.dataset));
  console.error(`wrote ${count} files to ${outDir}/`);
} catch (error) {
  if (!(error instanceof OutputError)) throw error;
  console.error(`The output could not be written: ${error.message}. The previous output in ${outDir}/ was left as it was.`);
  process.exit(1);
}
