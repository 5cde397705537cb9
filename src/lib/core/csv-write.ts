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
const FORMULA_START = /^\s*[=+\-@]|^[\t\r\n]/;

/** A cell as it is safe to publish: text that a spreadsheet would run gets a leading apostrophe. */
export function defuseCell(value: string | number): string | number {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** The byte-order mark Excel needs to read UTF-8 Chinese text. */
export const CSV_BOM = '\uFEFF';

export type CsvRow = Readonly<Record<string, string | number>>;

/** A cell must be quoted when it holds a quote, comma, line break or byte-order mark, or starts or ends with a space. */
const NEEDS_QUOTES = /[\r\n",\uFEFF]|^ | $/;

/** One cell, defused and quoted where CSV needs it (RFC 4180; the rules papaparse's unparse follows). */
function csvCell(value: string | number): string {
  const text = String(defuseCell(value));
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * CSV text of rows in the given columns, every line ended by \n: the header line (unless `header` is false)
 * and one line per row, nothing more, so no blank line follows the header of a file without rows. Written by
 * hand rather than with papaparse's unparse: the national figures CSV has millions of rows, and this is five
 * times faster.
 */
export function csvLines(columns: readonly string[], rows: readonly CsvRow[], { header = true } = {}): string {
  let text = header ? columns.map(csvCell).join(',') + '\n' : '';
  for (const row of rows) text += columns.map((c) => csvCell(row[c] ?? '')).join(',') + '\n';
  return text;
}
