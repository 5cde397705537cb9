/**
 * What each agency chart plots: the metrics of each chart, in drawing order. Plain data shared by the data build
 * (which charts an agency has) and the chart builders (src/lib/charts/agency-charts.ts).
 */
import type { ChartId } from './schema.ts';

export interface ChartSeriesSpec {
  metric: string;
  kind: 'line' | 'bar';
  /** Bars with the same stack id are stacked. */
  stack?: string;
}

export interface ChartSpec {
  id: ChartId;
  /** Key of the chart's title in the interface text (src/i18n). */
  title: 'chartProactive' | 'chartRequests' | 'chartFees' | 'chartAppeals';
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

/** Every year from the first to the last, so that missing years show as gaps on the axis. */
export function yearRange(years: readonly number[]): number[] {
  if (years.length === 0) return [];
  const first = Math.min(...years);
  const last = Math.max(...years);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}
