/**
 * Reading a CSV file in pieces, so that a file of any size is parsed with memory for one piece at a time: a
 * national figures.csv is larger than the longest string V8 can hold. Each piece ends at a record boundary and
 * is parsed by parseCsv with its line offset, so records, problems, lines and columns are those of the whole
 * file; the text is decoded strictly as UTF-8 on the way.
 */
import { open } from 'node:fs/promises';
import { firstInvalidUtf8, parseCsv, type CsvTable, type EncodingProblem } from './csv.ts';

/** Bytes read from disk at a time. */
const READ_BYTES = 4 << 20;
/**
 * A quoted field may run over several lines, so a piece can end only where no quote is open. A quote that is
 * never closed would keep one open to the end of the file; past this much text the piece is cut at its last
 * line end anyway, and parseCsv reports the quote as not closed and resumes on the next line, as it does for
 * a whole file.
 */
const MAX_OPEN_QUOTE = 16 << 20;

/** What reading the file found: its pieces as they come, and at the end whether it was UTF-8 at all. */
export interface CsvStream {
  /** Pieces in file order; the first holds the header (an empty file gives one empty piece). */
  parts: AsyncGenerator<CsvTable>;
  /** After the parts are read: the first byte that is not UTF-8 (the text was then decoded leniently), or null. */
  encoding(): { problem: EncodingProblem; head: Uint8Array } | null;
}

/** Offset just after the last line end at which no quoted field is open (pieces start outside quotes), or -1. */
function safeCut(text: string): number {
  const last = text.lastIndexOf('\n');
  if (last < 0 || !text.includes('"')) return last + 1 || -1;
  let open = false;
  let cut = -1;
  for (let i = 0; i <= last; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 34) open = !open;
    else if (ch === 10 && !open) cut = i + 1;
  }
  return cut;
}

/** `readBytes`: bytes read at a time (tests read a few at a time, to cut pieces everywhere). */
export function readCsvFile(path: string, readBytes = READ_BYTES): CsvStream {
  let problem: { problem: EncodingProblem; head: Uint8Array } | null = null;
  async function* parts(): AsyncGenerator<CsvTable> {
    const file = await open(path);
    try {
      let decoder = new TextDecoder('utf-8', { fatal: true });
      let head: Uint8Array | null = null;
      let carry = '';
      let lineOffset = 0;
      let header: string[] | undefined;
      // Text decoded so far, for the place of a bad byte: lines and the length of the last one.
      let decodedLines = 0;
      let lastLineLength = 0;
      const buffer = Buffer.alloc(readBytes);
      const emit = (text: string): CsvTable => {
        const part = parseCsv(text, { lineOffset, header });
        header ??= part.header;
        for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) lineOffset++;
        return part;
      };
      for (;;) {
        const { bytesRead } = await file.read(buffer, 0, readBytes, null);
        const bytes = buffer.subarray(0, bytesRead);
        head ??= Uint8Array.from(bytes.subarray(0, 4096));
        let text: string;
        try {
          text = decoder.decode(bytes, { stream: bytesRead > 0 });
        } catch {
          // Not UTF-8: find the first bad byte of this read, then go on leniently only to count the records.
          const at = Math.max(0, firstInvalidUtf8(bytes));
          const before = new TextDecoder('utf-8').decode(bytes.subarray(0, at));
          const breaks = before.match(/\r\n|\r|\n/g)?.length ?? 0;
          const lineStart = Math.max(before.lastIndexOf('\n'), before.lastIndexOf('\r')) + 1;
          problem = {
            problem: {
              line: decodedLines + breaks + 1,
              column: (breaks === 0 ? lastLineLength : 0) + before.length - lineStart + 1,
              byte: bytes[at] ?? 0,
            },
            head,
          };
          decoder = new TextDecoder('utf-8');
          text = decoder.decode(bytes, { stream: bytesRead > 0 });
        }
        if (problem === null) {
          const breaks = text.match(/\r\n|\r|\n/g)?.length ?? 0;
          const lineStart = Math.max(text.lastIndexOf('\n'), text.lastIndexOf('\r')) + 1;
          decodedLines += breaks;
          lastLineLength = breaks === 0 ? lastLineLength + text.length : text.length - lineStart;
        }
        // One line end throughout (as parseCsv does), holding back a CR that may be the first half of a CRLF.
        let joined = carry + text;
        const heldCr = bytesRead > 0 && joined.endsWith('\r');
        if (heldCr) joined = joined.slice(0, -1);
        joined = joined.replace(/\r\n?/g, '\n');
        if (bytesRead === 0) {
          yield emit(joined);
          return;
        }
        let cut = safeCut(joined);
        if (cut < 0 && joined.length > MAX_OPEN_QUOTE) cut = joined.lastIndexOf('\n') + 1;
        if (cut > 0) {
          carry = joined.slice(cut) + (heldCr ? '\r' : '');
          yield emit(joined.slice(0, cut));
        } else {
          carry = joined + (heldCr ? '\r' : '');
        }
      }
    } finally {
      await file.close();
    }
  }
  return { parts: parts(), encoding: () => problem };
}
