import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { AGENCIES, FIGURES, REPORTS, appendLine, build, replaceLine } from './fixtures.ts';

const rows = (csv: string) => csv.trimEnd().split('\n').length - 1;
/** The line a row appended to a fixture file lands on. */
const NEXT_FIGURE = rows(FIGURES) + 2;
const NEXT_REPORT = rows(REPORTS) + 2;

const problems = (result: ReturnType<typeof build>) => result.problems.map(formatProblem);

describe('buildDataset on valid input', () => {
  it('accepts every row and accounts for all of them', () => {
    const result = build();
    expect(problems(result)).toEqual([]);
    expect(result.summary).toEqual([
      { file: 'data/metrics.csv', read: expect.any(Number), accepted: expect.any(Number), rejected: 0 },
      { file: 'data/agencies.csv', read: rows(AGENCIES), accepted: rows(AGENCIES), rejected: 0 },
      { file: 'data/reports.csv', read: rows(REPORTS), accepted: rows(REPORTS), rejected: 0 },
      { file: 'data/figures.csv', read: rows(FIGURES), accepted: rows(FIGURES), rejected: 0 },
      { file: 'data/corrections.csv', read: 1, accepted: 1, rejected: 0 },
    ]);
  });

  it('is deterministic', () => {
    expect(JSON.stringify(build().dataset)).toBe(JSON.stringify(build().dataset));
  });
});

/**
 * One case per kind of bad input: the edit, and the located error the curator must see. In every case the
 * bad row is rejected, nothing else is, and read = accepted + rejected for every file.
 */
