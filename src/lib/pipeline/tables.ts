/**
 * Reading one curated CSV file into validated rows. Every record read ends up either accepted or rejected
 * with at least one located error; the counts let the build prove that nothing was dropped.
 */
import type { z } from 'astro/zod';
import { parseCsv, type CsvRecord } from './csv.ts';

/** The extraction helper's review-state column (pending, ok, rejected); only reviewed rows are accepted. */
export const REVIEW = 'review';

/** A located problem in a curated file. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/** One line per problem, so editors and CI can match file:line:column; a line break quoted from a cell shows as \n. */
export function formatProblem(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message.replace(/\r\n|\r|\n/g, '\\n')}`;
}

export interface Row<T> {
  value: T;
  record: CsvRecord;
  /** Column (by header name) → position, for errors found after parsing. */
  at(column: string): { line: number; column: number };
}

/** A row with `at` on the prototype rather than a closure per row, which adds up at millions of rows. */
class TableRow<T> implements Row<T> {
  readonly value: T;
  readonly record: CsvRecord;
  readonly #header: readonly string[];

  constructor(value: T, record: CsvRecord, header: readonly string[]) {
    this.value = value;
    this.record = record;
    this.#header = header;
  }

  at(column: string): { line: number; column: number } {
    const positions = this.record.positions;
    return positions[this.#header.indexOf(column)] ?? positions[0] ?? { line: this.record.line, column: 1 };
  }
}

export interface Table<T> {
  file: string;
  rows: Row<T>[];
  /** Records read: accepted rows plus rejected ones. */
  read: number;
  rejected: number;
  problems: Problem[];
}

/** Parse and validate a CSV file against a row schema. `columns` are the required header names. */
export function readTable<S extends z.ZodType<unknown, Record<string, string>>>(
  file: string,
  content: string,
  columns: readonly string[],
  schema: S,
): Table<z.output<S>> {
  const csv = parseCsv(content);
  const problems: Problem[] = csv.problems.map((p) => ({ file, ...p }));
  const read = csv.records.length + csv.problems.length;
  const table: Table<z.output<S>> = { file, rows: [], read, rejected: csv.problems.length, problems };

  if (csv.header.length === 0) {
    problems.push({ file, line: 1, column: 1, message: `the file is empty; it needs a header row: ${columns.join(',')}` });
    return table;
  }
  const headerEnd = csv.headerPositions.at(-1) ?? { line: 1, column: 1 };
  const missing = columns.filter((c) => !csv.header.includes(c));
  const duplicated = csv.header.filter((h, i) => h !== '' && csv.header.indexOf(h) !== i);
  if (missing.length > 0 || duplicated.length > 0) {
    for (const c of missing) {
      problems.push({
        file,
        ...headerEnd,
        message: `required column "${c}" is missing from the header; add it (columns: ${columns.join(',')}). All ${csv.records.length} rows of this file were rejected`,
      });
    }
    for (const c of new Set(duplicated)) {
      const i = csv.header.lastIndexOf(c);
      problems.push({
        file,
        ...(csv.headerPositions[i] ?? headerEnd),
        message: `column "${c}" appears twice in the header; remove one. All ${csv.records.length} rows of this file were rejected`,
      });
    }
    table.rejected = read;
    return table;
  }

  const reviewed = csv.header.includes(REVIEW);
  for (const record of csv.records) {
    const raw: Record<string, string> = {};
    csv.header.forEach((h, i) => {
      if (h !== '') raw[h] = record.fields[i] ?? '';
    });
    // Rows the extraction helper proposed carry a review column; until a curator has reviewed them (ok) they
    // cannot enter the dataset, whichever way they were copied here.
    const review = (raw[REVIEW] ?? '').trim();
    if (reviewed && review !== '' && review !== 'ok') {
      const row = new TableRow(raw, record, csv.header);
      problems.push({
        file,
        ...row.at(REVIEW),
        message: `review: this row was proposed by the extraction helper and is "${review}", not reviewed; review it and merge with npm run extract:merge, or delete the row`,
      });
      table.rejected++;
      continue;
    }
    const parsed = schema.safeParse(raw);
    if (!parsed.success) {
      const row = new TableRow(raw, record, csv.header);
      for (const issue of parsed.error.issues) {
        const column = typeof issue.path[0] === 'string' ? issue.path[0] : '';
        problems.push({ file, ...row.at(column), message: `${column ? `${column}: ` : ''}${issue.message}` });
      }
      table.rejected++;
      continue;
    }
    table.rows.push(new TableRow(parsed.data, record, csv.header));
  }
  return table;
}

/** A reason to reject a row found bad after parsing (by a check across rows or files). */
export interface RowError {
  column: string;
  message: string;
}

/**
 * Run a check over the accepted rows, in file order; rows for which it returns errors are rejected with all
 * of them located, keeping read = accepted + rejected.
 */
export function keepRows<T>(table: Table<T>, check: (row: Row<T>) => RowError[]): void {
  table.rows = table.rows.filter((row) => {
    const errors = check(row);
    for (const e of errors) table.problems.push({ file: table.file, ...row.at(e.column), message: `${e.column}: ${e.message}` });
    if (errors.length > 0) table.rejected++;
    return errors.length === 0;
  });
}
