/**
 * The README's promises about figures, read where a reader meets them: the rows of the CSV downloads, the
 * standing text of a headline card and a ranking group, the peer strip's dots, the chart SVG, the curator's
 * error lines and the build summary. Each test names the promise it holds; docs/testing.md lists them all.
 * The dataset is the synthetic fixture (tests/unit/fixtures.ts), built by the real data build.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { gunzipSync, gzipSync } from 'node:zlib';
import { parse } from 'node-html-parser';
import Papa from 'papaparse';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { chartData } from '../../src/lib/charts/agency-charts.ts';
import { renderSvg } from '../../src/lib/charts/echarts.ts';
import { chartSize, yearChartOption } from '../../src/lib/charts/options.ts';
import { peerStripOption, peerStripSize } from '../../src/lib/charts/peer-strip.ts';
import { AGENCY_CHARTS } from '../../src/lib/core/chart-specs.ts';
import { stableStringify } from '../../src/lib/core/json.ts';
import type { AgencyDownload, DatasetOut, MetricRanking, SeriesPoint } from '../../src/lib/core/schema.ts';
import { generatedFiles } from '../../src/lib/pipeline/outputs.ts';
import { rankMetric, type RankableAgency } from '../../src/lib/pipeline/rankings.ts';
import { formatProblem } from '../../src/lib/pipeline/tables.ts';
import { agencyCsv } from '../../src/lib/site/agency-csv.ts';
import { agencyChartView } from '../../src/lib/site/agency-view.ts';
import { parseAgencySeriesFile } from '../../src/lib/site/compare.ts';
import { chartCsv } from '../../src/lib/site/embeds.ts';
import { peerGroupLabel, standingText } from '../../src/lib/site/labels.ts';
import { peerStrips } from '../../src/lib/site/peer-view.ts';
import { siteData } from '../../src/lib/site/site-data.ts';
import { perTest, point } from '../helpers.ts';
import { AGENCIES, FIGURES, METRICS, REPORTS, build, replaceLine } from './fixtures.ts';

type Row = Record<string, string>;
const text = (content: string | Iterable<string>) => (typeof content === 'string' ? content : [...content].join(''));
const csvRows = (csv: string): Row[] => {
  expect(csv.startsWith('\uFEFF')).toBe(true);
  const parsed = Papa.parse<Row>(csv.slice(1), { header: true, skipEmptyLines: true });
  expect(parsed.errors).toEqual([]);
  return parsed.data;
};

/** The fixture's own files, read with a CSV parser of their own: what the downloads must carry back. */
const sourceOf = new Map(Papa.parse<Row>(REPORTS, { header: true, skipEmptyLines: true }).data.map((r) => [r.id ?? '', r.source_url]));
const statedFigures = Papa.parse<Row>(FIGURES, { header: true, skipEmptyLines: true }).data;
const stated = new Map(statedFigures.map((f) => [`${f.report_id} ${f.metric}`, f]));
const reportRows = new Map(Papa.parse<Row>(REPORTS, { header: true, skipEmptyLines: true }).data.map((r) => [r.id ?? '', r]));
const agencyOfReport = new Map(Papa.parse<Row>(REPORTS, { header: true, skipEmptyLines: true }).data.map((r) => [r.id ?? '', r.agency_id]));

/**
 * The downloads as a reader gets them, by path under downloads/: the generated files written to a folder as the
 * build writes them (a .gz path gzipped), then figures.csv.gz unpacked (as 'figures.csv'), each agency's CSV as
 * the site route makes it from the agency's JSON (src/pages/downloads/agencies/[id].csv.ts), other files as written.
 */
function readerDownloads(dataset: DatasetOut): Map<string, string> {
  const dir = mkdtempSync(join(tmpdir(), 'promises-downloads-'));
  for (const [path, content] of generatedFiles(dataset)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), path.endsWith('.gz') ? gzipSync(text(content)) : text(content));
  }
  const files = new Map<string, string>();
  for (const [path] of generatedFiles(dataset)) {
    if (!path.startsWith('downloads/')) continue;
    const bytes = readFileSync(join(dir, path));
    if (path.endsWith('.gz')) files.set(path.slice('downloads/'.length, -'.gz'.length), gunzipSync(bytes).toString('utf8'));
    else files.set(path.slice('downloads/'.length), bytes.toString('utf8'));
  }
  const before = process.env.GENERATED_DIR;
  process.env.GENERATED_DIR = dir;
  try {
    const site = siteData();
    for (const agency of site.index.agencies) files.set(`agencies/${agency.id}.csv`, agencyCsv(site, agency.id));
  } finally {
    if (before === undefined) delete process.env.GENERATED_DIR;
    else process.env.GENERATED_DIR = before;
  }
  return files;
}

