/** Display labels for enumerated values and metrics, from the translation files and the metric catalogue. */
import { messages } from '../../i18n/index.ts';
import type { Messages } from '../../i18n/zh.ts';
import type { Lang } from '../core/format.ts';
import { rateSpec } from '../pipeline/rankings.ts';
import type { Level } from '../core/schema.ts';
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
