/**
 * Build-time side of the compare page: the series index the data build publishes at
 * downloads/series.json, read with a schema (so a drifted build fails here, not in a reader's
 * browser), and the agencies grouped by province for the picker. Server only: reads files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'astro/zod';
import { generatedDir } from '../core/paths.ts';
import { PROVINCES } from '../core/provinces.ts';
import { GROUPS, LEVELS, UNITS } from '../core/schema.ts';

export const seriesIndexOut = z.object({
  agencies: z.array(
    z.object({
      id: z.string(),
      name_zh: z.string(),
      name_en: z.string(),
      level: z.enum(LEVELS),
      province: z.string(),
      province_en: z.string(),
      prefecture: z.string(),
      years: z.array(z.number()),
    }),
  ),
  /** Metrics with at least one figure, in catalogue order. */
  metrics: z.array(
    z.object({
      key: z.string(),
      label_zh: z.string(),
      label_en: z.string(),
      unit: z.enum(UNITS),
      group: z.enum(GROUPS),
      /** How many agencies have a figure for it. */
      agencies: z.number(),
    }),
  ),
});
export type SeriesIndex = z.infer<typeof seriesIndexOut>;
export type SeriesIndexAgency = SeriesIndex['agencies'][number];

export function readSeriesIndex(): SeriesIndex {
  const file = join(generatedDir(), 'downloads', 'series.json');
  let raw: string;
  try {
    raw = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} not found: run the data build first (npm run data)`);
  }
  return seriesIndexOut.parse(JSON.parse(raw));
}

/** Agencies by province (in the usual province order), then level, prefecture and name within each. */
export function agenciesByProvince(
  agencies: readonly SeriesIndexAgency[],
): { province: string; province_en: string; agencies: SeriesIndexAgency[] }[] {
  const order = (zh: string) => {
    const i = PROVINCES.findIndex((p) => p.zh === zh);
    return i === -1 ? PROVINCES.length : i;
  };
  const sorted = [...agencies].sort(
    (a, b) =>
      order(a.province) - order(b.province) ||
      a.province.localeCompare(b.province, 'zh-CN') ||
      LEVELS.indexOf(a.level) - LEVELS.indexOf(b.level) ||
      a.prefecture.localeCompare(b.prefecture, 'zh-CN') ||
      a.name_zh.localeCompare(b.name_zh, 'zh-CN'),
  );
  const groups: { province: string; province_en: string; agencies: SeriesIndexAgency[] }[] = [];
  for (const a of sorted) {
    const last = groups.at(-1);
    if (last?.province === a.province) last.agencies.push(a);
    else groups.push({ province: a.province, province_en: a.province_en, agencies: [a] });
  }
  return groups;
}
