/**
 * The data build: reads the curated CSV files, validates and derives, writes the dataset JSON the site reads
 * and the public downloads. Errors (with file:line:column) go to stderr and fail the run with exit code 1;
 * arithmetic warnings are listed but do not fail it.
 *
 *   node scripts/build-data.ts [--in DIR] [--out DIR]
 *
 * Defaults: --in $DATA_DIR or data/, --out $GENERATED_DIR or generated/.
 */
import { mkdir, open, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { parseArgs } from 'node:util';
import { buildDataset, type SourceTexts } from '../src/lib/pipeline/dataset.ts';
import type { FileContent } from '../src/lib/pipeline/downloads.ts';
import { generatedFiles } from '../src/lib/pipeline/outputs.ts';
import { formatProblem } from '../src/lib/pipeline/tables.ts';
import { generatedDir } from '../src/lib/core/paths.ts';

const { values } = parseArgs({
  options: { in: { type: 'string' }, out: { type: 'string' } },
});
const inDir = values.in ?? process.env.DATA_DIR ?? 'data';
const outDir = values.out ?? generatedDir();

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

/** Write a file; chunked content is buffered into writes of about a megabyte. */
async function write(target: string, content: FileContent): Promise<void> {
  await mkdir(dirname(target), { recursive: true });
  if (typeof content === 'string') return writeFile(target, content);
  const handle = await open(target, 'w');
  try {
    let buffer: string[] = [];
    let size = 0;
    for (const chunk of content) {
      buffer.push(chunk);
      size += chunk.length;
      if (size >= 1 << 20) {
        await handle.write(buffer.join(''));
        buffer = [];
        size = 0;
      }
    }
    await handle.write(buffer.join(''));
  } finally {
    await handle.close();
  }
}

await rm(outDir, { recursive: true, force: true });
let count = 0;
for (const [path, content] of generatedFiles(result.dataset)) {
  await write(join(outDir, path), content);
  count++;
}
console.error(`wrote ${count} files to ${outDir}/`);
