/**
 * The data build in stages, each agency folded on its own: the small curated files are read and checked whole
 * (readCatalogue); each figure row is checked as it is read (checkFigure), then the rows of one agency are
 * folded into its reports, derived figures, checks and series (foldAgency); rankings and headline cards come
 * last, from the few series they need (rankAgencies). buildDataset runs the stages over texts in memory (tests,
 * small data); scripts/build-data.ts runs them over files read in pieces, with memory for one group of agencies
 * at a time (src/lib/pipeline/stream-build.ts). Every error is located and every row accounted for.
 */
import { group, sort } from 'd3-array';
import type { z } from 'astro/zod';
import { checkCarryOver, checkReport, derivedDisagreement } from './checks.ts';
import { AGENCY_CHARTS, CHART_METRICS } from '../core/chart-specs.ts';
import { CHANGE_UNIT, changeOf } from '../core/changes.ts';
import { coverage, deriveReportFigures } from './derive.ts';
import { agencySeries, OWN_SCOPES, ownWorkSeries } from '../core/series.ts';
import { HEADLINES } from '../core/headlines.ts';
import { divisionOf } from '../core/ids.ts';
import { samePageKey } from '../core/urls.ts';
import { impliedValues } from './implied.ts';
import { RANKED_METRICS, RATES, headlines, rankMetric, type RankableAgency } from './rankings.ts';
import { findProvince } from '../core/provinces.ts';
import {
  COLUMNS,
  agencyRow,
  correctionRow,
  figureRow,
  metricRow,
  reportRow,
  type AgencyOut,
  type AgencyRow,
  type CorrectionOut,
  type CorrectionRow,
  type DatasetOut,
  type FigureOut,
  type MetricOut,
  type MetricRanking,
  type RankingEntry,
  type ReportOut,
  type ScopeGroup,
  type SeriesPoint,
  type WarningOut,
} from '../core/schema.ts';
import { eraOf, type Era } from '../core/templates.ts';
import { daysLate, deadline } from './timeliness.ts';
import {
  keepRows,
  readTable,
  rejectAll,
  unusableWhy,
  type Problem,
  type RowError,
  type Row,
  type StreamedTable,
  type Table,
} from './tables.ts';

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

/** A figure row that passed its own checks, as kept until its agency is folded. */
export interface StoredFigure {
  report_id: string;
  metric: string;
  value: number;
  qualifier: FigureRowValue['qualifier'];
  locator: string;
  note: string;
  /** Line of the row in figures.csv, for errors found when its agency is folded. */
  line: number;
}

/** An error found when an agency is folded: its row's line, and the column to point at once it is located. */
export interface FoldProblem {
  line: number;
  column: 'metric' | 'value';
  message: string;
}

type ReportRowValue = z.output<ReturnType<typeof reportRow>>;

/** The small curated files, read and checked whole: what every figure row is checked against. */
export interface Catalogue {
  path: (name: string) => string;
  metrics: Table<MetricOut>;
  metricList: MetricOut[];
  metricByKey: Map<string, MetricOut>;
  agencies: Table<AgencyRow>;
  agencyById: Map<string, AgencyRow>;
  reports: Table<ReportRowValue>;
  reportById: Map<string, ReportRowValue>;
  /** Accepted reports of each agency, sorted by id. */
  reportsByAgency: Map<string, ReportRowValue[]>;
  corrections: Table<CorrectionRow>;
  /** The figures that corrections name: report → metrics. */
  corrected: Map<string, Set<string>>;
}

/** The texts of the small files (figures.csv is read apart, in pieces). */
export type CatalogueTexts = Omit<SourceTexts, 'figures'>;

