/**
 * The public downloads: the whole dataset's figures as one tidy CSV (one number per row, with its source), the
 * metric catalogue, and per agency its figures as CSV and JSON and its year series for the compare page. Each
 * agency's files are written from that agency alone, so a build that folds agencies one by one can write them
 * as it goes. Pure: yields file paths and contents; the build writes them.
 */
import { CSV_BOM, csvLines } from '../core/csv-write.ts';
import { stableStringify } from '../core/json.ts';
import {
  COLUMNS,
  type AgencyRecord,
  type AgencySummary,
  type FigureOut,
  type MetricOut,
  type ReportOut,
  type SeriesPoint,
  type WarningOut,
} from '../core/schema.ts';
import { NATIONAL_CODE } from '../core/divisions.ts';
import { findProvince } from '../core/provinces.ts';

/** A file's content: one string, or chunks for files too large to hold as one string. */
export type FileContent = string | Iterable<string>;

/** Columns of the tidy CSV download: every figure with its agency, report and source. */
export const DOWNLOAD_COLUMNS = [
  'agency_id',
  'agency_name_zh',
  'agency_name_en',
  'level',
  'province',
  'prefecture',
  'year',
  'report_id',
  'template',
  'scope',
  'metric',
  'label_zh',
  'label_en',
  'unit',
  'value',
  'qualifier',
  'derived',
  'locator',
  'note',
  'source_url',
  'official',
] as const;

type DownloadRow = Record<(typeof DOWNLOAD_COLUMNS)[number], string | number>;

/** One agency's part of the downloads: what its files are written from. */
export interface AgencyDownloadInput {
  agency: AgencyRecord;
  reports: readonly ReportOut[];
  /** Stated and derived, report by report. */
  figures: readonly FigureOut[];
  warnings: readonly WarningOut[];
  /** Year series of its own work, every metric. */
  series: Readonly<Record<string, readonly SeriesPoint[]>>;
}

/** The header of the tidy CSV, with a byte-order mark so Excel reads the Chinese text. */
export const TIDY_HEADER = CSV_BOM + csvLines(DOWNLOAD_COLUMNS, []);

/** Tidy CSV lines (no header) of one agency's figures. */
export function tidyLines(input: AgencyDownloadInput, metrics: ReadonlyMap<string, MetricOut>): string {
  const reports = new Map(input.reports.map((r) => [r.id, r]));
  const agency = input.agency;
  const rows = input.figures.flatMap((f): DownloadRow[] => {
    const report = reports.get(f.report_id);
    const metric = metrics.get(f.metric);
    if (!report || !metric) return [];
    return [
      {
        agency_id: agency.id,
        agency_name_zh: agency.name_zh,
        agency_name_en: agency.name_en,
        level: agency.level,
        province: agency.province,
        prefecture: agency.prefecture,
        year: report.year,
        report_id: report.id,
        template: report.template,
        scope: report.scope,
        metric: f.metric,
        label_zh: metric.label_zh,
        label_en: metric.label_en,
        unit: metric.unit,
        value: f.value,
        qualifier: f.qualifier,
        derived: f.derived ? 'yes' : 'no',
        locator: f.locator,
        note: f.note,
        source_url: report.source_url ?? '',
        official: report.official === null ? '' : report.official ? 'yes' : 'no',
      },
    ];
  });
  return csvLines(DOWNLOAD_COLUMNS, rows, { header: false });
}

/** An agency as published in downloads: its identity and coverage, not the site's derived views. */
export function agencyRecord(a: AgencyRecord): AgencyRecord {
  return {
    id: a.id,
    name_zh: a.name_zh,
    name_en: a.name_en,
    level: a.level,
    sector: a.sector,
    division: a.division,
    province: a.province,
    province_en: a.province_en,
    prefecture: a.prefecture,
    aliases: a.aliases,
    website: a.website,
    years: a.years,
    report_ids: a.report_ids,
  };
}

/**
 * One agency's files: its figures as CSV and as JSON (the JSON is also what the site's figures page reads), and
 * its year series with each report's source for the compare page.
 */
export function* agencyDownloads(input: AgencyDownloadInput, metrics: ReadonlyMap<string, MetricOut>): Generator<[string, FileContent]> {
  const id = input.agency.id;
  yield [`agencies/${id}.csv`, TIDY_HEADER + tidyLines(input, metrics)];
  yield [
    `agencies/${id}.json`,
    stableStringify({ agency: agencyRecord(input.agency), reports: input.reports, figures: input.figures, warnings: input.warnings }),
  ];
  yield [
    `series/${id}.json`,
    stableStringify({
      id,
      series: input.series,
      sources: Object.fromEntries(input.reports.map((r) => [r.id, r.source_url])),
    }),
  ];
}

/** The metric catalogue as published. */
export function metricsCsv(metrics: readonly MetricOut[]): string {
  return (
    CSV_BOM +
    csvLines(
      COLUMNS.metrics,
      metrics.map((m) => ({
        ...m,
        templates: m.templates.join('|'),
        derived_from: m.derived_from.map((a) => `${a.mode === 'any' ? 'any:' : ''}${a.keys.join('|')}`).join(';'),
      })),
    )
  );
}

/**
 * Files about all agencies at once, small enough to write at the end: the metric catalogue, the compare page's
 * index (agencies and comparable metrics, with how many agencies have each), and what the directory search and
 * the compare picker load: a compact name index fetched only when a reader searches, and one file per
 * province (national bodies: 100000) fetched when a reader opens it.
 */
export function* indexDownloads(
  metrics: readonly MetricOut[],
  agencies: readonly AgencySummary[],
  agenciesWithMetric: ReadonlyMap<string, number>,
): Generator<[string, FileContent]> {
  yield ['metrics.csv', metricsCsv(metrics)];
  yield [
    // Beside the series folder, not in it: no agency id can be named like it.
    'series.json',
    stableStringify({
      agencies: agencies.map((a) => ({
        id: a.id,
        name_zh: a.name_zh,
        name_en: a.name_en,
        level: a.level,
        province: a.province,
        province_en: a.province_en,
        prefecture: a.prefecture,
        years: a.years,
      })),
      metrics: metrics
        .filter((m) => agenciesWithMetric.has(m.key))
        .map((m) => ({
          key: m.key,
          label_zh: m.label_zh,
          label_en: m.label_en,
          unit: m.unit,
          group: m.group,
          agencies: agenciesWithMetric.get(m.key),
        })),
    }),
  ];
  const chunk = (a: AgencySummary) => {
    const province = findProvince(a.province);
    return province ? `${province.code}0000` : NATIONAL_CODE;
  };
  yield [
    'directory/names.json',
    stableStringify({ agencies: agencies.map((a) => [a.id, a.name_zh, a.name_en, a.aliases.join('|'), chunk(a)]) }),
  ];
  const byChunk = new Map<string, AgencySummary[]>();
  for (const a of agencies) {
    const list = byChunk.get(chunk(a)) ?? [];
    list.push(a);
    byChunk.set(chunk(a), list);
  }
  for (const [code, list] of byChunk) {
    yield [
      `directory/${code}.json`,
      stableStringify({
        agencies: list.map((a) => ({
          id: a.id,
          name_zh: a.name_zh,
          name_en: a.name_en,
          level: a.level,
          sector: a.sector,
          prefecture: a.prefecture,
        })),
      }),
    ];
  }
}

/** Count, per metric, the agencies whose own series has it (for the compare index). */
export function countMetrics(counts: Map<string, number>, series: Readonly<Record<string, unknown>>): void {
  for (const metric of Object.keys(series)) counts.set(metric, (counts.get(metric) ?? 0) + 1);
}
