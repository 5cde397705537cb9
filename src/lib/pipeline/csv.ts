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
  /** Line and column of the character at `index` of the value of field `field` (quotes and "" accounted for). */
  positionOf(field: number, index: number): { line: number; column: number };
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

interface Source {
  text: string;
  starts: number[];
  /** Lines of the file before this text (a part of a file read in pieces). */
  lineOffset: number;
}

function locate(source: Source, offset: number): { line: number; column: number } {
  const { starts } = source;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((starts[mid] ?? 0) <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: source.lineOffset + lo + 1, column: offset - (starts[lo] ?? 0) + 1 };
}

/**
 * Offsets of the first `count` fields of the record starting at `start`, with quotes read as papaparse reads
 * them: a quote opens a quoted field only as the field's first character ("" inside it is one quote); anywhere
 * else it is text (5"11 is a value, and the commas after it still separate fields).
 */
function fieldOffsets(source: Source, start: number, count: number): number[] {
  const text = source.text;
  const offsets = [start];
  let quoted = false;
  for (let i = start; offsets.length < count && i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') i++;
      else if (ch === '"') quoted = false;
    } else if (ch === '"' && i === offsets.at(-1)) quoted = true;
    else if (ch === ',') offsets.push(i + 1);
  }
  return offsets;
}

/** Line and column of the first `count` fields of the record starting at `start`. */
function fieldPositions(source: Source, start: number, count: number): { line: number; column: number }[] {
  return fieldOffsets(source, start, count).map((o) => locate(source, o));
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
    this.line = locate(source, start).line;
    this.fields = fields;
    this.#source = source;
    this.#start = start;
  }

  get positions(): { line: number; column: number }[] {
    return fieldPositions(this.#source, this.#start, this.fields.length);
  }

  positionOf(field: number, index: number): { line: number; column: number } {
    const text = this.#source.text;
    let offset = fieldOffsets(this.#source, this.#start, field + 1)[field] ?? this.#start;
    if (text[offset] === '"') {
      // Inside quotes, "" stands for one " of the value.
      offset++;
      for (let i = 0; i < index && offset < text.length; i++) offset += text[offset] === '"' ? 2 : 1;
    } else {
      offset += index;
    }
    return locate(this.#source, offset);
  }
}

/** A piece of a longer file: where it starts, and the header read from the file's first piece. */
export interface CsvPart {
  /** Lines of the file before this piece. */
  lineOffset?: number;
  /** The file's header; every record of the piece is then a data record. */
  header?: string[] | undefined;
}

/**
 * Parse CSV text: strips a UTF-8 byte-order mark, accepts CRLF, LF or CR line ends (mixed too), skips blank
 * lines. The first record is the header. Records with a different number of fields than the header, and
 * records with a quote that is never closed, are reported as problems; parsing resumes on the next line.
 */
export function parseCsv(input: string, part: CsvPart = {}): CsvTable {
  // One line end for papaparse, which guesses a single one per file: a CRLF file with LF lines appended would
  // otherwise merge rows, and a CR-only file would put every position on line 1. Lines and columns stay those
  // an editor shows, since every CRLF, CR and LF ends one line there too.
  const text = (input.startsWith(BOM) && part.header === undefined ? input.slice(BOM.length) : input).replace(/\r\n?/g, '\n');
  const source: Source = { text, starts: lineStarts(text), lineOffset: part.lineOffset ?? 0 };
  let header: string[] | undefined = part.header;
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
        ...(fields.length > header.length && extra ? extra : (positions[0] ?? locate(source, start))),
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
          const where = locate(source, quoteAt >= 0 && quoteAt < cursor ? quoteAt : rowStart);
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

/** Bytes that are not UTF-8: where the first bad byte is (line and column of the text before it) and what it is. */
export interface EncodingProblem {
  line: number;
  column: number;
  byte: number;
}

/** Offset of the first byte that does not belong to a well-formed UTF-8 sequence (surrogates and overlongs included). */
export function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length;) {
    const b = bytes[i] ?? 0;
    if (b < 0x80) {
      i++;
      continue;
    }
    const [length, low, high] =
      b >= 0xc2 && b <= 0xdf
        ? [2, 0x80, 0xbf]
        : b === 0xe0
          ? [3, 0xa0, 0xbf]
          : b === 0xed
            ? [3, 0x80, 0x9f]
            : b >= 0xe1 && b <= 0xef
              ? [3, 0x80, 0xbf]
              : b === 0xf0
                ? [4, 0x90, 0xbf]
                : b >= 0xf1 && b <= 0xf3
                  ? [4, 0x80, 0xbf]
                  : b === 0xf4
                    ? [4, 0x80, 0x8f]
                    : [0, 0, 0];
    if (length === 0) return i;
    const second = bytes[i + 1] ?? -1;
    if (second < low || second > high) return i;
    for (let k = 2; k < length; k++) {
      const next = bytes[i + k] ?? -1;
      if (next < 0x80 || next > 0xbf) return i;
    }
    i += length;
  }
  return -1;
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/**
 * Decode a file as UTF-8, strictly: text with invalid bytes is not guessed at (a GBK file would otherwise be
 * read as U+FFFD garbage). On failure the text is decoded leniently, only so that its records can be counted.
 */
export function decodeUtf8(bytes: Uint8Array): { text: string; problem: EncodingProblem | null } {
  try {
    return { text: strictUtf8.decode(bytes), problem: null };
  } catch {
    const at = firstInvalidUtf8(bytes);
    const before = lenientUtf8.decode(bytes.subarray(0, Math.max(at, 0)));
    const lineBreaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
    const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
    return {
      text: lenientUtf8.decode(bytes),
      problem: { line: lineBreaks + 1, column: before.length - lineStart + 1, byte: bytes[at] ?? 0 },
    };
  }
}
