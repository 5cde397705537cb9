/**
 * The distribution of one metric across agencies in a year: how many agencies of each level fall in each
 * bin, drawn as stacked bars. Counts and amounts span five orders of magnitude, so their bins are decades
 * (0, 1–9, 10–99, …); rates use tenths. Only agencies with a figure are counted.
 */
import { formatNumber, formatPercent, type Lang } from '../core/format.ts';
import type { Level, RankingEntry } from '../core/schema.ts';
import { LEVELS } from '../core/schema.ts';
import type { ChartOption, RenderSize } from './echarts.ts';
import { FONT_FAMILY, PALETTE } from './options.ts';

export interface Bin {
  /** Inclusive lower bound. */
  from: number;
  /** Exclusive upper bound; null for the open last bin. */
  to: number | null;
}

export interface Histogram {
  bins: Bin[];
  /** Agencies per bin, per level (levels without agencies are left out). */
  counts: { level: Level; values: number[] }[];
}

export function binsFor(kind: 'count' | 'rate', max: number): Bin[] {
  if (kind === 'rate') return Array.from({ length: 10 }, (_, i) => ({ from: i / 10, to: i === 9 ? null : (i + 1) / 10 }));
  const bins: Bin[] = [{ from: 0, to: 1 }];
  for (let from = 1; ; from *= 10) {
    if (max < from * 10) {
      bins.push({ from, to: null });
      return bins;
    }
    bins.push({ from, to: from * 10 });
  }
}

export function histogram(entries: readonly RankingEntry[], kind: 'count' | 'rate'): Histogram {
  const bins = binsFor(kind, Math.max(0, ...entries.map((e) => e.value)));
  const binOf = (v: number) => bins.findIndex((b) => v >= b.from && (b.to === null || v < b.to));
  return {
    bins,
    counts: LEVELS.map((level) => {
      const values = bins.map(() => 0);
      for (const e of entries) {
        const i = binOf(e.value);
        if (e.level === level) values[i] = (values[i] ?? 0) + 1;
      }
      return { level, values };
    }).filter((c) => c.values.some((v) => v > 0)),
  };
}

export function binLabel(bin: Bin, kind: 'count' | 'rate', lang: Lang): string {
  const f = (v: number) => (kind === 'rate' ? formatPercent(v, lang) : formatNumber(v, lang));
  if (kind === 'count' && bin.to === bin.from + 1) return f(bin.from);
  if (bin.to === null) return kind === 'rate' ? `${f(bin.from)}–${f(1)}` : `≥${f(bin.from)}`;
  return kind === 'rate' ? `${f(bin.from)}–${f(bin.to)}` : `${f(bin.from)}–${f(bin.to - 1)}`;
}

export const DISTRIBUTION_SIZE: RenderSize = { width: 640, height: 300 };

export function distributionOption(h: Histogram, kind: 'count' | 'rate', lang: Lang, levelLabel: (l: Level) => string): ChartOption {
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    legend: { top: 0, left: 0, itemHeight: 14, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 16, top: 36, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: h.bins.map((b) => binLabel(b, kind, lang)), axisLabel: { interval: 0, fontSize: 11 } },
    yAxis: { type: 'value', minInterval: 1, axisLabel: { formatter: (v: number) => formatNumber(v, lang) } },
    series: h.counts.map((c) => ({
      type: 'bar',
      name: levelLabel(c.level),
      stack: 'agencies',
      color: PALETTE[LEVELS.indexOf(c.level)] ?? '#000000',
      barMaxWidth: 48,
      data: c.values,
    })),
  };
}
