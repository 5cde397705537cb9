/**
 * An agency's year series, in one place for the data build (rankings, charts, headline cards) and the compare
 * page, which makes them in the reader's browser from the agency's JSON download. Pure, with no schema library,
 * so the browser bundle stays small.
 */
import type { FigureOut, ReportOut, SeriesPoint } from './schema.ts';

/** Scopes that report the body's own work (everything but whole-jurisdiction totals), in order of preference. */
export const OWN_SCOPES: readonly ReportOut['scope'][] = ['agency', 'agency_plus_subordinates', 'unknown'];
/** Preference when an agency has two reports of one kind for one year: its own figures first. */
const SCOPE_PREFERENCE = [...OWN_SCOPES, 'system'];

/**
 * Year series of every metric for one agency, oldest first. Each year's points all come from one report (the
 * preferred scope), so a year is never a mix of two reports and its source link covers every value.
 */
export function agencySeries(
  reports: readonly ReportOut[],
  figuresByReport: ReadonlyMap<string, readonly FigureOut[]>,
): Record<string, SeriesPoint[]> {
  const ordered = [...reports].sort((a, b) => a.year - b.year || SCOPE_PREFERENCE.indexOf(a.scope) - SCOPE_PREFERENCE.indexOf(b.scope));
  const onePerYear = ordered.filter((r, i) => ordered[i - 1]?.year !== r.year);
  const series: Record<string, SeriesPoint[]> = {};
  for (const report of onePerYear) {
    for (const f of figuresByReport.get(report.id) ?? []) {
      (series[f.metric] ??= []).push({
        year: report.year,
        value: f.value,
        qualifier: f.qualifier,
        report_id: report.id,
        derived: f.derived,
      });
    }
  }
  return Object.fromEntries(
    Object.keys(series)
      .sort()
      .map((k) => [k, series[k] ?? []]),
  );
}

/** The series of the body's own work: its reports of any scope but whole-jurisdiction totals. */
export const ownWorkSeries = (reports: readonly ReportOut[], figuresByReport: ReadonlyMap<string, readonly FigureOut[]>) =>
  agencySeries(
    reports.filter((r) => OWN_SCOPES.includes(r.scope)),
    figuresByReport,
  );
