/**
 * Derivations: group sums inside a report, year series per agency and coverage (peer standings are in
 * rankings.ts). All pure functions of validated data; d3-array does the grouping and ranking.
 */
import { group, rollup, sort, sum } from 'd3-array';
import type { AgencyRow, CoverageOut, FigureOut, MetricOut, Qualifier, ReportOut, Template } from '../core/schema.ts';
import { LEVELS, TEMPLATES } from '../core/schema.ts';
import { findProvince } from '../core/provinces.ts';
import { SECTORS } from '../core/sectors.ts';

/** Avoid binary-fraction noise such as 0.1 + 0.2 in sums of 万元 values. */
export function roundValue(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

/**
 * The qualifier of a sum: exact when every part is exact; a lower bound when every part is exact or a lower
 * bound; otherwise only approximate.
 */
export function combineQualifiers(qualifiers: readonly Qualifier[]): Qualifier {
  if (qualifiers.every((q) => q === 'exact')) return 'exact';
  if (qualifiers.every((q) => q === 'exact' || q === 'at_least')) return 'at_least';
  return 'about';
}

export interface DerivedResult {
  /** Figures computed for metrics the report does not state. */
  derived: FigureOut[];
  /** Metrics the report states that could also be computed, with a different result. */
  disagreements: { metric: string; stated: number; computed: number }[];
  /** Sums too large to be exact (beyond 2^53): not derived; the data build rejects their parts. */
  overflows: { metric: string; parts: string[] }[];
}

/** Compute the catalogue's derived metrics for one report from the figures it states. */
export function deriveReportFigures(
  reportId: string,
  stated: ReadonlyMap<string, FigureOut>,
  metrics: readonly MetricOut[],
): DerivedResult {
  const result: DerivedResult = { derived: [], disagreements: [], overflows: [] };
  for (const metric of metrics) {
    const alternative = metric.derived_from.find((a) =>
      a.mode === 'all' ? a.keys.every((k) => stated.has(k)) : a.keys.some((k) => stated.has(k)),
    );
    if (!alternative) continue;
    const parts = alternative.keys.map((k) => stated.get(k)).filter((f): f is FigureOut => f !== undefined);
    const value = roundValue(sum(parts, (f) => f.value));
    if (Math.abs(value) > Number.MAX_SAFE_INTEGER) {
      result.overflows.push({ metric: metric.key, parts: parts.map((f) => f.metric) });
      continue;
    }
    const qualifier = combineQualifiers(parts.map((f) => f.qualifier));
    const own = stated.get(metric.key);
    if (own) {
      if (own.qualifier === 'exact' && qualifier === 'exact' && own.value !== value) {
        result.disagreements.push({ metric: metric.key, stated: own.value, computed: value });
      }
      continue;
    }
    result.derived.push({
      report_id: reportId,
      metric: metric.key,
      value,
      qualifier,
      locator: `derived: ${parts.map((f) => f.metric).join(' + ')}`,
      note: '',
      derived: true,
    });
  }
  return result;
}

const zeroBy = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** Coverage of the dataset: agencies × years, by province, level and sector. National bodies form a row of their own (province ""). */
export function coverage(agencies: readonly AgencyRow[], reports: readonly ReportOut[], figureCount: number): CoverageOut {
  const years = sort(new Set(reports.map((r) => r.year)));
  const agencyById = new Map(agencies.map((a) => [a.id, a]));
  const reportsByProvince = group(reports, (r) => agencyById.get(r.agency_id)?.province ?? '');
  const yearCounts = (rs: readonly ReportOut[]) =>
    Object.fromEntries(
      sort(
        rollup(
          rs,
          (v) => new Set(v.map((r) => r.agency_id)).size,
          (r) => r.year,
        ),
      ).map(([y, n]) => [String(y), n]),
    );
  const provinces = sort(
    group(agencies, (a) => a.province),
    ([p]) => findProvince(p)?.code ?? p,
  ).map(([province, list]) => {
    const rs = reportsByProvince.get(province) ?? [];
    const byLevel = zeroBy(LEVELS);
    for (const a of list) byLevel[a.level]++;
    return {
      province,
      province_en: findProvince(province)?.en ?? province,
      agencies: list.length,
      reports: rs.length,
      by_level: byLevel,
      by_year: yearCounts(rs),
    };
  });
  const byLevel = zeroBy(LEVELS);
  for (const a of agencies) byLevel[a.level]++;
  const agenciesBySector = group(agencies, (a) => a.sector);
  const sectors = SECTORS.flatMap(({ key }) => {
    const list = agenciesBySector.get(key) ?? [];
    const ids = new Set(list.map((a) => a.id));
    return list.length === 0 ? [] : [{ sector: key, agencies: list.length, reports: reports.filter((r) => ids.has(r.agency_id)).length }];
  });
  const byTemplate = zeroBy<Template>(TEMPLATES);
  for (const r of reports) byTemplate[r.template]++;
  return {
    years,
    provinces,
    sectors,
    totals: {
      agencies: agencies.length,
      reports: reports.length,
      figures: figureCount,
      provinces: provinces.length,
      by_level: byLevel,
      by_template: byTemplate,
      by_year: yearCounts(reports),
    },
  };
}
