/**
 * The data build as a pure function: curated CSV texts in, the validated and derived dataset out, with every
 * error located and every row accounted for. scripts/build-data.ts does the file input and output around it.
 */
import { group, sort } from 'd3-array';
import type { z } from 'astro/zod';
import { checkCarryOver, checkReport, derivedDisagreement } from './checks.ts';
import { AGENCY_CHARTS, CHART_METRICS } from '../core/chart-specs.ts';
import { CHANGE_UNIT, changeOf } from '../core/changes.ts';
import { agencySeries, coverage, deriveReportFigures, OWN_SCOPES } from './derive.ts';
import { divisionOf } from '../core/ids.ts';
import { impliedValues } from './implied.ts';
import { RANKED_METRICS, headlines, rankMetric, type RankableAgency } from './rankings.ts';
import { findProvince } from '../core/provinces.ts';
import {
  COLUMNS,
  agencyRow,
  correctionRow,
  figureRow,
  metricRow,
  reportRow,
  type AgencyOut,
  type CorrectionOut,
  type DatasetOut,
  type FigureOut,
  type MetricOut,
  type RankingEntry,
  type ReportOut,
  type ScopeGroup,
  type SeriesPoint,
  type WarningOut,
} from '../core/schema.ts';
import { eraOf, type Era } from '../core/templates.ts';
import { daysLate, deadline } from './timeliness.ts';
import { keepRows, readTable, rejectAll, type Problem, type Table } from './tables.ts';

type FigureRowValue = z.output<typeof figureRow>;

/** The five curated files: bytes as read from disk (decoded strictly as UTF-8), or text already decoded. */
export interface SourceTexts {
  agencies: string | Uint8Array;
  reports: string | Uint8Array;
  figures: string | Uint8Array;
  metrics: string | Uint8Array;
  /** The corrections log; its header alone when nothing was ever corrected. */
  corrections: string | Uint8Array;
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
  // Stated changes: <base>.change (count_change) and <base>.change_pct (percent) of a catalogue metric.
  const catalogue = new Map(metrics.rows.map((r) => [r.value.key, r.value]));
  keepRows(metrics, (row) => {
    const m = row.value;
    const change = changeOf(m.key);
    if (change) {
      const errors = [];
      if (!catalogue.has(change.base))
        errors.push({ column: 'key', message: `"${m.key}" is a stated change of "${change.base}", which is not in the catalogue` });
      if (m.unit !== CHANGE_UNIT[change.kind])
        errors.push({
          column: 'unit',
          message: `a key ending in .${change.kind} is a stated change; its unit must be ${CHANGE_UNIT[change.kind]}`,
        });
      return errors;
    }
    return m.unit === 'percent'
      ? [{ column: 'unit', message: 'unit percent is for stated percentage changes only (keys ending in .change_pct)' }]
      : [];
  });
  const metricByKey = new Map<string, MetricOut>(metrics.rows.map((r) => [r.value.key, r.value]));

