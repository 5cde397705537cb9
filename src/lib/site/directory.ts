/**
 * The directory in pieces that stay small however many agencies there are: facet counts (sector, level,
 * province) on /agencies/ and the home page, one page per province (/agencies/in/<code>/) holding only that
 * province's agencies, and a page per sector and per level that points to the provinces holding them.
 */
import { findDivision, NATIONAL_CODE } from '../core/divisions.ts';
import type { Lang } from '../core/format.ts';
import { findProvince, PROVINCES } from '../core/provinces.ts';
import { LEVELS, type AgencySummary, type Level } from '../core/schema.ts';
import { SECTOR_KEYS, type Sector } from '../core/sectors.ts';
import { levelLabel, placeName, sectorLabel } from './labels.ts';

export interface Facet {
  key: string;
  label: string;
  count: number;
  /** Language-neutral page path. */
  path: string;
}

/** The directory chunk an agency is listed in: its province's code, or 100000 for national bodies. */
export const chunkOf = (a: Pick<AgencySummary, 'province'>): string => {
  const province = findProvince(a.province);
  return province ? `${province.code}0000` : NATIONAL_CODE;
};

const chunkOrder = (code: string) => (code === NATIONAL_CODE ? -1 : PROVINCES.findIndex((p) => `${p.code}0000` === code));

export function chunkLabel(code: string, lang: Lang): string {
  const d = findDivision(code);
  return d ? placeName(d, lang) : code;
}

/** Agencies of one chunk, in the directory's order: level, prefecture, name. */
export function chunkAgencies(agencies: readonly AgencySummary[], code: string): AgencySummary[] {
  return agencies
    .filter((a) => chunkOf(a) === code)
    .sort(
      (a, b) =>
        LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
        a.prefecture.localeCompare(b.prefecture, 'zh-CN') ||
        a.name_zh.localeCompare(b.name_zh, 'zh-CN'),
    );
}

const count = <K extends string>(agencies: readonly AgencySummary[], key: (a: AgencySummary) => K) => {
  const counts = new Map<K, number>();
  for (const a of agencies) counts.set(key(a), (counts.get(key(a)) ?? 0) + 1);
  return counts;
};

export function sectorFacets(agencies: readonly AgencySummary[], lang: Lang): Facet[] {
  const counts = count(agencies, (a) => a.sector);
  return SECTOR_KEYS.filter((s) => counts.has(s)).map((s) => ({
    key: s,
    label: sectorLabel(s, lang),
    count: counts.get(s) ?? 0,
    path: `/agencies/kind/${s}/`,
  }));
}

export function levelFacets(agencies: readonly AgencySummary[], lang: Lang): Facet[] {
  const counts = count(agencies, (a) => a.level);
  return LEVELS.filter((l) => counts.has(l)).map((l) => ({
    key: l,
    label: levelLabel(l, lang),
    count: counts.get(l) ?? 0,
    path: `/agencies/level/${l}/`,
  }));
}

/** Provinces (and the national bodies first), each with its count, among the agencies given. */
export function provinceFacets(agencies: readonly AgencySummary[], lang: Lang, query = ''): Facet[] {
  const counts = count(agencies, chunkOf);
  return [...counts.keys()]
    .sort((a, b) => chunkOrder(a) - chunkOrder(b))
    .map((code) => ({ key: code, label: chunkLabel(code, lang), count: counts.get(code) ?? 0, path: `/agencies/in/${code}/${query}` }));
}

/** Every chunk that has agencies. */
export const chunkCodes = (agencies: readonly AgencySummary[]): string[] =>
  [...new Set(agencies.map(chunkOf))].sort((a, b) => chunkOrder(a) - chunkOrder(b));

export const isSector = (s: string): s is Sector => (SECTOR_KEYS as readonly string[]).includes(s);
export const isLevel = (s: string): s is Level => (LEVELS as readonly string[]).includes(s);