export function readCatalogue(texts: CatalogueTexts, options: BuildOptions): Catalogue {
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
  // One body under two ids splits its years across two pages and counts it twice among its peers.
  const agencyByName = new Map<string, { id: string; line: number }>();
  keepRows(agencies, (row) => {
    const a = row.value;
    const first = agencyLine.get(a.id);
    if (first !== undefined) return [{ column: 'id', message: `duplicate agency id "${a.id}" (first defined on line ${first})` }];
    const name = `${divisionOf(a.id)}|${a.name_zh}`;
    const same = agencyByName.get(name);
    if (same !== undefined) {
      return [
        {
          column: 'name_zh',
          message: `"${a.name_zh}" is already agency ${same.id} (line ${same.line}) of the same place; one body has one id: move this id's reports to ${same.id} and delete this row (or correct the name if they are different bodies)`,
        },
      ];
    }
    agencyLine.set(a.id, row.record.line);
    agencyByName.set(name, { id: a.id, line: row.record.line });
    return [];
  });
  const agencyById = new Map(agencies.rows.map((r) => [r.value.id, r.value]));

  // Reports.
  const reports = readTable(path('reports'), texts.reports, COLUMNS.reports, reportRow(options.maxYear));
  rejectAll(reports, agencies);
  const reportLine = new Map<string, number>();
  const reportSlot = new Map<string, number>();
  const reportPage = new Map<string, { id: string; line: number }>();
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
    // One page recorded as two reports counts its figures twice.
    const page = r.source_url ? samePageKey(r.source_url) : null;
    const samePage = page === null ? undefined : reportPage.get(page);
    if (samePage !== undefined) {
      errors.push({
        column: 'source_url',
        message: `this page is already the source of report ${samePage.id} (line ${samePage.line}); one page is one report: keep one of the two rows and move its figures there`,
      });
    }
    if (errors.length === 0) {
      reportLine.set(r.id, row.record.line);
      reportSlot.set(slot, row.record.line);
      if (page !== null) reportPage.set(page, { id: r.id, line: row.record.line });
    }
    return errors;
  });
  const reportById = new Map(reports.rows.map((r) => [r.value.id, r.value]));
  const reportsByAgency = new Map<string, ReportRowValue[]>();
  for (const { value } of sort(reports.rows, (r) => r.value.id)) {
    const list = reportsByAgency.get(value.agency_id) ?? [];
    reportsByAgency.set(value.agency_id, [...list, value]);
  }

  // Corrections: checked against the figures once they are folded (checkCorrections).
  const corrections = readTable(path('corrections'), texts.corrections, COLUMNS.corrections, correctionRow, { mayBeEmpty: true });
  const corrected = new Map<string, Set<string>>();
  for (const { value: c } of corrections.rows) corrected.set(c.report_id, (corrected.get(c.report_id) ?? new Set()).add(c.metric));

  return {
    path,
    metrics,
    metricList: metrics.rows.map((r) => r.value),
    metricByKey,
    agencies,
    agencyById,
    reports,
    reportById,
    reportsByAgency,
    corrections,
    corrected,
  };
}

/** The checks of one figure row against the other files (its own fields passed the row schema). */
export function checkFigure(cat: Catalogue, f: FigureRowValue): RowError[] {
  const errors: RowError[] = [];
  if (!cat.reportById.has(f.report_id)) {
    errors.push({ column: 'report_id', message: `unknown report "${f.report_id}"; no accepted row of reports.csv has this id` });
  }
  const metric = cat.metricByKey.get(f.metric);
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
  return errors;
}

/** The figure file's rows may be checked only when the files they refer to could be used. */
export function figureCause(cat: Catalogue): Table<unknown> | null {
  return [cat.metrics, cat.reports].find((t) => unusableWhy(t) !== null) ?? null;
}

export const storedFigure = (row: Row<FigureRowValue>): StoredFigure => ({ ...row.value, line: row.record.line });

/** Metrics the rankings and headline cards read from an agency's series: all that is kept of them after its fold. */
const SUMMARY_METRICS = new Set([
  ...RANKED_METRICS,
  ...RATES.flatMap((r) => [...r.numerator, r.denominator]),
  ...HEADLINES.flatMap((h) => h.metrics),
]);
const pick = (series: Record<string, SeriesPoint[]>, keep: ReadonlySet<string>) =>
  Object.fromEntries(Object.entries(series).filter(([metric]) => keep.has(metric)));