const badInput: { kind: string; edit: Parameters<typeof build>[0]; error: string; rejected: Record<string, number> }[] = [
  {
    kind: 'unknown metric key',
    edit: { figures: appendLine(FIGURES, '511100-jt-2022,proactive.totl,1,exact,一(一),') },
    error: `data/figures.csv:${NEXT_FIGURE}:16: metric: unknown metric key "proactive.totl"; use a key from metrics.csv`,
    rejected: { figures: 1 },
  },
  {
    kind: 'unknown report reference',
    edit: { figures: appendLine(FIGURES, '511100-jt-2030,proactive.total,1,exact,一(一),') },
    error: `data/figures.csv:${NEXT_FIGURE}:1: report_id: unknown report "511100-jt-2030"; no accepted row of reports.csv has this id`,
    rejected: { figures: 1 },
  },
  {
    kind: 'unknown agency reference',
    edit: { reports: appendLine(REPORTS, '511129-jt-2022,511129-jt,2022,gov2021,,,agency,,fixture') },
    error: `data/reports.csv:${NEXT_REPORT}:16: agency_id: unknown agency "511129-jt"; add it to agencies.csv (or fix the id)`,
    rejected: { reports: 1 },
  },
  {
    kind: 'duplicate (report, metric)',
    edit: { figures: appendLine(FIGURES, '511100-jt-2022,proactive.total,151,exact,一(一),') },
    error: `data/figures.csv:${NEXT_FIGURE}:16: metric: duplicate figure: report 511100-jt-2022 already has "proactive.total" on line 7`,
    rejected: { figures: 1 },
  },
  {
    kind: 'non-numeric value',
    edit: { figures: replaceLine(FIGURES, 7, '511100-jt-2022,proactive.total,150条,exact,一(一),') },
    error: 'data/figures.csv:7:32: value: "150条" is not a number',
    rejected: { figures: 1, corrections: 1 },
  },
  {
    kind: 'negative value',
    edit: { figures: replaceLine(FIGURES, 7, '511100-jt-2022,proactive.total,-150,exact,一(一),') },
    error: 'data/figures.csv:7:32: value: negative value -150; "proactive.total" cannot be negative',
    rejected: { figures: 1, corrections: 1 },
  },
  {
    kind: 'non-finite value',
    edit: { figures: replaceLine(FIGURES, 7, '511100-jt-2022,proactive.total,Infinity,exact,一(一),') },
    error: 'data/figures.csv:7:32: value: "Infinity" is not a finite number',
    rejected: { figures: 1, corrections: 1 },
  },
  {
    kind: 'value too large to add up (its derived sum would be Infinity, written as null)',
    edit: { figures: replaceLine(FIGURES, 13, `511112-jt-2022,proactive.website,${'9'.repeat(308)},exact,一(一),`) },
    error: `data/figures.csv:13:34: value: "${'9'.repeat(308)}" is too large to be a figure`,
    rejected: { figures: 1 },
  },
  {
    kind: 'year out of range',
    edit: { reports: replaceLine(REPORTS, 4, '511100-jt-2022,511100-jt,2031,gov2021,https://example.gov.cn/2022.html,yes,agency,,') },
    error: 'data/reports.csv:4:26: year: year 2031 is out of range 2008–2026',
    rejected: { reports: 1, figures: 6, corrections: 1 },
  },
  {
    kind: 'malformed CSV: unclosed quote',
    edit: { figures: replaceLine(FIGURES, 7, '511100-jt-2022,proactive.total,150,exact,"一(一),') },
    error: 'data/figures.csv:7:42: a quoted field is not closed',
    rejected: { figures: 1, corrections: 1 },
  },
  {
    kind: 'malformed CSV: wrong number of fields',
    edit: { figures: replaceLine(FIGURES, 7, '511100-jt-2022,proactive.total,150,exact,一(一),,extra') },
    error: 'data/figures.csv:7:48: expected 6 fields (as in the header) but found 7',
    rejected: { figures: 1, corrections: 1 },
  },
  {
    kind: 'missing required column',
    edit: {
      agencies: AGENCIES.replace(',website\n', '\n')
        .replace(/,https:\/\/example.gov.cn\/\n/, '\n')
        .replace(/,,\n/, ',\n'),
    },
    error: 'data/agencies.csv:1:53: required column "website" is missing from the header',
    rejected: { agencies: rows(AGENCIES), reports: rows(REPORTS), figures: rows(FIGURES), corrections: 1 },
  },
  {
    kind: 'source URL that is not http(s)',
    edit: {
      reports: replaceLine(REPORTS, 3, '511100-jt-2021,511100-jt,2021,gov2021,ftp://example.gov.cn/2021.html,yes,agency,2022-01-20,'),
    },
    error: 'data/reports.csv:3:39: source_url: source_url must start with http:// or https://',
    rejected: { reports: 1, figures: 3 },
  },
  {
    kind: 'unknown qualifier',
    edit: { figures: replaceLine(FIGURES, 7, '511100-jt-2022,proactive.total,150,roughly,一(一),') },
    error: 'data/figures.csv:7:36: qualifier: unknown qualifier "roughly"; use one of: exact, at_least, about, nearly',
    rejected: { figures: 1, corrections: 1 },
  },
  {
    kind: 'unknown level',
    edit: {
      agencies: replaceLine(
        AGENCIES,
        3,
        '511112-jt,测试市甲区交通运输局,Test District A Transport Bureau,district,transport,四川省,乐山市,,',
      ),
    },
    error: 'data/agencies.csv:3:55: level: unknown level "district"; use one of: national, province, prefecture, county',
    rejected: { agencies: 1, reports: 1, figures: 3 },
  },
  {
    kind: 'unknown template',
    edit: { reports: replaceLine(REPORTS, 4, '511100-jt-2022,511100-jt,2022,gov2022,https://example.gov.cn/2022.html,yes,agency,,') },
    error: 'data/reports.csv:4:31: template: unknown template "gov2022"; use one of: pre2019, gov2019, gov2021, unknown',
    rejected: { reports: 1, figures: 6, corrections: 1 },
  },
];