/** An agency's JSON download read as its columns header says: each figure with its report id. */
function agencyFigures(download: AgencyDownload): Record<string, string | number | boolean>[] {
  return download.reports.flatMap((r) =>
    r.figures.map((cells) => ({ report_id: r.id, ...Object.fromEntries(download.columns.map((column, i) => [column, cells[i] ?? ''])) })),
  );
}

/** The fixture built inside each test that reads it (tests/helpers.ts says why), with its download files. */
const built = perTest(() => {
  const { dataset } = build();
  return { dataset, files: readerDownloads(dataset) };
});

/** The download rows must give back, for every stated figure, its value, qualifier, locator and report URL. */
function expectTraceable(path: string, rows: Row[], reportIds: ReadonlySet<string>) {
  const own = statedFigures.filter((f) => reportIds.has(f.report_id ?? ''));
  const statedRows = rows.filter((r) => r.derived === 'no');
  expect(statedRows.map((r) => `${r.report_id} ${r.metric}`).sort(), `${path}: one row per stated figure`).toEqual(
    own.map((f) => `${f.report_id} ${f.metric}`).sort(),
  );
  for (const row of rows) {
    const where = `${path}: ${row.report_id} ${row.metric}`;
    const report = reportRows.get(row.report_id ?? '');
    expect([row.agency_id, row.source_url, row.official], where).toEqual([report?.agency_id, report?.source_url, report?.official]);
    expect(row.derived, where).toMatch(/^(yes|no)$/);
    if (row.derived === 'no') {
      const f = stated.get(`${row.report_id} ${row.metric}`);
      expect([row.value, row.qualifier, row.locator], where).toEqual([f?.value, f?.qualifier, f?.locator]);
    } else {
      expect(row.locator, where).toMatch(/^derived: \S+( \+ \S+)+$/);
    }
  }
}

describe('every download row carries its report’s URL and locator, and its qualifier', () => {
  it('figures.csv: every stated figure once, with value, qualifier, locator and source URL', () => {
    const rows = csvRows(built().files.get('figures.csv') ?? '');
    expectTraceable('figures.csv', rows, new Set(sourceOf.keys()));
    // Spelled out for two rows a reader would check by hand: an approximate figure, and a report whose page is unknown.
    expect(rows.find((r) => r.report_id === '511100-jt-2021' && r.metric === 'proactive.total')).toMatchObject({
      value: '120',
      qualifier: 'at_least',
      locator: '一(一)',
      source_url: 'https://example.gov.cn/2021.html',
      official: 'yes',
    });
    expect(rows.find((r) => r.report_id === '511100-jt-2019' && r.metric === 'requests.new.total')).toMatchObject({
      locator: '一(二)',
      source_url: '',
      official: '',
    });
  });

  it('each agency’s CSV: the agency’s figures, each with its source', () => {
    const agencyIds = Papa.parse<Row>(AGENCIES, { header: true, skipEmptyLines: true }).data.map((a) => a.id ?? '');
    expect(agencyIds).toHaveLength(11);
    for (const id of agencyIds) {
      const reports = new Set([...agencyOfReport].filter(([, agency]) => agency === id).map(([report]) => report));
      expectTraceable(`agencies/${id}.csv`, csvRows(built().files.get(`agencies/${id}.csv`) ?? ''), reports);
    }
  });

  it('each agency’s JSON: figures with locator and qualifier under its columns header, reports with their URL', () => {
    const { dataset, files } = built();
    const downloads = dataset.agencies.map((a) => JSON.parse(files.get(`agencies/${a.id}.json`) ?? 'null') as AgencyDownload);
    for (const d of downloads) expect(d.columns).toEqual(['metric', 'value', 'qualifier', 'derived', 'locator', 'note']);
    // Together the agencies' files give back every stated figure once, and every report with its URL.
    const figures = downloads.flatMap(agencyFigures).filter((f) => f.derived === false);
    expect(figures.map((f) => [f.report_id, f.metric, f.value, f.qualifier, f.locator]).sort()).toEqual(
      statedFigures.map((f) => [f.report_id, f.metric, Number(f.value), f.qualifier, f.locator]).sort(),
    );
    const reports = downloads.flatMap((d) => d.reports);
    expect(Object.fromEntries(reports.map((r) => [r.id, r.source_url ?? '']))).toEqual(Object.fromEntries(sourceOf));
    const one = JSON.parse(files.get('agencies/511100-jt.json') ?? '{}') as { reports: { id: string; source_url: string | null }[] };
    expect(one.reports.map((r) => [r.id, r.source_url])).toEqual([
      ['511100-jt-2019', null],
      ['511100-jt-2021', 'https://example.gov.cn/2021.html'],
      ['511100-jt-2022', 'https://example.gov.cn/2022.html'],
    ]);
  });
});

