/**
 * Property-based tests of the data build: random and malformed CSV (fast-check) must never crash it, never
 * lose a row, point every error at a real place in the file it names, and give the same output every time.
 * A failing run prints its seed and a shrunk counterexample; pass `seed` to fc.assert to replay it.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildDataset, type BuildResult, type SourceTexts } from '../../src/lib/pipeline/dataset.ts';
import { stableStringify } from '../../src/lib/core/json.ts';
import { COLUMNS, LEVELS, QUALIFIERS, SCOPES, TEMPLATES, datasetOut } from '../../src/lib/core/schema.ts';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { AGENCIES, CORRECTIONS, FIGURES, MAX_YEAR, METRICS, REPORTS } from './fixtures.ts';

const FILES = ['agencies', 'reports', 'figures', 'metrics', 'corrections'] as const;
type FileName = (typeof FILES)[number];

const OPTIONS = { dir: 'data', maxYear: MAX_YEAR };
const pathOf = (file: FileName) => `data/${file}.csv`;

/** A candidate file text and, when the generator knows it, how many records (rows below the header) it holds. */
interface FileText {
  text: string;
  /** Raw bytes, when the file is given as read from disk (decoded strictly by the build); `text` is their lenient decoding. */
  bytes?: Uint8Array;
  records: number | null;
  /** How a counterexample prints it, for files too long to read in a test report. */
  [fc.toStringMethod]?: () => string;
}

// ---------------------------------------------------------------------------------------------------------
// Cell values: plausible ones for each column, mixed with the inputs a spreadsheet or a paste can produce.

const METRIC_LINES = METRICS.trimEnd().split('\n').slice(1);
const METRIC_KEYS = METRIC_LINES.map((line) => line.slice(0, line.indexOf(',')));
/** Keys that derived metrics are computed from: figures with these keys reach the sums. */
const SUMMED_KEYS = [
  ...new Set(
    METRIC_LINES.flatMap((line) =>
      line
        .slice(line.lastIndexOf(',') + 1)
        .split(/[;|]/)
        .map((k) => k.replace(/^any:/, '')),
    ),
  ),
].filter((k) => METRIC_KEYS.includes(k));
const AGENCY_IDS = [
  '511100-jt',
  '511112-jt',
  '511102-jt',
  '100000-cz',
  '511100-JT',
  '５１１１００-jt',
  '990100-jt',
  '511100-zf-2',
  'a--b',
  '__proto__',
];
const REPORT_IDS = [
  '511100-jt-2019',
  '511100-jt-2021',
  '511100-jt-2022',
  '511112-jt-2022',
  '511100-zf-2022-system',
  '511102-jt-2021',
  '511100-jt-2030',
];
const MARKUP = ['<script>alert(1)</script>', 'javascript:alert(1)', '<img src=x onerror=alert(1)>', '"><svg onload=alert(1)>'];
const AWKWARD = ['', ' ', '\u3000', '"', '""', ',', '\n', '\r\n', '\uFEFF', '𠮷', '|', 'null', 'constructor', 'NaN', ...MARKUP];

const fullWidth = (s: string) => s.replace(/[0-9,.]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0));

const numberText = fc.oneof(
  { weight: 6, arbitrary: fc.nat({ max: 60 }).map(String) },
  { weight: 2, arbitrary: fc.integer().map(String) },
  { weight: 2, arbitrary: fc.double().map(String) },
  { weight: 1, arbitrary: fc.nat().map((n) => n.toLocaleString('en-US')) },
  { weight: 1, arbitrary: fc.nat({ max: 99_999 }).map((n) => fullWidth(n.toLocaleString('en-US'))) },
  // Digit strings around the edges of a double: past 2^53, near overflow once summed or scaled, past overflow.
  { weight: 2, arbitrary: fc.constantFrom(16, 20, 300, 303, 305, 308, 309, 320).map((n) => '9'.repeat(n)) },
  { weight: 1, arbitrary: fc.constantFrom('NaN', 'Infinity', '-Infinity', '∞', '1e309', '-0', '+4', '-5', '1,23', '0x10', '1_000', '١٢') },
);

