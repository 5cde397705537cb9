/**
 * ECharts option builders for the agency charts: pure functions from chart state to an option, unit-tested
 * without rendering. The marks follow the shared code of marks.ts: approximate figures hollow (lines) or faded
 * with a dashed border (bars) and labelled with their qualifier, a zero a visible mark labelled "0", a figure
 * that is not stated a × below the baseline; missing years stay null, so a line never bridges a gap.
 */
import { formatNumber, formatValue, type Lang } from '../core/format.ts';
import type { SeriesPoint } from '../core/schema.ts';
import type { ChartData, ChartSeries } from './agency-charts.ts';
import type { ChartOption, RenderSize, SeriesOption } from './echarts.ts';
import {
  AXIS_LABEL_MARGIN_WITH_MARKS,
  FONT_FAMILY,
  KEY_COLOUR,
  keySeries,
  markOffsets,
  notStatedBar,
  notStatedSeries,
  PALETTE,
  TEXT_SIZE,
  ZERO_BAR_HEIGHT,
  zeroLabel,
  type DrawnMarks,
  type KeyText,
} from './marks.ts';

export { FONT_FAMILY, PALETTE };

/**
 * The width an agency chart is drawn at on its page: one drawing, scaled to its box (320 to 420 px, CSS in
 * src/styles/charts.css), so chart text is never smaller than TEXT_SIZE on a box at least 320 px wide (a 360 px
 * phone's) and a page's weight does not multiply with the widths drawn (issue 12: four widths made three quarters
 * of a page).
 */
export const PAGE_CHART_WIDTH = 320;
/** The drawing chart.svg, chart.png and og:image use. */
export const PRINT_WIDTH = 640;
/**
 * The widths an embedded chart is drawn at: an iframe may be as wide as a column of text, so frames of 640 px and
 * more get the print drawing; both are drawn for the agency page and chart.svg anyway.
 */
export const EMBED_CHART_WIDTHS = [PRINT_WIDTH, PAGE_CHART_WIDTH] as const;

const PLOT_HEIGHT = 240;
/** Legend items stand one per line above the plot: measured text widths differ between the build and the reader's fonts, so items side by side could overlap. */
const LEGEND_LINE = 20;

/** What the chart draws: approximate figures, zeros, and years a series does not state. */
export function drawnMarks(data: ChartData): DrawnMarks {
  const points = data.series.flatMap((s) => s.points);
  return {
    approximate: points.some((p) => p !== null && p.qualifier !== 'exact'),
    zero: points.some((p) => p !== null && p.value === 0),
    notStated: points.some((p) => p === null),
  };
}

const keyCount = (marks: DrawnMarks) => Number(marks.approximate) + Number(marks.notStated);
const legendHeight = (data: ChartData) => (data.series.length + keyCount(drawnMarks(data))) * LEGEND_LINE;

/** SVG size for a chart drawn `width` px wide: a fixed plot area plus one legend line per series and key. */
export function chartSize(data: ChartData, width: number = PRINT_WIDTH): RenderSize {
  return { width, height: PLOT_HEIGHT + legendHeight(data) + 16 };
}

/** A line point: approximate figures hollow and labelled with their qualifier, a zero labelled "0"; null stays a gap. */
export function linePoint(p: SeriesPoint | null, lang: Lang) {
  if (!p) return null;
  const approximate = p.qualifier !== 'exact';
  if (p.value === 0 && !approximate) return { value: 0, symbol: 'circle', label: zeroLabel(true) };
  return {
    value: p.value,
    symbol: approximate ? 'emptyCircle' : 'circle',
    label: { show: approximate, formatter: formatValue(p.value, p.qualifier, lang) },
  };
}

/** A separate (unstacked) bar: a zero gets a short bar and its "0", a missing figure the × below the baseline. */
function barPoint(p: SeriesPoint | null, lang: Lang, color: string) {
  if (!p) return notStatedBar(color);
  const approximate = p.qualifier !== 'exact';
  if (p.value === 0 && !approximate) return { value: 0, label: zeroLabel(true) };
  return {
    value: p.value,
    itemStyle: approximate ? { opacity: 0.45, borderColor: color, borderWidth: 1.5, borderType: 'dashed' as const } : {},
    label: { show: approximate, position: 'top' as const, formatter: formatValue(p.value, p.qualifier, lang) },
  };
}

