/**
 * CSV reading with positions. papaparse does the parsing; this module adds what the curator needs to fix a
 * mistake: the line and column of every row and field, and recovery after a broken quote so that one bad
 * line never swallows the rest of the file.
 */
import Papa from 'papaparse';

/** One record of a CSV file, with the place of each field in the file (1-based line and column). */
export interface CsvRecord {
  /** Line of the first character of the record. */
  readonly line: number;
  readonly fields: string[];
  /** Line and column of each field's first character (worked out when asked: only errors need them). */
  readonly positions: { line: number; column: number }[];
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
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
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

interface Source {
  text: string;
  starts: number[];
}

/** Line and column of the first `count` fields of the record starting at `start` (quotes respected). */
function fieldPositions(source: Source, start: number, count: number): { line: number; column: number }[] {
  const offsets = [start];
  let quoted = false;
  for (let i = start; offsets.length < count && i < source.text.length; i++) {
    const ch = source.text[i];
    if (ch === '"') quoted = !quoted;
    else if (ch === ',' && !quoted) offsets.push(i + 1);
  }
  return offsets.map((o) => locate(source.starts, o));
}

/**
 * A record that keeps only where it starts: with millions of rows, a position object per field would take
 * more memory than the fields themselves, and only the rows with an error ever need one.
 */
class LazyRecord implements CsvRecord {
  readonly line: number;
  readonly fields: string[];
  readonly #source: Source;
  readonly #start: number;

  constructor(source: Source, start: number, fields: string[]) {
    this.line = locate(source.starts, start).line;
    this.fields = fields;
    this.#source = source;
    this.#start = start;
  }

  get positions(): { line: number; column: number }[] {
    return fieldPositions(this.#source, this.#start, this.fields.length);
  }
}

/**
 * Parse CSV text: strips a UTF-8 byte-order mark, accepts CRLF, LF or CR line ends (mixed too), skips blank
 * lines. The first record is the header. Records with a different number of fields than the header, and
 * records with a quote that is never closed, are reported as problems; parsing resumes on the next line.
 */
export function parseCsv(input: string): CsvTable {
  // One line end for papaparse, which guesses a single one per file: a CRLF file with LF lines appended would
  // otherwise merge rows, and a CR-only file would put every position on line 1. Lines and columns stay those
  // an editor shows, since every CRLF, CR and LF ends one line there too.
  const text = (input.startsWith(BOM) ? input.slice(BOM.length) : input).replace(/\r\n?/g, '\n');
  const source: Source = { text, starts: lineStarts(text) };
  let header: string[] | undefined;
  let headerPositions: { line: number; column: number }[] = [];
  const records: CsvRecord[] = [];
  const problems: CsvProblem[] = [];

  const accept = (start: number, fields: string[]) => {
    if (!header) {
      header = fields.map((h) => h.trim());
      headerPositions = fieldPositions(source, start, fields.length);
      return;
    }
    if (fields.length !== header.length) {
      const positions = fieldPositions(source, start, fields.length);
      const extra = positions[header.length];
      problems.push({
        // The first extra field may sit on a later line than the record's start (a quoted line break before it).
        ...(fields.length > header.length && extra ? extra : (positions[0] ?? locate(source.starts, start))),
        message: `expected ${header.length} fields (as in the header) but found ${fields.length}; check for a missing or extra comma, or quote a value that contains a comma`,
      });
      return;
    }
    records.push(new LazyRecord(source, start, fields));
  };

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
          const where = locate(source.starts, quoteAt >= 0 && quoteAt < cursor ? quoteAt : rowStart);
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
        accept(rowStart, result.data);
        rowStart = cursor;
      },
    });
    offset = resumeAt < 0 ? text.length : resumeAt;
  }

  problems.sort((a, b) => a.line - b.line || a.column - b.column);
  return { header: header ?? [], headerPositions, records, problems };
}