const year = fc.oneof(
  { weight: 4, arbitrary: fc.integer({ min: 2019, max: 2022 }).map(String) },
  { weight: 1, arbitrary: fc.constantFrom('２０２２', '2007', '2031', '21', '2021.0', ' 2022 ') },
);

/** Values for each documented column; any other column (an extra one) gets free text. */
const COLUMN_VALUES: Record<string, fc.Arbitrary<string>> = {
  id: fc.constantFrom(...AGENCY_IDS, ...REPORT_IDS),
  name_zh: fc.constantFrom('测试市交通运输局', '测试县交通运输局'),
  name_en: fc.constantFrom('Test Bureau', 'Test County Bureau'),
  level: fc.constantFrom(...LEVELS, 'district', 'Province'),
  sector: fc.constantFrom('transport', 'government', 'other', 'Transport'),
  province: fc.constantFrom('四川省', '北京市', '广西壮族自治区', 'Sichuan', ''),
  prefecture: fc.constantFrom('乐山市', '测试市', ''),
  aliases: fc.constantFrom('测试局|测试交通局', '|', ''),
  website: fc.constantFrom('https://example.gov.cn/', 'http://', 'ftp://example.gov.cn/', ''),
  agency_id: fc.constantFrom(...AGENCY_IDS),
  year,
  template: fc.constantFrom(...TEMPLATES, 'gov2022'),
  source_url: fc.constantFrom('https://example.gov.cn/2022.html', 'http://mirror.example.com/a?b=1&c=2', ''),
  official: fc.constantFrom('yes', 'no', '', 'YES'),
  scope: fc.constantFrom(...SCOPES, 'city'),
  published: fc.constantFrom('2022-01-20', '2022-1-2', ''),
  notes: fc.constantFrom('fixture', '', 'line one\nline two'),
  report_id: fc.constantFrom(...REPORT_IDS),
  metric: fc.oneof(
    { weight: 4, arbitrary: fc.constantFrom(...METRIC_KEYS) },
    { weight: 4, arbitrary: fc.constantFrom(...SUMMED_KEYS) },
    fc.constantFrom('proactive.totl', 'x.__proto__', 'Proactive.Total'),
  ),
  value: numberText,
  qualifier: fc.constantFrom(...QUALIFIERS, '', 'roughly'),
  locator: fc.constantFrom('表三 row 一 col 总计', '一(一)', ''),
  note: fc.constantFrom('', 'closed by 31 Dec'),
  date: fc.constantFrom('2026-01-05', '2026-02-30', '', 'yesterday'),
  old_value: numberText,
  new_value: fc.oneof(numberText, fc.constantFrom('150', '')),
  reason: fc.constantFrom('misread', ''),
};

const cell = (column: string) =>
  fc.oneof(
    { weight: 8, arbitrary: COLUMN_VALUES[column] ?? fc.string({ maxLength: 8 }) },
    { weight: 1, arbitrary: fc.constantFrom(...AWKWARD) },
    { weight: 1, arbitrary: fc.string({ maxLength: 12, unit: 'grapheme' }) },
  );

// ---------------------------------------------------------------------------------------------------------
// Whole files.

const isBlankRecord = (fields: readonly string[]) => fields.length === 0 || (fields.length === 1 && fields[0] === '');