describe('the downloads give back what was curated, and the files the pages fetch carry what they show', () => {
  const catalogue = new Map(Papa.parse<Row>(METRICS, { header: true, skipEmptyLines: true }).data.map((m) => [m.key ?? '', m]));
  const json = <T>(path: string): T => JSON.parse(built().files.get(path) ?? 'null') as T;

  it('figures.csv spells out every column of a row: agency, report, metric, value and source', () => {
    const rows = csvRows(built().files.get('figures.csv') ?? '');
    const website = catalogue.get('proactive.website');
    // A figure from a report on a mirror site (official = no).
    expect(rows.find((r) => r.report_id === '511112-jt-2022' && r.metric === 'proactive.website')).toEqual({
      agency_id: '511112-jt',
      agency_name_zh: '测试市甲区交通运输局',
      agency_name_en: 'Test District A Transport Bureau',
      level: 'county',
      province: '四川省',
      prefecture: '乐山市',
      year: '2022',
      report_id: '511112-jt-2022',
      template: 'gov2021',
      scope: 'agency',
      metric: 'proactive.website',
      label_zh: website?.label_zh,
      label_en: website?.label_en,
      unit: 'count',
      value: '30',
      qualifier: 'exact',
      derived: 'no',
      locator: '一(一)',
      note: '',
      source_url: 'https://mirror.example.com/2022.html',
      official: 'no',
    });
    // The same report's channels, summed by the build: marked derived, never passed off as stated.
    expect(rows.find((r) => r.report_id === '511112-jt-2022' && r.metric === 'proactive.channels_sum')).toMatchObject({
      value: '42',
      derived: 'yes',
      locator: 'derived: proactive.website + proactive.wechat',
    });
  });

  it('figures.csv has one row per figure however many there are (written in chunks)', () => {
    const { dataset } = built();
    const many = Array.from({ length: 12_001 }, (_, i) => dataset.figures[i % dataset.figures.length]).filter((f) => f !== undefined);
    const csv = readerDownloads({ ...dataset, figures: many }).get('figures.csv') ?? '';
    expect(csvRows(csv)).toHaveLength(12_001);
  });

  it('metrics.csv gives back the catalogue as curated, derived sums included', () => {
    const rows = csvRows(built().files.get('metrics.csv') ?? '');
    expect(rows).toEqual([...catalogue.values()]);
    expect(rows.some((r) => r.derived_from?.startsWith('any:'))).toBe(true);
    expect(rows.some((r) => r.derived_from?.includes(';'))).toBe(true);
  });

  it('each agency’s JSON download: the agency without the site’s views, its reports, figures and warnings', () => {
    const { dataset } = built();
    let warnings = 0;
    for (const agency of dataset.agencies) {
      const file = json<AgencyDownload>(`agencies/${agency.id}.json`);
      const figures = agencyFigures(file);
      const own = new Set([...agencyOfReport].filter(([, a]) => a === agency.id).map(([r]) => r));
      expect(file.agency.id).toBe(agency.id);
      expect(['headlines', 'series', 'benchmarks', 'charts'].filter((k) => k in file.agency)).toEqual([]);
      expect(file.reports.map((r) => r.id).sort()).toEqual([...own].sort());
      expect(figures.filter((f) => !own.has(String(f.report_id)))).toEqual([]);
      expect(figures.length).toBe(dataset.figures.filter((f) => own.has(f.report_id)).length);
      expect(file.warnings).toEqual(dataset.warnings.filter((w) => w.agency_id === agency.id));
      warnings += file.warnings.length;
    }
    // The prefecture bureau carried 2 requests out of 2021 and 1 into 2022: its download carries the R4 flag.
    expect(json<{ warnings: { rule: string }[] }>('agencies/511100-jt.json').warnings.map((w) => w.rule)).toContain('R4');
    expect(warnings).toBe(dataset.warnings.length);
    // One JSON download per agency, and no other.
    const downloaded = [...built().files.keys()].filter((path) => /^agencies\/[^/]+\.json$/.test(path));
    expect(downloaded.sort()).toEqual(dataset.agencies.map((a) => `agencies/${a.id}.json`).sort());
  });

  it('a ranking page for each headline count and the rate, in the order the site lists them, and jurisdiction totals apart', () => {
    expect(built().dataset.rankings.map((r) => `${r.scope} ${r.metric}`)).toEqual([
      'agency proactive.total',
      'agency requests.new.total',
      'agency fees.info_processing.collected_yuan',
      'agency appeals.review.total',
      'agency appeals.litigation.total',
      'agency rate.requests_granted',
      'system proactive.total',
      'system requests.new.total',
    ]);
  });

  it('the home page’s coverage: agencies and reports by province, level, kind, form and year, counted by hand', () => {
    const { coverage, figures } = built().dataset;
    expect(coverage.years).toEqual([2016, 2017, 2018, 2019, 2021, 2022]);
    expect(coverage.provinces).toEqual([
      {
        province: '',
        province_en: '',
        agencies: 1,
        reports: 1,
        by_level: { national: 1, province: 0, prefecture: 0, county: 0 },
        by_year: { 2022: 1 },
      },
      {
        province: '四川省',
        province_en: 'Sichuan',
        agencies: 10,
        reports: 19,
        by_level: { national: 0, province: 0, prefecture: 3, county: 7 },
        // Agencies with a report that year (the city government's own and whole-city reports count once).
        by_year: { 2016: 1, 2017: 1, 2018: 1, 2019: 2, 2021: 3, 2022: 10 },
      },
    ]);
    expect(coverage.sectors).toEqual([
      { sector: 'government', agencies: 2, reports: 4 },
      { sector: 'transport', agencies: 8, reports: 15 },
      { sector: 'education', agencies: 1, reports: 1 },
    ]);
    expect(coverage.totals).toEqual({
      agencies: 11,
      reports: 20,
      figures: figures.filter((f) => !f.derived).length,
      provinces: 2,
      by_level: { national: 1, province: 0, prefecture: 3, county: 7 },
      by_template: { pre2019: 3, gov2019: 2, gov2021: 15, unknown: 0 },
      by_year: { 2016: 1, 2017: 1, 2018: 1, 2019: 2, 2021: 3, 2022: 11 },
    });
  });

  it('a report without figures is listed with its agency, and adds no rows', () => {
    const reports = `${REPORTS}511100-jt-2020,511100-jt,2020,gov2019,https://example.gov.cn/2020.html,yes,agency,,\n`;
    const { dataset, problems } = build({ reports });
    expect(problems).toEqual([]);
    const downloads = readerDownloads(dataset);
    const own = JSON.parse(downloads.get('agencies/511100-jt.json') ?? 'null') as AgencyDownload;
    expect(own.reports.map((r) => r.id)).toEqual(['511100-jt-2019', '511100-jt-2020', '511100-jt-2021', '511100-jt-2022']);
    expect(own.reports.find((r) => r.id === '511100-jt-2020')?.figures).toEqual([]);
    expect(agencyFigures(own)).toEqual(agencyFigures(JSON.parse(built().files.get('agencies/511100-jt.json') ?? 'null') as AgencyDownload));
    expect(downloads.get('agencies/511100-jt.csv')).toBe(built().files.get('agencies/511100-jt.csv'));
    expect(downloads.get('figures.csv')).toBe(built().files.get('figures.csv'));
  });

  it('each agency page’s files carry the figures of its own reports and its warnings', () => {
    const { dataset } = built();
    const generated = new Map([...generatedFiles(dataset)].map(([path, content]) => [path, text(content)]));
    for (const agency of dataset.agencies) {
      const own = new Set([...agencyOfReport].filter(([, a]) => a === agency.id).map(([r]) => r));
      // The page's own file carries its warnings; its figures page reads the agency's JSON download.
      const detail = JSON.parse(generated.get(`agencies/${agency.id}.json`) ?? 'null') as { warnings: unknown[] };
      const figures = agencyFigures(JSON.parse(generated.get(`downloads/agencies/${agency.id}.json`) ?? 'null') as AgencyDownload);
      expect(figures.length, agency.id).toBe(dataset.figures.filter((f) => own.has(f.report_id)).length);
      expect(
        figures.every((f) => own.has(String(f.report_id))),
        agency.id,
      ).toBe(true);
      expect(detail.warnings, agency.id).toEqual(dataset.warnings.filter((w) => w.agency_id === agency.id));
    }
  });

  it('the compare page’s files: each agency’s year series with its report URLs, and metrics with how many agencies state them', () => {
    // The compare page makes an agency's series from its JSON download, as parseAgencySeriesFile reads it.
    const series = parseAgencySeriesFile(json('agencies/511100-jt.json'), '511100-jt');
    expect(series.sources).toEqual({
      '511100-jt-2019': null,
      '511100-jt-2021': 'https://example.gov.cn/2021.html',
      '511100-jt-2022': 'https://example.gov.cn/2022.html',
    });
    const index = json<{ agencies: Record<string, unknown>[]; metrics: { key: string; agencies: number }[] }>('series.json');
    expect(index.agencies.find((a) => a.id === '511100-jt')).toEqual({
      id: '511100-jt',
      name_zh: '测试市交通运输局',
      name_en: 'Test City Transport Bureau',
      level: 'prefecture',
      province: '四川省',
      province_en: 'Sichuan',
      prefecture: '乐山市',
      years: [2019, 2021, 2022],
    });
    // Own-work reports stating proactive.total: 测试市, 丙区, 乙区, 丁区 bureaus, the city government, the education
    // bureau and the ministry. The city's whole-jurisdiction totals are not its own series.
    expect(index.metrics.find((m) => m.key === 'proactive.total')?.agencies).toBe(7);
    // Only metrics some agency states are offered: the fixture states no fees.
    expect(index.metrics.map((m) => m.key)).not.toContain('fees.info_processing.collected_yuan');
    expect(index.metrics.every((m) => m.agencies > 0)).toBe(true);
  });

  it('the directory files: a name index pointing at each agency’s province file', () => {
    const names = json<{ agencies: string[][] }>('directory/names.json').agencies;
    expect(names.find((a) => a[0] === '511100-jt')).toEqual([
      '511100-jt',
      '测试市交通运输局',
      'Test City Transport Bureau',
      '测试市交通局',
      '510000',
    ]);
    expect(names.find((a) => a[0] === '100000-jt')?.[4]).toBe('100000');
    expect(names).toHaveLength(11);
    const sichuan = json<{ agencies: Record<string, string>[] }>('directory/510000.json').agencies;
    expect(sichuan).toHaveLength(10);
    expect(sichuan.find((a) => a.id === '511112-zf')).toEqual({
      id: '511112-zf',
      name_zh: '测试市甲区人民政府',
      name_en: "Test District A People's Government",
      level: 'county',
      sector: 'government',
      prefecture: '乐山市',
    });
    expect(json<{ agencies: { id: string }[] }>('directory/100000.json').agencies.map((a) => a.id)).toEqual(['100000-jt']);
    // Several older names: searchable apart, as the curator wrote them.
    const { dataset } = build({ agencies: AGENCIES.replace(',测试市交通局,', ',测试市交通局|测试交通局,') });
    const index = JSON.parse(text(new Map([...generatedFiles(dataset)]).get('downloads/directory/names.json') ?? 'null')) as {
      agencies: string[][];
    };
    expect(index.agencies.find((a) => a[0] === '511100-jt')?.[3]).toBe('测试市交通局|测试交通局');
  });
});

