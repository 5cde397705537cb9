/**
 * The data build's in-memory part alone: read the five CSV files and run buildDataset, writing nothing. The
 * benchmark runs it beside the full data build so that the cost of validating and deriving can be told apart
 * from the cost of writing the output, whatever layout the output has.
 *
 *   node scripts/bench/compute.ts DIR      prints one JSON line: read and build times, rows, errors
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDataset } from '../../src/lib/pipeline/dataset.ts';
import { SOURCE_NAMES } from '../../src/lib/pipeline/source-files.ts';

const dir = process.argv[2] ?? 'data';
const start = performance.now();
// Bytes, as the data build reads them, so that strict UTF-8 decoding is part of the measured cost.
const [agencies, reports, figures, metrics, corrections] = await Promise.all(
  SOURCE_NAMES.map((name) => readFile(join(dir, `${name}.csv`))),
);
const read = performance.now();
const empty = new Uint8Array();
const result = buildDataset(
  {
    agencies: agencies ?? empty,
    reports: reports ?? empty,
    figures: figures ?? empty,
    metrics: metrics ?? empty,
    corrections: corrections ?? empty,
  },
  { dir, maxYear: new Date().getUTCFullYear() },
);
const built = performance.now();
console.log(
  JSON.stringify({
    readMs: Math.round(read - start),
    buildMs: Math.round(built - read),
    rowsRead: result.summary.reduce((n, s) => n + s.read, 0),
    errors: result.problems.length,
    warnings: result.warnings.length,
    figures: result.dataset.figures.length,
  }),
);
