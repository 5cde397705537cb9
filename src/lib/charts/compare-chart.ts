/**
 * The compare chart: one line per agency for one metric, absolute or indexed. A pure option builder in the
 * same conventions as options.ts (gaps for missing years, approximate figures hollow and labelled, one
 * legend line per series), plus an axis tooltip that names each value's source.
 */
import { formatNumber, formatValue, type Lang } from '../core/format.ts';
import type { SeriesPoint } from '../core/schema.ts';
import { sourceHost } from '../core/urls.ts';
import type { ChartOption, SeriesOption } from './echarts.ts';
import { FONT_FAMILY, linePoint, PALETTE } from './options.ts';

/** Absolute values, or each agency indexed to its base year (= 100). */
export const COMPARE_MODES = ['abs', 'index'] as const;
export type CompareMode = (typeof COMPARE_MODES)[number];

export interface CompareLine {
  label: string;
  /** One slot per year of CompareChartData.years; null where the report does not state the figure. */
  points: (SeriesPoint | null)[];
  /** Source page per report id, for the tooltip. */
  sources: Readonly<Record<string, string | null>>;
}

export interface CompareChartData {
  years: number[];
  lines: CompareLine[];
  mode: CompareMode;
  /** Unit or "index" text for the value axis. */
  axisName: string;
  /** Absolute values of a metric that can fall (count_change) need an axis below zero. */
  allowNegative: boolean;
}

export interface CompareChartText {
  missing: string;
  sourceUnknown: string;
}

const PLOT_HEIGHT = 280;
const LEGEND_LINE = 20;
const AXIS_NAME_SPACE = 24;

export function compareChartHeight(lines: number): number {
  return PLOT_HEIGHT + lines * LEGEND_LINE + AXIS_NAME_SPACE + 16;
}

const escapeHtml = (s: string) => s.replace(/[<>&"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** The source's host as the browser reads it; the series files come over the network, so an odd URL is "unknown". */
function sourceHostOr(url: string | null | undefined, text: CompareChartText): string {
  if (!url) return text.sourceUnknown;
  try {
    return sourceHost(url);
  } catch {
    return text.sourceUnknown;
  }
}

/** Tooltip for one year: every line's value with its qualifier and source, "not stated" where missing. */
export function compareTooltip(data: CompareChartData, yearIndex: number, lang: Lang, text: CompareChartText): string {
  const rows = data.lines.map((line, i) => {
    const p = line.points[yearIndex] ?? null;
    const value = p ? `${formatValue(p.value, p.qualifier, lang)} · ${sourceHostOr(line.sources[p.report_id], text)}` : text.missing;
    const colour = PALETTE[i % PALETTE.length] ?? '#000000';
    return `<span style="color:${colour}">●</span> ${escapeHtml(line.label)}: ${escapeHtml(value)}`;
  });
  return [`<strong>${data.years[yearIndex] ?? ''}</strong>`, ...rows].join('<br>');
}

export function compareChartOption(data: CompareChartData, lang: Lang, text: CompareChartText): ChartOption {
  const series: SeriesOption[] = data.lines.map((line, i) => ({
    type: 'line',
    name: line.label,
    color: PALETTE[i % PALETTE.length] ?? '#000000',
    connectNulls: false,
    symbolSize: 8,
    data: line.points.map((p) => linePoint(p, lang)),
  }));
  const legendHeight = data.lines.length * LEGEND_LINE;
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY },
    legend: {
      top: 0,
      left: 0,
      orient: 'vertical',
      itemHeight: 14,
      itemGap: LEGEND_LINE - 14,
      textStyle: { fontSize: 12 },
      // The table and the text alternative list every line; hiding one by clicking would make them disagree.
      selectedMode: false,
    },
    tooltip: {
      trigger: 'axis',
      confine: true,
      formatter: (params) => {
        const first = Array.isArray(params) ? params[0] : params;
        return compareTooltip(data, first?.dataIndex ?? 0, lang, text);
      },
    },
    grid: {
      left: 8,
      right: 16,
      top: legendHeight + AXIS_NAME_SPACE + 16,
      bottom: 8,
      outerBoundsMode: 'same',
      outerBoundsContain: 'axisLabel',
    },
    xAxis: { type: 'category', data: data.years.map(String), axisTick: { alignWithLabel: true } },
    yAxis: {
      type: 'value',
      name: data.axisName,
      nameLocation: 'end',
      nameTextStyle: { align: 'left' },
      ...(data.mode === 'abs' ? { minInterval: 1, ...(data.allowNegative ? {} : { min: 0 }) } : { scale: true }),
      axisLabel: { formatter: (v: number) => formatNumber(v, lang) },
    },
    series,
  };
}
