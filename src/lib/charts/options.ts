/**
 * ECharts option builders: pure functions from chart state to an option, unit-tested without rendering.
 * Approximate figures are drawn hollow (lines) or faded with a dashed border (bars) and labelled with their
 * qualifier; missing years are null, which ECharts draws as a gap.
 */
import { formatNumber, formatValue, type Lang } from '../core/format.ts';
import type { SeriesPoint } from '../core/schema.ts';
import type { ChartData } from './agency-charts.ts';
import type { ChartOption, RenderSize, SeriesOption } from './echarts.ts';

/** Colour-blind-safe palette (Okabe–Ito, reordered), one colour per series in order. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

/** Single quotes only: ECharts copies this into SVG style attributes that are themselves double-quoted. */
export const FONT_FAMILY = "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

const PLOT_HEIGHT = 240;
/** Legend items stand one per line above the plot: measured text widths differ between the build and the reader's fonts, so items side by side could overlap. */
const LEGEND_LINE = 20;

const legendHeight = (data: ChartData) => data.series.length * LEGEND_LINE;

/** SVG size for a chart: a fixed plot area plus one legend line per series. */
export function chartSize(data: ChartData): RenderSize {
  return { width: 640, height: PLOT_HEIGHT + legendHeight(data) + 16 };
}

/** A line point: approximate figures hollow and labelled with their qualifier; null stays a gap. */
export function linePoint(p: SeriesPoint | null, lang: Lang) {
  if (!p) return null;
  const approximate = p.qualifier !== 'exact';
  return {
    value: p.value,
    symbol: approximate ? 'emptyCircle' : 'circle',
    label: { show: approximate, formatter: formatValue(p.value, p.qualifier, lang) },
  };
}

function barPoint(p: SeriesPoint | null, lang: Lang, color: string) {
  if (!p) return null;
  const approximate = p.qualifier !== 'exact';
  return {
    value: p.value,
    itemStyle: approximate ? { opacity: 0.45, borderColor: color, borderWidth: 1.5, borderType: 'dashed' as const } : {},
    label: { show: approximate, position: 'top' as const, formatter: formatValue(p.value, p.qualifier, lang) },
  };
}

export function yearChartOption(data: ChartData, lang: Lang): ChartOption {
  const series: SeriesOption[] = data.series.map((s, i) => {
    const color = PALETTE[i % PALETTE.length] ?? '#000000';
    if (s.kind === 'line') {
      return {
        type: 'line',
        name: s.label,
        color,
        connectNulls: false,
        symbolSize: 8,
        z: 3,
        data: s.points.map((p) => linePoint(p, lang)),
      };
    }
    return {
      type: 'bar',
      name: s.label,
      color,
      ...(s.stack ? { stack: s.stack } : {}),
      barMaxWidth: 28,
      data: s.points.map((p) => barPoint(p, lang, color)),
    };
  });
  return {
    textStyle: { fontFamily: FONT_FAMILY },
    legend: { top: 0, left: 0, orient: 'vertical', itemHeight: 14, itemGap: LEGEND_LINE - 14, textStyle: { fontSize: 12 } },
    grid: { left: 8, right: 16, top: legendHeight(data) + 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: { type: 'category', data: data.years.map(String), axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value',
      min: 0,
      minInterval: 1,
      axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
    },
    series,
  };
}
