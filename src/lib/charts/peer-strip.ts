/**
 * Where one agency's figure stands among its peers in one year, on one axis: the peers' values piled in columns a
 * dot wide (one row per agency, so seven zeros read as seven; taller piles scaled to twelve rows, one row at
 * least), the agency's own dot larger and in colour on top of its column's pile (its value and standing are in
 * the text and table beside the strip). One mark per column, at most COLUMNS + 1 of them: the drawing's weight
 * does not grow with the size of the peer group (issue 12; a dot per peer made a page grow with the country).
 * Counts span orders of magnitude, so the axis is logarithmic in (value + 1), which keeps 0 on it.
 */
import { formatNumber, formatPercent, type Lang } from '../core/format.ts';
import type { Qualifier } from '../core/schema.ts';
import type { ChartOption, RenderSize } from './echarts.ts';
import { FONT_FAMILY, PALETTE } from './options.ts';

export interface PeerStripData {
  /** Every value of the peer group that year, the agency's own included. */
  values: readonly number[];
  own: { value: number; qualifier: Qualifier };
  kind: 'count' | 'rate';
}

/** Height of one row of a pile; the strip is drawn narrow (360) so its text stays readable on a phone. */
const ROW = 9;
/** Columns across the axis: a 320 px plot, 8 px each. */
const COLUMNS = 40;
/** The tallest pile, in rows; taller ones are scaled down to it. */
const MAX_ROWS = 12;

export const peerStripSize = (data: PeerStripData): RenderSize => ({ width: 360, height: 60 + ROW * piles(data).rows });

/** Position on the axis: log10(v + 1) for counts (0 stays on the axis), the ratio itself for rates. */
export const stripPosition = (value: number, kind: 'count' | 'rate') => (kind === 'rate' ? value : Math.log10(value + 1));

/** Where the axis ends: the first power of ten above the largest value (counts), 100 % (rates). */
function axisEnd(data: PeerStripData): number {
  if (data.kind === 'rate') return 1;
  const max = Math.max(0, ...data.values);
  let end = 10;
  while (end <= max) end *= 10;
  return stripPosition(end, 'count');
}

/**
 * Labelled ticks: 0, 1, 10, 100, … up to the axis end (counts), every other power of ten past 100,000 so that no
 * more than six labels share the 320 px axis (seven decades ran together); quarters (rates).
 */
export function stripTicks(max: number, kind: 'count' | 'rate'): number[] {
  if (kind === 'rate') return [0, 0.25, 0.5, 0.75, 1];
  const step = max >= 100_000 ? 100 : 10;
  const ticks = [0, 1];
  for (let t = step; t <= max * 10 || t === step; t *= step) ticks.push(t);
  return ticks;
}

/** Rows a column of `count` peers is drawn with: one per agency up to MAX_ROWS, scaled beyond (one at least). */
const pileRows = (count: number, tallest: number) => (tallest <= MAX_ROWS ? count : Math.max(1, (count * MAX_ROWS) / tallest));

/**
 * The peers (every value but the agency's own, once) piled by column: each occupied column's centre on the axis
 * (index × axis length / COLUMNS, so 0 sits on the axis's 0) and height in rows; where the agency's own dot sits (on
 * top of its column's pile); the axis end; and the rows the strip is drawn with (the tallest pile with the own dot on
 * top, two at least).
 */
function piles(data: PeerStripData) {
  const end = axisEnd(data);
  const column = (v: number) => Math.min(COLUMNS, Math.max(0, Math.round((stripPosition(v, data.kind) / end) * COLUMNS)));
  const centre = (c: number) => (c * end) / COLUMNS;
  const peers = [...data.values];
  peers.splice(peers.indexOf(data.own.value), 1);
  const counts = new Map<number, number>();
  for (const v of peers) counts.set(column(v), (counts.get(column(v)) ?? 0) + 1);
  const tallest = Math.max(0, ...counts.values());
  const own = column(data.own.value);
  const ownHeight = pileRows(counts.get(own) ?? 0, tallest);
  return {
    end,
    columns: [...counts].sort(([a], [b]) => a - b).map(([c, n]) => [centre(c), pileRows(n, tallest)]),
    own: [centre(own), ownHeight],
    rows: Math.max(2, Math.min(MAX_ROWS, tallest) + 1, Math.ceil(ownHeight) + 1),
  };
}

export function peerStripOption(data: PeerStripData, lang: Lang, ownLabel: string): ChartOption {
  const ticks = stripTicks(Math.max(0, ...data.values), data.kind);
  const { end, columns, own, rows } = piles(data);
  const format = (v: number) => (data.kind === 'rate' ? formatPercent(v, lang) : formatNumber(v, lang));
  const position = ticks.map((t) => stripPosition(t, data.kind));
  return {
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
    grid: { left: 16, right: 24, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      min: 0,
      max: end,
      axisLabel: {
        customValues: position,
        // 13 px in a 360-wide drawing stays above 11 px when a 360 px phone shrinks it to its content width.
        fontSize: 13,
        formatter: (x: number) => format(data.kind === 'rate' ? x : Math.round(10 ** x - 1)),
      },
      axisTick: { customValues: position },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', min: 0, max: rows, show: false },
    series: [
      {
        type: 'bar',
        name: 'peers',
        barWidth: 7,
        color: '#8a8f98',
        // Square corners: a rounded column is four arcs, three times the bytes of a rectangle, on every agency page.
        itemStyle: { opacity: 0.8 },
        data: columns,
      },
      {
        type: 'scatter',
        name: ownLabel,
        symbolSize: 14,
        color: PALETTE[0] ?? '#0072B2',
        symbol: data.own.qualifier === 'exact' ? 'circle' : 'emptyCircle',
        z: 3,
        data: [own],
      },
    ],
  };
}
