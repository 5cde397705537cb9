/** Display labels for enumerated values and metrics, from the translation files and the metric catalogue. */
import { messages } from '../../i18n/index.ts';
import type { Messages } from '../../i18n/zh.ts';
import type { Lang } from '../core/format.ts';
import { rateSpec } from '../pipeline/rankings.ts';
import type { AgencySummary, Level } from '../core/schema.ts';
import { divisionCode, englishPlace, placesOf } from '../core/places.ts';
import type { SiteData } from './site-data.ts';

export function levelLabel(level: Level, lang: Lang): string {
  const t = messages(lang);
  return { province: t.levelProvince, prefecture: t.levelPrefecture, county: t.levelCounty }[level];
}

/** Label of a catalogue metric, or of a rate (rates are not report figures; their labels are translations). */
export function metricTitle(site: SiteData, key: string, lang: Lang): string {
  if (rateSpec(key)) return messages(lang)[`rate_${key.slice('rate.'.length)}` as keyof Messages];
  const metric = site.metric(key);
  return lang === 'zh' ? metric.label_zh : metric.label_en;
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
