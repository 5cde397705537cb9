/**
 * The site's one entry to the generated data. The index (site.json) is read once per build; an agency's
 * series and figures and a metric's ranking are read when a page needs them, so a national dataset never has
 * to sit in memory whole. Everything is parsed with the output schemas, so a data build that drifted from
 * the pages fails loudly instead of rendering wrong numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'astro/zod';
import { generatedDir } from '../core/paths.ts';
import {
  agencyDetailOut,
  agencyDownloadOut,
  fromFigureCells,
  type AgencyDownload,
  metricRankingOut,
  siteIndexOut,
  type AgencyDetail,
  type AgencySummary,
  type FigureOut,
  type MetricOut,
  type MetricRanking,
  type ReportOut,
  type ScopeGroup,
  type SiteIndex,
} from '../core/schema.ts';

export interface SiteData {
  index: SiteIndex;
  agency(id: string): AgencySummary;
  /** The agency, or undefined when the id names none (a URL asked for on demand). */
  findAgency(id: string): AgencySummary | undefined;
  /** The agency's benchmarks, chart series and warnings (read from its own file). */
  detail(id: string): AgencyDetail;
  /** The agency's reports and every figure of them (its download file, read when its figures page is built). */
  figures(id: string): AgencyDownload;
  metric(key: string): MetricOut;
  report(id: string): ReportOut;
  /** Newest first. */
  reportsOf(agency: AgencySummary): ReportOut[];
  /** A report's figures, stated and derived, in catalogue order. */
  figuresOf(download: AgencyDownload, report: ReportOut): FigureOut[];
  /** The ranking of a metric among bodies' own figures (agency) or among jurisdiction totals (system). */
  ranking(metric: string, scope?: ScopeGroup): MetricRanking;
}

function readGenerated<T extends z.ZodType>(path: string, schema: T): z.infer<T> {
  const file = join(generatedDir(), path);
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} not found: run the data build first (npm run data)`);
  }
  return schema.parse(JSON.parse(raw));
}

/** The data of the generated folder last read; a different GENERATED_DIR (tests render several datasets) reads anew. */
let cached: { dir: string; data: SiteData } | undefined;

export function siteData(): SiteData {
  if (cached?.dir === generatedDir()) return cached.data;
  const index = readGenerated('site.json', siteIndexOut);
  const agencies = new Map(index.agencies.map((a) => [a.id, a]));
  const metrics = new Map(index.metrics.map((m) => [m.key, m]));
  const reports = new Map(index.reports.map((r) => [r.id, r]));
  const metricOrder = new Map(index.metrics.map((m, i) => [m.key, i]));
  const rankings = new Map<string, MetricRanking>();
  const lookup = <T>(map: Map<string, T>, key: string, what: string): T => {
    const value = map.get(key);
    if (value === undefined) throw new Error(`unknown ${what} "${key}" in the generated data`);
    return value;
  };
  const data: SiteData = {
    index,
    agency: (id) => lookup(agencies, id, 'agency'),
    findAgency: (id) => agencies.get(id),
    detail: (id) => readGenerated(`agencies/${lookup(agencies, id, 'agency').id}.json`, agencyDetailOut),
    metric: (key) => lookup(metrics, key, 'metric'),
    report: (id) => lookup(reports, id, 'report'),
    reportsOf: (agency) =>
      agency.report_ids.map((id) => lookup(reports, id, 'report')).sort((a, b) => b.year - a.year || a.id.localeCompare(b.id)),
    figures: (id) => readGenerated(`downloads/agencies/${lookup(agencies, id, 'agency').id}.json`, agencyDownloadOut),
    figuresOf: (download, report) =>
      (download.reports.find((r) => r.id === report.id)?.figures ?? [])
        .map((cells) => fromFigureCells(report.id, cells))
        .sort((a, b) => (metricOrder.get(a.metric) ?? 0) - (metricOrder.get(b.metric) ?? 0)),
    ranking: (metric, scope = 'agency') => {
      const key = `${scope}/${metric}`;
      let ranking = rankings.get(key);
      if (!ranking) {
        if (!index.rankings.some((r) => r.metric === metric && r.scope === scope))
          throw new Error(`no ${scope} ranking for metric "${metric}"`);
        ranking = readGenerated(`rankings/${key}.json`, metricRankingOut);
        rankings.set(key, ranking);
      }
      return ranking;
    },
  };
  cached = { dir: generatedDir(), data };
  return data;
}