/** A bar in a stack: stated zeros have no height there (a minimum height would misplace the bars above it). */
function stackedPoint(p: SeriesPoint | null, lang: Lang, color: string) {
  if (!p) return null;
  if (p.value === 0 && p.qualifier === 'exact') return { value: 0 };
  return barPoint(p, lang, color);
}

/**
 * The zeros of one stacked series: a short dash in its colour where its bar would start, labelled "0" (a
 * zero-height bar draws nothing, and a zero must never look like a missing figure).
 */
function stackZeros(s: ChartSeries, color: string, below: readonly number[]): SeriesOption {
  return {
    type: 'line',
    name: `${s.label} (0)`,
    color,
    lineStyle: { opacity: 0 },
    symbol: 'rect',
    symbolSize: [18, ZERO_BAR_HEIGHT],
    silent: true,
    z: 4,
    data: s.points.map((p, i) =>
      p !== null && p.value === 0 && p.qualifier === 'exact'
        ? { value: below[i] ?? 0, label: { ...zeroLabel(true), position: 'right' as const } }
        : null,
    ),
  };
}

/** Width of one year's band in a drawing `width` px wide (roughly: the value axis labels take about 48 px). */
const bandWidth = (width: number, years: number) => (width - 48 - 16) / Math.max(1, years);

export function yearChartOption(data: ChartData, lang: Lang, text: KeyText, width: number = PRINT_WIDTH): ChartOption {
  const marks = drawnMarks(data);
  const colour = (i: number) => PALETTE[i % PALETTE.length] ?? '#000000';
  // Lines and the stacked bars are drawn at the centre of each year; their × marks share it, side by side.
  const centred = data.series.flatMap((s, i) => (s.kind === 'line' || s.stack ? [i] : []));
  const offsets = markOffsets(centred.length, bandWidth(width, data.years.length));
  const stackTotals = data.years.map(() => new Map<string, number>());

  // The figures' own series come first, in the order of data.series, so that a mark's series index (which the
  // page's tooltips read) is the index into data.series; the marks for zeros and missing figures follow.
  const figures: SeriesOption[] = [];
  const extraMarks: SeriesOption[] = [];
  data.series.forEach((s, i) => {
    const color = colour(i);
    const missing = s.points.map((p) => p === null);
    if ((s.kind === 'line' || s.stack) && missing.some(Boolean))
      extraMarks.push(notStatedSeries(`${s.label} (×)`, color, missing, offsets[centred.indexOf(i)] ?? 0));
    if (s.kind === 'line') {
      figures.push({
        type: 'line',
        name: s.label,
        color,
        connectNulls: false,
        symbolSize: 8,
        z: 3,
        data: s.points.map((p) => linePoint(p, lang)),
      });
    } else if (s.stack) {
      const stack = s.stack;
      const below = stackTotals.map((totals) => totals.get(stack) ?? 0);
      s.points.forEach((p, y) => stackTotals[y]?.set(stack, (below[y] ?? 0) + (p?.value ?? 0)));
      figures.push({ type: 'bar', name: s.label, color, stack, barMaxWidth: 28, data: s.points.map((p) => stackedPoint(p, lang, color)) });
      if (s.points.some((p) => p !== null && p.value === 0 && p.qualifier === 'exact')) extraMarks.push(stackZeros(s, color, below));
    } else {
      figures.push({
        type: 'bar',
        name: s.label,
        color,
        barMaxWidth: 28,
        barMinHeight: ZERO_BAR_HEIGHT,
        data: s.points.map((p) => barPoint(p, lang, color)),
      });
    }
  });
  const keys = keySeries(marks, text);
  const legendData = [
    ...data.series.map((s, i) => ({ name: s.label, icon: s.kind === 'line' ? 'circle' : 'roundRect', itemStyle: { color: colour(i) } })),
    ...keys.legend,
  ];
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
      data: legendData,
    },
    grid: { left: 8, right: 16, top: legendHeight(data) + 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'category',
      data: data.years.map(String),
      axisTick: { alignWithLabel: true },
      axisLabel: { fontSize: TEXT_SIZE, color: KEY_COLOUR, ...(marks.notStated ? { margin: AXIS_LABEL_MARGIN_WITH_MARKS } : {}) },
    },
    yAxis: {
      type: 'value',
      min: 0,
      minInterval: 1,
      axisLabel: { fontSize: TEXT_SIZE, color: KEY_COLOUR, formatter: (v: number) => formatNumber(v, lang) },
    },
    series: [...figures, ...extraMarks, ...keys.series],
  };
}
