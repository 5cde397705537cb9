/**
 * Previous-year values implied by the changes a report states ("比上年增加30件" → last year = this year − 30;
 * "同比增长12.5%" → last year = this year ÷ 1.125). Where the agency has no figure of its own for that year the
 * implied value is shown, drawn unlike any reported value and never ranked; where it has one, a disagreement
 * is a data-quality warning (rule Y), judged only between reports of like definitions.
 */
import { changeKey, changeOf } from '../core/changes.ts';
import { comparableEras, type Era } from '../core/templates.ts';
import type { ImpliedOut, Qualifier, ReportOut, SeriesPoint, WarningOut } from '../core/schema.ts';
import { roundValue } from './derive.ts';

/** Decimal places of a stated percentage, so 12.5 is checked to ±0.05 and 12 to ±0.5. */
function decimals(value: number): number {
  const text = String(value);
  const dot = text.indexOf('.');
  return dot === -1 ? 0 : text.length - dot - 1;
}

/** Whether a stated percentage change agrees with the change from `previous` to `current` at its precision. */
export function percentAgrees(statedPct: number, previous: number, current: number): boolean {
  if (previous === 0) return true;
  const actual = ((current - previous) / previous) * 100;
  return Math.abs(actual - statedPct) <= 0.5 * 10 ** -decimals(statedPct) + 1e-9;
}

/** The previous-year value a stated change implies, or null when it implies none (a −100 % change, a negative count). */
export function impliedValue(
  current: SeriesPoint,
  via: 'change' | 'change_pct',
  change: SeriesPoint,
): { value: number; qualifier: Qualifier } | null {
  const exact = current.qualifier === 'exact' && change.qualifier === 'exact';
  if (via === 'change') {
    const value = roundValue(current.value - change.value);
    return value < 0 ? null : { value, qualifier: exact ? 'exact' : 'about' };
  }
  if (change.value <= -100) return null;
  // A percentage is rounded, so the count it implies is approximate.
  return { value: Math.round(current.value / (1 + change.value / 100)), qualifier: 'about' };
}

export interface ImpliedResult {
  implied: ImpliedOut[];
  warnings: WarningOut[];
}

/**
 * Implied values and disagreements for one agency's series (all points of a year come from one report, see
 * agencySeries). `reports` gives each report's year and form.
 */
export function impliedValues(
  series: Readonly<Record<string, readonly SeriesPoint[]>>,
  reports: ReadonlyMap<string, ReportOut & { era: Era }>,
  label: (metric: string, lang: 'zh' | 'en') => string,
): ImpliedResult {
  const result: ImpliedResult = { implied: [], warnings: [] };
  const bases = [...new Set(Object.keys(series).flatMap((k) => changeOf(k)?.base ?? []))].sort();
  for (const base of bases) {
    const byYear = new Map((series[base] ?? []).map((p) => [p.year, p]));
    const changes = (['change', 'change_pct'] as const).map((via) => ({
      via,
      points: new Map((series[changeKey(base, via)] ?? []).map((p) => [p.year, p])),
    }));
    const years = [...new Set(changes.flatMap((c) => [...c.points.keys()]))].sort((a, b) => a - b);
    for (const year of years) {
      const current = byYear.get(year);
      if (!current) continue;
      const report = reports.get(current.report_id);
      const previous = byYear.get(year - 1);
      const previousReport = previous ? reports.get(previous.report_id) : undefined;
      let shown = false;
      for (const { via, points } of changes) {
        const change = points.get(year);
        if (!change || !report) continue;
        if (previous && previousReport) {
          if (!comparableEras(report.era, previousReport.era)) continue;
          if (current.qualifier !== 'exact' || previous.qualifier !== 'exact' || change.qualifier !== 'exact') continue;
          const agrees =
            via === 'change'
              ? roundValue(current.value - previous.value) === change.value
              : percentAgrees(change.value, previous.value, current.value);
          if (!agrees)
            result.warnings.push(disagreement(report, previousReport, base, via, change.value, current.value, previous.value, label));
          continue;
        }
        // One implied point per year: an absolute change is exact, so it wins over a percentage.
        if (shown) continue;
        const value = impliedValue(current, via, change);
        if (!value) continue;
        result.implied.push({ metric: base, year: year - 1, ...value, from_report: report.id, from_year: year, via, change: change.value });
        shown = true;
      }
    }
  }
  return result;
}

function disagreement(
  report: ReportOut,
  previous: ReportOut,
  base: string,
  via: 'change' | 'change_pct',
  stated: number,
  current: number,
  before: number,
  label: (metric: string, lang: 'zh' | 'en') => string,
): WarningOut {
  const signed = (v: number) => (v > 0 ? `+${v}` : String(v));
  const actualPct = before === 0 ? null : roundValue(Math.round(((current - before) / before) * 1000) / 10);
  const actual = via === 'change' ? signed(roundValue(current - before)) : `${signed(actualPct ?? 0)}%`;
  const statedText = via === 'change' ? signed(stated) : `${signed(stated)}%`;
  return {
    rule: 'Y',
    report_id: report.id,
    agency_id: report.agency_id,
    year: report.year,
    message_en: `The ${report.year} report states a change of ${statedText} on the previous year for "${label(base, 'en')}", but ${previous.year}'s report gives ${before} and ${report.year}'s ${current}: a change of ${actual}.`,
    message_zh: `${report.year}年报告称「${label(base, 'zh')}」比上年变化${statedText},但${previous.year}年报告为${before},${report.year}年为${current},实际变化${actual}。`,
  };
}