/** Quote a field the way a spreadsheet does (only when needed), or always. */
const quote = (field: string, always: boolean) =>
  always || /[",\r\n]/.test(field) || field !== field.trim() ? `"${field.replaceAll('"', '""')}"` : field;

/** Damage to the finished text at a position: what a broken editor, a paste or a truncated download leaves. */
const damage = fc.record({
  at: fc.nat(),
  edit: fc.oneof(
    fc.constantFrom('"', ',', '\n', '\r', '""', '\uFEFF').map((insert) => ({ insert, remove: 0 })),
    fc.constant({ insert: '', remove: 1 }),
  ),
});

/**
 * A file with a plausible structure: a header (sometimes reordered, missing, extra or duplicated columns),
 * rows of plausible and awkward values (sometimes a field too few or too many), a BOM, any line end, blank
 * lines. Without damage the text is well-formed CSV, so the number of records it holds is known.
 */
function structuredFile(file: FileName): fc.Arbitrary<FileText> {
  const columns: string[] = [...COLUMNS[file]];
  const header = fc.oneof(
    { weight: 6, arbitrary: fc.constant(columns) },
    fc.shuffledSubarray(columns, { minLength: columns.length }),
    fc.shuffledSubarray(columns, { minLength: 1 }),
    fc.constant([...columns, 'extra']),
    fc.constantFrom(...columns).map((c) => [...columns, c]),
    fc.constant(columns.map((c) => ` ${c.toUpperCase()} `)),
  );
  return header.chain((names) =>
    fc
      .record({
        rows: fc.array(
          fc.record({
            fields: fc.tuple(...names.map((n) => cell(n.trim()))),
            width: fc.oneof({ weight: 10, arbitrary: fc.constant(0) }, fc.constantFrom(-1, 1)),
            blankBefore: fc.oneof({ weight: 8, arbitrary: fc.constant(0) }, fc.integer({ min: 1, max: 2 })),
            // Mostly the file's own line end; sometimes another, as when lines are appended by another tool.
            eol: fc.oneof({ weight: 8, arbitrary: fc.constant(null) }, fc.constantFrom('\n', '\r\n', '\r')),
          }),
          { maxLength: 10 },
        ),
        alwaysQuote: fc.boolean(),
        eol: fc.constantFrom('\n', '\r\n', '\r'),
        bom: fc.boolean(),
        trailingEol: fc.boolean(),
        damage: fc.oneof({ weight: 3, arbitrary: fc.constant([]) }, fc.array(damage, { minLength: 1, maxLength: 3 })),
      })
      .map((f): FileText => {
        const line = (fields: readonly string[]) => fields.map((v) => quote(v, f.alwaysQuote)).join(',');
        const rows = f.rows.map((r) => ({
          ...r,
          fields: r.width < 0 ? r.fields.slice(0, -1) : r.width > 0 ? [...r.fields, 'x'] : r.fields,
        }));
        const body = rows.map((r) => {
          const eol = r.eol ?? f.eol;
          return eol.repeat(r.blankBefore + 1) + line(r.fields);
        });
        let text = (f.bom ? '\uFEFF' : '') + line(names) + body.join('') + (f.trailingEol ? f.eol : '');
        for (const d of f.damage) {
          const at = d.at % (text.length + 1);
          text = text.slice(0, at) + d.edit.insert + text.slice(at + d.edit.remove);
        }
        // A record of one empty field is a blank line to a CSV reader, quoted or not.
        const records = rows.filter((r) => !isBlankRecord(r.fields)).length;
        return { text, records: f.damage.length === 0 ? records : null };
      }),
  );
}

const VALID_TEXT: Record<FileName, string> = {
  agencies: AGENCIES,
  reports: REPORTS,
  figures: FIGURES,
  metrics: METRICS,
  corrections: CORRECTIONS,
};

const fixtureRecords = (text: string) => text.trimEnd().split('\n').length - 1;

/** An unchanged fixture file, printed by name in counterexamples instead of in full. */
const fixtureFile = (name: string, text: string): FileText => ({
  text,
  records: fixtureRecords(text),
  [fc.toStringMethod]: () => `<${name}>`,
});

/** A fixture file with generated rows appended: most of them valid, so they reach the derivations and checks. */
function fixtureWithRows(file: FileName): fc.Arbitrary<FileText> {
  const columns = COLUMNS[file];
  return fc.array(fc.tuple(...columns.map((c) => cell(c))), { minLength: 1, maxLength: 8 }).map((rows) => {
    const lines = rows.map((r) => r.map((v) => quote(v, false)).join(','));
    return {
      text: VALID_TEXT[file] + lines.map((l) => `${l}\n`).join(''),
      records: fixtureRecords(VALID_TEXT[file]) + rows.filter((r) => !isBlankRecord(r)).length,
      [fc.toStringMethod]: () => `<fixture ${file}.csv> + ${JSON.stringify(lines)}`,
    };
  });
}

const metricSample = (lines: string[]): FileText => ({
  text: [METRICS.slice(0, METRICS.indexOf('\n')), ...lines].join('\n'),
  records: lines.length,
  [fc.toStringMethod]: () => `<metrics.csv rows ${lines.map((l) => l.slice(0, l.indexOf(','))).join(' ')}>`,
});

/** The metric catalogue: the real one, a sample of its rows (cheaper, and derived_from may dangle), or generated. */
const metricsFile: fc.Arbitrary<FileText> = fc.oneof(
  fc.constant(fixtureFile('metrics.csv', METRICS)),
  { weight: 2, arbitrary: fc.subarray(METRIC_LINES, { maxLength: 40 }).map(metricSample) },
  structuredFile('metrics'),
);

/**
 * Bytes as the build script reads them from disk: mostly not UTF-8 (one error for the file), sometimes a
 * valid file in GB18030-like bytes or with one damaged byte.
 */
const randomBytes = fc
  .oneof(
    fc.uint8Array({ maxLength: 300 }),
    fc.tuple(fc.nat(), fc.integer({ min: 0x80, max: 0xff })).map(([at, byte]) => {
      const bytes = new TextEncoder().encode(FIGURES);
      bytes[at % bytes.length] = byte;
      return bytes;
    }),
  )
  .map((bytes): FileText => ({ text: new TextDecoder().decode(bytes), bytes, records: null }));
/** Text over the characters that matter to CSV, so structure breaks in every possible way. */
const csvNoise = fc
  .string({ maxLength: 200, unit: fc.constantFrom(',', '"', '\n', '\r', ' ', 'a', '1', '-', '.', '\uFEFF', '测') })
  .map((text): FileText => ({ text, records: null }));

function anyFile(file: FileName): fc.Arbitrary<FileText> {
  return fc.oneof(
    { weight: 2, arbitrary: fc.constant(fixtureFile(`fixture ${file}.csv`, VALID_TEXT[file])) },
    { weight: file === 'metrics' ? 0 : 3, arbitrary: fixtureWithRows(file) },
    { weight: 4, arbitrary: file === 'metrics' ? metricsFile : structuredFile(file) },
    { weight: 1, arbitrary: randomBytes },
    { weight: 1, arbitrary: csvNoise },
  );
}

type Inputs = Record<FileName, FileText>;

const fixtures = (figures: FileText): Inputs => ({
  agencies: fixtureFile('fixture agencies.csv', AGENCIES),
  reports: fixtureFile('fixture reports.csv', REPORTS),
  figures,
  metrics: fixtureFile('metrics.csv', METRICS),
  corrections: fixtureFile('corrections.csv', CORRECTIONS),
});

/**
 * The fixture with figure rows appended whose report and metric exist, so that odd values (huge, signed,
 * approximate) get past validation into the derived sums and the checks instead of stopping at a reference.
 */
const valuesOnFixtures = fc
  .array(
    fc.record({
      report: fc.constantFrom(...REPORT_IDS.slice(0, 4)),
      metric: fc.oneof(fc.constantFrom(...SUMMED_KEYS), fc.constantFrom(...METRIC_KEYS)),
      value: numberText,
      qualifier: fc.constantFrom(...QUALIFIERS),
    }),
    { minLength: 1, maxLength: 20 },
  )
  .map((rows) => {
    const lines = rows.map((r) => `${r.report},${r.metric},${quote(r.value, false)},${r.qualifier},generated,`);
    return fixtures({
      text: FIGURES + lines.map((l) => `${l}\n`).join(''),
      records: fixtureRecords(FIGURES) + rows.length,
      [fc.toStringMethod]: () => `<fixture figures.csv> + ${JSON.stringify(lines)}`,
    });
  });

const inputs: fc.Arbitrary<Inputs> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.record({
      agencies: anyFile('agencies'),
      reports: anyFile('reports'),
      figures: anyFile('figures'),
      metrics: anyFile('metrics'),
      corrections: anyFile('corrections'),
    }),
  },
  { weight: 1, arbitrary: valuesOnFixtures },
);

