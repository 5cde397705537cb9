/**
 * The compare chart: one line per agency for one metric, absolute or indexed. A pure option builder in the
 * same conventions as options.ts (gaps for missing years, approximate figures hollow and labelled, one
 * legend line per series), plus an axis tooltip that names each value's source.
 */
import { formatNumber, formatValue, type Lang } from '../core/format.ts';
import type { SeriesPoint } from '../core/schema.ts';
import { sourceHost } from '../core/urls.ts';
import type { ChartOption, SeriesOption } from './echarts.ts';
import { linePoint } from './options.ts';
import {
  AXIS_LABEL_MARGIN_WITH_MARKS,
  FONT_FAMILY,
  KEY_COLOUR,
  keySeries,
  markOffsets,
  notStatedSeries,
  PALETTE,
  TEXT_SIZE,
} from './marks.ts';

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
  /** Legend keys for hollow (approximate) and × (no figure) marks. */
  approximate: string;
  notStated: string;
}

const PLOT_HEIGHT = 280;
const LEGEND_LINE = 20;
const AXIS_NAME_SPACE = 24;
/** The legend symbol and its gap before the text, plus a margin at the right edge. */
const LEGEND_TEXT_INSET = 48;

/** Height of the compare chart: the plot, one legend line per agency, and up to two key lines. */
export function compareChartHeight(lines: number): number {
  return PLOT_HEIGHT + (lines + 2) * LEGEND_LINE + AXIS_NAME_SPACE + 16;
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

/**
 * The compare chart, in the marks of the agency charts (marks.ts): a zero is a dot on the baseline labelled "0",
 * a year a line has no figure for is a × below the baseline in the line's colour. `width` is the chart's width
 * in px, to keep the × marks of one year apart.
 */
export function compareChartOption(data: CompareChartData, lang: Lang, text: CompareChartText, width = 640): ChartOption {
  const colour = (i: number) => PALETTE[i % PALETTE.length] ?? '#000000';
  const offsets = markOffsets(data.lines.length, (width - 64) / Math.max(1, data.years.length));
  const marks = compareMarks(data);
  const keys = keySeries(marks, text);
  const lines: SeriesOption[] = data.lines.map((line, i) => ({
    type: 'line',
    name: line.label,
    color: colour(i),
    connectNulls: false,
    symbolSize: 8,
    data: line.points.map((p) => linePoint(p, lang)),
  }));
  // A line without any figure is named in the notes above the chart, not drawn as a row of ×.
  const crosses: SeriesOption[] = data.lines.flatMap((line, i) =>
    line.points.some((p) => p !== null) && line.points.some((p) => p === null)
      ? [
          notStatedSeries(
            `${line.label} (×)`,
            colour(i),
            line.points.map((p) => p === null),
            offsets[i] ?? 0,
          ),
        ]
      : [],
  );
  const legendLines = data.lines.length + keys.legend.length;
  const legendHeight = legendLines * LEGEND_LINE;
  return {
    animation: false,
    textStyle: { fontFamily: FONT_FAMILY, fontSize: TEXT_SIZE },
    legend: {
      top: 0,
      left: 0,
      orient: 'vertical',
      itemHeight: 12,
      itemGap: LEGEND_LINE - 12,
      // A long name (State-owned Assets Supervision and Administration Commission of the State Council) is cut
      // with an ellipsis at the chart's width rather than drawn past the screen; the table and the tooltip give it whole.
      textStyle: {
        fontSize: TEXT_SIZE,
        color: '#1b1f24',
        width: Math.max(80, width - LEGEND_TEXT_INSET),
        overflow: 'truncate',
        ellipsis: '…',
      },
      // The table and the text alternative list every line; hiding one by clicking would make them disagree.
      selectedMode: false,
      data: [...data.lines.map((l) => ({ name: l.label, icon: 'circle' })), ...keys.legend],
    },
    tooltip: {
      trigger: 'axis',
      // ECharts opens it on a pointer move or a click, so on a tap too; confined, it stays inside the chart.
      confine: true,
      extraCssText: 'max-width:min(20rem,calc(100vw - 2rem));white-space:normal;',
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
    xAxis: {
      type: 'category',
      data: data.years.map(String),
      axisTick: { alignWithLabel: true },
      axisLabel: { fontSize: TEXT_SIZE, color: KEY_COLOUR, ...(marks.notStated ? { margin: AXIS_LABEL_MARGIN_WITH_MARKS } : {}) },
    },
    yAxis: {
      type: 'value',
      name: data.axisName,
      nameLocation: 'end',
      nameTextStyle: { align: 'left', fontSize: TEXT_SIZE },
      ...(data.mode === 'abs' ? { minInterval: 1, ...(data.allowNegative ? {} : { min: 0 }) } : { scale: true }),
      axisLabel: { fontSize: TEXT_SIZE, color: KEY_COLOUR, formatter: (v: number) => formatNumber(v, lang) },
    },
    series: [...lines, ...crosses, ...keys.series],
  };
}

/** What the compare chart's marks mean, for its caption: the same sentences as the agency charts. */
export function compareMarks(data: CompareChartData): { approximate: boolean; zero: boolean; notStated: boolean } {
  const drawn = data.lines.filter((l) => l.points.some((p) => p !== null));
  return {
    approximate: drawn.some((l) => l.points.some((p) => p !== null && p.qualifier !== 'exact')),
    zero: drawn.some((l) => l.points.some((p) => p?.value === 0)),
    notStated: drawn.some((l) => l.points.some((p) => p === null)),
  };
}