/** One agency folded: everything about it that does not depend on other agencies. */
export interface AgencyFold {
  agency: AgencyRow;
  /** Its reports, sorted by id. */
  reports: ReportOut[];
  /** Stated and derived figures of its reports, report by report (by id), each report's in metric order. */
  figures: FigureOut[];
  /** Unsorted. */
  warnings: WarningOut[];
  /** Its own work (one report a year, scope agency preferred), every metric. */
  series: Record<string, SeriesPoint[]>;
  systemSeries: Record<string, SeriesPoint[]>;
  /** What rankings and headline cards need: ranked metrics, rate parts and headline metrics only. */
  rankSeries: Record<string, SeriesPoint[]>;
  ownSeries: Record<string, SeriesPoint[]>;
  systemSummary: Record<string, SeriesPoint[]>;
  implied: AgencyOut['implied'];
  /** Rows rejected in the fold (a second figure for one metric, parts of a sum too large to be exact). */
  problems: FoldProblem[];
  /** Stated values of the figures corrections.csv names. */
  correctedValues: Map<string, Map<string, number>>;
}

export function foldAgency(cat: Catalogue, agency: AgencyRow, rows: readonly StoredFigure[]): AgencyFold {
  const problems: FoldProblem[] = [];
  // A second figure for one report and metric is rejected, naming the first.
  const firstLine = new Map<string, Map<string, number>>();
  const kept: StoredFigure[] = [];
  for (const f of rows) {
    const lines = firstLine.get(f.report_id) ?? new Map<string, number>();
    firstLine.set(f.report_id, lines);
    const first = lines.get(f.metric);
    if (first !== undefined) {
      problems.push({
        line: f.line,
        column: 'metric',
        message: `metric: duplicate figure: report ${f.report_id} already has "${f.metric}" on line ${first}`,
      });
      continue;
    }
    lines.set(f.metric, f.line);
    kept.push(f);
  }
  const statedRows = rejectInexactSums(kept, cat.metricList, problems);

  const statedByReport = group(
    statedRows.map(({ line: _line, ...f }): FigureOut => ({ ...f, derived: false })),
    (f) => f.report_id,
  );
  const correctedValues = new Map<string, Map<string, number>>();
  for (const f of statedRows) {
    if (!cat.corrected.get(f.report_id)?.has(f.metric)) continue;
    correctedValues.set(f.report_id, (correctedValues.get(f.report_id) ?? new Map()).set(f.metric, f.value));
  }
  const reports: ReportOut[] = (cat.reportsByAgency.get(agency.id) ?? []).map((v) => ({
    id: v.id,
    agency_id: v.agency_id,
    year: v.year,
    template: v.template,
    source_url: v.source_url || null,
    official: v.official === '' ? null : v.official === 'yes',
    scope: v.scope,
    published: v.published || null,
    deadline: deadline(v.year, agency.sector),
    days_late: daysLate(v.published || null, deadline(v.year, agency.sector)),
    notes: v.notes,
    figure_count: statedByReport.get(v.id)?.length ?? 0,
  }));

  const warnings: WarningOut[] = [];
  const figures: FigureOut[] = [];
  const figuresByReport = new Map<string, FigureOut[]>();
  const statedValues = new Map<string, Map<string, FigureOut>>();
  for (const report of reports) {
    const stated = new Map((statedByReport.get(report.id) ?? []).map((f) => [f.metric, f]));
    statedValues.set(report.id, stated);
    const { derived, disagreements } = deriveReportFigures(report.id, stated, cat.metricList);
    const all = sort([...stated.values(), ...derived], (f) => f.metric);
    figuresByReport.set(report.id, all);
    figures.push(...all);
    warnings.push(...checkReport({ report, level: agency.level, values: stated }, cat.metricByKey));
    warnings.push(...disagreements.map((d) => derivedDisagreement(report, d, cat.metricByKey.get(d.metric))));
  }
  const withEra = new Map(reports.map((r) => [r.id, { ...r, era: eraOf(r.template, r.year) as Era }]));
  const label = (key: string, lang: 'zh' | 'en') =>
    (lang === 'zh' ? cat.metricByKey.get(key)?.label_zh : cat.metricByKey.get(key)?.label_en) ?? key;

  // Three views of its reports: its own work (one report a year, scope agency preferred), the same restricted
  // to scope agency (what peers are ranked on), and whole-jurisdiction totals (scope system).
  const ownScope = reports.filter((rep) => OWN_SCOPES.includes(rep.scope));
  const system = reports.filter((rep) => rep.scope === 'system');
  for (const list of [ownScope, system]) warnings.push(...checkCarryOver(list, statedValues, withEra));
  const series = ownWorkSeries(reports, figuresByReport);
  const systemSeries = agencySeries(system, figuresByReport);
  const ownImplied = impliedValues(series, withEra, label);
  const systemImplied = impliedValues(systemSeries, withEra, label);
  warnings.push(...ownImplied.warnings, ...systemImplied.warnings);
  return {
    agency,
    reports,
    figures,
    warnings,
    series,
    systemSeries,
    rankSeries: pick(
      agencySeries(
        reports.filter((rep) => rep.scope === 'agency'),
        figuresByReport,
      ),
      SUMMARY_METRICS,
    ),
    ownSeries: pick(series, SUMMARY_METRICS),
    systemSummary: pick(systemSeries, SUMMARY_METRICS),
    implied: [
      ...ownImplied.implied.map((i) => ({ ...i, scope: 'agency' as const })),
      ...systemImplied.implied.map((i) => ({ ...i, scope: 'system' as const })),
    ],
    problems,
    correctedValues,
  };
}

