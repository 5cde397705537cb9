/**
 * The site's one entry to the generated dataset: read once per build, parsed with the output schema so that
 * a data build that drifted from the pages fails loudly instead of rendering wrong numbers.
 */
import { readFileSync } from 'node:fs';
import { group } from 'd3-array';
import { join } from 'node:path';
import { generatedDir } from './paths.ts';
import { datasetOut, type AgencyOut, type DatasetOut, type FigureOut, type MetricOut, type ReportOut, type WarningOut } from './schema.ts';

export interface SiteData {
  dataset: DatasetOut;
  agency(id: string): AgencyOut;
  metric(key: string): MetricOut;
  reportsOf(agency: AgencyOut): ReportOut[];
  /** A report's figures, stated and derived, in catalogue order. */
  figuresOf(report: ReportOut): FigureOut[];
  warningsOf(agency: AgencyOut): WarningOut[];
}

let cached: SiteData | undefined;

export function siteData(): SiteData {
  if (cached) return cached;
  const file = join(generatedDir(), 'dataset.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} not found: run the data build first (npm run data)`);
  }
  const dataset = datasetOut.parse(JSON.parse(raw));
  const agencies = new Map(dataset.agencies.map((a) => [a.id, a]));
  const metrics = new Map(dataset.metrics.map((m) => [m.key, m]));
  const reports = new Map(dataset.reports.map((r) => [r.id, r]));
  const metricOrder = new Map(dataset.metrics.map((m, i) => [m.key, i]));
  const figuresByReport = group(dataset.figures, (f) => f.report_id);
  const lookup = <T>(map: Map<string, T>, key: string, what: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`unknown ${what} "${key}" in the generated dataset`);
    return value;
  };
  cached = {
    dataset,
    agency: (id) => lookup(agencies, id, 'agency'),
    metric: (key) => lookup(metrics, key, 'metric'),
    reportsOf: (agency) =>
      agency.report_ids.map((id) => lookup(reports, id, 'report')).sort((a, b) => b.year - a.year || a.id.localeCompare(b.id)),
    figuresOf: (report) =>
      (figuresByReport.get(report.id) ?? []).toSorted((a, b) => (metricOrder.get(a.metric) ?? 0) - (metricOrder.get(b.metric) ?? 0)),
    warningsOf: (agency) => dataset.warnings.filter((w) => w.agency_id === agency.id),
  };
  return cached;
}
