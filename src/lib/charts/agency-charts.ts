/**
 * What each agency chart plots, and the chart state derived from an agency's year series: one slot per year
 * of the agency's range, null where the report does not state the figure (drawn as a gap, never as 0).
 */
import type { Messages } from '../../i18n/zh.ts';
import type { ChartId, MetricOut, SeriesPoint } from '../schema.ts';

export interface ChartSeriesSpec {
  metric: string;
  kind: 'line' | 'bar';
  /** Bars with the same stack id are stacked. */
  stack?: string;
}

export interface ChartSpec {
  id: ChartId;
  title: keyof Messages;
  series: readonly ChartSeriesSpec[];
}

export const AGENCY_CHARTS: readonly ChartSpec[] = [
  {
    id: 'proactive',
    title: 'chartProactive',
    series: [
      { metric: 'proactive.total', kind: 'line' },
      { metric: 'proactive.website', kind: 'line' },
      { metric: 'proactive.portal', kind: 'line' },
      { metric: 'proactive.wechat', kind: 'line' },
      { metric: 'proactive.weibo', kind: 'line' },
      { metric: 'proactive.app', kind: 'line' },
      { metric: 'proactive.media', kind: 'line' },
    ],
  },
  {
    id: 'requests',
    title: 'chartRequests',
    series: [
      { metric: 'requests.outcome.disclosed.total', kind: 'bar', stack: 'outcome' },
      { metric: 'requests.outcome.partial.total', kind: 'bar', stack: 'outcome' },
      { metric: 'requests.outcome.withheld.sum', kind: 'bar', stack: 'outcome' },
      { metric: 'requests.outcome.unable.sum', kind: 'bar', stack: 'outcome' },
      { metric: 'requests.outcome.not_processed.sum', kind: 'bar', stack: 'outcome' },
      { metric: 'requests.outcome.other.sum', kind: 'bar', stack: 'outcome' },
      { metric: 'requests.new.total', kind: 'line' },
      { metric: 'requests.handled', kind: 'line' },
    ],
  },
  {
    id: 'fees',
    title: 'chartFees',
    series: [
      { metric: 'fees.info_processing.collected_yuan', kind: 'bar' },
      { metric: 'fees.legacy.amount_yuan', kind: 'bar' },
    ],
  },
  {
    id: 'appeals',
    title: 'chartAppeals',
    series: [
      { metric: 'appeals.review.total', kind: 'bar' },
      { metric: 'appeals.litigation.total', kind: 'bar' },
    ],
  },
];

/** Every metric some agency chart draws. */
export const CHART_METRICS: ReadonlySet<string> = new Set(AGENCY_CHARTS.flatMap((c) => c.series.map((s) => s.metric)));

export interface ChartSeries extends ChartSeriesSpec {
  label: string;
  /** One slot per year of ChartData.years. */
  points: (SeriesPoint | null)[];
}

export interface ChartData {
  id: ChartId;
  years: number[];
  series: ChartSeries[];
}

/** Every year from the first to the last, so that missing years show as gaps on the axis. */
export function yearRange(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

/** Chart state for one chart of one agency; series without any figure are left out. */
export function chartData(
  spec: ChartSpec,
  years: readonly number[],
  series: Readonly<Record<string, readonly SeriesPoint[]>>,
  label: (metric: MetricOut['key']) => string,
): ChartData {
  const axis = yearRange(years);
  return {
    id: spec.id,
    years: axis,
    series: spec.series
      .map((s) => {
        const byYear = new Map((series[s.metric] ?? []).map((p) => [p.year, p]));
        return { ...s, label: label(s.metric), points: axis.map((y) => byYear.get(y) ?? null) };
      })
      .filter((s) => s.points.some((p) => p !== null)),
  };
}

/** Legend text for a metric: its label without the "total" column suffix the requests-table keys carry. */
export function seriesLabel(metricLabel: string): string {
  return metricLabel.replace(/ · 总计$|: total$/, '');
}