describe('what the site shows, read from the generated files the pages read', () => {
  const before = process.env.GENERATED_DIR;
  // Each test writes and reads a generated folder of its own, so what it reads is built inside the test.
  beforeEach(async () => {
    const dir = await mkdtemp(join(tmpdir(), 'promises-'));
    for (const [path, content] of generatedFiles(built().dataset)) {
      await mkdir(dirname(join(dir, path)), { recursive: true });
      await writeFile(join(dir, path), text(content));
    }
    process.env.GENERATED_DIR = dir;
  });
  afterAll(() => {
    if (before === undefined) delete process.env.GENERATED_DIR;
    else process.env.GENERATED_DIR = before;
  });

  it("each chart's data.csv: one row per drawn figure, with its qualifier and its report's URL", () => {
    const site = siteData();
    const labels = (key: string) => ({ zh: site.metric(key).label_zh, en: site.metric(key).label_en });
    const view = agencyChartView(site, site.agency('511100-jt'), 'proactive', 'en');
    expect(csvRows(chartCsv(view, labels)).map((r) => [r.year, r.value, r.qualifier, r.report_id, r.source_url])).toEqual([
      ['2019', '80', 'exact', '511100-jt-2019', ''],
      ['2021', '120', 'at_least', '511100-jt-2021', 'https://example.gov.cn/2021.html'],
      ['2022', '150', 'exact', '511100-jt-2022', 'https://example.gov.cn/2022.html'],
    ]);
    let rows = 0;
    for (const agency of site.index.agencies) {
      for (const spec of AGENCY_CHARTS) {
        const chart = agencyChartView(site, agency, spec.id, 'zh');
        for (const row of csvRows(chartCsv(chart, labels))) {
          expect(row.source_url, `${agency.id} ${spec.id} ${row.year}`).toBe(sourceOf.get(row.report_id ?? ''));
          expect(stated.get(`${row.report_id} ${row.metric}`)?.qualifier ?? 'exact', `${agency.id} ${row.metric}`).toBe(row.qualifier);
          rows++;
        }
      }
    }
    expect(rows).toBeGreaterThan(30);
  });

  it('a headline card’s standing counts only the peers that state the figure (missing is not zero)', () => {
    const site = siteData();
    // 2022 county transport bureaus with their own report: 乙, 丙, 丁 and 乙县 state new requests (0, 0, 0, 2), and so
    // does 甲 (0); 测试县 (scope unknown) is not a peer. Five in all: a sixth counted as 0 would change every word.
    const agency = built().dataset.agencies.find((a) => a.id === '511111-jt');
    const card = agency?.headlines.find((h) => h.id === 'requests');
    expect(card?.latest).toMatchObject({ year: 2022, value: 0 });
    const group = peerGroupLabel('transport', 'county', 'zh');
    expect(card?.standing && standingText(card.standing, group, 2022, 'zh')).toBe(
      '2022年县区级交通运输部门中没有数值更低的（共5个）；数值从大到小第2位，4个并列',
    );
    const strips = peerStrips(site, site.detail('511111-jt').agency, 'zh', 'agency', 2022);
    const strip = strips.find((s) => s.metric === 'requests.new.total');
    expect(strip?.standing).toBe('2022年县区级交通运输部门中没有数值更低的（共5个）；数值从大到小第2位，4个并列');
    // The strip piles one row per peer that states the figure: three other zeros under the agency's own 0 and one
    // 2, not a row for every bureau of the group. The piles are the peers' marks (series 0); the own dot is series 1.
    const marks = parse(strip?.svg ?? '').querySelectorAll('path[ecmeta_ssr_type="chart"]');
    expect(marks.map((m) => m.getAttribute('ecmeta_series_index'))).toEqual(['0', '0', '1']);
    // A pile is drawn "M<left> <base>l<width> 0l0 -<height>…".
    const heights = marks.slice(0, 2).map((m) => Math.abs(Number(/l0 (-?[\d.]+)/.exec(m.getAttribute('d') ?? '')?.[1])));
    expect((heights[0] ?? 0) / (heights[1] ?? 1)).toBeCloseTo(3, 1);
  });

  it('a ranking group, its quartiles and its "not computed" count only stated figures', () => {
    const site = siteData();
    const ranking = site.ranking('proactive.total');
    const year = ranking.years.find((y) => y.year === 2022);
    // Proactive totals of 2022 county transport bureaus: 丙 95, 丁 35, 乙 20. 甲 states channels only, 乙县 nothing.
    const county = year?.groups.find((g) => g.sector === 'transport' && g.level === 'county');
    expect(county).toMatchObject({ n: 3, min: 20, max: 95, q1: null, median: null, q3: null });
    expect(
      year?.entries
        .filter((e) => e.sector === 'transport' && e.level === 'county')
        .map((e) => [e.agency_id, e.value, e.rank, e.percentile]),
    ).toEqual([
      ['511111-jt', 95, 1, null],
      ['511113-jt', 35, 2, null],
      ['511102-jt', 20, 3, null],
    ]);
    const entry = year?.entries.find((e) => e.agency_id === '511113-jt');
    expect(entry && standingText(entry, peerGroupLabel('transport', 'county', 'en'), 2022, 'en')).toBe(
      'Not computed: fewer than 5 county-level transport bodies state this figure for 2022 (3 do)',
    );
  });
});