describe('buildDataset rejects bad input with a located error', () => {
  it.each(badInput)('$kind', ({ edit, error, rejected }) => {
    const result = build(edit);
    expect(problems(result)).toContainEqual(expect.stringMatching(new RegExp(`^${error.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)));
    for (const s of result.summary) {
      expect(s.read).toBe(s.accepted + s.rejected);
      const kind = s.file.replace(/^data\/|\.csv$/g, '');
      expect(s.rejected, `${kind} rejected`).toBe(rejected[kind] ?? 0);
    }
  });

  it('points at a line break in a column that takes one line, and keeps each error on one line', () => {
    const figures = appendLine(FIGURES, '511100-jt-2022,proactive.total,"12\n3",exact,x,');
    expect(problems(build({ figures }))).toEqual([
      `data/figures.csv:${NEXT_FIGURE}:35: value: a line break in a column that takes one line; join the lines (longer text belongs in notes)`,
    ]);
  });

  it('stops a row at a refused cell, so the row checks never see it (a line break as the sector once threw)', () => {
    const agencies = replaceLine(AGENCIES, 2, '511100-jt,测试市交通运输局,Test City Transport Bureau,national,"\n",四川省,乐山市,,');
    const result = build({ agencies });
    expect(problems(result)[0]).toBe(
      'data/agencies.csv:2:57: sector: a line break in a column that takes one line; join the lines (longer text belongs in notes)',
    );
    expect(result.summary.find((s) => s.file === 'data/agencies.csv')).toMatchObject({ rejected: 1 });
  });

  it('shows invisible characters of a quoted cell escaped', () => {
    const figures = appendLine(FIGURES, '511100-jt-2022,proactive.total,12\u200b3,exact,x,');
    expect(problems(build({ figures }))).toEqual([
      `data/figures.csv:${NEXT_FIGURE}:32: value: "12\\u200b3" is not a number; write digits only, e.g. 1234 or 38.44 (no units, no 余/约 — use the qualifier column)`,
    ]);
  });

  it('reports all errors of a run, not only the first', () => {
    const figures = appendLine(appendLine(FIGURES, '511100-jt-2022,nope,1,exact,x,'), '511100-jt-2022,requests.new.total,x,exact,x,');
    expect(problems(build({ figures })).map((p) => p.split(': ')[0])).toEqual([
      `data/figures.csv:${NEXT_FIGURE}:16`,
      `data/figures.csv:${NEXT_FIGURE + 1}:35`,
    ]);
  });
});

describe('buildDataset normalises spreadsheet habits', () => {
  it.each([
    ['a UTF-8 byte-order mark', (t: string) => `\uFEFF${t}`],
    ['CRLF line ends', (t: string) => t.replaceAll('\n', '\r\n')],
    ['full-width digits', (t: string) => t.replace(',150,', ',１５０,')],
    ['a thousands separator', (t: string) => t.replace(',150,', ',"0,150",')],
    ['surrounding whitespace', (t: string) => t.replace(',150,exact,', ',  150 , exact ,')],
  ])('accepts %s', (_, edit) => {
    const result = build({ figures: edit(FIGURES) });
    expect(problems(result)).toEqual([]);
    const figure = result.dataset.figures.find((f) => f.report_id === '511100-jt-2022' && f.metric === 'proactive.total');
    expect(figure?.value).toBe(150);
  });
});

describe('buildDataset output', () => {
  it('keeps approximate qualifiers and derives channel sums marked as derived', () => {
    const { dataset } = build();
    expect(dataset.figures.find((f) => f.report_id === '511100-jt-2021' && f.metric === 'proactive.total')).toMatchObject({
      value: 120,
      qualifier: 'at_least',
      derived: false,
    });
    expect(dataset.figures.find((f) => f.report_id === '511112-jt-2022' && f.metric === 'proactive.channels_sum')).toMatchObject({
      value: 42,
      derived: true,
      locator: 'derived: proactive.website + proactive.wechat',
    });
  });

  it('leaves years without a report out of the series (gaps, not zeros)', () => {
    const agency = build().dataset.agencies.find((a) => a.id === '511100-jt');
    expect(agency?.series['proactive.total']?.map((p) => p.year)).toEqual([2019, 2021, 2022]);
  });

  it('turns an empty source URL into null and official into null', () => {
    const report = build().dataset.reports.find((r) => r.id === '511100-jt-2019');
    expect(report).toMatchObject({ source_url: null, official: null });
  });

  it('flags R4 when carry-over does not match the year before', () => {
    const { warnings } = build();
    expect(warnings.map((w) => [w.rule, w.report_id])).toContainEqual(['R4', '511100-jt-2022']);
  });
});
