import { describe, expect, it } from 'vitest';
import {
  compareChartHeight,
  compareChartOption,
  compareMarks,
  compareTooltip,
  type CompareChartData,
} from '../../src/lib/charts/compare-chart.ts';
import { renderSvg } from '../../src/lib/charts/echarts.ts';
import {
  alignToYears,
  compareMessages,
  compareYears,
  indexSeries,
  MAX_AGENCIES,
  parseAgencySeriesFile,
  parseCompareState,
  serialiseCompareState,
  type CompareState,
  type IndexedSeries,
} from '../../src/lib/site/compare.ts';
import { en } from '../../src/i18n/en.ts';
import type { SeriesPoint } from '../../src/lib/core/schema.ts';
import { point } from '../helpers.ts';
import { agencyDownload } from '../../src/lib/pipeline/downloads.ts';
import { build } from './fixtures.ts';

const values = (s: IndexedSeries) => (s.status === 'indexed' ? s.points.map((p) => [p.year, p.value, p.qualifier]) : s);

describe('indexSeries', () => {
  it.each([
    {
      why: 'the earliest year every series has a figure is the base, even if one series starts earlier',
      input: [
        [point(2019, 50), point(2020, 80), point(2021, 100)],
        [point(2020, 10), point(2021, 20)],
      ],
      base: 2020,
      expected: [
        [
          [2019, 62.5, 'exact'],
          [2020, 100, 'exact'],
          [2021, 125, 'exact'],
        ],
        [
          [2020, 100, 'exact'],
          [2021, 200, 'exact'],
        ],
      ],
    },
    {
      why: 'no year in common: each series is indexed to its own first year',
      input: [
        [point(2019, 40), point(2020, 60)],
        [point(2021, 8), point(2022, 4)],
      ],
      base: null,
      expected: [
        [
          [2019, 100, 'exact'],
          [2020, 150, 'exact'],
        ],
        [
          [2021, 100, 'exact'],
          [2022, 50, 'exact'],
        ],
      ],
    },
    {
      why: 'an approximate value stays approximate with its own qualifier over an exact base',
      input: [[point(2019, 80), point(2021, 120, 'at_least'), point(2022, 40, 'nearly')]],
      base: 2019,
      expected: [
        [
          [2019, 100, 'exact'],
          [2021, 150, 'at_least'],
          [2022, 50, 'nearly'],
        ],
      ],
    },
    {
      why: 'an approximate base makes every index of the series approximate (the direction of "or more" flips when dividing)',
      input: [[point(2019, 200, 'at_least'), point(2020, 300)]],
      base: 2019,
      expected: [
        [
          [2019, 100, 'about'],
          [2020, 150, 'about'],
        ],
      ],
    },
    {
      why: 'indices carry one decimal',
      input: [[point(2019, 3), point(2020, 1)]],
      base: 2019,
      expected: [
        [
          [2019, 100, 'exact'],
          [2020, 33.3, 'exact'],
        ],
      ],
    },
    {
      why: 'a series without figures is unavailable and takes no part in choosing the base year',
      input: [[], [point(2020, 5), point(2021, 10)]],
      base: 2020,
      expected: [
        { status: 'unavailable', reason: 'no_figures' },
        [
          [2020, 100, 'exact'],
          [2021, 200, 'exact'],
        ],
      ],
    },
    {
      why: 'a base of 0 is reported, never divided by',
      input: [
        [point(2020, 0), point(2021, 4)],
        [point(2020, 10), point(2021, 20)],
      ],
      base: 2020,
      expected: [
        { status: 'unavailable', reason: 'base_not_positive', base: point(2020, 0) },
        [
          [2020, 100, 'exact'],
          [2021, 200, 'exact'],
        ],
      ],
    },
    { why: 'nothing selected', input: [], base: null, expected: [] },
  ])('$why', ({ input, base, expected }) => {
    const outcome = indexSeries(input);
    expect(outcome.commonBaseYear).toBe(base);
    expect(outcome.series.map(values)).toEqual(expected);
  });

  it('keeps missing years missing (a gap, not 0) and each point its report', () => {
    const outcome = indexSeries([[point(2019, 80), point(2021, 120)]]);
    const [series] = outcome.series;
    if (series?.status !== 'indexed') throw new Error('expected an indexed series');
    expect(alignToYears(series.points, [2019, 2020, 2021]).map((p) => p?.value ?? null)).toEqual([100, null, 150]);
    expect(series.points.map((p) => p.report_id)).toEqual(['r2019', 'r2021']);
  });

  it('never produces NaN or Infinity: a zero base is reported, a tiny one gives a large finite index', () => {
    const outcome = indexSeries([[point(2019, 0)], [point(2019, 0.0001), point(2020, 1e9)]]);
    expect(outcome.series.map((s) => s.status)).toEqual(['unavailable', 'indexed']);
    const [zero, tiny] = outcome.series;
    expect(zero).toEqual({ status: 'unavailable', reason: 'base_not_positive', base: point(2019, 0) });
    if (tiny?.status !== 'indexed') throw new Error('expected an indexed series');
    expect(tiny.points.map((p) => p.value)).toEqual([100, 1e15]);
  });
});

