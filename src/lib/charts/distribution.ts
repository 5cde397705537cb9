/**
 * The distribution of one metric across agencies in a year: how many agencies of each level fall in each
 * bin, drawn as stacked bars. Counts and amounts span five orders of magnitude, so their bins are decades
 * (0, 1–9, 10–99, …); rates use tenths. Only agencies with a figure are counted.
 */
import { formatNumber, formatPercent, type Lang } from '../core/format.ts';
import type { Level, RankingEntry } from '../core/schema.ts';
import { LEVELS } from '../core/schema.ts';
import type { ChartOption, RenderSize, SeriesOption } from './echarts.ts';
import { FONT_FAMILY, KEY_COLOUR, PALETTE, TEXT_SIZE, ZERO_BAR_HEIGHT } from './marks.ts';

/** Fill of the "not stated" row: grey, so it reads as outside the distribution of stated values. */
const NOT_STATED_FILL = '#b8bec5';

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

/** Widths the distribution is drawn at (see src/styles/charts.css); it may fill a whole page column. */
export const DISTRIBUTION_WIDTHS = [300, 360, 480, 640, 880] as const;

const ROW = 30;
const LEGEND_LINE = 20;

export interface DistributionText {
  /** Label of the row counting agencies whose report for the year does not state the figure. */
  notStated: string;
  levelLabel: (level: Level) => string;
}

/**
 * The bins are rows (horizontal bars), so their labels have room at any width and never run together. Each row
 * ends with its number of agencies, "0" included: an empty bin gets a mark on the baseline, never nothing. The
 * agencies whose report does not state the figure get a row of their own, in grey, below the bins: they are
 * counted, not drawn as 0.
 */
export function distributionSize(h: Histogram, notStated: number | null, width: number): RenderSize {
  const rows = h.bins.length + (notStated === null ? 0 : 1);
  return { width, height: h.counts.length * LEGEND_LINE + 16 + rows * ROW + 32 };
}

export function distributionOption(
  h: Histogram,
  kind: 'count' | 'rate',
  lang: Lang,
  text: DistributionText,
  notStated: number | null,
): ChartOption {
  const rows = [...h.bins.map((b) => binLabel(b, kind, lang)), ...(notStated === null ? [] : [text.notStated])];
  const totals = h.bins.map((_, i) => h.counts.reduce((sum, c) => sum + (c.values[i] ?? 0), 0));
  const atRows = (values: readonly (number | null)[]) => rows.map((_, i) => values[i] ?? null);
  const levels: SeriesOption[] = h.counts.map((c) => ({
    type: 'bar',
    name: text.levelLabel(c.level),
    stack: 'agencies',
    color: PALETTE[LEVELS.indexOf(c.level)] ?? '#000000',
    barMaxWidth: 18,
    data: atRows(c.values),
  }));
  const unstated: SeriesOption[] =
    notStated === null
      ? []
      : [
          {
            type: 'bar',
            name: text.notStated,
            stack: 'agencies',
            color: NOT_STATED_FILL,
            barMaxWidth: 18,
            data: atRows([...h.bins.map(() => null), notStated]),
          },
        ];
  // Each row's count at its end; an empty row gets a short upright mark at the baseline with its "0".
  const counts: SeriesOption = {
    type: 'line',
    name: 'n',
    color: KEY_COLOUR,
    lineStyle: { opacity: 0 },
    silent: true,
    z: 4,
    data: atRows([...totals, notStated]).map((n) =>
      n === null
        ? null
        : {
            value: n,
            symbol: n === 0 ? 'rect' : 'circle',
            symbolSize: n === 0 ? [ZERO_BAR_HEIGHT, 14] : 0,
            label: { show: true, position: 'right' as const, formatter: formatNumber(n, lang), color: '#1b1f24', fontSize: TEXT_SIZE },
          },
    ),
  };
  return {
    textStyle: { fontFamily: FONT_FAMILY, fontSize: TEXT_SIZE },
    legend: {
      top: 0,
      left: 0,
      orient: 'vertical',
      itemHeight: 12,
      itemGap: LEGEND_LINE - 12,
      textStyle: { fontSize: TEXT_SIZE, color: '#1b1f24' },
      selectedMode: false,
      data: h.counts.map((c) => ({ name: text.levelLabel(c.level), icon: 'roundRect' })),
    },
    grid: {
      left: 8,
      right: 40,
      top: h.counts.length * LEGEND_LINE + 16,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows,
      axisTick: { show: false },
      axisLabel: { interval: 0, fontSize: TEXT_SIZE, color: '#1b1f24' },
    },
    xAxis: {
      type: 'value',
      minInterval: 1,
      axisLabel: { fontSize: TEXT_SIZE, color: KEY_COLOUR, formatter: (v: number) => formatNumber(v, lang) },
    },
    series: [...levels, ...unstated, counts],
  };
}