  // Agencies.
  const agencies = readTable(path('agencies'), texts.agencies, COLUMNS.agencies, agencyRow);
  const agencyLine = new Map<string, number>();
  keepRows(agencies, (row) => {
    const first = agencyLine.get(row.value.id);
    if (first !== undefined) return [{ column: 'id', message: `duplicate agency id "${row.value.id}" (first defined on line ${first})` }];
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
    } else if (f.value < 0 && metric.unit !== 'count_change' && metric.unit !== 'percent') {
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

  // Corrections: each names a figure, and its new value must be the figure as it now stands.
  const corrections = readTable(path('corrections'), texts.corrections, COLUMNS.corrections, correctionRow, { mayBeEmpty: true });
  rejectAll(corrections, figures);
  const statedValue = new Map<string, Map<string, number>>();
  for (const r of figures.rows) {
    const byMetric = statedValue.get(r.value.report_id) ?? new Map<string, number>();
    statedValue.set(r.value.report_id, byMetric.set(r.value.metric, r.value.value));
  }
  keepRows(corrections, (row) => {
    const c = row.value;
    if (!reportById.has(c.report_id)) return [{ column: 'report_id', message: `unknown report "${c.report_id}"` }];
    if (!metricByKey.has(c.metric)) return [{ column: 'metric', message: `unknown metric key "${c.metric}"` }];
    const current = statedValue.get(c.report_id)?.get(c.metric);
    if (c.new_value === null && current !== undefined) {
      return [
        {
          column: 'new_value',
          message: `new_value is empty (figure removed), but figures.csv still has ${c.report_id} ${c.metric} = ${current}`,
        },
      ];
    }
    if (c.new_value !== null && current !== c.new_value) {
      return [
        {
          column: 'new_value',
          message: `new_value ${c.new_value} is not the current figure: figures.csv has ${current === undefined ? 'no row' : current} for ${c.report_id} ${c.metric}`,
        },
      ];
    }
    return [];
  });
  const correctionOuts: CorrectionOut[] = sort(
    corrections.rows.map((r) => {
      const c = r.value;
      const report = reportById.get(c.report_id);
      return { ...c, agency_id: report?.agency_id ?? '', year: report?.year ?? 0 };
    }),
    (c) => c.date,
    (c) => c.report_id,
    (c) => c.metric,
  );

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
        deadline: deadline(v.year, agencyById.get(v.agency_id)?.sector ?? 'other'),
        days_late: daysLate(v.published || null, deadline(v.year, agencyById.get(v.agency_id)?.sector ?? 'other')),
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
  const withEra = new Map(reportOuts.map((r) => [r.id, { ...r, era: eraOf(r.template, r.year) as Era }]));
  const label = (key: string, lang: 'zh' | 'en') =>
    (lang === 'zh' ? metricByKey.get(key)?.label_zh : metricByKey.get(key)?.label_en) ?? key;

  // Per agency, three views of its reports: its own work (one report a year, scope agency preferred), the
  // same restricted to scope agency (what peers are ranked on), and whole-jurisdiction totals (scope system).
  const withSeries = sort(agencies.rows, (r) => r.value.id).map((r) => {
    const a = r.value;
    const own = reportsByAgency.get(a.id) ?? [];
    const ownScope = own.filter((rep) => OWN_SCOPES.includes(rep.scope));
    const system = own.filter((rep) => rep.scope === 'system');
    for (const list of [ownScope, system]) warnings.push(...checkCarryOver(list, statedValues, withEra));
    const series = agencySeries(ownScope, figuresByReport);
    const systemSeries = agencySeries(system, figuresByReport);
    const ownImplied = impliedValues(series, withEra, label);
    const systemImplied = impliedValues(systemSeries, withEra, label);
    warnings.push(...ownImplied.warnings, ...systemImplied.warnings);
    return {
      agency: a,
      reports: own,
      series,
      systemSeries,
      rankSeries: agencySeries(
        own.filter((rep) => rep.scope === 'agency'),
        figuresByReport,
      ),
      implied: [
        ...ownImplied.implied.map((i) => ({ ...i, scope: 'agency' as const })),
        ...systemImplied.implied.map((i) => ({ ...i, scope: 'system' as const })),
      ],
    };
  });
  const sortedWarnings = sort(
    warnings,
    (w) => w.report_id,
    (w) => w.rule,
    (w) => w.message_en,
  );

  const rankable = (scope: ScopeGroup): RankableAgency[] =>
    withSeries.map(({ agency: a, rankSeries, systemSeries }) => ({
      id: a.id,
      sector: a.sector,
      level: a.level,
      province: a.province,
      series: scope === 'agency' ? rankSeries : systemSeries,
    }));
  const rankings = (['agency', 'system'] as const).flatMap((scope) => {
    const candidates = rankable(scope);
    return RANKED_METRICS.map((metric) => rankMetric(metric, candidates, scope)).filter((r) => scope === 'agency' || r.years.length > 0);
  });
  const entriesByAgency = group(
    rankings.flatMap((r) => r.years.flatMap((y) => y.entries.map((e) => ({ ...e, metric: r.metric, scope: r.scope })))),
    (e) => e.agency_id,
  );
  const warningsByAgency = group(sortedWarnings, (w) => w.agency_id);
  const chartSeries = (series: Record<string, SeriesPoint[]>) =>
    Object.fromEntries(Object.entries(series).filter(([metric]) => CHART_METRICS.has(metric)));
  const agencyOuts: AgencyOut[] = withSeries.map(({ agency: a, reports: own, series, systemSeries, implied }) => {
    const benchmarks = entriesByAgency.get(a.id) ?? [];
    const lookup = (scope: ScopeGroup) => {
      const entries = new Map(benchmarks.filter((b) => b.scope === scope).map((b): [string, RankingEntry] => [`${b.metric}|${b.year}`, b]));
      return (metric: string, year: number) => entries.get(`${metric}|${year}`);
    };
    const scopeOf = (id: string) => withEra.get(id)?.scope;
    return {
      id: a.id,
      name_zh: a.name_zh,
      name_en: a.name_en,
      level: a.level,
      sector: a.sector,
      division: divisionOf(a.id),
      province: a.province,
      province_en: findProvince(a.province)?.en ?? a.province,
      prefecture: a.prefecture,
      aliases: a.aliases,
      website: a.website || null,
      years: sort(new Set(own.map((r) => r.year))),
      report_ids: own.map((r) => r.id),
      headlines: headlines(series, lookup('agency'), (id) => scopeOf(id) === 'agency'),
      system_headlines: Object.keys(systemSeries).length > 0 ? headlines(systemSeries, lookup('system'), () => true) : [],
      charts: AGENCY_CHARTS.filter((c) => c.series.some((s) => series[s.metric] !== undefined)).map((c) => c.id),
      chart_series: chartSeries(series),
      system_chart_series: chartSeries(systemSeries),
      implied,
      series,
      system_series: systemSeries,
      benchmarks,
      warning_count: warningsByAgency.get(a.id)?.length ?? 0,
    };
  });

  const tables = [metrics, agencies, reports, figures, corrections];
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
      corrections: correctionOuts,
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