describe('compare URL state', () => {
  const context = {
    agencies: new Set(['a-jt', 'b-jt', 'c-jt', ...Array.from({ length: 10 }, (_, i) => `x${i}`)]),
    metrics: ['m.one', 'requests.new.total'],
  };

  it.each<[string, CompareState]>([
    ['several agencies, indexed', { agencies: ['b-jt', 'a-jt'], metric: 'm.one', mode: 'index' }],
    ['one agency, absolute', { agencies: ['c-jt'], metric: 'requests.new.total', mode: 'abs' }],
    ['no agency yet', { agencies: [], metric: 'm.one', mode: 'abs' }],
  ])('round-trips %s', (_, state) => {
    expect(parseCompareState(serialiseCompareState(state), context)).toEqual({ state, issues: [] });
  });

  it('writes a readable query string, commas unescaped', () => {
    expect(serialiseCompareState({ agencies: ['a-jt', 'b-jt'], metric: 'proactive.total', mode: 'index' })).toBe(
      '?agencies=a-jt,b-jt&metric=proactive.total&mode=index',
    );
  });

  it.each([
    {
      why: 'empty query: defaults, no complaint',
      search: '',
      state: { agencies: [], metric: 'requests.new.total', mode: 'abs' },
      issues: [],
    },
    {
      why: 'the form submitted without JavaScript repeats the parameter',
      search: '?agencies=a-jt&agencies=b-jt&metric=m.one&mode=index',
      state: { agencies: ['a-jt', 'b-jt'], metric: 'm.one', mode: 'index' },
      issues: [],
    },
    {
      why: 'duplicates and blanks collapse',
      search: '?agencies=a-jt,,a-jt,%20b-jt',
      state: { agencies: ['a-jt', 'b-jt'], metric: 'requests.new.total', mode: 'abs' },
      issues: [],
    },
    {
      why: 'unknown values are dropped and reported',
      search: '?agencies=a-jt,nope,<x>&metric=bogus&mode=log',
      state: { agencies: ['a-jt'], metric: 'requests.new.total', mode: 'abs' },
      issues: [
        { kind: 'unknown_agencies', values: ['nope', '<x>'] },
        { kind: 'unknown_metric', value: 'bogus' },
        { kind: 'unknown_mode', value: 'log' },
      ],
    },
    {
      why: `more than ${MAX_AGENCIES} agencies: the rest are dropped and reported`,
      search: `?agencies=a-jt,b-jt,c-jt,${Array.from({ length: 7 }, (_, i) => `x${i}`).join(',')}`,
      state: { agencies: ['a-jt', 'b-jt', 'c-jt', 'x0', 'x1', 'x2', 'x3', 'x4'], metric: 'requests.new.total', mode: 'abs' },
      issues: [{ kind: 'too_many_agencies', dropped: ['x5', 'x6'] }],
    },
  ])('$why', ({ search, state, issues }) => {
    expect(parseCompareState(search, context)).toEqual({ state, issues });
  });

  it('falls back to the first metric when the preferred one has no figures', () => {
    expect(parseCompareState('', { agencies: new Set(), metrics: ['m.one'] }).state.metric).toBe('m.one');
  });
});

