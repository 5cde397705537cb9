/**
 * The public downloads: the whole dataset and each agency's figures, as CSV (tidy, one number per row, with
 * its source) and JSON. Pure: returns file paths and contents; the build script writes them.
 */
import { group } from 'd3-array';
import Papa from 'papaparse';
import { stableStringify } from './json.ts';
import type { AgencyOut, DatasetOut } from './schema.ts';

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

/** Excel needs the byte-order mark to read UTF-8 Chinese text. */
const BOM = '\uFEFF';

export function tidyRows(dataset: DatasetOut): DownloadRow[] {
  const agencies = new Map(dataset.agencies.map((a) => [a.id, a]));
  const reports = new Map(dataset.reports.map((r) => [r.id, r]));
  const metrics = new Map(dataset.metrics.map((m) => [m.key, m]));
  return dataset.figures.flatMap((f) => {
    const report = reports.get(f.report_id);
    const agency = report && agencies.get(report.agency_id);
    const metric = metrics.get(f.metric);
    if (!report || !agency || !metric) return [];
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
}

export function toCsv(rows: readonly DownloadRow[]): string {
  return BOM + Papa.unparse(rows as DownloadRow[], { columns: [...DOWNLOAD_COLUMNS], newline: '\n' }) + '\n';
}

/** An agency as published in downloads: its identity and coverage, not the site's derived views. */
function agencyRecord({ headlines: _headlines, series: _series, ...record }: AgencyOut) {
  return record;
}

/** All download files, keyed by path relative to the downloads folder. */
export function downloadFiles(dataset: DatasetOut): Map<string, string> {
  const files = new Map<string, string>();
  const rows = tidyRows(dataset);
  files.set('figures.csv', toCsv(rows));
  files.set(
    'dataset.json',
    stableStringify({
      agencies: dataset.agencies.map(agencyRecord),
      reports: dataset.reports,
      figures: dataset.figures,
      metrics: dataset.metrics,
      warnings: dataset.warnings,
    }),
  );
  files.set(
    'metrics.csv',
    BOM +
      Papa.unparse(
        dataset.metrics.map((m) => ({
          ...m,
          templates: m.templates.join('|'),
          derived_from: m.derived_from.map((a) => `${a.mode === 'any' ? 'any:' : ''}${a.keys.join('|')}`).join(';'),
        })),
        { newline: '\n' },
      ) +
      '\n',
  );
  const rowsByAgency = group(rows, (r) => r.agency_id);
  const figuresByReport = group(dataset.figures, (f) => f.report_id);
  const reportsById = new Map(dataset.reports.map((r) => [r.id, r]));
  const warningsByAgency = group(dataset.warnings, (w) => w.agency_id);
  for (const agency of dataset.agencies) {
    files.set(`agencies/${agency.id}.csv`, toCsv(rowsByAgency.get(agency.id) ?? []));
    files.set(
      `agencies/${agency.id}.json`,
      stableStringify({
        agency: agencyRecord(agency),
        reports: agency.report_ids.flatMap((id) => reportsById.get(id) ?? []),
        figures: agency.report_ids.flatMap((id) => figuresByReport.get(id) ?? []),
        warnings: warningsByAgency.get(agency.id) ?? [],
      }),
    );
  }
  return files;
}