const texts = (input: Inputs): SourceTexts => ({
  agencies: input.agencies.bytes ?? input.agencies.text,
  reports: input.reports.bytes ?? input.reports.text,
  figures: input.figures.bytes ?? input.figures.text,
  metrics: input.metrics.bytes ?? input.metrics.text,
  corrections: input.corrections.bytes ?? input.corrections.text,
});

const build = (input: Inputs): BuildResult => buildDataset(texts(input), OPTIONS);

/** Lines as an editor shows them: the BOM is not a column, and CRLF, LF and a lone CR each end a line. */
const editorLines = (text: string) => text.replace(/^\uFEFF/, '').split(/\r\n|\r|\n/);

/**
 * Which record and field of a CSV text a line and column (as an editor counts them) fall in: read here with a
 * scanner of its own, not the build's parser, so a position that lands in the wrong field cannot agree with
 * itself. Records count from 0 (the header); blank lines between records are skipped, as the build skips them.
 */
function fieldAt(text: string, line: number, column: number): { record: number; field: number; header: string[] } {
  const lines = editorLines(text);
  const flat = lines.join('\n');
  const offset = lines.slice(0, line - 1).reduce((n, l) => n + l.length + 1, 0) + column - 1;
  let record = 0;
  let field = 0;
  let quoted = false;
  let atRecordStart = true;
  let fieldStart = true;
  const header: string[] = [];
  let current = '';
  let found: { record: number; field: number } | null = null;
  for (let i = 0; i <= flat.length; i++) {
    const ch = flat[i];
    if (atRecordStart && ch === '\n') continue;
    atRecordStart = false;
    if (i === offset) found = { record, field };
    if (ch === undefined) break;
    // As papaparse reads quotes: one opens a quoted field only as its first character, "" inside is one quote.
    if (quoted) {
      if (ch === '"' && flat[i + 1] === '"') {
        if (record === 0) current += ch;
        i++;
      } else if (ch === '"') quoted = false;
      else if (record === 0) current += ch;
      continue;
    }
    if (ch === '"' && fieldStart) {
      quoted = true;
      fieldStart = false;
      continue;
    }
    fieldStart = false;
    if (ch === ',' || ch === '\n') {
      fieldStart = true;
      if (record === 0) header.push(current.trim());
      current = '';
      if (ch === ',') field++;
      else {
        record++;
        field = 0;
        atRecordStart = true;
      }
      continue;
    }
    if (record === 0) current += ch;
  }
  if (record === 0) header.push(current.trim());
  return { ...(found ?? { record: -1, field: -1 }), header };
}

