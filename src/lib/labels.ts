/** Display labels for enumerated values, from the translation files. */
import { messages } from '../i18n/index.ts';
import type { Lang } from './format.ts';
import type { Level } from './schema.ts';

export function levelLabel(level: Level, lang: Lang): string {
  const t = messages(lang);
  return { province: t.levelProvince, prefecture: t.levelPrefecture, county: t.levelCounty }[level];
}
