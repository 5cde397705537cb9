/**
 * CSV reading with positions. papaparse does the parsing; this module adds what the curator needs to fix a
 * mistake: the line and column of every row and field, and recovery after a broken quote so that one bad
 * line never swallows the rest of the file.
 */
import Papa from 'papaparse';

/** One record of a CSV file, with the place of each field in the file (1-based line and column). */
export interface CsvRecord {
  /** Line of the first character of the record. */
  line: number;
  fields: string[];
  /** Line and column of each field's first character. */
  positions: { line: number; column: number }[];
}

/** A record that could not be read as CSV (broken quoting, wrong number of fields). */
export interface CsvProblem {
  line: number;
  column: number;
  message: string;
}

export interface CsvTable {
  header: string[];
  /** Header positions, for errors about columns. */
  headerPositions: { line: number; column: number }[];
  records: CsvRecord[];
  /** Malformed records: each counts as one record read and rejected. */
  problems: CsvProblem[];
}

const BOM = '\uFEFF';

/** Offsets where each line starts, to turn a character offset into line and column. */
function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  return starts;
}

function locate(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/** Start offsets of the fields of one raw CSV record (quotes respected), relative to the record. */
function fieldOffsets(raw: string): number[] {
  const offsets = [0];
  let quoted = false;
  for (let i = 0; i < raw.length; i++) {
    const ch = raw[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) offsets.push(i + 1);
  }
  return offsets;
}

/**
 * Parse CSV text: strips a UTF-8 byte-order mark, accepts CRLF, LF or CR line ends (mixed too), skips blank lines. The first
 * record is the header. Records with a different number of fields than the header, and records with a quote
 * that is never closed, are reported as problems; parsing resumes on the next line.
 */
export function parseCsv(input: string): CsvTable {
  // One line end for papaparse, which guesses a single one per file: a CRLF file with LF lines appended would
  // otherwise merge rows, and a CR-only file would put every position on line 1. Lines and columns stay those
  // an editor shows, since every CRLF, CR and LF ends one line there too.
  const text = (input.startsWith(BOM) ? input.slice(BOM.length) : input).replace(/\r\n?/g, '\n');
  const starts = lineStarts(text);
  const rows: { start: number; fields: string[] }[] = [];
  const problems: CsvProblem[] = [];

  let offset = 0;
  while (offset < text.length) {
    let resumeAt = -1;
    let rowStart = offset;
    const chunk = text.slice(offset);
    const chunkOffset = offset;
    Papa.parse<string[]>(chunk, {
      // Never guessed: papaparse would pick "|" for a file whose aliases hold pipes and whose rows have uneven commas.
      delimiter: ',',
      newline: '\n',
      skipEmptyLines: true,
      step: (result, parser) => {
        const cursor = chunkOffset + result.meta.cursor;
        // papaparse's cursor is the end of the record; the record starts after the previous one's end,
        // skipping the blank lines that were left out.
        while (rowStart < text.length && text[rowStart] === '\n') rowStart++;
        const broken = result.errors.find((e) => e.code === 'MissingQuotes' || e.code === 'InvalidQuotes');
        if (broken) {
          const quoteAt = text.indexOf('"', rowStart);
          const where = locate(starts, quoteAt >= 0 && quoteAt < cursor ? quoteAt : rowStart);
          problems.push({
            ...where,
            message:
              'a quoted field is not closed; close the quote (") or remove it. The rest of this line was skipped, reading resumes on the next line',
          });
          const lineEnd = text.indexOf('\n', rowStart);
          resumeAt = lineEnd < 0 ? text.length : lineEnd + 1;
          parser.abort();
          return;
        }
        rows.push({ start: rowStart, fields: result.data });
        rowStart = cursor;
      },
    });
    offset = resumeAt < 0 ? text.length : resumeAt;
  }

  if (rows.length === 0) {
    return { header: [], headerPositions: [], records: [], problems };
  }
  const position = (row: { start: number; fields: string[] }, end: number) => {
    const raw = text.slice(row.start, end);
    return fieldOffsets(raw)
      .slice(0, row.fields.length)
      .map((o) => locate(starts, row.start + o));
  };
  const [headerRow, ...dataRows] = rows;
  if (!headerRow) throw new Error('unreachable: rows is not empty');
  const nextStart = (i: number) => rows[i + 1]?.start ?? text.length;
  const header = headerRow.fields.map((h) => h.trim());
  const records: CsvRecord[] = [];
  dataRows.forEach((row, i) => {
    const positions = position(row, nextStart(i + 1));
    const first = positions[0] ?? locate(starts, row.start);
    if (row.fields.length !== header.length) {
      const extra = positions[header.length];
      problems.push({
        // The first extra field may sit on a later line than the record's start (a quoted line break before it).
        ...(row.fields.length > header.length && extra ? extra : first),
        message: `expected ${header.length} fields (as in the header) but found ${row.fields.length}; check for a missing or extra comma, or quote a value that contains a comma`,
      });
      return;
    }
    records.push({ line: first.line, fields: row.fields, positions });
  });
  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { header, headerPositions: position(headerRow, nextStart(0)), records, problems };
}