describe('percentiles and quartiles come from the stated figures only', () => {
  const agency = (id: string, series: RankableAgency['series']): RankableAgency => ({
    id,
    sector: 'transport',
    level: 'county',
    province: '甲省',
    series,
  });
  const values = [10, 20, 30, 40, 50];
  const ranking = (): MetricRanking =>
    rankMetric('requests.new.total', [
      ...values.map((v, i) => agency(`s${i}`, { 'requests.new.total': [point(2023, v)] })),
      // Three peers whose reports do not state the figure: counted as 0 they would fill the bottom of the group.
      ...['m0', 'm1', 'm2'].map((id) => agency(id, { 'proactive.total': [point(2023, 5)] })),
    ]);

  it('gives the quartiles of the five stated values', () => {
    const [year] = ranking().years;
    expect(year?.groups).toMatchObject([{ n: 5, min: 10, q1: 20, median: 30, q3: 40, max: 50 }]);
  });

  it('says the smallest stated value has no lower value among five, in the card’s words', () => {
    const [year] = ranking().years;
    const lowest = year?.entries.find((e) => e.agency_id === 's0');
    expect(lowest && standingText(lowest, 'county-level transport bodies', 2023, 'en')).toBe(
      'No lower value among county-level transport bodies in 2023 (5 in all); position 5 from the largest',
    );
    const middle = year?.entries.find((e) => e.agency_id === 's2');
    expect(middle && standingText(middle, 'county-level transport bodies', 2023, 'en')).toBe(
      'Higher than 50% of county-level transport bodies (2023, 5 in all); position 3 from the largest',
    );
  });
});

