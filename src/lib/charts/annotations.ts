/**
 * What a year chart marks beside the figures: series breaks (a dashed line where the report form changes,
 * src/lib/core/templates.ts) and previous-year values implied by a stated change (hollow, dashed, labelled
 * "推算", outside the legend and never joined to the reported line). Added onto the option the chart builder
 * made, so the builder stays about reported figures only.
 */
import { formatValue, type Lang } from '../core/format.ts';
import type { ImpliedOut } from '../core/schema.ts';
import { seriesBreaks, type Era, type SeriesBreak } from '../core/templates.ts';
import type { ChartData } from './agency-charts.ts';
import type { ChartOption, SeriesOption } from './echarts.ts';

export interface YearChartNotes {
  breaks: SeriesBreak[];
  /** Implied values of the chart's metrics in years the chart has no figure for. */
  implied: ImpliedOut[];
}

/** The breaks between the years the chart draws, and the implied values it can show. */
export function yearChartNotes(data: ChartData, eraOfYear: ReadonlyMap<number, Era>, implied: readonly ImpliedOut[]): YearChartNotes {
  const drawn = data.years.filter((_, i) => data.series.some((s) => s.points[i] !== null));
  const breaks = seriesBreaks(drawn.flatMap((year) => (eraOfYear.has(year) ? [{ year, era: eraOfYear.get(year) as Era }] : [])));
  const shown = implied.filter((i) => {
    const series = data.series.find((s) => s.metric === i.metric);
    const slot = data.years.indexOf(i.year);
    return series !== undefined && slot !== -1 && series.points[slot] === null;
  });
  return { breaks, implied: shown };
}

export const IMPLIED_COLOUR = '#595959';

export function annotateYearChart(
  option: ChartOption,
  data: ChartData,
  notes: YearChartNotes,
  lang: Lang,
  breakLabel: (b: SeriesBreak) => string,
): ChartOption {
  const series = [...((option.series ?? []) as SeriesOption[])];
  const first = series[0];
  if (first && notes.breaks.length > 0) {
    series[0] = {
      ...first,
      markLine: {
        silent: true,
        symbol: 'none',
        lineStyle: { color: '#595959', type: 'dashed', width: 1.5 },
        label: { position: 'end', fontSize: 11, color: '#333' },
        data: notes.breaks.map((b) => ({ xAxis: String(b.year), label: { formatter: breakLabel(b) } })),
      },
    } as SeriesOption;
  }
  const implied: SeriesOption[] = notes.implied.map((i) => ({
    type: 'line',
    name: `implied-${i.metric}-${i.year}`,
    color: IMPLIED_COLOUR,
    lineStyle: { width: 0 },
    symbol: 'circle',
    symbolSize: 10,
    itemStyle: { color: '#ffffff', borderColor: IMPLIED_COLOUR, borderWidth: 2, borderType: 'dashed' },
    z: 4,
    label: {
      show: true,
      position: 'top',
      fontSize: 11,
      color: '#333',
      formatter: `${lang === 'zh' ? '推算' : 'implied'} ${formatValue(i.value, i.qualifier, lang)}`,
    },
    data: data.years.map((y) => (y === i.year ? i.value : null)),
  }));
  // The legend lists its entries by name (yearChartOption), so implied points stay out of it: they carry their own label.
  return { ...option, series: [...series, ...implied] };
}
