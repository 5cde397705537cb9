/**
 * Everything the data build writes, as (path, content) pairs under the generated folder. Split so that no page
 * has to load the whole dataset, and each figure is written once per consumer that needs it: the site index
 * (agencies, reports, metrics, coverage), one file per agency for its pages, one ranking per ranked metric,
 * and the public downloads (the whole dataset as one gzipped CSV; per agency its reports and figures as JSON,
 * which the site's figures page, the agency's CSV and the compare page read too). Pure; the build writes them.
 */
import { group } from 'd3-array';
import {
  agencyDownload,
  countMetrics,
  indexDownloads,
  TIDY_HEADER,
  tidyLines,
  type AgencyDownloadInput,
  type FileContent,
} from './downloads.ts';
import { stableStringify } from '../core/json.ts';
import type { AgencyDetail, AgencySummary, DatasetOut, SiteIndex, WarningOut } from '../core/schema.ts';

export function summaryOf({
  series: _series,
  system_series: _system,
  benchmarks: _benchmarks,
  ...summary
}: DatasetOut['agencies'][number]): AgencySummary {
  return summary;
}

/** generated/site.json. */
export function siteIndex(
  dataset: Pick<DatasetOut, 'metrics' | 'reports' | 'coverage' | 'corrections' | 'rankings'>,
  agencies: readonly AgencySummary[],
): string {
  const index: SiteIndex = {
    metrics: dataset.metrics,
    agencies: [...agencies],
    reports: dataset.reports,
    coverage: dataset.coverage,
    corrections: dataset.corrections,
    rankings: dataset.rankings.map((r) => ({ metric: r.metric, scope: r.scope, kind: r.kind, years: r.years.map((y) => y.year) })),
  };
  return stableStringify(index);
}

/** generated/agencies/<id>.json: what an agency's pages need besides its figures. */
export function detailFile(agency: AgencyDetail['agency'], warnings: readonly WarningOut[]): [string, string] {
  const detail: AgencyDetail = { agency, warnings: [...warnings] };
  return [`agencies/${agency.id}.json`, stableStringify(detail)];
}

export function* generatedFiles(dataset: DatasetOut): Generator<[string, FileContent]> {
  const summaries = dataset.agencies.map(summaryOf);
  yield ['site.json', siteIndex(dataset, summaries)];
  const figuresByReport = group(dataset.figures, (f) => f.report_id);
  const warningsByAgency = group(dataset.warnings, (w) => w.agency_id);
  const reportById = new Map(dataset.reports.map((r) => [r.id, r]));
  const metrics = new Map(dataset.metrics.map((m) => [m.key, m]));
  const inputs: AgencyDownloadInput[] = dataset.agencies.map((agency) => ({
    agency,
    reports: agency.report_ids.flatMap((id) => reportById.get(id) ?? []),
    figures: agency.report_ids.flatMap((id) => figuresByReport.get(id) ?? []),
    warnings: warningsByAgency.get(agency.id) ?? [],
  }));
  const counts = new Map<string, number>();
  for (const [i, agency] of dataset.agencies.entries()) {
    const { series: _series, system_series: _system, ...withoutSeries } = agency;
    yield detailFile(withoutSeries, warningsByAgency.get(agency.id) ?? []);
    const input = inputs[i];
    if (!input) continue;
    const [path, content] = agencyDownload(input);
    yield [`downloads/${path}`, content];
    countMetrics(counts, agency.series);
  }
  for (const ranking of dataset.rankings) yield [`rankings/${ranking.scope}/${ranking.metric}.json`, stableStringify(ranking)];
  yield ['downloads/figures.csv.gz', [TIDY_HEADER, ...inputs.map((input) => tidyLines(input, metrics))]];
  for (const [path, content] of indexDownloads(dataset.metrics, summaries, counts)) yield [`downloads/${path}`, content];
}
