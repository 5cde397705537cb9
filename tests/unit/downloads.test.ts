/**
 * Every CSV the project writes goes through one defusing function (src/lib/core/csv-write.ts): the downloads,
 * each agency's CSV, the metric catalogue and each chart's data.csv. Checked here on every file, from a
 * dataset with a formula in every text cell a row can carry, some of them spanning lines.
 */
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { AGENCY_CHARTS } from '../../src/lib/core/chart-specs.ts';
import { csvLines, defuseCell } from '../../src/lib/core/csv-write.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import { agencyChartView } from '../../src/lib/site/agency-view.ts';
import { chartCsv } from '../../src/lib/site/embeds.ts';
import { siteData, type SiteData } from '../../src/lib/site/site-data.ts';
import { agencyCsv } from '../../src/lib/site/agency-csv.ts';
import type { DatasetOut } from '../../src/lib/core/schema.ts';
import { AGENCIES, FIGURES, METRICS, REPORTS, appendLine, build, replaceLine } from './fixtures.ts';

const text = (content: string | Iterable<string>) => (typeof content === 'string' ? content : [...content].join(''));

/** What a spreadsheet runs as a formula: = + - @ first (after spaces), or a leading tab, CR or line feed. */
const RUNS = /^\s*[=+\-@]|^[\t\r\n]/;
const isNumber = (cell: string) => /^-?\d+(\.\d+)?$/.test(cell);

/** Cells a spreadsheet would run, with where they are. */
function liveFormulas(name: string, csv: string): string[] {
  expect(csv.startsWith('\uFEFF'), `${name} starts with a byte-order mark`).toBe(true);
  const rows = Papa.parse<string[]>(csv.slice(1), { skipEmptyLines: false }).data;
  expect(rows.at(-1), `${name} ends with one line end`).toEqual(['']);
  return rows
    .slice(0, -1)
    .flatMap((row, r) =>
      row.flatMap((cell, c) => (RUNS.test(cell) && !isNumber(cell) ? [`${name} row ${r + 1} col ${c + 1}: ${JSON.stringify(cell)}`] : [])),
    );
}

const cell = (value: string) => `"${value.replaceAll('"', '""')}"`;
const FORMULA = {
  name: '=HYPERLINK("http://evil.example","点击")',
  english: '+cmd|" /C calc"!A0',
  locator: '@SUM(A1:A9)',
  /** Province and prefecture are checked against the id's division code, so a leading - comes in a locator. */
  minusLocator: '-2+3',
  /** Spans lines: papaparse's own escapeFormulae pattern stopped at the line break. */
  note: '=cmd|" /C calc"!A0\nsecond line',
  notes: '=1+2\n=3+4',
  label: '=HYPERLINK("http://evil.example")',
  labelEn: ' =1+1',
};

/** The test fixture with a formula in every text cell that reaches a CSV. */
function formulaDataset() {
  const agencies = replaceLine(
    AGENCIES,
    2,
    `511100-jt,${cell(FORMULA.name)},${cell(FORMULA.english)},prefecture,transport,四川省,乐山市,,https://example.gov.cn/`,
  );
  const reports = replaceLine(
    REPORTS,
    3,
    `511100-jt-2021,511100-jt,2021,gov2021,https://example.gov.cn/2021.html,yes,agency,2022-01-20,${cell(FORMULA.notes)}`,
  );
  const figures = appendLine(
    appendLine(FIGURES, `511100-jt-2022,requests.handled,4,exact,${cell(FORMULA.locator)},${cell(FORMULA.note)}`),
    `511100-jt-2022,appeals.litigation.total,0,exact,${cell(FORMULA.minusLocator)},`,
  );
  const metrics = METRICS.replace(
    'proactive.total,主动公开信息总数,Items disclosed proactively (total),',
    `proactive.total,${cell(FORMULA.label)},${cell(FORMULA.labelEn)},`,
  );
  const result = build({ agencies, reports, figures, metrics });
  expect(result.problems).toEqual([]);
  return result.dataset;
}

