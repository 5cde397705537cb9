/**
 * The data build as a pure function: curated CSV texts in, the validated and derived dataset out, with every
 * error located and every row accounted for. scripts/build-data.ts does the file input and output around it.
 */
import { group, sort } from 'd3-array';
import type { z } from 'astro/zod';
import { checkCarryOver, checkReport, derivedDisagreement } from './checks.ts';
import { AGENCY_CHARTS, CHART_METRICS } from '../core/chart-specs.ts';
import { agencySeries, coverage, deriveReportFigures } from './derive.ts';
import { RANKED_METRICS, buildPeerIndex, headlines, rankMetric } from './rankings.ts';
import { MAX_ID_BYTES } from '../core/paths.ts';
import { findProvince } from '../core/provinces.ts';
import {
  COLUMNS,
  agencyRow,
  figureRow,
  metricRow,
  reportRow,
  type AgencyOut,
  type DatasetOut,
  type FigureOut,
  type MetricOut,
  type ReportOut,
  type WarningOut,
} from '../core/schema.ts';
import { keepRows, readTable, rejectAll, type Problem, type Table } from './tables.ts';

type FigureRowValue = z.output<typeof figureRow>;

/** The four curated files: bytes as read from disk (decoded strictly as UTF-8), or text already decoded. */
export interface SourceTexts {
  agencies: string | Uint8Array;
  reports: string | Uint8Array;
  figures: string | Uint8Array;
  metrics: string | Uint8Array;
}

export interface FileSummary {
  file: string;
  read: number;
  accepted: number;
  rejected: number;
}

export interface BuildResult {
  dataset: DatasetOut;
  /** Errors: the rows they name are not in the dataset. */
  problems: Problem[];
  /** Arithmetic and plausibility warnings (also in dataset.warnings). */
  warnings: WarningOut[];
  summary: FileSummary[];
}

export interface BuildOptions {
  /** Folder name used in messages, e.g. "data". */
  dir: string;
  /** Latest year a report may cover (the current year). */
  maxYear: number;
}

/**
 * Derived figures are sums, and a sum beyond 2^53 is no longer exact: it would be published as if it were.
 * Only a report whose figures add up to more than that can have such a sum, so only those are derived here;
 * the figures that go into an inexact sum are rejected.
 */
function rejectInexactSums(figures: Table<FigureRowValue>, metricList: readonly MetricOut[]): void {
  const magnitude = new Map<string, number>();
  for (const { value: f } of figures.rows) magnitude.set(f.report_id, (magnitude.get(f.report_id) ?? 0) + Math.abs(f.value));
  const inexact = new Map<string, Map<string, string>>();
  for (const [reportId, total] of magnitude) {
    if (total <= Number.MAX_SAFE_INTEGER) continue;
    const stated = new Map(
      figures.rows
        .filter((r) => r.value.report_id === reportId)
        .map((r): [string, FigureOut] => [r.value.metric, { ...r.value, derived: false }]),
    );
    const parts = new Map<string, string>();
    for (const o of deriveReportFigures(reportId, stated, metricList).overflows) for (const p of o.parts) parts.set(p, o.metric);
    inexact.set(reportId, parts);
  }
  if (inexact.size === 0) return;
  keepRows(figures, (row) => {
    const sum = inexact.get(row.value.report_id)?.get(row.value.metric);
    return sum === undefined
      ? []
      : [
          {
            column: 'value',
            message: `summed with the report's other parts of "${sum}" this exceeds ${Number.MAX_SAFE_INTEGER}, beyond which a sum is not exact; check for digits run together`,
          },
        ];
  });
}