/**
 * Derived figures are sums, and a sum beyond 2^53 is no longer exact: it would be published as if it were.
 * Only a report whose figures add up to more than that can have such a sum, so only those are derived here;
 * the figures that go into an inexact sum are rejected.
 */
function rejectInexactSums(rows: StoredFigure[], metricList: readonly MetricOut[], problems: FoldProblem[]): StoredFigure[] {
  const magnitude = new Map<string, number>();
  for (const f of rows) magnitude.set(f.report_id, (magnitude.get(f.report_id) ?? 0) + Math.abs(f.value));
  const inexact = new Map<string, Map<string, string>>();
  for (const [reportId, total] of magnitude) {
    if (total <= Number.MAX_SAFE_INTEGER) continue;
    const stated = new Map(
      rows
        .filter((r) => r.report_id === reportId)
        .map(({ line: _line, ...r }): [string, FigureOut] => [r.metric, { ...r, derived: false }]),
    );
    const parts = new Map<string, string>();
    for (const o of deriveReportFigures(reportId, stated, metricList).overflows) for (const p of o.parts) parts.set(p, o.metric);
    inexact.set(reportId, parts);
  }
  if (inexact.size === 0) return rows;
  return rows.filter((f) => {
    const sum = inexact.get(f.report_id)?.get(f.metric);
    if (sum === undefined) return true;
    problems.push({
      line: f.line,
      column: 'value',
      message: `value: summed with the report's other parts of "${sum}" this exceeds ${Number.MAX_SAFE_INTEGER}, beyond which a sum is not exact; check for digits run together`,
    });
    return false;
  });
}

/**
 * Corrections, once every agency is folded: each names a figure, and its new value must be the figure as it now
 * stands. `figures` is the figure file, to reject every correction when it could not be used.
 */