describe('defuseCell', () => {
  it.each([
    ['=1+2', "'=1+2"],
    ['+x', "'+x"],
    ['-y', "'-y"],
    ['@SUM(A1)', "'@SUM(A1)"],
    ['=cmd\nsecond line', "'=cmd\nsecond line"],
    ['\n=cmd', "'\n=cmd"],
    ['  =1+1', "'  =1+1"],
    ['表三 =1', '表三 =1'],
    ['a\n=b', 'a\n=b'],
  ])('%j → %j', (value, defused) => {
    expect(defuseCell(value)).toBe(defused);
  });

  it('leaves numbers alone: −5 is a value, not a formula', () => {
    expect(defuseCell(-5)).toBe(-5);
  });

  it('writes the header and one line per row, and no blank line when there are no rows', () => {
    expect(csvLines(['a', 'b'], [])).toBe('a,b\n');
    expect(csvLines(['a', 'b'], [{ a: '=x', b: -1 }])).toBe("a,b\n'=x,-1\n");
    expect(csvLines(['a'], [{ a: 'x' }], { header: false })).toBe('x\n');
    // A row without a value for a column gets an empty cell, never the text "undefined".
    expect(csvLines(['a', 'b'], [{ a: 'x' }, { b: 2 }])).toBe('a,b\nx,\n,2\n');
  });

  it('quotes what CSV needs quoted, so a CSV reader gets every cell back as written', () => {
    const cells = ['a,b', 'say "hi"', 'two\nlines', 'cr\rhere', ' lead', 'trail ', '\uFEFFbom', '表三（一）', '', 'plain', 12.5, -3];
    const rows = cells.map((cell) => ({ a: cell, b: 'x' }));
    const csv = csvLines(['a', 'b'], rows);
    const parsed = Papa.parse<string[]>(csv, { skipEmptyLines: true }).data;
    expect(parsed).toEqual([['a', 'b'], ...cells.map((cell) => [String(cell), 'x'])]);
    expect(csv).toContain('"say ""hi"""');
    expect(csv).toContain('\nplain,x\n');
  });
});

/** Write a dataset's generated files to a folder and read them as the site does. */
async function withGenerated<T>(dataset: DatasetOut, use: (site: SiteData) => T): Promise<T> {
  const dir = await mkdtemp(join(tmpdir(), 'generated-'));
  for (const [path, content] of generatedFiles(dataset)) {
    await mkdir(dirname(join(dir, path)), { recursive: true });
    await writeFile(join(dir, path), text(content));
  }
  const before = process.env.GENERATED_DIR;
  process.env.GENERATED_DIR = dir;
  try {
    return use(siteData());
  } finally {
    process.env.GENERATED_DIR = before;
  }
}

describe('every CSV the project writes is defused', () => {
  it('the downloads: figures.csv.gz, metrics.csv and each agency CSV', async () => {
    const files = [...generatedFiles(formulaDataset())]
      .filter(([path]) => /\.csv(\.gz)?$/.test(path))
      .map(([path, content]) => [path, text(content)] as const);
    expect(files.map(([path]) => path).sort()).toEqual(['downloads/figures.csv.gz', 'downloads/metrics.csv']);
    const site = await withGenerated(formulaDataset(), (site) =>
      site.index.agencies.map((a) => [`downloads/agencies/${a.id}.csv`, agencyCsv(site, a.id)] as const),
    );
    expect(site.length).toBe(AGENCIES.trimEnd().split('\n').length - 1);
    for (const [path, content] of [...files, ...site]) expect(liveFormulas(path, content)).toEqual([]);
    // The payloads are there, as text.
    const figures = files.find(([path]) => path === 'downloads/figures.csv.gz')?.[1] ?? '';
    expect(figures).toContain(cell(`'${FORMULA.note}`));
    expect(figures).toContain(cell(`'${FORMULA.name}`));
    expect(figures).toContain(`'${FORMULA.minusLocator}`);
    // An agency's CSV holds the same rows as the whole-dataset CSV, header and all.
    const [header = '', ...rows] = figures.split('\n');
    for (const [, csv] of site) {
      const [own = '', ...ownRows] = csv.split('\n');
      expect(own).toBe(header);
      for (const row of ownRows.filter((r) => r !== '')) expect(rows).toContain(row);
    }
  });

  it("each chart's data.csv, in both languages", async () => {
    const written = await withGenerated(formulaDataset(), (site) => {
      const labels = (key: string) => ({ zh: site.metric(key).label_zh, en: site.metric(key).label_en });
      let count = 0;
      for (const agency of site.index.agencies) {
        for (const spec of AGENCY_CHARTS) {
          for (const lang of ['zh', 'en'] as const) {
            const view = agencyChartView(site, agency, spec.id, lang);
            if (view.svg === null) continue;
            expect(liveFormulas(`${agency.id}/${spec.id}/${lang}/data.csv`, chartCsv(view, labels))).toEqual([]);
            count++;
          }
        }
      }
      return count;
    });
    expect(written).toBeGreaterThan(2);
  });

  it('negative numbers stay numbers, counts and percentages with decimals alike', () => {
    const figures = appendLine(
      appendLine(FIGURES, '511100-jt-2022,proactive2019.art20_5.licensing.items_change,-3,exact,+x,-y'),
      '511100-jt-2022,proactive.total.change_pct,-12.5,exact,-z,',
    );
    const result = build({ figures });
    expect(result.problems).toEqual([]);
    const csv = text(new Map(generatedFiles(result.dataset)).get('downloads/figures.csv.gz') ?? '');
    expect(csv).toContain(`,-3,exact,no,'+x,'-y,`);
    expect(csv).toContain(`,percent,-12.5,exact,no,'-z,,`);
  });
});
