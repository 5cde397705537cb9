/**
 * Reading the five curated files from a folder: each must be a regular file, and together they must fit in
 * the memory the data build has. The build holds every row in memory (until it streams its input), and running
 * out of memory kills V8 with no message at all, so inputs that cannot fit are refused up front with one.
 */
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceTexts } from './dataset.ts';
import type { Problem } from './tables.ts';

export const SOURCE_NAMES = ['agencies', 'reports', 'figures', 'metrics', 'corrections'] as const;

/**
 * Heap the data build needs: a base plus a multiple of the CSV input, measured on synthetic national data
 * (scripts/bench/synthetic.ts, 300 and 1,000 agencies × 8 years: 41 MB of CSV needed 450–510 MB of heap,
 * 136 MB needed 1.15–1.35 GB). An estimate: input just under it may still run out, which the build thread's
 * guard reports (scripts/build-data.ts); input over it is refused before it is read.
 */
export const HEAP_BASE_BYTES = 64 * 2 ** 20;
export const HEAP_PER_INPUT_BYTE = 10;

/** V8 cannot hold a string longer than this (2^29 − 24 UTF-16 units); a UTF-8 file has at least as many bytes. */
const MAX_STRING_LENGTH = 0x1fffffe8;

const megabytes = (bytes: number) => `${(bytes / 1e6).toFixed(bytes < 1e7 ? 1 : 0)} MB`;

/** A heap size for messages: 128 MiB, 4.2 GiB. */
export const heapSize = (bytes: number) => (bytes < 2 ** 30 ? `${Math.round(bytes / 2 ** 20)} MiB` : `${(bytes / 2 ** 30).toFixed(1)} GiB`);

/**
 * What to do when the input does not fit: the heap it needs by the estimate (and at least `atLeast`, when a
 * heap of that size has already proved too small), as the option to give Node.
 */
export function tooLargeAdvice(inputBytes: number, atLeast = 0): string {
  const estimate = HEAP_BASE_BYTES + inputBytes * HEAP_PER_INPUT_BYTE * 1.2;
  const needed = Math.ceil(Math.max(estimate, atLeast) / 2 ** 20 / 256) * 256;
  return (
    'Until the data build streams its input, split the dataset or give the build more memory, e.g. ' +
    `NODE_OPTIONS=--max-old-space-size=${needed} npm run data`
  );
}

/** Bytes of the curated files that exist (for messages). */
export async function inputSize(dir: string): Promise<number> {
  const sizes = await Promise.all(
    SOURCE_NAMES.map((n) =>
      stat(join(dir, `${n}.csv`)).then(
        (s) => s.size,
        () => 0,
      ),
    ),
  );
  return sizes.reduce((a, b) => a + b, 0);
}

/** Why one path cannot be read as a data file, or null. */
async function fileProblem(file: string): Promise<{ problem: string } | { size: number }> {
  try {
    const info = await stat(file);
    if (info.isDirectory()) return { problem: 'this is a folder, not a file; the data folder needs a CSV file by this name' };
    if (!info.isFile()) return { problem: 'this is not a regular file (a device, pipe or socket); the data build reads only files' };
    return { size: info.size };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT')
      return { problem: `the file does not exist; the data folder needs ${SOURCE_NAMES.map((n) => `${n}.csv`).join(', ')}` };
    if (code === 'EACCES') return { problem: 'the file cannot be read: permission denied' };
    if (code === 'ELOOP') return { problem: 'the file is a symbolic link that leads back to itself' };
    return { problem: `the file cannot be read (${code ?? String(error)})` };
  }
}

/**
 * The five files' bytes, or the problems that stop the build before it reads anything: a file missing, a
 * folder or device in its place, or more input than the heap can hold.
 */
export async function readSourceFiles(
  dir: string,
  heapLimit: number,
): Promise<{ files: SourceTexts; problems: [] } | { files: null; problems: Problem[] }> {
  const paths = SOURCE_NAMES.map((name) => join(dir, `${name}.csv`));
  const checked = await Promise.all(paths.map(fileProblem));
  const at = (file: string) => ({ file, line: 1, column: 1 });
  const problems: Problem[] = checked.flatMap((c, i) => ('problem' in c ? [{ ...at(paths[i] ?? ''), message: c.problem }] : []));
  if (problems.length > 0) return { files: null, problems };

  const sizes = checked.map((c) => ('size' in c ? c.size : 0));
  const total = sizes.reduce((a, b) => a + b, 0);
  const largest = sizes.indexOf(Math.max(...sizes));
  const largestPath = paths[largest] ?? '';
  const largestSize = sizes[largest] ?? 0;
  const capacity = Math.max(0, Math.floor((heapLimit - HEAP_BASE_BYTES) / HEAP_PER_INPUT_BYTE));
  if (largestSize > MAX_STRING_LENGTH) {
    return {
      files: null,
      problems: [
        {
          ...at(largestPath),
          message: `the file is ${megabytes(largestSize)}, more than the data build can read as one text (${megabytes(MAX_STRING_LENGTH)}); split it until the data build streams its input. Nothing was read`,
        },
      ],
    };
  }
  if (total > capacity) {
    return {
      files: null,
      problems: [
        {
          ...at(largestPath),
          message:
            `the data files add up to ${megabytes(total)} (this one ${megabytes(largestSize)}), more than the data build can hold ` +
            `with its heap of ${heapSize(heapLimit)} (about ${megabytes(capacity)} of CSV). ${tooLargeAdvice(total)}. Nothing was read`,
        },
      ],
    };
  }
  const [agencies, reports, figures, metrics, corrections] = await Promise.all(paths.map((p) => readFile(p)));
  return {
    files: {
      agencies: agencies ?? new Uint8Array(),
      reports: reports ?? new Uint8Array(),
      figures: figures ?? new Uint8Array(),
      metrics: metrics ?? new Uint8Array(),
      corrections: corrections ?? new Uint8Array(),
    },
    problems: [],
  };
}
