/**
 * The data build over files, with memory that does not grow with the figure rows. figures.csv is read in pieces
 * (csv-stream.ts); each row is checked as it is read and set aside, by its agency, in one of a few spill files
 * in a temporary folder, each holding a contiguous range of agency ids. The spill files are then read one at a
 * time: each agency in it is folded (dataset.ts), its figures written to its download files and appended to the
 * whole-dataset CSV, and only what rankings and headline cards need is kept. Rankings, the site's agency files
 * and index come last. Curated files may list figures in any order: the spill groups them.
 *
 * Everything is written into the output's temporary folder (output-folder.ts), swapped in only when the build
 * found no error.
 */
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { readCsvFile } from './csv-stream.ts';
import {
  agencySummary,
  benchmarksByAgency,
  checkCorrections,
  checkFigure,
  figureCause,
  foldAgency,
  locatedProblems,
  rankAgencies,
  readCatalogue,
  sortProblems,
  sortWarnings,
  storedFigure,
  summaryInput,
  type AgencySummaryInput,
  type BuildOptions,
  type CatalogueTexts,
  type FileSummary,
  type FoldProblem,
  type StoredFigure,
} from './dataset.ts';
import { coverage } from './derive.ts';
import { agencyDownload, countMetrics, indexDownloads, TIDY_HEADER, tidyLines } from './downloads.ts';
import { OutputFolder } from './output-folder.ts';
import { detailFile, siteIndex } from './outputs.ts';
import { streamTable, type Problem } from './tables.ts';
import { stableStringify } from '../core/json.ts';
import { COLUMNS, figureRow, type ReportOut, type WarningOut } from '../core/schema.ts';

/** Input bytes of figures.csv per spill file: what one fold step holds in memory (about 25 bytes of heap each). */
const SPILL_BYTES = 24 << 20;

export interface StreamResult {
  problems: Problem[];
  warnings: WarningOut[];
  summary: FileSummary[];
  agencies: number;
  reports: number;
  figures: number;
  /** The output, complete in its temporary folder: commit() swaps it in, discard() removes it. */
  output: OutputFolder;
}

type FigureRowValue = z.output<typeof figureRow>;

/** A row in a spill file, after its agency's id: tab-separated (tabs cannot be in a cell); the note's line breaks escaped. */
const escapeNote = (note: string) => note.replace(/[\\\n\r]/g, (c) => ({ '\\': '\\\\', '\n': '\\n', '\r': '\\r' })[c] ?? c);
const unescapeNote = (note: string) => note.replace(/\\[\\nr]/g, (e) => ({ '\\\\': '\\', '\\n': '\n', '\\r': '\r' })[e] ?? e);
const spillLine = (agencyId: string, f: StoredFigure) =>
  `${agencyId}\t${f.report_id}\t${f.metric}\t${f.value}\t${f.qualifier}\t${f.locator}\t${escapeNote(f.note)}\t${f.line}\n`;
/** The rows of a spill file by agency, each agency's in file order. */
function readSpill(text: string): Map<string, StoredFigure[]> {
  const byAgency = new Map<string, StoredFigure[]>();
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const [agencyId = '', report_id = '', metric = '', value = '', qualifier = '', locator = '', note = '', at = ''] = line.split('\t');
    const rows = byAgency.get(agencyId) ?? [];
    byAgency.set(agencyId, rows);
    rows.push({
      report_id,
      metric,
      value: Number(value),
      qualifier: qualifier as FigureRowValue['qualifier'],
      locator,
      note: unescapeNote(note),
      line: Number(at),
    });
  }
  return byAgency;
}

/** Spill files for ranges of agency ids, balanced by their number of reports. */
class Spill {
  readonly #dir: string;
  readonly #bucketOf = new Map<string, number>();
  readonly #buffers: string[][];
  readonly #sizes: number[];
  readonly #files: number[];
  /** The agencies of each spill file, in id order. */
  readonly agencies: string[][];

