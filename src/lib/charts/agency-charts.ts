/**
 * The chart state derived from an agency's year series: one slot per year
 * of the agency's range, null where the report does not state the figure (drawn as a gap, never as 0).
 */
import { yearRange, type ChartSeriesSpec, type ChartSpec } from '../core/chart-specs.ts';
import type { ChartId, MetricOut, SeriesPoint } from '../core/schema.ts';

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
