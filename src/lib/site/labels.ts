/** Display labels for enumerated values and metrics, from the translation files, the sector list and the metric catalogue. */
import { fill, messages } from '../../i18n/index.ts';
import type { Messages } from '../../i18n/zh.ts';
import type { Lang } from '../core/format.ts';
import { sectorLabel, type Sector } from '../core/sectors.ts';
import { rateSpec } from '../pipeline/rankings.ts';
import type { HeadlineOut, Level, ReportOut, Standing } from '../core/schema.ts';
import { formatPercent } from '../core/format.ts';
import { MIN_PEERS } from '../core/headlines.ts';
import type { AgencySummary } from '../core/schema.ts';
import { divisionCode, englishPlace, placesOf } from '../core/places.ts';
import type { SiteData } from './site-data.ts';

export function levelLabel(level: Level, lang: Lang): string {
  const t = messages(lang);
  return { national: t.levelNational, province: t.levelProvince, prefecture: t.levelPrefecture, county: t.levelCounty }[level];
}

export { sectorLabel };

/**
 * A peer group in words: "县区级交通运输部门", "地市级人民政府", "county-level transport bodies",
 * "prefecture-level people's governments".
 */
export function peerGroupLabel(sector: Sector, level: Level, lang: Lang): string {
  const levelWord = messages(lang)[`levelAgencies_${level}`];
  const kind = sectorLabel(sector, lang);
  if (lang === 'zh') return `${levelWord}${kind}${sector === 'government' ? '' : sector === 'other' ? '机关' : '部门'}`;
  if (sector === 'government') return `${levelWord} people’s governments`;
  return `${levelWord} ${sector === 'other' ? 'other' : kind.toLowerCase()} bodies`;
}

/** "全市合计 / whole city": what a whole-jurisdiction (system) report of a government of this level adds up. */
export function jurisdictionLabel(level: Level, lang: Lang): string {
  return messages(lang)[`jurisdiction_${level}`];
}

/** Label of a catalogue metric, or of a rate (rates are not report figures; their labels are translations). */
export function metricTitle(site: SiteData, key: string, lang: Lang): string {
  if (rateSpec(key)) return messages(lang)[`rate_${key.slice('rate.'.length)}` as keyof Messages];
  const metric = site.metric(key);
  return lang === 'zh' ? metric.label_zh : metric.label_en;
}

/**
 * Where a figure stands in its peer group, in neutral words: the share of peers with a lower value and its
 * position from the largest (a large number is not "first place": many lawsuits are not a prize), with ties;
 * "not computed" below the minimum, which is not the same as "not stated".
 */
export function standingText(s: Standing, group: string, year: number, lang: Lang): string {
  const t = messages(lang);
  if (s.percentile === null) return fill(t.standingFew, { group, year, min: MIN_PEERS, peers: s.peers });
  const share =
    s.percentile > 0
      ? fill(t.standingAbove, { share: formatPercent(s.percentile, lang), group, year, peers: s.peers })
      : fill(t.standingLowest, { group, year, peers: s.peers });
  const position = fill(t.standingPosition, { rank: s.rank });
  return `${share}${lang === 'zh' ? ';' : '; '}${position}${s.tied > 1 ? `${lang === 'zh' ? ',' : ', '}${fill(t.standingTied, { tied: s.tied })}` : ''}`;
}

/** Why a headline figure has no standing. */
export function unrankedText(h: HeadlineOut, report: ReportOut | undefined, lang: Lang): string | null {
  const t = messages(lang);
  if (!h.unranked) return null;
  if (h.unranked === 'scope') return fill(t.unranked_scope, { scope: report ? t[`scope_${report.scope}`] : '' });
  return t[`unranked_${h.unranked}`];
}

/** A position for ranking tables: "2" or "2 (tied, 7)". */
export function positionText(rank: number, tied: number, lang: Lang): string {
  return tied > 1 ? fill(messages(lang).rankTied, { rank, tied }) : String(rank);
}

/**
 * A curator's note as a page may show it. Curators write notes in English (README, "Data format"), often with
 * Chinese terms from the report; a Chinese page shows a note only when it has no English words in it, so its
 * reader never meets working notes in another language. English pages show every note.
 */
export function readerNote(note: string, lang: Lang): string {
  if (lang === 'en') return note;
  return /[A-Za-z]{2,}/.test(note) ? '' : note;
}

/**
 * The prefecture an agency belongs to, in the page language: the curated Chinese name, or the English one
 * derived from the agency's division code (places.ts). Empty for provincial agencies and for county-level
 * units directly under their province.
 */
export function prefectureName(agency: Pick<AgencySummary, 'id' | 'level' | 'prefecture'>, lang: Lang): string {
  if (agency.level === 'province' || agency.prefecture === '') return '';
  if (lang === 'zh') return agency.prefecture;
  return placesOf(divisionCode(agency.id)).prefecture?.en ?? englishPlace(agency.prefecture, 'prefecture');
}
