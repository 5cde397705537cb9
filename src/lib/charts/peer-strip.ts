/**
 * Where one agency's figure stands among its peers in one year: every peer's value as a dot on one axis, the
 * agency's own dot larger and in colour (its value and standing are in the text and table beside the strip). Equal values stack upwards, so seven zeros read as seven.
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

/** Height of one stacked dot; the strip is drawn narrow (360) so its text stays readable on a phone. */
const ROW = 9;
export const peerStripSize = (data: PeerStripData): RenderSize => ({ width: 360, height: 60 + ROW * Math.min(12, maxStack(data.values)) });

function maxStack(values: readonly number[]): number {
  const counts = new Map<number, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return Math.max(1, ...counts.values());
}

/** Position on the axis: log10(v + 1) for counts (0 stays on the axis), the ratio itself for rates. */
export const stripPosition = (value: number, kind: 'count' | 'rate') => (kind === 'rate' ? value : Math.log10(value + 1));

/** Axis ticks at 0, 1, 10, 100, … up to the largest value (counts) or at tenths (rates). */
export function stripTicks(max: number, kind: 'count' | 'rate'): number[] {
  if (kind === 'rate') return [0, 0.25, 0.5, 0.75, 1];
  const ticks = [0, 1];
  for (let t = 10; t <= Math.max(10, max * 10); t *= 10) ticks.push(t);
  return ticks;
}

export function peerStripOption(data: PeerStripData, lang: Lang, ownLabel: string): ChartOption {
  const ticks = stripTicks(Math.max(0, ...data.values), data.kind);
  const seen = new Map<number, number>();
  // Own value first, so it sits on the axis line of its stack and is never hidden by a peer.
  const others = [...data.values];
  others.splice(others.indexOf(data.own.value), 1);
  const stack = (v: number) => {
    const n = seen.get(v) ?? 0;
    seen.set(v, n + 1);
    return Math.min(n, 11);
  };
  const ownPoint = [stripPosition(data.own.value, data.kind), stack(data.own.value)];
  const peerPoints = others.map((v) => [stripPosition(v, data.kind), stack(v)]);
  const format = (v: number) => (data.kind === 'rate' ? formatPercent(v, lang) : formatNumber(v, lang));
  const position = ticks.map((t) => stripPosition(t, data.kind));
  return {
    textStyle: { fontFamily: FONT_FAMILY, fontSize: 13 },
    grid: { left: 16, right: 24, top: 16, bottom: 8, outerBoundsMode: 'same', outerBoundsContain: 'axisLabel' },
    xAxis: {
      type: 'value',
      min: 0,
      max: position.at(-1) ?? 1,
      axisLabel: {
        customValues: position,
        // 13 px in a 360-wide drawing stays above 11 px when a 360 px phone shrinks it to its content width.
        fontSize: 13,
        formatter: (x: number) => format(data.kind === 'rate' ? x : Math.round(10 ** x - 1)),
      },
      axisTick: { customValues: position },
      splitLine: { show: false },
    },
    yAxis: { type: 'value', min: 0, max: Math.max(2, maxStack(data.values)), show: false },
    series: [
      {
        type: 'scatter',
        name: 'peers',
        symbolSize: 8,
        color: '#8a8f98',
        itemStyle: { opacity: 0.8 },
        data: peerPoints,
      },
      {
        type: 'scatter',
        name: ownLabel,
        symbolSize: 14,
        color: PALETTE[0] ?? '#0072B2',
        symbol: data.own.qualifier === 'exact' ? 'circle' : 'emptyCircle',
        z: 3,
        data: [ownPoint],
      },
    ],
  };
}