describe('parseAgencySeriesFile', () => {
  const dataset = build().dataset;
  const agency = dataset.agencies.find((a) => a.id === '511100-zf');
  if (!agency) throw new Error('fixture agency missing');
  const [, text] = agencyDownload({
    agency,
    reports: dataset.reports.filter((r) => r.agency_id === agency.id),
    figures: dataset.figures.filter((f) => agency.report_ids.includes(f.report_id)),
    warnings: [],
  });
  const good = JSON.parse(text) as { agency: object; reports: { figures: unknown[]; source_url: unknown; scope: string }[] };

  it("makes from the agency's download the same series of its own work as the data build", () => {
    const parsed = parseAgencySeriesFile(good, agency.id);
    expect(parsed.series).toEqual(agency.series);
    // Whole-jurisdiction reports are not the body's own work.
    expect(good.reports.some((r) => r.scope === 'system')).toBe(true);
    expect(Object.keys(parsed.sources).sort()).toEqual([...agency.report_ids].sort());
  });

  const withReport = (change: object) => ({ ...good, reports: [{ ...good.reports[0], ...change }, ...good.reports.slice(1)] });
  it.each([
    ['another agency', { ...good, agency: { ...good.agency, id: 'b-jt' } }],
    ['no reports', { agency: good.agency }],
    ['a value that is not a number', withReport({ figures: [['m.one', '5', 'exact', false, '', '']] })],
    ['an unknown qualifier', withReport({ figures: [['m.one', 5, 'roughly', false, '', '']] })],
    ['an unknown scope', withReport({ scope: 'everyone' })],
    ['a source that is not a URL string', withReport({ source_url: 5 })],
    ['not an object', 'oops'],
  ])('rejects %s', (_, json) => {
    expect(() => parseAgencySeriesFile(json, agency.id)).toThrow(/511100-zf/);
  });
});

describe('compareMessages', () => {
  it('passes the compare strings and the shared table strings, nothing else', () => {
    const picked = compareMessages(en);
    expect(picked.compareTitle).toBe(en.compareTitle);
    expect(picked.tableMissing).toBe(en.tableMissing);
    expect(
      Object.keys(picked).every(
        (k) =>
          k.startsWith('compare') ||
          k.startsWith('table') ||
          k.startsWith('chartKey') ||
          k.startsWith('key') ||
          k === 'sourceUnknown' ||
          k === 'derivedMark',
      ),
    ).toBe(true);
  });
});

