/**
 * The timeliness view: per year and peer group (kind × level; whole-jurisdiction reports apart), reports
 * ordered by how long after (or before) their deadline they were published. Reports with no known date are
 * listed apart and never counted as on time.
 */
import { LANGS } from '../../i18n/index.ts';
import { LEVELS, type AgencySummary, type Level, type ReportOut } from '../core/schema.ts';
import { SECTOR_KEYS, type Sector } from '../core/sectors.ts';
import type { SiteData } from './site-data.ts';
import { siteData } from './site-data.ts';

export interface TimelinessRow {
  agency: AgencySummary;
  report: ReportOut;
}

export interface TimelinessGroup {
  sector: Sector;
  level: Level;
  system: boolean;
  /** Reports with a date, earliest against the deadline first; ties share a position. */
  dated: (TimelinessRow & { position: number })[];
  unknown: TimelinessRow[];
  onTime: number;
  late: number;
}

/** Years with at least one report, newest first. */
export function timelinessYears(site: SiteData): number[] {
  return [...new Set(site.index.reports.map((r) => r.year))].sort((a, b) => b - a);
}

/** The year the view opens on: the newest with a dated report, else the newest. */
export function defaultTimelinessYear(site: SiteData): number | null {
  const dated = site.index.reports.filter((r) => r.days_late !== null).map((r) => r.year);
  return dated.length > 0 ? Math.max(...dated) : (timelinessYears(site)[0] ?? null);
}

export function timelinessGroups(site: SiteData, year: number): TimelinessGroup[] {
  const rows = site.index.reports.filter((r) => r.year === year).map((report) => ({ report, agency: site.agency(report.agency_id) }));
  const key = (r: TimelinessRow) =>
    `${r.report.scope === 'system' ? 1 : 0}|${SECTOR_KEYS.indexOf(r.agency.sector)}|${LEVELS.indexOf(r.agency.level)}`;
  const groups = new Map<string, TimelinessRow[]>();
  for (const row of rows) groups.set(key(row), [...(groups.get(key(row)) ?? []), row]);
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b, 'en', { numeric: true }))
    .map(([, list]) => {
      const first = list[0] as TimelinessRow;
      const dated = list
        .filter((r) => r.report.days_late !== null)
        .sort((a, b) => (a.report.days_late ?? 0) - (b.report.days_late ?? 0) || a.agency.id.localeCompare(b.agency.id));
      const late = (r: TimelinessRow) => Math.max(0, r.report.days_late ?? 0);
      return {
        sector: first.agency.sector,
        level: first.agency.level,
        system: first.report.scope === 'system',
        // On time is on time: every report published by its deadline shares the first position.
        dated: dated.map((r) => ({ ...r, position: dated.filter((o) => late(o) < late(r)).length + 1 })),
        unknown: list.filter((r) => r.report.days_late === null).sort((a, b) => a.agency.id.localeCompare(b.agency.id)),
        onTime: dated.filter((r) => late(r) === 0).length,
        late: dated.filter((r) => late(r) > 0).length,
      };
    });
}

export function timelinessRoutes() {
  const site = siteData();
  return LANGS.flatMap((lang) =>
    timelinessYears(site).map((year) => ({
      params: { lang: lang === 'zh' ? undefined : lang, year: String(year) },
      props: { lang, year },
    })),
  );
}
