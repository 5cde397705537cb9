/**
 * Places: one page per division that has agencies, or places below it that do (so every page can be reached
 * from the country down). A place lists its government's reports (own and whole-jurisdiction), the
 * departments of its government with their latest figures, and the places below it with their counts.
 */
import { divisionPath, findDivision, type Division } from '../core/divisions.ts';
import type { AgencySummary, ReportOut } from '../core/schema.ts';
import { SECTOR_KEYS } from '../core/sectors.ts';
import type { SiteData } from './site-data.ts';

export interface PlaceView {
  division: Division;
  /** From the country down to the place's parent. */
  parents: Division[];
  /** The place's government(s) and each one's reports, newest first. */
  governments: { agency: AgencySummary; reports: ReportOut[] }[];
  /** The other bodies of this place, by sector. */
  departments: AgencySummary[];
  /** Places one level down with agencies in them, and how many. */
  children: { division: Division; agencies: number }[];
  /** Agencies in this place and every place below it. */
  total: number;
}

let counts: Map<string, number> | undefined;

/** Agencies at or below each division code. */
function subtreeCounts(agencies: readonly AgencySummary[]): Map<string, number> {
  if (counts) return counts;
  counts = new Map();
  for (const a of agencies) for (const d of divisionPath(a.division)) counts.set(d.code, (counts.get(d.code) ?? 0) + 1);
  return counts;
}

/** Every division code with a page. */
export function placeCodes(site: SiteData): string[] {
  return [...subtreeCounts(site.index.agencies).keys()].sort();
}

export function placeView(site: SiteData, code: string): PlaceView {
  const division = findDivision(code);
  if (!division) throw new Error(`unknown division ${code}`);
  const all = subtreeCounts(site.index.agencies);
  const here = site.index.agencies.filter((a) => a.division === code);
  const governments = here.filter((a) => a.sector === 'government').map((agency) => ({ agency, reports: site.reportsOf(agency) }));
  const departments = here
    .filter((a) => a.sector !== 'government')
    .sort((a, b) => SECTOR_KEYS.indexOf(a.sector) - SECTOR_KEYS.indexOf(b.sector) || a.id.localeCompare(b.id));
  const children = [...all.entries()]
    .flatMap(([c, n]) => {
      const d = findDivision(c);
      return d && d.parent === code ? [{ division: d, agencies: n }] : [];
    })
    .sort((a, b) => a.division.code.localeCompare(b.division.code));
  return { division, parents: divisionPath(code).slice(1).reverse(), governments, departments, children, total: all.get(code) ?? 0 };
}