  constructor(dir: string, agencyIds: readonly string[], weight: (id: string) => number, buckets: number) {
    this.#dir = dir;
    const total = agencyIds.reduce((n, id) => n + weight(id), 0);
    this.agencies = Array.from({ length: buckets }, () => []);
    let done = 0;
    for (const id of agencyIds) {
      const bucket = Math.min(buckets - 1, Math.floor((done / Math.max(1, total)) * buckets));
      this.#bucketOf.set(id, bucket);
      this.agencies[bucket]?.push(id);
      done += weight(id);
    }
    this.#buffers = this.agencies.map(() => []);
    this.#sizes = this.agencies.map(() => 0);
    this.#files = this.agencies.map((_, i) => openSync(this.#path(i), 'w'));
  }

  #path(bucket: number): string {
    return join(this.#dir, `${bucket}.tsv`);
  }

  add(agencyId: string, row: StoredFigure): void {
    const bucket = this.#bucketOf.get(agencyId) ?? 0;
    const line = spillLine(agencyId, row);
    this.#buffers[bucket]?.push(line);
    this.#sizes[bucket] = (this.#sizes[bucket] ?? 0) + line.length;
    if ((this.#sizes[bucket] ?? 0) > 1 << 20) this.#flush(bucket);
  }

  #flush(bucket: number): void {
    writeSync(this.#files[bucket] ?? -1, (this.#buffers[bucket] ?? []).join(''));
    this.#buffers[bucket] = [];
    this.#sizes[bucket] = 0;
  }

  close(): void {
    for (const [i, file] of this.#files.entries()) {
      this.#flush(i);
      closeSync(file);
    }
  }

  /** The rows of one spill file, by agency, each agency's in file order. */
  read(bucket: number): Map<string, StoredFigure[]> {
    return readSpill(readFileSync(this.#path(bucket), 'utf8'));
  }
}

/**
 * Run the data build: `files` are the catalogue files' bytes, `figuresPath` the figure file read in pieces, the
 * output written into a temporary folder beside `outDir`.
 */
export async function streamBuild(
  files: CatalogueTexts,
  figuresPath: string,
  outDir: string,
  options: BuildOptions,
): Promise<StreamResult> {
  const cat = readCatalogue(files, options);
  const figuresFile = cat.path('figures');
  const agencyIds = cat.agencies.rows.map((r) => r.value.id).sort();
  const { size } = await stat(figuresPath);
  const spillDir = await mkdtemp(join(tmpdir(), 'data-build-spill-'));
  const output = await OutputFolder.open(outDir);
  try {
    const spill = new Spill(
      spillDir,
      agencyIds,
      (id) => Math.max(1, cat.reportsByAgency.get(id)?.length ?? 0),
      Math.max(1, Math.ceil(size / SPILL_BYTES)),
    );
    const agencyOfReport = (reportId: string) => cat.reportById.get(reportId)?.agency_id ?? '';

    // Read: every row checked on its own and set aside by agency.
    const figures = await streamTable(
      figuresFile,
      readCsvFile(figuresPath),
      COLUMNS.figures,
      figureRow,
      (row) => {
        const errors = checkFigure(cat, row.value);
        if (errors.length === 0) spill.add(agencyOfReport(row.value.report_id), storedFigure(row));
        return errors;
      },
      figureCause(cat),
    );
    spill.close();

    // Fold, agency by agency in id order, writing each one's downloads as it goes.
    const metrics = new Map(cat.metricList.map((m) => [m.key, m]));
    const agencyById = cat.agencyById;
    const tidy = await output.append('downloads/figures.csv.gz');
    await tidy.write(TIDY_HEADER);
    const inputs: AgencySummaryInput[] = [];
    const warnings: WarningOut[] = [];
    const reports: ReportOut[] = [];
    const foldProblems: FoldProblem[] = [];
    const values = new Map<string, Map<string, number>>();
    const counts = new Map<string, number>();
    let figureCount = 0;
    for (const [bucket, ids] of spill.agencies.entries()) {
      const rows = spill.read(bucket);
      for (const id of ids) {
        const agency = agencyById.get(id);
        if (!agency) continue;
        const fold = foldAgency(cat, agency, rows.get(id) ?? []);
        rows.delete(id);
        foldProblems.push(...fold.problems);
        for (const [report, byMetric] of fold.correctedValues) values.set(report, byMetric);
        const input = summaryInput(fold);
        inputs.push(input);
        warnings.push(...fold.warnings);
        reports.push(...fold.reports);
        figureCount += fold.figures.length;
        countMetrics(counts, fold.series);
        if (foldProblems.length > 0 || figures.problems.length > 0) continue;
        const record = agencySummary(input, []);
        const download = {
          agency: record,
          reports: fold.reports,
          figures: fold.figures,
          warnings: sortWarnings(fold.warnings),
        };
        const [path, content] = agencyDownload(download);
        await output.write(`downloads/${path}`, content);
        await tidy.write(tidyLines(download, metrics));
      }
    }
    await tidy.close();

    // Errors found in a fold name a row by its line; its columns are found by reading the file once more.
    if (foldProblems.length > 0) {
      const lines = new Map(foldProblems.map((p) => [p.line, { line: p.line, column: 1 }]));
      const at = new Map<string, { line: number; column: number }>();
      for await (const part of readCsvFile(figuresPath).parts) {
        for (const record of part.records) {
          if (!lines.has(record.line)) continue;
          for (const column of ['metric', 'value'] as const) {
            const position = record.positions[part.header.indexOf(column)];
            if (position) at.set(`${record.line}|${column}`, position);
          }
        }
      }
      figures.problems.push(
        ...locatedProblems(
          figuresFile,
          foldProblems,
          (line, column) => at.get(`${line}|${column}`) ?? lines.get(line) ?? { line, column: 1 },
        ),
      );
      const rejected = new Set(foldProblems.map((p) => p.line)).size;
      figures.rejected += rejected;
      figures.accepted -= rejected;
    }
    const corrections = checkCorrections(cat, figures, values);
    const tables = [cat.metrics, cat.agencies, cat.reports, figures, cat.corrections];
    const problems = tables.flatMap((t) => sortProblems(t.problems));
    const sorted = sortWarnings(warnings);
    const result = {
      problems,
      warnings: sorted,
      summary: tables.map((t) => ({
        file: t.file,
        read: t.read,
        accepted: 'accepted' in t ? t.accepted : t.rows.length,
        rejected: t.rejected,
      })),
      agencies: inputs.length,
      reports: reports.length,
      figures: figureCount,
      output,
    };
    if (problems.length > 0) return result;

    // Rankings, then what the site reads: each agency's file, the rankings and the index.
    const rankings = rankAgencies(inputs);
    const benchmarks = benchmarksByAgency(rankings);
    const warningsByAgency = new Map<string, WarningOut[]>();
    for (const w of sorted) {
      const list = warningsByAgency.get(w.agency_id) ?? [];
      list.push(w);
      warningsByAgency.set(w.agency_id, list);
    }
    const summaries = [];
    for (const input of inputs) {
      const { benchmarks: own, ...summary } = agencySummary(input, benchmarks.get(input.agency.id) ?? []);
      await output.write(...detailFile({ ...summary, benchmarks: own }, warningsByAgency.get(input.agency.id) ?? []));
      summaries.push(summary);
    }
    for (const ranking of rankings) await output.write(`rankings/${ranking.scope}/${ranking.metric}.json`, stableStringify(ranking));
    for (const [path, content] of indexDownloads(cat.metricList, summaries, counts)) await output.write(`downloads/${path}`, content);
    const sortedReports = reports.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    await output.write(
      'site.json',
      siteIndex(
        {
          metrics: cat.metricList,
          reports: sortedReports,
          coverage: coverage(
            cat.agencies.rows.map((r) => r.value),
            sortedReports,
            figures.accepted,
          ),
          corrections,
          rankings,
        },
        summaries,
      ),
    );
    return result;
  } catch (error) {
    await output.discard();
    throw error;
  } finally {
    await rm(spillDir, { recursive: true, force: true });
  }
}