export function checkCorrections(
  cat: Catalogue,
  figures: Table<unknown> | StreamedTable,
  values: Map<string, Map<string, number>>,
): CorrectionOut[] {
  const { corrections, reportById, metricByKey } = cat;
  rejectAll(corrections, figures);
  keepRows(corrections, (row) => {
    const c = row.value;
    if (!reportById.has(c.report_id)) return [{ column: 'report_id', message: `unknown report "${c.report_id}"` }];
    if (!metricByKey.has(c.metric)) return [{ column: 'metric', message: `unknown metric key "${c.metric}"` }];
    const current = values.get(c.report_id)?.get(c.metric);
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
  return sort(
    corrections.rows.map((r) => {
      const c = r.value;
      const report = reportById.get(c.report_id);
      return { ...c, agency_id: report?.agency_id ?? '', year: report?.year ?? 0 };
    }),
    (c) => c.date,
    (c) => c.report_id,
    (c) => c.metric,
  );
}

/** What is kept of an agency after its fold: enough for rankings, headline cards and its summary. */
export type AgencySummaryInput = Pick<AgencyFold, 'agency' | 'reports' | 'rankSeries' | 'ownSeries' | 'systemSummary' | 'implied'> & {
  chartSeries: Record<string, SeriesPoint[]>;
  systemChartSeries: Record<string, SeriesPoint[]>;
  /** Charts (AGENCY_CHARTS ids) with at least one figure of its own work. */
  charts: AgencyOut['charts'];
  warningCount: number;
};

const chartSeries = (series: Record<string, SeriesPoint[]>) =>
  Object.fromEntries(Object.entries(series).filter(([metric]) => CHART_METRICS.has(metric)));

export function summaryInput(fold: AgencyFold): AgencySummaryInput {
  return {
    agency: fold.agency,
    reports: fold.reports,
    rankSeries: fold.rankSeries,
    ownSeries: fold.ownSeries,
    systemSummary: fold.systemSummary,
    implied: fold.implied,
    chartSeries: chartSeries(fold.series),
    systemChartSeries: chartSeries(fold.systemSeries),
    charts: AGENCY_CHARTS.filter((c) => c.series.some((s) => fold.series[s.metric] !== undefined)).map((c) => c.id),
    warningCount: fold.warnings.length,
  };
}

/** Rankings of every ranked metric in both scopes (system only where some government has a figure). */
export function rankAgencies(inputs: readonly AgencySummaryInput[]): MetricRanking[] {
  const rankable = (scope: ScopeGroup): RankableAgency[] =>
    inputs.map(({ agency: a, rankSeries, systemSummary }) => ({
      id: a.id,
      sector: a.sector,
      level: a.level,
      province: a.province,
      series: scope === 'agency' ? rankSeries : systemSummary,
    }));
  return (['agency', 'system'] as const).flatMap((scope) => {
    const candidates = rankable(scope);
    return RANKED_METRICS.map((metric) => rankMetric(metric, candidates, scope)).filter((r) => scope === 'agency' || r.years.length > 0);
  });
}

/** Each agency's ranking entries (its benchmarks), from all rankings at once. */
export function benchmarksByAgency(rankings: readonly MetricRanking[]): Map<string, AgencyOut['benchmarks']> {
  const byAgency = new Map<string, AgencyOut['benchmarks']>();
  for (const r of rankings) {
    for (const y of r.years) {
      for (const e of y.entries) {
        const list = byAgency.get(e.agency_id) ?? [];
        list.push({ ...e, metric: r.metric, scope: r.scope });
        byAgency.set(e.agency_id, list);
      }
    }
  }
  return byAgency;
}

/** An agency's summary (as site.json lists it): identity, coverage, headline cards with standings, charts. */
export function agencySummary(input: AgencySummaryInput, benchmarks: AgencyOut['benchmarks']): Omit<AgencyOut, 'series' | 'system_series'> {
  const a = input.agency;
  const lookup = (scope: ScopeGroup) => {
    const entries = new Map(benchmarks.filter((b) => b.scope === scope).map((b): [string, RankingEntry] => [`${b.metric}|${b.year}`, b]));
    return (metric: string, year: number) => entries.get(`${metric}|${year}`);
  };
  const scopeOf = new Map(input.reports.map((r) => [r.id, r.scope]));
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
    years: sort(new Set(input.reports.map((r) => r.year))),
    report_ids: input.reports.map((r) => r.id),
    headlines: headlines(input.ownSeries, lookup('agency'), (id) => scopeOf.get(id) === 'agency'),
    system_headlines: Object.keys(input.systemSummary).length > 0 ? headlines(input.systemSummary, lookup('system'), () => true) : [],
    charts: input.charts,
    chart_series: input.chartSeries,
    system_chart_series: input.systemChartSeries,
    implied: input.implied,
    benchmarks,
    warning_count: input.warningCount,
  };
}

/** Warnings in their published order. */
export const sortWarnings = (warnings: readonly WarningOut[]) =>
  sort(
    warnings,
    (w) => w.report_id,
    (w) => w.rule,
    (w) => w.message_en,
  );

/** Problems of one file in file order. */
export const sortProblems = (problems: readonly Problem[]) =>
  sort(
    problems,
    (p) => p.line,
    (p) => p.column,
  );

/** Fold problems located in the figure file, given each row's fields (located by the caller). */
export function locatedProblems(
  file: string,
  problems: readonly FoldProblem[],
  at: (line: number, column: FoldProblem['column']) => { line: number; column: number },
): Problem[] {
  return problems.map((p) => ({ file, ...at(p.line, p.column), message: p.message }));
}

export function buildDataset(texts: SourceTexts, options: BuildOptions): BuildResult {
  const cat = readCatalogue(texts, options);
  const figures = readTable(cat.path('figures'), texts.figures, COLUMNS.figures, figureRow);
  rejectAll(figures, cat.metrics);
  rejectAll(figures, cat.reports);
  keepRows(figures, (row) => checkFigure(cat, row.value));
  const rowsByAgency = new Map<string, StoredFigure[]>();
  const rowAt = new Map<number, Row<FigureRowValue>>();
  for (const row of figures.rows) {
    const agency = cat.reportById.get(row.value.report_id)?.agency_id ?? '';
    const list = rowsByAgency.get(agency) ?? [];
    list.push(storedFigure(row));
    rowsByAgency.set(agency, list);
    rowAt.set(row.record.line, row);
  }

  const folds = sort(cat.agencies.rows, (r) => r.value.id).map((r) => foldAgency(cat, r.value, rowsByAgency.get(r.value.id) ?? []));
  const foldProblems = folds.flatMap((f) => f.problems);
  const rejectedLines = new Set(foldProblems.map((p) => p.line));
  figures.problems.push(
    ...locatedProblems(figures.file, foldProblems, (line, column) => rowAt.get(line)?.at(column) ?? { line, column: 1 }),
  );
  figures.rejected += rejectedLines.size;
  figures.rows = figures.rows.filter((r) => !rejectedLines.has(r.record.line));

  const values = new Map(folds.flatMap((f) => [...f.correctedValues]));
  const correctionOuts = checkCorrections(cat, figures, values);
  const inputs = folds.map(summaryInput);
  const rankings = rankAgencies(inputs);
  const benchmarks = benchmarksByAgency(rankings);
  const agencyOuts: AgencyOut[] = folds.map((fold, i) => ({
    ...agencySummary(inputs[i] as AgencySummaryInput, benchmarks.get(fold.agency.id) ?? []),
    series: fold.series,
    system_series: fold.systemSeries,
  }));
  const warnings = sortWarnings(folds.flatMap((f) => f.warnings));
  const reportOuts = sort(
    folds.flatMap((f) => f.reports),
    (r) => r.id,
  );

  const tables = [cat.metrics, cat.agencies, cat.reports, figures, cat.corrections];
  const problems = tables.flatMap((t) => sortProblems(t.problems));
  return {
    dataset: {
      metrics: cat.metricList,
      agencies: agencyOuts,
      reports: reportOuts,
      figures: folds.flatMap((f) => f.figures),
      warnings,
      rankings,
      corrections: correctionOuts,
      coverage: coverage(
        cat.agencies.rows.map((r) => r.value),
        reportOuts,
        figures.rows.length,
      ),
    },
    problems,
    warnings,
    summary: tables.map((t) => ({ file: t.file, read: t.read, accepted: t.rows.length, rejected: t.rejected })),
  };
}
