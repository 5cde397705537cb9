/**
 * Everything the data build writes, as (path, content) pairs under the generated folder. Split so that no page
 * has to load the whole dataset: the site index (agencies, reports, metrics, coverage), one file per agency,
 * one ranking per ranked metric, and the public downloads. Pure; scripts/build-data.ts writes the files.
 */
import { group } from 'd3-array';
import { downloadFiles, type FileContent } from './downloads.ts';
import { stableStringify } from '../core/json.ts';
import type { AgencyDetail, AgencySummary, DatasetOut, SiteIndex } from '../core/schema.ts';

export function summaryOf({
  series: _series,
  system_series: _system,
  benchmarks: _benchmarks,
  ...summary
}: DatasetOut['agencies'][number]): AgencySummary {
  return summary;
}

export function* generatedFiles(dataset: DatasetOut): Generator<[string, FileContent]> {
  const index: SiteIndex = {
    metrics: dataset.metrics,
    agencies: dataset.agencies.map(summaryOf),
    reports: dataset.reports,
    coverage: dataset.coverage,
    corrections: dataset.corrections,
    rankings: dataset.rankings.map((r) => ({ metric: r.metric, scope: r.scope, kind: r.kind, years: r.years.map((y) => y.year) })),
  };
  yield ['site.json', stableStringify(index)];
  const figuresByReport = group(dataset.figures, (f) => f.report_id);
  const warningsByAgency = group(dataset.warnings, (w) => w.agency_id);
  for (const agency of dataset.agencies) {
    const { series: _series, system_series: _system, ...withoutSeries } = agency;
    const detail: AgencyDetail = {
      agency: withoutSeries,
      figures: agency.report_ids.flatMap((id) => figuresByReport.get(id) ?? []),
      warnings: warningsByAgency.get(agency.id) ?? [],
    };
    yield [`agencies/${agency.id}.json`, stableStringify(detail)];
  }
  for (const ranking of dataset.rankings) yield [`rankings/${ranking.scope}/${ranking.metric}.json`, stableStringify(ranking)];
  for (const [path, content] of downloadFiles(dataset)) yield [`downloads/${path}`, content];
}
