/**
 * Reading one curated CSV file into validated rows. Every record read ends up either accepted or rejected
 * with at least one located error; the counts let the build prove that nothing was dropped.
 */
import type { z } from 'astro/zod';
import { showInvisible } from '../core/characters.ts';
import { decodeUtf8, parseCsv, type CsvRecord, type EncodingProblem } from './csv.ts';

/** The extraction helper's review-state column (pending, ok, rejected); only reviewed rows are accepted. */
export const REVIEW = 'review';

/** A located problem in a curated file. */
export interface Problem {
  file: string;
  line: number;
  column: number;
  message: string;
}

/**
 * One line per problem, so editors and CI can match file:line:column. Text quoted from a cell is shown with its
 * line breaks, control and invisible characters escaped (\n, \u001b, \u200b): what the cell really holds,
 * and nothing a terminal would obey.
 */
export function formatProblem(p: Problem): string {
  return showInvisible(`${p.file}:${p.line}:${p.column}: ${p.message}`);
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
  /**
   * Why the file as a whole could not be used (not UTF-8, no header, a required column missing, no rows), or
   * null. Files that refer to it are then not checked row by row (see rejectAll).
   */
  unusable: string | null;
}

/**
 * That every row of a file was rejected, in words that agree with the number (a corrections log often has one; a
 * file that cannot be decoded may yield none).
 */
const allRejected = (n: number) =>
  n === 0
    ? 'No row of this file could be read'
    : n === 1
      ? 'The one row of this file was rejected'
      : `All ${n} rows of this file were rejected`;

/** The whole message for a file that is not UTF-8: where, what the bytes look like instead, how to convert. */
function notUtf8(file: string, bytes: Uint8Array, problem: EncodingProblem): string {
  const name = file.split('/').pop() ?? file;
  const byte = `0x${problem.byte.toString(16).toUpperCase().padStart(2, '0')}`;
  const utf16 = (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
  let gb18030 = false;
  try {
    new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    gb18030 = !utf16;
  } catch {
    // Not GB18030 either: say only that it is not UTF-8.
  }
  if (!utf16 && !gb18030) {
    return (
      `the file is not UTF-8 text: byte ${byte} here is not part of any UTF-8 character (nor is the file GBK/GB18030). ` +
      'The file may be damaged here: retype the text around this place and save the file as UTF-8'
    );
  }
  const [from, looks] = utf16
    ? ['UTF-16', 'it is UTF-16, Excel\'s "Unicode text"']
    : ['GB18030', 'it reads as GBK/GB18030, what Excel and WPS save for Chinese on Windows'];
  return (
    `the file is not UTF-8 text: byte ${byte} here cannot be read as UTF-8 (${looks}). ` +
    `Save it as UTF-8 (Excel: Save As "CSV UTF-8") or convert it: iconv -f ${from} -t UTF-8 ${name} > ${name}.utf8 && mv ${name}.utf8 ${name}`
  );
}

export interface ReadOptions {
  /** A log that may hold its header alone (corrections.csv before the first correction); other files need rows. */
  mayBeEmpty?: boolean;
}

/** Parse and validate a CSV file against a row schema. `columns` are the required header names. */
export function readTable<S extends z.ZodType<unknown, Record<string, string>>>(
  file: string,
  content: string | Uint8Array,
  columns: readonly string[],
  schema: S,
  options: ReadOptions = {},
): Table<z.output<S>> {
  const decoded = typeof content === 'string' ? { text: content, problem: null } : decodeUtf8(content);
  const csv = parseCsv(decoded.text);
  const read = csv.records.length + csv.problems.length;
  if (decoded.problem && typeof content !== 'string') {
    // One error for the file: every row after the bad byte is suspect, and the rows before it are not the file.
    const message = `${notUtf8(file, content, decoded.problem)}. ${allRejected(read)}`;
    const { line, column } = decoded.problem;
    return { file, rows: [], read, rejected: read, problems: [{ file, line, column, message }], unusable: 'it is not UTF-8' };
  }
  const problems: Problem[] = csv.problems.map((p) => ({ file, ...p }));
  const table: Table<z.output<S>> = { file, rows: [], read, rejected: csv.problems.length, problems, unusable: null };

  if (csv.header.length === 0) {
    problems.push({ file, line: 1, column: 1, message: `the file is empty; it needs a header row: ${columns.join(',')}` });
    table.unusable = 'it is empty';
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
        message: `required column "${c}" is missing from the header; add it (columns: ${columns.join(',')}). ${allRejected(read)}`,
      });
    }
    for (const c of new Set(duplicated)) {
      const i = csv.header.lastIndexOf(c);
      problems.push({
        file,
        ...(csv.headerPositions[i] ?? headerEnd),
        message: `column "${c}" appears twice in the header; remove one. ${allRejected(read)}`,
      });
    }
    table.rejected = read;
    table.unusable = 'its header is wrong';
    return table;
  }
  if (read === 0 && options.mayBeEmpty !== true) {
    problems.push({
      file,
      line: 1,
      column: 1,
      message: 'the file has a header but no rows; a dataset needs at least one row in each file',
    });
    table.unusable = 'it has no rows';
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
        // A character-level issue (schema.ts, cellText) points at the character rather than the field.
        const at = issue.code === 'custom' && typeof issue.params?.at === 'number' ? issue.params.at : null;
        const where = at === null ? row.at(column) : record.positionOf(csv.header.indexOf(column), at);
        problems.push({ file, ...where, message: `${column ? `${column}: ` : ''}${issue.message}` });
      }
      table.rejected++;
      continue;
    }
    table.rows.push(new TableRow(parsed.data, record, csv.header));
  }
  return table;
}

/**
 * Reject every accepted row of a file that refers to a file that could not be used: checking each row would
 * repeat one cause hundreds of times ("unknown agency" for every report when agencies.csv is not UTF-8). One
 * error, at the first such row, names the cause.
 */
export function rejectAll<T>(table: Table<T>, cause: Table<unknown>): void {
  const [first] = table.rows;
  const why = cause.unusable ?? (cause.rows.length === 0 ? 'none of its rows was accepted' : null);
  if (!first || why === null) return;
  const name = cause.file.split('/').pop() ?? cause.file;
  table.problems.push({
    file: table.file,
    line: first.record.line,
    column: 1,
    message: `not checked: ${name} could not be used (${why}; see its errors), so ${table.rows.length === 1 ? 'the one row' : `the ${table.rows.length} rows`} of this file that passed validation ${table.rows.length === 1 ? 'was' : 'were'} rejected too`,
  });
  table.rejected += table.rows.length;
  table.rows = [];
  table.unusable = `${name} could not be used`;
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
