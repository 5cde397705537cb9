/**
 * Reading one curated CSV file into validated rows. Every record read ends up either accepted or rejected
 * with at least one located error; the counts let the build prove that nothing was dropped.
 */
import type { z } from 'astro/zod';
import { showInvisible } from '../core/characters.ts';
import { decodeUtf8, parseCsv, type CsvRecord, type CsvTable, type EncodingProblem } from './csv.ts';
import type { CsvStream } from './csv-stream.ts';

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

/** Why the header cannot be used (columns missing or twice), as problems; none when it is fine. */
function headerProblems(
  file: string,
  csv: Pick<CsvTable, 'header' | 'headerPositions'>,
  columns: readonly string[],
  read: number,
): Problem[] {
  const problems: Problem[] = [];
  const headerEnd = csv.headerPositions.at(-1) ?? { line: 1, column: 1 };
  const missing = columns.filter((c) => !csv.header.includes(c));
  const duplicated = csv.header.filter((h, i) => h !== '' && csv.header.indexOf(h) !== i);
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
  return problems;
}

/** Validate one record against the row schema: the row, or its located problems. */
function validateRecord<S extends z.ZodType<unknown, Record<string, string>>>(
  file: string,
  header: readonly string[],
  record: CsvRecord,
  schema: S,
): { row: Row<z.output<S>>; problems: null } | { row: null; problems: Problem[] } {
  const raw: Record<string, string> = {};
  header.forEach((h, i) => {
    if (h !== '') raw[h] = record.fields[i] ?? '';
  });
  // Rows the extraction helper proposed carry a review column; until a curator has reviewed them (ok) they
  // cannot enter the dataset, whichever way they were copied here.
  const review = (raw[REVIEW] ?? '').trim();
  if (review !== '' && review !== 'ok') {
    const row = new TableRow(raw, record, header);
    const message = `review: this row was proposed by the extraction helper and is "${review}", not reviewed; review it and merge with npm run extract:merge, or delete the row`;
    return { row: null, problems: [{ file, ...row.at(REVIEW), message }] };
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { row: new TableRow(parsed.data, record, header), problems: null };
  const row = new TableRow(raw, record, header);
  const problems = parsed.error.issues.map((issue): Problem => {
    const column = typeof issue.path[0] === 'string' ? issue.path[0] : '';
    // A character-level issue (schema.ts, cellText) points at the character rather than the field.
    const at = issue.code === 'custom' && typeof issue.params?.at === 'number' ? issue.params.at : null;
    const where = at === null ? row.at(column) : record.positionOf(header.indexOf(column), at);
    return { file, ...where, message: `${column ? `${column}: ` : ''}${issue.message}` };
  });
  return { row: null, problems };
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
  const wrongHeader = headerProblems(file, csv, columns, read);
  if (wrongHeader.length > 0) {
    problems.push(...wrongHeader);
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

  for (const record of csv.records) {
    const result = validateRecord(file, csv.header, record, schema);
    if (result.row) {
      table.rows.push(result.row);
    } else {
      problems.push(...result.problems);
      table.rejected++;
    }
  }
  return table;
}

/** A file read in pieces (csv-stream.ts): its accepted rows are handed on, not kept. */
export type StreamedTable = Omit<Table<never>, 'rows'> & {
  /** Rows accepted: read − rejected. */
  accepted: number;
};

/**
 * Validate a file read in pieces, as readTable does a whole one, handing each row that passes its schema to
 * `accept`, which may still reject it with errors (checks against other files). `rejectAllBecause` names a file
 * that could not be used: then every row that passes validation is rejected, with one error at the first
 * (see rejectAll).
 */
export async function streamTable<S extends z.ZodType<unknown, Record<string, string>>>(
  file: string,
  stream: CsvStream,
  columns: readonly string[],
  schema: S,
  accept: (row: Row<z.output<S>>) => RowError[],
  rejectAllBecause: Table<unknown> | null = null,
): Promise<StreamedTable> {
  const table: StreamedTable = { file, read: 0, accepted: 0, rejected: 0, problems: [], unusable: null };
  let header: string[] | null = null;
  let headerUnusable = false;
  let firstHeaderPositions: CsvTable['headerPositions'] = [];
  let passedFirst: number | null = null;
  let passed = 0;
  for await (const part of stream.parts) {
    if (header === null) {
      header = part.header;
      firstHeaderPositions = part.headerPositions;
      if (header.length === 0) {
        table.problems.push({ file, line: 1, column: 1, message: `the file is empty; it needs a header row: ${columns.join(',')}` });
        table.unusable = 'it is empty';
      } else {
        headerUnusable = headerProblems(file, part, columns, 0).length > 0;
      }
    }
    table.read += part.records.length + part.problems.length;
    table.rejected += part.problems.length;
    table.problems.push(...part.problems.map((p) => ({ file, ...p })));
    if (table.unusable !== null || headerUnusable) continue;
    for (const record of part.records) {
      const result = validateRecord(file, header, record, schema);
      if (!result.row) {
        table.problems.push(...result.problems);
        table.rejected++;
        continue;
      }
      if (rejectAllBecause) {
        passedFirst ??= record.line;
        passed++;
        continue;
      }
      const errors = accept(result.row);
      for (const e of errors) table.problems.push({ file, ...result.row.at(e.column), message: `${e.column}: ${e.message}` });
      if (errors.length > 0) table.rejected++;
      else table.accepted++;
    }
  }
  const encoding = stream.encoding();
  if (encoding) {
    // As readTable: one error for the whole file.
    const message = `${notUtf8(file, encoding.head, encoding.problem)}. ${allRejected(table.read)}`;
    return {
      file,
      read: table.read,
      accepted: 0,
      rejected: table.read,
      problems: [{ file, line: encoding.problem.line, column: encoding.problem.column, message }],
      unusable: 'it is not UTF-8',
    };
  }
  if (headerUnusable && header) {
    // The header came with the first piece; its problems name every row read.
    table.problems.push(...headerProblems(file, { header, headerPositions: firstHeaderPositions }, columns, table.read));
    table.rejected = table.read;
    table.accepted = 0;
    table.unusable = 'its header is wrong';
    return table;
  }
  if (table.unusable === null && table.read === 0) {
    table.problems.push({
      file,
      line: 1,
      column: 1,
      message: 'the file has a header but no rows; a dataset needs at least one row in each file',
    });
    table.unusable = 'it has no rows';
  }
  if (rejectAllBecause && passedFirst !== null) {
    table.problems.push(rejectAllProblem(table.file, passedFirst, passed, rejectAllBecause));
    table.rejected += passed;
    table.unusable = `${rejectAllBecause.file.split('/').pop() ?? rejectAllBecause.file} could not be used`;
  }
  return table;
}

/**
 * Reject every accepted row of a file that refers to a file that could not be used: checking each row would
 * repeat one cause hundreds of times ("unknown agency" for every report when agencies.csv is not UTF-8). One
 * error, at the first such row, names the cause.
 */
export function rejectAll<T>(table: Table<T>, cause: Table<unknown> | StreamedTable): void {
  const [first] = table.rows;
  const why = unusableWhy(cause);
  if (!first || why === null) return;
  table.problems.push(rejectAllProblem(table.file, first.record.line, table.rows.length, cause));
  table.rejected += table.rows.length;
  table.rows = [];
  table.unusable = `${cause.file.split('/').pop() ?? cause.file} could not be used`;
}

/** Why a file cannot be relied on by the files that refer to it, or null. */
export function unusableWhy(cause: Table<unknown> | StreamedTable): string | null {
  const accepted = 'accepted' in cause ? cause.accepted : cause.rows.length;
  return cause.unusable ?? (accepted === 0 ? 'none of its rows was accepted' : null);
}

function rejectAllProblem(file: string, line: number, rows: number, cause: Table<unknown> | StreamedTable): Problem {
  const name = cause.file.split('/').pop() ?? cause.file;
  return {
    file,
    line,
    column: 1,
    message: `not checked: ${name} could not be used (${unusableWhy(cause)}; see its errors), so ${rows === 1 ? 'the one row' : `the ${rows} rows`} of this file that passed validation ${rows === 1 ? 'was' : 'were'} rejected too`,
  };
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
