/**
 * Everything one agency chart shows, in one language: the chart state, its SVG, the reports it draws on and
 * its source line. Built once per chart and read by the agency page, the embed page and the chart files
 * (chart.svg, chart.png, data.csv), so the four can never disagree.
 */
import { fill, messages } from '../../i18n/index.ts';
import type { Lang } from '../core/format.ts';
import type { ChartId, ReportOut, ScopeGroup } from '../core/schema.ts';
import type { SiteData } from './site-data.ts';
import type { AgencySummary } from '../core/schema.ts';
import { AGENCY_CHARTS } from '../core/chart-specs.ts';
import { chartData, seriesLabel, type ChartData } from '../charts/agency-charts.ts';
import { renderSvg, type RenderSize } from '../charts/echarts.ts';
import { chartSize, yearChartOption } from '../charts/options.ts';
import { printChart, type PrintChart } from '../charts/print.ts';
import { annotateYearChart, yearChartNotes, type YearChartNotes } from '../charts/annotations.ts';
import { eraOf } from '../core/templates.ts';

export interface AgencyChartView {
  chart: ChartId;
  title: string;
  data: ChartData;
  /** The chart's SVG (rendered on first use); null when no report states any of the chart's figures. */
  readonly svg: string | null;
  size: RenderSize;
  /** The reports behind the drawn figures, oldest first. */
  reports: ReportOut[];
  source: string;
  /** Series breaks and implied previous-year values the chart marks. */
  notes: YearChartNotes;
  /** Whose figures: the body's own reports, or whole-jurisdiction totals. */
  scope: ScopeGroup;
}

export function agencyName(agency: AgencySummary, lang: Lang): string {
  return lang === 'zh' ? agency.name_zh : agency.name_en;
}

/** The years a scope's charts span: every year with a figure or an implied value of a charted metric. */
function chartYears(series: AgencySummary['chart_series'], implied: AgencySummary['implied']): number[] {
  const years = new Set([...Object.values(series).flatMap((points) => points.map((p) => p.year)), ...implied.map((i) => i.year)]);
  return [...years].sort((a, b) => a - b);
}

export function agencyChartView(
  site: SiteData,
  agency: AgencySummary,
  chart: ChartId,
  lang: Lang,
  scope: ScopeGroup = 'agency',
): AgencyChartView {
  const t = messages(lang);
  const spec = AGENCY_CHARTS.find((c) => c.id === chart);
  if (!spec) throw new Error(`unknown chart "${chart}"`);
  const label = (key: string) => seriesLabel(lang === 'zh' ? site.metric(key).label_zh : site.metric(key).label_en);
  const series = scope === 'agency' ? agency.chart_series : agency.system_chart_series;
  const implied = agency.implied.filter((i) => i.scope === scope);
  const data = chartData(spec, chartYears(series, implied), series, label);
  const title = scope === 'agency' ? t[spec.title] : `${t[spec.title]} · ${t[`jurisdiction_${agency.level}`]}`;
  const size = chartSize(data);
  const reportIds = new Set(data.series.flatMap((s) => s.points.flatMap((p) => (p ? [p.report_id] : []))));
  const reports = site
    .reportsOf(agency)
    .filter((r) => reportIds.has(r.id))
    .reverse();
  const notes = yearChartNotes(data, new Map(reports.map((r) => [r.year, eraOf(r.template, r.year)])), implied);
  const years = reports.map((r) => r.year).join(lang === 'zh' ? '、' : ', ');
  const breakLabel = (b: { year: number }) => fill(t.breakMarker, { year: b.year });
  return {
    chart,
    title,
    data,
    svg:
      data.series.length > 0
        ? renderSvg(
            annotateYearChart(yearChartOption(data, lang), data, notes, lang, breakLabel),
            size,
            `chart-${scope === 'agency' ? '' : 'system-'}${chart}`,
            `${agencyName(agency, lang)}: ${title}`,
          )
        : null,
    size,
    reports,
    source: fill(t.chartSourceLine, { agency: agencyName(agency, lang), years, site: t.siteName }),
    notes,
    scope,
  };
}

/** The chart framed with its title and source, for chart.svg, chart.png and og:image. */
export function printableChart(view: AgencyChartView, agency: AgencySummary, lang: Lang): PrintChart | null {
  return view.svg ? printChart(view.svg, view.size, `${agencyName(agency, lang)} · ${view.title}`, view.source) : null;
}