describe('rates are suppressed below their minimum count, and ranked from it on', () => {
  const requests = (disclosed: number, total: number): Record<string, SeriesPoint[]> => ({
    'requests.outcome.disclosed.total': [point(2023, disclosed)],
    'requests.outcome.partial.total': [point(2023, 0)],
    'requests.outcome.total.total': [point(2023, total)],
  });
  const agencies: RankableAgency[] = [
    // Nine answered requests: below the minimum of ten, so not ranked (9 of 9 must never read as "100 %, first").
    { id: 'nine', sector: 'transport', level: 'county', province: '甲省', series: requests(9, 9) },
    // Exactly ten: the minimum itself is enough.
    { id: 'ten', sector: 'transport', level: 'county', province: '甲省', series: requests(5, 10) },
    ...[12, 20, 30, 40].map((d, i): RankableAgency => ({
      id: `n${i}`,
      sector: 'transport',
      level: 'county',
      province: '甲省',
      series: requests(d / 2, d),
    })),
  ];

  it('lists a rate of nine apart and ranks a rate of ten', () => {
    const [year] = rankMetric('rate.requests_granted', agencies).years;
    expect(year?.suppressed.map((e) => [e.agency_id, e.numerator, e.denominator])).toEqual([['nine', 9, 9]]);
    expect(year?.entries.map((e) => e.agency_id).sort()).toEqual(['n0', 'n1', 'n2', 'n3', 'ten']);
    expect(year?.groups[0]?.n).toBe(5);
  });
});

