/**
 * The public downloads: the whole dataset's figures as one tidy CSV (one number per row, with its source; the
 * build writes it gzipped), the metric catalogue, and per agency its reports and figures as JSON. The agency's
 * CSV is made from its JSON by the site (tidyLines), and so are the compare page's series, so each figure is
 * stored once per reader. Each agency's files are written from that agency alone, so a build that folds
 * agencies one by one can write them as it goes. Pure: yields file paths and contents; the build writes them.
 */
import { CSV_BOM, csvLines } from '../core/csv-write.ts';
import { stableStringify } from '../core/json.ts';
import {
  COLUMNS,
  FIGURE_COLUMNS,
  toFigureCells,
  type AgencyDownload,
  type AgencyRecord,
  type AgencySummary,
  type FigureCells,
  type FigureOut,
  type MetricOut,
  type ReportOut,
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
}

/** The header of the tidy CSV, with a byte-order mark so Excel reads the Chinese text. */
export const TIDY_HEADER = CSV_BOM + csvLines(DOWNLOAD_COLUMNS, []);

/** Tidy CSV lines (no header) of one agency's figures. */
export function tidyLines(
  input: Pick<AgencyDownloadInput, 'agency' | 'reports' | 'figures'>,
  metrics: ReadonlyMap<string, MetricOut>,
): string {
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
 * One agency's file: its reports, each with every figure (FIGURE_COLUMNS), and its warnings. Readers download
 * it; the site's figures page, the agency's CSV download and the compare page (which makes the year series from
 * it, core/series.ts) read it too, so each figure is stored once for all of them.
 */
export function agencyDownload(input: AgencyDownloadInput): [string, string] {
  const figures = new Map<string, FigureCells[]>();
  for (const f of input.figures) {
    const list = figures.get(f.report_id) ?? [];
    list.push(toFigureCells(f));
    figures.set(f.report_id, list);
  }
  const download: AgencyDownload = {
    agency: agencyRecord(input.agency),
    columns: [...FIGURE_COLUMNS],
    reports: input.reports.map((r) => ({ ...r, figures: figures.get(r.id) ?? [] })),
    warnings: [...input.warnings],
  };
  return [`agencies/${input.agency.id}.json`, stableStringify(download)];
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
    // The compare page's index; each agency's series come from its own file (agencies/<id>.json).
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