describe('compareChartOption', () => {
  // Built inside each test (tests/helpers.ts, perTest, says why).
  const years = () => compareYears([[point(2019, 80), point(2021, 120, 'at_least')], [point(2022, 3)]]);
  const line = (label: string, points: SeriesPoint[]) => ({
    label,
    points: alignToYears(points, years()),
    sources: { r2019: null, r2021: 'https://example.gov.cn/2021.html', r2022: 'https://example.gov.cn/2022.html' },
  });
  const data = (): CompareChartData => ({
    years: years(),
    lines: [line('A', [point(2019, 80), point(2021, 120, 'at_least')]), line('B <b>', [point(2022, 3)])],
    mode: 'abs',
    axisName: 'count',
    allowNegative: false,
  });
  const text = { missing: 'not stated', sourceUnknown: 'source page unknown', approximate: 'approximate', notStated: 'no figure' };
  const option = () => compareChartOption(data(), 'en', text);
  const series = () => option().series as { name: string; color: string; connectNulls: boolean; data: unknown[] }[];

  it('spans every year from the first figure to the last', () => {
    expect(years()).toEqual([2019, 2020, 2021, 2022]);
    expect((option().xAxis as { data: string[] }).data).toEqual(['2019', '2020', '2021', '2022']);
  });

  it('draws one line per agency, in palette order, with gaps for missing years', () => {
    expect(
      series()
        .slice(0, 2)
        .map((s) => [s.name, s.color, s.connectNulls]),
    ).toEqual([
      ['A', '#0072B2', false],
      ['B <b>', '#E69F00', false],
    ]);
    expect(series()[0]?.data[1]).toBeNull();
    expect(series()[1]?.data.slice(0, 3)).toEqual([null, null, null]);
  });

  it('draws approximate values hollow and labelled', () => {
    expect(series()[0]?.data[2]).toMatchObject({ value: 120, symbol: 'emptyCircle', label: { show: true, formatter: '120+' } });
  });

  it('starts the axis at 0 for absolute values, and not for an index or a metric that can fall', () => {
    expect(option().yAxis).toMatchObject({ min: 0, name: 'count' });
    expect(compareChartOption({ ...data(), mode: 'index', axisName: 'index' }, 'en', text).yAxis).not.toHaveProperty('min');
    expect(compareChartOption({ ...data(), allowNegative: true }, 'en', text).yAxis).not.toHaveProperty('min');
  });

  it('names each value, its qualifier and its source in the tooltip, escaping names', () => {
    expect(compareTooltip(data(), 2, 'en', text)).toBe(
      '<strong>2021</strong><br><span style="color:#0072B2">●</span> A: 120+ · example.gov.cn<br><span style="color:#E69F00">●</span> B &#60;b&#62;: not stated',
    );
    expect(compareTooltip(data(), 0, 'zh', text)).toContain('A: 80 · source page unknown');
  });

  it('renders without NaN', () => {
    // The build-time renderer has no tooltip component (the browser adds it), so leave the tooltip out here.
    const { tooltip: _tooltip, ...drawn } = compareChartOption(data(), 'zh', text);
    const svg = renderSvg(drawn, { width: 640, height: 360 }, 'compare', 'x');
    expect(svg).not.toContain('NaN');
    expect(svg).toContain('120余');
  });

  it('cuts a name longer than a phone screen with an ellipsis and keeps a short one whole', () => {
    const long = 'State-owned Assets Supervision and Administration Commission of the State Council';
    const named: CompareChartData = { ...data(), lines: [{ ...line(long, [point(2019, 8)]) }, line('A', [point(2021, 3)])] };
    const { tooltip: _tooltip, ...drawn } = compareChartOption(named, 'en', text, 360);
    const svg = renderSvg(drawn, { width: 360, height: compareChartHeight(2) }, 'compare', 'x');
    const legend = [...svg.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((m) => m[1] ?? '');
    const cut = legend.find((t) => t.startsWith('State-owned'));
    expect(cut).toMatch(/…$/);
    expect(cut?.length).toBeLessThan(long.length);
    expect(legend).toContain('A');
    // The table under the chart and the tooltip still give the whole name.
    expect(compareTooltip(named, 0, 'en', text)).toContain(long);
  });
});

describe('what the compare chart’s caption and size say', () => {
  const chart = (...lines: (SeriesPoint | null)[][]): CompareChartData => ({
    years: [2021, 2022],
    lines: lines.map((points, i) => ({ label: `L${i}`, points, sources: {} })),
    mode: 'abs',
    axisName: 'count',
    allowNegative: false,
  });
  it('names only the marks a drawn line has: approximate, zero, not stated', () => {
    expect(compareMarks(chart([point(2021, 3), point(2022, 4)]))).toEqual({ approximate: false, zero: false, notStated: false });
    expect(compareMarks(chart([point(2021, 3, 'about'), null]))).toEqual({ approximate: true, zero: false, notStated: true });
    expect(compareMarks(chart([point(2021, 3), point(2022, 4)], [point(2021, 0), point(2022, 5)]))).toEqual({
      approximate: false,
      zero: true,
      notStated: false,
    });
    // A line without any figure is named above the chart, not drawn: its gaps are not the chart's marks.
    expect(compareMarks(chart([point(2021, 3), point(2022, 4)], [null, null]))).toEqual({
      approximate: false,
      zero: false,
      notStated: false,
    });
  });
  it('grows by one legend line per agency', () => {
    expect(compareChartHeight(2) - compareChartHeight(1)).toBe(20);
    expect(compareChartHeight(1)).toBe(compareChartHeight(0) + 20);
    expect(compareChartHeight(1)).toBeGreaterThan(240 + 3 * 20);
  });
  it('draws no row of × for a line without any figure', () => {
    const option = compareChartOption(chart([point(2021, 3), null], [null, null]), 'en', {
      missing: 'not stated',
      sourceUnknown: '?',
      approximate: 'approximate',
      notStated: 'no figure',
    });
    expect((option.series as { name: string }[]).map((s) => s.name)).toEqual(['L0', 'L1', 'L0 (×)', 'no figure']);
  });
});