export function buildDataset(texts: SourceTexts, options: BuildOptions): BuildResult {
  const path = (name: string) => `${options.dir.replace(/\/+$/, '')}/${name}.csv`;

  // Metrics: the catalogue that figure keys must come from.
  const metrics = readTable(path('metrics'), texts.metrics, COLUMNS.metrics, metricRow);
  const metricLine = new Map<string, number>();
  keepRows(metrics, (row) => {
    const first = metricLine.get(row.value.key);
    if (first !== undefined)
      return [{ column: 'key', message: `duplicate metric key "${row.value.key}" (first defined on line ${first})` }];
    metricLine.set(row.value.key, row.record.line);
    return [];
  });
  keepRows(metrics, (row) =>
    row.value.derived_from
      .flatMap((a) => a.keys)
      .filter((k) => !metricLine.has(k))
      .map((k) => ({ column: 'derived_from', message: `derived_from names unknown metric "${k}"` })),
  );
  // A derived figure is a plain sum, so its parts must be in its own unit (yuan summed into 万元 would be off by 10,000).
  const unitOf = new Map(metrics.rows.map((r) => [r.value.key, r.value.unit]));
  keepRows(metrics, (row) =>
    [...new Set(row.value.derived_from.flatMap((a) => a.keys))]
      .filter((k) => unitOf.get(k) !== row.value.unit)
      .map((k) => ({
        column: 'derived_from',
        message: `derived_from sums "${k}" (unit ${unitOf.get(k) ?? '?'}) into a metric in ${row.value.unit}; a sum's parts must have its unit`,
      })),
  );
  const metricByKey = new Map<string, MetricOut>(metrics.rows.map((r) => [r.value.key, r.value]));

  // Agencies.
  const agencies = readTable(path('agencies'), texts.agencies, COLUMNS.agencies, agencyRow);
  const agencyLine = new Map<string, number>();
  keepRows(agencies, (row) => {
    const first = agencyLine.get(row.value.id);
    if (first !== undefined) return [{ column: 'id', message: `duplicate agency id "${row.value.id}" (first defined on line ${first})` }];
    // Checked here rather than left to the file system, which would fail half-way through writing the output.
    const bytes = new TextEncoder().encode(row.value.id).length;
    if (bytes > MAX_ID_BYTES) {
      return [
        { column: 'id', message: `id is ${bytes} characters long; it names the agency's files, so it may have at most ${MAX_ID_BYTES}` },
      ];
    }
    agencyLine.set(row.value.id, row.record.line);
    return [];
  });
  const agencyById = new Map(agencies.rows.map((r) => [r.value.id, r.value]));

  // Reports.
  const reports = readTable(path('reports'), texts.reports, COLUMNS.reports, reportRow(options.maxYear));
  rejectAll(reports, agencies);
  const reportLine = new Map<string, number>();
  const reportSlot = new Map<string, number>();
  keepRows(reports, (row) => {
    const r = row.value;
    const errors = [];
    if (!agencyById.has(r.agency_id)) {
      errors.push({ column: 'agency_id', message: `unknown agency "${r.agency_id}"; add it to agencies.csv (or fix the id)` });
    }
    const first = reportLine.get(r.id);
    if (first !== undefined) errors.push({ column: 'id', message: `duplicate report id "${r.id}" (first defined on line ${first})` });
    const slot = `${r.agency_id}|${r.year}|${r.scope}`;
    const same = reportSlot.get(slot);
    if (same !== undefined) {
      errors.push({ column: 'year', message: `agency ${r.agency_id} already has a ${r.scope}-scope report for ${r.year} (line ${same})` });
    }
    if (errors.length === 0) {
      reportLine.set(r.id, row.record.line);
      reportSlot.set(slot, row.record.line);
    }
    return errors;
  });
  const reportById = new Map(reports.rows.map((r) => [r.value.id, r.value]));

  // Figures.
  const figures = readTable(path('figures'), texts.figures, COLUMNS.figures, figureRow);
  rejectAll(figures, metrics);
  rejectAll(figures, reports);
  // Report → metric → line, nested rather than keyed by "report|metric": millions of joined key strings would
  // cost more memory than the figures.
  const figureLine = new Map<string, Map<string, number>>();
  keepRows(figures, (row) => {
    const f = row.value;
    const errors = [];
    if (!reportById.has(f.report_id)) {
      errors.push({ column: 'report_id', message: `unknown report "${f.report_id}"; no accepted row of reports.csv has this id` });
    }
    const metric = metricByKey.get(f.metric);
    if (!metric) {
      errors.push({ column: 'metric', message: `unknown metric key "${f.metric}"; use a key from metrics.csv` });
    } else if (f.value < 0 && metric.unit !== 'count_change') {
      errors.push({ column: 'value', message: `negative value ${f.value}; "${f.metric}" cannot be negative` });
    } else if (!Number.isInteger(f.value) && (metric.unit === 'count' || metric.unit === 'count_change')) {
      errors.push({
        column: 'value',
        message: `${f.value} is not a whole number; "${f.metric}" is a count (only money amounts may have decimals)`,
      });
    }
    const lines = figureLine.get(f.report_id) ?? new Map<string, number>();
    const first = lines.get(f.metric);
    if (first !== undefined) {
      errors.push({ column: 'metric', message: `duplicate figure: report ${f.report_id} already has "${f.metric}" on line ${first}` });
    }
    if (errors.length === 0) figureLine.set(f.report_id, lines.set(f.metric, row.record.line));
    return errors;
  });

  // Catalogue order, as curated in metrics.csv (headline metrics first).
  const metricList = metrics.rows.map((r) => r.value);
  rejectInexactSums(figures, metricList);

  // Assemble: stated figures, derived figures, checks.
  const statedByReport = group(
    figures.rows.map((r): FigureOut => ({ ...r.value, derived: false })),
    (f) => f.report_id,
  );
  const reportOuts: ReportOut[] = sort(
    reports.rows.map((r) => {
      const v = r.value;
      return {
        id: v.id,
        agency_id: v.agency_id,
        year: v.year,
        template: v.template,
        source_url: v.source_url || null,
        official: v.official === '' ? null : v.official === 'yes',
        scope: v.scope,
        published: v.published || null,
        notes: v.notes,
        figure_count: statedByReport.get(v.id)?.length ?? 0,
      };
    }),
    (r) => r.id,
  );

  const warnings: WarningOut[] = [];
  const allFigures: FigureOut[] = [];
  const figuresByReport = new Map<string, FigureOut[]>();
  const statedValues = new Map<string, Map<string, FigureOut>>();
  for (const report of reportOuts) {
    const level = agencyById.get(report.agency_id)?.level ?? 'county';
    const stated = new Map((statedByReport.get(report.id) ?? []).map((f) => [f.metric, f]));
    statedValues.set(report.id, stated);
    const { derived, disagreements } = deriveReportFigures(report.id, stated, metricList);
    const all = sort([...stated.values(), ...derived], (f) => f.metric);
    figuresByReport.set(report.id, all);
    allFigures.push(...all);
    warnings.push(...checkReport({ report, level, values: stated }, metricByKey));
    warnings.push(...disagreements.map((d) => derivedDisagreement(report, d, metricByKey.get(d.metric))));
  }
  const reportsByAgency = group(reportOuts, (r) => r.agency_id);
  for (const list of reportsByAgency.values()) warnings.push(...checkCarryOver(list, statedValues));
  const sortedWarnings = sort(
    warnings,
    (w) => w.report_id,
    (w) => w.rule,
    (w) => w.message_en,
  );

  const withSeries = sort(agencies.rows, (r) => r.value.id).map((r) => {
    const a = r.value;
    const own = reportsByAgency.get(a.id) ?? [];
    return { agency: a, id: a.id, level: a.level, province: a.province, reports: own, series: agencySeries(own, figuresByReport) };
  });
  const peers = buildPeerIndex(withSeries);
  const rankings = RANKED_METRICS.map((metric) => rankMetric(metric, withSeries));
  const benchmarksByAgency = group(
    rankings.flatMap((r) => r.years.flatMap((y) => y.entries.map((e) => ({ ...e, metric: r.metric })))),
    (e) => e.agency_id,
  );
  const warningsByAgency = group(sortedWarnings, (w) => w.agency_id);
  const agencyOuts: AgencyOut[] = withSeries.map(({ agency: a, reports: own, series }) => ({
    id: a.id,
    name_zh: a.name_zh,
    name_en: a.name_en,
    level: a.level,
    sector: a.sector,
    province: a.province,
    province_en: findProvince(a.province)?.en ?? a.province,
    prefecture: a.prefecture,
    aliases: a.aliases,
    website: a.website || null,
    years: sort(new Set(own.map((r) => r.year))),
    report_ids: own.map((r) => r.id),
    headlines: headlines(a.level, series, peers),
    charts: AGENCY_CHARTS.filter((c) => c.series.some((s) => series[s.metric] !== undefined)).map((c) => c.id),
    chart_series: Object.fromEntries(Object.entries(series).filter(([metric]) => CHART_METRICS.has(metric))),
    series,
    benchmarks: benchmarksByAgency.get(a.id) ?? [],
    warning_count: warningsByAgency.get(a.id)?.length ?? 0,
  }));

  const tables = [metrics, agencies, reports, figures];
  const problems = tables.flatMap((t) =>
    sort(
      t.problems,
      (p) => p.line,
      (p) => p.column,
    ),
  );
  return {
    dataset: {
      metrics: metricList,
      agencies: agencyOuts,
      reports: reportOuts,
      figures: allFigures,
      warnings: sortedWarnings,
      rankings,
      coverage: coverage(
        agencies.rows.map((r) => r.value),
        reportOuts,
        figures.rows.length,
      ),
    },
    problems,
    warnings: sortedWarnings,
    summary: tables.map((t) => ({ file: t.file, read: t.read, accepted: t.rows.length, rejected: t.rejected })),
  };
}
