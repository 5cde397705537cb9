/**
 * Writing CSV for readers. Every CSV the project publishes (the downloads, each agency's CSV, the metric
 * catalogue, each chart's data.csv) is written through this module, so every one of them is defused the same way.
 *
 * Spreadsheets run a cell that starts with = + - or @ (and some with a leading tab, CR or line feed) as a formula:
 * `=HYPERLINK("http://evil.example", "click")` in an agency name would become a live link in Excel. Such text
 * cells get a leading apostrophe, which spreadsheets show as text and hide. The test is on the cell's first
 * characters, never line by line, so a cell spanning several lines is caught too (papaparse's own escapeFormulae
 * pattern stops at the first line break). Numbers are written as numbers: −5 is a value, not a formula.
 */
import Papa from 'papaparse';

const FORMULA_START = /^\s*[=+\-@]|^[\t\r\n]/;

/** A cell as it is safe to publish: text that a spreadsheet would run gets a leading apostrophe. */
export function defuseCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The byte-order mark Excel needs to read UTF-8 Chinese text. */
export const CSV_BOM = '\uFEFF';

export type CsvRow = Readonly<Record<string, string | number>>;

/**
 * CSV text of rows in the given columns, every line ended by \n: the header line (unless `header` is false)
 * and one line per row, nothing more, so no blank line follows the header of a file without rows.
 */
export function csvLines(columns: readonly string[], rows: readonly CsvRow[], { header = true } = {}): string {
  const head = header ? Papa.unparse([columns.map((c) => defuseCell(c))], { newline: '\n' }) + '\n' : '';
  if (rows.length === 0) return head;
  const defused = rows.map((row) => columns.map((c) => defuseCell(row[c] ?? '')));
  return head + Papa.unparse(defused, { newline: '\n' }) + '\n';
}