describe('curator errors point at the place to fix, and no row is lost', () => {
  it('a column named twice: the error points at the second copy', () => {
    // A tenth column, named like the fourth, on the header and (empty) on every row.
    const agencies = AGENCIES.trimEnd()
      .split('\n')
      .map((line, i) => (i === 0 ? `${line},level` : `${line},`))
      .join('\n');
    const { problems, summary } = build({ agencies });
    const header = 'id,name_zh,name_en,level,sector,province,prefecture,aliases,website,';
    expect(problems.filter((p) => p.file === 'data/agencies.csv').map(formatProblem)).toEqual([
      `data/agencies.csv:1:${header.length + 1}: column "level" appears twice in the header; remove one. All 11 rows of this file were rejected`,
    ]);
    expect(summary.find((s) => s.file === 'data/agencies.csv')).toEqual({ file: 'data/agencies.csv', read: 11, accepted: 0, rejected: 11 });
  });

  it('a report without its page must say in notes where it came from; a report with a page must say whether it is official', () => {
    // Line 2 is the report whose page is unknown (its notes say so); line 3 has a page on a government host.
    const reports = replaceLine(
      replaceLine(REPORTS, 2, '511100-jt-2019,511100-jt,2019,gov2019,,,agency,,'),
      3,
      '511100-jt-2021,511100-jt,2021,gov2021,https://example.gov.cn/2021.html,,agency,2022-01-20,',
    );
    const { problems } = build({ reports });
    const notesAt = '511100-jt-2019,511100-jt,2019,gov2019,,,agency,,'.length + 1;
    const officialAt = '511100-jt-2021,511100-jt,2021,gov2021,https://example.gov.cn/2021.html,'.length + 1;
    expect(problems.filter((p) => p.file === 'data/reports.csv').map(formatProblem)).toEqual([
      `data/reports.csv:2:${notesAt}: notes: source_url is empty, so notes must say where the document came from`,
      `data/reports.csv:3:${officialAt}: official: official must be yes or no when source_url is given`,
    ]);
  });

  it('one body under two ids is refused at the second row, naming the first', () => {
    // Line 13 repeats line 2's body (same place, same name) under another id; a same name elsewhere is another body.
    const agencies = `${AGENCIES}511100-jt-2,测试市交通运输局,Test City Transport Bureau,prefecture,transport,四川省,乐山市,,\n511300-jt,测试市交通运输局,Other City Transport Bureau,prefecture,transport,四川省,南充市,,\n`;
    const { problems, summary } = build({ agencies });
    expect(summary.find((s) => s.file === 'data/agencies.csv')).toEqual({ file: 'data/agencies.csv', read: 13, accepted: 12, rejected: 1 });
    expect(problems.map(formatProblem)).toEqual([
      `data/agencies.csv:13:${'511100-jt-2,'.length + 1}: name_zh: "测试市交通运输局" is already agency 511100-jt (line 2) of the same place; one body has one id: move this id's reports to 511100-jt and delete this row (or correct the name if they are different bodies)`,
    ]);
  });

  it('one page recorded as two reports is refused, however its address is written', () => {
    // The 2021 page again, as https://www.…/ with a fragment: the same page under another report id.
    const line = '511112-jt-2021,511112-jt,2021,gov2021,http://www.example.gov.cn/2021.html#top,yes,agency,,';
    const reports = REPORTS.trimEnd() + `\n${line}\n`;
    const { problems, summary } = build({ reports });
    const lines = REPORTS.trimEnd().split('\n').length + 1;
    expect(summary.find((s) => s.file === 'data/reports.csv')).toEqual({
      file: 'data/reports.csv',
      read: lines - 1,
      accepted: lines - 2,
      rejected: 1,
    });
    expect(problems.map(formatProblem)).toEqual([
      `data/reports.csv:${lines}:${'511112-jt-2021,511112-jt,2021,gov2021,'.length + 1}: source_url: this page is already the source of report 511100-jt-2021 (line 3); one page is one report: keep one of the two rows and move its figures there`,
    ]);
  });

  it('read = accepted + rejected, with rows rejected by a check across rows counted', () => {
    // A second row with an agency id already used (line 13) and a figure naming an unknown report (last line).
    const agencies = `${AGENCIES}511100-jt,重复局,Duplicate Bureau,prefecture,transport,四川省,乐山市,,\n`;
    const figures = `${FIGURES}511100-jt-2020,proactive.total,1,exact,一(一),\n`;
    const { problems, summary } = build({ agencies, figures });
    expect(summary.filter((s) => s.file === 'data/agencies.csv' || s.file === 'data/figures.csv')).toEqual([
      { file: 'data/agencies.csv', read: 12, accepted: 11, rejected: 1 },
      { file: 'data/figures.csv', read: statedFigures.length + 1, accepted: statedFigures.length, rejected: 1 },
    ]);
    expect(problems.map(formatProblem)).toEqual([
      'data/agencies.csv:13:1: id: duplicate agency id "511100-jt" (first defined on line 2)',
      `data/figures.csv:${statedFigures.length + 2}:1: report_id: unknown report "511100-jt-2020"; no accepted row of reports.csv has this id`,
    ]);
  });
});