/** Every number anywhere in a value, with its path, to find NaN and Infinity. */
function* numbers(value: unknown, path = '$'): Generator<[string, number]> {
  if (typeof value === 'number') yield [path, value];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* numbers(v, `${path}[${i}]`);
  else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* numbers(v, `${path}.${k}`);
}

// Each run builds a small dataset in a few milliseconds; these counts keep the file to a few seconds.
// PROPERTY_RUNS=20000 searches deeper, e.g. after changing the data build.
const RUNS = { numRuns: Number(process.env.PROPERTY_RUNS ?? 250) };

// A generous limit: the default 5 s is near these tests' run time on a busy 2-core machine.
describe('data build properties', { timeout: 120_000 }, () => {
  it('never throws, whatever the five files contain', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        expect(() => build(input)).not.toThrow();
      }),
      RUNS,
    );
  });

  it('accounts for every record: read = accepted + rejected, and read = the records of a well-formed file', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { summary } = build(input);
        expect(summary.map((s) => s.file)).toEqual(
          ['metrics', 'agencies', 'reports', 'figures', 'corrections'].map((f) => pathOf(f as FileName)),
        );
        for (const file of FILES) {
          const s = summary.find((x) => x.file === pathOf(file));
          expect(s, file).toBeDefined();
          if (!s) continue;
          expect(s.accepted + s.rejected, `${file}: accepted + rejected`).toBe(s.read);
          const known = input[file].records;
          if (known !== null) expect(s.read, `${file}: records read`).toBe(known);
        }
      }),
      RUNS,
    );
  });

  it('names a file:line:column inside the named file for every error, on one line, and an error for every rejected row', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const { problems, summary } = build(input);
        for (const p of problems) {
          const file = FILES.find((f) => pathOf(f) === p.file);
          expect(file, `unknown file in ${p.file}`).toBeDefined();
          if (!file) continue;
          const lines = editorLines(input[file].text);
          const where = `${p.file}:${p.line}:${p.column}`;
          expect(Number.isInteger(p.line) && p.line >= 1 && p.line <= lines.length, `${where}: line outside 1–${lines.length}`).toBe(true);
          const width = lines[p.line - 1]?.length ?? 0;
          expect(Number.isInteger(p.column) && p.column >= 1 && p.column <= width + 1, `${where}: column outside 1–${width + 1}`).toBe(
            true,
          );
          expect(formatProblem(p)).toMatch(/^[^\r\n]*$/);
          // At the bad field, not only inside the file: an error about a column points into that column (files
          // whose quoting is broken are left out: where their records start is a matter of recovery).
          if (problems.some((q) => q.file === p.file && q.message.startsWith('a quoted field is not closed'))) continue;
          const at = fieldAt(input[file].text, p.line, p.column);
          const named = /^([a-z_]+): /.exec(p.message)?.[1];
          if (named !== undefined && at.header.includes(named) && at.header.indexOf(named) === at.header.lastIndexOf(named)) {
            expect(at.record, `${where}: ${p.message} (a row, not the header)`).toBeGreaterThan(0);
            expect(at.header[at.field], `${where}: ${p.message}`).toBe(named);
          }
          const twice = /^column "([^"]+)" appears twice/.exec(p.message)?.[1];
          if (twice !== undefined) {
            expect([at.record, at.field], `${where}: ${p.message} (at the second copy)`).toEqual([0, at.header.lastIndexOf(twice)]);
          }
        }
        for (const s of summary) {
          if (s.rejected > 0)
            expect(
              problems.some((p) => p.file === s.file),
              `${s.file} rejected rows without an error`,
            ).toBe(true);
        }
      }),
      RUNS,
    );
  });

  it('is deterministic, and what it accepts the site can read back (no NaN or Infinity)', () => {
    fc.assert(
      fc.property(inputs, (input) => {
        const first = build(input);
        const again = build(input);
        expect(JSON.stringify(again)).toBe(JSON.stringify(first));
        for (const [path, n] of numbers(first.dataset)) expect(Number.isFinite(n), `${path} = ${n}`).toBe(true);
        expect(() => datasetOut.parse(JSON.parse(stableStringify(first.dataset)))).not.toThrow();
      }),
      { numRuns: Math.round(RUNS.numRuns * 0.6) },
    );
  });
});
