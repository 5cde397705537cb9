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
 *
 * The build holds the whole dataset in memory. It runs in a worker thread with the process's heap limit, so
 * running out of memory ends with a message and the previous output in place, not with V8's abort; input
 * that clearly cannot fit is refused before it is read (src/lib/pipeline/source-files.ts).
 */
import { getHeapStatistics } from 'node:v8';
import { Worker, isMainThread, workerData } from 'node:worker_threads';
import { parseArgs } from 'node:util';
import { showInvisible } from '../src/lib/core/characters.ts';
import { buildDataset } from '../src/lib/pipeline/dataset.ts';
import { generatedFiles } from '../src/lib/pipeline/outputs.ts';
import { OutputError, recoverUnfinishedOutput, refuseOutputFolder, replaceOutputFolder } from '../src/lib/pipeline/output-folder.ts';
import { heapSize, inputSize, readSourceFiles, tooLargeAdvice } from '../src/lib/pipeline/source-files.ts';
import { formatProblem } from '../src/lib/pipeline/tables.ts';
import { generatedDir } from '../src/lib/core/paths.ts';

interface Job {
  inDir: string;
  outDir: string;
  /** Heap the build thread may use, in bytes. */
  heapLimit: number;
}

if (isMainThread) {
  const { values } = parseArgs({
    options: { in: { type: 'string' }, out: { type: 'string' } },
  });
  const inDir = values.in ?? process.env.DATA_DIR ?? 'data';
  const outDir = values.out ?? generatedDir();

  const refusal = await refuseOutputFolder(inDir, outDir);
  if (refusal !== null) {
    console.error(showInvisible(`Refusing to build: ${refusal}. Nothing was read or written.`));
    process.exit(2);
  }

  const heapLimit = buildHeapLimit();
  const job: Job = { inDir, outDir, heapLimit };
  const worker = new Worker(new URL(import.meta.url), {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: Math.floor(heapLimit / 2 ** 20) },
  });
  worker.on('error', async (error: NodeJS.ErrnoException) => {
    if (error.code !== 'ERR_WORKER_OUT_OF_MEMORY') throw error;
    await recoverUnfinishedOutput(outDir);
    const size = await inputSize(inDir);
    console.error(
      showInvisible(
        `The data build ran out of memory with ${(size / 1e6).toFixed(1)} MB of CSV in ${inDir} and a heap of ` +
          `${heapSize(heapLimit)}. ${tooLargeAdvice(size, heapLimit * 2)}. Nothing was written; the previous output in ${outDir}/ is as it was.`,
      ),
    );
    process.exit(1);
  });
  worker.on('exit', (code) => {
    process.exitCode = code;
  });
} else {
  // Exit codes are set rather than exited with, so everything printed reaches the terminal first.
  await build(workerData as Job);
}

/**
 * The heap the build thread gets: what --max-old-space-size says (in NODE_OPTIONS or on the command line; V8
 * applies it to every thread, whatever the worker asks for), or else V8's default limit for this machine.
 */
function buildHeapLimit(): number {
  const options = [...process.execArgv, ...(process.env.NODE_OPTIONS ?? '').split(/\s+/)];
  const flag = options.flatMap((o) => /^--max[-_]old[-_]space[-_]size=(\d+)$/.exec(o)?.[1] ?? []).at(-1);
  return flag === undefined ? getHeapStatistics().heap_size_limit : Number(flag) * 2 ** 20;
}

async function build({ inDir, outDir, heapLimit }: Job): Promise<void> {
  const sources = await readSourceFiles(inDir, heapLimit);
  if (sources.files === null) {
    for (const p of sources.problems) console.error(formatProblem(p));
    console.error('The data folder cannot be read: fix the files named above (nothing was written).');
    process.exitCode = 1;
    return;
  }

  const result = buildDataset(sources.files, { dir: inDir, maxYear: new Date().getUTCFullYear() });

  for (const p of result.problems) console.error(formatProblem(p));
  for (const w of result.warnings) console.error(showInvisible(`warning ${w.rule} ${w.report_id}: ${w.message_en}`));
  for (const s of result.summary) {
    console.error(showInvisible(`${s.file}: read ${s.read}, accepted ${s.accepted}, rejected ${s.rejected}`));
  }
  console.error(
    `${result.problems.length} error(s), ${result.warnings.length} warning(s); ` +
      `${result.dataset.agencies.length} agencies, ${result.dataset.reports.length} reports, ${result.dataset.figures.length} figures (stated and derived)`,
  );
  if (result.problems.length > 0) {
    console.error('The data has errors: fix the rows named above (nothing was written).');
    process.exitCode = 1;
    return;
  }

  try {
    const count = await replaceOutputFolder(outDir, generatedFiles(result.dataset));
    console.error(showInvisible(`wrote ${count} files to ${outDir}/`));
  } catch (error) {
    if (!(error instanceof OutputError)) throw error;
    console.error(
      showInvisible(`The output could not be written: ${error.message}. The previous output in ${outDir}/ was left as it was.`),
    );
    process.exitCode = 1;
  }
}
