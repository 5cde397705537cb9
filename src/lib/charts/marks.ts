/**
 * The visual code every chart shares, so a reader learns it once: a series has one colour; a stated figure is a
 * filled mark (dot or bar), an approximate one is hollow (dot) or faded with a dashed outline (bar) and labelled
 * with its qualifier, a zero is a visible mark on the baseline labelled "0", and a figure that is not stated is a
 * "×" in the series colour just below the baseline, outside the value scale, so it cannot be read as a value.
 * Legend entries follow the same code: each series shows a filled mark, and neutral key entries explain the
 * hollow and × marks when the chart draws any.
 */
import type { LegendOption, SeriesOption } from './echarts.ts';

/** Colour-blind-safe palette (Okabe–Ito, reordered), one colour per series in order. */
export const PALETTE = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#000000', '#F0E442'];

/** Single quotes only: ECharts copies this into SVG style attributes that are themselves double-quoted. */
export const FONT_FAMILY = "system-ui, 'PingFang SC', 'Noto Sans CJK SC', 'Microsoft YaHei', sans-serif";

/** Chart text size in CSS px at the width a chart is drawn for; the page shows a drawing at least that wide. */
export const TEXT_SIZE = 12;

/** Neutral colour of key entries and of "0" labels (the site's muted text colour, 6:1 on white). */
export const KEY_COLOUR = '#59636e';

/** The "not stated" mark, a × drawn as one filled outline (ECharts fills path symbols). */
export const NOT_STATED_SYMBOL = 'path://M2,0L5,3L8,0L10,2L7,5L10,8L8,10L5,7L2,10L0,8L3,5L0,2Z';
const NOT_STATED_SIZE = 9;
/** How far below the baseline the × sits (px), and the room the year labels leave for it. */
const NOT_STATED_DROP = 10;
export const AXIS_LABEL_MARGIN_WITH_MARKS = 20;

/** Height of the mark a zero bar gets, so a stated 0 is never drawn like nothing. */
export const ZERO_BAR_HEIGHT = 3;

/** Which kinds of mark a chart draws, so its legend keys and its caption name exactly those. */
export interface DrawnMarks {
  approximate: boolean;
  zero: boolean;
  notStated: boolean;
}

export interface KeyText {
  approximate: string;
  notStated: string;
}

export const zeroLabel = (show: boolean) => ({ show, position: 'top' as const, formatter: '0', color: KEY_COLOUR, fontSize: TEXT_SIZE });

/**
 * A symbols-only series that draws the × of every year a series does not state, at the category centre, shifted
 * sideways by `dx` so several series' marks side by side stay apart. For lines and stacked bars (all drawn at the
 * category centre); separate bars carry their own marks (see notStatedBar).
 */
export function notStatedSeries(name: string, color: string, missing: readonly boolean[], dx: number): SeriesOption {
  return {
    type: 'line',
    name,
    color,
    // Not a series of its own in the legend (the key entry explains the mark) and never joined by a line.
    legendHoverLink: false,
    lineStyle: { opacity: 0 },
    symbol: NOT_STATED_SYMBOL,
    symbolSize: NOT_STATED_SIZE,
    symbolOffset: [dx, NOT_STATED_DROP],
    clip: false,
    silent: true,
    z: 4,
    data: missing.map((m) => (m ? 0 : null)),
  };
}

/** A separate bar's "not stated" slot: an invisible bar whose label is the ×, below the baseline at the bar's place. */
export function notStatedBar(color: string) {
  return {
    value: 0,
    itemStyle: { color: 'rgba(0,0,0,0)', borderWidth: 0 },
    label: { show: true, position: 'bottom' as const, distance: 1, formatter: '×', color, fontSize: TEXT_SIZE, fontWeight: 700 },
  };
}

/** Key entries for the legend (neutral colour, the mark's own shape), only for marks the chart draws. */
export function keySeries(drawn: DrawnMarks, text: KeyText): { series: SeriesOption[]; legend: NonNullable<LegendOption['data']> } {
  const entries = [
    ...(drawn.approximate ? [{ name: text.approximate, icon: 'emptyCircle' }] : []),
    ...(drawn.notStated ? [{ name: text.notStated, icon: NOT_STATED_SYMBOL }] : []),
  ];
  return {
    series: entries.map((e) => ({ type: 'line', name: e.name, color: KEY_COLOUR, data: [], silent: true })),
    // The icon takes the key series' colour; an itemStyle here would fill the hollow circle.
    legend: entries.map((e) => ({ name: e.name, icon: e.icon })),
  };
}

/** Spread of the × marks of `count` series at one year, within a band of `band` px. */
export function markOffsets(count: number, band: number): number[] {
  const step = Math.min(11, band / (count + 1));
  return Array.from({ length: count }, (_, i) => (i - (count - 1) / 2) * step);
}