describe('output is deterministic', () => {
  const spec = AGENCY_CHARTS.find((c) => c.id === 'proactive');
  const draw = (values: number[]) => {
    if (!spec) throw new Error('no proactive chart');
    const data = chartData(spec, [2021, 2022], { 'proactive.total': values.map((v, i) => point(2021 + i, v)) }, (k) => k);
    return renderSvg(yearChartOption(data, 'en', { approximate: 'a', notStated: 'n' }, 360), chartSize(data, 360), 'c', 'chart');
  };

  it('a chart’s SVG does not depend on what was drawn before it', () => {
    const first = draw([3, 4]);
    draw([7, 0]);
    renderSvg(
      peerStripOption({ values: [1, 2, 3], own: { value: 2, qualifier: 'exact' }, kind: 'count' }, 'en', 'own'),
      peerStripSize({ values: [1, 2, 3], own: { value: 2, qualifier: 'exact' }, kind: 'count' }),
      's',
      'strip',
    );
    expect(draw([3, 4])).toBe(first);
    expect(first).toMatch(/id="c-/);
  });

  it('JSON keys are sorted at every level, whatever order the code built them in', () => {
    expect(stableStringify({ b: 1, a: { d: [{ z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[{"y":2,"z":1}]},"b":1}\n');
  });

  it('the same input gives byte-identical generated files', () => {
    const again = [...generatedFiles(build().dataset)].map(([path, content]) => [path, text(content)]);
    expect(again).toEqual([...generatedFiles(built().dataset)].map(([path, content]) => [path, text(content)]));
  });
});
