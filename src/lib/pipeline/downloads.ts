/**
 * The public downloads: the whole dataset and each agency's figures, as CSV (tidy, one number per row, with
 * its source) and JSON, plus each agency's year series for the compare page. Pure: yields file paths and
 * contents (large files as chunks); the build script writes them.
 */
import { group } from 'd3-array';
import { CSV_BOM, csvLines } from '../core/csv-write.ts';
import { stableJsonChunks, stableStringify } from '../core/json.ts';
import { COLUMNS, type AgencyOut, type DatasetOut } from '../core/schema.ts';

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

function tidyRow(dataset: Lookups, f: DatasetOut['figures'][number]): DownloadRow | null {
  const report = dataset.reports.get(f.report_id);
  const agency = report && dataset.agencies.get(report.agency_id);
  const metric = dataset.metrics.get(f.metric);
  if (!report || !agency || !metric) return null;
  return {
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
  };
}

interface Lookups {
  agencies: Map<string, AgencyOut>;
  reports: Map<string, DatasetOut['reports'][number]>;
  metrics: Map<string, DatasetOut['metrics'][number]>;
}

const CSV_CHUNK_ROWS = 5000;

/** The tidy CSV of some figures, with a byte-order mark so Excel reads the Chinese text, in chunks of rows. */
function* tidyCsv(lookups: Lookups, figures: readonly DatasetOut['figures'][number][]): Generator<string> {
  yield CSV_BOM + csvLines(DOWNLOAD_COLUMNS, []);
  for (let start = 0; start < figures.length; start += CSV_CHUNK_ROWS) {
    const rows = figures.slice(start, start + CSV_CHUNK_ROWS).flatMap((f) => tidyRow(lookups, f) ?? []);
    yield csvLines(DOWNLOAD_COLUMNS, rows, { header: false });
  }
}

/** An agency as published in downloads: its identity and coverage, not the site's derived views. */
function agencyRecord({ headlines: _headlines, series: _series, benchmarks: _benchmarks, charts: _charts, ...record }: AgencyOut) {
  return record;
}

/** All download files, keyed by path relative to the downloads folder. */
export function* downloadFiles(dataset: DatasetOut): Generator<[string, FileContent]> {
  const lookups: Lookups = {
    agencies: new Map(dataset.agencies.map((a) => [a.id, a])),
    reports: new Map(dataset.reports.map((r) => [r.id, r])),
    metrics: new Map(dataset.metrics.map((m) => [m.key, m])),
  };
  yield ['figures.csv', tidyCsv(lookups, dataset.figures)];
  yield [
    'dataset.json',
    stableJsonChunks({
      agencies: dataset.agencies.map(agencyRecord),
      reports: dataset.reports,
      figures: dataset.figures,
      metrics: dataset.metrics,
      warnings: dataset.warnings,
    }),
  ];
  yield [
    'metrics.csv',
    CSV_BOM +
      csvLines(
        COLUMNS.metrics,
        dataset.metrics.map((m) => ({
          ...m,
          templates: m.templates.join('|'),
          derived_from: m.derived_from.map((a) => `${a.mode === 'any' ? 'any:' : ''}${a.keys.join('|')}`).join(';'),
        })),
      ),
  ];
  const figuresByReport = group(dataset.figures, (f) => f.report_id);
  const warningsByAgency = group(dataset.warnings, (w) => w.agency_id);
  for (const agency of dataset.agencies) {
    const figures = agency.report_ids.flatMap((id) => figuresByReport.get(id) ?? []);
    yield [`agencies/${agency.id}.csv`, [...tidyCsv(lookups, figures)].join('')];
    yield [
      `agencies/${agency.id}.json`,
      stableStringify({
        agency: agencyRecord(agency),
        reports: agency.report_ids.flatMap((id) => lookups.reports.get(id) ?? []),
        figures,
        warnings: warningsByAgency.get(agency.id) ?? [],
      }),
    ];
  }
  yield* seriesFiles(dataset, lookups);
}

/**
 * What the compare page loads in the browser: an index of agencies and comparable metrics, and one small
 * file of year series per agency (only the agencies a reader picks are fetched).
 */
function* seriesFiles(dataset: DatasetOut, lookups: Lookups): Generator<[string, FileContent]> {
  const agenciesWithMetric = new Map<string, number>();
  for (const agency of dataset.agencies) {
    for (const metric of Object.keys(agency.series)) agenciesWithMetric.set(metric, (agenciesWithMetric.get(metric) ?? 0) + 1);
  }
  yield [
    // Beside the series folder, not in it: no agency id can be named like it.
    'series.json',
    stableStringify({
      agencies: dataset.agencies.map((a) => ({
        id: a.id,
        name_zh: a.name_zh,
        name_en: a.name_en,
        level: a.level,
        province: a.province,
        province_en: a.province_en,
        prefecture: a.prefecture,
        years: a.years,
      })),
      metrics: dataset.metrics
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
  for (const agency of dataset.agencies) {
    yield [
      `series/${agency.id}.json`,
      stableStringify({
        id: agency.id,
        series: agency.series,
        sources: Object.fromEntries(agency.report_ids.map((id) => [id, lookups.reports.get(id)?.source_url ?? null])),
      }),
    ];
  }
}
